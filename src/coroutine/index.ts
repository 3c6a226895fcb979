// coroutine/: for every `async fn` and `async` block, the locals stored in each state of its state
// machine — rustc's coroutine layout — and the views of it that `pinion inspect` prints.
//
// The recipe, as rustc's `StateTransform` runs it, on MIR after drop elaboration (mir/elaborate.ts):
//   1. dataflow (dataflow.ts): MaybeStorageLive, MaybeBorrowedLocals, MaybeRequiresStorage,
//      MaybeLiveLocals — one file each;
//   2. at each `await` (a suspend point): saved = (live ∪ borrowed) ∩ requires-storage, minus the
//      coroutine's arguments (layout.ts, `analyzeSuspendPoints`);
//   3. the layout: Unresumed, Returned, Panicked, Suspend0… with the upvars in every state and the
//      saved locals in each SuspendN, plus self-references from a small points-to analysis
//      (layout.ts `computeLayout`, points-to.ts);
//   4. views: `--dump liveness` (dump.ts) and `--format text|json|mermaid|dot` (render.ts).
//
// Example: `async fn foo() { let s = String::from("hi"); let r = &s; bar().await; use_it(r); }` has
// one suspend point; `s` is borrowed, `r` used after it, `__awaitee` polled again: Suspend0 stores
// {s, r, __awaitee} and `r ──▶ s` is a self-reference.

export { BitSet } from "./bitset.js";
export {
  blockEndState,
  blockStartState,
  edgesOf,
  iterateToFixpoint,
  predecessors,
  reachableBlocks,
  stateAfterPrimary,
  stateBeforePrimary,
  type Analysis,
  type Edge,
  type Location,
  type Results,
} from "./dataflow.js";
export { computeBorrowedLocals, maybeBorrowedLocals } from "./borrowed.js";
export { alwaysLiveLocals, computeStorageLive, maybeStorageLive } from "./storage-live.js";
export { computeRequiresStorage, maybeRequiresStorage } from "./requires-storage.js";
export { computeLiveness, maybeLiveLocals } from "./liveness.js";
export { computePointsTo, type PointerTarget, type PointsTo } from "./points-to.js";
export {
  analyzeSuspendPoints,
  computeLayout,
  dropFlagTargets,
  type Layout,
  type LivenessInfo,
  type SavedLocal,
  type SelfRef,
  type StateLayout,
  type StateName,
  type SuspendPoint,
  type UpvarRef,
} from "./layout.js";
export { dumpLiveness, type LivenessDumpOptions } from "./dump.js";
export { inspectJson, machineTypeName, renderLayouts, type InspectFormat, type InspectJson, type RenderOptions } from "./render.js";
