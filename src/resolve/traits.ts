// Trait selection and projection normalization, as far as the type checker and the later stages need
// them: "does `T: Trait` hold, and through which impl", "what is `<T as Trait>::Name`", and the auto
// traits pinion cares about (Copy, Unpin, needs-drop).
//
// Example. `<Pin<&mut F> as Future>::Output` with F = `{async fn body of run()}`: the stub
//
//     impl<P: DerefMut> Future for Pin<P> where P::Target: Future {
//         type Output = <<P as Deref>::Target as Future>::Output;
//     }
//
// matches with P := &mut F; its Output, substituted, is `<<&mut F as Deref>::Target as Future>::Output`;
// `&mut F`'s Deref target is built in (F), and a future type's Output is its body's output type, u64.
//
// The program is assumed to be accepted by rustc, so selection is lenient: where-clauses are checked
// only to tell impls apart, unresolved inference variables count as "maybe", and when several impls
// could apply the caller gets "ambiguous" and tries again later.

import { def } from "./defs.js";
import type { InferTable } from "./infer.js";
import type { Predicate, TyCtx } from "./collect.js";
import { Ty, paramKey, substTraitRef, substTy, type DefId, type TraitRef } from "./ty.js";

export type Selection =
  | { readonly kind: "impl"; readonly impl: DefId; readonly subst: Map<string, Ty> }
  | { readonly kind: "param"; readonly pred: Predicate }
  | { readonly kind: "builtin" };

export type Answer = "yes" | "no" | "maybe";

const MAX_DEPTH = 12;

export class Solver {
  constructor(
    readonly tcx: TyCtx,
    readonly infer: InferTable,
    /** The where-clauses in scope (the body's generic predicates). */
    readonly env: readonly Predicate[],
  ) {}

  private get lang() {
    return this.tcx.lang;
  }

  /**
   * Finds how `self: trait` holds. On a unique match the unifications it implies (e.g. the `T` of
   * `Vec<?0>: FromIterator<i32>`) are kept; on no match or ambiguity nothing is changed.
   */
  select(self: Ty, trait: TraitRef, depth = 0): Selection | "ambiguous" | undefined {
    self = this.infer.shallow(self);
    // Missing trait arguments (`T: From` asked without knowing from what) are fresh variables.
    const want = this.tcx.genericsOf(trait.trait).params.length;
    if (trait.args.length < want) {
      const args = [...trait.args];
      while (args.length < want) args.push(this.infer.fresh());
      trait = { ...trait, args };
    }
    if (depth > MAX_DEPTH) return "ambiguous";
    if (self.k === "infer") return "ambiguous";
    if (self.k === "error") return { kind: "builtin" };
    const builtin = this.builtin(self, trait);
    if (builtin === "yes") return { kind: "builtin" };
    if (builtin === "no") return undefined;
    // Where-clauses first, as rustc prefers them.
    for (const pred of this.envFor(self)) {
      if (pred.bound.trait !== trait.trait) continue;
      const snap = this.infer.snapshot();
      if (this.infer.unify(pred.ty, self) && this.infer.unifyAll(pred.bound.args, trait.args)) return { kind: "param", pred };
      this.infer.rollback(snap);
    }
    const found: { impl: DefId; subst: Map<string, Ty> }[] = [];
    let maybe = false;
    // Stop once two impls that are not blankets fit: the answer is "ambiguous" then, whatever else
    // fits. Stopping at the second impl of any kind would see `TryFrom<?U> for T` (blanket) and
    // `TryFrom<i8> for u32` only, and wrongly take the latter as the one specific impl.
    let specific = 0;
    for (const impl of this.tcx.implsOf(trait.trait)) {
      const r = this.matchImpl(impl, self, trait, depth);
      if (r === "maybe") maybe = true;
      else if (r) {
        found.push({ impl, subst: r });
        if (this.tcx.implHeader(impl).selfTy.k !== "param") specific++;
      }
      if (specific > 1) break;
    }
    if (found.length === 1 && !maybe) {
      const only = found[0]!;
      if (def(this.tcx.table, only.impl, "impl").node.negative) return undefined;
      // Commit the unifications of the winning impl.
      this.commitImpl(only.impl, self, trait);
      return { kind: "impl", impl: only.impl, subst: only.subst };
    }
    if (found.length === 0 && !maybe) {
      // Supertrait of a where-clause (`T: Ord` gives `T: PartialOrd`).
      for (const pred of this.envFor(self)) {
        for (const st of this.tcx.supertraits(pred.bound, pred.ty)) {
          if (st.trait !== trait.trait) continue;
          const snap = this.infer.snapshot();
          if (this.infer.unify(pred.ty, self)) return { kind: "param", pred: { ty: pred.ty, bound: st } };
          this.infer.rollback(snap);
        }
      }
      return undefined;
    }
    // Prefer a unique positive impl whose self type is not a bare type parameter (a blanket impl) if
    // exactly one non-blanket impl fits: `ToOwned for str` over `ToOwned for T: Clone`.
    if (found.length > 1) {
      const specific = found.filter((f) => this.tcx.implHeader(f.impl).selfTy.k !== "param");
      if (specific.length === 1 && !maybe) {
        this.commitImpl(specific[0]!.impl, self, trait);
        return { kind: "impl", impl: specific[0]!.impl, subst: specific[0]!.subst };
      }
    }
    return "ambiguous";
  }

