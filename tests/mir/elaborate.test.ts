// Drop elaboration on hand-built MIR. The bodies copy rustc's *built* MIR (`-Zdump-mir=ElaborateDrops`,
// the `.before` dump) of small fns, and the expectations are what rustc's `.after` dump has: which
// drops are left, which are behind a flag, and which flags exist. The Rust and rustc's answer are in
// the comment of each case (rustc 1.97.0-nightly; regenerate with
// `rustc +nightly -Zdump-mir=ElaborateDrops --emit=mir` on the snippet).

import { describe, expect, it } from "vitest";
import { elaborate, elaborateDrops } from "../../src/mir/elaborate.js";
import { prettyPlace } from "../../src/mir/pretty.js";
import type { Body, Statement } from "../../src/mir/types.js";
import { reachableBlocks } from "../../src/coroutine/dataflow.js";
import {
  assign,
  BOOL,
  boxOf,
  call,
  cbool,
  copy,
  cunit,
  dead,
  discr,
  downcast,
  drop,
  field,
  goto,
  I32,
  live,
  move,
  MSG,
  PAIR,
  pl,
  deref,
  resume,
  ret,
  STRING,
  switchIf,
  switchOn,
  testCtx,
  TestMir,
  use,
} from "../coroutine/mir-builder.js";

const opts = { printTy: () => "_" };

/**
 * Every reachable `drop` of the elaborated body, as `drop(P)`, or `if _F drop(P)` when the only way
 * into its block is the `otherwise` arm of a `switchInt(copy _F)` on a drop flag; cleanup drops
 * prefixed with `cleanup:`. Sorted.
 */
function drops(body: Body): string[] {
  const reach = reachableBlocks(body);
  const out: string[] = [];
  body.blocks.forEach((b, i) => {
    const t = b.terminator;
    if (t.kind !== "drop" || !reach.has(i)) return;
    const preds = body.blocks.flatMap((p, j) => (reach.has(j) && p.terminator.kind !== "unset" && successorsOf(p.terminator).includes(i) ? [j] : []));
    let guard = "";
    if (preds.length === 1) {
      const pt = body.blocks[preds[0]!]!.terminator;
      if (pt.kind === "switchInt" && pt.discr.kind === "copy" && body.locals[pt.discr.place.local]!.kind === "dropflag" && pt.otherwise === i)
        guard = `if _${pt.discr.place.local} `;
    }
    out.push(`${b.cleanup ? "cleanup: " : ""}${guard}drop(${prettyPlace(t.place, opts).replace(/: _\)/g, ")")})`);
  });
  return out.sort();
}

function successorsOf(t: Body["blocks"][number]["terminator"]): number[] {
  switch (t.kind) {
    case "goto":
      return [t.target];
    case "switchInt":
      return [...t.targets.map((x) => x.target), t.otherwise];
    case "call":
      return [...(t.target !== undefined ? [t.target] : []), ...(t.unwind.kind === "cleanup" ? [t.unwind.block] : [])];
    case "drop":
    case "assert":
      return [t.target, ...(t.unwind.kind === "cleanup" ? [t.unwind.block] : [])];
    case "await":
      return [t.resume, ...(t.drop !== undefined ? [t.drop] : []), ...(t.unwind.kind === "cleanup" ? [t.unwind.block] : [])];
    default:
      return [];
  }
}

/** `_F = const B` statements of a block, as `_F=B`. */
function flagWrites(body: Body, block: number): string[] {
  return body.blocks[block]!.statements.flatMap((s: Statement) =>
    s.kind === "assign" && body.locals[s.place.local]!.kind === "dropflag" && s.rvalue.kind === "use" && s.rvalue.operand.kind === "const" && s.rvalue.operand.value.kind === "bool"
      ? [`_${s.place.local}=${s.rvalue.operand.value.value}`]
      : [],
  );
}

