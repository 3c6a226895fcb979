// MaybeBorrowedLocals: the locals that may have been borrowed on some path to here and whose storage has
// not ended since — rustc's `MaybeBorrowedLocals`. A borrow is never "over" for this analysis: once a
// reference to a local may exist, the local is treated as borrowed until its `StorageDead`, however
// short-lived the reference was, because a raw pointer made from it may still be around.
//
// Example (`borrowed_copy_unused_after` in tests/layout/borrows.rs):
//
//     StorageLive(_3 n); _3 = const 5_i32;
//     _5 = &_3;  _4 = peek(move _5) -> bb1        gen _3 here
//     bb1: … await …                              _3 is still borrowed: stored across the await
//     StorageDead(_3)                             kill
//
// Gen: `&p`, `&mut p`, `&raw p` of a place that is not behind a pointer (no `deref`); a `drop(p)` of
// such a place (drop glue takes `&mut p`); the awaitee of an `await` (polling takes `&mut __awaitee`).
// Kill: `StorageDead`.

import type { Body, Statement, Terminator } from "../mir/types.js";
import type { BitSet } from "./bitset.js";
import { iterateToFixpoint, type Analysis, type Results } from "./dataflow.js";
import { isIndirect, visitStatement, visitTerminator } from "./visit.js";

/** The borrow effect of a statement (shared with MaybeRequiresStorage's early effect). */
export function borrowedStatementEffect(state: BitSet, stmt: Statement): void {
  visitStatement(stmt, (p, ctx) => {
    if ((ctx === "sharedBorrow" || ctx === "mutBorrow" || ctx === "rawBorrow") && !isIndirect(p)) state.add(p.local);
  });
  if (stmt.kind === "storageDead") state.remove(stmt.local);
}

/** The borrow effect of a terminator (shared with MaybeRequiresStorage's early effect). */
export function borrowedTerminatorEffect(state: BitSet, term: Terminator): void {
  visitTerminator(term, (p, ctx) => {
    if ((ctx === "drop" || ctx === "awaitee") && !isIndirect(p)) state.add(p.local);
  });
}

export function maybeBorrowedLocals(body: Body): Analysis {
  return {
    name: "MaybeBorrowedLocals",
    direction: "forward",
    size: body.locals.length,
    statement: (state, stmt) => borrowedStatementEffect(state, stmt),
    terminator: (state, term) => borrowedTerminatorEffect(state, term),
  };
}

export function computeBorrowedLocals(body: Body): Results {
  return iterateToFixpoint(body, maybeBorrowedLocals(body));
}
