// check/: the pinning checker (`pinion check`). Over MIR and the coroutine layouts, never the text.
//
// Worked example (tests/ui/p0101_let_move_after_poll.rs):
//
//   async fn greet() -> usize { let name = …; let r = &name; yield_once().await; r.len() }
//   fn main() {
//       let mut fut = greet();
//       let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);   // P0102: `fut` stays nameable
//       let mut moved = fut;                                                 // P0101: moved after the poll
//       …
//   }
//
// The driver, step by step:
//   1. the flow (flow.ts) of every body, to a fixpoint, and again while the summaries of the program's
//      own functions grow (`init(&mut self)` that makes `*self` point into itself);
//   2. for each async body, its self-references at each suspend point (selfref.ts `suspendPairs`), read
//      off its flow at the `await`s of its layout: greet's Suspend0 stores `r`, which points to `name`;
//   3. which struct types some body makes point into themselves (the flows' stores);
//   4. the oracle answering "does a value of this type point into itself once used, and why";
//   5. the diagnostics: P0101/P0105 (moves of such values, from the flows' findings), P0103 (`Unpin`
//      bounds, unpin.ts, and mutation through a pinned deref), P0104 (resolve/'s unpinned polls), P0102
//      (new-unchecked.ts, on the AST: it is about names), P0201, and P0001 notes when asked.
//
// `checkFile` adds the earlier stages' diagnostics and the file's inline expectations (expectations.ts).

import type { Analysis, Session } from "../pipeline.js";
import { sourceFile } from "../pipeline.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/source.js";
import type { NodeId } from "../syntax/ast.js";
import { solverFor } from "../resolve/index.js";
import type { DefId } from "../resolve/ty.js";
import type { Body } from "../mir/types.js";
import { AstIndex } from "./ast.js";
import { analyzeBody, type FlowOptions, type FlowResult, type StoreSite, type Summaries } from "./flow.js";
import { comparesNotes, matchExpectations, parseAnnotations, type Annotations } from "./expectations.js";
import { findNewUnchecked } from "./new-unchecked.js";
import { placeTy } from "./places.js";
import {
  reportMoves,
  reportNewUnchecked,
  reportPinDerefs,
  reportSelfPointingStruct,
  reportSuspendNotes,
  reportUnpinBounds,
  reportUnpinnedPoll,
  type ReportContext,
} from "./report.js";
import { SelfRefOracle, suspendPairs, type AsyncInfo } from "./selfref.js";
import { findUnpinBounds, notUnpin } from "./unpin.js";

export { parseAnnotations, matchExpectations, comparesNotes, type Annotation, type Annotations, type ExpectationResult } from "./expectations.js";

export interface CheckOptions {
  /** Also report P0001 notes (`check --verbose`). */
  readonly notes: boolean;
}