  /** The where-clauses that can speak about `self`, plus the bounds of opaque and dyn types. */
  private envFor(self: Ty): Predicate[] {
    if (self.k === "opaque" || self.k === "dyn") {
      const out: Predicate[] = [];
      for (const b of self.bounds) for (const st of this.tcx.supertraits(b, self)) out.push({ ty: self, bound: st.trait === b.trait ? b : st });
      return out;
    }
    return this.env as Predicate[];
  }

  answer(self: Ty, trait: TraitRef): Answer {
    const snap = this.infer.snapshot();
    const r = this.select(self, trait);
    this.infer.rollback(snap);
    if (r === "ambiguous") return "maybe";
    return r ? "yes" : "no";
  }

  implements(self: Ty, trait: DefId, args: readonly Ty[] = []): Answer {
    return this.answer(self, { trait, args, bindings: new Map() });
  }

  private freshSubstFor(impl: DefId): Map<string, Ty> {
    const g = this.tcx.genericsOf(impl);
    const s = new Map<string, Ty>();
    for (const p of this.tcx.allParams(g)) s.set(paramKey(p), this.infer.fresh());
    return s;
  }

  /** Does `impl` apply to `self: trait`? Returns its substitution, "maybe", or undefined. Leaves no
   *  bindings behind. */
  private matchImpl(impl: DefId, self: Ty, trait: TraitRef, depth: number): Map<string, Ty> | "maybe" | undefined {
    const h = this.tcx.implHeader(impl);
    if (!h.traitRef) return undefined;
    const snap = this.infer.snapshot();
    try {
      const s = this.freshSubstFor(impl);
      if (!this.infer.unify(substTy(h.selfTy, s), self)) return undefined;
      const targs = h.traitRef.args.map((a) => substTy(a, s));
      if (!this.infer.unifyAll(targs, trait.args.slice(0, targs.length))) return undefined;
      // Where-clauses tell overlapping impls apart.
      let maybe = false;
      for (const p of this.tcx.predicatesOf(impl)) {
        if (p.bound.trait === this.lang.Sized) continue;
        const pty = this.infer.resolve(substTy(p.ty, s));
        const bound = substTraitRef(p.bound, s);
        const ans = this.nested(pty, bound, depth + 1);
        if (ans === "no") return undefined;
        if (ans === "maybe") maybe = true;
      }
      const resolved = new Map<string, Ty>();
      for (const [k, v] of s) resolved.set(k, this.infer.resolve(v));
      if (maybe && self.k !== "param") return resolved;
      return resolved;
    } finally {
      this.infer.rollback(snap);
    }
  }

  private nested(self: Ty, bound: TraitRef, depth: number): Answer {
    const s = this.infer.shallow(self);
    if (s.k === "infer" || s.k === "intvar" || s.k === "floatvar") {
      // Integer variables implement what every integer type implements.
      if (s.k === "infer") return "maybe";
    }
    if (s.k === "assoc") return "maybe";
    const r = this.select(s, bound, depth);
    if (r === "ambiguous") return "maybe";
    return r ? "yes" : "no";
  }

