// Item types: generics, predicates, fn signatures, field types, impl headers — computed lazily from
// the AST the first time a stage asks, and cached in the `TyCtx`.
//
// Example. For
//
//     impl<T: Clone> Wrapper<T> { fn get(&self) -> T { self.0.clone() } }
//
// `genericsOf(impl)` is [T] (owner: the impl), `implHeader(impl)` gives the self type `Wrapper<T>`,
// and `fnSig(get)` gives inputs [&Wrapper<T>] and output T, where T is `param(impl, 0)`. The method
// `get` has no generics of its own; its generics' parent is the impl's, so a caller instantiates both
// with fresh inference variables.
//
// `impl Trait` in argument position becomes an anonymous generic parameter of the fn (as in rustc);
// in return position of a non-async fn it becomes an opaque type known by its bounds. An `async fn`'s
// signature returns the future type `{async fn body of f()}`, whose output is the written return type.

import type * as ast from "../syntax/ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/source.js";
import { def, type Def, type DefTable } from "./defs.js";
import { defPath, importedUnsupported, lookupLexical, PRIMITIVES, resolveModulePath, unsupportedStdDiagnostic, unsupportedStdItem } from "./scope.js";
import { Ty, type DefId, type IntKind, type FloatKind, type ParamTy, type TraitRef, type Subst, paramKey, substTy, substTraitRef } from "./ty.js";

export interface Generics {
  readonly owner: DefId;
  readonly parent: Generics | undefined;
  /** This owner's own type parameters (written and synthetic `impl Trait` ones). */
  readonly params: ParamTy[];
  /** Const parameters by name (`const N: usize`), which we do not track by value. */
  readonly consts: Set<string>;
}

export interface Predicate {
  readonly ty: Ty;
  readonly bound: TraitRef;
  /** `?Sized` and similar "maybe" bounds are dropped at lowering; this is always a real bound. */
}

export type SelfKind = "none" | "value" | "ref" | "refMut" | "explicit";

export interface FnSig {
  /** Parameter types; for methods the first is the receiver's type (`&Self`, `Pin<&mut Self>`, …). */
  readonly inputs: Ty[];
  /** What a call returns: for an `async fn`, the future type. */
  readonly output: Ty;
  /** The type the body's value must have: the written return type (also for `async fn`). */
  readonly bodyOutput: Ty;
  readonly selfKind: SelfKind;
  readonly isAsync: boolean;
  readonly isUnsafe: boolean;
}

/** What names refer to in type position while lowering a type. */
export interface TyScope {
  /** Lexical scope (module or block scope) for path lookup. */
  readonly module: DefId;
  readonly generics: Generics | undefined;
  /** The type `Self` stands for, if any. */
  readonly selfTy: Ty | undefined;
  /** For `impl Trait` in argument position: where synthetic params are added. */
  readonly implTraitParams?: { readonly generics: Generics; readonly predicates: Predicate[] };
  /** For `impl Trait` in return position of a non-async fn. */
  readonly opaqueOwner?: DefId;
}

/** Well-known std items, found by path in the stubs. */
export interface LangItems {
  readonly String: DefId;
  readonly Vec: DefId;
  readonly VecDeque: DefId;
  readonly Box: DefId;
  readonly Option: DefId;
  readonly Some: DefId;
  readonly None: DefId;
  readonly Result: DefId;
  readonly Ok: DefId;
  readonly Err: DefId;
  readonly Pin: DefId;
  readonly Poll: DefId;
  readonly PollReady: DefId;
  readonly PollPending: DefId;
  readonly Context: DefId;
  readonly Waker: DefId;
  readonly Rc: DefId;
  readonly Arc: DefId;
  readonly Cell: DefId;
  readonly RefCell: DefId;
  readonly Mutex: DefId;
  readonly PhantomPinned: DefId;
  readonly PhantomData: DefId;
  readonly Range: DefId;
  readonly RangeInclusive: DefId;
  readonly RangeFrom: DefId;
  readonly RangeTo: DefId;
  readonly RangeToInclusive: DefId;
  readonly RangeFull: DefId;
  readonly Formatter: DefId;
  readonly Arguments: DefId;
  readonly LocalKey: DefId;
  readonly Future: DefId;
  readonly IntoFuture: DefId;
  readonly Iterator: DefId;
  readonly IntoIterator: DefId;
  readonly Deref: DefId;
  readonly DerefMut: DefId;
  readonly Drop: DefId;
  readonly Copy: DefId;
  readonly Clone: DefId;
  readonly Sized: DefId;
  readonly Unpin: DefId;
  readonly Send: DefId;
  readonly Sync: DefId;
  readonly FnOnce: DefId;
  readonly FnMut: DefId;
  readonly Fn: DefId;
  readonly Index: DefId;
  readonly IndexMut: DefId;
  readonly PartialEq: DefId;
  readonly PartialOrd: DefId;
  readonly Display: DefId;
  readonly Debug: DefId;
  readonly Default: DefId;
  readonly From: DefId;
  readonly Neg: DefId;
  readonly Not: DefId;
  readonly binops: ReadonlyMap<string, { trait: DefId; method: string; assign: DefId; assignMethod: string }>;
}

