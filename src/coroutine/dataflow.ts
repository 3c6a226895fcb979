// The dataflow framework: gen/kill analyses over bit sets of locals, solved to a fixpoint over the
// whole control-flow graph (normal, unwind and coroutine-drop edges alike), and a cursor that answers
// rustc's question "what is the state just before the primary effect of the statement or terminator at
// this location".
//
// An analysis says how one statement or terminator changes the state, in two steps as rustc does: an
// *early* effect and a *primary* effect. "Before the primary effect" means after the early one, so
// `MaybeRequiresStorage` can say "a local assigned here needs storage *at* this statement" (early) and
// "a local moved here stops needing it *after* this statement" (primary). Effects that hold on one edge
// only — a call's destination is written on its return edge, an await's on its resume edge — are
// `edge` effects.
//
// Worked example, forward (MaybeStorageLive) on
//
//     bb0: StorageLive(_3); _3 = f() -> [return: bb1, unwind: bb2]
//     bb1: StorageDead(_3); return
//     bb2 (cleanup): unwindResume
//
// the fixpoint has entry(bb0) = {} (plus the always-live locals), entry(bb1) = entry(bb2) = {_3}, and
// the cursor at bb1[0] before its primary effect reads {_3}, after it {}. Backward analyses (liveness)
// run the same way with the arrows reversed: a block's *exit* state is the join of its successors'
// entry states, each passed through the edge effect (a call's return edge kills the destination).

import { assertNever } from "../diagnostics/diagnostic.js";
import type { BasicBlock, BlockId, Body, Statement, Terminator } from "../mir/types.js";
import { BitSet } from "./bitset.js";

/** A point in a body: statement `index` of `block`, or its terminator when `index === statements.length`. */
export interface Location {
  readonly block: BlockId;
  readonly index: number;
}

/** An outgoing edge of a terminator, with what kind of edge it is (edge effects depend on it). */
export type Edge =
  /** `goto`, the target of a `drop` or `assert`. */
  | { readonly kind: "goto"; readonly target: BlockId }
  /** A `switchInt` arm: `value` is the value switched on, or "otherwise". */
  | { readonly kind: "switch"; readonly target: BlockId; readonly value: bigint | "otherwise" }
  /** A call's normal return: its destination is written on this edge. */
  | { readonly kind: "return"; readonly target: BlockId }
  /** An await's resumption with the awaited value: its destination is written on this edge. */
  | { readonly kind: "resume"; readonly target: BlockId }
  /** An await's coroutine-drop edge: the future was dropped while suspended here. */
  | { readonly kind: "awaitDrop"; readonly target: BlockId }
  | { readonly kind: "unwind"; readonly target: BlockId };

/** Every edge out of `t`, in the order of `successors()` in mir/types.ts. */
export function edgesOf(t: Terminator): Edge[] {
  const out: Edge[] = [];
  const unwind = (u: { kind: string; block?: BlockId }) => {
    if (u.kind === "cleanup" && u.block !== undefined) out.push({ kind: "unwind", target: u.block });
  };
  switch (t.kind) {
    case "goto":
      out.push({ kind: "goto", target: t.target });
      break;
    case "switchInt":
      for (const x of t.targets) out.push({ kind: "switch", target: x.target, value: x.value });
      out.push({ kind: "switch", target: t.otherwise, value: "otherwise" });
      break;
    case "return":
    case "unreachable":
    case "unwindResume":
    case "coroutineDrop":
    case "unset":
      break;
    case "call":
      if (t.target !== undefined) out.push({ kind: "return", target: t.target });
      unwind(t.unwind);
      break;
    case "drop":
    case "assert":
      out.push({ kind: "goto", target: t.target });
      unwind(t.unwind);
      break;
    case "await":
      out.push({ kind: "resume", target: t.resume });
      if (t.drop !== undefined) out.push({ kind: "awaitDrop", target: t.drop });
      unwind(t.unwind);
      break;
    default:
      assertNever(t, "terminator");
  }
  return out;
}

