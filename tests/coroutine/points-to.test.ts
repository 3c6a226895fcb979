// Self-references (points-to.ts + layout.ts) on hand-built bodies shaped like rustc's MIR. Whether a
// reference points into the coroutine is a fact of Rust, not of rustc's output: each case says why in
// its comment (a pointer into a local of the future is invalidated by moving the future; a pointer to
// the heap or into the caller is not).

import { describe, expect, it } from "vitest";
import { computeLayout } from "../../src/coroutine/layout.js";
import { elaborateDrops } from "../../src/mir/elaborate.js";
import type { Body, Local } from "../../src/mir/types.js";
import type { Ty } from "../../src/resolve/ty.js";
import { assign, awaitT, call, cint, copy, cunit, dead, deref, field, FUT, I32, live, move, pl, ref, refTo, ret, STRING, testCtx, TestMir, UNIT, use } from "./mir-builder.js";

const PIN_MUT_FUT: Ty = { k: "adt", def: 40, args: [refTo(FUT, true)] };
const CLOSURE: Ty = { k: "closure", node: 7, params: [], ret: UNIT };
const POLL_FN: Ty = { k: "adt", def: 41, args: [CLOSURE] };

/** `name ──▶ name` pairs of Suspend0 (upvar targets as `upvar x`). */
function selfRefs(body: Body): string[] {
  const e = elaborateDrops(body, testCtx);
  const layout = computeLayout(e);
  const s0 = layout.states.find((s) => s.name === "Suspend0")!;
  const n = (l: Local) => e.locals[l]!.name ?? `_${l}`;
  return [
    ...s0.selfRefs.map((r) => `${n(r.from)} ──▶ ${n(r.to)}`),
    ...s0.upvarRefs.map((r) => `${n(r.from)} ──▶ upvar ${layout.upvars[r.upvar]!.name}`),
  ].sort();
}

/** Ends a body: the await at `bb{at}` resumes to a block that reads `reads` and returns. */
function finishAfterAwait(m: TestMir, aw: Local, at: number, reads: Local[]): Body {
  const v = m.temp(UNIT);
  m.block([live(v)], awaitT(aw, v, at + 1));
  m.block([dead(v), ...reads.map((r) => assign(m.temp(I32), use(copy(pl(r, deref))))), assign(0, use(cunit))], ret());
  return m.finish();
}

