// Points-to, just enough to draw self-references: for each local holding a reference or raw pointer,
// the locals (and, in a coroutine, the upvars) it may point into. A forward "may" analysis: a local's
// targets are the union over all paths.
//
// Example (`foo` of the acceptance case self_ref_across_await.rs):
//
//     _3 s = String::from(const "hi")        s: —
//     _4 r = &_3                             r → {s}
//     _6 r2 = copy _4                        r2 → {s}         (copies carry their targets)
//     _7 p = &raw const (*_4)                p → {s}          (a reborrow through r carries r's targets)
//     await …                                s, r, r2 saved: r ──▶ s and r2 ──▶ s are self-references
//
// What gives a target: `&p` / `&raw p` of a place with no `deref` targets `p`'s local (or, for a field
// of the coroutine argument `_1`, that upvar: an `async move` block borrowing its own capture); `&(*q)…`
// with `q` a reference or raw pointer carries `q`'s targets; `&(*b)…` with `b` a Box (or Vec, String:
// anything else) points to the heap — no target. Copies and moves of a local (or of a field of one),
// and pointer casts, carry targets. A value that *contains* pointers carries them too: a struct, tuple,
// closure or async-block literal carries its operands' targets (`{closure} { &mut fut, &mut polls }`),
// and so does a call with one argument that returns that argument's type or a generic wrapper of it —
// `Pin::new_unchecked(&mut pinned)` (`P` → `Pin<P>`), `poll_fn(closure)`, `into_future(fut)`,
// `Box::new(&s)` — and a call of an async fn, whose future stores all its arguments. Any other call's result (`s.as_str()`: `&String` → `&str`, into the heap;
// `fut.as_mut()`: `&mut Pin<P>` → `Pin<P>`, through a pointer) is unknown and gives no target:
// pinion draws only the self-references it can see.
//
//     let mut fut = pin!(num(7));            pinned = num(7); _5 = &mut pinned; fut = Pin::new_unchecked(move _5)
//                                            fut → {pinned}
//     poll_fn(|cx| { polls += 1; fut.as_mut().poll(cx) }).await
//                                            closure → {fut, polls}; __awaitee → {fut, polls}
//
// The state is one bit set of size L × (L + U): bit `r * (L + U) + t` says "local r may point to t",
// where t < L is a local and t = L + i is upvar i.

import { assertNever } from "../diagnostics/diagnostic.js";
import { tyEq, type Ty } from "../resolve/ty.js";
import type { Body, Local, Operand, Place, Rvalue, Terminator } from "../mir/types.js";
import type { BitSet } from "./bitset.js";
import { iterateToFixpoint, stateBeforePrimary, type Analysis, type Location, type Results } from "./dataflow.js";

/** A target of a pointer: a local of the body, or an upvar of the coroutine (by index). */
export type PointerTarget = { readonly kind: "local"; readonly local: Local } | { readonly kind: "upvar"; readonly index: number };

export interface PointsTo {
  readonly results: Results;
  /** The targets of local `r` just before the primary effect at `loc`. */
  targetsAt(loc: Location, r: Local): PointerTarget[];
}

