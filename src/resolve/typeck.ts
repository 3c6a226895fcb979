// The type checker: one pass over each fn body (closures and async blocks inside it are checked in
// the same pass, as rustc does), inferring the type of every expression, pattern and local, and
// recording what each name, method call and operator resolves to.
//
// Worked example (from /work/shared/acceptance/run/control_flow.rs):
//
//     async fn run(ops: Vec<Op>) -> u64 {
//         let mut acc = 1;                        // acc: ?int0
//         let mut i = 0;                          // i: ?int1
//         while i < ops.len() {                   // `<` unifies ?int1 with usize (Vec<Op> → [Op]::len)
//             match &ops[i] {                     // Index<usize> for Vec<Op>: &Op
//                 Op::Add(n) => acc += double(*n).await,   // n: &u64 (match ergonomics);
//                                                           // `+=` on integers: ?int0 := u64
//     …
//
// Checking is bidirectional: an expression is checked against an *expectation* where one is known
// (a `let` annotation, a parameter type, the fn's return type) and coerced to it at the coercion
// sites rustc has (let, arguments, returns, struct fields, array elements). Generic calls add
// *obligations* (`F: FnMut(&mut Context) -> Poll<T>`); they are solved as types become known, which is
// also how a closure passed to `poll_fn` learns its parameter types. At the end of a body, unsuffixed
// integer literals default to i32 and float literals to f64, and every recorded type is resolved.

import type * as ast from "../syntax/ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/source.js";
import { def, type DefTable } from "./defs.js";
import { primitiveTy, constLen, type Predicate, type TyCtx, type TyScope } from "./collect.js";
import { InferTable } from "./infer.js";
import { autoderef, derefOnce, instantiateFn, probeMethod, type MethodIndex } from "./method.js";
import type { Adjustment, AsyncBlockInfo, Capture, ClosureInfo, FnBodyInfo, Local, LocalId, MethodCallee, Res } from "./program.js";
import { importedUnsupported, lookupLexical, PRIMITIVES, resolveModulePath, unsupportedStdDiagnostic, unsupportedStdItem } from "./scope.js";
import { Solver } from "./traits.js";
import { Ty, isIntegral, isNumeric, paramKey, substTy, type DefId, type TraitRef } from "./ty.js";
import { printTy } from "./print.js";

/** Tables shared by all bodies of one program (each body writes its own nodes). */
export interface Tables {
  readonly locals: Local[];
  readonly res: Map<ast.NodeId, Res>;
  readonly exprTypes: Map<ast.NodeId, Ty>;
  readonly patTypes: Map<ast.NodeId, Ty>;
  readonly adjustments: Map<ast.NodeId, Adjustment[]>;
  readonly methods: Map<ast.NodeId, MethodCallee>;
  readonly bindings: Map<ast.NodeId, LocalId>;
  readonly patDerefs: Map<ast.NodeId, number>;
  readonly fieldIndex: Map<ast.NodeId, number>;
  readonly closures: Map<ast.NodeId, ClosureInfo>;
  readonly asyncBlocks: Map<ast.NodeId, AsyncBlockInfo>;
  readonly forLoops: Map<ast.NodeId, { iterTy: Ty; itemTy: Ty }>;
  readonly awaits: Map<ast.NodeId, { futureTy: Ty; output: Ty }>;
  readonly tries: Map<ast.NodeId, { family: "option" | "result"; errFrom?: Ty; errTo?: Ty }>;
  readonly unpinnedPolls: Set<ast.NodeId>;
  /** `impl Trait` return types of fns in this crate → the concrete type behind them. */
  readonly hiddenTypes: Map<DefId, Ty>;
}

export function newTables(): Tables {
  return {
    locals: [],
    res: new Map(),
    exprTypes: new Map(),
    patTypes: new Map(),
    adjustments: new Map(),
    methods: new Map(),
    bindings: new Map(),
    patDerefs: new Map(),
    fieldIndex: new Map(),
    closures: new Map(),
    asyncBlocks: new Map(),
    forLoops: new Map(),
    awaits: new Map(),
    tries: new Map(),
    unpinnedPolls: new Set(),
    hiddenTypes: new Map(),
  };
}

interface Obligation {
  readonly ty: Ty;
  readonly bound: TraitRef;
  readonly span: Span;
}

interface ProjectionGoal {
  readonly proj: { trait: DefId; self: Ty; args: readonly Ty[]; name: string };
  readonly result: Ty;
}

/** Where `return` and `?` go: the fn, a closure or an async block. */
interface ReturnCtx {
  readonly ret: Ty;
  readonly owner: ast.NodeId;
}

interface LoopCtx {
  readonly label: string | undefined;
  /** The loop's value type for `loop` (break with value); undefined for while/for. */
  readonly breakTy: Ty | undefined;
  hasBreak: boolean;
}

type Expect = { readonly ty?: Ty };
const NONE: Expect = {};

export class BodyChecker {
  readonly infer = new InferTable();
  readonly solver: Solver;
  private readonly scopes: Map<string, LocalId>[] = [];
  private readonly obligations: Obligation[] = [];
  private readonly projections: ProjectionGoal[] = [];
  private readonly returns: ReturnCtx[] = [];
  private readonly loops: LoopCtx[] = [];
  /** Lexical item scope (module or block scope) for paths. */
  private moduleStack: DefId[];
  /** The locals created by this body, to resolve at the end. */
  private readonly myLocals: LocalId[] = [];
  private readonly myNodes: ast.NodeId[] = [];
  private readonly myPats: ast.NodeId[] = [];
  private readonly closureStack: ast.NodeId[] = [];
  private readonly pendingClosures: { node: ast.ClosureExpr; params: LocalId[][]; ret: Ty; ty: Ty }[] = [];
  private readonly pendingAsync: { node: ast.AsyncBlockExpr; output: Ty }[] = [];
  /** Owner (fn item, closure, async block) of each local created here. */
  private readonly ownerStack: ast.NodeId[] = [];
  private readonly reportedUnresolved = new Set<number>();
  /** `.poll(cx)` calls whose receiver is not a `Pin` (for the checker's P0104). */
  get unpinnedPolls(): Set<ast.NodeId> {
    return this.tables.unpinnedPolls;
  }

  constructor(
    readonly tcx: TyCtx,
    readonly index: MethodIndex,
    readonly tables: Tables,
    readonly diagnostics: Diagnostic[],
    readonly fnDef: DefId,
    readonly scope: TyScope,
  ) {
    const env: Predicate[] = tcx.predicatesOf(fnDef);
    this.solver = new Solver(tcx, this.infer, env);
    this.moduleStack = [scope.module];
  }

  private get table(): DefTable {
    return this.tcx.table;
  }
  private get lang() {
    return this.tcx.lang;
  }

  // ------------------------------------------------------------------------------------------------
  // Entry

  checkFn(node: ast.FnItem): FnBodyInfo {
    const sig = this.tcx.fnSig(this.fnDef);
    this.ownerStack.push(node.id);
    this.scopes.push(new Map());
    let selfLocal: LocalId | undefined;
    let inputs = sig.inputs.map((t) => this.solver.normalize(t));
    if (node.selfParam) {
      selfLocal = this.newLocal("self", node.selfParam.span, node.selfParam.mutable, inputs[0]!, "self", "none");
      this.scopes[0]!.set("self", selfLocal);
      inputs = inputs.slice(1);
    }
    const params = node.params.map((p, i) => {
      const ty = inputs[i] ?? Ty.error;
      const bindings: LocalId[] = [];
      this.checkPat(p.pat, ty, "move", bindings, "param");
      return { pat: p.pat, ty, bindings };
    });
    const output = this.revealOpaque(this.solver.normalize(sig.bodyOutput), node);
    this.returns.push({ ret: output, owner: node.id });
    if (node.body) {
      const t = this.checkBlock(node.body, { ty: output });
      this.coerceBlockValue(node.body, t, output);
    }
    this.returns.pop();
    this.scopes.pop();
    this.ownerStack.pop();
    this.finish();
    return { def: this.fnDef, node, selfLocal, params, output };
  }

  /** Inside the fn that defines it, `impl Trait` in return position is the hidden concrete type: an
   *  inference variable whose bounds are obligations (`-> impl Fn(i32) -> i32` gets the closure). */
  private revealOpaque(t: Ty, node: ast.FnItem): Ty {
    const s = this.infer.shallow(t);
    if (s.k !== "opaque" || s.def !== this.fnDef) return t;
    const hidden = this.infer.fresh();
    this.addObligations(s.bounds.map((b) => ({ ty: hidden, bound: b })), node.span);
    this.hiddenTypes.push({ opaque: s, hidden });
    return hidden;
  }

  /** The concrete types behind this fn's `impl Trait` return types, once known. */
  readonly hiddenTypes: { opaque: Ty; hidden: Ty }[] = [];

  /** A const or static initializer. */
  checkInit(e: ast.Expr, ty: Ty, owner: ast.NodeId): void {
    this.ownerStack.push(owner);
    this.scopes.push(new Map());
    this.returns.push({ ret: ty, owner });
    const t = this.checkExpr(e, { ty });
    this.coerce(e, t, ty);
    this.returns.pop();
    this.scopes.pop();
    this.ownerStack.pop();
    this.finish();
  }

  private finish(): void {
    this.solveObligations();
    this.infer.defaultNumeric();
    this.solveObligations();
    // Closures' kinds and captures, async blocks' captures: need resolved types.
    for (const c of this.pendingClosures) this.finishClosure(c);
    for (const a of this.pendingAsync) this.finishAsync(a);
    // Resolve everything recorded.
    for (const id of this.myNodes) {
      const t = this.tables.exprTypes.get(id);
      if (t) this.tables.exprTypes.set(id, this.final(t));
      const adj = this.tables.adjustments.get(id);
      if (adj) this.tables.adjustments.set(id, adj.map((a) => ({ ...a, target: this.final(a.target) }) as Adjustment));
      const m = this.tables.methods.get(id);
      if (m) this.tables.methods.set(id, { ...m, args: m.args.map((x) => this.final(x)), selfTy: m.selfTy && this.final(m.selfTy) });
      const r = this.tables.res.get(id);
      if (r && (r.kind === "fn" || r.kind === "ctor")) this.tables.res.set(id, { ...r, args: r.args.map((x) => this.final(x)), ...(r.kind === "fn" && r.selfTy ? { selfTy: this.final(r.selfTy) } : {}) } as Res);
      const fl = this.tables.forLoops.get(id);
      if (fl) this.tables.forLoops.set(id, { iterTy: this.final(fl.iterTy), itemTy: this.final(fl.itemTy) });
      const aw = this.tables.awaits.get(id);
      if (aw) this.tables.awaits.set(id, { futureTy: this.final(aw.futureTy), output: this.final(aw.output) });
      const tr = this.tables.tries.get(id);
      if (tr) this.tables.tries.set(id, { family: tr.family, ...(tr.errFrom ? { errFrom: this.final(tr.errFrom) } : {}), ...(tr.errTo ? { errTo: this.final(tr.errTo) } : {}) });
    }
    for (const h of this.hiddenTypes) this.tables.hiddenTypes.set(this.fnDef, this.final(h.hidden));
    for (const id of this.myPats) {
      const t = this.tables.patTypes.get(id);
      if (t) this.tables.patTypes.set(id, this.final(t));
    }
    for (const id of this.myLocals) {
      const l = this.tables.locals[id]!;
      l.ty = this.final(l.ty);
      if (containsUnresolved(l.ty) && !this.reportedUnresolved.has(id)) {
        this.reportedUnresolved.add(id);
        this.diagnostics.push(
          diagnostic("P0006", "error", `type annotations needed for \`${l.name}\``, l.span, "pinion could not infer the type of this binding", {
            notes: ["pinion infers types for a subset of Rust; rustc may accept this program"],
            help: ["give the binding an explicit type, e.g. `let x: Vec<i32> = …`"],
          }),
        );
      }
    }
    for (const [node, info] of this.tables.closures) {
      if (this.pendingClosures.some((c) => c.node.id === node)) this.tables.closures.set(node, { ...info, ret: this.final(info.ret) });
    }
    for (const [node, info] of this.tables.asyncBlocks) {
      if (this.pendingAsync.some((c) => c.node.id === node)) this.tables.asyncBlocks.set(node, { ...info, output: this.final(info.output) });
    }
  }

  /** Fully resolved and normalized. */
  private final(t: Ty): Ty {
    return this.infer.resolve(this.solver.normalize(this.infer.resolve(t)));
  }

  // ------------------------------------------------------------------------------------------------
  // Helpers

  private err(code: string, message: string, span: Span, label = "", extra: { notes?: string[]; help?: string[] } = {}): void {
    this.diagnostics.push(diagnostic(code, "error", message, span, label, extra));
  }

  private record(e: { id: ast.NodeId }, t: Ty): Ty {
    this.tables.exprTypes.set(e.id, t);
    this.myNodes.push(e.id);
    return t;
  }

  private addAdjust(e: { id: ast.NodeId }, adj: Adjustment[]): void {
    if (adj.length === 0) return;
    const prev = this.tables.adjustments.get(e.id) ?? [];
    this.tables.adjustments.set(e.id, [...prev, ...adj]);
    if (!this.myNodes.includes(e.id)) this.myNodes.push(e.id);
  }

  private newLocal(name: string, span: Span, mutable: boolean, ty: Ty, kind: Local["kind"], byRef: Local["byRef"]): LocalId {
    const id = this.tables.locals.length;
    this.tables.locals.push({ id, name, span, mutable, ty, kind, owner: this.ownerStack[this.ownerStack.length - 1] ?? -1, byRef });
    this.myLocals.push(id);
    return id;
  }

