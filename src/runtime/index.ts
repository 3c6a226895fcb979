// `pinion/runtime`: everything emitted code imports — the simulated process (machine.ts, panic.ts),
// the memory model, Pin, Poll/Context/Waker, cells and executors (core.ts), and the std pieces:
// numbers, formatting, strings, collections, Option/Result, iterators, type descriptors (std.ts);
// the glue emitted code calls between them (glue.ts) and running `main` (entry.ts).
export * from "./machine.js";
export * from "./panic.js";
export * from "./core.js";
export * from "./std.js";
export * from "./glue.js";
export * from "./dispatch.js";
export * from "./entry.js";
