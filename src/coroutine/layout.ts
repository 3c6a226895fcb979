// The locals stored in each state of an `async fn` / `async` block — rustc's coroutine layout
// (`locals_live_across_suspend_points` and `compute_layout` in rustc_mir_transform/src/coroutine.rs).
//
// rustc's rule, in one sentence: *a local is stored in SuspendN if it is used after that suspend point,
// or if it has been borrowed before it — and in both cases its storage is still required there.*
// As sets, at each `await` terminator (the suspend point):
//
//     saved = (live ∪ borrowed) ∩ requiresStorage  −  {the coroutine's own arguments _1, _2}
//
//   live             MaybeLiveLocals just before the await: the join of liveIn(resume) without the
//                    destination local, liveIn(drop), liveIn(unwind), plus the awaitee (polled again)
//   borrowed         MaybeBorrowedLocals just before the await
//   requiresStorage  MaybeRequiresStorage just before the await's primary effect
//
// Worked example (tests/layout/README.md's `foo`, rustc stores `s`, `r`, `__awaitee`):
//
//     async fn foo() { let s = String::from("hi"); let r = &s; bar().await; use_it(r); }
//
//     bb1: _2 r = &_1 s; …                          s borrowed from here on
//     bb3: await _3 __awaitee into _5 -> [resume: bb4, drop: bb8, unwind: bb9]
//          live {r (used by use_it), s (dropped at the end), __awaitee}
//          borrowed {s}   requiresStorage {s, r, __awaitee}
//          saved {s, r, __awaitee}: Suspend0
//
// The body must be the MIR *after* drop elaboration (mir/elaborate.ts): a `drop` that elaboration
// removed is no use, and the drop flags it added are locals that can be stored (rustc's unnamed
// `..coroutine_fieldN`). States come in rustc's order: Unresumed, Returned, Panicked, then Suspend0…
// numbered by the awaits' source order (`await.index`); every state also holds the upvars (rustc's
// prefix), which an async fn's parameters are.
//
// Self-references: a saved local `r` holding a pointer (a reference or raw pointer, or a value containing
// one: `Pin<&mut T>`, a closure or future holding borrows) that may point into another saved local `s`
// of the same state is `r ──▶ s` (points-to.ts); one that points into an upvar (an `async move` block
// borrowing its capture) is listed in `upvarRefs`.

import type { Span } from "../syntax/source.js";
import type { Ty } from "../resolve/ty.js";
import type { BlockId, Body, Local } from "../mir/types.js";
import { assertNever } from "../diagnostics/diagnostic.js";
import { BitSet } from "./bitset.js";
import { computeBorrowedLocals } from "./borrowed.js";
import { edgesOf, reachableBlocks, stateAfterPrimary, stateBeforePrimary, type Location, type Results } from "./dataflow.js";
import { computeLiveness } from "./liveness.js";
import { computePointsTo } from "./points-to.js";
import { computeRequiresStorage } from "./requires-storage.js";
import { computeStorageLive } from "./storage-live.js";

export type StateName = "Unresumed" | "Returned" | "Panicked" | `Suspend${number}`;

export interface SavedLocal {
  readonly local: Local;
  /** The local's debuginfo name (`s`, `__awaitee`, `iter`, `self`, `__arg0`, `_`); none for temps. */
  readonly name: string | undefined;
  /** `local` when it has a name, `temp` otherwise (temporaries and drop flags: rustc's `..coroutine_fieldN`). */
  readonly kind: "local" | "temp";
  readonly ty: Ty;
  readonly span: Span;
  /** For a drop flag: the local whose drop it guards. */
  readonly dropFlagOf?: Local;
}

export interface SelfRef {
  /** A saved reference or raw pointer … */
  readonly from: Local;
  /** … that may point into this other saved local of the same state. */
  readonly to: Local;
}

export interface UpvarRef {
  /** A saved reference or raw pointer … */
  readonly from: Local;
  /** … that may point into this upvar's slot in the coroutine (a by-value capture, a parameter, or the
   *  reference itself of a by-reference capture — not what that reference points to). */
  readonly upvar: number;
}

export interface StateLayout {
  readonly name: StateName;
  /** For SuspendN: the `.await` it suspends at. */
  readonly await?: { readonly span: Span; readonly awaitSpan: Span; readonly index: number; readonly block: BlockId };
  /** The saved locals, by local number (upvars are in `Layout.upvars`, in every state). */
  readonly locals: readonly SavedLocal[];
  readonly selfRefs: readonly SelfRef[];
  readonly upvarRefs: readonly UpvarRef[];
}