const LANG_PATHS: Record<Exclude<keyof LangItems, "binops">, string> = {
  String: "string::String",
  Vec: "vec::Vec",
  VecDeque: "collections::VecDeque",
  Box: "boxed::Box",
  Option: "option::Option",
  Some: "option::Option::Some",
  None: "option::Option::None",
  Result: "result::Result",
  Ok: "result::Result::Ok",
  Err: "result::Result::Err",
  Pin: "pin::Pin",
  Poll: "task::Poll",
  PollReady: "task::Poll::Ready",
  PollPending: "task::Poll::Pending",
  Context: "task::Context",
  Waker: "task::Waker",
  Rc: "rc::Rc",
  Arc: "sync::Arc",
  Cell: "cell::Cell",
  RefCell: "cell::RefCell",
  Mutex: "sync::Mutex",
  PhantomPinned: "marker::PhantomPinned",
  PhantomData: "marker::PhantomData",
  Range: "ops::Range",
  RangeInclusive: "ops::RangeInclusive",
  RangeFrom: "ops::RangeFrom",
  RangeTo: "ops::RangeTo",
  RangeToInclusive: "ops::RangeToInclusive",
  RangeFull: "ops::RangeFull",
  Formatter: "fmt::Formatter",
  Arguments: "fmt::Arguments",
  LocalKey: "thread::LocalKey",
  Future: "future::Future",
  IntoFuture: "future::IntoFuture",
  Iterator: "iter::Iterator",
  IntoIterator: "iter::IntoIterator",
  Deref: "ops::Deref",
  DerefMut: "ops::DerefMut",
  Drop: "ops::Drop",
  Copy: "marker::Copy",
  Clone: "clone::Clone",
  Sized: "marker::Sized",
  Unpin: "marker::Unpin",
  Send: "marker::Send",
  Sync: "marker::Sync",
  FnOnce: "ops::FnOnce",
  FnMut: "ops::FnMut",
  Fn: "ops::Fn",
  Index: "ops::Index",
  IndexMut: "ops::IndexMut",
  PartialEq: "cmp::PartialEq",
  PartialOrd: "cmp::PartialOrd",
  Display: "fmt::Display",
  Debug: "fmt::Debug",
  Default: "default::Default",
  From: "convert::From",
  Neg: "ops::Neg",
  Not: "ops::Not",
};

const BINOPS: [string, string, string, string, string][] = [
  ["+", "Add", "add", "AddAssign", "add_assign"],
  ["-", "Sub", "sub", "SubAssign", "sub_assign"],
  ["*", "Mul", "mul", "MulAssign", "mul_assign"],
  ["/", "Div", "div", "DivAssign", "div_assign"],
  ["%", "Rem", "rem", "RemAssign", "rem_assign"],
  ["&", "BitAnd", "bitand", "BitAndAssign", "bitand_assign"],
  ["|", "BitOr", "bitor", "BitOrAssign", "bitor_assign"],
  ["^", "BitXor", "bitxor", "BitXorAssign", "bitxor_assign"],
  ["<<", "Shl", "shl", "ShlAssign", "shl_assign"],
  [">>", "Shr", "shr", "ShrAssign", "shr_assign"],
];

export function findLangItems(table: DefTable): LangItems {
  const get = (path: string): DefId => {
    const names = path.split("::");
    const ns = /^[a-z]/.test(names[names.length - 1]!) ? "value" : "type";
    const id = resolveModulePath(table, names, table.stdRoot, ns) ?? resolveModulePath(table, names, table.stdRoot, "type");
    if (id === undefined) throw new Error(`internal error: std stub item \`${path}\` is missing (please report this as a bug in pinion)`);
    return id;
  };
  const items: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(LANG_PATHS)) items[k] = get(p);
  const binops = new Map<string, { trait: DefId; method: string; assign: DefId; assignMethod: string }>();
  for (const [op, tr, m, atr, am] of BINOPS) binops.set(op, { trait: get(`ops::${tr}`), method: m, assign: get(`ops::${atr}`), assignMethod: am });
  items["binops"] = binops;
  return items as unknown as LangItems;
}

// ---------------------------------------------------------------------------------------------------

/**
 * What a `TyCtx` has computed about std items before it looked at any user item — the headers of the
 * std impls, which every file's method index needs first, and what they pulled in (generics of impls,
 * traits and types, aliases, trait predicates). A Session computes it once (resolve/index.ts,
 * `prepareStd`) and each file's `TyCtx` starts from a copy, as if it had just computed it itself: the
 * values depend only on the std stubs, and a file's `TyCtx` computes them first, in the same order.
 */
export interface StdTyCache {
  readonly lang: LangItems;
  readonly generics: ReadonlyMap<DefId, Generics>;
  readonly predicates: ReadonlyMap<DefId, Predicate[]>;
  readonly sigs: ReadonlyMap<DefId, FnSig>;
  readonly sigExtras: ReadonlyMap<DefId, Predicate[]>;
  readonly impls: ReadonlyMap<DefId, { selfTy: Ty; traitRef: TraitRef | undefined }>;
  readonly fields: ReadonlyMap<DefId, { name: string; ty: Ty; span: Span }[]>;
  readonly itemTys: ReadonlyMap<DefId, Ty>;
  readonly aliases: ReadonlyMap<DefId, Ty>;
}

