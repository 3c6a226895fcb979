// The runtime's core half, as one import: the memory model (places, pointers, moves, pins, Box),
// drop glue, futures and wakers, cells and reference counting, executors and virtual time.
// std.ts is the other half; index.ts re-exports both as `pinion/runtime`.
//
// How emitted code uses it — the contract with emit/ (tests/runtime/core-run-executor-timeline.test.ts
// is a whole acceptance program written this way, and prints rustc's output):
//
//   [rust]                                   [lowered]
//   async fn my_func() -> usize {            class MyFunc extends Composite implements Future<number> {
//       let label = String::from("b");         static readonly $rust = { kind: "future", name: "my_func" };
//       let label_ref = &label;                declare state: 0 | 1 | 2 | 3;  declare label: RString | Moved; …
//       let data = Read{..}.await;             constructor() { super(); this.state = 0; this.label = MOVED; … }
//       data.len() + label_ref.len()           poll(self: Ptr<this>, cx: Ptr<Context>): Poll<number> { … }
//   }                                          $drop(): void { /* drop the locals of the current state */ }
//                                            }
//
//   - Futures, structs, enums and closure environments extend `Composite`; saved locals and fields are
//     properties. Declare them with `declare` and assign them in the constructor: a class-field
//     definition costs Node 20 4–17 ns per object (see memory.ts), an assignment nothing.
//   - A reference is a `Ptr`: `&x` of a saved local is `Ptr.to(this, "x", loc)`, of a plain function's
//     local `Ptr.to($f, "x", loc)` with `const $f = frame("main", { x: … })` (only address-taken locals
//     need the frame) and `$f.$exit(loc)` when the function returns; `&(*p).f` is `Ptr.field(p, "f",
//     loc)`; `*p` is `p.get(loc)`, `*p = v` is `p.set(v, loc)`.
//   - Awaiting: poll the child through its own field, with a pin pointer made once per slot —
//     `this.__awaitee.poll((this.$p0 ??= Ptr.to(this, "__awaitee", loc)), cx)` — and compare with
//     `PENDING`. Reads through self-references stay checked; that is where a moved future is caught.
//     For `&x` of a saved local, a generated field-specialised pointer (`Ptr.toWith(PtrToX, this,
//     "x", loc)`, overriding `get`/`set` with a named load) keeps those reads as cheap as field reads
//     (bench/runtime-memory.mjs: 3.6× faster than native async/await, against 1.8× with `Ptr.to`).
//   - Moves of places: `let b = a` is `moveOut(c, "a", loc)` (pointers to and into `a` dangle, `a`
//     holds `MOVED`); a moved temporary needs nothing; `mem_swap`/`mem_replace`/`mem_take` move too.
//   - Pins: `Pin_new_unchecked(p, loc)`, `Box_pin(v, loc)`, `pin_in($f, "$pin0", v, loc)` for `pin!`.
//     `Pin<P>` is `P`; `pinned.as_mut()` is `Pin_as_mut(p)`; `fut.poll(cx)` on a pin is
//     `future_poll(p, cx, loc)`.
//   - Drops: `drop_in_place(x, loc)` where Rust drops (reverse declaration order at the end of a
//     scope); a user `impl Drop` is a `[DROP](): void` method. `MOVED` is skipped.
//   - The runner: `UndefinedBehavior` → print `formatUbReport(e.report, file, source)`, exit 101;
//     `Deadlock` → print `e.message`, exit `e.exitCode` (124); `--trace` → `new Machine({ trace })`
//     and print `traceLine(event, file, source)` for each event (skip the empty ones).
//
// Import order matters only in one place: drop.ts wires `drop_in_place` into memory.ts's `RBox`
// when it is evaluated, so it is exported (and therefore evaluated) right after memory.ts.
export * from "./memory.js";
export * from "./drop.js";
export * from "./task.js";
export * from "./cell.js";
export * from "./executor.js";