export function computePointsTo(body: Body): PointsTo {
  const L = body.locals.length;
  const W = L + body.upvars.length;
  const isAsync = body.kind === "asyncFn" || body.kind === "asyncBlock";

  const clearRow = (state: BitSet, r: Local) => {
    for (let t = 0; t < W; t++) state.remove(r * W + t);
  };
  /** Local `to` now holds exactly what the locals `from` held. */
  const copyRows = (state: BitSet, from: readonly Local[], to: Local) => {
    const row: number[] = [];
    for (const f of from) for (let t = 0; t < W; t++) if (state.has(f * W + t)) row.push(t);
    clearRow(state, to);
    for (const t of row) state.add(to * W + t);
  };
  const copyRow = (state: BitSet, from: Local, to: Local) => {
    if (from !== to) copyRows(state, [from], to);
  };
  /** The local whose contents an operand reads, if it reads a local or a field of one (no deref). */
  const operandLocal = (op: Operand): Local | undefined =>
    op.kind !== "const" && op.place.projection.every((e) => e.kind === "field" || e.kind === "downcast") ? op.place.local : undefined;
  const isPointerLocal = (l: Local) => {
    const k = body.locals[l]?.ty.k;
    return k === "ref" || k === "ptr";
  };

  /** The targets of `&p`, or "carry" from another local, or nothing known. */
  const borrowTarget = (p: Place): { target: number } | { carry: Local } | undefined => {
    const firstDeref = p.projection.findIndex((e) => e.kind === "deref");
    if (firstDeref < 0) {
      const f = p.projection[0];
      if (isAsync && p.local === 1 && f?.kind === "field" && f.index < body.upvars.length) return { target: L + f.index };
      if (p.local >= 1 && p.local <= body.argCount) return undefined;
      return { target: p.local };
    }
    if (firstDeref === 0 && isPointerLocal(p.local)) return { carry: p.local };
    return undefined;
  };

  const assign = (state: BitSet, r: Local, rv: Rvalue) => {
    switch (rv.kind) {
      case "ref":
      case "rawPtr": {
        const t = borrowTarget(rv.place);
        if (!t) clearRow(state, r);
        else if ("target" in t) {
          clearRow(state, r);
          state.add(r * W + t.target);
        } else copyRow(state, t.carry, r);
        return;
      }
      case "use":
      case "cast": {
        const from = operandLocal(rv.operand);
        const castCarries = rv.kind === "use" || rv.cast === "refToPtr" || rv.cast === "ptrToPtr" || rv.cast === "unsize";
        if (castCarries && from !== undefined) copyRow(state, from, r);
        else clearRow(state, r);
        return;
      }
      case "aggregate":
        copyRows(state, rv.operands.map(operandLocal).filter((l): l is Local => l !== undefined), r);
        return;
      case "binary":
      case "unary":
      case "repeat":
      case "discriminant":
      case "len":
        clearRow(state, r);
        return;
      default:
        assertNever(rv, "rvalue");
    }
  };

  const analysis: Analysis = {
    name: "PointsTo",
    direction: "forward",
    size: L * W,
    statement: (state, stmt) => {
      if (stmt.kind === "assign" && stmt.place.projection.length === 0) assign(state, stmt.place.local, stmt.rvalue);
      else if (stmt.kind === "storageDead") clearRow(state, stmt.local);
    },
    terminator: () => {},
    edge: (state, term, edge) => {
      if (edge.kind === "return" && term.kind === "call" && term.dest.projection.length === 0) {
        const from = passedThrough(term);
        if (from !== undefined) copyRows(state, from, term.dest.local);
        else clearRow(state, term.dest.local);
      }
      if (edge.kind === "resume" && term.kind === "await" && term.dest.projection.length === 0) clearRow(state, term.dest.local);
    },
  };

  /**
   * The argument locals whose pointers a call's result keeps: all of them for a call returning an
   * async fn's future; else the one non-constant argument of type `A` of a call that returns `A` or an
   * ADT with `A` among its type arguments (`Pin<A>`, `PollFn<A>`).
   */
  function passedThrough(term: Terminator & { kind: "call" }): Local[] | undefined {
    const destTy = body.locals[term.dest.local]?.ty;
    // An async fn's future stores its arguments (they are its upvars).
    if (destTy?.k === "future") return term.args.map(operandLocal).filter((l): l is Local => l !== undefined);
    const args = term.args.filter((a) => a.kind !== "const");
    if (args.length !== 1 || term.args.length !== 1) return undefined;
    const from = operandLocal(args[0]!);
    if (from === undefined) return undefined;
    const argTy = operandTy(args[0]!);
    if (!argTy || !destTy) return undefined;
    if (tyEq(argTy, destTy)) return [from];
    if (destTy.k === "adt" && destTy.args.some((a) => tyEq(a, argTy))) return [from];
    return undefined;
  }
  function operandTy(op: Operand): Ty | undefined {
    if (op.kind === "const") return undefined;
    const last = op.place.projection.at(-1);
    if (last?.kind === "field") return last.ty;
    return op.place.projection.length === 0 ? body.locals[op.place.local]?.ty : undefined;
  }
  const results = iterateToFixpoint(body, analysis);
  return {
    results,
    targetsAt(loc, r) {
      const state = stateBeforePrimary(results, loc);
      const out: PointerTarget[] = [];
      for (let t = 0; t < W; t++)
        if (state.has(r * W + t)) out.push(t < L ? { kind: "local", local: t } : { kind: "upvar", index: t - L });
      return out;
    },
  };
}