export class TyCtx {
  readonly diagnostics: Diagnostic[] = [];
  readonly lang: LangItems;
  private readonly genericsCache: Map<DefId, Generics>;
  private readonly predicatesCache: Map<DefId, Predicate[]>;
  private readonly sigCache: Map<DefId, FnSig>;
  private readonly sigExtras: Map<DefId, Predicate[]>;
  private readonly implCache: Map<DefId, { selfTy: Ty; traitRef: TraitRef | undefined }>;
  private readonly fieldCache: Map<DefId, { name: string; ty: Ty; span: Span }[]>;
  private readonly itemTyCache: Map<DefId, Ty>;
  private readonly aliasCache: Map<DefId, Ty>;
  private readonly inProgress = new Set<DefId>();
  /** Trait → impls of it, and inherent impls by the head of their self type. */
  private implIndex: { byTrait: Map<DefId, DefId[]>; inherent: DefId[] } | undefined;

  /** `std`: start from what another TyCtx over the same std stubs computed (see `StdTyCache`). */
  constructor(
    readonly table: DefTable,
    std?: StdTyCache,
  ) {
    this.lang = std?.lang ?? findLangItems(table);
    this.genericsCache = new Map(std?.generics);
    this.predicatesCache = new Map(std?.predicates);
    this.sigCache = new Map(std?.sigs);
    this.sigExtras = new Map(std?.sigExtras);
    this.implCache = new Map(std?.impls);
    this.fieldCache = new Map(std?.fields);
    this.itemTyCache = new Map(std?.itemTys);
    this.aliasCache = new Map(std?.aliases);
  }

  /**
   * Everything computed so far, for other TyCtxs to start from; only valid when nothing but std items
   * has been asked about and nothing was reported. A fn's generics are left out unless its signature
   * is in too: computing the signature adds the synthetic `impl Trait` parameters to them.
   */
  stdCache(): StdTyCache {
    if (this.diagnostics.length || this.inProgress.size) {
      throw new Error("internal error: a std cache taken from a TyCtx with diagnostics or unfinished work (please report this as a bug in pinion)");
    }
    for (const m of [this.genericsCache, this.predicatesCache, this.sigCache, this.implCache, this.fieldCache, this.itemTyCache, this.aliasCache]) {
      for (const id of m.keys()) {
        if (!this.def(id).std) throw new Error("internal error: a std cache with a user item in it (please report this as a bug in pinion)");
      }
    }
    const generics = new Map([...this.genericsCache].filter(([id]) => this.def(id).kind !== "fn" || this.sigCache.has(id)));
    return {
      lang: this.lang,
      generics,
      predicates: new Map(this.predicatesCache),
      sigs: new Map(this.sigCache),
      sigExtras: new Map(this.sigExtras),
      impls: new Map(this.implCache),
      fields: new Map(this.fieldCache),
      itemTys: new Map(this.itemTyCache),
      aliases: new Map(this.aliasCache),
    };
  }

  def(id: DefId): Def {
    return this.table.defs[id]!;
  }

  path(id: DefId): string {
    return defPath(this.table, id);
  }

  error(code: string, message: string, span: Span, label = ""): void {
    this.diagnostics.push(diagnostic(code, "error", message, span, label));
  }

  /** Reports a problem at `span` unless it is inside the std stubs (where spans mean nothing). */
  private report(owner: DefId | undefined, code: string, message: string, span: Span, label = ""): void {
    if (owner !== undefined && this.def(owner).std) {
      throw new Error(`internal error: std stubs: ${message} (please report this as a bug in pinion)`);
    }
    this.error(code, message, span, label);
  }

  // ------------------------------------------------------------------------------------------------
  // Generics and predicates

  genericsOf(id: DefId): Generics {
    const cached = this.genericsCache.get(id);
    if (cached) return cached;
    const d = this.def(id);
    let node: ast.Generics | undefined;
    let parent: Generics | undefined;
    switch (d.kind) {
      case "fn":
        node = d.node.generics;
        if (d.container.kind === "impl") parent = this.genericsOf(d.container.impl);
        else if (d.container.kind === "trait") parent = this.genericsOf(d.container.trait);
        break;
      case "struct":
      case "enum":
      case "trait":
      case "impl":
      case "typeAlias":
        node = d.node.generics;
        break;
      case "variant":
        return this.genericsOf(d.enumDef);
      case "const":
      case "assocType":
        if (d.container.kind === "impl") return this.genericsOf(d.container.impl);
        if (d.container.kind === "trait") return this.genericsOf(d.container.trait);
        break;
      default:
        break;
    }
    const params: ParamTy[] = [];
    const consts = new Set<string>();
    for (const p of node?.params ?? []) {
      if (p.kind === "const") consts.add(p.name.name);
      else params.push({ k: "param", owner: id, index: params.length, name: p.name.name });
    }
    const g: Generics = { owner: id, parent, params, consts };
    this.genericsCache.set(id, g);
    return g;
  }

  /** The `Self` parameter of a trait. */
  traitSelf(trait: DefId): ParamTy {
    return { k: "param", owner: trait, index: -1, name: "Self" };
  }

  /** All params in scope for an owner, outermost first. */
  allParams(g: Generics | undefined): ParamTy[] {
    if (!g) return [];
    return [...this.allParams(g.parent), ...g.params];
  }

