// `pinion/runtime`: everything emitted code imports.
export * from "./machine.js";
export * from "./panic.js";
