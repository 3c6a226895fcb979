// MaybeRequiresStorage: the locals whose storage must be kept because they may hold a value that is
// still needed — rustc's `MaybeRequiresStorage` (storage_liveness.rs). A local needs storage from the
// point it is written (or borrowed) until it is moved out whole, unless it was borrowed (then until its
// `StorageDead`: a pointer to it may still be used). The coroutine layout keeps a local only where this
// analysis says it requires storage.
//
// Example (`moved_into_let` in tests/layout/moves.rs):
//
//     _3 s = String::new() -> bb1            call dest: gen on the return edge
//     bb1: _4 t = move _3;                   early: gen _4 (assigned); after: kill _3 (moved, never borrowed)
//          await _6 into _5 …                _3 does not require storage here: not stored
//
// Effects, following rustc:
//   statement, early   the borrow effect of MaybeBorrowedLocals (gen borrowed locals, kill on
//                      StorageDead), kill on StorageDead, gen the local of an assigned place
//                      (`assign`, `setDiscriminant`)
//   statement, after   kill each local moved as a whole (`move _5`) unless MaybeBorrowedLocals has it
//                      just before this statement
//   terminator, early  the borrow effect (drop, awaitee); gen a call's destination local
//   terminator, after  kill the call destination (it is gen'd again on the return edge only, so an
//                      unwinding call leaves it dead); kill whole-local moves as above
//   return edge        gen the call destination local
//   resume edge        gen the await destination local. The await does *not* kill it first: in rustc's
//                      MIR the awaited value is assigned after the poll loop, not by the `yield`, so a
//                      destination that needed storage before the await (say, assigned in an earlier
//                      loop iteration) still needs it at the suspend point.
// The start block begins with the arguments after the first (`_2`, the resume argument).

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Body, Statement, Terminator } from "../mir/types.js";
import type { BitSet } from "./bitset.js";
import { borrowedStatementEffect, borrowedTerminatorEffect } from "./borrowed.js";
import { iterateToFixpoint, stateBeforePrimary, type Analysis, type Location, type Results } from "./dataflow.js";
import { visitStatement, visitTerminator } from "./visit.js";

export function maybeRequiresStorage(body: Body, borrowed: Results): Analysis {
  const killMoves = (state: BitSet, visit: (f: Parameters<typeof visitStatement>[1]) => void, loc: Location) => {
    let borrowedHere: BitSet | undefined;
    visit((p, ctx) => {
      if (ctx !== "move" || p.projection.length !== 0) return;
      borrowedHere ??= stateBeforePrimary(borrowed, loc);
      if (!borrowedHere.has(p.local)) state.remove(p.local);
    });
  };
  return {
    name: "MaybeRequiresStorage",
    direction: "forward",
    size: body.locals.length,
    initialize: (entry) => {
      for (let a = 2; a <= body.argCount; a++) entry.add(a);
    },
    earlyStatement: (state: BitSet, stmt: Statement) => {
      borrowedStatementEffect(state, stmt);
      switch (stmt.kind) {
        case "storageDead":
          state.remove(stmt.local);
          break;
        case "assign":
        case "setDiscriminant":
          state.add(stmt.place.local);
          break;
        case "storageLive":
        case "fakeRead":
        case "nop":
          break;
        default:
          assertNever(stmt, "statement");
      }
    },
    statement: (state, stmt, loc) => killMoves(state, (f) => visitStatement(stmt, f), loc),
    earlyTerminator: (state: BitSet, term: Terminator) => {
      borrowedTerminatorEffect(state, term);
      if (term.kind === "call") state.add(term.dest.local);
    },
    terminator: (state, term, loc) => {
      if (term.kind === "call") state.remove(term.dest.local);
      killMoves(state, (f) => visitTerminator(term, f), loc);
    },
    edge: (state, term, edge) => {
      if (edge.kind === "return" && term.kind === "call") state.add(term.dest.local);
      if (edge.kind === "resume" && term.kind === "await") state.add(term.dest.local);
    },
  };
}

export function computeRequiresStorage(body: Body, borrowed: Results): Results {
  return iterateToFixpoint(body, maybeRequiresStorage(body, borrowed));
}
