// The dataflow framework and the four analyses of the coroutine layout, each on a few statements
// whose expected effect is rustc's (the comment above each expectation says which rule it checks).

import { describe, expect, it } from "vitest";
import { BitSet } from "../../src/coroutine/bitset.js";
import { computeBorrowedLocals } from "../../src/coroutine/borrowed.js";
import {
  blockEndState,
  blockStartState,
  iterateToFixpoint,
  stateAfterPrimary,
  stateBeforePrimary,
  type Analysis,
} from "../../src/coroutine/dataflow.js";
import { computeLiveness } from "../../src/coroutine/liveness.js";
import { computeRequiresStorage } from "../../src/coroutine/requires-storage.js";
import { alwaysLiveLocals, computeStorageLive } from "../../src/coroutine/storage-live.js";
import {
  add,
  assign,
  awaitT,
  call,
  cint,
  copy,
  cunit,
  dead,
  deref,
  drop,
  field,
  FUT,
  goto,
  I32,
  live,
  move,
  pl,
  raw,
  ref,
  refTo,
  resume,
  ret,
  STRING,
  switchIf,
  TestMir,
  UNIT,
  use,
} from "./mir-builder.js";

const members = (s: BitSet) => s.toArray();

describe("BitSet", () => {
  it("adds, removes and says whether a union changed it", () => {
    const a = BitSet.empty(40);
    a.add(3);
    a.add(35);
    expect(members(a)).toEqual([3, 35]);
    const b = BitSet.of(40, [3, 7]);
    expect(a.union(b)).toBe(true);
    expect(a.union(b)).toBe(false);
    a.remove(3);
    expect(members(a)).toEqual([7, 35]);
    a.intersect(BitSet.of(40, [7]));
    expect(members(a)).toEqual([7]);
  });

  it("a union with bit 31 set reports no change the second time (the fixpoint once never ended)", () => {
    const a = BitSet.empty(64);
    const b = BitSet.of(64, [31, 63]);
    expect(a.union(b)).toBe(true);
    expect(a.union(b)).toBe(false);
    expect(members(a)).toEqual([31, 63]);
  });

  it("refuses members outside its domain", () => {
    expect(() => BitSet.empty(4).add(4)).toThrow(/internal error/);
  });
});

describe("the fixpoint engine and its cursor", () => {
  // A forward "assigned on some path" analysis with an early effect that gens the *next* local, so
  // before/after the primary effect can be told apart.
  function assignedSomewhere(size: number): Analysis {
    return {
      name: "test",
      direction: "forward",
      size,
      earlyStatement: (s, stmt) => {
        if (stmt.kind === "assign" && stmt.place.local + 1 < size) s.add(stmt.place.local + 1);
      },
      statement: (s, stmt) => {
        if (stmt.kind === "assign") s.add(stmt.place.local);
      },
      terminator: () => {},
    };
  }

  it("joins over a loop and never visits an unreachable block", () => {
    const m = new TestMir("f", "fn");
    const a = m.temp(I32); // _1
    const b = m.temp(I32); // _2
    const c = m.temp(I32); // _3
    const d = m.temp(I32); // _4 (only the unreachable block assigns it)
    m.block([], goto(1)); // bb0
    m.block([assign(a, use(cint(1)))], switchIf(copy(a), 2, 3)); // bb1
    m.block([assign(b, use(cint(2)))], goto(1)); // bb2: back edge
    m.block([], ret()); // bb3
    m.block([assign(d, use(cint(4)))], goto(3)); // bb4: unreachable
    const r = iterateToFixpoint(m.finish(), assignedSomewhere(5));
    // Entry of bb1 joins bb0 (nothing) and the back edge from bb2 ({a, b, c}: b's early effect gens c).
    expect(members(r.entry[1]!)).toEqual([a, b, c]);
    expect(members(r.entry[3]!)).toEqual([a, b, c]);
    expect(members(r.entry[4]!)).toEqual([]);
    expect(members(r.entry[3]!)).not.toContain(d);
    // Before the primary effect of bb2[0] (`_2 = …`): the early effect (gen _3) is in, the primary (gen _2) is not.
    expect(members(stateBeforePrimary(r, { block: 2, index: 0 }))).toEqual([a, b, c]);
    const fresh = iterateToFixpoint(m.finish(), assignedSomewhere(5));
    expect(members(stateBeforePrimary(fresh, { block: 1, index: 0 }))).toEqual([a, b, c]);
  });

  it("a backward analysis joins successors through edge effects, and seeks both ways", () => {
    // bb0: _1 = f() -> [return: bb1, unwind: bb2]; bb1: _0 = copy _1; return; bb2: use _3; resume
    const m = new TestMir("g", "fn", I32);
    const x = m.temp(I32); // _1
    const y = m.temp(I32); // _2
    const z = m.temp(I32); // _3
    m.block([assign(y, use(cint(0)))], call(x, "f", [copy(y)], 1, 2));
    m.block([assign(0, use(copy(x)))], ret());
    m.block([assign(y, use(copy(z)))], resume(), { cleanup: true });
    const r = computeLiveness(m.finish());
    // The return edge kills _1 (written by the call); the unwind edge brings _3 (read in cleanup).
    expect(members(blockEndState(r, 0))).toEqual([z]);
    // The call reads _2: live just before the call, not before `_2 = 0`.
    expect(members(stateAfterPrimary(r, { block: 0, index: 1 }))).toEqual([y, z]);
    expect(members(stateBeforePrimary(r, { block: 0, index: 0 }))).toEqual([y, z]);
    expect(members(stateAfterPrimary(r, { block: 0, index: 0 }))).toEqual([z]);
    expect(members(blockStartState(r, 0))).toEqual([z]);
  });
});

