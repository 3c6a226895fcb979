// Method probing: which fn `recv.name(args)` calls, and how the receiver is adjusted to fit it.
//
// Rust's rule (the reference, "Method call expressions"): build the list of candidate receiver types
// by dereferencing the receiver's type as far as possible (`&String` → `String` → `str`), adding an
// unsizing step at the end for arrays. For each candidate type T, in order, try `T`, then `&T`, then
// `&mut T`: the first of these that is the `self` type of a method named `name` wins — inherent
// methods before trait methods at the same step. Example, with `fut: Pin<&mut F>` and F: Future:
//
//     fut.as_mut()   step 0 is Pin<&mut F>; by value: no `as_mut(self)`; by `&mut`: Pin's inherent
//                    `as_mut(&mut self)` fits — receiver adjusted with a `&mut` borrow.
//     fut.poll(cx)   step 0, by value: `Future::poll(self: Pin<&mut Self>)` fits with Self = F,
//                    because F: Future is in the where-clauses.

import { def } from "./defs.js";
import type { InferTable } from "./infer.js";
import type { TyCtx } from "./collect.js";
import type { Solver } from "./traits.js";
import type { Adjustment, MethodCallee } from "./program.js";
import { Ty, paramKey, substTy, type DefId } from "./ty.js";

export interface Probe {
  readonly callee: MethodCallee;
  /** The fn's parameter types (receiver first) and return type, instantiated. */
  readonly inputs: Ty[];
  readonly output: Ty;
  readonly adjustments: Adjustment[];
  /** The `where`/bound predicates of the method, instantiated, for the caller to register. */
  readonly predicates: { ty: Ty; bound: import("./ty.js").TraitRef }[];
}

export interface AutoderefStep {
  readonly ty: Ty;
  /** Adjustments that lead from the receiver to this step. */
  readonly adjustments: Adjustment[];
}

/** The receiver type dereferenced step by step, as method probing and field access see it. */
export function autoderef(tcx: TyCtx, infer: InferTable, solver: Solver, start: Ty, opts: { unsizeArrays: boolean }): AutoderefStep[] {
  const steps: AutoderefStep[] = [];
  let cur = infer.resolve(start);
  let adjustments: Adjustment[] = [];
  const seen: Ty[] = [];
  for (let i = 0; i < 10; i++) {
    steps.push({ ty: cur, adjustments });
    seen.push(cur);
    const next = derefOnce(tcx, infer, solver, cur);
    if (!next) break;
    adjustments = [...adjustments, { kind: "deref", overloaded: next.overloaded, target: next.ty }];
    cur = next.ty;
  }
  const last = steps[steps.length - 1]!;
  if (opts.unsizeArrays && last.ty.k === "array") {
    steps.push({ ty: Ty.slice(last.ty.elem), adjustments: [...last.adjustments, { kind: "unsize", target: Ty.slice(last.ty.elem) }] });
  }
  return steps;
}

/** One dereference: built in for references and raw pointers... (raw pointers are *not*
 *  auto-dereferenced; callers that need an explicit `*p` handle them). Box and other smart pointers
 *  go through their `Deref` impl. */
export function derefOnce(tcx: TyCtx, infer: InferTable, solver: Solver, t: Ty): { ty: Ty; overloaded: "none" | "deref" } | undefined {
  const s = infer.shallow(t);
  if (s.k === "ref") return { ty: infer.resolve(s.inner), overloaded: "none" };
  if (s.k === "adt" && s.def === tcx.lang.Box) return { ty: infer.resolve(s.args[0] ?? Ty.error), overloaded: "none" };
  if (s.k === "adt" || s.k === "param") {
    const target = solver.project({ trait: tcx.lang.Deref, self: s, args: [], name: "Target" });
    if (target && target.k !== "error") return { ty: infer.resolve(solver.normalize(target)), overloaded: "deref" };
  }
  return undefined;
}

/** Methods and associated fns with a given name, across inherent impls and traits. */
export interface MethodIndex {
  readonly inherent: Map<string, { impl: DefId; fn: DefId }[]>;
  readonly traits: Map<string, { trait: DefId; fn: DefId }[]>;
}

export function buildMethodIndex(tcx: TyCtx): MethodIndex {
  const inherent = new Map<string, { impl: DefId; fn: DefId }[]>();
  const traits = new Map<string, { trait: DefId; fn: DefId }[]>();
  for (const impl of tcx.inherentImpls()) {
    for (const [name, id] of def(tcx.table, impl, "impl").items) {
      if (tcx.def(id).kind !== "fn" && tcx.def(id).kind !== "const") continue;
      const list = inherent.get(name) ?? [];
      list.push({ impl, fn: id });
      inherent.set(name, list);
    }
  }
  for (const d of tcx.table.defs) {
    if (d.kind !== "trait") continue;
    for (const [name, id] of d.items) {
      const kind = tcx.def(id).kind;
      if (kind !== "fn" && kind !== "const") continue;
      const list = traits.get(name) ?? [];
      list.push({ trait: d.id, fn: id });
      traits.set(name, list);
    }
  }
  return { inherent, traits };
}