  private lookupLocal(name: string): LocalId | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const l = this.scopes[i]!.get(name);
      if (l !== undefined) return l;
    }
    return undefined;
  }

  private get module(): DefId {
    return this.moduleStack[this.moduleStack.length - 1]!;
  }

  private tyScope(): TyScope {
    return { ...this.scope, module: this.module };
  }

  /** Lowers a type written in a body; `_` becomes a fresh inference variable. */
  private lowerTy(t: ast.Type): Ty {
    const go = (x: ast.Type): Ty => {
      switch (x.kind) {
        case "InferType":
          return this.infer.fresh();
        case "RefType":
          return Ty.ref(go(x.inner), x.mutable);
        case "PtrType":
          return Ty.ptr(go(x.inner), x.mutable);
        case "TupleType":
          return Ty.tuple(x.elems.map(go));
        case "ArrayType":
          return Ty.array(go(x.elem), constLen(x.len));
        case "SliceType":
          return Ty.slice(go(x.elem));
        case "PathType": {
          const last = x.path.segments[x.path.segments.length - 1];
          if (last?.args?.types.some((a) => a.kind === "InferType" || containsInferType(a)) && !x.path.qself) {
            // `Vec<_>`: lower with placeholders, then replace.
            const base = this.tcx.lowerTy({ ...x, path: { ...x.path, segments: x.path.segments.map((s, i) => (i === x.path.segments.length - 1 ? { ...s, args: undefined } : s)) } }, this.tyScope());
            if (base.k === "adt") {
              const args = last.args.types.map(go);
              const n = this.tcx.genericsOf(base.def).params.length;
              while (args.length < n) args.push(this.infer.fresh());
              return Ty.adt(base.def, args);
            }
            return base;
          }
          return this.solver.normalize(this.tcx.lowerTy(x, this.tyScope()));
        }
        default:
          return this.solver.normalize(this.tcx.lowerTy(x, this.tyScope()));
      }
    };
    return go(t);
  }

  private addObligations(preds: readonly { ty: Ty; bound: TraitRef }[], span: Span): void {
    for (const p of preds) {
      if (p.bound.trait === this.lang.Sized || p.bound.trait === this.lang.Send || p.bound.trait === this.lang.Sync) continue;
      this.obligations.push({ ty: p.ty, bound: p.bound, span });
    }
  }

  /** Tries to make progress on pending obligations and projections until nothing changes. */
  private solveObligations(): void {
    for (let round = 0; round < 8; round++) {
      let progress = false;
      for (let i = 0; i < this.obligations.length; i++) {
        const o = this.obligations[i]!;
        const self = this.infer.shallow(o.ty);
        if (self.k === "infer") continue;
        // Closures learn their signature from Fn bounds.
        if (self.k === "closure" && (o.bound.trait === this.lang.Fn || o.bound.trait === this.lang.FnMut || o.bound.trait === this.lang.FnOnce)) {
          if (o.bound.args[0]) this.infer.unify(o.bound.args[0], Ty.tuple(self.params));
          const out = o.bound.bindings.get("Output");
          if (out) this.infer.unify(out, self.ret);
          this.obligations.splice(i--, 1);
          progress = true;
          continue;
        }
        const bound = { ...o.bound, args: o.bound.args.map((a) => this.solver.normalize(a)) };
        const sel = this.solver.select(self, bound);
        if (sel === "ambiguous") continue;
        if (sel && sel.kind === "param") {
          // Bindings of a where-clause (`F: Future<Output = T>`) against the bound's.
          for (const [name, ty] of o.bound.bindings) {
            const b = sel.pred.bound.bindings.get(name);
            if (b) this.infer.unify(b, ty);
            else {
              const v = this.solver.project({ trait: this.tcx.traitDeclaringAssoc(o.bound.trait, name) ?? o.bound.trait, self, args: bound.args, name });
              if (v) this.infer.unify(v, ty);
            }
          }
        } else if (sel && sel.kind === "builtin") {
          for (const [name, ty] of o.bound.bindings) {
            const v = this.solver.project({ trait: this.tcx.traitDeclaringAssoc(o.bound.trait, name) ?? o.bound.trait, self, args: bound.args, name });
            if (v) this.infer.unify(v, ty);
          }
        }
        this.obligations.splice(i--, 1);
        progress = true;
      }
      for (let i = 0; i < this.projections.length; i++) {
        const g = this.projections[i]!;
        const self = this.infer.shallow(g.proj.self);
        if (self.k === "infer") continue;
        const v = this.solver.project({ ...g.proj, self });
        if (!v) continue;
        this.infer.unify(g.result, v);
        this.projections.splice(i--, 1);
        progress = true;
      }
      if (!progress) return;
    }
  }

  /** Normalizes; an unresolvable projection becomes a fresh variable solved later. */
  private norm(t: Ty): Ty {
    const r = this.infer.resolve(t);
    const n = this.solver.normalize(r);
    return this.deferProjections(n);
  }

  private deferProjections(t: Ty): Ty {
    if (t.k === "assoc") {
      const self = this.infer.shallow(t.self);
      if (self.k === "infer" || self.k === "assoc") {
        const v = this.infer.fresh();
        this.projections.push({ proj: { trait: t.trait, self: t.self, args: t.args, name: t.name }, result: v });
        return v;
      }
      return t;
    }
    return t;
  }

  /** A projection on a type that may not be known yet. */
  private project(trait: DefId, self: Ty, name: string, args: readonly Ty[] = []): Ty {
    const s = this.infer.shallow(self);
    if (s.k !== "infer") {
      const v = this.solver.project({ trait, self: s, args, name });
      if (v) return this.norm(v);
    }
    const v = this.infer.fresh();
    this.projections.push({ proj: { trait, self, args, name }, result: v });
    this.solveObligations();
    return v;
  }

  private resolveShallow(t: Ty): Ty {
    let s = this.infer.shallow(t);
    if (s.k === "infer") {
      this.solveObligations();
      s = this.infer.shallow(t);
    }
    if (s.k === "assoc") {
      const n = this.solver.normalize(s);
      s = this.infer.shallow(n);
    }
    return s;
  }

  // ------------------------------------------------------------------------------------------------
  // Coercion

  /**
   * Makes a value of type `actual` (the expression `e`) fit `expected`, recording adjustments on `e`.
   * Reports a mismatch only when the types clearly differ (the program is assumed to compile).
   */
  private coerce(e: { id: ast.NodeId; span: Span }, actual: Ty, expected: Ty): void {
    const a = this.resolveShallow(actual);
    const x = this.resolveShallow(expected);
    if (a.k === "never") {
      if (x.k !== "never" && !(x.k === "infer")) this.addAdjust(e, [{ kind: "cast", target: expected }]);
      return;
    }
    if (x.k === "infer" || a.k === "infer") {
      this.infer.unify(actual, expected);
      return;
    }
    if (this.infer.tryUnify(actual, expected)) {
      // `&mut T` to `&mut T` is a reborrow (`&mut *r`), so the reference is not moved (rustc's
      // coerce_borrowed_pointer).
      if (a.k === "ref" && a.mutable && x.k === "ref" && x.mutable) {
        this.addAdjust(e, [{ kind: "deref", overloaded: "none", target: a.inner }, { kind: "borrow", mutable: true, target: expected }]);
      }
      return;
    }
    // Reference coercions.
    if (a.k === "ref" && x.k === "ref" && (a.mutable || !x.mutable)) {
      // Deref coercion: &U → &T when U derefs to T.
      const steps = autoderef(this.tcx, this.infer, this.solver, a.inner, { unsizeArrays: true });
      for (let i = 1; i < steps.length; i++) {
        const step = steps[i]!;
        if (this.infer.tryUnify(step.ty, x.inner)) {
          this.addAdjust(e, [{ kind: "deref", overloaded: "none", target: a.inner }, ...step.adjustments, { kind: "borrow", mutable: x.mutable, target: expected }]);
          return;
        }
      }
      // &T → &dyn Trait
      if (this.unsizes(a.inner, x.inner, e.span)) {
        this.addAdjust(e, [{ kind: "unsize", target: expected }]);
        return;
      }
      if (a.mutable && !x.mutable && this.infer.tryUnify(a.inner, x.inner)) {
        this.addAdjust(e, [{ kind: "cast", target: expected }]);
        return;
      }
    }
    if ((a.k === "ref" || a.k === "ptr") && x.k === "ptr" && (a.mutable || !x.mutable)) {
      if (this.infer.tryUnify(a.inner, x.inner) || (a.inner.k === "array" && this.infer.tryUnify(Ty.slice(a.inner.elem), x.inner))) {
        this.addAdjust(e, [{ kind: "cast", target: expected }]);
        return;
      }
    }
    // Box<T> → Box<dyn Trait>, Pin<Box<T>> → Pin<Box<dyn Trait>>, Rc/Arc likewise.
    if (a.k === "adt" && x.k === "adt" && a.def === x.def && this.unsizesAdt(a, x, e.span)) {
      this.addAdjust(e, [{ kind: "unsize", target: expected }]);
      return;
    }
    // fn item / non-capturing closure → fn pointer.
    if (x.k === "fnptr" && (a.k === "fndef" || a.k === "closure")) {
      const sig = this.solver.callSig(a);
      if (sig) {
        this.infer.unifyAll(sig.params, x.params);
        this.infer.unify(sig.ret, x.ret);
      }
      this.addAdjust(e, [{ kind: "cast", target: expected }]);
      return;
    }
    if (!this.infer.unify(actual, expected)) this.mismatch(e.span, expected, actual);
  }

  /** Coerces if it can, without reporting; leaves no trace when it cannot. */
  private tryCoerce(e: { id: ast.NodeId; span: Span }, actual: Ty, expected: Ty): boolean {
    const snap = this.infer.snapshot();
    const before = this.diagnostics.length;
    const adj = this.tables.adjustments.get(e.id);
    this.coerce(e, actual, expected);
    if (this.diagnostics.length === before) return true;
    this.diagnostics.length = before;
    this.infer.rollback(snap);
    if (adj) this.tables.adjustments.set(e.id, adj);
    else this.tables.adjustments.delete(e.id);
    return false;
  }

  /** Does `from` unsize to `to` (`[T; N]` → `[T]`, `T` → `dyn Trait`)? To a trait object, `from` must
   *  implement the object's traits, with the object's associated types: rustc's `Unsize` obligation
   *  `{async fn body of worker()}: Future<Output = ?A>` is what gives `?A` its type when a boxed future
   *  is passed where `Pin<Box<dyn Future<Output = A>>>` is expected. */
  private unsizes(from: Ty, to: Ty, span: Span): boolean {
    const f = this.infer.shallow(from);
    const t = this.infer.shallow(to);
    if (t.k === "dyn") {
      if (f.k !== "error") this.addObligations(t.bounds.map((b) => ({ ty: from, bound: b })), span);
      return true;
    }
    if (f.k === "array" && t.k === "slice") return this.infer.tryUnify(f.elem, t.elem);
    if (f.k === "str" && t.k === "str") return true;
    return false;
  }

  private unsizesAdt(a: Ty & { k: "adt" }, x: Ty & { k: "adt" }, span: Span): boolean {
    const L = this.lang;
    if (a.def === L.Pin) {
      const ai = this.infer.shallow(a.args[0] ?? Ty.error);
      const xi = this.infer.shallow(x.args[0] ?? Ty.error);
      if (ai.k === "adt" && xi.k === "adt" && ai.def === xi.def) return this.unsizesAdt(ai, xi, span);
      if (ai.k === "ref" && xi.k === "ref") return this.unsizes(ai.inner, xi.inner, span);
      return false;
    }
    if (a.def === L.Box || a.def === L.Rc || a.def === L.Arc) return this.unsizes(a.args[0] ?? Ty.error, x.args[0] ?? Ty.error, span);
    return false;
  }

  private mismatch(span: Span, expected: Ty, found: Ty): void {
    const e = this.infer.resolve(expected);
    const f = this.infer.resolve(found);
    if (containsError(e) || containsError(f)) return;
    this.err("P0006", "mismatched types", span, `expected \`${printTy(this.tcx, e)}\`, found \`${printTy(this.tcx, f)}\``, {
      notes: ["pinion's type inference is a subset of rustc's; if rustc accepts this program, please report it"],
    });
  }

  private coerceBlockValue(b: ast.Block, t: Ty, expected: Ty): void {
    if (b.tail) this.coerce(b.tail, t, expected);
    else {
      const s = this.infer.shallow(t);
      if (s.k !== "never") this.infer.unify(t, expected);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Blocks and statements

  checkBlock(b: ast.Block, expect: Expect): Ty {
    this.scopes.push(new Map());
    const blockScope = this.table.blockScopes.get(b.id);
    if (blockScope !== undefined) this.moduleStack.push(blockScope);
    let diverges = false;
    for (const s of b.stmts) {
      if (this.checkStmt(s)) diverges = true;
    }
    let ty: Ty;
    if (b.tail) {
      ty = this.checkExpr(b.tail, expect);
    } else {
      ty = diverges ? Ty.never : Ty.unit;
    }
    if (blockScope !== undefined) this.moduleStack.pop();
    this.scopes.pop();
    return ty;
  }

  /** Returns true if the statement diverges (its type is `!`). */
  private checkStmt(s: ast.Stmt): boolean {
    switch (s.kind) {
      case "Let": {
        const annotated = s.ty ? this.lowerTy(s.ty) : undefined;
        let ty = annotated ?? this.infer.fresh(s.id);
        let diverges = false;
        if (s.init) {
          const t = this.checkExpr(s.init, { ty });
          if (annotated) this.coerce(s.init, t, annotated);
          else {
            const shallow = this.infer.shallow(t);
            if (shallow.k === "never") diverges = true;
            else this.infer.unify(ty, t);
          }
          if (!annotated) ty = t.k === "never" ? ty : t;
        }
        if (s.else) {
          const et = this.checkBlock(s.else, NONE);
          void et;
        }
        const bindings: LocalId[] = [];
        this.checkPat(s.pat, ty, "move", bindings, "binding");
        return diverges;
      }
      case "ExprStmt": {
        const t = this.checkExpr(s.expr, s.semi ? NONE : { ty: Ty.unit });
        return this.infer.shallow(t).k === "never";
      }
      case "ItemStmt":
      case "EmptyStmt":
        return false;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Expressions

  checkExpr(e: ast.Expr, expect: Expect): Ty {
    const t = this.checkExprInner(e, expect);
    return this.record(e, t);
  }

  private checkExprInner(e: ast.Expr, expect: Expect): Ty {
    switch (e.kind) {
      case "Lit":
        return this.checkLit(e.lit, expect);
      case "Path":
        return this.checkPathExpr(e);
      case "Unary":
        return this.checkUnary(e, expect);
      case "Ref":
        return this.checkRef(e, expect);
      case "Binary":
        return this.checkBinary(e, expect);
      case "Assign": {
        const lt = this.checkExpr(e.lhs, NONE);
        const rt = this.checkExpr(e.rhs, { ty: lt });
        this.coerce(e.rhs, rt, lt);
        return Ty.unit;
      }
      case "CompoundAssign":
        return this.checkCompoundAssign(e);
      case "Call":
        return this.checkCall(e, expect);
      case "MethodCall":
        return this.checkMethodCall(e, expect);
      case "Field":
        return this.checkField(e);
      case "Index":
        return this.checkIndex(e);
      case "Tuple": {
        const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
        return Ty.tuple(
          e.elems.map((x, i) => {
            const et = ex?.k === "tuple" ? ex.elems[i] : undefined;
            const t = this.checkExpr(x, et ? { ty: et } : NONE);
            if (et) this.coerce(x, t, et);
            return et ?? t;
          }),
        );
      }
      case "Array": {
        const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
        const elemExpect = ex && (ex.k === "array" || ex.k === "slice") ? ex.elem : undefined;
        let elem: Ty = elemExpect ?? this.infer.fresh();
        for (const x of e.elems) {
          const t = this.checkExpr(x, { ty: elem });
          this.coerce(x, t, elem);
        }
        elem = this.infer.resolve(elem);
        return Ty.array(elem, e.elems.length);
      }
      case "ArrayRepeat": {
        const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
        const elemExpect = ex && ex.k === "array" ? ex.elem : undefined;
        const t = this.checkExpr(e.elem, elemExpect ? { ty: elemExpect } : NONE);
        if (elemExpect) this.coerce(e.elem, t, elemExpect);
        const lt = this.checkExpr(e.len, { ty: Ty.usize });
        this.infer.unify(lt, Ty.usize);
        return Ty.array(elemExpect ?? t, constLen(e.len));
      }
      case "Struct":
        return this.checkStructLit(e, expect);
      case "BlockExpr": {
        if (e.label) {
          const ctx: LoopCtx = { label: e.label.name, breakTy: expect.ty ?? this.infer.fresh(), hasBreak: false };
          this.loops.push(ctx);
          const t = this.checkBlock(e.block, expect);
          this.loops.pop();
          this.coerceBlockValue(e.block, t, ctx.breakTy!);
          return ctx.breakTy!;
        }
        return this.checkBlock(e.block, expect);
      }
      case "AsyncBlock":
        return this.checkAsyncBlock(e);
      case "Closure":
        return this.checkClosure(e, expect);
      case "If":
        return this.checkIf(e, expect);
      case "LetCond": {
        // Only reached inside an `if`/`while` condition (see checkCond).
        this.checkCond(e);
        return Ty.bool;
      }
      case "While": {
        this.scopes.push(new Map());
        this.checkCond(e.cond);
        this.loops.push({ label: e.label?.name, breakTy: undefined, hasBreak: false });
        this.checkBlock(e.body, { ty: Ty.unit });
        this.loops.pop();
        this.scopes.pop();
        return Ty.unit;
      }
      case "Loop": {
        const ctx: LoopCtx = { label: e.label?.name, breakTy: expect.ty ?? this.infer.fresh(), hasBreak: false };
        this.loops.push(ctx);
        this.checkBlock(e.body, { ty: Ty.unit });
        this.loops.pop();
        return ctx.hasBreak ? ctx.breakTy! : Ty.never;
      }
      case "For":
        return this.checkFor(e);
      case "Match":
        return this.checkMatch(e, expect);
      case "Break": {
        const ctx = this.findLoop(e.label?.name, e.span);
        if (ctx) ctx.hasBreak = true;
        if (e.value) {
          const target = ctx?.breakTy ?? this.infer.fresh();
          const t = this.checkExpr(e.value, { ty: target });
          this.coerce(e.value, t, target);
        } else if (ctx?.breakTy) {
          this.infer.unify(ctx.breakTy, Ty.unit);
        }
        return Ty.never;
      }
      case "Continue":
        this.findLoop(e.label?.name, e.span);
        return Ty.never;
      case "Return": {
        const ctx = this.returns[this.returns.length - 1];
        const ret = ctx?.ret ?? Ty.unit;
        if (e.value) {
          const t = this.checkExpr(e.value, { ty: ret });
          this.coerce(e.value, t, ret);
        } else this.infer.unify(ret, Ty.unit);
        return Ty.never;
      }
      case "Try":
        return this.checkTry(e);
      case "Await":
        return this.checkAwait(e);
      case "Cast": {
        const target = this.lowerTy(e.ty);
        const t = this.checkExpr(e.operand, NONE);
        // `5 as u64`: an unsuffixed literal cast keeps its default type, which is fine for values.
        const ts = this.resolveShallow(target);
        const os = this.resolveShallow(t);
        if (os.k === "ref" && ts.k === "ptr") {
          // `&x as *const T`: the reference is first coerced.
          if (!this.infer.tryUnify(os.inner, ts.inner) && os.inner.k === "array") this.infer.tryUnify(Ty.slice(this.infer.shallow(os.inner).k === "array" ? (os.inner as { elem: Ty }).elem : Ty.error), ts.inner);
        }
        return target;
      }
      case "Range":
        return this.checkRange(e, expect);
      case "MacroCall":
        return this.checkMacro(e, expect);
      case "Error":
        return Ty.error;
    }
  }

  private findLoop(label: string | undefined, span: Span): LoopCtx | undefined {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i]!;
      if (label === undefined) {
        // An unlabelled break never targets a labelled block (only loops).
        if (l.label === undefined || l.breakTy === undefined || true) {
          if (!(l as { block?: boolean }).block) return l;
        }
      } else if (l.label === label) return l;
    }
    if (label !== undefined) this.err("P0005", `use of undeclared label \`'${label}\``, span, "undeclared label");
    return undefined;
  }

  private checkLit(lit: ast.Lit, expect: Expect): Ty {
    switch (lit.type) {
      case "int": {
        if (lit.suffix) return Ty.int(lit.suffix);
        const ex = expect.ty ? this.infer.shallow(expect.ty) : undefined;
        if (ex && (ex.k === "int" || ex.k === "intvar")) return ex;
        if (ex && (ex.k === "float" || ex.k === "floatvar")) return this.infer.freshInt();
        return this.infer.freshInt();
      }
      case "float": {
        if (lit.suffix) return Ty.float(lit.suffix);
        const ex = expect.ty ? this.infer.shallow(expect.ty) : undefined;
        if (ex && (ex.k === "float" || ex.k === "floatvar")) return ex;
        return this.infer.freshFloat();
      }
      case "bool":
        return Ty.bool;
      case "char":
        return Ty.char;
      case "byte":
        return Ty.int("u8");
      case "str":
        return Ty.ref(Ty.str);
      case "byteStr":
        return Ty.ref(Ty.array(Ty.int("u8"), lit.value.length));
    }
  }

  // ---------------- paths

  private checkPathExpr(e: ast.PathExpr): Ty {
    const r = this.resolveValuePath(e.path, e.span);
    this.tables.res.set(e.id, r.res);
    if (!this.myNodes.includes(e.id)) this.myNodes.push(e.id);
    return r.ty;
  }

  /** Resolves a path in value position: a local, a fn, a constructor, a const or static, or an
   *  associated item (`String::from`, `Self::new`, `<T as Default>::default`, `Poll::Ready`). */
  resolveValuePath(path: ast.Path, span: Span): { res: Res; ty: Ty } {
    const segs = path.segments;
    const last = segs[segs.length - 1]!;
    if (!path.qself && segs.length === 1 && !last.args) {
      const l = this.lookupLocal(last.ident.name);
      if (l !== undefined) return { res: { kind: "local", local: l }, ty: this.tables.locals[l]!.ty };
    }
    if (path.qself) {
      const self = this.lowerTy(path.qself.ty);
      const trait = path.qself.trait ? this.tcx.lowerTraitPath(path.qself.trait, this.tyScope(), self) : undefined;
      return this.assocValue(self, last, span, trait?.trait);
    }
    // Whole path as a module-level value path (fn, const, static, ctor, variant).
    const names = segs.map((s) => s.ident.name);
    const id = resolveModulePath(this.table, names, this.module, "value");
    if (id !== undefined) return this.valueDef(id, segs, span);
    if (segs.length >= 2) {
      // `Type::item`, `Trait::item`, `Self::item`, `T::item`.
      const prefix = segs.slice(0, -1);
      const head = this.resolveTypePrefix(prefix, span);
      if (head) {
        if (head.kind === "trait") return this.assocValue(this.infer.fresh(), last, span, head.trait, head.traitArgs);
        return this.assocValue(head.ty, last, span, undefined);
      }
    }
    const unsupported = unsupportedStdItem(this.table, names, this.module);
    if (unsupported) this.diagnostics.push(unsupportedStdDiagnostic(unsupported, last.ident.span));
    else if (importedUnsupported(this.table, this.module, names[0]!)) {
      // `spawn(…)` after `use std::thread::spawn;`: reported at the import.
    } else this.err("P0005", `cannot find value \`${names.join("::")}\` in this scope`, last.ident.span, "not found in this scope");
    return { res: { kind: "error" }, ty: Ty.error };
  }

  /** The type (or trait) named by a path prefix like `Vec::<u8>`, `Self`, `T`, `Pin`, `Future`. */
  private resolveTypePrefix(prefix: ast.PathSegment[], span: Span): { kind: "ty"; ty: Ty } | { kind: "trait"; trait: DefId; traitArgs: Ty[] } | undefined {
    const names = prefix.map((s) => s.ident.name);
    const lastSeg = prefix[prefix.length - 1]!;
    if (prefix.length === 1) {
      const n = names[0]!;
      if (n === "Self" && this.scope.selfTy) return { kind: "ty", ty: this.scope.selfTy };
      for (let g = this.scope.generics; g; g = g.parent) {
        const p = g.params.find((x) => x.name === n);
        if (p) return { kind: "ty", ty: p };
      }
    }
    const id = resolveModulePath(this.table, names, this.module, "type");
    if (prefix.length === 1 && PRIMITIVES.has(names[0]!) && (id === undefined || this.tcx.def(id).kind === "mod")) return { kind: "ty", ty: primitiveTy(names[0]!) };
    if (id === undefined) return undefined;
    const d = this.tcx.def(id);
    if (d.kind === "trait") {
      const args = (lastSeg.args?.types ?? []).map((t) => this.lowerTy(t));
      const n = this.tcx.genericsOf(id).params.length;
      while (args.length < n) args.push(this.infer.fresh());
      return { kind: "trait", trait: id, traitArgs: args };
    }
    if (d.kind === "struct" || d.kind === "enum") {
      const given = (lastSeg.args?.types ?? []).map((t) => this.lowerTy(t));
      const n = this.tcx.genericsOf(id).params.length;
      const args = given.slice(0, n);
      while (args.length < n) args.push(this.infer.fresh());
      return { kind: "ty", ty: Ty.adt(id, args) };
    }
    if (d.kind === "typeAlias") {
      const t = this.tcx.lowerTy({ kind: "PathType", id: -1, span, path: { kind: "Path", id: -1, span, segments: prefix, global: false } }, this.tyScope());
      return { kind: "ty", ty: t };
    }
    return undefined;
  }

  private valueDef(id: DefId, segs: ast.PathSegment[], span: Span): { res: Res; ty: Ty } {
    const d = this.tcx.def(id);
    const last = segs[segs.length - 1]!;
    const turbofish = last.args?.types.map((t) => this.lowerTy(t));
    switch (d.kind) {
      case "fn": {
        const inst = instantiateFn(this.tcx, this.infer, id, turbofish, undefined);
        this.addObligations(this.instPreds(id, inst.subst), span);
        return { res: { kind: "fn", def: id, args: inst.args, ...(inst.selfVar ? { selfTy: inst.selfVar } : {}) }, ty: { k: "fndef", def: id, args: inst.args } };
      }
      case "struct":
      case "variant": {
        const adt = d.kind === "variant" ? d.enumDef : id;
        // Generic args may sit on the enum segment (`Option::<i32>::None`) or the last one.
        const argSeg = d.kind === "variant" && segs.length >= 2 ? segs[segs.length - 2]!.args ?? last.args : last.args;
        const given = (argSeg?.types ?? []).map((t) => this.lowerTy(t));
        const n = this.tcx.genericsOf(adt).params.length;
        const args = given.slice(0, n);
        while (args.length < n) args.push(this.infer.fresh());
        const shape = d.kind === "struct" ? d.node.shape : d.node.shape;
        const adtTy = Ty.adt(adt, args);
        if (shape === "unit") return { res: { kind: "ctor", def: id, args }, ty: adtTy };
        const s = this.tcx.substFor(this.tcx.genericsOf(adt), args);
        const params = this.tcx.fieldsOf(id).map((f) => this.norm(substTy(f.ty, s)));
        return { res: { kind: "ctor", def: id, args }, ty: { k: "fnptr", params, ret: adtTy } };
      }
      case "const":
        return { res: { kind: "const", def: id }, ty: this.norm(this.tcx.itemTy(id)) };
      case "static":
        return { res: { kind: "static", def: id }, ty: this.tcx.itemTy(id) };
      default:
        this.err("P0005", `expected value, found ${d.kind} \`${segs.map((s) => s.ident.name).join("::")}\``, span, "not a value");
        return { res: { kind: "error" }, ty: Ty.error };
    }
  }

  private instPreds(fn: DefId, subst: Map<string, Ty>): { ty: Ty; bound: TraitRef }[] {
    return this.tcx.predicatesOf(fn).map((p) => ({
      ty: substTy(p.ty, subst),
      bound: { trait: p.bound.trait, args: p.bound.args.map((a) => substTy(a, subst)), bindings: new Map([...p.bound.bindings].map(([k, v]) => [k, substTy(v, subst)])) },
    }));
  }

  /** `Type::name` / `<Type as Trait>::name` / `Trait::name`: an associated fn, const or variant. */
  private assocValue(self: Ty, seg: ast.PathSegment, span: Span, trait: DefId | undefined, traitArgs?: Ty[]): { res: Res; ty: Ty } {
    const name = seg.ident.name;
    const turbofish = seg.args?.types.map((t) => this.lowerTy(t));
    const selfS = this.resolveShallow(self);
    // Enum variant through a type alias or `Self::Variant`.
    if (trait === undefined && selfS.k === "adt") {
      const d = this.tcx.def(selfS.def);
      if (d.kind === "enum") {
        const v = d.variants.find((x) => this.tcx.def(x).name === name);
        if (v !== undefined) {
          const vd = def(this.table, v, "variant");
          const args = [...selfS.args];
          if (vd.node.shape === "unit") return { res: { kind: "ctor", def: v, args }, ty: selfS };
          const s = this.tcx.substFor(this.tcx.genericsOf(selfS.def), args);
          return { res: { kind: "ctor", def: v, args }, ty: { k: "fnptr", params: this.tcx.fieldsOf(v).map((f) => this.norm(substTy(f.ty, s))), ret: selfS } };
        }
      }
    }
    // Inherent associated items.
    if (trait === undefined && selfS.k !== "param" && selfS.k !== "infer") {
      for (const c of this.index.inherent.get(name) ?? []) {
        const snap = this.infer.snapshot();
        const implS = this.freshImplSubst(c.impl);
        const h = this.tcx.implHeader(c.impl);
        if (!this.infer.unify(substTy(h.selfTy, implS), selfS)) {
          this.infer.rollback(snap);
          continue;
        }
        return this.assocItemValue(c.fn, implS, undefined, turbofish, span);
      }
    }
    // Trait items: the given trait, or any trait with an item of that name that `self` implements.
    const candidates = trait !== undefined ? [{ trait, fn: def(this.table, trait, "trait").items.get(name) }] : (this.index.traits.get(name) ?? []).map((c) => ({ trait: c.trait, fn: c.fn as DefId | undefined }));
    let fallback: { trait: DefId; fn: DefId } | undefined;
    for (const c of candidates) {
      if (c.fn === undefined) continue;
      if (selfS.k === "infer" || trait !== undefined) {
        fallback = { trait: c.trait, fn: c.fn };
        break;
      }
      const ans = this.solver.implements(selfS, c.trait);
      if (ans === "yes") {
        fallback = { trait: c.trait, fn: c.fn };
        break;
      }
      if (ans === "maybe" && !fallback) fallback = { trait: c.trait, fn: c.fn };
    }
    if (fallback) {
      const g = this.tcx.genericsOf(fallback.trait);
      const s = new Map<string, Ty>();
      g.params.forEach((p, i) => s.set(paramKey(p), traitArgs?.[i] ?? this.infer.fresh()));
      s.set(paramKey(this.tcx.traitSelf(fallback.trait)), self);
      return this.assocItemValue(fallback.fn, s, self, turbofish, span);
    }
    this.err("P0005", `no function or associated item named \`${name}\` found for \`${printTy(this.tcx, this.infer.resolve(self))}\``, seg.ident.span, "associated item not found");
    return { res: { kind: "error" }, ty: Ty.error };
  }

  private freshImplSubst(impl: DefId): Map<string, Ty> {
    const s = new Map<string, Ty>();
    for (const p of this.tcx.allParams(this.tcx.genericsOf(impl))) s.set(paramKey(p), this.infer.fresh());
    return s;
  }

  private assocItemValue(item: DefId, containerSubst: Map<string, Ty>, selfTy: Ty | undefined, turbofish: Ty[] | undefined, span: Span): { res: Res; ty: Ty } {
    const d = this.tcx.def(item);
    if (d.kind === "const") {
      return { res: { kind: "const", def: item, ...(selfTy ? { selfTy } : {}) }, ty: this.norm(substTy(this.tcx.itemTy(item), containerSubst)) };
    }
    if (d.kind !== "fn") return { res: { kind: "error" }, ty: Ty.error };
    this.tcx.fnSig(item);
    const g = this.tcx.genericsOf(item);
    const s = new Map(containerSubst);
    const own: Ty[] = [];
    g.params.forEach((p, i) => {
      const v = turbofish && i < turbofish.length ? turbofish[i]! : this.infer.fresh();
      s.set(paramKey(p), v);
      own.push(v);
    });
    const parentArgs = this.tcx.allParams(g.parent).map((p) => s.get(paramKey(p)) ?? Ty.error);
    const args = [...parentArgs, ...own];
    this.addObligations(this.instPreds(item, s), span);
    if (d.container.kind === "trait" && selfTy) {
      this.addObligations([{ ty: selfTy, bound: { trait: d.container.trait, args: parentArgs, bindings: new Map() } }], span);
    }
    return { res: { kind: "fn", def: item, args, ...(selfTy ? { selfTy } : {}) }, ty: { k: "fndef", def: item, args, ...({} as object) } as Ty };
  }

  // ---------------- calls

  private checkCall(e: ast.CallExpr, expect: Expect): Ty {
    const calleeTy = this.checkExpr(e.callee, NONE);
    const sig = this.callableSig(e.callee, calleeTy, e.args.length);
    if (!sig) {
      for (const a of e.args) this.checkExpr(a, NONE);
      const ct = this.infer.resolve(calleeTy);
      if (!containsError(ct)) this.err("P0006", `expected function, found \`${printTy(this.tcx, ct)}\``, e.callee.span, "call expression requires function");
      return Ty.error;
    }
    const hints = this.expectedInputs(sig.ret, sig.params, expect);
    this.checkArgs(e.args, sig.params, hints);
    this.solveObligations();
    return this.norm(sig.ret);
  }

  /** rustc's `expected_inputs_for_expected_output`: what the arguments would be if the call's
   *  result had the expected type — used as hints only (the result may still be coerced). */
  private expectedInputs(ret: Ty, params: readonly Ty[], expect: Expect): (Ty | undefined)[] | undefined {
    if (!expect.ty) return undefined;
    const ex = this.resolveShallow(expect.ty);
    if (ex.k === "infer") return undefined;
    const snap = this.infer.snapshot();
    let hints: (Ty | undefined)[] | undefined;
    if (this.infer.unify(ret, expect.ty)) hints = params.map((p) => this.infer.resolve(p));
    this.infer.rollback(snap);
    return hints;
  }

  private checkArgs(args: readonly ast.Expr[], params: readonly Ty[], hints?: (Ty | undefined)[]): void {
    // Closures last, as rustc does, so other arguments fix the generic params first.
    const order = args.map((a, i) => i).sort((a, b) => Number(args[a]!.kind === "Closure") - Number(args[b]!.kind === "Closure"));
    for (const i of order) {
      const a = args[i]!;
      const p = params[i] !== undefined ? this.norm(params[i]!) : undefined;
      if (a.kind === "Closure") this.solveObligations();
      const hint = hints?.[i];
      const t = this.checkExpr(a, hint ? { ty: hint } : p ? { ty: p } : NONE);
      // As rustc's check_argument_types: coerce to the expected input when there is one, then
      // relate the formal parameter type to it.
      if (hint && p && this.tryCoerce(a, t, hint)) this.infer.unify(p, hint);
      else if (p) this.coerce(a, t, p);
    }
  }

  /** The parameter and return types of whatever is being called. */
  private callableSig(callee: ast.Expr, t: Ty, argc: number): { params: Ty[]; ret: Ty } | undefined {
    let s = this.resolveShallow(t);
    for (let i = 0; i < 4; i++) {
      switch (s.k) {
        case "fndef": {
          const sig = this.tcx.fnSig(s.def);
          const subst = this.tcx.substFor(this.tcx.genericsOf(s.def), s.args);
          const r = this.tables.res.get(callee.id);
          const fd = def(this.table, s.def, "fn");
          if (fd.container.kind === "trait" && r?.kind === "fn" && r.selfTy) subst.set(paramKey(this.tcx.traitSelf(fd.container.trait)), r.selfTy);
          else if (fd.container.kind === "trait") {
            const sv = this.infer.fresh();
            subst.set(paramKey(this.tcx.traitSelf(fd.container.trait)), sv);
            if (r?.kind === "fn") this.tables.res.set(callee.id, { ...r, selfTy: sv });
            this.addObligations([{ ty: sv, bound: { trait: fd.container.trait, args: s.args.slice(0, this.tcx.genericsOf(fd.container.trait).params.length), bindings: new Map() } }], callee.span);
          }
          return { params: sig.inputs.map((x) => this.norm(substTy(x, subst))), ret: this.norm(substTy(sig.output, subst)) };
        }
        case "fnptr":
          return { params: [...s.params], ret: s.ret };
        case "closure":
          return { params: [...s.params], ret: s.ret };
        case "ref":
          s = this.resolveShallow(s.inner);
          continue;
        case "adt":
          if (s.def === this.lang.Box) {
            s = this.resolveShallow(s.args[0] ?? Ty.error);
            continue;
          }
          return undefined;
        case "param":
        case "opaque":
        case "dyn": {
          const L = this.lang;
          const preds = s.k === "dyn" || s.k === "opaque" ? s.bounds.map((b) => ({ ty: s, bound: b })) : this.tcx.predicatesOf(this.fnDef).filter((p) => this.sameTy(p.ty, s));
          for (const p of preds) {
            if (p.bound.trait !== L.Fn && p.bound.trait !== L.FnMut && p.bound.trait !== L.FnOnce) continue;
            const argTy = this.infer.shallow(p.bound.args[0] ?? Ty.unit);
            const params = argTy.k === "tuple" ? [...argTy.elems] : [];
            return { params, ret: p.bound.bindings.get("Output") ?? Ty.unit };
          }
          return undefined;
        }
        case "infer": {
          // A closure parameter whose type is an unsolved var with an Fn obligation.
          for (const o of this.obligations) {
            if (!this.sameTy(o.ty, s)) continue;
            const L = this.lang;
            if (o.bound.trait !== L.Fn && o.bound.trait !== L.FnMut && o.bound.trait !== L.FnOnce) continue;
            const argTy = this.infer.shallow(o.bound.args[0] ?? Ty.unit);
            const params = argTy.k === "tuple" ? [...argTy.elems] : Array.from({ length: argc }, () => this.infer.fresh());
            return { params, ret: o.bound.bindings.get("Output") ?? this.infer.fresh() };
          }
          return undefined;
        }
        case "error":
          return { params: Array.from({ length: argc }, () => Ty.error), ret: Ty.error };
        default:
          return undefined;
      }
    }
    return undefined;
  }

  private sameTy(a: Ty, b: Ty): boolean {
    const snap = this.infer.snapshot();
    const ok = this.infer.unify(a, b);
    this.infer.rollback(snap);
    return ok && (this.infer.shallow(a).k !== "infer" || this.infer.shallow(a) === this.infer.shallow(b) || (this.infer.shallow(a) as { v?: number }).v === (this.infer.shallow(b) as { v?: number }).v);
  }

  private checkMethodCall(e: ast.MethodCallExpr, expect: Expect): Ty {
    const recvTy = this.checkExpr(e.receiver, NONE);
    const turbofish = e.turbofish?.types.map((t) => this.lowerTy(t));
    let recv = this.resolveShallow(recvTy);
    if (recv.k === "infer") {
      this.solveObligations();
      recv = this.resolveShallow(recvTy);
    }
    if (recv.k === "intvar" || recv.k === "floatvar") {
      // `{integer}.pow(2)`: rustc requires the type to be known; we default it the way the program's
      // literals would be defaulted.
      this.infer.unify(recv, recv.k === "intvar" ? Ty.int("i32") : Ty.float("f64"));
      recv = this.resolveShallow(recvTy);
    }
    if (recv.k === "error") {
      // The receiver's error was reported where it arose (`thread::spawn(…).join()`): any method
      // "fits" an error type, so probing would pick an arbitrary one and report nonsense downstream.
      for (const a of e.args) this.checkExpr(a, NONE);
      return Ty.error;
    }
    let probe = probeMethod(this.tcx, this.infer, this.solver, this.index, recv, e.method.name, turbofish);
    if (!probe && e.method.name === "poll") {
      // `fut.poll(cx)` on a future that is not behind `Pin` (rustc: E0599). Resolve it as if it were
      // pinned, so the program can still be analysed; the pinning checker reports P0104 here. The
      // future may sit behind pointers that are not `Pin`: `boxed.poll(cx)` with `boxed: Box<F>` is
      // the same mistake (`Box<F>` is a future only for `F: Unpin`, and then it would need
      // `Pin<&mut Box<F>>` too), so the receiver's autoderef steps are tried in turn.
      const inner = recv.k === "ref" ? recv.inner : recv;
      for (const step of autoderef(this.tcx, this.infer, this.solver, inner, { unsizeArrays: false })) {
        probe = probeMethod(this.tcx, this.infer, this.solver, this.index, Ty.adt(this.lang.Pin, [Ty.ref(step.ty, true)]), "poll", turbofish);
        if (probe) break;
      }
      if (probe) this.unpinnedPolls.add(e.id);
    }
    if (!probe) {
      for (const a of e.args) this.checkExpr(a, NONE);
      const rt = this.infer.resolve(recvTy);
      if (!containsError(rt) && rt.k !== "infer") {
        this.err("P0005", `no method named \`${e.method.name}\` found for \`${printTy(this.tcx, rt)}\` in this scope`, e.method.span, "method not found", {
          notes: ["pinion knows the methods of the std types in its subset; if this is a std method, it is not supported yet"],
        });
      } else if (rt.k === "infer") {
        this.err("P0006", `type annotations needed`, e.receiver.span, "pinion could not infer the type of this value before the method call", {
          help: ["give the value an explicit type"],
        });
      }
      return Ty.error;
    }
    this.tables.methods.set(e.id, probe.callee);
    this.addAdjust(e.receiver, probe.adjustments);
    this.addObligations(probe.predicates, e.span);
    const hints = this.expectedInputs(probe.output, probe.inputs.slice(1), expect);
    this.checkArgs(e.args, probe.inputs.slice(1), hints);
    this.solveObligations();
    return this.norm(probe.output);
  }

  // ---------------- fields and indexing

  private checkField(e: ast.FieldExpr): Ty {
    const objTy = this.checkExpr(e.object, NONE);
    const name = e.field.name;
    const steps = autoderef(this.tcx, this.infer, this.solver, objTy, { unsizeArrays: false });
    for (const step of steps) {
      const t = this.resolveShallow(step.ty);
      if (t.k === "tuple" && /^\d+$/.test(name)) {
        const i = Number(name);
        if (i < t.elems.length) {
          this.addAdjust(e.object, step.adjustments);
          this.tables.fieldIndex.set(e.id, i);
          return t.elems[i]!;
        }
      }
      if (t.k === "adt") {
        const d = this.tcx.def(t.def);
        if (d.kind !== "struct") continue;
        const fields = this.tcx.fieldsOf(t.def);
        const i = fields.findIndex((f) => f.name === name);
        if (i < 0) continue;
        this.addAdjust(e.object, step.adjustments);
        this.tables.fieldIndex.set(e.id, i);
        const s = this.tcx.substFor(this.tcx.genericsOf(t.def), t.args);
        return this.norm(substTy(fields[i]!.ty, s));
      }
      if (t.k === "ptr") break;
    }
    const ot = this.infer.resolve(objTy);
    if (!containsError(ot)) this.err("P0005", `no field \`${name}\` on type \`${printTy(this.tcx, ot)}\``, e.field.span, "unknown field");
    return Ty.error;
  }

  private checkIndex(e: ast.IndexExpr): Ty {
    const objTy = this.checkExpr(e.object, NONE);
    const idxTy = this.checkExpr(e.index, NONE);
    const steps = autoderef(this.tcx, this.infer, this.solver, objTy, { unsizeArrays: true });
    const idx = this.resolveShallow(idxTy);
    for (const step of steps) {
      const t = this.resolveShallow(step.ty);
      // Built-in indexing of arrays and slices by an integer.
      if ((t.k === "array" || t.k === "slice") && (idx.k === "intvar" || idx.k === "int")) {
        this.infer.unify(idx, Ty.usize);
        this.addAdjust(e.object, step.adjustments);
        return t.elem;
      }
      if (t.k === "infer") break;
      const idxArg = idx.k === "intvar" ? Ty.usize : idx;
      const snap = this.infer.snapshot();
      const sel = this.solver.select(t, { trait: this.lang.Index, args: [idxArg], bindings: new Map() });
      if (sel && sel !== "ambiguous") {
        if (idx.k === "intvar") this.infer.unify(idx, Ty.usize);
        this.addAdjust(e.object, step.adjustments);
        const out = this.solver.project({ trait: this.lang.Index, self: t, args: [idxArg], name: "Output" });
        return out ? this.norm(out) : this.infer.fresh();
      }
      this.infer.rollback(snap);
    }
    const ot = this.infer.resolve(objTy);
    if (!containsError(ot)) this.err("P0006", `cannot index into a value of type \`${printTy(this.tcx, ot)}\``, e.span, "not indexable");
    return Ty.error;
  }

  // ---------------- operators

  private checkUnary(e: ast.UnaryExpr, expect: Expect): Ty {
    if (e.op === "deref") {
      const t = this.checkExpr(e.operand, NONE);
      const s = this.resolveShallow(t);
      if (s.k === "ref" || s.k === "ptr") return s.inner;
      if (s.k === "adt" && s.def === this.lang.Box) return s.args[0] ?? Ty.error;
      const d = derefOnce(this.tcx, this.infer, this.solver, s);
      if (d) return d.ty;
      if (!containsError(s)) this.err("P0006", `type \`${printTy(this.tcx, this.infer.resolve(s))}\` cannot be dereferenced`, e.span, "cannot be dereferenced");
      return Ty.error;
    }
    const t = this.checkExpr(e.operand, expect);
    const s = this.resolveShallow(t);
    if (isNumeric(s) || s.k === "bool") return s;
    if (s.k === "ref" && (isNumeric(this.resolveShallow(s.inner)) || this.resolveShallow(s.inner).k === "bool")) return this.resolveShallow(s.inner);
    const trait = e.op === "neg" ? this.lang.Neg : this.lang.Not;
    return this.project(trait, s, "Output");
  }

  private checkRef(e: ast.RefExpr, expect: Expect): Ty {
    const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
    const innerExpect = ex && (ex.k === "ref" || ex.k === "ptr") ? { ty: ex.inner } : NONE;
    // `&[…]` expected as `&[T]`: the array literal is checked with `T` as its elements' expectation
    // (rustc's rvalue hint), so `&[&[1], &[2, 3]]` coerces each element to `&[i32]`. Other unsized
    // expectations (`&dyn Trait`, `&str`, a slice from a non-literal) are left to the coercion.
    const inner = innerExpect.ty ? this.infer.shallow(innerExpect.ty).k : undefined;
    const hint = inner === "slice" ? e.operand.kind === "Array" : inner !== undefined && inner !== "dyn" && inner !== "str";
    const t = this.checkExpr(e.operand, hint ? innerExpect : NONE);
    return e.raw ? Ty.ptr(t, e.mutable) : Ty.ref(t, e.mutable);
  }

  private checkBinary(e: ast.BinaryExpr, expect: Expect): Ty {
    const op = e.op;
    if (op === "&&" || op === "||") {
      const l = this.checkCondOperand(e.lhs);
      const r = this.checkCondOperand(e.rhs);
      void l;
      void r;
      return Ty.bool;
    }
    const cmp = op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=";
    const lt = this.checkExpr(e.lhs, cmp ? NONE : expect);
    const ls = this.resolveShallow(lt);
    const info = this.lang.binops.get(op);
    if (!cmp && info && this.isOverloadedLhs(ls)) return this.checkOverloadedBinary(e, ls, info.trait);
    const rt = this.checkExpr(e.rhs, isNumeric(ls) || ls.k === "bool" || ls.k === "char" ? { ty: op === "<<" || op === ">>" ? this.infer.freshInt() : lt } : NONE);
    const rs = this.resolveShallow(rt);
    const prim = (t: Ty) => isNumeric(t) || t.k === "bool" || t.k === "char";
    const unref = (t: Ty): Ty => (t.k === "ref" && prim(this.resolveShallow(t.inner)) ? this.resolveShallow(t.inner) : t);
    const l0 = unref(ls);
    const r0 = unref(rs);
    if (cmp) {
      if (prim(l0) && prim(r0)) this.infer.unify(l0, r0);
      else if (this.infer.shallow(ls).k !== "error") {
        const trait = op === "==" || op === "!=" ? this.lang.PartialEq : this.lang.PartialOrd;
        // `a == b` borrows both operands: record the trait for later stages.
        this.addObligations([{ ty: ls, bound: { trait, args: [rs], bindings: new Map() } }], e.span);
      }
      return Ty.bool;
    }
    if (prim(l0) && prim(r0)) {
      if (op === "<<" || op === ">>") return l0;
      if (!this.infer.unify(l0, r0)) this.mismatch(e.rhs.span, l0, r0);
      return l0;
    }
    if (!info) return Ty.error;
    return this.project(info.trait, ls, "Output", [rs]);
  }

  /** A left operand whose operator is a trait method call, not a built-in operation on scalars. */
  private isOverloadedLhs(ls: Ty): boolean {
    if (ls.k === "infer" || ls.k === "error" || ls.k === "never") return false;
    const prim = (t: Ty) => isNumeric(t) || t.k === "bool" || t.k === "char";
    if (prim(ls)) return false;
    return !(ls.k === "ref" && prim(this.resolveShallow(ls.inner)));
  }

  /**
   * `lhs + rhs` through `Add` (rustc's check_overloaded_binop): the impl is looked up with the right
   * operand's type still a variable, so that a single impl fixes it, and the right operand is then
   * *coerced* to it — which is how `s + &t` with `t: String` compiles: `String: Add<?R>` has one impl,
   * `Add<&str>`, and `&String` deref-coerces to `&str`.
   *
   *     let concat = String::from("con") + "cat" + &joined;   // joined: String
   *     // [rhs adjusted] &joined: &String → Deref → str → Borrow → &str
   */
  private checkOverloadedBinary(e: ast.BinaryExpr, ls: Ty, trait: DefId): Ty {
    const rhsVar = this.infer.fresh();
    // On a unique impl (or where-clause) the selection binds `rhsVar`; on ambiguity it changes nothing
    // and the right operand's own type decides, as before.
    this.solver.select(ls, { trait, args: [rhsVar], bindings: new Map() });
    const rt = this.checkExpr(e.rhs, { ty: rhsVar });
    if (this.infer.shallow(rhsVar).k === "infer") this.infer.unify(rhsVar, rt);
    else this.coerce(e.rhs, rt, rhsVar);
    return this.project(trait, ls, "Output", [rhsVar]);
  }

  private checkCompoundAssign(e: ast.CompoundAssignExpr): Ty {
    const lt = this.checkExpr(e.lhs, NONE);
    const ls = this.resolveShallow(lt);
    const prim = isNumeric(ls) || ls.k === "bool";
    const rt = this.checkExpr(e.rhs, prim ? { ty: e.op === "<<" || e.op === ">>" ? this.infer.freshInt() : lt } : NONE);
    const rs = this.resolveShallow(rt);
    if (prim) {
      const r0 = rs.k === "ref" ? this.resolveShallow(rs.inner) : rs;
      if (e.op !== "<<" && e.op !== ">>" && !this.infer.unify(ls, r0)) this.mismatch(e.rhs.span, ls, r0);
    }
    return Ty.unit;
  }

  // ---------------- aggregates

  private checkStructLit(e: ast.StructExpr, expect: Expect): Ty {
    const names = e.path.segments.map((s) => s.ident.name);
    let id: DefId | undefined;
    let adtTy: Ty | undefined;
    if (names.length === 1 && names[0] === "Self" && this.scope.selfTy) {
      const st = this.scope.selfTy;
      if (st.k === "adt") {
        id = st.def;
        adtTy = st;
      }
    } else {
      id = resolveModulePath(this.table, names, this.module, "type") ?? resolveModulePath(this.table, names, this.module, "value");
      if (id === undefined && names.length >= 2) {
        const head = this.resolveTypePrefix(e.path.segments.slice(0, -1), e.span);
        if (head?.kind === "ty") {
          const ht = this.resolveShallow(head.ty);
          if (ht.k === "adt") {
            const d = this.tcx.def(ht.def);
            if (d.kind === "enum") {
              id = d.variants.find((v) => this.tcx.def(v).name === names[names.length - 1]);
              adtTy = ht;
            }
          }
        }
      }
    }
    if (id === undefined) {
      this.err("P0005", `cannot find struct, variant or union type \`${names.join("::")}\` in this scope`, e.path.span, "not found in this scope");
      for (const f of e.fields) this.checkExpr(f.value, NONE);
      return Ty.error;
    }
    const d = this.tcx.def(id);
    const adt = d.kind === "variant" ? d.enumDef : id;
    if (d.kind !== "struct" && d.kind !== "variant") {
      this.err("P0005", `expected struct or variant, found \`${names.join("::")}\``, e.path.span, "not a struct");
      return Ty.error;
    }
    if (!adtTy) {
      const n = this.tcx.genericsOf(adt).params.length;
      const given = (e.path.segments[e.path.segments.length - 1]!.args?.types ?? []).map((t) => this.lowerTy(t));
      const args = given.slice(0, n);
      while (args.length < n) args.push(this.infer.fresh());
      adtTy = Ty.adt(adt, args);
    }
    if (expect.ty) {
      const snap = this.infer.snapshot();
      if (!this.infer.unify(adtTy, expect.ty)) this.infer.rollback(snap);
    }
    const at = this.resolveShallow(adtTy) as Ty & { k: "adt" };
    this.tables.res.set(e.id, { kind: "ctor", def: id, args: [...(at.args ?? [])] });
    const s = this.tcx.substFor(this.tcx.genericsOf(adt), at.args ?? []);
    const fields = this.tcx.fieldsOf(id);
    for (const f of e.fields) {
      const i = fields.findIndex((x) => x.name === f.name.name);
      if (i < 0) {
        this.err("P0005", `struct \`${names.join("::")}\` has no field named \`${f.name.name}\``, f.name.span, "unknown field");
        this.checkExpr(f.value, NONE);
        continue;
      }
      this.tables.fieldIndex.set(f.value.id, i);
      const ft = this.norm(substTy(fields[i]!.ty, s));
      const t = this.checkExpr(f.value, { ty: ft });
      this.coerce(f.value, t, ft);
    }
    if (e.base) {
      const bt = this.checkExpr(e.base, { ty: adtTy });
      this.infer.unify(bt, adtTy);
    }
    return adtTy;
  }

  private checkRange(e: ast.RangeExpr, expect: Expect): Ty {
    const L = this.lang;
    let elem: Ty = this.infer.fresh();
    const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
    if (ex?.k === "adt" && ex.args[0]) elem = ex.args[0];
    if (e.lo) {
      const t = this.checkExpr(e.lo, { ty: elem });
      this.infer.unify(elem, t);
    }
    if (e.hi) {
      const t = this.checkExpr(e.hi, { ty: elem });
      this.infer.unify(elem, t);
    }
    const def = e.lo && e.hi ? (e.inclusive ? L.RangeInclusive : L.Range) : e.lo ? L.RangeFrom : e.hi ? (e.inclusive ? L.RangeToInclusive : L.RangeTo) : L.RangeFull;
    return def === L.RangeFull ? Ty.adt(def, []) : Ty.adt(def, [elem]);
  }

  // ---------------- control flow

  private checkCondOperand(e: ast.Expr): Ty {
    if (e.kind === "LetCond") {
      this.checkCond(e);
      this.record(e, Ty.bool);
      return Ty.bool;
    }
    const t = this.checkExpr(e, { ty: Ty.bool });
    this.coerce(e, t, Ty.bool);
    return Ty.bool;
  }

  /** An `if`/`while` condition; `let` patterns bind into the current (innermost) scope. */
  private checkCond(c: ast.Expr): void {
    if (c.kind === "LetCond") {
      const t = this.checkExpr(c.scrutinee, NONE);
      const bindings: LocalId[] = [];
      this.checkPat(c.pat, t, "move", bindings, "binding");
      this.record(c, Ty.bool);
      return;
    }
    if (c.kind === "Binary" && c.op === "&&" && containsLet(c)) {
      this.checkCond(c.lhs);
      this.checkCond(c.rhs);
      this.record(c, Ty.bool);
      return;
    }
    const t = this.checkExpr(c, { ty: Ty.bool });
    this.coerce(c, t, Ty.bool);
  }

  private checkIf(e: ast.IfExpr, expect: Expect): Ty {
    this.scopes.push(new Map());
    this.checkCond(e.cond);
    const thenTy = this.checkBlock(e.then, e.else ? expect : { ty: Ty.unit });
    this.scopes.pop();
    if (!e.else) {
      if (e.then.tail) this.coerce(e.then.tail, thenTy, Ty.unit);
      return Ty.unit;
    }
    const elseTy = this.checkExpr(e.else, expect);
    return this.joinBranches([
      { node: e.then.tail ?? e.then, ty: thenTy },
      { node: e.else, ty: elseTy },
    ], expect);
  }

  /** The type of `if`/`match` from its branches: never-typed branches are ignored; the others are
   *  coerced to the expectation, or unified with the first. */
  private joinBranches(branches: { node: { id: ast.NodeId; span: Span }; ty: Ty }[], expect: Expect): Ty {
    const live = branches.filter((b) => this.resolveShallow(b.ty).k !== "never");
    if (live.length === 0) return Ty.never;
    const target = expect.ty && this.resolveShallow(expect.ty).k !== "infer" ? expect.ty : live[0]!.ty;
    for (const b of live) this.coerce(b.node, b.ty, target);
    for (const b of branches) if (this.resolveShallow(b.ty).k === "never") this.coerce(b.node, b.ty, target);
    return target;
  }

  private checkMatch(e: ast.MatchExpr, expect: Expect): Ty {
    const st = this.checkExpr(e.scrutinee, NONE);
    const branches: { node: ast.Expr; ty: Ty }[] = [];
    for (const arm of e.arms) {
      this.scopes.push(new Map());
      const bindings: LocalId[] = [];
      this.checkPat(arm.pat, st, "move", bindings, "binding");
      if (arm.guard) this.checkCond(arm.guard);
      const t = this.checkExpr(arm.body, expect);
      branches.push({ node: arm.body, ty: t });
      this.scopes.pop();
    }
    if (branches.length === 0) return Ty.never;
    return this.joinBranches(branches, expect);
  }

  private checkFor(e: ast.ForExpr): Ty {
    const it = this.checkExpr(e.iter, NONE);
    const L = this.lang;
    const s = this.resolveShallow(it);
    let iterTy: Ty;
    let itemTy: Ty;
    if (s.k === "adt" && (s.def === L.Range || s.def === L.RangeInclusive || s.def === L.RangeFrom)) {
      iterTy = s;
      itemTy = s.args[0] ?? Ty.error;
    } else {
      iterTy = this.project(L.IntoIterator, s, "IntoIter");
      itemTy = this.project(L.IntoIterator, s, "Item");
    }
    this.tables.forLoops.set(e.id, { iterTy, itemTy });
    this.scopes.push(new Map());
    const bindings: LocalId[] = [];
    this.checkPat(e.pat, itemTy, "move", bindings, "binding");
    this.loops.push({ label: e.label?.name, breakTy: undefined, hasBreak: false });
    this.checkBlock(e.body, { ty: Ty.unit });
    this.loops.pop();
    this.scopes.pop();
    return Ty.unit;
  }

  private checkTry(e: ast.TryExpr): Ty {
    const t = this.checkExpr(e.operand, NONE);
    const s = this.resolveShallow(t);
    const ret = this.resolveShallow(this.returns[this.returns.length - 1]?.ret ?? Ty.unit);
    const L = this.lang;
    if (s.k === "adt" && s.def === L.Option) {
      this.tables.tries.set(e.id, { family: "option" });
      if (ret.k === "infer") this.infer.unify(ret, Ty.adt(L.Option, [this.infer.fresh()]));
      return s.args[0] ?? Ty.error;
    }
    if (s.k === "adt" && s.def === L.Result) {
      let errTo: Ty | undefined;
      if (ret.k === "adt" && ret.def === L.Result) errTo = ret.args[1];
      else if (ret.k === "infer") {
        errTo = s.args[1];
        this.infer.unify(ret, Ty.adt(L.Result, [this.infer.fresh(), s.args[1] ?? Ty.error]));
      }
      this.tables.tries.set(e.id, { family: "result", ...(s.args[1] ? { errFrom: s.args[1] } : {}), ...(errTo ? { errTo } : {}) });
      if (!this.myNodes.includes(e.id)) this.myNodes.push(e.id);
      return s.args[0] ?? Ty.error;
    }
    if (!containsError(s)) this.err("P0006", `the \`?\` operator can only be applied to values of type \`Option\` or \`Result\``, e.span, "cannot use the `?` operator here");
    return Ty.error;
  }

  private checkAwait(e: ast.AwaitExpr): Ty {
    const t = this.checkExpr(e.operand, NONE);
    const s = this.resolveShallow(t);
    let futureTy: Ty;
    let output: Ty;
    if (s.k === "future") {
      futureTy = s;
      output = s.output;
    } else {
      futureTy = this.project(this.lang.IntoFuture, s, "IntoFuture");
      output = this.project(this.lang.IntoFuture, s, "Output");
    }
    this.tables.awaits.set(e.id, { futureTy, output });
    return output;
  }

  // ---------------- closures and async blocks

  private checkClosure(e: ast.ClosureExpr, expect: Expect): Ty {
    // Expected signature from the expectation (an Fn-bounded var or a fn pointer).
    let expParams: Ty[] | undefined;
    let expRet: Ty | undefined;
    const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
    if (ex) {
      const L = this.lang;
      const fromBound = (b: TraitRef) => {
        const a = this.infer.shallow(b.args[0] ?? Ty.unit);
        if (a.k === "tuple") expParams = [...a.elems];
        expRet = b.bindings.get("Output");
      };
      if (ex.k === "fnptr") {
        expParams = [...ex.params];
        expRet = ex.ret;
      } else if (ex.k === "infer") {
        for (const o of this.obligations) {
          if ((o.bound.trait === L.Fn || o.bound.trait === L.FnMut || o.bound.trait === L.FnOnce) && this.sameTy(o.ty, ex)) {
            fromBound(o.bound);
            break;
          }
        }
      } else if (ex.k === "param" || ex.k === "dyn" || ex.k === "opaque") {
        const preds = ex.k === "param" ? this.tcx.predicatesOf(this.fnDef).filter((p) => this.sameTy(p.ty, ex)).map((p) => p.bound) : ex.bounds;
        for (const b of preds) if (b.trait === L.Fn || b.trait === L.FnMut || b.trait === L.FnOnce) fromBound(b);
      } else if (ex.k === "adt" && ex.def === L.Box) {
        const inner = this.resolveShallow(ex.args[0] ?? Ty.error);
        if (inner.k === "dyn") for (const b of inner.bounds) if (b.trait === L.Fn || b.trait === L.FnMut || b.trait === L.FnOnce) fromBound(b);
      }
    }
    this.ownerStack.push(e.id);
    this.scopes.push(new Map());
    const paramTys: Ty[] = [];
    const paramLocals: LocalId[][] = [];
    e.params.forEach((p, i) => {
      const ty = p.ty ? this.lowerTy(p.ty) : expParams?.[i] !== undefined ? this.norm(expParams[i]!) : this.infer.fresh();
      if (p.ty && expParams?.[i]) this.infer.unify(ty, expParams[i]!);
      const bindings: LocalId[] = [];
      this.checkPat(p.pat, ty, "move", bindings, "param");
      paramTys.push(ty);
      paramLocals.push(bindings);
    });
    const ret = e.ret ? this.lowerTy(e.ret) : expRet !== undefined ? this.norm(expRet) : this.infer.fresh();
    this.closureStack.push(e.id);
    this.returns.push({ ret, owner: e.id });
    const savedLoops = this.loops.splice(0);
    const bt = this.checkExpr(e.body, { ty: ret });
    this.coerce(e.body, bt, ret);
    this.loops.push(...savedLoops);
    this.returns.pop();
    this.closureStack.pop();
    this.scopes.pop();
    this.ownerStack.pop();
    let ty: Ty = { k: "closure", node: e.id, params: paramTys, ret };
    if (e.isAsync) {
      // `async |x| body`: calling it returns a future (treated like an async block).
      ty = { k: "closure", node: e.id, params: paramTys, ret: { k: "future", node: e.body.id, def: undefined, args: [], output: ret } };
    }
    this.tables.closures.set(e.id, { node: e, params: paramLocals, ret, captures: [], kind: "Fn" });
    this.pendingClosures.push({ node: e, params: paramLocals, ret, ty });
    return ty;
  }

  private checkAsyncBlock(e: ast.AsyncBlockExpr): Ty {
    const output = this.infer.fresh();
    this.ownerStack.push(e.id);
    this.returns.push({ ret: output, owner: e.id });
    const savedLoops = this.loops.splice(0);
    const t = this.checkBlock(e.block, { ty: output });
    this.coerceBlockValue(e.block, t, output);
    this.loops.push(...savedLoops);
    this.returns.pop();
    this.ownerStack.pop();
    this.tables.asyncBlocks.set(e.id, { node: e, output, captures: [] });
    this.pendingAsync.push({ node: e, output });
    const fnArgs = this.tcx.allParams(this.scope.generics);
    return { k: "future", node: e.id, def: undefined, args: fnArgs, output };
  }

  private finishClosure(c: { node: ast.ClosureExpr; params: LocalId[][]; ret: Ty; ty: Ty }): void {
    const captures = this.captures(c.node.body, c.node.id, c.node.isMove);
    const mutates = captures.some((x) => x.mode === "refMut");
    const movesOut = this.closureMovesOut(c.node, captures);
    const kind: ClosureInfo["kind"] = movesOut ? "FnOnce" : mutates ? "FnMut" : "Fn";
    this.tables.closures.set(c.node.id, { node: c.node, params: c.params, ret: c.ret, captures, kind });
  }

  private finishAsync(a: { node: ast.AsyncBlockExpr; output: Ty }): void {
    const captures = this.captures(a.node.block, a.node.id, a.node.isMove);
    this.tables.asyncBlocks.set(a.node.id, { node: a.node, output: a.output, captures });
  }

  /** Whether a closure body moves a captured non-Copy value out (making it FnOnce). */
  private closureMovesOut(node: ast.ClosureExpr, captures: Capture[]): boolean {
    if (!captures.some((c) => c.mode === "value")) return false;
    const byValue = new Set(captures.filter((c) => c.mode === "value").map((c) => c.local));
    let moves = false;
    const uses = new CaptureUses(this, node.id);
    uses.visitExpr(node.body, "move");
    for (const u of uses.uses) if (byValue.has(u.local) && u.mode === "value" && !this.solver.isCopy(u.ty)) moves = true;
    return moves;
  }

  /** Captured variables of a closure or async block: locals declared outside and used inside, with
   *  the least demanding mode that the uses allow (by ref, by mut ref, by value), or all by value for
   *  `move`. */
  private captures(body: ast.Expr | ast.Block, owner: ast.NodeId, isMove: boolean): Capture[] {
    const uses = new CaptureUses(this, owner);
    if ("stmts" in body && body.kind === "Block") uses.visitBlock(body);
    else uses.visitExpr(body as ast.Expr, "move");
    const rank = { ref: 0, refMut: 1, value: 2 } as const;
    // Edition 2021 (RFC 2229): each use is of a place — a variable and a field path — and the captured
    // places are the shortest ones: a use of `cfg` absorbs uses of `cfg.name`.
    const byLocal = new Map<LocalId, Capture[]>();
    for (const u of uses.uses) {
      const l = this.tables.locals[u.local]!;
      if (this.isInside(l.owner, owner)) continue;
      let mode: Capture["mode"] = u.mode;
      if (isMove) mode = "value";
      else if (mode === "value" && this.solver.isCopy(u.ty)) mode = "ref";
      const list = byLocal.get(u.local) ?? [];
      byLocal.set(u.local, list);
      const isPrefix = (a: Capture["path"], b: Capture["path"]) => a.length <= b.length && a.every((x, i) => x.index === b[i]!.index);
      // An existing capture that is an ancestor (or equal) of this use absorbs it.
      const anc = list.find((c) => isPrefix(c.path, u.path));
      if (anc) {
        if (rank[mode] > rank[anc.mode]) list[list.indexOf(anc)] = { ...anc, mode };
        continue;
      }
      // This use is an ancestor of existing captures: it replaces them.
      const absorbed = list.filter((c) => isPrefix(u.path, c.path));
      let m = mode;
      for (const c of absorbed) if (rank[c.mode] > rank[m]) m = c.mode;
      const rest = list.filter((c) => !absorbed.includes(c));
      rest.push({ local: u.local, path: u.path, ty: u.ty, mode: m, span: absorbed[0]?.span ?? u.span });
      byLocal.set(u.local, rest);
    }
    return [...byLocal.values()].flat();
  }

  /** Was a local declared inside the closure/async block `owner` (or something nested in it)? */
  isInside(localOwner: ast.NodeId, owner: ast.NodeId): boolean {
    return this.nestedOwners(owner).has(localOwner);
  }

  private readonly nestedCache = new Map<ast.NodeId, Set<ast.NodeId>>();
  private nestedOwners(owner: ast.NodeId): Set<ast.NodeId> {
    const cached = this.nestedCache.get(owner);
    if (cached) return cached;
    const set = new Set<ast.NodeId>([owner]);
    const node = this.tables.closures.get(owner)?.node ?? this.tables.asyncBlocks.get(owner)?.node;
    if (node) {
      const visit = (e: ast.Expr) => {
        if (e.kind === "Closure" || e.kind === "AsyncBlock") set.add(e.id);
        for (const c of childExprsDeep(e)) visit(c);
      };
      if (node.kind === "Closure") visit(node.body);
      else for (const c of blockChildren(node.block)) visit(c);
    }
    this.nestedCache.set(owner, set);
    return set;
  }

  localOf(e: ast.Expr): LocalId | undefined {
    if (e.kind !== "Path") return undefined;
    const r = this.tables.res.get(e.id);
    return r?.kind === "local" ? r.local : undefined;
  }

  // ------------------------------------------------------------------------------------------------
  // Patterns

  /**
   * Checks `p` against `expected`. `mode` is the default binding mode (match ergonomics): matching a
   * non-reference pattern against `&T` peels the reference and makes bindings `ref`.
   */
  checkPat(p: ast.Pat, expected: Ty, mode: "move" | "ref" | "refMut", out: LocalId[], kind: "param" | "binding"): void {
    this.tables.patTypes.set(p.id, expected);
    this.myPats.push(p.id);
    let t = this.resolveShallow(expected);
    const peelable = p.kind === "TuplePat" || p.kind === "StructPat" || p.kind === "TupleStructPat" || p.kind === "SlicePat" || (p.kind === "LitPat" && !(p.lit.lit.type === "str")) || p.kind === "RangePat" || (p.kind === "PathPat") || (p.kind === "IdentPat" && this.identIsPathPat(p));
    if (peelable) {
      let peeled = 0;
      while (t.k === "ref") {
        mode = t.mutable && mode !== "ref" ? "refMut" : "ref";
        t = this.resolveShallow(t.inner);
        peeled++;
      }
      if (peeled) this.tables.patDerefs.set(p.id, peeled);
    }
    switch (p.kind) {
      case "WildPat":
      case "RestPat":
        return;
      case "IdentPat": {
        if (this.identIsPathPat(p)) {
          this.checkPathPat(p.id, { kind: "Path", id: -1, span: p.name.span, segments: [{ ident: p.name }], global: false }, t);
          return;
        }
        const byRef = p.byRef !== "none" ? p.byRef : mode === "move" ? "none" : mode;
        const ty = byRef === "none" ? expected : Ty.ref(expected, byRef === "refMut");
        const l = this.newLocal(p.name.name, p.name.span, p.mutable, ty, kind, byRef);
        this.tables.bindings.set(p.id, l);
        this.scopes[this.scopes.length - 1]!.set(p.name.name, l);
        out.push(l);
        if (p.sub) this.checkPat(p.sub, expected, mode, out, kind);
        return;
      }
      case "TuplePat": {
        const elems = t.k === "tuple" ? t.elems : undefined;
        const restAt = p.elems.findIndex((x) => x.kind === "RestPat");
        const n = elems?.length ?? p.elems.length;
        const fresh = elems ?? p.elems.filter((x) => x.kind !== "RestPat").map(() => this.infer.fresh());
        if (!elems) this.infer.unify(t, Ty.tuple(fresh));
        p.elems.forEach((sub, i) => {
          if (sub.kind === "RestPat") return;
          const idx = restAt >= 0 && i > restAt ? n - (p.elems.length - i) : i;
          this.checkPat(sub, fresh[idx] ?? Ty.error, mode, out, kind);
        });
        return;
      }
      case "TupleStructPat": {
        const v = this.resolvePatPath(p.path, t);
        if (!v) {
          for (const sub of p.elems) this.checkPat(sub, Ty.error, mode, out, kind);
          return;
        }
        this.tables.res.set(p.id, { kind: "ctor", def: v.def, args: v.args });
        const fields = this.tcx.fieldsOf(v.def);
        const s = this.tcx.substFor(this.tcx.genericsOf(v.adt), v.args);
        const restAt = p.elems.findIndex((x) => x.kind === "RestPat");
        p.elems.forEach((sub, i) => {
          if (sub.kind === "RestPat") return;
          const idx = restAt >= 0 && i > restAt ? fields.length - (p.elems.length - i) : i;
          const f = fields[idx];
          this.checkPat(sub, f ? this.norm(substTy(f.ty, s)) : Ty.error, mode, out, kind);
        });
        return;
      }
      case "StructPat": {
        const v = this.resolvePatPath(p.path, t);
        if (!v) {
          for (const f of p.fields) this.checkPat(f.pat, Ty.error, mode, out, kind);
          return;
        }
        this.tables.res.set(p.id, { kind: "ctor", def: v.def, args: v.args });
        const fields = this.tcx.fieldsOf(v.def);
        const s = this.tcx.substFor(this.tcx.genericsOf(v.adt), v.args);
        for (const f of p.fields) {
          const i = fields.findIndex((x) => x.name === f.name.name);
          this.tables.fieldIndex.set(f.pat.id, i);
          this.checkPat(f.pat, i >= 0 ? this.norm(substTy(fields[i]!.ty, s)) : Ty.error, mode, out, kind);
        }
        return;
      }
      case "PathPat":
        this.checkPathPat(p.id, p.path, t);
        return;
      case "LitPat": {
        const lt = this.checkLit(p.lit.lit, { ty: t });
        this.record(p.lit, lt);
        if (p.lit.lit.type === "str") {
          // A string literal pattern matches `&str` (and `str` behind a peeled reference).
          return;
        }
        this.infer.unify(lt, t);
        return;
      }
      case "RangePat": {
        for (const b of [p.lo, p.hi]) if (b) this.checkPat(b, t, mode, out, kind);
        return;
      }
      case "RefPat": {
        if (t.k === "ref") this.checkPat(p.inner, t.inner, "move", out, kind);
        else {
          const inner = this.infer.fresh();
          this.infer.unify(t, Ty.ref(inner, p.mutable));
          this.checkPat(p.inner, inner, "move", out, kind);
        }
        return;
      }
      case "OrPat": {
        // Every alternative binds the same names; they share the first alternative's locals.
        const first: LocalId[] = [];
        p.alts.forEach((alt, i) => {
          if (i === 0) this.checkPat(alt, expected, mode, first, kind);
          else {
            const scope = this.scopes[this.scopes.length - 1]!;
            const saved = new Map(scope);
            const tmp: LocalId[] = [];
            this.checkPat(alt, expected, mode, tmp, kind);
            for (const l of tmp) {
              const name = this.tables.locals[l]!.name;
              const canonical = first.find((x) => this.tables.locals[x]!.name === name);
              if (canonical !== undefined) {
                for (const [node, bound] of this.tables.bindings) if (bound === l) this.tables.bindings.set(node, canonical);
                this.infer.unify(this.tables.locals[l]!.ty, this.tables.locals[canonical]!.ty);
              }
            }
            scope.clear();
            for (const [k, v] of saved) scope.set(k, v);
          }
        });
        out.push(...first);
        return;
      }
      case "SlicePat": {
        const elem = t.k === "array" || t.k === "slice" ? t.elem : this.infer.fresh();
        for (const sub of p.elems) {
          if (sub.kind === "RestPat") continue;
          if (sub.kind === "IdentPat" && sub.sub?.kind === "RestPat") {
            // `rest @ ..` binds a sub-slice.
            const byRef = mode === "move" ? "none" : mode;
            const sliceTy = t.k === "array" && byRef === "none" ? Ty.array(elem, undefined) : Ty.slice(elem);
            const ty = byRef === "none" ? sliceTy : Ty.ref(sliceTy, byRef === "refMut");
            const l = this.newLocal(sub.name.name, sub.name.span, sub.mutable, ty, kind, byRef);
            this.tables.bindings.set(sub.id, l);
            this.scopes[this.scopes.length - 1]!.set(sub.name.name, l);
            out.push(l);
            continue;
          }
          this.checkPat(sub, elem, mode, out, kind);
        }
        return;
      }
    }
  }

  /** A lone identifier in a pattern names a unit struct, unit variant or const when one is in scope. */
  private identIsPathPat(p: ast.IdentPat): boolean {
    if (p.byRef !== "none" || p.mutable || p.sub) return false;
    const id = lookupLexical(this.table, this.module, p.name.name, "value");
    if (id === undefined) return false;
    const d = this.tcx.def(id);
    if (d.kind === "const" || d.kind === "static") return d.kind === "const";
    if (d.kind === "struct") return d.node.shape === "unit";
    if (d.kind === "variant") return d.node.shape === "unit";
    return false;
  }

  private checkPathPat(id: ast.NodeId, path: ast.Path, t: Ty): void {
    const names = path.segments.map((s) => s.ident.name);
    const vid = resolveModulePath(this.table, names, this.module, "value");
    if (vid !== undefined && this.tcx.def(vid).kind === "const") {
      this.tables.res.set(id, { kind: "const", def: vid });
      this.infer.unify(this.norm(this.tcx.itemTy(vid)), t);
      return;
    }
    // `i64::MIN`, `Self::LIMIT`, `<T as Bounded>::MAX`: a path through a type that names an
    // associated const is a constant pattern too (rustc resolves the path as a value first, and a
    // pattern path only looks for a variant or unit struct when the value is not a const).
    const assoc = this.assocConstPat(path);
    if (assoc) {
      this.tables.res.set(id, assoc.res);
      if (!this.myNodes.includes(id)) this.myNodes.push(id);
      this.infer.unify(assoc.ty, t);
      return;
    }
    const v = this.resolvePatPath(path, t);
    if (v) this.tables.res.set(id, { kind: "ctor", def: v.def, args: v.args });
  }

  /** The associated const a pattern path names (`i64::MIN`), or undefined (leaving no trace) when it
   *  names something else: a variant (`Self::Empty`) or nothing. */
  private assocConstPat(path: ast.Path): { res: Res & { kind: "const" }; ty: Ty } | undefined {
    const segs = path.segments;
    if (!path.qself && segs.length < 2) return undefined;
    const snap = this.infer.snapshot();
    const before = this.diagnostics.length;
    const last = segs[segs.length - 1]!;
    let r: { res: Res; ty: Ty } | undefined;
    if (path.qself) {
      const self = this.lowerTy(path.qself.ty);
      const trait = path.qself.trait ? this.tcx.lowerTraitPath(path.qself.trait, this.tyScope(), self) : undefined;
      r = this.assocValue(self, last, path.span, trait?.trait);
    } else {
      const head = this.resolveTypePrefix(segs.slice(0, -1), path.span);
      if (head?.kind === "ty") r = this.assocValue(head.ty, last, path.span, undefined);
      else if (head?.kind === "trait") r = this.assocValue(this.infer.fresh(), last, path.span, head.trait, head.traitArgs);
    }
    if (r && r.res.kind === "const" && this.diagnostics.length === before) return { res: r.res, ty: r.ty };
    this.diagnostics.length = before;
    this.infer.rollback(snap);
    return undefined;
  }

  /** The struct or variant a pattern path names, with the ADT's generic args unified with `t`. */
  private resolvePatPath(path: ast.Path, t: Ty): { def: DefId; adt: DefId; args: Ty[] } | undefined {
    const names = path.segments.map((s) => s.ident.name);
    let id: DefId | undefined;
    if (names[0] === "Self" && this.scope.selfTy?.k === "adt") {
      const st = this.scope.selfTy;
      if (names.length === 1) id = st.def;
      else {
        const d = this.tcx.def(st.def);
        if (d.kind === "enum") id = d.variants.find((v) => this.tcx.def(v).name === names[1]);
      }
    } else {
      id = resolveModulePath(this.table, names, this.module, "value") ?? resolveModulePath(this.table, names, this.module, "type");
      if (id === undefined && names.length >= 2) {
        const head = this.resolveTypePrefix(path.segments.slice(0, -1), path.span);
        if (head?.kind === "ty") {
          const ht = this.resolveShallow(head.ty);
          if (ht.k === "adt") {
            const d = this.tcx.def(ht.def);
            if (d.kind === "enum") id = d.variants.find((v) => this.tcx.def(v).name === names[names.length - 1]);
          }
        }
      }
    }
    if (id === undefined) {
      this.err("P0005", `cannot find tuple struct, struct or variant \`${names.join("::")}\` in this scope`, path.span, "not found in this scope");
      return undefined;
    }
    const d = this.tcx.def(id);
    if (d.kind !== "struct" && d.kind !== "variant") {
      this.err("P0005", `expected tuple struct or tuple variant, found ${d.kind} \`${names.join("::")}\``, path.span, "not a struct or variant");
      return undefined;
    }
    const adt = d.kind === "variant" ? d.enumDef : id;
    const n = this.tcx.genericsOf(adt).params.length;
    const args = Array.from({ length: n }, () => this.infer.fresh());
    const adtTy = Ty.adt(adt, args);
    if (!this.infer.unify(adtTy, t)) {
      const st = this.infer.resolve(t);
      if (!containsError(st)) this.mismatch(path.span, st, adtTy);
    }
    return { def: id, adt, args };
  }

  // ------------------------------------------------------------------------------------------------
  // Macros

  private checkMacro(e: ast.MacroCallExpr, expect: Expect): Ty {
    const m = e.call;
    const fmt = (f: ast.FormatArgs | undefined) => {
      for (const a of f?.args ?? []) this.checkExpr(a, NONE);
    };
    const L = this.lang;
    switch (m.macro) {
      case "print":
      case "println":
      case "eprint":
      case "eprintln":
        fmt(m.fmt);
        return Ty.unit;
      case "format":
        fmt(m.fmt);
        return Ty.adt(L.String);
      case "panic":
      case "unreachable":
      case "todo":
      case "unimplemented":
        fmt(m.fmt);
        return Ty.never;
      case "write":
      case "writeln": {
        this.checkExpr(m.dest, NONE);
        fmt(m.fmt);
        const fmtResult = resolveModulePath(this.table, ["fmt", "Result"], this.table.stdRoot, "type");
        return fmtResult !== undefined ? this.tcx.aliasBody(fmtResult) : Ty.error;
      }
      case "assert":
      case "debug_assert": {
        const t = this.checkExpr(m.cond, { ty: Ty.bool });
        this.coerce(m.cond, t, Ty.bool);
        fmt(m.fmt);
        return Ty.unit;
      }
      case "assert_eq":
      case "assert_ne":
      case "debug_assert_eq":
      case "debug_assert_ne": {
        const l = this.checkExpr(m.left, NONE);
        const r = this.checkExpr(m.right, { ty: l });
        const ls = this.resolveShallow(l);
        const rs = this.resolveShallow(r);
        if ((isNumeric(ls) || ls.k === "bool" || ls.k === "char") && (isNumeric(rs) || rs.k === "bool" || rs.k === "char")) this.infer.unify(ls, rs);
        else this.infer.tryUnify(l, r);
        fmt(m.fmt);
        return Ty.unit;
      }
      case "vec": {
        const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
        const elem = ex?.k === "adt" && ex.def === L.Vec ? ex.args[0]! : this.infer.fresh();
        for (const x of m.elems) {
          const t = this.checkExpr(x, { ty: elem });
          this.coerce(x, t, elem);
        }
        return Ty.adt(L.Vec, [elem]);
      }
      case "vecRepeat": {
        const ex = expect.ty ? this.resolveShallow(expect.ty) : undefined;
        const elem = ex?.k === "adt" && ex.def === L.Vec ? ex.args[0]! : this.infer.fresh();
        const t = this.checkExpr(m.elem, { ty: elem });
        this.coerce(m.elem, t, elem);
        const lt = this.checkExpr(m.len, { ty: Ty.usize });
        this.infer.unify(lt, Ty.usize);
        return Ty.adt(L.Vec, [elem]);
      }
      case "matches": {
        const t = this.checkExpr(m.scrutinee, NONE);
        this.scopes.push(new Map());
        const b: LocalId[] = [];
        this.checkPat(m.pat, t, "move", b, "binding");
        if (m.guard) this.checkCond(m.guard);
        this.scopes.pop();
        return Ty.bool;
      }
      case "dbg": {
        const ts = m.args.map((a) => this.checkExpr(a, NONE));
        return ts.length === 1 ? ts[0]! : Ty.tuple(ts);
      }
      case "pin": {
        const t = this.checkExpr(m.value, NONE);
        return Ty.adt(L.Pin, [Ty.ref(t, true)]);
      }
      case "join": {
        const outs = m.futures.map((f) => {
          const t = this.checkExpr(f, NONE);
          const s = this.resolveShallow(t);
          return s.k === "future" ? s.output : this.project(L.IntoFuture, s, "Output");
        });
        return Ty.tuple(outs);
      }
      case "select": {
        const result = expect.ty ?? this.infer.fresh();
        for (const arm of m.arms) {
          const ft = this.checkExpr(arm.future, NONE);
          const s = this.resolveShallow(ft);
          const out = s.k === "future" ? s.output : this.project(L.IntoFuture, s, "Output");
          this.scopes.push(new Map());
          const b: LocalId[] = [];
          this.checkPat(arm.pat, out, "move", b, "binding");
          const t = this.checkExpr(arm.body, { ty: result });
          this.coerce(arm.body, t, result);
          this.scopes.pop();
        }
        return result;
      }
      case "line":
      case "column":
        return Ty.int("u32");
      case "file":
      case "stringify":
        return Ty.ref(Ty.str);
      case "concat":
        for (const p of m.parts) this.checkExpr(p, NONE);
        return Ty.ref(Ty.str);
      case "addr_of":
      case "addr_of_mut": {
        const t = this.checkExpr(m.place, NONE);
        return Ty.ptr(t, m.macro === "addr_of_mut");
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Capture analysis: which outer locals a closure body uses, and how.

type UseMode = "ref" | "refMut" | "value";

type CapturePath = Capture["path"];

class CaptureUses {
  readonly uses: { local: LocalId; path: CapturePath; ty: Ty; mode: UseMode; span: Span }[] = [];
  constructor(
    private readonly ck: BodyChecker,
    /** The closure or async block whose body is visited (kept for debugging dumps). */
    readonly owner: ast.NodeId,
  ) {}

  private tables() {
    return this.ck.tables;
  }

  visitBlock(b: ast.Block): void {
    for (const s of b.stmts) {
      if (s.kind === "Let") {
        if (s.init) this.visitExpr(s.init, patMovesOut(s.pat) ? "move" : "copyOrRef");
        if (s.else) this.visitBlock(s.else);
      } else if (s.kind === "ExprStmt") this.visitExpr(s.expr, "move");
    }
    if (b.tail) this.visitExpr(b.tail, "move");
  }

  /** `ctx`: how the value of `e` is used: moved (by value), only read through a place (a borrow or a
   *  copy), borrowed mutably, or assigned to. */
  visitExpr(e: ast.Expr, ctx: "move" | "copyOrRef" | "ref" | "refMut" | "assign"): void {
    const t = this.tables();
    switch (e.kind) {
      case "Path": {
        const r = t.res.get(e.id);
        if (r?.kind !== "local") return;
        this.usePlace({ local: r.local, path: [], ty: t.locals[r.local]!.ty }, e, ctx);
        return;
      }
      case "Ref":
        this.visitPlace(e.operand, e.mutable ? "refMut" : "ref");
        return;
      case "Field": {
        const fp = this.fieldPlace(e);
        if (fp) {
          this.usePlace(fp, e, ctx);
          return;
        }
        this.visitPlace(e, ctx === "move" ? "move" : ctx === "assign" ? "refMut" : ctx);
        return;
      }
      case "Index":
        this.visitPlace(e, ctx === "move" ? "move" : ctx === "assign" ? "refMut" : ctx);
        this.visitExpr(e.index, "move");
        return;
      case "Unary":
        if (e.op === "deref") {
          this.visitPlace(e, ctx === "move" ? "copyOrRef" : ctx === "assign" ? "refMut" : ctx);
          return;
        }
        this.visitExpr(e.operand, "move");
        return;
      case "Assign":
        this.visitPlace(e.lhs, "assign");
        this.visitExpr(e.rhs, "move");
        return;
      case "CompoundAssign":
        this.visitPlace(e.lhs, "assign");
        this.visitExpr(e.rhs, "move");
        return;
      case "MethodCall": {
        const adj = t.adjustments.get(e.receiver.id) ?? [];
        const borrow = adj.find((a) => a.kind === "borrow");
        const derefs = adj.some((a) => a.kind === "deref");
        if (borrow && borrow.kind === "borrow") this.visitPlace(e.receiver, borrow.mutable ? "refMut" : "ref");
        else if (derefs) this.visitPlace(e.receiver, "copyOrRef");
        else this.visitExpr(e.receiver, "move");
        for (const a of e.args) this.visitExpr(a, "move");
        return;
      }
      case "Closure":
      case "AsyncBlock": {
        // A nested closure's captures count as uses here.
        const info = e.kind === "Closure" ? t.closures.get(e.id) : t.asyncBlocks.get(e.id);
        const body = e.kind === "Closure" ? e.body : undefined;
        const inner = new CaptureUses(this.ck, e.id);
        if (body) inner.visitExpr(body, "move");
        else if (e.kind === "AsyncBlock") inner.visitBlock(e.block);
        const isMove = e.isMove;
        for (const u of inner.uses) {
          if (this.ck.isInside(t.locals[u.local]!.owner, e.id)) continue;
          this.uses.push({ ...u, mode: isMove ? (this.ck.solver.isCopy(u.ty) ? "ref" : "value") : u.mode });
        }
        void info;
        return;
      }
      case "MacroCall": {
        const m = e.call;
        // Format macros take their arguments by reference.
        if ("fmt" in m && m.fmt && m.macro !== "write" && m.macro !== "writeln" && m.macro !== "assert" && m.macro !== "debug_assert" && m.macro !== "assert_eq" && m.macro !== "assert_ne" && m.macro !== "debug_assert_eq" && m.macro !== "debug_assert_ne") {
          for (const a of m.fmt.args) this.visitPlace(a, "ref");
          return;
        }
        switch (m.macro) {
          case "write":
          case "writeln":
            this.visitPlace(m.dest, "refMut");
            for (const a of m.fmt?.args ?? []) this.visitPlace(a, "ref");
            return;
          case "assert_eq":
          case "assert_ne":
          case "debug_assert_eq":
          case "debug_assert_ne":
            this.visitPlace(m.left, "ref");
            this.visitPlace(m.right, "ref");
            for (const a of m.fmt?.args ?? []) this.visitPlace(a, "ref");
            return;
          case "assert":
          case "debug_assert":
            this.visitExpr(m.cond, "move");
            for (const a of m.fmt?.args ?? []) this.visitPlace(a, "ref");
            return;
          case "matches":
            this.visitPlace(m.scrutinee, "ref");
            return;
          case "pin":
            this.visitExpr(m.value, "move");
            return;
          case "addr_of":
          case "addr_of_mut":
            this.visitPlace(m.place, m.macro === "addr_of" ? "ref" : "refMut");
            return;
          default:
            for (const c of childExprsDeep(e)) this.visitExpr(c, "move");
            return;
        }
      }
      case "Match":
        this.visitPlace(e.scrutinee, e.arms.some((a) => patMovesOut(a.pat)) ? "move" : "copyOrRef");
        for (const a of e.arms) {
          if (a.guard) this.visitExpr(a.guard, "move");
          this.visitExpr(a.body, "move");
        }
        return;
      case "LetCond":
        this.visitPlace(e.scrutinee, patMovesOut(e.pat) ? "move" : "copyOrRef");
        return;
      case "For":
        this.visitExpr(e.iter, "move");
        this.visitBlock(e.body);
        return;
      case "BlockExpr":
        this.visitBlock(e.block);
        return;
      case "If":
        this.visitExpr(e.cond, "move");
        this.visitBlock(e.then);
        if (e.else) this.visitExpr(e.else, "move");
        return;
      case "While":
        this.visitExpr(e.cond, "move");
        this.visitBlock(e.body);
        return;
      case "Loop":
        this.visitBlock(e.body);
        return;
      case "Binary":
        if (["==", "!=", "<", "<=", ">", ">="].includes(e.op)) {
          this.visitPlace(e.lhs, "copyOrRef");
          this.visitPlace(e.rhs, "copyOrRef");
          return;
        }
        this.visitExpr(e.lhs, "move");
        this.visitExpr(e.rhs, "move");
        return;
      default:
        for (const c of childExprsDeep(e)) this.visitExpr(c, "move");
    }
  }

  /** A use of the place `p` (a variable or a field path of one) by the expression `e` in `ctx`. */
  private usePlace(p: { local: LocalId; path: CapturePath; ty: Ty }, e: ast.Expr, ctx: "move" | "copyOrRef" | "ref" | "refMut" | "assign"): void {
    const adj = this.tables().adjustments.get(e.id) ?? [];
    let mode: UseMode;
    const borrowAdj = adj.find((a) => a.kind === "borrow");
    if (borrowAdj && borrowAdj.kind === "borrow") mode = borrowAdj.mutable ? "refMut" : "ref";
    else if (adj.some((a) => a.kind === "deref")) mode = ctx === "refMut" || ctx === "assign" ? "refMut" : "ref";
    else if (ctx === "refMut" || ctx === "assign") mode = "refMut";
    else if (ctx === "ref" || ctx === "copyOrRef") mode = "ref";
    else mode = this.ck.solver.isCopy(p.ty) ? "ref" : "value";
    this.uses.push({ local: p.local, path: p.path, ty: p.ty, mode, span: e.span });
  }

  /** `a.b.c` as a variable and a field path, when no dereference is on the way (else undefined). */
  private fieldPlace(e: ast.FieldExpr): { local: LocalId; path: CapturePath; ty: Ty } | undefined {
    const t = this.tables();
    const path: { index: number; name: string; ty: Ty }[] = [];
    let cur: ast.Expr = e;
    while (cur.kind === "Field") {
      if ((t.adjustments.get(cur.object.id) ?? []).some((a) => a.kind === "deref")) return undefined;
      const index = t.fieldIndex.get(cur.id);
      if (index === undefined) return undefined;
      path.unshift({ index, name: cur.field.name, ty: t.exprTypes.get(cur.id) ?? Ty.error });
      cur = cur.object;
    }
    if (cur.kind !== "Path") return undefined;
    const r = t.res.get(cur.id);
    if (r?.kind !== "local") return undefined;
    return { local: r.local, path, ty: path[path.length - 1]!.ty };
  }

  /** `e` is used as a place (borrowed, assigned, or read by copy). */
  private visitPlace(e: ast.Expr, ctx: "move" | "copyOrRef" | "ref" | "refMut" | "assign"): void {
    switch (e.kind) {
      case "Field": {
        const fp = this.fieldPlace(e);
        if (fp) {
          this.usePlace(fp, e, ctx);
          return;
        }
        this.visitPlace(e.object, ctx === "assign" ? "refMut" : ctx === "move" ? "move" : ctx);
        return;
      }
      case "Index":
        this.visitPlace(e.object, ctx === "assign" || ctx === "refMut" ? "refMut" : "ref");
        this.visitExpr(e.index, "move");
        return;
      case "Unary":
        if (e.op === "deref") {
          // Through a reference: the reference itself is only read (or needs a unique borrow to write).
          this.visitExpr(e.operand, ctx === "assign" || ctx === "refMut" ? "refMut" : "copyOrRef");
          return;
        }
        this.visitExpr(e, "move");
        return;
      default:
        this.visitExpr(e, ctx);
    }
  }
}

function patMovesOut(p: ast.Pat): boolean {
  switch (p.kind) {
    case "IdentPat":
      return p.byRef === "none";
    case "WildPat":
    case "RestPat":
    case "LitPat":
    case "RangePat":
    case "PathPat":
      return false;
    case "TuplePat":
    case "SlicePat":
      return p.elems.some(patMovesOut);
    case "TupleStructPat":
      return p.elems.some(patMovesOut);
    case "StructPat":
      return p.fields.some((f) => patMovesOut(f.pat));
    case "RefPat":
      return false;
    case "OrPat":
      return p.alts.some(patMovesOut);
  }
}

function containsLet(e: ast.Expr): boolean {
  if (e.kind === "LetCond") return true;
  if (e.kind === "Binary" && e.op === "&&") return containsLet(e.lhs) || containsLet(e.rhs);
  return false;
}

function containsInferType(t: ast.Type): boolean {
  switch (t.kind) {
    case "InferType":
      return true;
    case "RefType":
    case "PtrType":
      return containsInferType(t.inner);
    case "TupleType":
      return t.elems.some(containsInferType);
    case "ArrayType":
    case "SliceType":
      return containsInferType(t.elem);
    case "PathType":
      return t.path.segments.some((s) => s.args?.types.some(containsInferType) ?? false);
    default:
      return false;
  }
}

export function containsError(t: Ty): boolean {
  let found = false;
  const visit = (x: Ty) => {
    if (x.k === "error") found = true;
    else if (!found) {
      switch (x.k) {
        case "tuple":
          x.elems.forEach(visit);
          break;
        case "ref":
        case "ptr":
          visit(x.inner);
          break;
        case "adt":
          x.args.forEach(visit);
          break;
        case "array":
        case "slice":
          visit(x.elem);
          break;
        default:
          break;
      }
    }
  };
  visit(t);
  return found;
}

function containsUnresolved(t: Ty): boolean {
  switch (t.k) {
    case "infer":
      return true;
    case "tuple":
      return t.elems.some(containsUnresolved);
    case "ref":
    case "ptr":
      return containsUnresolved(t.inner);
    case "adt":
      return t.args.some(containsUnresolved);
    case "array":
    case "slice":
      return containsUnresolved(t.elem);
    default:
      return false;
  }
}

/** Sub-expressions, including those inside nested blocks (but not nested items). */
export function childExprsDeep(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case "BlockExpr":
    case "AsyncBlock":
      return blockChildren(e.block);
    case "If":
      return [e.cond, ...blockChildren(e.then), ...(e.else ? [e.else] : [])];
    case "While":
      return [e.cond, ...blockChildren(e.body)];
    case "Loop":
      return blockChildren(e.body);
    case "For":
      return [e.iter, ...blockChildren(e.body)];
    default:
      return shallowChildren(e);
  }
}

export function blockChildren(b: ast.Block): ast.Expr[] {
  const out: ast.Expr[] = [];
  for (const s of b.stmts) {
    if (s.kind === "Let") {
      if (s.init) out.push(s.init);
      if (s.else) out.push(...blockChildren(s.else));
    } else if (s.kind === "ExprStmt") out.push(s.expr);
  }
  if (b.tail) out.push(b.tail);
  return out;
}

import { childExprs as shallowChildren } from "./defs.js";
export { isIntegral };