describe("MaybeBorrowedLocals", () => {
  it("gens on `&p`, `&raw p`, a drop and an awaitee; not through a deref; kills on StorageDead", () => {
    const m = new TestMir("b");
    const s = m.var("s", STRING); // _3
    const n = m.var("n", I32); // _4
    const p = m.var("p", refTo(I32)); // _5
    const q = m.temp(refTo(I32)); // _6
    const raw1 = m.temp({ k: "ptr", mutable: false, inner: I32 }); // _7
    const aw = m.named("__awaitee", FUT); // _8
    const v = m.temp(UNIT); // _9
    m.block([live(n), assign(n, use(cint(1))), assign(p, ref(n)), assign(q, ref(pl(p, deref)))], goto(1)); // bb0
    m.block([assign(raw1, raw(pl(p, deref))), dead(n)], drop(s, 2)); // bb1
    m.block([], awaitT(aw, v, 3)); // bb2
    m.block([assign(0, use(cunit))], ret()); // bb3
    const r = computeBorrowedLocals(m.finish());
    // `&_4` borrows n; `&(*_5)` is a reborrow through p: p itself is not borrowed.
    expect(members(blockEndState(r, 0))).toEqual([n]);
    // StorageDead(n) ends it; the drop of s borrows s (drop glue takes `&mut s`).
    expect(members(blockEndState(r, 1))).toEqual([s]);
    expect(members(stateBeforePrimary(r, { block: 2, index: 0 }))).toEqual([s]);
    expect(members(blockEndState(r, 2))).toEqual([s, aw]);
  });
});

describe("MaybeStorageLive", () => {
  it("locals without StorageLive/StorageDead are always live; the others between the two", () => {
    const m = new TestMir("s");
    const x = m.var("x", I32); // _3
    const flag = m.temp(I32); // _4: never StorageLive'd
    m.block([live(x), assign(flag, use(cint(0)))], goto(1));
    m.block([dead(x), assign(0, use(cunit))], ret());
    const body = m.finish();
    expect(members(alwaysLiveLocals(body))).toEqual([0, 1, 2, flag]);
    const r = computeStorageLive(body);
    expect(members(r.entry[0]!)).toEqual([0, 1, 2, flag]);
    expect(members(r.entry[1]!)).toEqual([0, 1, 2, x, flag]);
    expect(members(blockEndState(r, 1))).toEqual([0, 1, 2, flag]);
  });
});

