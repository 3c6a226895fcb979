// MaybeLiveLocals: backward liveness — a local is live at a point if some path from there reads it
// before writing it whole — rustc's `MaybeLiveLocals` (rustc_mir_dataflow/src/impls/liveness.rs).
// "Reads" is broad: a copy or move, a borrow, a `drop` (so a String is live until its scope ends), a
// `discriminant`/`len`, the base of any projection, a `switchInt` discriminant, the return place at
// `return`, the awaitee of an `await`.
//
// Example (`copy_unused_after` in tests/layout/moves.rs):
//
//     _3 n = const 41_i32;                  n: defined here
//     _4 m = Add(copy _3, const 1_i32)      n: used here — live between the two statements only
//     await _6 into _5 …                    live: {_4 m, _6 __awaitee}
//     _0 = copy _4                          m used after the await
//
// Definitions (kill), as rustc's `DefUse`: an assignment to a whole local; a call's destination local,
// on the call's return edge only; an await's destination local, on its resume edge only. A write
// through a pointer (`(*_5).0 = …`) *uses* `_5`; a write to a field (`_5.0 = …`) neither uses nor
// defines `_5`; `setDiscriminant` of a local is neither. `StorageLive`/`StorageDead` are not uses.
// `fakeRead` *is* a use: it is where rustc's MIR has a `PlaceMention` (a match scrutinee, the value of
// `let _ = x`), which rustc keeps until after the coroutine transform and counts as a use — so
// `let x = 5; f().await; let _ = x;` stores `x` (checked with rustc 1.97 -Zprint-type-sizes).

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Body, Place } from "../mir/types.js";
import type { BitSet } from "./bitset.js";
import { iterateToFixpoint, type Analysis, type Results } from "./dataflow.js";
import { isIndirect, visitStatement, visitTerminator, type PlaceContext } from "./visit.js";

/** rustc's `DefUse::for_place`: what a mention does to liveness. */
function defUse(p: Place, ctx: PlaceContext): "def" | "use" | "none" {
  switch (ctx) {
    case "store":
    case "callDest":
    case "awaitDest":
      if (isIndirect(p)) return "use";
      return p.projection.length === 0 ? "def" : "none";
    case "setDiscriminant":
      return isIndirect(p) ? "use" : "none";
    case "copy":
    case "move":
    case "sharedBorrow":
    case "mutBorrow":
    case "rawBorrow":
    case "inspect":
    case "awaitee":
    case "drop":
    case "mention":
      return "use";
    default:
      return assertNever(ctx, "place context");
  }
}

function apply(state: BitSet, p: Place, ctx: PlaceContext): void {
  const du = defUse(p, ctx);
  // A call's or await's destination is defined on its return / resume edge only (see `edge`).
  if (du === "def" && (ctx === "callDest" || ctx === "awaitDest")) return;
  if (du === "def") state.remove(p.local);
  else if (du === "use") state.add(p.local);
}

export function maybeLiveLocals(body: Body): Analysis {
  return {
    name: "MaybeLiveLocals",
    direction: "backward",
    size: body.locals.length,
    // Mentions are visited in program order (the destination first in an assignment): the kill of a
    // whole-local store comes before the uses of its right-hand side, so `_1 = Add(copy _1, …)` keeps
    // `_1` live.
    statement: (state, stmt) => visitStatement(stmt, (p, ctx) => apply(state, p, ctx)),
    terminator: (state, term) => {
      if (term.kind === "return") state.add(0);
      // Destinations first (they are written after the operands are read), then the operands.
      const mentions: [Place, PlaceContext][] = [];
      visitTerminator(term, (p, ctx) => mentions.push([p, ctx]));
      for (const [p, ctx] of mentions) if (ctx === "callDest" || ctx === "awaitDest") apply(state, p, ctx);
      for (const [p, ctx] of mentions) if (ctx !== "callDest" && ctx !== "awaitDest") apply(state, p, ctx);
    },
    edge: (state, term, edge) => {
      const dest = edge.kind === "return" && term.kind === "call" ? term.dest : edge.kind === "resume" && term.kind === "await" ? term.dest : undefined;
      if (dest && dest.projection.length === 0) state.remove(dest.local);
    },
  };
}

export function computeLiveness(body: Body): Results {
  return iterateToFixpoint(body, maybeLiveLocals(body));
}