  private commitImpl(impl: DefId, self: Ty, trait: TraitRef): void {
    const h = this.tcx.implHeader(impl);
    const s = this.freshSubstFor(impl);
    this.infer.unify(substTy(h.selfTy, s), self);
    if (h.traitRef) this.infer.unifyAll(h.traitRef.args.map((a) => substTy(a, s)), trait.args.slice(0, h.traitRef.args.length));
    // Associated type bindings demanded by the bound (`I: Iterator<Item = u8>`).
    for (const [name, ty] of trait.bindings) {
      const v = this.assocValueInImpl(impl, name, s);
      if (v) this.infer.unify(this.normalize(v), ty);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Built-in impls

  private builtin(self: Ty, trait: TraitRef): Answer | undefined {
    const L = this.lang;
    const t = trait.trait;
    const kind = self.k;
    const prim = kind === "int" || kind === "float" || kind === "bool" || kind === "char" || kind === "intvar" || kind === "floatvar";
    if (t === L.Sized) return kind === "str" || kind === "slice" || kind === "dyn" ? "no" : "yes";
    if (t === L.Send || t === L.Sync) return "yes";
    if (t === L.Copy || t === L.Clone) {
      if (prim || kind === "never" || kind === "fndef" || kind === "fnptr" || kind === "ptr") return "yes";
      if (kind === "ref") return self.mutable ? "no" : "yes";
      if (kind === "tuple") return this.all(self.elems, trait);
      if (kind === "array") return this.all([self.elem], trait);
      if (kind === "str" || kind === "slice" || kind === "dyn" || kind === "future") return "no";
      if (kind === "closure") return t === L.Clone ? "maybe" : "no";
      if (kind === "adt") return this.derived(self.def, t);
      return undefined;
    }
    if (t === L.Unpin) {
      const u = this.unpin(self);
      return u;
    }
    if (t === L.FnOnce || t === L.FnMut || t === L.Fn) {
      if (kind === "closure" || kind === "fndef" || kind === "fnptr") {
        const sig = this.callSig(self);
        if (sig && trait.args[0]) this.infer.unify(trait.args[0], Ty.tuple(sig.params));
        const out = trait.bindings.get("Output");
        if (sig && out) this.infer.unify(out, sig.ret);
        return "yes";
      }
      if (kind === "ref") return this.nested(self.inner, trait, 0);
      return undefined;
    }
    if (t === L.Future || t === L.IntoFuture) {
      if (kind === "future") {
        const out = trait.bindings.get("Output");
        if (out) this.infer.unify(out, self.output);
        return "yes";
      }
      if (t === L.Future && (prim || kind === "tuple" || kind === "str")) return "no";
      return undefined;
    }
    if (t === L.Drop) return kind === "adt" ? undefined : "no";
    if (t === L.Deref && kind === "ref") return "yes";
    if (t === L.DerefMut && kind === "ref") return self.mutable ? "yes" : "no";
    // Std traits on primitives, tuples, arrays and references.
    const name = this.tcx.def(t).name;
    if (prim || kind === "str" || kind === "never") {
      switch (name) {
        case "Display":
        case "Debug":
        case "PartialEq":
        case "PartialOrd":
          return "yes";
        case "Eq":
        case "Ord":
        case "Hash":
          return kind === "float" || kind === "floatvar" ? "no" : "yes";
        case "LowerHex":
        case "UpperHex":
        case "Binary":
        case "Octal":
          return kind === "int" || kind === "intvar" ? "yes" : "no";
        case "LowerExp":
          return kind === "float" || kind === "int" || kind === "intvar" || kind === "floatvar" ? "yes" : "no";
        default:
          return undefined;
      }
    }
    if (kind === "tuple") {
      switch (name) {
        case "Debug":
        case "PartialEq":
        case "Eq":
        case "PartialOrd":
        case "Ord":
        case "Hash":
        case "Default":
          return this.all(self.elems, trait);
        default:
          return undefined;
      }
    }
    if (kind === "ref") {
      switch (name) {
        case "Display":
        case "Debug":
        case "PartialEq":
        case "Eq":
        case "PartialOrd":
        case "Ord":
        case "Hash":
        case "LowerHex":
        case "UpperHex":
        case "Error": {
          // `&A: PartialEq<&B>` holds when `A: PartialEq<B>`.
          const args = trait.args.map((a) => {
            const r = this.infer.shallow(a);
            return r.k === "ref" ? r.inner : a;
          });
          return this.nested(self.inner, { ...trait, args }, 0);
        }
        default:
          return undefined;
      }
    }
    if (kind === "adt") {
      const derived = this.derived(self.def, t);
      if (derived === "yes") return "yes";
    }
    if (kind === "future" || kind === "closure") {
      if (name === "Debug" || name === "Display" || name === "PartialEq" || name === "Default") return "no";
    }
    return undefined;
  }

  private all(tys: readonly Ty[], trait: TraitRef): Answer {
    let res: Answer = "yes";
    for (const e of tys) {
      const a = this.nested(e, trait, 0);
      if (a === "no") return "no";
      if (a === "maybe") res = "maybe";
    }
    return res;
  }

  /** `#[derive(Trait)]` on a user ADT counts as an impl of it. */
  private derived(adt: DefId, trait: DefId): Answer | undefined {
    const names = this.tcx.derives(adt);
    if (names.length === 0) return undefined;
    const name = this.tcx.def(trait).name;
    return names.includes(name) ? "yes" : undefined;
  }

  /** The call signature of a callable type. */
  callSig(t: Ty): { params: readonly Ty[]; ret: Ty } | undefined {
    switch (t.k) {
      case "closure":
        return { params: t.params, ret: t.ret };
      case "fnptr":
        return { params: t.params, ret: t.ret };
      case "fndef": {
        const sig = this.tcx.fnSig(t.def);
        const s = this.tcx.substFor(this.tcx.genericsOf(t.def), t.args);
        return { params: sig.inputs.map((i) => this.normalize(substTy(i, s))), ret: this.normalize(substTy(sig.output, s)) };
      }
      default:
        return undefined;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Auto traits

  /** Unpin: every async fn future and async block is !Unpin; PhantomPinned is !Unpin; an explicit
   *  `impl Unpin` (or `impl !Unpin`) decides for its type; otherwise all fields must be Unpin. */
  unpin(t: Ty, seen: Set<DefId> = new Set()): Answer {
    const s = this.infer.shallow(t);
    switch (s.k) {
      case "future":
        return "no";
      case "adt": {
        if (s.def === this.lang.PhantomPinned) return "no";
        for (const impl of this.tcx.implsOf(this.lang.Unpin)) {
          const m = this.matchImpl(impl, s, { trait: this.lang.Unpin, args: [], bindings: new Map() }, 0);
          if (m === undefined) continue;
          return def(this.tcx.table, impl, "impl").node.negative ? "no" : "yes";
        }
        if (seen.has(s.def)) return "yes";
        seen.add(s.def);
        const d = this.tcx.def(s.def);
        const variants = d.kind === "enum" ? d.variants : [s.def];
        const subst = this.tcx.substFor(this.tcx.genericsOf(s.def), s.args);
        let res: Answer = "yes";
        for (const v of variants) {
          for (const f of this.tcx.fieldsOf(v)) {
            const a = this.unpin(substTy(f.ty, subst), seen);
            if (a === "no") return "no";
            if (a === "maybe") res = "maybe";
          }
        }
        // Std types declared without fields (Vec, String, Rc, …) hold their contents on the heap.
        return res;
      }
      case "tuple": {
        let res: Answer = "yes";
        for (const e of s.elems) {
          const a = this.unpin(e, seen);
          if (a === "no") return "no";
          if (a === "maybe") res = "maybe";
        }
        return res;
      }
      case "array":
        return this.unpin(s.elem, seen);
      case "param":
      case "opaque":
      case "dyn":
      case "assoc": {
        for (const pred of this.envFor(s)) {
          if (pred.bound.trait === this.lang.Unpin) {
            const snap = this.infer.snapshot();
            const ok = this.infer.unify(pred.ty, s);
            this.infer.rollback(snap);
            if (ok) return "yes";
          }
        }
        return "maybe";
      }
      case "closure":
        return "maybe";
      case "infer":
        return "maybe";
      default:
        return "yes";
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Projections

  /** Normalizes every projection inside `t` that can be normalized now. */
  normalize(t: Ty): Ty {
    const s = this.infer.shallow(t);
    if (s.k === "assoc") {
      const self = this.normalize(s.self);
      const args = s.args.map((a) => this.normalize(a));
      const v = this.project({ trait: s.trait, self, args, name: s.name });
      return v ?? { k: "assoc", trait: s.trait, self, args, name: s.name };
    }
    switch (s.k) {
      case "tuple":
      case "array":
      case "slice":
      case "ref":
      case "ptr":
      case "adt":
      case "fndef":
      case "fnptr":
      case "closure":
      case "future":
      case "opaque":
      case "dyn": {
        let changed = false;
        const out = mapChildren(s, (c) => {
          const n = this.normalize(c);
          if (n !== c) changed = true;
          return n;
        });
        return changed ? out : s;
      }
      default:
        return s;
    }
  }

  /** The value of `<self as trait>::name`, or undefined when it cannot be determined yet. */
  project(a: { trait: DefId; self: Ty; args: readonly Ty[]; name: string }, depth = 0): Ty | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const L = this.lang;
    const self = this.infer.shallow(a.self);
    if (self.k === "infer" || self.k === "error") return self.k === "error" ? Ty.error : undefined;
    // Built-in projections.
    if (self.k === "future" && (a.trait === L.Future || a.trait === L.IntoFuture)) {
      if (a.name === "Output") return self.output;
      if (a.name === "IntoFuture") return self;
    }
    if ((a.trait === L.FnOnce || a.trait === L.FnMut || a.trait === L.Fn) && a.name === "Output") {
      const sig = this.callSig(self);
      if (sig) return sig.ret;
    }
    if (a.trait === L.Deref && a.name === "Target" && self.k === "ref") return self.inner;
    // Where-clauses and bounds of params, opaque and dyn types: `F: Future<Output = T>`.
    if (self.k === "param" || self.k === "opaque" || self.k === "dyn" || self.k === "assoc") {
      for (const pred of this.envFor(self)) {
        const snap = this.infer.snapshot();
        const same = this.infer.unify(pred.ty, self);
        this.infer.rollback(snap);
        if (!same) continue;
        for (const st of this.tcx.supertraits(pred.bound, pred.ty)) {
          if (st.trait !== a.trait) continue;
          const b = st.bindings.get(a.name);
          if (b) return b;
        }
        // `dyn Future<Output = T>` binds Output on Future itself.
        const b = pred.bound.bindings.get(a.name);
        if (b && this.tcx.traitDeclaringAssoc(pred.bound.trait, a.name) === a.trait) return b;
      }
      if (self.k === "param" || self.k === "assoc") return undefined;
    }
    const sel = this.select(self, { trait: a.trait, args: a.args, bindings: new Map() });
    if (sel === "ambiguous" || !sel) return undefined;
    if (sel.kind === "impl") {
      const v = this.assocValueInImpl(sel.impl, a.name, sel.subst);
      return v ? this.normalize(v) : undefined;
    }
    if (sel.kind === "param") {
      const b = sel.pred.bound.bindings.get(a.name);
      return b;
    }
    return undefined;
  }

  /** The `type Name = …;` of an impl, substituted. */
  private assocValueInImpl(impl: DefId, name: string, s: Map<string, Ty>): Ty | undefined {
    const d = def(this.tcx.table, impl, "impl");
    const item = d.items.get(name);
    if (item === undefined) return undefined;
    const at = this.tcx.def(item);
    if (at.kind !== "assocType" || !at.node.ty) return undefined;
    const scope = this.tcx.itemScope(impl);
    return substTy(this.tcx.lowerTy(at.node.ty, scope), s);
  }

  // ------------------------------------------------------------------------------------------------
  // Copy and needs-drop

  isCopy(t: Ty): boolean {
    const s = this.infer.resolve(t);
    return this.implements(s, this.lang.Copy) === "yes";
  }

  /**
   * Whether dropping a value of this type runs code (a Drop impl somewhere inside, or owned heap
   * memory). Type parameters and opaque types count as needing drop, as in rustc's generic MIR.
   */
  needsDrop(t: Ty, seen: Set<DefId> = new Set()): boolean {
    const s = this.infer.shallow(t);
    switch (s.k) {
      case "int":
      case "float":
      case "bool":
      case "char":
      case "str":
      case "never":
      case "ref":
      case "ptr":
      case "fndef":
      case "fnptr":
      case "intvar":
      case "floatvar":
      case "error":
        return false;
      case "tuple":
        return s.elems.some((e) => this.needsDrop(e, seen));
      case "array":
        return s.len !== 0 && this.needsDrop(s.elem, seen);
      case "slice":
        return this.needsDrop(s.elem, seen);
      case "closure":
        return this.closureNeedsDrop?.(s.node) ?? true;
      case "future":
        return true;
      case "adt": {
        const d = this.tcx.def(s.def);
        if (this.hasDropImpl(s.def)) return true;
        if (d.std) return stdNeedsDrop(d.name, () => s.args.some((a) => this.needsDrop(a, seen)));
        if (seen.has(s.def)) return false;
        seen.add(s.def);
        const variants = d.kind === "enum" ? d.variants : [s.def];
        const subst = this.tcx.substFor(this.tcx.genericsOf(s.def), s.args);
        const r = variants.some((v) => this.tcx.fieldsOf(v).some((f) => this.needsDrop(substTy(f.ty, subst), seen)));
        seen.delete(s.def);
        return r;
      }
      case "param":
      case "opaque":
      case "dyn":
      case "assoc":
      case "infer":
        return true;
    }
  }

  /** Set by the type checker: whether a closure's captured values need drop. */
  closureNeedsDrop: ((node: number) => boolean) | undefined;

  hasDropImpl(adt: DefId): boolean {
    for (const impl of this.tcx.implsOf(this.lang.Drop)) {
      const h = this.tcx.implHeader(impl);
      if (h.selfTy.k === "adt" && h.selfTy.def === adt) return true;
    }
    return false;
  }
}

/** Std types with no fields in the stubs: which of them own something that needs dropping. */
function stdNeedsDrop(name: string, argsNeedDrop: () => boolean): boolean {
  switch (name) {
    case "String":
    case "Vec":
    case "VecDeque":
    case "HashMap":
    case "Box":
    case "Rc":
    case "Arc":
    case "Weak":
    case "Waker":
    case "Context":
    case "MutexGuard":
    case "Ref":
    case "RefMut":
    case "JoinHandle":
    case "IntoIter":
    case "Drain":
    case "JoinAll":
    case "Sleep":
      return name === "Context" ? false : true;
    case "Mutex":
    case "Cell":
    case "RefCell":
    case "UnsafeCell":
    case "OnceCell":
    case "Option":
    case "Result":
    case "Poll":
    case "Pin":
    case "ManuallyDrop":
    case "Reverse":
    case "Wrapping":
      return name === "ManuallyDrop" ? false : argsNeedDrop();
    default:
      // Iterator adaptors and other wrappers: they drop what they hold.
      return argsNeedDrop();
  }
}

function mapChildren(t: Ty, f: (t: Ty) => Ty): Ty {
  switch (t.k) {
    case "tuple":
      return Ty.tuple(t.elems.map(f));
    case "array":
      return Ty.array(f(t.elem), t.len);
    case "slice":
      return Ty.slice(f(t.elem));
    case "ref":
      return Ty.ref(f(t.inner), t.mutable);
    case "ptr":
      return Ty.ptr(f(t.inner), t.mutable);
    case "adt":
      return Ty.adt(t.def, t.args.map(f));
    case "fndef":
      return { k: "fndef", def: t.def, args: t.args.map(f) };
    case "fnptr":
      return { k: "fnptr", params: t.params.map(f), ret: f(t.ret) };
    case "closure":
      return { k: "closure", node: t.node, params: t.params.map(f), ret: f(t.ret) };
    case "future":
      return { k: "future", node: t.node, def: t.def, args: t.args.map(f), output: f(t.output) };
    case "opaque":
      return { k: "opaque", def: t.def, args: t.args.map(f), bounds: t.bounds.map((b) => mapRef(b, f)) };
    case "dyn":
      return { k: "dyn", bounds: t.bounds.map((b) => mapRef(b, f)) };
    default:
      return t;
  }
}

function mapRef(b: TraitRef, f: (t: Ty) => Ty): TraitRef {
  const bindings = new Map<string, Ty>();
  for (const [k, v] of b.bindings) bindings.set(k, f(v));
  return { trait: b.trait, args: b.args.map(f), bindings };
}