describe("MaybeRequiresStorage", () => {
  it("gens at an assignment, kills after a whole move unless borrowed, and keeps a borrowed local to its StorageDead", () => {
    const m = new TestMir("r");
    const a = m.var("a", STRING); // _3
    const b = m.var("b", STRING); // _4
    const c = m.var("c", STRING); // _5
    const d = m.var("d", STRING); // _6
    const rb = m.temp(refTo(STRING)); // _7
    m.block(
      [
        live(a),
        assign(a, use(cint(0))),
        live(b),
        assign(b, use(move(a))), // moves a (never borrowed): a no longer needs storage
        live(c),
        assign(c, use(cint(0))),
        assign(rb, ref(c)),
        live(d),
        assign(d, use(move(c))), // moves c, but c was borrowed: it keeps its storage
        dead(rb),
      ],
      goto(1),
    );
    m.block([dead(c), dead(b), dead(d), dead(a), assign(0, use(cunit))], ret());
    const r = computeRequiresStorage(m.finish(), computeBorrowedLocals(m.finish()));
    // Before the primary effect of `_4 = move _3` the early effect has gen'd b; a is still required.
    expect(members(stateBeforePrimary(r, { block: 0, index: 3 }))).toEqual([2, a, b]);
    expect(members(stateAfterPrimary(r, { block: 0, index: 3 }))).toEqual([2, b]);
    // `StorageDead(_7)` at the end of bb0 ends the reference temp; c stays required (borrowed).
    expect(members(blockEndState(r, 0))).toEqual([2, b, c, d]);
    expect(members(blockEndState(r, 1))).toEqual([0, 2]);
  });

  it("a call's destination needs storage from its return edge; an await's from its resume edge", () => {
    const m = new TestMir("c");
    const x = m.var("x", STRING); // _3
    const aw = m.named("__awaitee", FUT); // _4
    const v = m.temp(I32); // _5
    m.block([live(x)], call(x, "f", [], 1, 3)); // bb0
    m.block([live(aw), assign(aw, use(cint(0))), live(v)], awaitT(aw, v, 2, { unwind: 3 })); // bb1
    m.block([assign(0, use(cunit))], ret()); // bb2
    m.block([], resume(), { cleanup: true }); // bb3
    const body = m.finish();
    const r = computeRequiresStorage(body, computeBorrowedLocals(body));
    // The call gens x early (it may be written) and kills it as its primary effect; the return edge
    // gens it again, the unwind edge does not.
    expect(members(stateBeforePrimary(r, { block: 0, index: 1 }))).toEqual([2, x]);
    expect(members(r.entry[1]!)).toEqual([2, x]);
    // At the await, the destination v does not need storage yet; on the resume edge it does.
    expect(members(stateBeforePrimary(r, { block: 1, index: 3 }))).toEqual([2, x, aw]);
    expect(members(r.entry[2]!)).toEqual([2, x, aw, v]);
    expect(members(r.entry[3]!)).toEqual([2, x, aw]);
  });
});

describe("MaybeLiveLocals", () => {
  it("rustc's DefUse: whole-local stores define, field stores do nothing, stores through a pointer use", () => {
    const m = new TestMir("l", "fn", I32);
    const a = m.temp(I32); // _1
    const t = m.temp({ k: "tuple", elems: [I32, I32] }); // _2
    const p = m.temp(refTo(I32, true)); // _3
    m.block(
      [
        assign(a, add(copy(a), cint(1))), // `_1 = _1 + 1`: _1 stays live above it
        assign(pl(t, field(0, I32)), use(cint(1))), // `_2.0 = 1`: neither def nor use of _2
        assign(pl(p, deref), use(cint(2))), // `(*_3) = 2`: uses _3
        assign(0, use(copy(a))),
      ],
      ret(),
    );
    const r = computeLiveness(m.finish());
    expect(members(blockStartState(r, 0))).toEqual([a, p]);
    expect(members(stateAfterPrimary(r, { block: 0, index: 1 }))).toEqual([a, p]);
    // `return` reads _0: live just before it; the block's exit (no successors) has nothing.
    expect(members(blockEndState(r, 0))).toEqual([]);
    expect(members(stateAfterPrimary(r, { block: 0, index: 4 }))).toEqual([0]);
  });

  it("an await uses its awaitee and defines its destination on the resume edge only", () => {
    const m = new TestMir("w", "asyncFn", I32);
    const aw = m.named("__awaitee", FUT); // _3
    const v = m.temp(I32); // _4
    const w = m.temp(I32); // _5 read on the drop path only
    m.block([], awaitT(aw, v, 1, { drop: 2 })); // bb0
    m.block([assign(0, use(copy(v)))], ret()); // bb1
    m.block([assign(0, use(copy(w)))], ret()); // bb2 (standing in for a drop path reading _5)
    const r = computeLiveness(m.finish());
    expect(members(blockEndState(r, 0))).toEqual([w]);
    expect(members(stateAfterPrimary(r, { block: 0, index: 0 }))).toEqual([aw, w]);
  });
});