/** One analysis: its direction, domain and transfer functions. */
export interface Analysis {
  readonly name: string;
  readonly direction: "forward" | "backward";
  /** The number of members of the domain (the body's local count). */
  readonly size: number;
  /** Forward analyses: the state at the entry of the start block (bottom, the empty set, elsewhere). */
  initialize?(entry: BitSet): void;
  earlyStatement?(state: BitSet, stmt: Statement, loc: Location): void;
  statement(state: BitSet, stmt: Statement, loc: Location): void;
  earlyTerminator?(state: BitSet, term: Terminator, loc: Location): void;
  terminator(state: BitSet, term: Terminator, loc: Location): void;
  /**
   * The effect of taking `edge` out of `term`. Forward: applied to the state after the terminator on
   * its way to the target. Backward: applied to the target's entry state on its way back to `term`.
   */
  edge?(state: BitSet, term: Terminator, edge: Edge): void;
}

/** A solved analysis. */
export interface Results {
  readonly analysis: Analysis;
  readonly body: Body;
  /**
   * Per block, the state where the analysis enters it: forward, at the block's start; backward, at its
   * end (after the terminator, with the successors joined in through their edge effects).
   */
  readonly entry: readonly BitSet[];
}

/** Runs `analysis` over `body` to its fixpoint. */
export function iterateToFixpoint(body: Body, analysis: Analysis): Results {
  const n = body.blocks.length;
  const entry = body.blocks.map(() => BitSet.empty(analysis.size));
  if (n === 0) return { analysis, body, entry };
  const preds = predecessors(body);
  const queued = new Array<boolean>(n).fill(false);
  const work: BlockId[] = [];
  const push = (b: BlockId) => {
    if (!queued[b]) {
      queued[b] = true;
      work.push(b);
    }
  };

  if (analysis.direction === "forward") {
    // Only blocks reachable from the start are visited (rustc walks reverse postorder): an unreachable
    // block's effects must not leak into reachable ones through its edges.
    analysis.initialize?.(entry[0]!);
    const visited = new Array<boolean>(n).fill(false);
    push(0);
    while (work.length) {
      const b = work.shift()!;
      queued[b] = false;
      visited[b] = true;
      const state = entry[b]!.clone();
      const block = body.blocks[b]!;
      applyStatements(analysis, state, block, b, block.statements.length);
      applyTerminator(analysis, state, block, b);
      for (const e of edgesOf(block.terminator)) {
        const out = state.clone();
        analysis.edge?.(out, block.terminator, e);
        if (entry[e.target]!.union(out) || !visited[e.target]) push(e.target);
      }
    }
  } else {
    for (let b = n - 1; b >= 0; b--) push(b);
    const startOf = body.blocks.map(() => BitSet.empty(analysis.size));
    while (work.length) {
      const b = work.shift()!;
      queued[b] = false;
      const block = body.blocks[b]!;
      const exit = BitSet.empty(analysis.size);
      for (const e of edgesOf(block.terminator)) {
        const s = startOf[e.target]!.clone();
        analysis.edge?.(s, block.terminator, e);
        exit.union(s);
      }
      entry[b]!.assign(exit);
      const state = exit.clone();
      backwardBlock(analysis, state, block, b, 0);
      if (!state.equals(startOf[b]!)) {
        startOf[b]!.assign(state);
        for (const p of preds[b]!) push(p);
      }
    }
  }
  return { analysis, body, entry };
}

/** The state just before the primary effect at `loc` (after its early effect). */
export function stateBeforePrimary(results: Results, loc: Location): BitSet {
  return seek(results, loc, { includePrimary: false });
}

/** The state just after the primary effect at `loc`. */
export function stateAfterPrimary(results: Results, loc: Location): BitSet {
  return seek(results, loc, { includePrimary: true });
}

/** Forward: the state at a block's start. Backward: the state at its start, all its effects applied. */
export function blockStartState(results: Results, block: BlockId): BitSet {
  if (results.analysis.direction === "forward") return results.entry[block]!.clone();
  const state = results.entry[block]!.clone();
  backwardBlock(results.analysis, state, results.body.blocks[block]!, block, 0);
  return state;
}

