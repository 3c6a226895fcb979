// Which values point into themselves once they have been used — and why, in words and spans.
//
// Worked example (tests/ui/p0101_outer_future_awaiting_self_ref_child.rs):
//
//   async fn greet() -> usize { let name = …; let r = &name; yield_once().await; r.len() }
//   async fn outer() -> usize { let n = greet().await; n * 2 }
//
//   reason(future of greet)  = borrow: Suspend0 stores `r` and `name`, and the flow says `r` may point
//                              to `name` (borrowed at `&name`), across the `.await` at yield_once()
//   reason(future of outer)  = holds: Suspend0 stores `__awaitee`, the future of greet(), which is
//                              self-referential (the reason above)
//   reason(Task<future of greet>) = contains: field `fut`
//   reason(MemoryDemo)       = struct: `init` stores `&self.value` into `self.self_pointer`
//   reason(Vec<…>), reason(Pin<Box<…>>) = none: what they own is on the heap and does not move with them
//   reason(F) for a generic `F` without an `Unpin` bound = generic: it may be one
//
// For a future the question is answered on the async body's own MIR: at each suspend point, a saved
// local that may hold a pointer (per flow.ts, which sees through `for v in &values`, `name.as_str()`,
// `&log[0]` of a captured array) into another saved local, or into the future's upvars (`_1.i`), without
// going through the heap. That is README's reading of "self-referential"; rustc's `-Zprint-type-sizes`
// stores such references too, but also ones into the heap or the caller, which do not count here.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/source.js";
import type { NodeId } from "../syntax/ast.js";
import type { Program } from "../resolve/index.js";
import { solverFor } from "../resolve/index.js";
import { printTy } from "../resolve/print.js";
import { substTy, type DefId, type Ty } from "../resolve/ty.js";
import type { Body, Local } from "../mir/types.js";
import type { Layout, StateLayout } from "../coroutine/layout.js";
import { stateBeforeTerminator, type FlowOptions, type FlowResult, type StoreSite } from "./flow.js";
import type { APlace } from "./places.js";
import { heapContents, isPin, tyKey } from "./types.js";

/** A saved pointer that may point into its own future at one suspend point. */
export interface SuspendPair {
  readonly state: StateLayout;
  readonly holder: Local;
  /** The saved local or upvar pointed into. */
  readonly target: APlace;
  /** The borrow that created the pointer. */
  readonly origin: Span | undefined;
}

export interface AsyncInfo {
  readonly body: Body;
  readonly layout: Layout;
  readonly pairs: readonly SuspendPair[];
}

export type SelfRefReason =
  | { readonly kind: "borrow"; readonly future: string; readonly holder: string; readonly target: string; readonly borrow: Span | undefined; readonly await: Span }
  /** A future that keeps a self-referential value (`what`: the future it awaits, …) in saved `local`. */
  | { readonly kind: "holds"; readonly future: string; readonly local: string; readonly what: string; readonly await: Span; readonly inner: SelfRefReason }
  | { readonly kind: "contains"; readonly ty: string; readonly part: string; readonly inner: SelfRefReason }
  | { readonly kind: "struct"; readonly ty: string; readonly store: StoreSite }
  | { readonly kind: "generic"; readonly ty: string };

/** The self-references of one async body, at each suspend point, from its flow result. */
export function suspendPairs(body: Body, layout: Layout, flow: FlowResult, options: FlowOptions): SuspendPair[] {
  const out: SuspendPair[] = [];
  for (const state of layout.states) {
    if (!state.await) continue;
    const st = stateBeforeTerminator(flow, state.await.block, options);
    if (!st) continue;
    const saved = new Set(state.locals.map((l) => l.local));
    for (const r of saved) {
      for (const p of st.pointees(r)) {
        const root = p.place.root;
        if (root.kind !== "local" || p.place.steps.some((s) => s.elem.kind === "heap")) continue;
        const intoUpvar = root.local === 1 && p.place.steps[0]?.elem.kind === "field";
        const intoLocal = root.local !== r && saved.has(root.local);
        if (!intoUpvar && !intoLocal) continue;
        if (out.some((x) => x.state === state && x.holder === r && x.target.key === p.place.key && x.origin?.lo === p.origin?.lo)) continue;
        out.push({ state, holder: r, target: p.place, origin: p.origin });
      }
    }
  }
  return out;
}

