// The runtime's core half, as one import: the memory model (places, pointers, moves, pins, Box),
// drop glue, futures and wakers, cells and reference counting, executors and virtual time.
// std.ts is the other half; index.ts re-exports both as `pinion/runtime`.
//
// Import order matters only in one place: drop.ts wires `drop_in_place` into memory.ts's `RBox`
// when it is evaluated, so it is exported (and therefore evaluated) right after memory.ts.
export * from "./memory.js";
export * from "./drop.js";
export * from "./task.js";
export * from "./cell.js";
export * from "./executor.js";