/** Forward: the state after the terminator's effect (before edge effects). Backward: the block's exit. */
export function blockEndState(results: Results, block: BlockId): BitSet {
  if (results.analysis.direction === "backward") return results.entry[block]!.clone();
  const b = results.body.blocks[block]!;
  const state = results.entry[block]!.clone();
  applyStatements(results.analysis, state, b, block, b.statements.length);
  applyTerminator(results.analysis, state, b, block);
  return state;
}

function seek(results: Results, loc: Location, opts: { includePrimary: boolean }): BitSet {
  const { analysis, body } = results;
  const block = body.blocks[loc.block]!;
  const state = results.entry[loc.block]!.clone();
  const isTerm = loc.index === block.statements.length;
  if (analysis.direction === "forward") {
    applyStatements(analysis, state, block, loc.block, loc.index);
    if (isTerm) {
      analysis.earlyTerminator?.(state, block.terminator, loc);
      if (opts.includePrimary) analysis.terminator(state, block.terminator, loc);
    } else {
      const stmt = block.statements[loc.index]!;
      analysis.earlyStatement?.(state, stmt, loc);
      if (opts.includePrimary) analysis.statement(state, stmt, loc);
    }
    return state;
  }
  // Backward: apply everything after `loc`, then loc's own effects.
  const tloc = { block: loc.block, index: block.statements.length };
  if (isTerm) {
    analysis.earlyTerminator?.(state, block.terminator, tloc);
    if (opts.includePrimary) analysis.terminator(state, block.terminator, tloc);
    return state;
  }
  analysis.earlyTerminator?.(state, block.terminator, tloc);
  analysis.terminator(state, block.terminator, tloc);
  for (let i = block.statements.length - 1; i > loc.index; i--) {
    const l = { block: loc.block, index: i };
    analysis.earlyStatement?.(state, block.statements[i]!, l);
    analysis.statement(state, block.statements[i]!, l);
  }
  const stmt = block.statements[loc.index]!;
  analysis.earlyStatement?.(state, stmt, loc);
  if (opts.includePrimary) analysis.statement(state, stmt, loc);
  return state;
}

function applyStatements(analysis: Analysis, state: BitSet, block: BasicBlock, b: BlockId, upTo: number): void {
  for (let i = 0; i < upTo; i++) {
    const loc = { block: b, index: i };
    const stmt = block.statements[i]!;
    analysis.earlyStatement?.(state, stmt, loc);
    analysis.statement(state, stmt, loc);
  }
}

function applyTerminator(analysis: Analysis, state: BitSet, block: BasicBlock, b: BlockId): void {
  const loc = { block: b, index: block.statements.length };
  analysis.earlyTerminator?.(state, block.terminator, loc);
  analysis.terminator(state, block.terminator, loc);
}

/** Backward: from the exit state, applies the terminator and statements down to statement `downTo`. */
function backwardBlock(analysis: Analysis, state: BitSet, block: BasicBlock, b: BlockId, downTo: number): void {
  const tloc = { block: b, index: block.statements.length };
  analysis.earlyTerminator?.(state, block.terminator, tloc);
  analysis.terminator(state, block.terminator, tloc);
  for (let i = block.statements.length - 1; i >= downTo; i--) {
    const loc = { block: b, index: i };
    analysis.earlyStatement?.(state, block.statements[i]!, loc);
    analysis.statement(state, block.statements[i]!, loc);
  }
}

/** Predecessors of every block over all edges. */
export function predecessors(body: Body): BlockId[][] {
  const preds: BlockId[][] = body.blocks.map(() => []);
  body.blocks.forEach((block, b) => {
    for (const e of edgesOf(block.terminator)) if (!preds[e.target]!.includes(b)) preds[e.target]!.push(b);
  });
  return preds;
}

/** Blocks reachable from the start block over all edges. */
export function reachableBlocks(body: Body): Set<BlockId> {
  const seen = new Set<BlockId>();
  if (body.blocks.length === 0) return seen;
  const stack: BlockId[] = [0];
  while (stack.length) {
    const b = stack.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    for (const e of edgesOf(body.blocks[b]!.terminator)) stack.push(e.target);
  }
  return seen;
}
