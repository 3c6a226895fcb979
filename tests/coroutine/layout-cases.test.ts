// Layouts of hand-built MIR bodies, each shaped like the MIR rustc's builder makes for a small program
// (one `await` terminator standing for rustc's poll loop), elaborated and laid out. Each expected set
// is reasoned from rustc's rule — saved = (live ∪ borrowed) ∩ requires-storage — in the comment above
// it, and each case names the tests/layout/ machine where rustc itself stores the same thing.

import { describe, expect, it } from "vitest";
import { analyzeSuspendPoints, computeLayout } from "../../src/coroutine/layout.js";
import { elaborate } from "../../src/mir/elaborate.js";
import type { Body } from "../../src/mir/types.js";
import {
  add,
  assign,
  awaitT,
  BOOL,
  call,
  cint,
  copy,
  coroutineDrop,
  cunit,
  dead,
  drop,
  FUT,
  goto,
  I32,
  live,
  move,
  names,
  ref,
  refTo,
  resume,
  ret,
  STRING,
  switchIf,
  testCtx,
  TestMir,
  UNIT,
  use,
  USIZE,
} from "./mir-builder.js";

function savedNames(body: Body): string[][] {
  const e = elaborate(body, testCtx).body;
  return analyzeSuspendPoints(e).suspendPoints.map((p) => names(e, p.saved));
}

/**
 * The acceptance case `foo` (self_ref_across_await.rs; tests/layout/README.md's worked example):
 *
 *     async fn foo() { let s = String::from("hi"); let r = &s; bar().await; use_it(r); }
 */
function acceptanceFoo(): Body {
  const m = new TestMir("foo");
  const s = m.var("s", STRING); // _3
  const r = m.var("r", refTo(STRING)); // _4
  const t5 = m.temp(FUT); // _5 bar()
  const aw = m.named("__awaitee", FUT); // _6
  const t7 = m.temp(UNIT); // _7 the await's value
  const t8 = m.temp(UNIT); // _8 use_it's value
  const t9 = m.temp(refTo(STRING)); // _9 the argument
  /* bb0 */ m.block([live(s)], call(s, "String::from", [], 1, 13));
  /* bb1 */ m.block([live(r), assign(r, ref(s)), live(t7), live(t5)], call(t5, "bar", [], 2, 11));
  /* bb2 */ m.block([live(aw)], call(aw, "into_future", [move(t5)], 3, 10));
  /* bb3 */ m.block([dead(t5)], awaitT(aw, t7, 4, { drop: 7, unwind: 9 }));
  /* bb4 */ m.block([], drop(aw, 5, 11));
  /* bb5 */ m.block([dead(aw), dead(t7), live(t9), assign(t9, use(copy(r)))], call(t8, "use_it", [move(t9)], 6, 11));
  /* bb6 */ m.block([dead(t9), dead(r), assign(0, use(cunit))], drop(s, 12, 13));
  /* bb7 */ m.block([], drop(aw, 8, 11)); // coroutine drop path
  /* bb8 */ m.block([dead(aw), dead(t7), dead(r)], drop(s, 14, 13));
  /* bb9 */ m.block([], drop(aw, 11, "unreachable"), { cleanup: true });
  /* bb10 */ m.block([], drop(t5, 11, "unreachable"), { cleanup: true });
  /* bb11 */ m.block([], drop(s, 13, "unreachable"), { cleanup: true });
  /* bb12 */ m.block([dead(s)], ret());
  /* bb13 */ m.block([], resume(), { cleanup: true });
  /* bb14 */ m.block([dead(s)], coroutineDrop());
  return m.finish();
}

