// Every mention of a place in a MIR statement or terminator, with the way it is used — rustc's
// `PlaceContext`. The analyses in this folder are written against these mentions, so they agree on what
// counts as a use, a borrow, a move or a definition.
//
// Example: the statement `_4 = Add(copy _2, move _3[_5])` is, in visiting order,
//
//     _4           store        (a whole-local assignment: liveness calls it a definition)
//     _2           copy
//     _3[_5]       move         (a move of a projection: does not uninitialize `_3` as a whole)
//     _5           copy         (the index local of the projection above)
//
// and the terminator `await _7 into _8 -> [resume: bb4, drop: bb9]` is `_7 awaitee` then
// `_8 awaitDest` (written on the resume edge only).

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Operand, Place, Rvalue, Statement, Terminator } from "../mir/types.js";

export type PlaceContext =
  /** Read by copy (`copy p`, an index local, a `switchInt` discriminant given by copy). */
  | "copy"
  /** Read by move (`move p`): a whole-local move ends the local's need for storage. */
  | "move"
  | "sharedBorrow"
  | "mutBorrow"
  /** `&raw const p` / `&raw mut p`. */
  | "rawBorrow"
  /** Read without reading the value's contents: `discriminant(p)`, `len(p)`. */
  | "inspect"
  /** The place written by an `assign`. */
  | "store"
  /** `p` becomes a given variant. */
  | "setDiscriminant"
  /** A call's destination: written on the call's return edge only. */
  | "callDest"
  /** An await's destination: written on the resume edge only. */
  | "awaitDest"
  /** The future an `await` polls (through `&mut`, every time it is resumed). */
  | "awaitee"
  | "drop"
  /** `fakeRead`: rustc's `PlaceMention` (a scrutinee, `let _ = x`): a use for liveness, nothing else. */
  | "mention";

export type PlaceVisitor = (place: Place, context: PlaceContext) => void;

/** Calls `f` for every place `stmt` mentions, then for the index locals inside each of them. */
export function visitStatement(stmt: Statement, f: PlaceVisitor): void {
  switch (stmt.kind) {
    case "assign":
      visitPlace(stmt.place, "store", f);
      visitRvalue(stmt.rvalue, f);
      return;
    case "setDiscriminant":
      visitPlace(stmt.place, "setDiscriminant", f);
      return;
    case "fakeRead":
      visitPlace(stmt.place, "mention", f);
      return;
    case "storageLive":
    case "storageDead":
    case "nop":
      return;
    default:
      assertNever(stmt, "statement");
  }
}

/** Calls `f` for every place `term` mentions, operands before destinations (rustc's order). */
export function visitTerminator(term: Terminator, f: PlaceVisitor): void {
  switch (term.kind) {
    case "goto":
    case "return":
    case "unreachable":
    case "unwindResume":
    case "coroutineDrop":
    case "unset":
      return;
    case "switchInt":
      visitOperand(term.discr, f);
      return;
    case "call":
      visitOperand(term.func, f);
      for (const a of term.args) visitOperand(a, f);
      visitPlace(term.dest, "callDest", f);
      return;
    case "drop":
      visitPlace(term.place, "drop", f);
      return;
    case "assert":
      visitOperand(term.cond, f);
      return;
    case "await":
      visitPlace({ local: term.awaitee, projection: [] }, "awaitee", f);
      visitPlace(term.dest, "awaitDest", f);
      return;
    default:
      assertNever(term, "terminator");
  }
}

export function visitRvalue(rv: Rvalue, f: PlaceVisitor): void {
  switch (rv.kind) {
    case "use":
    case "repeat":
    case "cast":
    case "unary":
      visitOperand(rv.operand, f);
      return;
    case "binary":
      visitOperand(rv.lhs, f);
      visitOperand(rv.rhs, f);
      return;
    case "aggregate":
      for (const o of rv.operands) visitOperand(o, f);
      return;
    case "ref":
      visitPlace(rv.place, rv.mutable ? "mutBorrow" : "sharedBorrow", f);
      return;
    case "rawPtr":
      visitPlace(rv.place, "rawBorrow", f);
      return;
    case "discriminant":
    case "len":
      visitPlace(rv.place, "inspect", f);
      return;
    default:
      assertNever(rv, "rvalue");
  }
}

export function visitOperand(op: Operand, f: PlaceVisitor): void {
  switch (op.kind) {
    case "copy":
      visitPlace(op.place, "copy", f);
      return;
    case "move":
      visitPlace(op.place, "move", f);
      return;
    case "const":
      return;
    default:
      assertNever(op, "operand");
  }
}

function visitPlace(p: Place, context: PlaceContext, f: PlaceVisitor): void {
  f(p, context);
  for (const elem of p.projection) if (elem.kind === "index") f({ local: elem.local, projection: [] }, "copy");
}

/** A place that goes through a pointer: some `deref` in its projection (rustc's `is_indirect`). */
export function isIndirect(p: Place): boolean {
  return p.projection.some((e) => e.kind === "deref");
}