export interface Layout {
  /** `body.name`: `foo`, `S::m`, `{async block@12:5}`. */
  readonly name: string;
  readonly kind: "async fn" | "async block";
  readonly span: Span;
  /** In every state (rustc's prefix): an async fn's parameters, an async block's captures. The span
   *  is the parameter's (or the captured variable's local copy's), else the body's. */
  readonly upvars: readonly { readonly name: string; readonly ty: Ty; readonly span: Span }[];
  readonly states: readonly StateLayout[];
  /**
   * Which state a poll can go to from which, following the normal control flow (not unwinding, not
   * dropping): Unresumed → the first awaits reached, SuspendN → the awaits reached after it resumes,
   * and → Returned where a `return` is reached.
   */
  readonly transitions: readonly { readonly from: StateName; readonly to: StateName }[];
}

/** The four sets at one suspend point, and what is saved (rustc's `LivenessInfo`, per point). */
export interface SuspendPoint {
  readonly block: BlockId;
  readonly location: Location;
  /** The await's `index` (source order). */
  readonly index: number;
  readonly live: BitSet;
  readonly borrowed: BitSet;
  readonly requiresStorage: BitSet;
  readonly storageLive: BitSet;
  readonly saved: BitSet;
}

export interface LivenessInfo {
  readonly liveness: Results;
  readonly borrowed: Results;
  readonly requiresStorage: Results;
  readonly storageLive: Results;
  /** Reachable awaits in state order: `suspendPoints[n]` is SuspendN. */
  readonly suspendPoints: readonly SuspendPoint[];
}

/** Step 1 to 4 of rustc's `locals_live_across_suspend_points`: the dataflow, then the sets per await. */
export function analyzeSuspendPoints(body: Body): LivenessInfo {
  // 1. Storage liveness: an upper bound of every local's lifetime (kept for the dumps).
  const storageLive = computeStorageLive(body);
  // 2. Locals that may have been borrowed, even if the borrow is over.
  const borrowed = computeBorrowedLocals(body);
  // 3. Locals whose storage is required (written and not moved out since, or borrowed).
  const requiresStorage = computeRequiresStorage(body, borrowed);
  // 4. Liveness, ignoring borrows.
  const liveness = computeLiveness(body);

  const reachable = reachableBlocks(body);
  const args = BitSet.empty(body.locals.length);
  for (let a = 1; a <= body.argCount && a < body.locals.length; a++) args.add(a);

  const points: SuspendPoint[] = [];
  body.blocks.forEach((block, b) => {
    const t = block.terminator;
    if (t.kind !== "await" || !reachable.has(b)) return;
    const location = { block: b, index: block.statements.length };
    const live = stateAfterPrimary(liveness, location);
    const borrowedHere = stateBeforePrimary(borrowed, location);
    const required = stateBeforePrimary(requiresStorage, location);
    const saved = live.clone();
    saved.union(borrowedHere);
    saved.intersect(required);
    saved.subtract(args);
    points.push({
      block: b,
      location,
      index: t.index,
      live,
      borrowed: borrowedHere,
      requiresStorage: required,
      storageLive: stateBeforePrimary(storageLive, location),
      saved,
    });
  });
  points.sort((a, b) => a.index - b.index || a.block - b.block);
  return { liveness, borrowed, requiresStorage, storageLive, suspendPoints: points };
}

/** The layout of an async body's state machine. `body` must be drop-elaborated. */
export function computeLayout(body: Body, info: LivenessInfo = analyzeSuspendPoints(body)): Layout {
  const kind = body.kind === "asyncFn" ? "async fn" : body.kind === "asyncBlock" ? "async block" : undefined;
  if (!kind) throw new Error(`internal error: computeLayout on ${body.kind} body ${body.name}; please report`);
  const pointsTo = computePointsTo(body);
  const flags = dropFlagTargets(body);

  const saved = (l: Local): SavedLocal => {
    const d = body.locals[l]!;
    const flagOf = flags.get(l);
    return {
      local: l,
      name: d.name,
      kind: d.name !== undefined ? "local" : "temp",
      ty: d.ty,
      span: d.span,
      ...(flagOf !== undefined ? { dropFlagOf: flagOf } : {}),
    };
  };

  const suspends: StateLayout[] = info.suspendPoints.map((p, n) => {
    const t = body.blocks[p.block]!.terminator;
    if (t.kind !== "await") throw new Error("internal error: a suspend point that is not an await; please report");
    const members = p.saved.toArray();
    const selfRefs: SelfRef[] = [];
    const upvarRefs: UpvarRef[] = [];
    for (const r of members) {
      if (!mayHoldPointer(body.locals[r]!.ty)) continue;
      for (const target of pointsTo.targetsAt(p.location, r)) {
        if (target.kind === "local" && target.local !== r && p.saved.has(target.local)) selfRefs.push({ from: r, to: target.local });
        if (target.kind === "upvar") upvarRefs.push({ from: r, upvar: target.index });
      }
    }
    return {
      name: `Suspend${n}` as StateName,
      await: { span: t.span, awaitSpan: t.awaitSpan, index: t.index, block: p.block },
      locals: members.map(saved),
      selfRefs,
      upvarRefs,
    };
  });
  const empty = (name: StateName): StateLayout => ({ name, locals: [], selfRefs: [], upvarRefs: [] });
  const upvarSpan = (name: string): Span => body.locals.find((d) => d.kind === "var" && d.name === name)?.span ?? body.span;
  return {
    name: body.name,
    kind,
    span: body.span,
    upvars: body.upvars.map((u) => ({ name: u.name, ty: u.ty, span: upvarSpan(u.name) })),
    states: [empty("Unresumed"), empty("Returned"), empty("Panicked"), ...suspends],
    transitions: computeTransitions(body, info),
  };
}