describe("layouts of hand-built bodies", () => {
  it("stores s, r and __awaitee for the acceptance foo, with r ──▶ s", () => {
    // At the await: `r` is used after it (use_it(r)), `s` is dropped after it (a use) and was
    // borrowed by `r = &s`, `__awaitee` is polled again; all three were assigned and not moved out.
    // The await's value `_7` is written on resume only, `_5` was moved into `into_future`.
    const body = acceptanceFoo();
    expect(savedNames(body)).toEqual([["__awaitee", "r", "s"]]);
    const layout = computeLayout(elaborate(body, testCtx).body);
    expect(layout.states.map((s) => s.name)).toEqual(["Unresumed", "Returned", "Panicked", "Suspend0"]);
    expect(layout.states[3]!.selfRefs).toEqual([{ from: 4, to: 3 }]);
    expect(layout.transitions).toEqual([
      { from: "Unresumed", to: "Suspend0" },
      { from: "Suspend0", to: "Returned" },
    ]);
  });

  it("the four sets at the acceptance foo's await", () => {
    const e = elaborate(acceptanceFoo(), testCtx).body;
    const [p] = analyzeSuspendPoints(e).suspendPoints;
    expect(names(e, p!.live)).toEqual(["__awaitee", "r", "s"]);
    // `__awaitee` counts as borrowed only from the await's own effect on (rustc: from the first poll).
    expect(names(e, p!.borrowed)).toEqual(["s"]);
    // _2 (the resume argument) requires storage from the start; it is removed as an argument.
    expect(names(e, p!.requiresStorage)).toEqual(["_2", "__awaitee", "r", "s"]);
  });

  it("a String moved after the first await: stored with a drop flag there, only the flag at the second", () => {
    // moves.rs `moved_between_awaits` (rustc: Suspend0 [s, temp, __awaitee], Suspend1 [t, temp,
    // __awaitee]) moves with `let t = s`; here `consume(s)` moves it into a call, the same for flags:
    //
    //     let s = String::from("a"); a().await; consume(s); b().await;
    //
    // The scope-end drop of `s` on the coroutine-drop path is shared by both awaits' drop paths
    // (rustc's drop trees share it): reached with `s` owned from Suspend0 and moved from Suspend1,
    // so it becomes `if flag { drop(s) }`; the flag is read on Suspend1's drop path, so it is live
    // there. `s` itself is not stored at Suspend1: moved out whole, never borrowed.
    const m = new TestMir("moved_into_call_between_awaits");
    const s = m.var("s", STRING); // _3
    const aw0 = m.named("__awaitee", FUT); // _4
    const aw1 = m.named("__awaitee", FUT); // _5
    const v0 = m.temp(UNIT); // _6
    const n = m.temp(USIZE); // _7
    const v1 = m.temp(UNIT); // _8
    /* bb0 */ m.block([live(s)], call(s, "String::from", [], 1, 12));
    /* bb1 */ m.block([live(aw0)], call(aw0, "a", [], 2, 11));
    /* bb2 */ m.block([live(v0)], awaitT(aw0, v0, 3, { drop: 8, unwind: 10, index: 0 }));
    /* bb3 */ m.block([], drop(aw0, 4, 11));
    /* bb4 */ m.block([dead(aw0), dead(v0), live(n)], call(n, "consume", [move(s)], 5, 11));
    /* bb5 */ m.block([live(aw1)], call(aw1, "b", [], 6, 11));
    /* bb6 */ m.block([live(v1)], awaitT(aw1, v1, 7, { drop: 9, unwind: 10, index: 1 }));
    /* bb7 */ m.block([dead(v1), dead(aw1), dead(n), assign(0, use(cunit))], drop(s, 13, 12));
    /* bb8 */ m.block([dead(v0)], drop(aw0, 14, 11)); // Suspend0's drop path
    /* bb9 */ m.block([dead(v1)], drop(aw1, 14, 11)); // Suspend1's drop path
    /* bb10 */ m.block([], goto(11), { cleanup: true });
    /* bb11 */ m.block([], drop(s, 12, "unreachable"), { cleanup: true });
    /* bb12 */ m.block([], resume(), { cleanup: true });
    /* bb13 */ m.block([dead(s)], ret());
    /* bb14 */ m.block([], drop(s, 15, 12)); // shared: the scope end of `s` on every drop path
    /* bb15 */ m.block([dead(s)], coroutineDrop());
    const body = m.finish();
    const el = elaborate(body, testCtx);
    expect(el.dropFlags).toHaveLength(1);
    expect(el.dropFlags[0]!.place).toEqual({ local: s, projection: [] });
    const flag = `_${el.dropFlags[0]!.local}`;
    expect(savedNames(body)).toEqual([
      [flag, "__awaitee", "s"],
      [flag, "__awaitee"],
    ]);
  });

  it("a String moved on one branch before the await: stored, with a drop flag", () => {
    // moves.rs `moved_on_one_branch` (rustc: Suspend0 [s, n, __awaitee, temp, upvar eat]):
    //
    //     async fn f(eat: bool) -> usize { let s = …; let mut n = 0; if eat { n = consume(s); } yield_now().await; n }
    //
    // After the `if`, `s` may be owned or moved: its scope-end drop becomes `if flag { drop(s) }`,
    // which reads `s` and the flag after the await — both live, both stored; `eat` (a Copy local
    // read only in the condition) is not.
    const m = new TestMir("moved_on_one_branch", "asyncFn", USIZE);
    m.upvar("eat", BOOL);
    const eat = m.var("eat", BOOL); // _3
    const s = m.var("s", STRING); // _4
    const n = m.var("n", USIZE); // _5
    const aw = m.named("__awaitee", FUT); // _6
    const v = m.temp(UNIT); // _7
    /* bb0 */ m.block([live(eat), assign(eat, use(copy({ local: 1, projection: [{ kind: "field", index: 0, ty: BOOL }] }))), live(s)], call(s, "String::from", [], 1, 10));
    /* bb1 */ m.block([live(n), assign(n, use(cint(0, USIZE)))], switchIf(copy(eat), 2, 3));
    /* bb2 */ m.block([], call(n, "consume", [move(s)], 3, 9));
    /* bb3 */ m.block([live(aw)], call(aw, "yield_now", [], 4, 9));
    /* bb4 */ m.block([live(v)], awaitT(aw, v, 5, { drop: 7, unwind: 8 }));
    /* bb5 */ m.block([dead(v)], drop(aw, 6, 9));
    /* bb6 */ m.block([dead(aw), assign(0, use(copy(n))), dead(n)], drop(s, 11, 10));
    /* bb7 */ m.block([dead(v)], drop(aw, 12, 9));
    /* bb8 */ m.block([], drop(aw, 9, "unreachable"), { cleanup: true });
    /* bb9 */ m.block([], drop(s, 10, "unreachable"), { cleanup: true });
    /* bb10 */ m.block([], resume(), { cleanup: true });
    /* bb11 */ m.block([dead(s), dead(eat)], ret());
    /* bb12 */ m.block([dead(n)], drop(s, 13, 10));
    /* bb13 */ m.block([dead(s), dead(eat)], coroutineDrop());
    const body = m.finish();
    const el = elaborate(body, testCtx);
    expect(el.dropFlags.map((f) => f.place.local)).toEqual([s]);
    expect(savedNames(body)).toEqual([[`_${el.dropFlags[0]!.local}`, "__awaitee", "n", "s"]]);
  });

  it("a borrow of a local declared in an inner block that ends before the await: not stored", () => {
    // borrows.rs `borrow_in_inner_block` (rustc: Suspend0 [total, __awaitee]):
    //
    //     let total = { let y = 5; let r = &y; *r + 1 }; yield_now().await; total
    //
    // `y` was borrowed, but its StorageDead at the `}` ends both its storage and the borrow.
    const m = new TestMir("borrow_in_inner_block", "asyncFn", I32);
    const total = m.var("total", I32); // _3
    const y = m.var("y", I32); // _4
    const r = m.var("r", refTo(I32)); // _5
    const aw = m.named("__awaitee", FUT); // _6
    const v = m.temp(UNIT); // _7
    m.block(
      [live(total), live(y), assign(y, use(cint(5))), live(r), assign(r, ref(y)), assign(total, add(copy({ local: r, projection: [{ kind: "deref" }] }), cint(1))), dead(r), dead(y), live(aw)],
      call(aw, "yield_now", [], 1, 4),
    );
    m.block([live(v)], awaitT(aw, v, 2, { drop: 3, unwind: 4 }));
    m.block([dead(v), dead(aw), assign(0, use(copy(total))), dead(total)], ret());
    m.block([dead(v), dead(aw), dead(total)], coroutineDrop());
    m.block([], resume(), { cleanup: true });
    expect(savedNames(m.finish())).toEqual([["__awaitee", "total"]]);
  });

  it("the same borrow of a local declared outside the block: stored", () => {
    // borrows.rs `borrow_outer_from_block` (rustc: Suspend0 [x, doubled, __awaitee]): `x` stays
    // storage-live across the await and was borrowed, so it is stored though never used again.
    const m = new TestMir("borrow_outer_from_block", "asyncFn", I32);
    const x = m.var("x", I32); // _3
    const doubled = m.var("doubled", I32); // _4
    const r = m.var("r", refTo(I32)); // _5
    const aw = m.named("__awaitee", FUT); // _6
    const v = m.temp(UNIT); // _7
    m.block(
      [live(x), assign(x, use(cint(10))), live(doubled), live(r), assign(r, ref(x)), assign(doubled, add(copy({ local: r, projection: [{ kind: "deref" }] }), copy({ local: r, projection: [{ kind: "deref" }] }))), dead(r), live(aw)],
      call(aw, "yield_now", [], 1, 4),
    );
    m.block([live(v)], awaitT(aw, v, 2, { drop: 3, unwind: 4 }));
    m.block([dead(v), dead(aw), assign(0, use(copy(doubled))), dead(doubled), dead(x)], ret());
    m.block([dead(v), dead(aw), dead(doubled), dead(x)], coroutineDrop());
    m.block([], resume(), { cleanup: true });
    expect(savedNames(m.finish())).toEqual([["__awaitee", "doubled", "x"]]);
  });

  it("a temporary copied before the await and read after it: the temp, not the local", () => {
    // expressions.rs `local_plus_await` (rustc: Suspend0 [temp, __awaitee]):
    //
    //     let x = 5; x + num(1).await
    //
    // MIR copies `x` into a temp (`_5 = copy _3`) before evaluating the right operand; the temp is
    // read by the addition after the await, `x` never again.
    const m = new TestMir("local_plus_await", "asyncFn", I32);
    const x = m.var("x", I32); // _3
    const t = m.temp(I32); // _4 x's copy
    const aw = m.named("__awaitee", FUT); // _5
    const v = m.temp(I32); // _6 the awaited value
    m.block([live(x), assign(x, use(cint(5))), live(t), assign(t, use(copy(x))), live(aw)], call(aw, "num", [cint(1)], 1, 4));
    m.block([live(v)], awaitT(aw, v, 2, { drop: 3, unwind: 4 }));
    m.block([dead(aw), assign(0, add(move(t), move(v))), dead(v), dead(t), dead(x)], ret());
    m.block([dead(v), dead(aw), dead(t), dead(x)], coroutineDrop());
    m.block([], resume(), { cleanup: true });
    expect(savedNames(m.finish())).toEqual([["_4", "__awaitee"]]);
  });

  it("a loop with an await: the counter is stored, the loop's own temps are not", () => {
    // loops.rs `loop_counter` (rustc: Suspend0 [i, __awaitee]):
    //
    //     let mut i = 0; loop { yield_now().await; i += 1; if i == 3 { break; } } i
    //
    // `i` is live around the back edge (read by `i += 1` after the await); the comparison temp is
    // assigned after the await and dead before it.
    const m = new TestMir("loop_counter", "asyncFn", I32);
    const i = m.var("i", I32); // _3
    const aw = m.named("__awaitee", FUT); // _4
    const v = m.temp(UNIT); // _5
    const cmp = m.temp(BOOL); // _6
    /* bb0 */ m.block([live(i), assign(i, use(cint(0)))], goto(1));
    /* bb1 */ m.block([live(aw)], call(aw, "yield_now", [], 2, 6));
    /* bb2 */ m.block([live(v)], awaitT(aw, v, 3, { drop: 5, unwind: 6 }));
    /* bb3 */ m.block([dead(v), dead(aw), assign(i, add(copy(i), cint(1))), live(cmp), assign(cmp, { kind: "binary", op: "Eq", lhs: copy(i), rhs: cint(3) })], switchIf(move(cmp), 4, 1));
    /* bb4 */ m.block([dead(cmp), assign(0, use(copy(i))), dead(i)], ret());
    /* bb5 */ m.block([dead(v), dead(aw), dead(i)], coroutineDrop());
    /* bb6 */ m.block([], resume(), { cleanup: true });
    const body = m.finish();
    expect(savedNames(body)).toEqual([["__awaitee", "i"]]);
    expect(computeLayout(elaborate(body, testCtx).body).transitions).toEqual([
      { from: "Unresumed", to: "Suspend0" },
      { from: "Suspend0", to: "Suspend0" },
      { from: "Suspend0", to: "Returned" },
    ]);
  });

  it("an await in a loop assigns its destination each time: dead at the await, so not stored", () => {
    // `let mut x = 0; loop { x = num().await; if x > 3 { break } } x` — `x` needs storage from the
    // first iteration on (rustc keeps it required across the poll loop: the value is written after
    // it), but it is overwritten on resume before any read and never borrowed: not stored.
    const m = new TestMir("await_dest_in_loop", "asyncFn", I32);
    const x = m.var("x", I32); // _3
    const aw = m.named("__awaitee", FUT); // _4
    const cmp = m.temp(BOOL); // _5
    m.block([live(x), assign(x, use(cint(0)))], goto(1));
    m.block([live(aw)], call(aw, "num", [], 2, 5));
    m.block([], awaitT(aw, x, 3, { drop: 4, unwind: 5 }));
    m.block([dead(aw), live(cmp), assign(cmp, { kind: "binary", op: "Gt", lhs: copy(x), rhs: cint(3) })], switchIf(move(cmp), 6, 1));
    m.block([dead(aw), dead(x)], coroutineDrop());
    m.block([], resume(), { cleanup: true });
    m.block([dead(cmp), assign(0, use(copy(x))), dead(x)], ret());
    const e = elaborate(m.finish(), testCtx).body;
    const [p] = analyzeSuspendPoints(e).suspendPoints;
    expect(p!.requiresStorage.has(x)).toBe(true);
    expect(p!.live.has(x)).toBe(false);
    expect(names(e, p!.saved)).toEqual(["__awaitee"]);
  });

  it("a match scrutinee mentioned after the await is stored, though no arm reads it", () => {
    // async fn match_after() -> i32 { let x = Some(5); yield_now().await; match x { _ => 1 } }
    // rustc 1.97 -Zprint-type-sizes: Suspend0 stores `x` and `__awaitee`. The match's
    // `PlaceMention(x)` (pinion's `fakeRead`) is a use for liveness, and rustc's coroutine pass runs
    // before PlaceMention is removed.
    const m = new TestMir("match_after", "asyncFn", I32);
    const x = m.var("x", I32); // _3 (an Option<i32> in the Rust; any Copy type will do)
    const aw = m.named("__awaitee", FUT); // _4
    const v = m.temp(UNIT); // _5
    m.block([live(x), assign(x, use(cint(5))), live(aw)], call(aw, "yield_now", [], 1, 3));
    m.block([live(v)], awaitT(aw, v, 2, { drop: 4, unwind: 3 }));
    m.block([dead(v), dead(aw), { kind: "fakeRead", place: { local: x, projection: [] }, span: { lo: 0, hi: 0 } }, assign(0, use(cint(1))), dead(x)], ret());
    m.block([], resume(), { cleanup: true });
    m.block([dead(v), dead(aw), dead(x)], coroutineDrop());
    expect(savedNames(m.finish())).toEqual([["__awaitee", "x"]]);
  });

  it("an unreachable await is not a suspend point, and the states are numbered densely", () => {
    const m = new TestMir("dead_await");
    const aw = m.named("__awaitee", FUT); // _3
    const v = m.temp(UNIT); // _4
    m.block([live(aw)], call(aw, "a", [], 1));
    m.block([], awaitT(aw, v, 2, { index: 0 }));
    m.block([dead(aw), assign(0, use(cunit))], ret());
    m.block([], awaitT(aw, v, 2, { index: 1 })); // nothing jumps here
    const layout = computeLayout(elaborate(m.finish(), testCtx).body);
    expect(layout.states.map((s) => s.name)).toEqual(["Unresumed", "Returned", "Panicked", "Suspend0"]);
    expect(layout.states[3]!.await!.index).toBe(0);
  });
});