describe("drop elaboration", () => {
  it("keeps an unconditional drop, removes a dead one and one of a type without drop glue", () => {
    // fn f() { let n = 1; let s = String::new(); g(); }   — built MIR, with `n`'s drop added by hand
    // (rustc never schedules one: i32 has no drop glue; elaboration must drop it all the same).
    const m = new TestMir("f", "fn");
    const n = m.var("n", I32); // _1
    const s = m.var("s", STRING); // _2
    const t = m.temp({ k: "tuple", elems: [] }); // _3
    /* bb0 */ m.block([live(n), assign(n, use({ kind: "const", value: { kind: "int", value: 1n }, ty: I32 })), live(s)], call(s, "String::new", [], 1, 4));
    /* bb1 */ m.block([], call(t, "g", [], 2, 3));
    /* bb2 */ m.block([assign(0, use(cunit))], drop(s, 5, 6));
    /* bb3 */ m.block([], drop(s, 4, "unreachable"), { cleanup: true }); // g() unwound: s is owned
    /* bb4 */ m.block([], drop(n, 6, "unreachable"), { cleanup: true }); // also String::new() unwound: s was never written
    /* bb5 */ m.block([dead(s), dead(n)], ret());
    /* bb6 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    expect(el.dropFlags).toEqual([]);
    // bb3's drop(s) is reached only from g()'s unwind (s owned): it stays. String::new()'s unwind goes
    // straight to bb4, where nothing owned is dropped.
    expect(drops(el.body)).toEqual(["cleanup: drop(_2)", "drop(_2)"]);
    expect(el.body.blocks[4]!.terminator).toMatchObject({ kind: "goto", target: 6 });
  });

  it("a struct with a field moved out is dropped field by field (rustc: `partial`)", () => {
    // pub fn partial(p: Pair) { consume(p.left); }
    // rustc: no flag; at the end `drop((_1.1: String))`, on unwind too.
    const m = new TestMir("partial", "fn", { k: "tuple", elems: [] }, [{ name: "p", ty: PAIR }]);
    const t2 = m.temp({ k: "tuple", elems: [] }); // _2
    const t3 = m.temp(STRING); // _3
    /* bb0 */ m.block([live(t2), live(t3), assign(t3, use(move(pl(1, field(0, STRING)))))], call(t2, "consume", [move(t3)], 1, 3));
    /* bb1 */ m.block([dead(t3), dead(t2), assign(0, use(cunit))], drop(1, 2, "continue"));
    /* bb2 */ m.block([], ret());
    /* bb3 */ m.block([], drop(t3, 4, "unreachable"), { cleanup: true });
    /* bb4 */ m.block([], drop(1, 5, "unreachable"), { cleanup: true });
    /* bb5 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    expect(el.dropFlags).toEqual([]);
    expect(drops(el.body)).toEqual(["cleanup: drop((_1.1))", "drop((_1.1))"]);
  });

  it("a field moved on one branch gets a flag, tested before its drop (rustc: `partial_maybe`)", () => {
    // pub fn partial_maybe(p: Pair, c: bool) { if c { consume(p.left); } }
    // rustc: one flag `_6` for `_1.0`: `_6 = false; _6 = true` at the start, `_6 = false` before the
    // move; at the end `switchInt(copy _6) -> [0: …, otherwise: drop((_1.0))]` then `drop((_1.1))`;
    // on consume's unwind only `drop((_1.1))` (left is moved there for sure), and one more cleanup
    // `drop((_1.1))` where `drop((_1.0))` itself unwinds (rustc's bb10 and bb18).
    const m = new TestMir("partial_maybe", "fn", { k: "tuple", elems: [] }, [
      { name: "p", ty: PAIR },
      { name: "c", ty: BOOL },
    ]);
    const t3 = m.temp(BOOL); // _3
    const t4 = m.temp({ k: "tuple", elems: [] }); // _4
    const t5 = m.temp(STRING); // _5
    /* bb0 */ m.block([live(t3), assign(t3, use(copy(2)))], switchIf(move(t3), 1, 3));
    /* bb1 */ m.block([live(t4), live(t5), assign(t5, use(move(pl(1, field(0, STRING)))))], call(t4, "consume", [move(t5)], 2, 6));
    /* bb2 */ m.block([dead(t5), dead(t4), assign(0, use(cunit))], goto(4));
    /* bb3 */ m.block([assign(0, use(cunit))], goto(4));
    /* bb4 */ m.block([dead(t3)], drop(1, 5, "continue"));
    /* bb5 */ m.block([], ret());
    /* bb6 */ m.block([], drop(t5, 7, "unreachable"), { cleanup: true });
    /* bb7 */ m.block([], drop(1, 8, "unreachable"), { cleanup: true });
    /* bb8 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    expect(el.dropFlags.map((f) => prettyPlace(f.place, opts))).toEqual(["(_1.0: _)"]);
    const flag = el.dropFlags[0]!.local;
    expect(drops(el.body)).toEqual(["cleanup: drop((_1.1))", "cleanup: drop((_1.1))", "drop((_1.1))", `if _${flag} drop((_1.0))`]);
    expect(flagWrites(el.body, 0)).toEqual([`_${flag}=false`, `_${flag}=true`]);
    expect(flagWrites(el.body, 1)).toEqual([`_${flag}=false`]);
  });

  it("a variant's field moved in one arm: the drop switches on the discriminant, no flag is read (rustc: `enum_arm`)", () => {
    // pub fn enum_arm(msg: Msg) { match msg { Msg::Say(text) => consume(text), Msg::Quit => {} } }
    // rustc: precise enum drop elaboration marks `(msg as Say)` uninitialized on the Quit arm, so the
    // end-of-scope `drop(_1)` becomes `_6 = discriminant(_1); switchInt(move _6)` with nothing left to
    // drop in either variant. A flag `_5` is still created (for `(_1 as Say)`, maybe owned and maybe
    // not) and set at the start, but nothing reads it.
    const m = new TestMir("enum_arm", "fn", { k: "tuple", elems: [] }, [{ name: "msg", ty: MSG }]);
    const d = m.temp({ k: "int", kind: "isize" }); // _2
    const text = m.var("text", STRING); // _3
    const t4 = m.temp(STRING); // _4
    const say = pl(1, downcast(1, "Say"), field(0, STRING));
    /* bb0 */ m.block([assign(d, discr(1))], switchOn(move(d), [[0, 2], [1, 3]], 1));
    /* bb1 */ m.block([], { kind: "unreachable", span: { lo: 0, hi: 0 } });
    /* bb2 */ m.block([assign(0, use(cunit))], goto(6));
    /* bb3 */ m.block([live(text), assign(text, use(move(say))), live(t4), assign(t4, use(move(text)))], call(0, "consume", [move(t4)], 4, 8));
    /* bb4 */ m.block([dead(t4)], drop(text, 5, 10));
    /* bb5 */ m.block([dead(text)], goto(6));
    /* bb6 */ m.block([], drop(1, 7, "continue"));
    /* bb7 */ m.block([], ret());
    /* bb8 */ m.block([], drop(t4, 9, "unreachable"), { cleanup: true });
    /* bb9 */ m.block([], drop(text, 10, "unreachable"), { cleanup: true });
    /* bb10 */ m.block([], drop(1, 11, "unreachable"), { cleanup: true });
    /* bb11 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    expect(el.dropFlags.map((f) => prettyPlace(f.place, opts))).toEqual(["(_1 as Say)"]);
    expect(drops(el.body)).toEqual([]);
    // The end of scope now reads the discriminant of `msg`: a use of `_1`, no flag.
    const bb6 = el.body.blocks[6]!.terminator;
    expect(bb6.kind).toBe("goto");
    const sw = el.body.blocks[(bb6 as { target: number }).target]!;
    expect(sw.statements[0]).toMatchObject({ kind: "assign", rvalue: { kind: "discriminant", place: { local: 1, projection: [] } } });
    expect(sw.terminator).toMatchObject({ kind: "switchInt", targets: [{ value: 1n }] });
    const flag = el.dropFlags[0]!.local;
    expect(flagWrites(el.body, 0)).toEqual([`_${flag}=false`, `_${flag}=true`]);
  });

  it("a mutable borrow may re-initialize a variant marked inactive (rustc #90752: `reinit`)", () => {
    // pub fn reinit(mut msg: Msg) {
    //     match msg {
    //         Msg::Say(s) => consume(s),
    //         Msg::Quit => { let r = &mut msg; *r = Msg::Say(String::new()); }
    //     }
    // }
    // On the Quit arm `(msg as Say)` is inactive, but `&mut msg` may write a Say through `r`: rustc
    // counts `msg` and all its paths maybe-initialized after the borrow. Its `.after` dump has two
    // flags (`_8` for `(_1 as Say)`, `_9` for `((_1 as Say).0)`) and drops the String behind `_9`.
    const m = new TestMir("reinit", "fn", { k: "tuple", elems: [] }, [{ name: "msg", ty: MSG }]);
    const d = m.temp({ k: "int", kind: "isize" }); // _2
    const s = m.var("s", STRING); // _3
    const t4 = m.temp(STRING); // _4
    const r = m.var("r", { k: "ref", mutable: true, inner: MSG }); // _5
    const t6 = m.temp(MSG); // _6
    const t7 = m.temp(STRING); // _7
    const say0 = pl(1, downcast(1, "Say"), field(0, STRING));
    const newSay = { kind: "aggregate" as const, agg: { kind: "adt" as const, def: 11, variant: 1, args: [] }, operands: [move(t7)] };
    /* bb0 */ m.block([assign(d, discr(1))], switchOn(move(d), [[0, 2], [1, 3]], 1));
    /* bb1 */ m.block([], { kind: "unreachable", span: { lo: 0, hi: 0 } });
    /* bb2 */ m.block([live(r), assign(r, { kind: "ref", mutable: true, place: pl(1) }), live(t6), live(t7)], call(t7, "String::new", [], 6, 16));
    /* bb3 */ m.block([live(s), assign(s, use(move(say0))), live(t4), assign(t4, use(move(s)))], call(0, "consume", [move(t4)], 4, 14));
    /* bb4 */ m.block([dead(t4)], drop(s, 5, 16));
    /* bb5 */ m.block([dead(s)], goto(11));
    /* bb6 */ m.block([assign(t6, newSay)], drop(t7, 7, 13));
    /* bb7 */ m.block([dead(t7)], drop(pl(r, deref), 8, 9));
    /* bb8 */ m.block([assign(pl(r, deref), use(move(t6)))], drop(t6, 10, 16));
    /* bb9 */ m.block([assign(pl(r, deref), use(move(t6)))], goto(13), { cleanup: true });
    /* bb10 */ m.block([dead(t6), assign(0, use(cunit)), dead(r)], goto(11));
    /* bb11 */ m.block([], drop(1, 12, "continue"));
    /* bb12 */ m.block([], ret());
    /* bb13 */ m.block([], drop(t6, 16, "unreachable"), { cleanup: true });
    /* bb14 */ m.block([], drop(t4, 15, "unreachable"), { cleanup: true });
    /* bb15 */ m.block([], drop(s, 16, "unreachable"), { cleanup: true });
    /* bb16 */ m.block([], drop(1, 17, "unreachable"), { cleanup: true });
    /* bb17 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    expect(el.dropFlags.map((f) => prettyPlace(f.place, opts)).sort()).toEqual(["((_1 as Say).0: _)", "(_1 as Say)"]);
    const f0 = el.dropFlags.find((f) => f.place.projection.length === 2)!.local;
    // The end-of-scope drop of msg, on the normal path, drops the Say's String behind its flag; the
    // drop through `r` stays as it is (a place behind a reference has no move path).
    const ds = drops(el.body);
    expect(ds).toContain(`if _${f0} drop(((_1 as Say).0))`);
    expect(ds).toContain("drop((*_5))");
  });

  it("an initialization by a call that can unwind sets the flag at the start of its return block", () => {
    // let s; if c { s = make(); } — s is maybe-initialized at its drop: flag true on make()'s return
    // edge (rustc's drop_flags_for_fn_rets), false at the start.
    const m = new TestMir("init_on_branch", "fn", { k: "tuple", elems: [] }, [{ name: "c", ty: BOOL }]);
    const s = m.var("s", STRING); // _2
    /* bb0 */ m.block([live(s)], switchIf(copy(1), 1, 2));
    /* bb1 */ m.block([], call(s, "make", [], 2, 4));
    /* bb2 */ m.block([assign(0, use(cunit))], drop(s, 3, 4));
    /* bb3 */ m.block([dead(s)], ret());
    /* bb4 */ m.block([], resume(), { cleanup: true });
    const el = elaborate(m.finish(), testCtx);
    const flag = el.dropFlags[0]!.local;
    expect(drops(el.body)).toEqual([`if _${flag} drop(_2)`]);
    // bb2 has two predecessors, so the flag is set in a new block between make() and bb2.
    const t = el.body.blocks[1]!.terminator;
    expect(t.kind).toBe("call");
    const guard = (t as { target: number }).target;
    expect(guard).not.toBe(2);
    expect(flagWrites(el.body, guard)).toEqual([`_${flag}=true`]);
    expect(el.body.blocks[guard]!.terminator).toMatchObject({ kind: "goto", target: 2 });
    // StorageDead(s) is a move: the flag is cleared before it.
    expect(flagWrites(el.body, 3)).toEqual([`_${flag}=false`]);
  });

  it("a Box whose contents were moved out: the contents' drop is dead, the box is freed", () => {
    // let b: Box<String> = …; let s = *b; — at the end of scope the box is freed, not dropped.
    const m = new TestMir("box_move", "fn");
    const b = m.var("b", boxOf(STRING)); // _1
    const s = m.var("s", STRING); // _2
    /* bb0 */ m.block([live(b)], call(b, "Box::new", [], 1, 3));
    /* bb1 */ m.block([live(s), assign(s, use(move(pl(b, deref)))), assign(0, use(cunit))], drop(s, 2, 3));
    /* bb2 */ m.block([dead(s)], drop(b, 4, "continue"));
    /* bb3 */ m.block([], resume(), { cleanup: true });
    /* bb4 */ m.block([dead(b)], ret());
    const body = elaborateDrops(m.finish(), testCtx);
    expect(drops(body)).toEqual(["drop(_2)"]);
    const free = body.blocks.find((blk) => blk.terminator.kind === "call" && blk.terminator.func.kind === "const" && blk.terminator.func.value.kind === "intrinsic" && blk.terminator.func.value.name === "box_free");
    expect(free).toBeDefined();
    expect(free!.statements[0]).toMatchObject({ kind: "assign", rvalue: { kind: "ref", mutable: true, place: { local: b } } });
  });

  it("does not change the body it is given", () => {
    const m = new TestMir("unchanged", "fn");
    const s = m.var("s", STRING);
    m.block([live(s)], call(s, "String::new", [], 1));
    m.block([assign(0, use(cunit))], switchIf(cbool(true), 2, 3));
    m.block([], call(0, "consume", [move(s)], 3));
    m.block([], drop(s, 4));
    m.block([dead(s)], ret());
    const body = m.finish();
    const before = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
    const el = elaborate(body, testCtx);
    expect(el.dropFlags).toHaveLength(1);
    expect(JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))).toBe(before);
    expect(el.body.locals.length).toBe(body.locals.length + 1);
    expect(el.body.locals.at(-1)).toMatchObject({ kind: "dropflag", name: undefined, ty: { k: "bool" } });
  });
});