/** The pinning diagnostics of an analysed file (not the earlier stages' ones), sorted by position. */
export function checkPinning(a: Analysis, options: CheckOptions): Diagnostic[] {
  const program = a.program;
  if (!program) return [];
  const tcx = program.tcx;
  const ast = new AstIndex(program);

  // 1. Flows, with summaries until they stop growing.
  const summaries: Summaries = new Map();
  const count = () => [...summaries.values()].reduce((n, l) => n + l.length, 0);
  const solvers = new Map(a.bodies.map((b) => [b, solverFor(program, b.def ?? ast.enclosingFn(b.node))]));
  const flowOptions = (b: Body): FlowOptions => ({ program, summaries, notUnpin: (t) => notUnpin(solvers.get(b)!, t) });
  let flows = new Map<Body, FlowResult>();
  for (let round = 0; round < 6; round++) {
    const before = count();
    flows = new Map(a.bodies.map((b) => [b, analyzeBody(b, flowOptions(b))]));
    if (count() === before) break;
  }

  // 2. Self-references of async bodies at their suspend points.
  const asyncInfo = new Map<NodeId, AsyncInfo>();
  for (const body of a.bodies) {
    if (body.kind !== "asyncFn" && body.kind !== "asyncBlock") continue;
    const layout = a.layouts.find((l) => l.name === body.name && l.span.lo === body.span.lo);
    const flow = flows.get(body);
    if (!layout || !flow) continue;
    asyncInfo.set(body.node, { body, layout, pairs: suspendPairs(body, layout, flow, flowOptions(body)) });
  }

  // 3. Structs made to point into themselves.
  const selfPointing = new Map<DefId, StoreSite>();
  for (const flow of flows.values()) {
    for (const s of flow.stores) {
      const t = placeTy(s.container);
      if (t.k !== "adt") continue;
      const known = selfPointing.get(t.def);
      if (!known || s.span.lo < known.span.lo) selfPointing.set(t.def, s);
    }
  }

  // 4. The oracle.
  const oracle = new SelfRefOracle(program, asyncInfo, selfPointing);
  const ctx: ReportContext = { program, oracle, ast };

  // 5. Diagnostics.
  const out: Diagnostic[] = [];
  const unpinnedPollSpans: { lo: number; hi: number }[] = [];
  for (const id of program.unpinnedPolls) {
    const call = ast.expr(id);
    if (call?.kind !== "MethodCall") continue;
    unpinnedPollSpans.push(call.span);
    out.push(reportUnpinnedPoll(ctx, call, solverFor(program, ast.enclosingFn(id))));
  }
  for (const [body, flow] of flows) {
    const solver = solvers.get(body)!;
    out.push(...reportUnpinBounds(ctx, findUnpinBounds(body, program, ast, solver)));
    out.push(...reportPinDerefs(ctx, flow, solver));
    out.push(...reportMoves(ctx, flow));
  }
  for (const f of findNewUnchecked(program)) out.push(reportNewUnchecked(ctx, f));
  for (const [def, store] of selfPointing) {
    const d = tcx.def(def);
    if (d.std || d.kind !== "struct") continue;
    if (solverFor(program, def).unpin(tcx.adtSelfTy(def)) === "no") continue;
    out.push(reportSelfPointingStruct(ctx, d.node, store));
  }
  if (options.notes) for (const info of asyncInfo.values()) out.push(...reportSuspendNotes(ctx, info));

  // A `.poll` without a `Pin` is one mistake (P0104), whatever else its MIR looks like.
  const inside = (s: { lo: number; hi: number }) => unpinnedPollSpans.some((p) => p.lo <= s.lo && s.hi <= p.hi);
  return sortDiagnostics(dedupe(out.filter((d) => d.code === "P0104" || !inside(d.span))));
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.span.lo}:${d.span.hi}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.span.lo - b.span.lo || a.span.hi - b.span.hi || a.code.localeCompare(b.code));
}

/** What `pinion check` has to say about one file. */
export interface FileReport {
  readonly file: SourceFile;
  /** Everything to show: the stages' diagnostics, then (for an annotated file) the mismatches. */
  readonly diagnostics: readonly Diagnostic[];
  /** The diagnostics that decide the exit code: all of them, or for an annotated file only the
   *  mismatches with its annotations. */
  readonly counted: readonly Diagnostic[];
  /** The file carries `//~` annotations. */
  readonly annotated: boolean;
  /** How many diagnostics its annotations expected and got. */
  readonly expected: number;
}

export interface FileCheckOptions {
  /** `--verbose`: P0001 notes everywhere. */
  readonly verbose: boolean;
}

/** Runs the pipeline and the checker on one file, and holds it to its inline expectations. */
export function checkFile(session: Session, name: string, text: string, options: FileCheckOptions): FileReport {
  const file = sourceFile(name, text);
  const annotations: Annotations = parseAnnotations(file);
  const annotated = annotations.annotations.length > 0 || annotations.problems.length > 0;
  const analysis = session.analyze(file);
  const notes = options.verbose || comparesNotes(annotations);
  // A file with syntax errors is not checked for pinning: its MIR has holes where the code was cut.
  const pinning = analysis.diagnostics.some((d) => d.code === "P0002" && d.severity === "error") ? [] : checkPinning(analysis, { notes });
  const diagnostics = sortDiagnostics([...analysis.diagnostics, ...pinning]);
  if (!annotated) return { file, diagnostics, counted: diagnostics, annotated, expected: 0 };
  const r = matchExpectations(file, annotations, diagnostics);
  // Each mismatch right after the diagnostic it is about (same position), the others in place.
  const all = [...diagnostics.map((d) => ({ d, m: 0 })), ...r.mismatches.map((d) => ({ d, m: 1 }))];
  all.sort((x, y) => x.d.span.lo - y.d.span.lo || x.m - y.m || x.d.span.hi - y.d.span.hi || x.d.code.localeCompare(y.d.code));
  return { file, diagnostics: all.map((x) => x.d), counted: r.mismatches, annotated, expected: r.matched.length };
}