  /** The scope names in an item's signature resolve in. */
  itemScope(id: DefId): TyScope {
    const d = this.def(id);
    const generics = this.genericsOf(id);
    let selfTy: Ty | undefined;
    const container = d.kind === "fn" || d.kind === "const" || d.kind === "assocType" ? d.container : undefined;
    if (d.kind === "impl") selfTy = this.implHeader(id).selfTy;
    else if (d.kind === "trait") selfTy = this.traitSelf(id);
    else if (container?.kind === "impl") selfTy = this.implHeader(container.impl).selfTy;
    else if (container?.kind === "trait") selfTy = this.traitSelf(container.trait);
    else if (d.kind === "struct" || d.kind === "enum") selfTy = Ty.adt(id, this.allParams(generics));
    return { module: d.module, generics, selfTy };
  }

  predicatesOf(id: DefId): Predicate[] {
    const cached = this.predicatesCache.get(id);
    if (cached) return cached;
    if (this.inProgress.has(id)) return [];
    this.inProgress.add(id);
    const d = this.def(id);
    const out: Predicate[] = [];
    const g = this.genericsOf(id);
    if (g.parent) out.push(...this.predicatesOf(g.parent.owner));
    if (d.kind === "trait") {
      const self = this.traitSelf(id);
      out.push({ ty: self, bound: { trait: id, args: this.allParams(g), bindings: new Map() } });
      const scope = this.itemScope(id);
      for (const b of d.node.supertraits) {
        const tr = this.lowerBound(b, scope, self);
        if (tr) out.push({ ty: self, bound: tr });
      }
      // `type Item: Bound;` declares bounds on the projection.
      for (const item of d.node.items) {
        if (item.kind !== "AssocType") continue;
        const proj: Ty = { k: "assoc", trait: id, self, args: this.allParams(g), name: item.name.name };
        for (const b of item.bounds) {
          const tr = this.lowerBound(b, scope, proj);
          if (tr) out.push({ ty: proj, bound: tr });
        }
      }
    }
    const node = "node" in d ? (d.node as { generics?: ast.Generics }).generics : undefined;
    if (node && (d.kind === "fn" || d.kind === "struct" || d.kind === "enum" || d.kind === "trait" || d.kind === "impl" || d.kind === "typeAlias")) {
      const scope = this.itemScope(id);
      for (const p of node.params) {
        if (p.kind !== "type") continue;
        const pty = g.params.find((x) => x.name === p.name.name)!;
        for (const b of p.bounds) {
          const tr = this.lowerBound(b, scope, pty);
          if (tr) out.push({ ty: pty, bound: tr });
        }
      }
      for (const w of node.where) {
        const ty = this.lowerTy(w.ty, scope);
        for (const b of w.bounds) {
          const tr = this.lowerBound(b, scope, ty);
          if (tr) out.push({ ty, bound: tr });
        }
      }
    }
    if (d.kind === "fn") out.push(...this.fnSigWithExtras(id).extraPredicates);
    this.inProgress.delete(id);
    this.predicatesCache.set(id, out);
    return out;
  }

  // ------------------------------------------------------------------------------------------------
  // Signatures

  fnSig(id: DefId): FnSig {
    return this.fnSigWithExtras(id).sig;
  }

  private fnSigWithExtras(id: DefId): { sig: FnSig; extraPredicates: Predicate[] } {
    const cached = this.sigCache.get(id);
    if (cached) return { sig: cached, extraPredicates: this.sigExtras.get(id) ?? [] };
    const d = def(this.table, id, "fn");
    const node = d.node;
    const base = this.itemScope(id);
    const generics = base.generics!;
    const extra: Predicate[] = [];
    const argScope: TyScope = { ...base, implTraitParams: { generics, predicates: extra } };
    const inputs: Ty[] = [];
    let selfKind: SelfKind = "none";
    if (node.selfParam) {
      const self = base.selfTy ?? Ty.error;
      selfKind = node.selfParam.kind;
      switch (node.selfParam.kind) {
        case "value":
          inputs.push(self);
          break;
        case "ref":
          inputs.push(Ty.ref(self, false));
          break;
        case "refMut":
          inputs.push(Ty.ref(self, true));
          break;
        case "explicit":
          inputs.push(node.selfParam.ty ? this.lowerTy(node.selfParam.ty, base) : self);
          break;
      }
    }
    for (const p of node.params) inputs.push(this.lowerTy(p.ty, argScope));
    const retScope: TyScope = node.isAsync ? base : { ...base, opaqueOwner: id };
    const written = node.ret ? this.lowerTy(node.ret, retScope) : Ty.unit;
    const output: Ty = node.isAsync
      ? { k: "future", node: node.id, def: id, args: this.allParams(generics), output: written }
      : written;
    const sig: FnSig = { inputs, output, bodyOutput: written, selfKind, isAsync: node.isAsync, isUnsafe: node.isUnsafe };
    this.sigCache.set(id, sig);
    this.sigExtras.set(id, extra);
    return { sig, extraPredicates: extra };
  }