/** `the future of `greet()``, `the async block at line 24`. */
export function futureName(layout: Layout, program: Program): string {
  if (layout.kind === "async fn") return `the future of \`${layout.name}()\``;
  return `the async block at line ${program.file.lineCol(layout.span.lo).line}`;
}

/** How a place of an async body is named: `name`, `log[..]`, `self.value`. */
export function describeBodyPlace(body: Body, p: APlace, program: Program): string {
  let base: string;
  const root = p.root;
  let steps = p.steps;
  if (root.kind === "local" && root.local === 1 && (body.kind === "asyncFn" || body.kind === "asyncBlock") && steps[0]?.elem.kind === "field") {
    const f = steps[0].elem;
    base = body.upvars[f.kind === "field" ? f.index : 0]?.name ?? "an upvar";
    steps = steps.slice(1);
  } else {
    const d = body.locals[root.local];
    base = d?.name ?? "a temporary";
    if (root.kind === "arg") base = `*${base}`;
  }
  return describeSteps(base, steps, program, p);
}

/** Appends `.field`, `[..]`, `*` to a base name, with field names from the types. */
export function describeSteps(base: string, steps: APlace["steps"], program: Program, p: APlace): string {
  let out = base;
  let ty: Ty = p.steps.length === steps.length ? p.rootTy : p.steps[p.steps.length - steps.length - 1]!.ty;
  const tcx = program.tcx;
  for (const s of steps) {
    switch (s.elem.kind) {
      case "field": {
        // A `Pin`'s one field is its pointer: `*a.pointer` reads better as `*a`.
        if (ty.k === "adt" && ty.def === tcx.lang.Pin) break;
        let name = String(s.elem.index);
        if (ty.k === "adt") {
          const d = tcx.def(ty.def);
          if (d.kind === "struct") name = tcx.fieldsOf(ty.def)[s.elem.index]?.name ?? name;
        }
        if (out.startsWith("*")) out = out.slice(1);
        out = `${out}.${name}`;
        break;
      }
      case "index":
        out = `${out}[..]`;
        break;
      case "heap":
        out = heapIsCollection(program, ty) ? `${out}[..]` : `*${out}`;
        break;
      default:
        assertNever(s.elem, "place step");
    }
    ty = s.ty;
  }
  return out;
}

function heapIsCollection(program: Program, t: Ty): boolean {
  const l = program.tcx.lang;
  return t.k === "adt" && t.def !== l.Box && heapContents(program.tcx, t) !== undefined;
}