/** From the body's start and from each await's resume block, the awaits and returns reached first. */
function computeTransitions(body: Body, info: LivenessInfo): { from: StateName; to: StateName }[] {
  const stateOfBlock = new Map(info.suspendPoints.map((p, n) => [p.block, `Suspend${n}` as StateName]));
  const out: { from: StateName; to: StateName }[] = [];
  const reach = (from: StateName, start: BlockId) => {
    const seen = new Set<BlockId>();
    const stack = [start];
    const found = new Set<StateName>();
    while (stack.length) {
      const b = stack.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      const block = body.blocks[b]!;
      if (block.cleanup) continue;
      const t = block.terminator;
      const suspend = t.kind === "await" ? stateOfBlock.get(b) : undefined;
      if (suspend) {
        found.add(suspend);
        continue;
      }
      if (t.kind === "return") found.add("Returned");
      for (const e of edgesOf(t)) if (e.kind !== "unwind" && e.kind !== "awaitDrop") stack.push(e.target);
    }
    const order = (n: StateName) => (n === "Returned" ? Infinity : Number(n.slice("Suspend".length)));
    for (const to of [...found].sort((a, b) => order(a) - order(b))) out.push({ from, to });
  };
  if (body.blocks.length) reach("Unresumed", 0);
  info.suspendPoints.forEach((p, n) => {
    const t = body.blocks[p.block]!.terminator;
    if (t.kind === "await") reach(`Suspend${n}` as StateName, t.resume);
  });
  return out;
}

/**
 * Whether a value of this type can hold a pointer into another local: references and raw pointers,
 * and anything that may contain one — `Pin<&mut T>`, a closure capturing by reference, a future (an
 * async block's captures, `PollFn<closure>`), a struct, tuple or `Option` of references.
 */
export function mayHoldPointer(ty: Ty): boolean {
  switch (ty.k) {
    case "ref":
    case "ptr":
    case "closure":
    case "future":
    case "param":
    case "opaque":
    case "dyn":
    case "assoc":
    case "infer":
    case "error":
      return true;
    case "adt":
      return ty.args.some(mayHoldPointer);
    case "tuple":
      return ty.elems.some(mayHoldPointer);
    case "array":
    case "slice":
      return mayHoldPointer(ty.elem);
    case "int":
    case "float":
    case "bool":
    case "char":
    case "str":
    case "never":
    case "fndef":
    case "fnptr":
    case "intvar":
    case "floatvar":
      return false;
    default:
      return assertNever(ty, "type");
  }
}

/**
 * Which local each drop flag guards, read off the elaborated MIR: a flag is tested by
 * `switchInt(copy flag)` in front of the conditional `drop` of its place (or of a field of it).
 */
export function dropFlagTargets(body: Body): Map<Local, Local> {
  const out = new Map<Local, Local>();
  for (const block of body.blocks) {
    const t = block.terminator;
    if (t.kind !== "switchInt" || t.discr.kind !== "copy" || t.discr.place.projection.length) continue;
    const flag = t.discr.place.local;
    if (body.locals[flag]?.kind !== "dropflag" || out.has(flag)) continue;
    for (const target of [...t.targets.map((x) => x.target), t.otherwise]) {
      const dropped = firstDropFrom(body, target);
      if (dropped !== undefined) {
        out.set(flag, dropped);
        break;
      }
    }
  }
  return out;
}

function firstDropFrom(body: Body, start: BlockId): Local | undefined {
  let b: BlockId | undefined = start;
  for (let steps = 0; b !== undefined && steps < 8; steps++) {
    const blk: import("../mir/types.js").BasicBlock = body.blocks[b]!;
    const t = blk.terminator;
    if (t.kind === "drop") return t.place.local;
    if (t.kind === "switchInt") {
      for (const s of blk.statements) if (s.kind === "assign" && s.rvalue.kind === "discriminant") return s.rvalue.place.local;
    }
    b = t.kind === "goto" ? t.target : undefined;
  }
  return undefined;
}