  implHeader(id: DefId): { selfTy: Ty; traitRef: TraitRef | undefined } {
    const cached = this.implCache.get(id);
    if (cached) return cached;
    const d = def(this.table, id, "impl");
    // Lower the self type first with no Self in scope (it *is* Self).
    const scope: TyScope = { module: d.module, generics: this.genericsOf(id), selfTy: undefined };
    const placeholder = { selfTy: Ty.error, traitRef: undefined };
    this.implCache.set(id, placeholder);
    const selfTy = this.lowerTy(d.node.selfTy, scope);
    const withSelf: TyScope = { ...scope, selfTy };
    let traitRef: TraitRef | undefined;
    if (d.node.trait) {
      traitRef = this.lowerTraitPath(d.node.trait, withSelf, selfTy);
    }
    const header = { selfTy, traitRef };
    this.implCache.set(id, header);
    return header;
  }

  /** Field names and (generic) types of a struct or an enum variant, in declaration order. */
  fieldsOf(id: DefId): { name: string; ty: Ty; span: Span }[] {
    const cached = this.fieldCache.get(id);
    if (cached) return cached;
    const d = this.def(id);
    let fields: readonly ast.FieldDef[] = [];
    let scopeOwner = id;
    if (d.kind === "struct") fields = d.node.fields;
    else if (d.kind === "variant") {
      fields = d.node.fields;
      scopeOwner = d.enumDef;
    }
    this.fieldCache.set(id, []);
    const scope = this.itemScope(scopeOwner);
    const out = fields.map((f) => ({ name: f.name.name, ty: this.lowerTy(f.ty, scope), span: f.span }));
    this.fieldCache.set(id, out);
    return out;
  }

  /** The declared type of a const or static. */
  itemTy(id: DefId): Ty {
    const cached = this.itemTyCache.get(id);
    if (cached) return cached;
    const d = this.def(id);
    let ty: Ty = Ty.error;
    if (d.kind === "const") ty = this.lowerTy(d.node.ty, this.itemScope(id));
    else if (d.kind === "static") {
      const inner = this.lowerTy(d.node.ty, { module: d.module, generics: undefined, selfTy: undefined });
      ty = d.node.threadLocal ? Ty.adt(this.lang.LocalKey, [inner]) : inner;
    }
    this.itemTyCache.set(id, ty);
    return ty;
  }

  /** The generic type of an ADT with its own parameters: `Vec<T>`. */
  adtSelfTy(id: DefId): Ty {
    return Ty.adt(id, this.allParams(this.genericsOf(id)));
  }

  // ------------------------------------------------------------------------------------------------
  // Impl index

  private index(): { byTrait: Map<DefId, DefId[]>; inherent: DefId[] } {
    if (this.implIndex) return this.implIndex;
    const byTrait = new Map<DefId, DefId[]>();
    const inherent: DefId[] = [];
    for (const id of this.table.impls) {
      const h = this.implHeader(id);
      if (h.traitRef) {
        const list = byTrait.get(h.traitRef.trait) ?? [];
        list.push(id);
        byTrait.set(h.traitRef.trait, list);
      } else if (!def(this.table, id, "impl").node.trait) inherent.push(id);
    }
    this.implIndex = { byTrait, inherent };
    return this.implIndex;
  }

  /** Impls of a trait (negative ones included: `impl !Unpin for T`). */
  implsOf(trait: DefId): readonly DefId[] {
    return this.index().byTrait.get(trait) ?? [];
  }

  inherentImpls(): readonly DefId[] {
    return this.index().inherent;
  }

  /** Forget the impl index (items declared in blocks are added while checking bodies). */
  invalidateImplIndex(): void {
    this.implIndex = undefined;
  }

  // ------------------------------------------------------------------------------------------------
  // Lowering AST types

  lowerTy(t: ast.Type, scope: TyScope): Ty {
    switch (t.kind) {
      case "RefType":
        return Ty.ref(this.lowerTy(t.inner, scope), t.mutable);
      case "PtrType":
        return Ty.ptr(this.lowerTy(t.inner, scope), t.mutable);
      case "TupleType":
        return Ty.tuple(t.elems.map((e) => this.lowerTy(e, scope)));
      case "ArrayType":
        return Ty.array(this.lowerTy(t.elem, scope), constLen(t.len));
      case "SliceType":
        return Ty.slice(this.lowerTy(t.elem, scope));
      case "FnPtrType":
        return { k: "fnptr", params: t.inputs.map((i) => this.lowerTy(i, scope)), ret: t.output ? this.lowerTy(t.output, scope) : Ty.unit };
      case "NeverType":
        return Ty.never;
      case "InferType":
        // `_` in a signature is not valid Rust; in a body the type checker handles it before here.
        return Ty.error;
      case "DynTraitType":
        return { k: "dyn", bounds: this.lowerBounds(t.bounds, scope, undefined) };
      case "ImplTraitType": {
        if (scope.implTraitParams) {
          const g = scope.implTraitParams.generics;
          const p: ParamTy = { k: "param", owner: g.owner, index: g.params.length, name: `impl ${t.bounds.map((b) => b.path.segments.map((s) => s.ident.name).join("::")).join(" + ")}` };
          g.params.push(p);
          for (const tr of this.lowerBounds(t.bounds, scope, p)) scope.implTraitParams.predicates.push({ ty: p, bound: tr });
          return p;
        }
        if (scope.opaqueOwner !== undefined) {
          const self: Ty = { k: "opaque", def: scope.opaqueOwner, args: this.allParams(scope.generics), bounds: [] };
          const bounds = this.lowerBounds(t.bounds, scope, self);
          return { k: "opaque", def: scope.opaqueOwner, args: this.allParams(scope.generics), bounds };
        }
        return { k: "dyn", bounds: this.lowerBounds(t.bounds, scope, undefined) };
      }
      case "PathType":
        return this.lowerPathTy(t.path, scope);
    }
  }