/**
 * Instantiates a method's signature: fresh variables for the container's params (impl or trait, with
 * `Self` for traits) and its own; `explicit` fills the fn's own params from a turbofish.
 */
export function instantiateFn(
  tcx: TyCtx,
  infer: InferTable,
  fn: DefId,
  explicit: Ty[] | undefined,
  selfTy: Ty | undefined,
): { args: Ty[]; subst: Map<string, Ty>; inputs: Ty[]; output: Ty; selfVar: Ty | undefined } {
  const sig = tcx.fnSig(fn); // computes synthetic `impl Trait` params first
  const g = tcx.genericsOf(fn);
  const subst = new Map<string, Ty>();
  const args: Ty[] = [];
  const parentParams = tcx.allParams(g.parent);
  for (const p of parentParams) {
    const v = infer.fresh();
    subst.set(paramKey(p), v);
    args.push(v);
  }
  g.params.forEach((p, i) => {
    const v = explicit && i < explicit.length ? explicit[i]! : infer.fresh();
    subst.set(paramKey(p), v);
    args.push(v);
  });
  const d = def(tcx.table, fn, "fn");
  let selfVar: Ty | undefined;
  if (d.container.kind === "trait") {
    selfVar = selfTy ?? infer.fresh();
    subst.set(paramKey(tcx.traitSelf(d.container.trait)), selfVar);
  }
  return {
    args,
    subst,
    inputs: sig.inputs.map((t) => substTy(t, subst)),
    output: substTy(sig.output, subst),
    selfVar,
  };
}

/**
 * Finds the method `name` for a receiver of type `recvTy`. `traitsInScope` limits trait methods (all
 * traits, in practice: the program compiled with rustc, so any trait method it calls is in scope).
 */
export function probeMethod(
  tcx: TyCtx,
  infer: InferTable,
  solver: Solver,
  index: MethodIndex,
  recvTy: Ty,
  name: string,
  turbofish: Ty[] | undefined,
): Probe | undefined {
  const steps = autoderef(tcx, infer, solver, recvTy, { unsizeArrays: true });
  const inherent = (index.inherent.get(name) ?? []).filter((c) => tcx.def(c.fn).kind === "fn" && def(tcx.table, c.fn, "fn").node.selfParam);
  const traitCands = (index.traits.get(name) ?? []).filter((c) => tcx.def(c.fn).kind === "fn" && def(tcx.table, c.fn, "fn").node.selfParam);
  for (const step of steps) {
    if (step.ty.k === "infer") return undefined;
    for (const autoref of ["none", "ref", "refMut"] as const) {
      const recv = autoref === "none" ? step.ty : Ty.ref(step.ty, autoref === "refMut");
      const adjustments = receiverAdjustments(steps, step, autoref, recv);
      // Inherent methods first; among trait methods, a sure fit before a possible one.
      let best: { fn: DefId; trait: DefId | undefined } | undefined = undefined as { fn: DefId; trait: DefId | undefined } | undefined;
      for (const c of inherent) {
        if (tryCandidate(tcx, infer, solver, c.fn, recv, turbofish, undefined, adjustments, { commit: false })) {
          best = { fn: c.fn, trait: undefined };
          break;
        }
      }
      if (!best) {
        let maybe: { fn: DefId; trait: DefId | undefined } | undefined;
        for (const c of traitCands) {
          const r = tryCandidate(tcx, infer, solver, c.fn, recv, turbofish, c.trait, adjustments, { commit: false });
          if (r === "yes") {
            best = { fn: c.fn, trait: c.trait };
            break;
          }
          if (r === "maybe" && !maybe) maybe = { fn: c.fn, trait: c.trait };
        }
        best ??= maybe;
      }
      if (best) {
        const probe = tryCandidate(tcx, infer, solver, best.fn, recv, turbofish, best.trait, adjustments, { commit: true });
        if (probe && typeof probe === "object") {
          if (best.trait !== undefined && probe.callee.selfTy) {
            const snap = infer.snapshot();
            const sel = solver.select(probe.callee.selfTy, { trait: best.trait, args: traitArgs(tcx, probe.callee), bindings: new Map() });
            if (sel && sel !== "ambiguous" && sel.kind === "impl") return { ...probe, callee: { ...probe.callee, impl: sel.impl } };
            if (!sel || sel === "ambiguous") infer.rollback(snap);
          }
          return probe;
        }
      }
    }
  }
  return undefined;
}