export class SelfRefOracle {
  private readonly memo = new Map<string, SelfRefReason | null>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly program: Program,
    private readonly asyncInfo: ReadonlyMap<NodeId, AsyncInfo>,
    /** Structs (by def) that some body makes point into themselves, and one store that does it. */
    private readonly selfPointing: ReadonlyMap<DefId, StoreSite>,
  ) {}

  /** Why a value of this type may point into itself once used; undefined when it cannot. */
  reason(ty: Ty): SelfRefReason | undefined {
    const key = tyKey(ty);
    const known = this.memo.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    const r = this.compute(ty);
    this.inProgress.delete(key);
    this.memo.set(key, r ?? null);
    return r;
  }

  /** The async body of a future type. */
  asyncOf(ty: Ty): AsyncInfo | undefined {
    return ty.k === "future" ? this.asyncInfo.get(ty.node) : undefined;
  }

  private print(ty: Ty): string {
    return printTy(this.program.tcx, ty);
  }

  private compute(ty: Ty): SelfRefReason | undefined {
    const tcx = this.program.tcx;
    switch (ty.k) {
      case "future": {
        const info = this.asyncInfo.get(ty.node);
        if (!info) return undefined;
        const name = futureName(info.layout, this.program);
        const pair = info.pairs.find((p) => p.origin) ?? info.pairs[0];
        if (pair) {
          return {
            kind: "borrow",
            future: name,
            holder: info.body.locals[pair.holder]?.name ?? "a temporary",
            target: describeBodyPlace(info.body, pair.target, this.program),
            borrow: pair.origin,
            await: pair.state.await!.awaitSpan,
          };
        }
        const subst = ty.def !== undefined ? tcx.substFor(tcx.genericsOf(ty.def), ty.args) : new Map<string, Ty>();
        for (const state of info.layout.states) {
          if (!state.await) continue;
          for (const l of state.locals) {
            const t = substTy(l.ty, subst);
            const inner = this.reason(t);
            if (!inner) continue;
            const innerInfo = this.asyncOf(t);
            const what = innerInfo ? futureName(innerInfo.layout, this.program) : `a \`${this.print(t)}\``;
            return { kind: "holds", future: name, local: l.name ?? "a temporary", what, await: state.await.awaitSpan, inner };
          }
        }
        return undefined;
      }
      case "adt": {
        const d = tcx.def(ty.def);
        const store = this.selfPointing.get(ty.def);
        if (store) return { kind: "struct", ty: this.print(ty), store };
        if (heapContents(tcx, ty) || isPin(tcx, ty)) return undefined;
        const subst = tcx.substFor(tcx.genericsOf(ty.def), ty.args);
        const variants = d.kind === "enum" ? d.variants : [ty.def];
        for (const v of variants) {
          for (const f of tcx.fieldsOf(v)) {
            const inner = this.reason(substTy(f.ty, subst));
            if (inner) return { kind: "contains", ty: this.print(ty), part: d.kind === "enum" ? `a \`${tcx.def(v).name}\`` : `field \`${f.name}\``, inner };
          }
        }
        return undefined;
      }
      case "tuple":
        for (let i = 0; i < ty.elems.length; i++) {
          const inner = this.reason(ty.elems[i]!);
          if (inner) return { kind: "contains", ty: this.print(ty), part: `element ${i}`, inner };
        }
        return undefined;
      case "array": {
        const inner = this.reason(ty.elem);
        return inner ? { kind: "contains", ty: this.print(ty), part: "its elements", inner } : undefined;
      }
      case "param": {
        const solver = solverFor(this.program, ty.owner);
        return solver.unpin(ty) === "yes" ? undefined : { kind: "generic", ty: ty.name };
      }
      case "opaque": {
        const hidden = this.program.hiddenTypes.get(ty.def);
        if (hidden) return this.reason(hidden);
        return { kind: "generic", ty: this.print(ty) };
      }
      case "closure": {
        const info = this.program.closures.get(ty.node);
        for (const c of info?.captures ?? []) {
          if (c.mode !== "value") continue;
          const local = this.program.locals[c.local];
          if (!local) continue;
          const inner = this.reason(local.ty);
          if (inner) return { kind: "contains", ty: "the closure", part: `its capture \`${local.name}\``, inner };
        }
        return undefined;
      }
      case "int":
      case "float":
      case "bool":
      case "char":
      case "str":
      case "never":
      case "slice":
      case "ref":
      case "ptr":
      case "fndef":
      case "fnptr":
      case "dyn":
      case "assoc":
      case "infer":
      case "intvar":
      case "floatvar":
      case "error":
        // Scalars and pointers hold no self-reference inline; an unsized `dyn`/slice is never moved
        // by value.
        return undefined;
      default:
        return assertNever(ty, "type");
    }
  }
}

/** The innermost reason (the borrow or store that makes it all self-referential). */
export function rootReason(r: SelfRefReason): SelfRefReason {
  let cur = r;
  while (cur.kind === "holds" || cur.kind === "contains") cur = cur.inner;
  return cur;
}