  private lowerBounds(bounds: readonly ast.TraitBound[], scope: TyScope, self: Ty | undefined): TraitRef[] {
    const out: TraitRef[] = [];
    for (const b of bounds) {
      const tr = this.lowerBound(b, scope, self ?? Ty.error);
      if (tr) out.push(tr);
    }
    return out;
  }

  /** A trait bound; undefined for `?Sized` and for lifetime-only bounds. */
  lowerBound(b: ast.TraitBound, scope: TyScope, self: Ty): TraitRef | undefined {
    if (b.maybe) return undefined;
    return this.lowerTraitPath(b.path, scope, self);
  }

  /** Resolves a trait path with its generic args and bindings (`Future<Output = T>`, `Fn(i32) -> u8`). */
  lowerTraitPath(path: ast.Path, scope: TyScope, self: Ty): TraitRef | undefined {
    const names = path.segments.map((s) => s.ident.name);
    const id = resolveModulePath(this.table, names, scope.module, "type");
    const last = path.segments[path.segments.length - 1]!;
    if (id === undefined || this.def(id).kind !== "trait") {
      this.report(scope.generics?.owner, "P0005", `cannot find trait \`${names.join("::")}\` in this scope`, last.ident.span, "not found in this scope");
      return undefined;
    }
    const args = last.args;
    const bindings = new Map<string, Ty>();
    let targs: Ty[] = [];
    if (args?.fnSugar) {
      targs = [Ty.tuple(args.fnSugar.inputs.map((i) => this.lowerTy(i, scope)))];
      bindings.set("Output", args.fnSugar.output ? this.lowerTy(args.fnSugar.output, scope) : Ty.unit);
    } else if (args) {
      targs = args.types.map((a) => this.lowerTy(a, scope));
      for (const bnd of args.bindings) bindings.set(bnd.name.name, this.lowerTy(bnd.ty, scope));
    }
    // Defaults: `PartialEq` means `PartialEq<Self>`, `Add` means `Add<Self>`.
    const tg = this.genericsOf(id);
    const tnode = def(this.table, id, "trait").node;
    while (targs.length < tg.params.length) {
      const p = tnode.generics.params.filter((x) => x.kind === "type")[targs.length];
      if (p?.default && p.default.kind === "PathType" && p.default.path.segments.length === 1 && p.default.path.segments[0]!.ident.name === "Self") targs.push(self);
      else if (p?.default) targs.push(this.lowerTy(p.default, this.itemScope(id)));
      else targs.push(Ty.error);
    }
    return { trait: id, args: targs, bindings };
  }

  private lowerPathTy(path: ast.Path, scope: TyScope): Ty {
    if (path.qself) {
      // `<T as Trait>::Name`
      const self = this.lowerTy(path.qself.ty, scope);
      const seg = path.segments[path.segments.length - 1]!;
      if (path.qself.trait) {
        const tr = this.lowerTraitPath(path.qself.trait, scope, self);
        if (!tr) return Ty.error;
        return { k: "assoc", trait: tr.trait, self, args: tr.args, name: seg.ident.name };
      }
      return this.assocTyOf(self, seg.ident, scope);
    }
    const segs = path.segments;
    const first = segs[0]!;
    const name = first.ident.name;
    if (segs.length === 1) {
      const p = this.findParam(scope.generics, name);
      if (p) return p;
      // A const generic used as an argument (`IntoIter<T, N>`): pinion does not track its value.
      for (let g = scope.generics; g; g = g.parent) if (g.consts.has(name)) return Ty.error;
      if (name === "Self") {
        if (scope.selfTy) return scope.selfTy;
        this.report(scope.generics?.owner, "P0005", "cannot find type `Self` in this scope", first.ident.span, "`Self` is only available in impls, traits, and type definitions");
        return Ty.error;
      }
    }
    if (segs.length === 2) {
      // `T::Output`, `Self::Item`
      const head = segs.length === 2 ? this.findParam(scope.generics, name) ?? (name === "Self" ? scope.selfTy : undefined) : undefined;
      if (head) return this.assocTyOf(head, segs[1]!.ident, scope);
    }
    const names = segs.map((s) => s.ident.name);
    const id = resolveModulePath(this.table, names, scope.module, "type");
    // A primitive type name wins over a module of the same name (`str`, `f64`, `char` in std).
    if (segs.length === 1 && PRIMITIVES.has(name) && (id === undefined || this.def(id).kind === "mod")) return primitiveTy(name);
    if (id === undefined) {
      // `Type::Assoc` where `Type` is an ADT with an impl providing `Assoc` (rare): not supported.
      const unsupported = unsupportedStdItem(this.table, names, scope.module);
      const inStd = scope.generics?.owner !== undefined && this.def(scope.generics.owner).std;
      if (unsupported && !inStd) this.diagnostics.push(unsupportedStdDiagnostic(unsupported, segs[segs.length - 1]!.ident.span));
      else if (!inStd && importedUnsupported(this.table, scope.module, names[0]!)) {
        // `JoinHandle<T>` after `use std::thread::JoinHandle;`: reported at the import.
      } else this.report(scope.generics?.owner, "P0005", `cannot find type \`${names.join("::")}\` in this scope`, segs[segs.length - 1]!.ident.span, "not found in this scope");
      return Ty.error;
    }
    const d = this.def(id);
    const args = segs[segs.length - 1]!.args;
    const targs = (args?.types ?? []).map((a) => this.lowerTy(a, scope));
    switch (d.kind) {
      case "struct":
      case "enum": {
        const n = this.genericsOf(id).params.length;
        return Ty.adt(id, fitArgs(targs, n, (i) => this.defaultArg(id, i, targs)));
      }
      case "typeAlias": {
        const g = this.genericsOf(id);
        const body = this.aliasBody(id);
        const s = new Map<string, Ty>();
        g.params.forEach((p, i) => s.set(paramKey(p), targs[i] ?? Ty.error));
        return substTy(body, s);
      }
      case "trait":
        // Bare trait object type (`Box<Future<Output = ()>>`, pre-2021 style).
        return { k: "dyn", bounds: [this.lowerTraitPath(path, scope, Ty.error)].filter((x): x is TraitRef => !!x) };
      case "assocType": {
        if (d.container.kind === "trait") {
          return { k: "assoc", trait: d.container.trait, self: scope.selfTy ?? Ty.error, args: [], name: d.name };
        }
        return Ty.error;
      }
      default:
        this.report(scope.generics?.owner, "P0005", `expected type, found ${d.kind} \`${names.join("::")}\``, segs[segs.length - 1]!.ident.span, "not a type");
        return Ty.error;
    }
  }