/**
 * The adjustments that turn the receiver into `recv` (rustc's probe → confirm):
 *   - auto-ref of the unsized slice step borrows the *array* and then unsizes the reference
 *     (`arr.len()` is `<[T]>::len(&arr as &[T])`: it borrows `arr`);
 *   - a by-value pick on a reference receiver is a reborrow (`out.push(x)` with `out: &mut Vec<T>` is
 *     `Vec::push(&mut *out, x)`), so the reference itself is not moved.
 */
function receiverAdjustments(steps: readonly AutoderefStep[], step: AutoderefStep, autoref: "none" | "ref" | "refMut", recv: Ty): Adjustment[] {
  const last = step.adjustments[step.adjustments.length - 1];
  if (autoref !== "none" && last?.kind === "unsize") {
    const before = step.adjustments.slice(0, -1);
    const arrayTy = steps[steps.indexOf(step) - 1]?.ty ?? step.ty;
    return [...before, { kind: "borrow", mutable: autoref === "refMut", target: Ty.ref(arrayTy, autoref === "refMut") }, { kind: "unsize", target: recv }];
  }
  if (autoref !== "none") return [...step.adjustments, { kind: "borrow", mutable: autoref === "refMut", target: recv }];
  if (step.ty.k === "ref") {
    return [...step.adjustments, { kind: "deref", overloaded: "none", target: step.ty.inner }, { kind: "borrow", mutable: step.ty.mutable, target: step.ty }];
  }
  return step.adjustments;
}

function traitOf(tcx: TyCtx, fn: DefId): DefId | undefined {
  const d = def(tcx.table, fn, "fn");
  return d.container.kind === "trait" ? d.container.trait : undefined;
}

function traitArgs(tcx: TyCtx, callee: MethodCallee): Ty[] {
  const tr = traitOf(tcx, callee.def);
  if (tr === undefined) return [];
  const n = tcx.genericsOf(tr).params.length;
  return callee.args.slice(0, n);
}

/** Tries one candidate. Without `commit`, leaves no bindings and says whether it fits ("yes" /
 *  "maybe" for a trait whose impl cannot be decided yet); with `commit`, keeps the bindings and
 *  returns the instantiated probe. */
function tryCandidate(
  tcx: TyCtx,
  infer: InferTable,
  solver: Solver,
  fn: DefId,
  recv: Ty,
  turbofish: Ty[] | undefined,
  trait: DefId | undefined,
  adjustments: Adjustment[],
  opts: { commit: boolean },
): Probe | "yes" | "maybe" | undefined {
  const snap = infer.snapshot();
  const fail = () => {
    infer.rollback(snap);
    return undefined;
  };
  const inst = instantiateFn(tcx, infer, fn, turbofish, undefined);
  const first = inst.inputs[0];
  if (!first || !infer.unify(first, recv)) return fail();
  const d = def(tcx.table, fn, "fn");
  let impl: DefId | undefined;
  let answer: "yes" | "maybe" = "yes";
  if (trait !== undefined) {
    const self = infer.resolve(inst.selfVar!);
    if (self.k === "infer") return fail();
    const tArgs = inst.args.slice(0, tcx.genericsOf(trait).params.length);
    const ans = solver.answer(self, { trait, args: tArgs, bindings: new Map() });
    if (ans === "no") return fail();
    answer = ans;
  } else if (d.container.kind === "impl") {
    impl = d.container.impl;
    // Inherent impls with where-clauses on the impl (`impl<T: Copy> Cell<T> { fn get }`): check them.
    for (const p of tcx.predicatesOf(impl)) {
      if (p.bound.trait === tcx.lang.Sized) continue;
      const pty = infer.resolve(substTy(p.ty, inst.subst));
      if (pty.k === "infer") continue;
      if (solver.answer(pty, { ...p.bound, args: p.bound.args.map((a) => substTy(a, inst.subst)) }) === "no") return fail();
    }
  }
  if (!opts.commit) {
    infer.rollback(snap);
    return answer;
  }
  const predicates = tcx.predicatesOf(fn).map((p) => ({
    ty: substTy(p.ty, inst.subst),
    bound: { ...p.bound, args: p.bound.args.map((a) => substTy(a, inst.subst)), bindings: mapBindings(p.bound.bindings, inst.subst) },
  }));
  return {
    callee: { def: fn, args: inst.args, selfTy: inst.selfVar, impl },
    inputs: inst.inputs,
    output: inst.output,
    adjustments,
    predicates,
  };
}

function mapBindings(b: ReadonlyMap<string, Ty>, s: Map<string, Ty>): Map<string, Ty> {
  const out = new Map<string, Ty>();
  for (const [k, v] of b) out.set(k, substTy(v, s));
  return out;
}