describe("self-references", () => {
  it("`let r = &s` across an await: r ──▶ s (the acceptance foo)", () => {
    const m = new TestMir("foo");
    const s = m.var("s", STRING);
    const r = m.var("r", refTo(STRING));
    const aw = m.named("__awaitee", FUT);
    m.block([live(s), assign(s, use(cint(0))), live(r), assign(r, ref(s)), live(aw)], call(aw, "bar", [], 1));
    expect(selfRefs(finishAfterAwait(m, aw, 1, [r]))).toEqual(["r ──▶ s"]);
  });

  it("copies, reborrows and pointer casts carry the target; a reference to the heap does not count", () => {
    // let s = String::from("x"); let r = &s; let r2 = r; let p = &raw const *r;  — all into `s`.
    // let b = Box::new(1); let h = &*b;  — into the heap: moving the future leaves `h` valid.
    const m = new TestMir("carry");
    const s = m.var("s", STRING);
    const r = m.var("r", refTo(STRING));
    const r2 = m.var("r2", refTo(STRING));
    const p = m.var("p", { k: "ptr", mutable: false, inner: STRING });
    const b = m.var("b", { k: "adt", def: 3, args: [I32] });
    const h = m.var("h", refTo(I32));
    const aw = m.named("__awaitee", FUT);
    m.block(
      [
        assign(s, use(cint(0))),
        assign(r, ref(s)),
        assign(r2, use(copy(r))),
        assign(p, { kind: "rawPtr", mutable: false, place: pl(r, deref) }),
        assign(b, use(cint(1))),
        assign(h, ref(pl(b, deref))),
      ],
      call(aw, "bar", [], 1),
    );
    expect(selfRefs(finishAfterAwait(m, aw, 1, [r, r2, p, h]))).toEqual(["p ──▶ s", "r ──▶ s", "r2 ──▶ s"]);
  });

  it("`pin!` and a `poll_fn` closure: fut ──▶ pinned, __awaitee ──▶ fut and polls (blocks.rs pin_and_poll_fn)", () => {
    // let mut fut = pin!(num(7)); let mut polls = 0;
    // poll_fn(|cx| { polls += 1; fut.as_mut().poll(cx) }).await
    //   pinned = num(7); _t = &mut pinned; fut = Pin::new_unchecked(move _t)      (P → Pin<P>)
    //   _a = &mut fut; _b = &mut polls; c = {closure} { move _a, move _b }       (captures by &mut)
    //   _f = poll_fn(move c); __awaitee = into_future(move _f)                   (F → PollFn<F> → PollFn<F>)
    const m = new TestMir("pin_and_poll_fn");
    const fut = m.var("fut", PIN_MUT_FUT);
    const pinned = m.named("pinned", FUT);
    const polls = m.var("polls", I32);
    const t = m.temp(refTo(FUT, true));
    const a = m.temp(refTo(PIN_MUT_FUT, true));
    const bp = m.temp(refTo(I32, true));
    const c = m.temp(CLOSURE);
    const f = m.temp(POLL_FN);
    const aw = m.named("__awaitee", POLL_FN);
    m.block([live(pinned)], call(pinned, "num", [cint(7)], 1));
    m.block([assign(t, ref(pinned, true))], call(fut, "Pin::new_unchecked", [move(t)], 2));
    m.block(
      [assign(polls, use(cint(0))), assign(a, ref(fut, true)), assign(bp, ref(polls, true)), assign(c, { kind: "aggregate", agg: { kind: "closure", node: 7 }, operands: [move(a), move(bp)] })],
      call(f, "poll_fn", [move(c)], 3),
    );
    m.block([], call(aw, "into_future", [move(f)], 4));
    // `fut.as_mut()` returns a new Pin to `pinned` through `&mut fut`: not a pass-through (`&mut Pin<P>` → `Pin<P>`).
    const reborrowed = m.var("again", PIN_MUT_FUT);
    const a2 = m.temp(refTo(PIN_MUT_FUT, true));
    const v = m.temp(UNIT);
    m.block([live(v)], awaitT(aw, v, 5));
    m.block([assign(a2, ref(fut, true))], call(reborrowed, "Pin::as_mut", [move(a2)], 6));
    m.block([assign(m.temp(I32), use(copy(polls))), assign(0, use(cunit))], ret());
    expect(selfRefs(m.finish())).toEqual(["__awaitee ──▶ fut", "__awaitee ──▶ polls", "fut ──▶ pinned"]);
  });

  it("an async fn's future keeps its arguments: __awaitee ──▶ s for `measure(&s).await`", () => {
    // async fn measure(s: &String) -> usize; let s = String::from("lent"); measure(&s).await
    const m = new TestMir("lend");
    const s = m.var("s", STRING);
    const t = m.temp(refTo(STRING));
    const f = m.temp(FUT);
    const aw = m.named("__awaitee", FUT);
    m.block([assign(s, use(cint(0))), assign(t, ref(s))], call(f, "measure", [move(t)], 1));
    m.block([], call(aw, "into_future", [move(f)], 2));
    expect(selfRefs(finishAfterAwait(m, aw, 2, [s]))).toEqual(["__awaitee ──▶ s"]);
  });

  it("a method returning a different pointer type is not followed: `s.as_str()` points into the heap", () => {
    // let s = String::from("x"); let v = s.as_str(); (as_str: &String → &str) — borrows.rs as_str_across
    const m = new TestMir("as_str");
    const s = m.var("s", STRING);
    const t = m.temp(refTo(STRING));
    const view = m.var("view", refTo({ k: "str" }));
    const aw = m.named("__awaitee", FUT);
    m.block([assign(s, use(cint(0))), assign(t, ref(s))], call(view, "as_str", [move(t)], 1));
    m.block([], call(aw, "yield_now", [], 2));
    expect(selfRefs(finishAfterAwait(m, aw, 2, [view]))).toEqual([]);
  });

  it("an `async move` block borrowing its own capture points into an upvar", () => {
    // async move { let r = &s; yield_now().await; r.len() }  — `s` is upvar 0, read as `_1.0`
    const m = new TestMir("{async block@1:1}", "asyncBlock");
    m.upvar("s", STRING);
    const r = m.var("r", refTo(STRING));
    const aw = m.named("__awaitee", FUT);
    m.block([assign(r, ref(pl(1, field(0, STRING))))], call(aw, "yield_now", [], 1));
    expect(selfRefs(finishAfterAwait(m, aw, 1, [r]))).toEqual(["r ──▶ upvar s"]);
  });
});