  private defaultArg(id: DefId, i: number, given: Ty[]): Ty {
    const d = this.def(id);
    if (d.kind !== "struct" && d.kind !== "enum") return Ty.error;
    const p = d.node.generics.params.filter((x) => x.kind === "type")[i];
    if (!p?.default) return Ty.error;
    const g = this.genericsOf(id);
    const s = new Map<string, Ty>();
    g.params.forEach((q, j) => s.set(paramKey(q), given[j] ?? Ty.error));
    return substTy(this.lowerTy(p.default, this.itemScope(id)), s);
  }

  aliasBody(id: DefId): Ty {
    const cached = this.aliasCache.get(id);
    if (cached) return cached;
    this.aliasCache.set(id, Ty.error);
    const d = def(this.table, id, "typeAlias");
    const ty = this.lowerTy(d.node.ty, this.itemScope(id));
    this.aliasCache.set(id, ty);
    return ty;
  }

  private findParam(g: Generics | undefined, name: string): ParamTy | undefined {
    for (let cur = g; cur; cur = cur.parent) {
      const p = cur.params.find((x) => x.name === name);
      if (p) return p;
    }
    return undefined;
  }

  /** `T::Name` for a type parameter (or `Self`): find the trait among T's bounds that declares `Name`. */
  assocTyOf(self: Ty, name: ast.Ident, scope: TyScope): Ty {
    const preds = scope.generics ? this.predicatesOf(scope.generics.owner) : [];
    const traitsWithIt = (trait: DefId): DefId | undefined => this.traitDeclaringAssoc(trait, name.name);
    for (const p of preds) {
      if (!sameParam(p.ty, self)) continue;
      const t = traitsWithIt(p.bound.trait);
      if (t !== undefined) {
        const binding = p.bound.bindings.get(name.name);
        if (binding && t === p.bound.trait) return binding;
        return { k: "assoc", trait: t, self, args: t === p.bound.trait ? p.bound.args : [], name: name.name };
      }
    }
    // While the predicates of the owner are being computed (a bound that mentions `P::Target`), look
    // at the written bounds of the parameter directly.
    if (self.k === "param") {
      for (const b of this.writtenBounds(scope.generics, self)) {
        if (b.maybe) continue;
        const tid = resolveModulePath(this.table, b.path.segments.map((x) => x.ident.name), scope.module, "type");
        if (tid === undefined || this.def(tid).kind !== "trait") continue;
        const t = traitsWithIt(tid);
        if (t === undefined) continue;
        const last = b.path.segments[b.path.segments.length - 1]!;
        const binding = last.args?.bindings.find((x) => x.name.name === name.name);
        if (binding && t === tid) return this.lowerTy(binding.ty, scope);
        return { k: "assoc", trait: t, self, args: [], name: name.name };
      }
    }
    // `Self::Item` inside a trait or an impl of a trait.
    if (scope.generics) {
      const owner = this.def(scope.generics.owner);
      const container = owner.kind === "fn" || owner.kind === "const" || owner.kind === "assocType" ? owner.container : undefined;
      const trait = owner.kind === "trait" ? owner.id : container?.kind === "trait" ? container.trait : undefined;
      if (trait !== undefined) {
        const t = traitsWithIt(trait);
        if (t !== undefined) return { k: "assoc", trait: t, self, args: [], name: name.name };
      }
      const implId = owner.kind === "impl" ? owner.id : container?.kind === "impl" ? container.impl : undefined;
      if (implId !== undefined) {
        const impl = def(this.table, implId, "impl");
        const local = impl.items.get(name.name);
        if (local !== undefined && this.def(local).kind === "assocType") {
          const at = def(this.table, local, "assocType");
          if (at.node.ty) return this.lowerTy(at.node.ty, this.itemScope(implId));
        }
        const h = this.implHeader(implId);
        if (h.traitRef) {
          const t = traitsWithIt(h.traitRef.trait);
          if (t !== undefined) return { k: "assoc", trait: t, self, args: h.traitRef.args, name: name.name };
        }
      }
    }
    this.report(scope.generics?.owner, "P0005", `cannot find associated type \`${name.name}\``, name.span, "not found");
    return Ty.error;
  }

  /** The bounds written on a type parameter: inline (`P: Deref`) and in `where` clauses. */
  private writtenBounds(g: Generics | undefined, param: ParamTy): ast.TraitBound[] {
    const out: ast.TraitBound[] = [];
    for (let cur = g; cur; cur = cur.parent) {
      if (cur.owner !== param.owner) continue;
      const d = this.def(cur.owner);
      const node = "node" in d ? (d.node as { generics?: ast.Generics }).generics : undefined;
      if (!node) continue;
      for (const p of node.params) if (p.name.name === param.name) out.push(...p.bounds);
      for (const w of node.where) {
        if (w.ty.kind === "PathType" && w.ty.path.segments.length === 1 && w.ty.path.segments[0]!.ident.name === param.name) out.push(...w.bounds);
      }
    }
    return out;
  }

  /** The trait (this one or a supertrait) that declares associated type `name`. */
  traitDeclaringAssoc(trait: DefId, name: string, seen = new Set<DefId>()): DefId | undefined {
    if (seen.has(trait)) return undefined;
    seen.add(trait);
    const td = def(this.table, trait, "trait");
    const item = td.items.get(name);
    if (item !== undefined && this.def(item).kind === "assocType") return trait;
    for (const p of this.predicatesOf(trait)) {
      if (p.ty.k === "param" && p.ty.owner === trait && p.ty.index === -1 && p.bound.trait !== trait) {
        const t = this.traitDeclaringAssoc(p.bound.trait, name, seen);
        if (t !== undefined) return t;
      }
    }
    return undefined;
  }

  /** Supertraits of a trait (transitively), with Self = `self`. */
  supertraits(trait: TraitRef, self: Ty): TraitRef[] {
    const out: TraitRef[] = [];
    const seen = new Set<DefId>();
    const go = (tr: TraitRef) => {
      if (seen.has(tr.trait)) return;
      seen.add(tr.trait);
      out.push(tr);
      const g = this.genericsOf(tr.trait);
      const s = new Map<string, Ty>([[paramKey(this.traitSelf(tr.trait)), self]]);
      g.params.forEach((p, i) => s.set(paramKey(p), tr.args[i] ?? Ty.error));
      for (const p of this.predicatesOf(tr.trait)) {
        if (p.ty.k === "param" && p.ty.owner === tr.trait && p.ty.index === -1 && p.bound.trait !== tr.trait) go(substTraitRef(p.bound, s));
      }
    };
    go(trait);
    return out;
  }

  /** Builds a substitution for an owner's params (and its parents'). */
  substFor(g: Generics | undefined, args: readonly Ty[]): Map<string, Ty> {
    const s = new Map<string, Ty>();
    this.allParams(g).forEach((p, i) => s.set(paramKey(p), args[i] ?? Ty.error));
    return s;
  }

  /** Instantiate a generic type with a substitution. */
  subst(t: Ty, s: Subst): Ty {
    return substTy(t, s);
  }

  /** Names of the derives on a struct or enum. */
  derives(id: DefId): string[] {
    const d = this.def(id);
    if (d.kind !== "struct" && d.kind !== "enum") return [];
    return d.node.attrs.derives.map((x) => x.name);
  }
}

function sameParam(a: Ty, b: Ty): boolean {
  if (a.k === "param" && b.k === "param") return a.owner === b.owner && a.index === b.index;
  if (a.k === "assoc" && b.k === "assoc") return a.trait === b.trait && a.name === b.name && sameParam(a.self, b.self);
  return false;
}

function fitArgs(given: Ty[], n: number, dflt: (i: number) => Ty): Ty[] {
  if (given.length === n) return given;
  const out = given.slice(0, n);
  while (out.length < n) out.push(dflt(out.length));
  return out;
}

export function primitiveTy(name: string): Ty {
  switch (name) {
    case "bool":
      return Ty.bool;
    case "char":
      return Ty.char;
    case "str":
      return Ty.str;
    case "f32":
    case "f64":
      return Ty.float(name as FloatKind);
    default:
      return Ty.int(name as IntKind);
  }
}

/** The value of an array length expression when it is a literal (`[u8; 4]`); undefined otherwise. */
export function constLen(e: ast.Expr): number | undefined {
  if (e.kind === "Lit" && e.lit.type === "int") return Number(e.lit.value);
  return undefined;
}

export { lookupLexical };
