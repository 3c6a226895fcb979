// Emitting one function body: statements and expressions, plain or as an async state machine.
//
// Plain code is emitted as the JavaScript it reads like: `let`, `if`, `while`, calls. What Rust does
// implicitly becomes explicit where it is observable:
//
//   [rust]                               [lowered]
//   let b = a;       // a: Point         let b = rt.relocate(a, "4:13");     (pointers into `a` dangle)
//   let c = p;       // p: Copy          let c = rt.copy(p);
//   let r = &x;                          let r = rt.Ptr.to($f, "x", "6:13"); ($f: the address-taken locals)
//   *r += 1;                             r.set(rt.i32_add(r.get("7:5"), 1, "7:5"), "7:5");
//   { let g = Guard; … }                 { let g = new Guard(); try { … } finally { rt.drop_in_place(g, …) } }
//
// In an async body (STYLE.md rule 3: lower only what suspends), statements without an `.await` are
// emitted the same way inside the `case` of the state they run in; a construct that contains an
// `.await` is flattened into labelled cases of the `switch` with explicit jumps, the way
// TypeScript's generators transform and Regenerator do it:
//
//   [rust]                               [lowered]
//   while i < n {                        case 100: if (!(this.i < this.n)) { $pc = 101; continue $m; }
//       f().await;                                 this.__awaitee = f(); this.state = 3;
//       i += 1;                          case 3:   { const $r = this.__awaitee.poll(…); if ($r === rt.PENDING) return rt.PENDING; }
//   }                                              this.i = rt.usize_add(this.i, 1, …); $pc = 100; continue $m;
//                                        case 101: …

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import { walkPat } from "../syntax/walk.js";
import type { Adjustment, Local, LocalId, Res } from "../resolve/program.js";
import { Ty, isNumeric, type DefId } from "../resolve/ty.js";
import { def as defOf } from "../resolve/defs.js";
import type { Layout } from "../coroutine/layout.js";
import type { EmitContext } from "./context.js";
import { descOf } from "./desc.js";
import { stdCall, stdPath, type StdArgs } from "./std.js";
import { jsIdent, jsProp, jsString, Writer } from "./writer.js";

/** Where a Rust place lives in the emitted code. */
export type PlaceRef =
  /** A plain JS variable (not address-taken). */
  | { readonly k: "js"; readonly name: string }
  /** `obj.key` (a frame slot, a saved local of a future, a field of a struct or tuple). */
  | { readonly k: "slot"; readonly obj: string; readonly key: string; readonly computed?: boolean }
  /** `*ptr` through a mutable pointer (always a `Ptr`). */
  | { readonly k: "derefMut"; readonly ptr: string; readonly raw?: boolean }
  /** `*r` through a shared reference (a value or a `Ptr`). */
  | { readonly k: "derefShared"; readonly ref: string }
  /** An element of a Vec / VecDeque (`.index`/`.set`/`.index_mut`). */
  | { readonly k: "vecElem"; readonly vec: string; readonly index: string; readonly at?: string }
  /** A temporary value with no place (an rvalue). */
  | { readonly k: "value"; readonly expr: string };

interface DropScope {
  /** Locals with observable drops declared in this scope, in order. */
  readonly locals: { readonly place: PlaceRef; readonly span: Span }[];
  /** Temporaries with observable drops to drop when the scope ends (statement temporaries). */
  readonly temps: { readonly expr: string; readonly span: Span }[];
  readonly kind: "block" | "temps";
  /** JS variables of those locals, declared before the `try` so that `finally` can see them. */
  readonly hoisted?: string[];
  /** Address-taken locals declared in the scope: their frame slots die when it ends. */
  readonly frameSlots?: string[];
}

interface LoopTarget {
  readonly label: string | undefined;
  /** Plain: the JS label of the loop. */
  readonly jsLabel: string;
  /** Where `break value` writes (a temp), if the loop has a value. */
  readonly result: string | undefined;
  /** The drop-scope depth outside the loop (for breaks) and at the loop body (for continue). */
  readonly scopeDepth: number;
  /** Async flattening: the labels to jump to. */
  readonly breakLabel?: number;
  readonly continueLabel?: number;
  readonly isBlock: boolean;
}

export interface BodySpec {
  /** The fn whose generics are in scope. */
  readonly fnDef: DefId | undefined;
  /** The async body's layout, when emitting a state machine. */
  readonly layout?: Layout;
  /** Captured variables (closures and async blocks): local → JS expression of the captured place. */
  readonly captures?: Map<LocalId, PlaceRef>;
  /** The frame object's name (`$f` unless nested). */
  readonly frame?: string;
  /** The name of the future object inside `poll` (`this`). */
  readonly futureName?: string;
  /** A `#[track_caller]` body (a user `Index::index`): its panics name the caller's location, passed
   *  in `$caller` (undefined when called some other way: then its own). */
  readonly trackCaller?: boolean;
}

export class BodyEmitter {
  readonly w: Writer;
  private readonly scopes: DropScope[] = [];
  private readonly loops: LoopTarget[] = [];
  private readonly names = new Map<LocalId, PlaceRef>();
  private readonly usedNames = new Set<string>();
  /** Locals whose address is taken: they live in the frame object `$f`. */
  readonly addressTaken = new Set<LocalId>();
  private tempId = 0;
  /** The return value's destination in async bodies (`return` writes here then jumps). */
  readonly isAsync: boolean;
  readonly fut: string;
  /** The frame object of the address-taken locals: `$f`, and `$f1`, `$f2`… in nested closures. */
  readonly frame: string;

  constructor(
    readonly ctx: EmitContext,
    readonly spec: BodySpec,
    w?: Writer,
  ) {
    this.w = w ?? new Writer(ctx.opts.flavour);
    this.isAsync = !!spec.layout;
    this.fut = spec.futureName ?? "this";
    this.frame = spec.frame ?? "$f";
    for (const n of ["rt", this.frame, "$pc", "$m", "self"]) this.usedNames.add(n);
    // A future's own fields and methods: saved locals must not take their names.
    if (this.isAsync) for (const n of ["state", "poll", "__awaitee", "$pa", "constructor", "tag", "env", "$desc", "$rust"]) this.usedNames.add(n);
  }

  get p() {
    return this.ctx.program;
  }
  get lang() {
    return this.ctx.lang;
  }

  // ------------------------------------------------------------------------------------------------
  // Names and places of locals

  private freshJs(base: string): string {
    let n = jsIdent(base);
    if (this.usedNames.has(n)) {
      for (let i = 2; ; i++) {
        if (!this.usedNames.has(`${n}_${i}`)) {
          n = `${n}_${i}`;
          break;
        }
      }
    }
    this.usedNames.add(n);
    return n;
  }

  /** Fields of a future that are not Rust locals (a `for` loop's `iter`). */
  readonly extraFields: string[] = [];

  /** Fields of a future holding a statement temporary with drop glue (`Noisy("t").0.len() +
   *  f().await` keeps the `Noisy` across the `.await`): a future dropped there drops them too. */
  readonly droppedTemps: string[] = [];

  extraField(base: string): string {
    const n = this.freshJs(base);
    this.extraFields.push(n);
    return n;
  }

  freshRawName(base: string): string {
    return this.freshRaw(base);
  }

  /** A fresh name for the emitter's own variables (`$g1`): never a Rust name. */
  private freshRaw(base: string): string {
    for (let i = 1; ; i++) {
      if (!this.usedNames.has(`${base}${i}`)) {
        this.usedNames.add(`${base}${i}`);
        return `${base}${i}`;
      }
    }
  }

  /** How many `$N` temporaries the body used (a future declares them as fields). */
  get tempCount(): number {
    return this.tempId;
  }

  temp(): string {
    const n = `$${this.tempId++}`;
    return this.isAsync ? `${this.fut}.${n}` : n;
  }

  /** Declares a local and returns where it lives. */
  declareLocal(id: LocalId): PlaceRef {
    const l = this.p.locals[id]!;
    if (this.isAsync) {
      const name = this.freshJs(l.name === "_" ? "_unused" : l.name);
      const p: PlaceRef = { k: "slot", obj: this.fut, key: name };
      this.names.set(id, p);
      this.fieldNames.push({ name, local: l });
      return p;
    }
    const name = this.freshJs(l.name === "_" ? "_unused" : l.name);
    const p: PlaceRef = this.addressTaken.has(id) ? { k: "slot", obj: this.frame, key: name } : { k: "js", name };
    this.names.set(id, p);
    return p;
  }

  /** Fields of the future (async bodies), for the class declaration. */
  readonly fieldNames: { name: string; local: Local }[] = [];

  placeOfLocal(id: LocalId): PlaceRef {
    const p = this.names.get(id) ?? this.spec.captures?.get(id);
    if (p) return p;
    return this.declareLocal(id);
  }

  /** Scans a body for locals whose address is taken (they need a frame slot for `Ptr`s). */
  findAddressTaken(root: ast.Block | ast.Expr): void {
    const visit = (e: ast.Expr): void => {
      if (e.kind === "Ref") this.markBorrowed(e.operand);
      if (e.kind === "MacroCall" && (e.call.macro === "addr_of" || e.call.macro === "addr_of_mut")) this.markBorrowed(e.call.place);
      if (e.kind === "MethodCall") {
        const m = this.p.methods.get(e.id);
        const adj = this.p.adjustments.get(e.receiver.id) ?? [];
        if (m && !this.ctx.tcx.def(m.def).std && adj.some((a) => a.kind === "borrow")) this.markBorrowed(e.receiver);
      }
      if (e.kind === "AsyncBlock") {
        for (const c of this.p.asyncBlocks.get(e.id)?.captures ?? []) if (c.mode !== "value" && c.path.length === 0) this.addressTaken.add(c.local);
      }
      if (e.kind === "Match" || e.kind === "LetCond") {
        const arms = e.kind === "Match" ? e.arms.map((a) => a.pat) : [e.pat];
        if (arms.some((p) => hasRefBinding(p, this.p.bindings, this.p.locals))) this.markBorrowed(e.scrutinee);
      }
      for (const c of childExprsAll(e)) visit(c);
    };
    const visitBlock = (b: ast.Block) => {
      for (const s of b.stmts) {
        if (s.kind === "Let") {
          if (s.init) {
            visit(s.init);
            if (hasRefBinding(s.pat, this.p.bindings, this.p.locals)) this.markBorrowed(s.init);
          }
          if (s.else) visitBlock(s.else);
        } else if (s.kind === "ExprStmt") visit(s.expr);
      }
      if (b.tail) visit(b.tail);
    };
    if ("stmts" in root && root.kind === "Block") visitBlock(root);
    else visit(root as ast.Expr);
  }

  private markBorrowed(e: ast.Expr): void {
    if (e.kind === "Path") {
      const r = this.p.res.get(e.id);
      if (r?.kind === "local") this.addressTaken.add(r.local);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Output

  line(s: string): void {
    this.w.line(s);
  }

  /** The type of an expression before adjustments. */
  tyOfExpr(e: ast.Expr): Ty {
    return this.tyOf(e);
  }

  private tyOf(e: ast.Expr): Ty {
    return this.p.exprTypes.get(e.id) ?? Ty.error;
  }

  adjustedTy(e: ast.Expr): Ty {
    const adj = this.p.adjustments.get(e.id);
    return adj && adj.length ? adj[adj.length - 1]!.target : this.tyOf(e);
  }

  loc(span: Span): string {
    return this.spec.trackCaller ? `($caller ?? ${this.ctx.loc(span)})` : this.ctx.loc(span);
  }

  isCopy(t: Ty): boolean {
    return this.ctx.isCopy(t, this.spec.fnDef);
  }

  private observableDrop(t: Ty): boolean {
    return this.ctx.observableDrop(t, this.spec.fnDef);
  }

  // ------------------------------------------------------------------------------------------------
  // Places

  read(p: PlaceRef, span: Span): string {
    switch (p.k) {
      case "js":
        return p.name;
      case "slot":
        return p.computed ? `${p.obj}[${p.key}]` : `${p.obj}.${p.key}`;
      case "derefMut":
        return `${p.ptr}.get(${this.loc(span)})`;
      case "derefShared":
        return `rt.deref(${p.ref}, ${this.loc(span)})`;
      case "vecElem":
        return `${p.vec}.index(${p.index}, ${p.at ?? this.loc(span)})`;
      case "value":
        return p.expr;
    }
  }

  write(p: PlaceRef, v: string, span: Span): string {
    switch (p.k) {
      case "js":
        return `${p.name} = ${v}`;
      case "slot":
        return p.computed ? `${p.obj}[${p.key}] = ${v}` : `${p.obj}.${p.key} = ${v}`;
      case "derefMut":
      case "derefShared":
        return `${p.k === "derefMut" ? p.ptr : p.ref}.set(${v}, ${this.loc(span)})`;
      case "vecElem":
        return `${p.vec}.set(${p.index}, ${v}, ${p.at ?? this.loc(span)})`;
      case "value":
        return `void (${v})`;
    }
  }

  /** `&place` / `&mut place` as a `Ptr`. */
  borrow(p: PlaceRef, span: Span): string {
    const l = this.loc(span);
    switch (p.k) {
      case "js":
        // Not address-taken (a shared borrow the emitter reads through): a temporary place.
        return `rt.Ptr.temp(${p.name}, ${l})`;
      case "slot":
        return p.computed ? `rt.Ptr.to(${p.obj}, ${p.key}, ${l})` : `rt.Ptr.to(${p.obj}, ${jsString(p.key)}, ${l})`;
      case "derefMut":
        // `&*raw`: making a reference through a raw pointer is already a use of it (checked).
        return p.raw ? `${p.ptr}.reborrow(${l})` : p.ptr;
      case "derefShared":
        return p.ref;
      case "vecElem":
        return `${p.vec}.index_mut(${p.index}, ${p.at ?? l})`;
      case "value":
        return `rt.Ptr.temp(${p.expr}, ${l})`;
    }
  }

  /** Moving a value out of a place: pointers to and into it dangle. */
  moveOut(p: PlaceRef, ty: Ty, span: Span): string {
    const l = this.loc(span);
    const composite = this.ctx.isComposite(ty);
    switch (p.k) {
      case "slot":
        if (p.computed) return composite ? `rt.relocate(${p.obj}[${p.key}], ${l})` : `${p.obj}[${p.key}]`;
        return `rt.moveOut(${p.obj}, ${jsString(p.key)}, ${l})`;
      case "js":
        // The variable is left MOVED so that the drop at the end of its scope skips it.
        if (this.observableDrop(ty)) return `rt.moveLocal(${p.name}, (${p.name} = rt.MOVED${this.w.ty(" as any")}), ${l})`;
        return composite ? `rt.relocate(${p.name}, ${l})` : p.name;
      default: {
        const v = this.read(p, span);
        return composite ? `rt.relocate(${v}, ${l})` : v;
      }
    }
  }

  /** The place an expression denotes (evaluating what it needs). */
  place(e: ast.Expr): PlaceRef {
    const adj = this.p.adjustments.get(e.id) ?? [];
    let p = this.placeUnadjusted(e);
    let ty = this.tyOf(e);
    for (const a of adj) {
      if (a.kind === "deref") {
        p = this.derefPlace(p, ty, a, e.span);
        ty = a.target;
      } else {
        // A borrow or coercion makes a value, not a place.
        return { k: "value", expr: this.applyAdjustments(this.read(p, e.span), this.tyOf(e), adj, e.span) };
      }
    }
    return p;
  }

  private derefPlace(p: PlaceRef, ty: Ty, a: Adjustment & { kind: "deref" }, span: Span): PlaceRef {
    const v = this.read(p, span);
    if (a.overloaded === "none") {
      if (ty.k === "ref") {
        if (ty.inner.k === "str" || ty.inner.k === "slice") return { k: "value", expr: v };
        return ty.mutable ? { k: "derefMut", ptr: v } : { k: "derefShared", ref: v };
      }
      if (ty.k === "ptr") return { k: "derefMut", ptr: v, raw: true };
      if (ty.k === "adt" && ty.def === this.lang.Box) return { k: "slot", obj: v, key: "v" };
      return { k: "value", expr: v };
    }
    return this.overloadedDerefPlace(v, ty, a.target, a.overloaded === "derefMut", span);
  }

  /** `*x` through `Deref`/`DerefMut` as a place: guards and smart pointers hand out a pointer to
   *  their target (`guard.deref_mut(loc)`), so that the target can be read and written in place. */
  private overloadedDerefPlace(v: string, from: Ty, to: Ty, mutable: boolean, span: Span): PlaceRef {
    const L = this.lang;
    const l = this.loc(span);
    if (from.k === "adt") {
      const d = this.ctx.tcx.def(from.def);
      if (from.def === L.Box) return { k: "slot", obj: v, key: "v" };
      if (from.def === L.Pin) {
        const inner = from.args[0];
        if (inner?.k === "adt" && inner.def === L.Box) return { k: "slot", obj: v, key: "v" };
        if (inner?.k === "ref" && inner.mutable) return { k: "derefMut", ptr: v };
        return { k: "derefShared", ref: v };
      }
      if (d.std && ["RefMut", "MutexGuard"].includes(d.name)) return { k: "derefMut", ptr: `${v}.deref_mut(${l})` };
      if (d.std && ["Rc", "Arc", "Ref"].includes(d.name)) return { k: "derefShared", ref: `${v}.deref(${l})` };
      if (!d.std) {
        const viaMut = mutable || this.ctx.solver(this.spec.fnDef).implements(from, L.DerefMut) === "yes";
        const m = viaMut ? this.ctx.methodNames.get(this.userDerefMethod(from, "deref_mut")!) ?? "deref_mut" : this.ctx.methodNames.get(this.userDerefMethod(from, "deref")!) ?? "deref";
        const r = `${v}.${m}(rt.Ptr.temp(${v}, ${l}))`;
        return viaMut ? { k: "derefMut", ptr: r } : { k: "derefShared", ref: r };
      }
    }
    return { k: "value", expr: this.overloadedDeref(v, from, to, mutable, span) };
  }

  /** `m[i]` on a user type: a call of its `impl Index` / `impl IndexMut`, whose reference result is
   *  the place.
   *    [rust]     m[(1, 1)] *= -1;
   *    [lowered]  const $0 = Matrix.prototype.index_mut(rt.Ptr.to($f, "m", …), [1, 1]);
   *               $0.set(rt.i32_mul($0.get(…), -1, …), …); */
  private userIndex(e: ast.IndexExpr, objTy: Ty, mutable: boolean): PlaceRef | undefined {
    if (objTy.k !== "adt" || this.ctx.tcx.def(objTy.def).std) return undefined;
    const viaMut = mutable && this.ctx.solver(this.spec.fnDef).implements(objTy, this.lang.IndexMut) === "yes";
    const method = this.userIndexMethod(objTy, this.adjustedTy(e.index), viaMut ? "IndexMut" : "Index");
    if (!method) return undefined;
    const self = this.borrow(this.withMutablePlace(viaMut, () => this.place(e.object)), e.object.span);
    const idx = this.expr(e.index);
    // `Index::index` is `#[track_caller]` in std: a panic inside the impl names this `[`.
    const call = `${method}(${self}, ${idx}, ${this.bracketLoc(e)})`;
    const out = this.tyOf(e);
    if (out.k === "str" || out.k === "slice") return { k: "value", expr: call };
    return viaMut ? { k: "derefMut", ptr: call } : { k: "derefShared", ref: call };
  }

  /** Where rustc's index panics point: the `[` of `v[i]`. */
  private bracketLoc(e: ast.IndexExpr): string {
    const text = this.ctx.file.text;
    let b = e.index.span.lo - 1;
    while (b > e.object.span.hi && text[b] !== "[") b--;
    return this.loc({ lo: b, hi: b + 1 });
  }

  /** `Owner.prototype.index` of the user impl of `Index<I>` (or `IndexMut<I>`) for `t`; with
   *  several impls (`Index<usize>` and `Index<(usize, usize)>`), the one whose `I` is `idx`. */
  private userIndexMethod(t: Ty & { k: "adt" }, idx: Ty, trait: "Index" | "IndexMut"): string | undefined {
    const traitDef = this.lang[trait];
    const candidates: DefId[] = [];
    for (const i of this.p.table.impls) {
      const h = this.ctx.tcx.implHeader(i);
      if (h.selfTy.k === "adt" && h.selfTy.def === t.def && h.traitRef?.trait === traitDef) candidates.push(i);
    }
    const printed = this.ctx.printTy(idx);
    const impl = candidates.length === 1 ? candidates[0] : candidates.find((i) => this.ctx.printTy(this.ctx.tcx.implHeader(i).traitRef!.args[0] ?? Ty.unit) === printed);
    if (impl === undefined) return undefined;
    const item = defOf(this.p.table, impl, "impl").items.get(trait === "Index" ? "index" : "index_mut");
    return item === undefined ? undefined : this.userImplMethod(item, impl);
  }

  private userDerefMethod(t: Ty & { k: "adt" }, name: string): DefId | undefined {
    for (const i of this.p.table.impls) {
      const h = this.ctx.tcx.implHeader(i);
      if (h.selfTy.k === "adt" && h.selfTy.def === t.def && h.traitRef) {
        const item = defOf(this.p.table, i, "impl").items.get(name);
        if (item !== undefined) return item;
      }
    }
    return undefined;
  }

  /** `*x` through a `Deref` impl: the target value (std types by their runtime representation). */
  overloadedDeref(v: string, from: Ty, to: Ty, mutable: boolean, span: Span): string {
    const L = this.lang;
    const l = this.loc(span);
    if (from.k === "adt") {
      const d = this.ctx.tcx.def(from.def);
      if (from.def === L.String) return `${v}.s`;
      if (from.def === L.Vec) return `${v}.as_slice()`;
      if (from.def === L.Box) return `${v}.v`;
      if (from.def === L.Pin) {
        const inner = from.args[0];
        if (inner?.k === "ref") return `rt.deref(${v}, ${l})`;
        if (inner?.k === "adt" && inner.def === L.Box) return `${v}.v`;
        return `rt.deref(${v}, ${l})`;
      }
      if (d.std && ["Rc", "Arc", "Ref", "RefMut", "MutexGuard", "ManuallyDrop"].includes(d.name)) return `${v}.${mutable ? "deref_mut" : "deref"}(${l}).get(${l})`;
      if (!d.std) {
        // A user `impl Deref`: call its `deref` (returns a reference).
        return `rt.deref(${v}.${mutable ? "deref_mut" : "deref"}(rt.Ptr.temp(${v}, ${l})), ${l})`;
      }
    }
    void to;
    return v;
  }

  /** The place of an assignment's left side, of a `&mut` borrow or of a `&mut self` receiver: an
   *  index into a user type is `IndexMut::index_mut` there, `Index::index` everywhere else (rustc
   *  makes the same choice from how the place is used). */
  private mutablePlace(e: ast.Expr): PlaceRef {
    return this.withMutablePlace(true, () => this.place(e));
  }

  private withMutablePlace<R>(mutable: boolean, f: () => R): R {
    const saved = this.inMutablePlace;
    this.inMutablePlace = mutable;
    try {
      return f();
    } finally {
      this.inMutablePlace = saved;
    }
  }

  private inMutablePlace = false;

  private placeUnadjusted(e: ast.Expr): PlaceRef {
    // Only the projections of the place itself are used mutably, not what they compute with
    // (`m[i[0]] = x` reads `i`).
    const mutable = this.inMutablePlace;
    this.inMutablePlace = false;
    try {
      return this.placeUnadjustedIn(e, mutable);
    } finally {
      this.inMutablePlace = mutable;
    }
  }

  private placeUnadjustedIn(e: ast.Expr, mutable: boolean): PlaceRef {
    switch (e.kind) {
      case "Path": {
        const r = this.p.res.get(e.id);
        if (r?.kind === "local") return this.placeOfLocal(r.local);
        if (r?.kind === "static") return { k: "derefMut", ptr: `${this.ctx.itemNames.get(r.def) ?? jsIdent(this.ctx.tcx.def(r.def).name)}()` };
        return { k: "value", expr: this.exprValue(e) };
      }
      case "Field": {
        const objTy = this.adjustedTy(e.object);
        const obj = this.read(this.withMutablePlace(mutable, () => this.place(e.object)), e.object.span);
        const idx = this.p.fieldIndex.get(e.id) ?? 0;
        if (objTy.k === "tuple") return { k: "slot", obj, key: String(idx), computed: true };
        return { k: "slot", obj, key: jsProp(e.field.name) };
      }
      case "Index": {
        const objTy = this.adjustedTy(e.object);
        const user = this.userIndex(e, objTy, mutable);
        if (user) return user;
        const base = this.read(this.place(e.object), e.object.span);
        const idx = this.expr(e.index);
        const at = this.bracketLoc(e);
        if (objTy.k === "adt" && (objTy.def === this.lang.Vec || objTy.def === this.lang.VecDeque) && isNumeric(this.adjustedTy(e.index))) return { k: "vecElem", vec: base, index: idx, at };
        if (objTy.k === "array" && isNumeric(this.adjustedTy(e.index))) return { k: "slot", obj: base, key: `rt.array_index_checked(${base}, ${idx}, ${at})`, computed: true };
        if (objTy.k === "slice" && isNumeric(this.adjustedTy(e.index))) return { k: "vecElem", vec: base, index: idx, at };
        // Ranges and other indexes: a value (a slice view or the element).
        return { k: "value", expr: `rt.index(${base}, ${idx}, ${at})` };
      }
      case "Unary": {
        if (e.op !== "deref") break;
        const inner = this.adjustedTy(e.operand);
        let v = this.expr(e.operand, { consume: false });
        if (!this.isPlaceExpr(e.operand)) v = this.spillTemporary(v, inner, e.operand.span);
        if (inner.k === "ref") {
          if (inner.inner.k === "str" || inner.inner.k === "slice") return { k: "value", expr: v };
          return inner.mutable ? { k: "derefMut", ptr: v } : { k: "derefShared", ref: v };
        }
        if (inner.k === "ptr") return { k: "derefMut", ptr: v, raw: true };
        if (inner.k === "adt" && inner.def === this.lang.Box) return { k: "slot", obj: v, key: "v" };
        return this.overloadedDerefPlace(v, inner, this.tyOf(e), false, e.span);
      }
      default:
        break;
    }
    return { k: "value", expr: this.spillTemporary(this.exprValue(e), this.tyOf(e), e.span) };
  }

  // ------------------------------------------------------------------------------------------------
  // Expressions

  /**
   * An expression's value, adjustments applied. `consume` (default true): the value is moved out of a
   * place (non-Copy) or copied (Copy aggregates); false: read in place (a receiver, an operand read).
   */
  expr(e: ast.Expr, opts: { consume?: boolean } = {}): string {
    const adj = this.p.adjustments.get(e.id) ?? [];
    const consume = opts.consume ?? true;
    const isPlace = this.isPlaceExpr(e);
    if (adj.length === 0) {
      if (isPlace) {
        const p = this.place(e);
        const ty = this.tyOf(e);
        if (!consume) return this.read(p, e.span);
        if (this.isCopy(ty)) return this.copyOf(this.read(p, e.span), ty);
        return this.moveOut(p, ty, e.span);
      }
      return this.exprValue(e);
    }
    // With adjustments: derefs keep a place; a borrow makes a reference; casts convert. An rvalue
    // that is dereferenced or borrowed is a statement temporary.
    const mutably = adj.some((a) => a.kind === "borrow" && a.mutable);
    let p: PlaceRef = isPlace ? this.withMutablePlace(mutably, () => this.placeUnadjusted(e)) : { k: "value", expr: adj[0]!.kind === "deref" || adj[0]!.kind === "borrow" ? this.spillTemporary(this.exprValue(e), this.tyOf(e), e.span) : this.exprValue(e) };
    let ty = this.tyOf(e);
    for (let i = 0; i < adj.length; i++) {
      const a = adj[i]!;
      if (a.kind === "deref") {
        p = this.derefPlace(p, ty, a, e.span);
        ty = a.target;
        continue;
      }
      // The rest turns the place into a value.
      const rest = adj.slice(i);
      return this.applyAdjustments(null, ty, rest, e.span, p);
    }
    if (!consume) return this.read(p, e.span);
    if (this.isCopy(ty)) return this.copyOf(this.read(p, e.span), ty);
    return this.moveOut(p, ty, e.span);
  }

  private copyOf(v: string, ty: Ty): string {
    return this.ctx.isComposite(ty) ? `rt.copy(${v})` : v;
  }

  /** Applies borrow / unsize / cast adjustments to a value or a place. */
  private applyAdjustments(value: string | null, ty: Ty, adj: readonly Adjustment[], span: Span, place?: PlaceRef): string {
    let v = value;
    let p = place;
    let t = ty;
    for (const a of adj) {
      switch (a.kind) {
        case "deref":
          p = this.derefPlace(p ?? { k: "value", expr: v! }, t, a, span);
          v = null;
          break;
        case "borrow": {
          // `&place`: a reference. `&str`/`&[T]` targets are values; `&T` a Ptr (or, for a shared
          // borrow of a value with no place, the value itself).
          const target = a.target.k === "ref" ? a.target.inner : t;
          const pl = p ?? { k: "value" as const, expr: v! };
          if (target.k === "str" || target.k === "slice") v = this.read(pl, span);
          // A shared borrow of a JS local is the local's value — unless that value is itself a pointer
          // (`&a` with `a: Pin<&mut T>`), which reading through the borrow would then skip.
          else if (!a.mutable && pl.k === "js" && !this.ptrRepresented(t)) v = pl.name;
          else if (!a.mutable && pl.k === "value") v = pl.expr;
          else if (!a.mutable && pl.k === "derefShared") v = pl.ref;
          else v = this.borrow(pl, span);
          p = undefined;
          break;
        }
        case "unsize": {
          const src = v ?? this.read(p!, span);
          v = this.unsize(src, t, a.target);
          p = undefined;
          break;
        }
        case "cast": {
          const src = v ?? this.read(p!, span);
          v = src;
          p = undefined;
          break;
        }
      }
      t = a.target;
    }
    if (v === null) v = this.read(p!, span);
    return v;
  }

  /** Whether values of `t` are `Ptr`s at run time (references other than `&str`/`&[T]`, raw pointers,
   *  `Pin<&mut T>`). */
  private ptrRepresented(t: Ty): boolean {
    if (t.k === "ptr") return true;
    if (t.k === "ref") return t.inner.k !== "str" && t.inner.k !== "slice";
    return t.k === "adt" && t.def === this.lang.Pin && t.args[0]?.k === "ref";
  }

  /** `&[T; N]` → `&[T]`, `Box<T>` → `Box<dyn Trait>`, … */
  private unsize(v: string, from: Ty, to: Ty): string {
    const inner = (t: Ty): Ty => (t.k === "ref" || t.k === "ptr" ? t.inner : t);
    const f = inner(from);
    const t = inner(to);
    if (t.k === "slice") {
      if (f.k === "array") return `rt.slice_of(rt.deref(${v}))`;
      if (f.k === "adt" && f.def === this.lang.Vec) return `rt.deref(${v}).as_slice()`;
    }
    return v;
  }

  isPlaceExpr(e: ast.Expr): boolean {
    switch (e.kind) {
      case "Path": {
        const r = this.p.res.get(e.id);
        return r?.kind === "local" || r?.kind === "static";
      }
      case "Field":
      case "Index":
        return true;
      case "Unary":
        return e.op === "deref";
      default:
        return false;
    }
  }

  /** An rvalue expression (no adjustments applied). */
  exprValue(e: ast.Expr): string {
    switch (e.kind) {
      case "Lit":
        return this.lit(e, this.tyOf(e));
      case "Path":
        return this.pathValue(e);
      case "Unary":
        return this.unary(e);
      case "Ref":
        return this.refExpr(e);
      case "Binary":
        return this.binary(e);
      case "Assign":
      case "CompoundAssign":
        this.assignStmt(e);
        return "undefined";
      case "Call":
        return this.call(e);
      case "MethodCall":
        return this.methodCall(e);
      case "Field":
      case "Index":
        return this.read(this.place(e), e.span);
      case "Tuple":
        if (e.elems.length === 0) return "undefined";
        return `[${this.operands(e.elems).join(", ")}]`;
      case "Array":
        return `[${this.operands(e.elems).join(", ")}]`;
      case "ArrayRepeat": {
        const n = this.tyOf(e).k === "array" ? (this.tyOf(e) as { len?: number }).len : undefined;
        const elemTy = this.tyOf(e.elem);
        return `rt.array_repeat(${this.expr(e.elem)}, ${n ?? this.expr(e.len)}, ${this.cloneFn(elemTy)})`;
      }
      case "Struct":
        return this.structLit(e);
      case "Cast":
        return this.cast(e);
      case "Range":
        return this.range(e);
      case "Closure":
        return this.closure(e);
      case "AsyncBlock":
        return this.asyncBlock(e);
      case "MacroCall":
        return this.macro(e);
      case "Error":
        return "undefined";
      default:
        // Statement-like expressions in value position: evaluate into a temporary.
        return this.viaTemp(e);
    }
  }

  /** A statement-like expression used as a value: `let $t; <construct assigning $t>; $t`. */
  viaTemp(e: ast.Expr): string {
    const ty = this.tyOf(e);
    if (ty.k === "never") {
      this.unadjusted.add(e.id);
      this.stmtExpr(e, { kind: "discard" });
      this.unadjusted.delete(e.id);
      return "undefined";
    }
    const t = this.temp();
    if (!this.isAsync) this.line(`let ${t}${this.w.ty(`: ${this.ctx.tsType(ty)}`)};`);
    this.unadjusted.add(e.id);
    this.stmtExpr(e, { kind: "assign", target: t });
    this.unadjusted.delete(e.id);
    return t;
  }

  private lit(e: ast.LitExpr, ty: Ty): string {
    const l = e.lit;
    switch (l.type) {
      case "int":
        if (ty.k === "float") return formatFloat(Number(l.value));
        return intLiteral(l.value);
      case "float":
        return ty.k === "float" && ty.kind === "f32" ? `rt.f32_literal(${jsString(l.text.replace(/_?f(32|64)$/, ""))})` : formatFloat(l.value);
      case "bool":
        return String(l.value);
      case "char":
        return jsString(l.value);
      case "byte":
        return String(l.value);
      case "str":
        return jsString(l.value);
      case "byteStr":
        return `rt.slice_of([${l.value.join(", ")}])`;
    }
  }

  private pathValue(e: ast.PathExpr): string {
    const r = this.p.res.get(e.id);
    if (!r) return "undefined";
    switch (r.kind) {
      case "local":
      case "static":
        return this.read(this.place(e), e.span);
      case "fn":
        return this.fnValue(r, e.span);
      case "ctor": {
        // A tuple struct or tuple variant named without a call is its constructor function (`.map(Some)`).
        const d = this.ctx.tcx.def(r.def);
        const n = d.kind === "struct" || d.kind === "variant" ? (d.node.shape === "tuple" ? this.ctx.tcx.fieldsOf(r.def).length : 0) : 0;
        if (n > 0) {
          const ps = Array.from({ length: n }, (_, i) => `$c${i}`);
          return `(${ps.map((p) => `${p}${this.w.ty(": any")}`).join(", ")}) => ${this.ctorValue(r, ps, e.span)}`;
        }
        return this.ctorValue(r, [], e.span);
      }
      case "const":
        return this.constValue(r, e.span);
      case "error":
        return "undefined";
    }
  }

  /** A fn item as a value (`map(f)`, `let g = foo;`). */
  private fnValue(r: Res & { kind: "fn" }, span: Span): string {
    const d = this.ctx.tcx.def(r.def);
    if (d.std) {
      const sig = this.ctx.tcx.fnSig(r.def);
      const params = sig.inputs.map((_, i) => `a${i}`);
      const call = stdCall(this, { def: r.def, args: r.args, selfTy: r.selfTy, span, recv: undefined, operands: params, argTys: sig.inputs, retTy: sig.output });
      return `((${params.map((p) => `${p}${this.w.ty(": any")}`).join(", ")}) => ${call})`;
    }
    const name = this.ctx.itemNames.get(r.def);
    if (name) return name;
    return this.methodRef(r.def);
  }

  /** A user method or associated fn as a callable: `Type.method` / instance-dispatched. */
  private methodRef(def: DefId): string {
    const d = defOf(this.p.table, def, "fn");
    if (d.container.kind === "impl") {
      const owner = this.implOwnerName(d.container.impl);
      return `${owner}.${this.ctx.methodNames.get(def) ?? jsIdent(d.name)}`;
    }
    return jsIdent(d.name);
  }

  /** `Owner.prototype.method` (or `ImplObject.method`) of a user impl's item for a std trait method. */
  userImplMethod(def: DefId, impl: DefId | undefined): string | undefined {
    if (impl === undefined || this.ctx.tcx.def(impl).std) return undefined;
    const name = this.ctx.tcx.def(def).name;
    const item = defOf(this.p.table, impl, "impl").items.get(name);
    if (item === undefined) return undefined;
    const h = this.ctx.tcx.implHeader(impl);
    const fd = defOf(this.p.table, item, "fn");
    const jsName = this.ctx.methodNames.get(item) ?? jsIdent(name);
    if (h.selfTy.k === "adt" && this.ctx.itemNames.has(h.selfTy.def)) {
      const cls = this.ctx.itemNames.get(h.selfTy.def)!;
      return fd.node.selfParam ? `${cls}.prototype.${jsName}` : `${cls}.${jsName}`;
    }
    const obj = this.ctx.itemNames.get(impl);
    return obj ? `${obj}.${jsName}` : undefined;
  }

  implOwnerName(impl: DefId): string {
    const h = this.ctx.tcx.implHeader(impl);
    if (h.selfTy.k === "adt") {
      const n = this.ctx.itemNames.get(h.selfTy.def);
      if (n) return n;
    }
    return this.ctx.itemNames.get(impl) ?? "undefined";
  }

  private constValue(r: Res & { kind: "const" }, span: Span): string {
    const d = this.ctx.tcx.def(r.def);
    if (d.std) return stdCall(this, { def: r.def, args: [], selfTy: r.selfTy, span, recv: undefined, operands: [], argTys: [], retTy: Ty.unit, isConst: true });
    const name = this.ctx.itemNames.get(r.def);
    if (name) return `${name}()`;
    if (d.kind === "const" && d.container.kind !== "free") {
      const owner = this.assocOwner(d.container.kind === "impl" ? this.ctx.tcx.implHeader(d.container.impl).selfTy : r.selfTy, d.container.kind === "impl" ? d.container.impl : undefined, span, `\`${d.name}\``);
      return `${owner}.${jsIdent(d.name)}`;
    }
    return jsIdent(d.name);
  }

  /** `<C as Trait>::Name` in generic code: the associated type of the class of a value of `C` this fn
   *  has (the receiver for `Self`, or a parameter of type `C`, `&C`, `Box<C>`), read at run time. */
  assocDescOf(t: Ty & { k: "assoc" }): string | undefined {
    const self = t.self;
    if (self.k !== "param") return undefined;
    const holder = this.valueOfParam(self.name);
    return holder === undefined ? undefined : `rt.T.assocOf(${this.read(this.placeOfLocal(holder), this.spanOfFn())}, ${jsString(`${this.ctx.tcx.def(t.trait).name}::${t.name}`)})`;
  }

  /** A local holding a value of the type parameter `name`: `self` for `Self`, or a by-name parameter
   *  of type `name`, `&name`, `Box<name>`. */
  private valueOfParam(name: string): LocalId | undefined {
    const body = this.spec.fnDef !== undefined ? this.p.bodies.find((b) => b.def === this.spec.fnDef) : undefined;
    if (name === "Self") return body?.selfLocal;
    const strip = (x: Ty): Ty => (x.k === "ref" ? strip(x.inner) : x.k === "adt" && x.def === this.lang.Box && x.args[0] ? strip(x.args[0]) : x);
    const holder = body?.params.find((p) => {
      const pt = strip(p.ty);
      return pt.k === "param" && pt.name === name && p.bindings.length === 1 && p.pat.kind === "IdentPat";
    });
    return holder?.bindings[0];
  }

  private spanOfFn(): Span {
    const body = this.spec.fnDef !== undefined ? this.p.bodies.find((b) => b.def === this.spec.fnDef) : undefined;
    return body?.node.span ?? { lo: 0, hi: 0 };
  }

  /** The JS object that holds the associated items of `selfTy`'s impls: its class (a user struct or
   *  enum), or the impl's object (an impl for another type). */
  assocOwner(selfTy: Ty | undefined, impl: DefId | undefined, span: Span, what: string): string {
    const t = selfTy && this.ctx.solver(this.spec.fnDef).normalize(selfTy);
    if (t?.k === "adt" && !this.ctx.tcx.def(t.def).std) return this.ctx.itemNames.get(t.def)!;
    if (impl !== undefined && this.ctx.itemNames.has(impl)) return this.ctx.itemNames.get(impl)!;
    if (t?.k === "param") {
      // Generic code is not monomorphized; a value of the type parameter names its class at run time:
      // the receiver for `Self` (a trait's default method), or a parameter of type `C`, `&C`, `Box<C>`.
      const holder = this.valueOfParam(t.name);
      if (holder !== undefined) return `rt.class_of(${this.read(this.placeOfLocal(holder), span)})`;
    }
    if (t?.k === "param") this.ctx.unsupported(`${what} on the type parameter \`${t.name}\` (an associated item of a generic type, which needs monomorphization)`, span);
    else this.ctx.unsupported(`${what} of \`${t ? this.ctx.printTy(t) : "?"}\``, span);
    return "undefined";
  }

  /** A struct or variant built from operands in declaration order. */
  ctorValue(r: Res & { kind: "ctor" }, operands: string[], span: Span): string {
    const d = this.ctx.tcx.def(r.def);
    const L = this.lang;
    if (d.kind === "variant") {
      if (d.enumDef === L.Option) return d.index === 0 ? "rt.None()" : `rt.Some(${operands[0] ?? "undefined"})`;
      if (d.enumDef === L.Result) return `rt.${d.index === 0 ? "Ok" : "Err"}(${operands[0] ?? "undefined"})`;
      if (d.enumDef === L.Poll) return d.index === 0 ? operands[0] ?? "undefined" : "rt.PENDING";
      const en = this.ctx.itemNames.get(d.enumDef);
      if (!en) {
        const std = stdPath(this.ctx, d.enumDef);
        if (std === "cmp::Ordering") return String(d.index - 1);
        if (std === "sync::atomic::Ordering") return jsString(d.name);
        return `undefined`;
      }
      return `${en}.${jsIdent(d.name)}(${operands.join(", ")})`;
    }
    const name = this.ctx.itemNames.get(r.def);
    if (!name) {
      if (d.std && (d.name === "PhantomPinned" || d.name === "PhantomData")) return "undefined";
      if (d.std) return stdCall(this, { def: r.def, args: r.args, selfTy: undefined, span, recv: undefined, operands, argTys: [], retTy: Ty.unit, isCtor: true });
      return "undefined";
    }
    return `new ${name}(${operands.join(", ")})`;
  }

  /** Operands evaluated left to right; earlier ones are spilled when a later one needs statements. */
  operands(es: readonly ast.Expr[], opts: { consume?: boolean[] } = {}): string[] {
    const out: string[] = [];
    const later = es.map((_, i) => es.slice(i + 1).some((x) => this.needsStatements(x)));
    es.forEach((x, i) => {
      const v = this.expr(x, { consume: opts.consume?.[i] ?? true });
      if (later[i] && !isTrivial(v)) {
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        out.push(t);
      } else out.push(v);
    });
    return out;
  }

  /** Whether emitting `e` produces statements (control flow, awaits, early exits). */
  needsStatements(e: ast.Expr): boolean {
    switch (e.kind) {
      case "BlockExpr":
        return e.block.stmts.length > 0 || !!e.label || (!!e.block.tail && this.needsStatements(e.block.tail));
      case "If":
      case "Match":
      case "Loop":
      case "While":
      case "For":
      case "Break":
      case "Continue":
      case "Return":
      case "Try":
      case "Await":
      case "LetCond":
      case "Assign":
      case "CompoundAssign":
        return true;
      case "Closure":
      case "AsyncBlock":
        return false;
      case "MacroCall":
        if (["assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne", "matches", "join", "select", "pin", "dbg"].includes(e.call.macro)) return true;
        return childExprsAll(e).some((c) => this.needsStatements(c));
      default:
        return childExprsAll(e).some((c) => this.needsStatements(c));
    }
  }

  private structLit(e: ast.StructExpr): string {
    const r = this.p.res.get(e.id);
    if (!r || r.kind !== "ctor") return "undefined";
    const fields = this.ctx.tcx.fieldsOf(r.def);
    const vals = this.operands(e.fields.map((f) => f.value));
    const byIndex = new Map<number, string>();
    e.fields.forEach((f, i) => {
      const idx = fields.findIndex((x) => x.name === f.name.name);
      byIndex.set(idx, vals[i]!);
    });
    if (e.base) {
      const base = this.temp();
      const bv = this.expr(e.base, { consume: false });
      this.line(this.isAsync ? `${base} = ${bv};` : `const ${base}${this.w.ty(": any")} = ${bv};`);
      const sty = this.tyOf(e);
      fields.forEach((f, i) => {
        if (byIndex.has(i)) return;
        const fty = this.fieldTy(sty, i, r.def);
        const v = `${base}.${jsProp(f.name)}`;
        byIndex.set(i, this.isCopy(fty) ? this.copyOf(v, fty) : v);
      });
    }
    return this.ctorValue(r, fields.map((_, i) => byIndex.get(i) ?? "undefined"), e.span);
  }

  fieldTy(adtTy: Ty, i: number, variantDef?: DefId): Ty {
    if (adtTy.k !== "adt") return Ty.error;
    const tcx = this.ctx.tcx;
    const f = tcx.fieldsOf(variantDef ?? adtTy.def)[i];
    if (!f) return Ty.error;
    const s = tcx.substFor(tcx.genericsOf(adtTy.def), adtTy.args);
    return this.ctx.solver(this.spec.fnDef).normalize(tcx.subst(f.ty, s));
  }

  cloneFn(t: Ty): string {
    return this.isCopy(t) && !this.ctx.isComposite(t) ? "undefined" : `(v) => rt.desc_clone(${descOf(this.ctx, t)}, v)`;
  }

  private refExpr(e: ast.RefExpr): string {
    const inner = this.tyOf(e.operand);
    // `&str` / `&[T]` are values; `&expr` of an rvalue is a pointer to a temporary.
    if (inner.k === "str" || inner.k === "slice" || inner.k === "dyn") return this.expr(e.operand, { consume: false });
    if (!this.isPlaceExpr(e.operand) && !(this.p.adjustments.get(e.operand.id) ?? []).some((a) => a.kind === "deref")) {
      const v = this.spillTemporary(this.expr(e.operand), this.tyOf(e.operand), e.operand.span, this.extendedRef === e.id);
      return `rt.Ptr.temp(${v}, ${this.loc(e.span)})`;
    }
    return this.borrow(e.mutable ? this.mutablePlace(e.operand) : this.place(e.operand), e.span);
  }

  private unary(e: ast.UnaryExpr): string {
    if (e.op === "deref") return this.read(this.place(e), e.span);
    const t = this.adjustedTy(e.operand);
    const v = this.expr(e.operand);
    const base = t.k === "ref" ? t.inner : t;
    const val = t.k === "ref" ? `rt.deref(${v})` : v;
    if (e.op === "not") {
      if (base.k === "bool") return `!${paren(val)}`;
      if (base.k === "int") return `rt.int_not(rt.INT.${base.kind}, ${val})`;
      return this.userOp(e, "not", [val]);
    }
    if (base.k === "int") return `rt.int_neg(rt.INT.${base.kind}, ${val}, ${this.loc(e.span)})`;
    if (base.k === "float") return `-${paren(val)}`;
    return this.userOp(e, "neg", [val]);
  }

  /** `-v` / `!v` on a type with a user `impl Neg` / `impl Not`. */
  private userOp(e: ast.Expr, method: "neg" | "not", vals: string[]): string {
    return `rt.unop(${jsString(method)}, ${vals[0]}, ${this.loc(e.span)})`;
  }

  private binary(e: ast.BinaryExpr): string {
    const op = e.op;
    if (op === "&&" || op === "||") {
      if (this.needsStatements(e.rhs)) return this.viaTemp(e);
      return `${paren(this.expr(e.lhs))} ${op} ${paren(this.expr(e.rhs))}`;
    }
    const lt = this.adjustedTy(e.lhs);
    const rt = this.adjustedTy(e.rhs);
    const cmp = op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=";
    const [l, r] = this.operands([e.lhs, e.rhs], { consume: [!cmp, !cmp] });
    const base = (t: Ty) => (t.k === "ref" && (isNumeric(t.inner) || t.inner.k === "bool" || t.inner.k === "char") ? t.inner : t);
    const lb = base(lt);
    const rb = base(rt);
    const lv = lt.k === "ref" && lb !== lt ? `rt.deref(${l})` : l;
    const rv = rt.k === "ref" && rb !== rt ? `rt.deref(${r})` : r;
    const loc = this.loc(e.span);
    if (cmp) {
      if ((lb.k === "int" || lb.k === "float" || lb.k === "bool" || lb.k === "char") && lb.k === rb.k) {
        const js = op === "==" ? "===" : op === "!=" ? "!==" : op;
        if (lb.k === "float") return `${paren(lv)} ${js} ${paren(rv)}`;
        if (lb.k === "char" && (op !== "==" && op !== "!=")) return `rt.char_cmp(${lv}, ${rv}) ${js} 0`;
        return `${paren(lv)} ${js} ${paren(rv)}`;
      }
      // Text against text (`String`, `&str`, `&String`, in any mix): compared as strings.
      if (this.isText(lt) && this.isText(rt)) {
        const js = op === "==" ? "===" : op === "!=" ? "!==" : op;
        return op === "==" || op === "!=" ? `rt.text_of(${l}) ${js} rt.text_of(${r})` : `rt.str_cmp(rt.text_of(${l}), rt.text_of(${r})) ${js} 0`;
      }
      // PartialEq / PartialOrd through the types' descriptors.
      if (op === "==" || op === "!=") return `${op === "!=" ? "!" : ""}rt.desc_eq(${descOf(this.ctx, lt)}, ${l}, ${this.coerceEqOperand(r, rt, lt)})`;
      return `rt.partial_compare(${descOf(this.ctx, lt)}, ${l}, ${r}, ${jsString(op)})`;
    }
    if (lb.k === "int") {
      const k = lb.kind;
      const fn = { "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "rem", "&": "and", "|": "or", "^": "xor", "<<": "shl", ">>": "shr" }[op as "+"]!;
      if ((fn === "add" || fn === "sub" || fn === "mul") && ["i8", "i16", "i32", "u8", "u16", "u32", "i64", "u64", "isize", "usize"].includes(k)) return `rt.${k}_${fn}(${lv}, ${rv}, ${loc})`;
      if (fn === "shl" || fn === "shr") return `rt.int_${fn}(rt.INT.${k}, ${lv}, ${rv}, ${loc})`;
      if (fn === "and" || fn === "or" || fn === "xor") return `rt.int_${fn}(rt.INT.${k}, ${lv}, ${rv})`;
      return `rt.int_${fn}(rt.INT.${k}, ${lv}, ${rv}, ${loc})`;
    }
    if (lb.k === "float") {
      const jsop = op;
      const expr = `${paren(lv)} ${jsop} ${paren(rv)}`;
      if (op === "%") return `rt.float_rem(${lv}, ${rv})`;
      return lb.kind === "f32" ? `Math.fround(${expr})` : expr;
    }
    if (lb.k === "bool") {
      const jsop = op === "&" ? "&&" : op === "|" ? "||" : op === "^" ? "!==" : op;
      return `${paren(lv)} ${jsop} ${paren(rv)}`;
    }
    // Overloaded: String + &str, Duration + Duration, user `impl Add`.
    if (lt.k === "adt" && lt.def === this.lang.String && op === "+") return `rt.string_add(${l}, ${r})`;
    const info = this.lang.binops.get(op)!;
    return `rt.binop(${jsString(info.method)}, ${l}, ${r}, ${loc})`;
  }

  /** `String == &str` and friends compare through the left type's descriptor: give it a comparable. */
  /** `str`, `String`, or references to them. */
  private isText(t: Ty): boolean {
    let x = t;
    while (x.k === "ref") x = x.inner;
    return x.k === "str" || (x.k === "adt" && x.def === this.lang.String);
  }

  private coerceEqOperand(r: string, rt: Ty, lt: Ty): string {
    void lt;
    void rt;
    return r;
  }

  private cast(e: ast.CastExpr): string {
    const from = this.adjustedTy(e.operand);
    const to = this.tyOf(e);
    const v = this.expr(e.operand);
    if (to.k === "int") {
      if (from.k === "int") return from.kind === to.kind ? v : `rt.int_cast(rt.INT.${to.kind}, ${v})`;
      if (from.k === "float") return `rt.float_to_int(rt.INT.${to.kind}, ${v})`;
      if (from.k === "bool") return `(${v} ? 1 : 0)`;
      if (from.k === "char") return `rt.int_cast(rt.INT.${to.kind}, ${v}.codePointAt(0)${this.w.ty("!")})`;
      if (from.k === "ptr" || from.k === "ref") return `${v}.addr`;
      if (from.k === "adt") return `rt.int_cast(rt.INT.${to.kind}, rt.enum_discriminant(${v}))`;
    }
    if (to.k === "float") {
      if (from.k === "int") return to.kind === "f32" ? `Math.fround(Number(${v}))` : `Number(${v})`;
      if (from.k === "float") return to.kind === "f32" ? `Math.fround(${v})` : v;
    }
    if (to.k === "char" && from.k === "int") return `rt.u8_to_char(${v})`;
    // Pointer casts keep the pointer.
    return v;
  }

  private range(e: ast.RangeExpr): string {
    const ty = this.tyOf(e);
    const elem = ty.k === "adt" ? ty.args[0] : undefined;
    const kind = elem?.k === "int" ? `rt.INT.${elem.kind}` : elem?.k === "char" ? "\"char\"" : "rt.INT.i32";
    const ends = this.operands([e.lo, e.hi].filter((x): x is ast.Expr => !!x));
    const lo = e.lo ? ends[0] : undefined;
    const hi = e.hi ? ends[e.lo ? 1 : 0] : undefined;
    if (elem?.k === "char" && e.lo && e.hi) return `rt.char_range(${lo}, ${hi}${e.inclusive ? ", { inclusive: true }" : ""})`;
    if (e.lo && e.hi) return e.inclusive ? `rt.range_inclusive(${kind}, ${lo}, ${hi})` : `rt.range(${kind}, ${lo}, ${hi})`;
    if (e.lo) return `rt.range_from(${kind}, ${lo})`;
    if (e.hi) return `{ end: ${hi}${e.inclusive ? ", inclusive: true" : ""} }`;
    return "{}";
  }

  // ---------------- calls

  private call(e: ast.CallExpr): string {
    const r = e.callee.kind === "Path" ? this.p.res.get(e.callee.id) : undefined;
    if (r?.kind === "ctor") return this.ctorValue(r, this.operands(e.args), e.span);
    if (r?.kind === "fn") {
      const d = this.ctx.tcx.def(r.def);
      const args = this.operands(e.args);
      if (d.std) {
        const sig = this.ctx.tcx.fnSig(r.def);
        return stdCall(this, { def: r.def, args: r.args, selfTy: r.selfTy, span: e.span, recv: undefined, operands: args, argTys: e.args.map((a) => this.adjustedTy(a)), retTy: this.tyOf(e), argExprs: e.args, sig });
      }
      const fd = defOf(this.p.table, r.def, "fn");
      if (fd.node.selfParam) {
        // `Type::method(recv, args)`: a method called as a path.
        const recv = args[0]!;
        return `${this.receiverObject(recv, e.args[0] ? this.adjustedTy(e.args[0]) : Ty.error)}.${jsIdent(fd.name)}(${args.join(", ")})`;
      }
      const name = this.ctx.itemNames.get(r.def) ?? this.methodRef(r.def);
      return `${name}(${args.join(", ")})`;
    }
    // A closure, fn pointer or `Box<dyn Fn>`: call the JS function.
    const f = this.expr(e.callee, { consume: false });
    const args = this.operands(e.args);
    let ct = this.adjustedTy(e.callee);
    let fn = f;
    for (;;) {
      if (ct.k === "ref") fn = `rt.deref(${fn})`;
      else if (ct.k === "adt" && ct.def === this.lang.Box) fn = `${fn}.v`;
      else if (ct.k === "adt" && (ct.def === this.lang.Rc || ct.def === this.lang.Arc)) fn = `${fn}.deref().get()`;
      else break;
      ct = ct.k === "ref" ? ct.inner : ct.args[0] ?? Ty.error;
    }
    return `${paren(fn)}(${args.join(", ")})`;
  }

  /** The object a method is dispatched on, given the `self` argument. */
  receiverObject(self: string, selfTy: Ty): string {
    if (selfTy.k === "ref" || selfTy.k === "ptr") return `rt.deref(${self})`;
    if (selfTy.k === "adt" && selfTy.def === this.lang.Pin) return `rt.deref(${self})`;
    if (selfTy.k === "adt" && selfTy.def === this.lang.Box) return `${self}.v`;
    if (selfTy.k === "adt" && (selfTy.def === this.lang.Rc || selfTy.def === this.lang.Arc)) return `${self}.deref().get()`;
    return self;
  }

  private methodCall(e: ast.MethodCallExpr): string {
    const m = this.p.methods.get(e.id);
    if (!m) return "undefined";
    const d = this.ctx.tcx.def(m.def);
    const recvTy = this.adjustedTy(e.receiver);
    // The impl is known (the receiver's type is): call its method, or the trait's default method.
    let own = this.userImplMethod(m.def, m.impl);
    if (!own && m.impl !== undefined && !d.std && d.kind === "fn" && d.container.kind === "trait" && d.node.body && !this.ctx.tcx.def(m.impl).std) {
      const traitObj = this.ctx.itemNames.get(d.container.trait);
      if (traitObj) own = `${traitObj}.${jsIdent(d.name)}`;
    }
    if (own) {
      // A std trait's method implemented by a user type (`Wake::wake_by_ref`, `Iterator::next`): the
      // impl is known, so call its method directly.
      const [recv, ...args] = this.operands([e.receiver, ...e.args]);
      return `${own}(${[recv!, ...args].join(", ")})`;
    }
    if (d.std) {
      // The receiver is read, not moved, unless the std method takes `self` by value on an owned value.
      const fd = defOf(this.p.table, m.def, "fn");
      const byValue = fd.node.selfParam?.kind === "value";
      const [recv, ...args] = this.operands([e.receiver, ...e.args], { consume: [byValue] });
      return stdCall(this, {
        def: m.def,
        args: m.args,
        selfTy: m.selfTy,
        impl: m.impl,
        // A panic in a method points at the method's name, as rustc's `#[track_caller]` location does.
        span: e.method.span,
        recv: recv!,
        recvTy,
        operands: args,
        argTys: e.args.map((a) => this.adjustedTy(a)),
        retTy: this.tyOf(e),
        argExprs: e.args,
        methodName: e.method.name,
        recvExpr: e.receiver,
      });
    }
    const [recv, ...args] = this.operands([e.receiver, ...e.args]);
    // User method: dispatch on the object, pass the Rust `self` explicitly. A receiver computed by an
    // expression is evaluated once (`rt.invoke(v, "m", …)` calls `v.m(v, …)`).
    const obj = this.receiverObject(recv!, recvTy);
    const name = this.ctx.methodNames.get(m.def) ?? jsIdent(d.name);
    // A trait implemented for primitives or std types, called through `dyn` or a type parameter: the
    // value's representation picks the impl at run time.
    if (m.impl === undefined && d.kind === "fn" && d.container.kind === "trait" && this.ctx.traitImpls.has(d.container.trait)) {
      const impls = this.ctx.traitImpls.get(d.container.trait)!;
      const alike = impls.filter((a) => impls.some((b) => b !== a && b.test === a.test));
      if (alike.length > 0) {
        // `i32` and `u64` are both JS numbers: which impl applies is a compile-time fact that generic
        // code without monomorphization does not keep.
        this.ctx.unsupported(`calling \`${d.name}\` through \`dyn\` or a type parameter when \`${this.ctx.tcx.def(d.container.trait).name}\` is implemented for ${alike.map((a) => `\`${a.ty}\``).join(" and ")} (values of these types look alike at run time)`, e.method.span);
      }
      return `rt.trait_call(${[this.ctx.itemNames.get(d.container.trait)!, obj, jsString(name), recv!, ...args].join(", ")})`;
    }
    if (obj === recv && !/^[\w$.]+$/.test(recv!)) return `rt.invoke(${[recv!, jsString(name), ...args].join(", ")})`;
    return `${obj}.${name}(${[recv!, ...args].join(", ")})`;
  }

  // ---------------- closures and async blocks

  private closure(e: ast.ClosureExpr): string {
    const info = this.p.closures.get(e.id);
    const params: string[] = [];
    // Captured by value (a `move` closure, or a value the body consumes): the closure owns the values
    // from here, in its environment `$env` (moving the closure moves them, dropping it drops them).
    // Captured by reference: the body reaches the outer place directly (JS closures see it).
    const captures = this.closureCaptures();
    const env: string[] = [];
    const envTree = new Map<string, { key: string; value: string; sub: Map<string, unknown> }>();
    for (const c of info?.captures ?? []) {
      if (c.mode !== "value") continue;
      let p = this.placeOfLocal(c.local);
      for (const f of c.path) p = { k: "slot", obj: this.read(p, e.span), key: jsProp(f.name) };
      const value = this.isCopy(c.ty) ? this.copyOf(this.read(p, e.span), c.ty) : this.moveOut(p, c.ty, e.span);
      const key = jsIdent(this.p.locals[c.local]!.name);
      if (c.path.length === 0) {
        env.push(`${key}: ${value}`);
        captures.set(c.local, { k: "slot", obj: "$env", key });
      } else {
        // A field path (`cfg.name`, edition 2021): the environment mirrors the path.
        const top = envTree.get(key) ?? { key, value: "", sub: new Map() };
        envTree.set(key, top);
        let node = top.sub as Map<string, unknown>;
        c.path.forEach((f, i) => {
          const k = jsProp(f.name);
          if (i === c.path.length - 1) node.set(k, value);
          else node = ((node.get(k) as Map<string, unknown> | undefined) ?? node.set(k, new Map()).get(k)) as Map<string, unknown>;
        });
        captures.set(c.local, { k: "slot", obj: "$env", key });
      }
    }
    const objText = (m: Map<string, unknown>): string => `{ ${[...m].map(([k, v]) => `${k}: ${typeof v === "string" ? v : objText(v as Map<string, unknown>)}`).join(", ")} }`;
    for (const t of envTree.values()) env.push(`${t.key}: ${objText(t.sub)}`);
    const inner = new BodyEmitter(this.ctx, { fnDef: this.spec.fnDef, captures, frame: `$f${Number(this.frame.slice(2) || 0) + 1}` });
    for (const n of this.usedNames) inner.usedNames.add(n);
    inner.findAddressTaken(e.body);
    const bodyW = inner.w;
    const binds: (() => void)[] = [];
    const paramDrops: { pl: PlaceRef; ty: Ty; span: Span }[] = [];
    e.params.forEach((p, i) => {
      const simple = p.pat.kind === "IdentPat" && p.pat.byRef === "none" && !p.pat.sub ? this.p.bindings.get(p.pat.id) : undefined;
      if (simple !== undefined && !inner.addressTaken.has(simple)) {
        const pl = inner.declareLocal(simple);
        paramDrops.push({ pl, ty: this.p.locals[simple]!.ty, span: p.pat.span });
        params.push(`${pl.k === "js" ? pl.name : `$a${i}`}${this.w.ty(": any")}`);
      } else {
        const a = `$a${i}`;
        params.push(`${a}${this.w.ty(": any")}`);
        const ty = (info?.params[i] ?? []).length ? this.p.patTypes.get(p.pat.id) ?? Ty.error : Ty.error;
        binds.push(() => inner.bindPattern(p.pat, { k: "js", name: a }, ty, { declare: true }));
      }
    });
    const frameNeeded = inner.addressTaken.size > 0;
    bodyW.indent(() => {
      if (frameNeeded) bodyW.line(`const ${inner.frame} = rt.frame("closure", {})${bodyW.ty(" as rt.Frame & Record<string, any>")};`);
      // Parameters taken by value are dropped when the call returns.
      inner.scope(() => {
        for (const d of paramDrops) inner.registerDrop(d.pl, d.ty, d.span);
        for (const b of binds) b();
        const v = inner.exprToReturn(e.body);
        if (v !== undefined) bodyW.line(`return ${v};`);
      });
    });
    const body = `(${params.join(", ")}) => {\n${bodyW.rawLines.map((l) => "  " + l).join("\n")}\n}`;
    if (env.length) return `rt.closure(rt.envOf({ ${env.join(", ")} }), ${body.replace(/^\(/, `($env${this.w.ty(": any")}${params.length ? ", " : ""}`)})`;
    return body;
  }

  /** Inside a closure, outer locals are reached as they are outside (JS closures capture them). */
  private closureCaptures(): Map<LocalId, PlaceRef> {
    const m = new Map<LocalId, PlaceRef>(this.spec.captures ?? []);
    for (const [k, v] of this.names) m.set(k, v);
    return m;
  }

  private asyncBlock(e: ast.AsyncBlockExpr): string {
    const name = this.ctx.itemNames.get(e.id);
    const info = this.p.asyncBlocks.get(e.id);
    if (!name || !info) {
      this.ctx.unsupported("this async block", e.span);
      return "undefined";
    }
    const args = info.captures.map((c) => {
      let p = this.placeOfLocal(c.local);
      for (const f of c.path) p = { k: "slot", obj: this.read(p, e.span), key: jsProp(f.name) };
      if (c.mode === "value") return this.isCopy(c.ty) ? this.copyOf(this.read(p, e.span), c.ty) : this.moveOut(p, c.ty, e.span);
      return this.borrow(p, e.span);
    });
    return `new ${name}(${args.join(", ")})`;
  }

  // ---------------- macros

  private macro(e: ast.MacroCallExpr): string {
    const m = e.call;
    const l = this.loc(e.span);
    switch (m.macro) {
      case "print":
      case "println":
      case "eprint":
      case "eprintln":
        return `rt.${m.macro}(${m.fmt ? this.fmtArgs(m.fmt) : ""})`;
      case "format":
        return `rt.format(${this.fmtArgs(m.fmt!)})`;
      case "panic":
        return `rt.panic_fmt(${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l})`;
      case "unreachable":
        return `rt.unreachable_fmt(${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l})`;
      case "todo":
        return `rt.todo_fmt(${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l})`;
      case "unimplemented":
        return `rt.unimplemented_fmt(${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l})`;
      case "write":
      case "writeln": {
        const dt = this.tyOf(m.dest);
        const dest = this.expr(m.dest, { consume: false });
        const inner = dt.k === "ref" ? dt.inner : dt;
        const target = dt.k === "ref" ? `rt.deref(${dest})` : dest;
        const args = m.fmt ? this.fmtArgs(m.fmt, m.macro === "writeln" ? "\n" : "") : `rt.fmt_args(["\\n"], [])`;
        if (inner.k === "adt" && inner.def === this.lang.String) return `rt.write_to_string(${target}, ${args})`;
        if (inner.k === "adt" && inner.def === this.lang.Formatter) return `${target}.write_fmt(${args})`;
        return `rt.write_fmt_to(${target}, ${args})`;
      }
      case "vec": {
        const elems = this.operands(m.elems);
        const ty = this.tyOf(e);
        const elem = ty.k === "adt" ? ty.args[0] ?? Ty.error : Ty.error;
        return `rt.vec_of([${elems.join(", ")}], ${sizeHint(elem)})`;
      }
      case "vecRepeat": {
        const [v, n] = this.operands([m.elem, m.len]);
        return `rt.vec_repeat(${v}, ${n}, ${this.cloneFn(this.tyOf(m.elem))})`;
      }
      case "line":
      case "column": {
        const lc = this.ctx.file.lineCol(e.span.lo);
        return String(m.macro === "line" ? lc.line : lc.column);
      }
      case "file":
        return jsString(this.ctx.file.name.split("/").pop()!);
      case "stringify":
        return jsString(m.text);
      case "concat":
        return jsString(m.parts.map((p) => (p.kind === "Lit" ? String((p.lit as { value: unknown }).value) : "")).join(""));
      case "addr_of":
      case "addr_of_mut":
        return this.borrow(this.place(m.place), e.span);
      default:
        return this.viaTemp(e);
    }
  }

  /** `format_args!(…)`: pieces and arguments with their descriptors. */
  fmtArgs(fmt: ast.FormatArgs, suffix = ""): string {
    const pieces = fmt.pieces.map((p) => (p.kind === "lit" ? jsString(p.text) : fmtPiece(p)));
    if (suffix) {
      const last = fmt.pieces[fmt.pieces.length - 1];
      if (last && last.kind === "lit") pieces[pieces.length - 1] = jsString(last.text + suffix);
      else pieces.push(jsString(suffix));
    }
    // The arguments are borrowed: an rvalue among them (`c.borrow()`) is a statement temporary.
    const vals = this.operands(fmt.args, { consume: fmt.args.map(() => false) }).map((v, i) =>
      this.isPlaceExpr(fmt.args[i]!) ? v : this.spillTemporary(v, this.adjustedTy(fmt.args[i]!), fmt.args[i]!.span),
    );
    const args = fmt.args.map((a, i) => `rt.arg(${vals[i]}, ${descOf(this.ctx, this.adjustedTy(a))})`);
    return `rt.fmt_args([${pieces.join(", ")}], [${args.join(", ")}])`;
  }

  // ------------------------------------------------------------------------------------------------
  // Statements

  /** Emits a block's statements; the tail's value goes to `dest`. */
  block(b: ast.Block, dest: Dest): void {
    const scope: DropScope = { locals: [], temps: [], kind: "block", hoisted: [], frameSlots: [] };
    this.scopes.push(scope);
    const start = this.w.rawLines.length;
    for (const s of b.stmts) {
      this.tickAt(s);
      this.stmt(s);
    }
    if (b.tail) {
      this.tickAt(b.tail);
      this.stmtExpr(b.tail, dest);
    }
    else if (dest.kind === "assign" && !this.blockDiverges(b)) this.line(`${dest.target} = undefined;`);
    this.scopes.pop();
    this.wrapDrops(scope, start);
    // The storage of address-taken locals ends with the block: pointers to them dangle from here.
    if (scope.frameSlots!.length && !this.blockDiverges(b)) {
      const end = this.loc({ lo: Math.max(b.span.lo, b.span.hi - 1), hi: b.span.hi });
      for (const k of [...scope.frameSlots!].reverse()) this.line(`rt.storageDead(${this.frame}, ${jsString(k)}, ${end});`);
    }
  }

  /** `IntoIterator::into_iter(e)` as a `for` loop calls it: by the iterated type. `&v` iterates shared
   *  element references (the values themselves, see glue.ts), `&mut v` pointers to the elements. */
  intoIter(e: ast.Expr): string {
    return this.intoIterOf(this.expr(e), this.adjustedTy(e), e.span);
  }

  intoIterOf(src: string, ty: Ty, span: Span): string {
    const L = this.ctx.lang;
    if (ty.k === "ref") {
      const inner = ty.inner;
      const seq = inner.k === "slice" || inner.k === "array" || (inner.k === "adt" && (inner.def === L.Vec || inner.def === L.VecDeque));
      if (seq) return ty.mutable ? `rt.iter_mut_of(${src}.get(${this.loc(span)}), ${this.loc(span)})` : `rt.iter_of(rt.deref(${src}))`;
      if (ty.mutable) return `rt.into_iter_value(${src}.get(${this.loc(span)}))`;
      return `rt.into_iter_value(rt.deref(${src}))`;
    }
    return `rt.into_iter_value(${src})`;
  }

  /** Runs `f` in a drop scope of its own (a function's parameters): what it registers is dropped when
   *  it ends. */
  scope(f: () => void): void {
    const scope: DropScope = { locals: [], temps: [], kind: "block", hoisted: [] };
    this.scopes.push(scope);
    const start = this.w.rawLines.length;
    f();
    this.scopes.pop();
    this.wrapDrops(scope, start);
  }

  /** `pinion run`: each statement counts a step and marks where the program is (reports, `--trace`). */
  tickAt(s: ast.Stmt | ast.Expr): void {
    if (!this.ctx.opts.instrument || s.kind === "ItemStmt" || s.kind === "EmptyStmt") return;
    this.line(`rt.tick(${this.loc(s.span)});`);
  }

  private blockDiverges(b: ast.Block): boolean {
    const last = b.stmts[b.stmts.length - 1];
    return !!last && last.kind === "ExprStmt" && (this.p.exprTypes.get(last.expr.id) ?? Ty.unit).k === "never";
  }

  /** Drops of a scope's locals: the lines since `start` are wrapped in `try { … } finally { drops }`,
   *  so that they also run on `break`, `return` and while a panic unwinds. */
  private wrapDrops(scope: DropScope, start: number): void {
    if (scope.locals.length === 0) return;
    const lines = (this.w.rawLines as string[]).splice(start);
    if (scope.hoisted?.length) this.line(`let ${scope.hoisted.join(", ")};`);
    this.line("try {");
    this.w.indent(() => this.w.append(lines.map((l) => l.replace(/^ {2}/, ""))));
    this.line("} finally {");
    this.w.indent(() => {
      for (let i = scope.locals.length - 1; i >= 0; i--) {
        const d = scope.locals[i]!;
        this.line(`rt.drop_in_place(${this.read(d.place, d.span)}, ${this.loc(d.span)});`);
      }
    });
    this.line("}");
  }

  stmt(s: ast.Stmt): void {
    switch (s.kind) {
      case "Let":
        this.letStmt(s);
        return;
      case "ExprStmt":
        this.withStatementTemps(() => this.stmtExpr(s.expr, { kind: "discard" }));
        return;
      case "ItemStmt":
      case "EmptyStmt":
        return;
    }
  }

  /**
   * Temporaries with observable drops made while emitting `f` (a guard from `m.lock().unwrap()`, a
   * `Ref` from `c.borrow()`) are dropped at its end, in reverse order — in a `finally` when `f` may
   * leave early (`break`, `?`, a panic), right after it otherwise (a `let`, whose binding must stay
   * visible). In an async body the drops follow the statement (a `finally` cannot span a suspension).
   */
  private withStatementTemps(f: () => void, mode: "finally" | "after" = "finally"): void {
    const scope: DropScope = { locals: [], temps: [], kind: "temps", hoisted: [] };
    this.scopes.push(scope);
    const start = this.w.rawLines.length;
    f();
    this.scopes.pop();
    if (scope.temps.length === 0) return;
    const drops = () => {
      for (let i = scope.temps.length - 1; i >= 0; i--) this.line(`rt.drop_in_place(${scope.temps[i]!.expr}, ${this.loc(scope.temps[i]!.span)});`);
    };
    if (scope.hoisted!.length) {
      const lines = (this.w.rawLines as string[]).splice(start);
      this.line(`let ${scope.hoisted!.join(", ")};`);
      this.w.append(lines);
    }
    if (mode === "after" || this.isAsync) {
      drops();
      return;
    }
    const lines = (this.w.rawLines as string[]).splice(start + (scope.hoisted!.length ? 1 : 0));
    this.line("try {");
    this.w.indent(() => this.w.append(lines.map((l) => l.replace(/^ {2}/, ""))));
    this.line("} finally {");
    this.w.indent(drops);
    this.line("}");
  }

  /** A value whose statement temporaries die right after it: kept in a const, then the drops. */
  valueWithTemps(f: () => string): string {
    let v = "";
    let spilled = false;
    this.withStatementTemps(() => {
      v = f();
      const scope = this.scopes[this.scopes.length - 1]!;
      if (scope.temps.length && !isTrivial(v)) {
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        v = t;
        spilled = true;
      }
    }, "after");
    void spilled;
    return v;
  }

  /**
   * An rvalue used as a place (a method receiver, a field base, a borrow) whose type has an observable
   * drop lives in a statement temporary: `(($g1 = m.lock().unwrap())).push(1)`, dropped when the
   * statement ends.
   */
  private spillTemporary(v: string, ty: Ty, span: Span, extended = false): string {
    if (!this.observableDrop(ty)) return v;
    // The temporary lives until the end of the enclosing statement — past the blocks whose tail it is
    // in (edition 2021) — or, borrowed by a `let` (`let r = &make();`), until the end of the block.
    let scope: DropScope | undefined;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i]!.kind === (extended ? "block" : "temps")) {
        scope = this.scopes[i];
        break;
      }
    }
    if (!scope && !extended) scope = this.innermostBlockScope();
    if (!scope) return v;
    if (scope.kind === "block") {
      if (this.isAsync) {
        const t = this.temp();
        this.droppedTemps.push(t.slice(this.fut.length + 1));
        this.registerDrop({ k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) }, ty, span);
        return `(${t} = ${v})`;
      }
      const t = this.freshRaw("$g");
      scope.hoisted!.push(`${t}${this.w.ty(": any")}`);
      scope.locals.push({ place: { k: "js", name: t }, span });
      return `(${t} = ${v})`;
    }
    if (this.isAsync) {
      const t = this.temp();
      this.droppedTemps.push(t.slice(this.fut.length + 1));
      scope.temps.push({ expr: `rt.moveOut(${this.fut}, ${jsString(t.slice(this.fut.length + 1))}, ${this.loc(span)})`, span });
      return `(${t} = ${v})`;
    }
    const t = this.freshRaw("$g");
    scope.hoisted!.push(`${t}${this.w.ty(": any")}`);
    scope.temps.push({ expr: t, span });
    return `(${t} = ${v})`;
  }

  /** The `&temporary` that a `let` initialises with: its temporary lives as long as the binding. */
  private extendedRef: ast.NodeId | undefined;

  private letStmt(s: ast.LetStmt): void {
    const ty = this.p.patTypes.get(s.pat.id) ?? Ty.error;
    this.extendedRef = s.init?.kind === "Ref" ? s.init.id : undefined;
    this.withStatementTemps(() => {
      const simple = s.pat.kind === "IdentPat" && s.pat.byRef === "none" && !s.pat.sub ? this.p.bindings.get(s.pat.id) : undefined;
      if (simple !== undefined && !s.else) {
        const init = s.init ? this.expr(s.init) : undefined;
        const pl = this.declareLocal(simple);
        this.declareAt(pl, init, ty, s.pat.span);
        this.registerDrop(pl, ty, s.pat.span);
        return;
      }
      if (!s.init) {
        this.bindPattern(s.pat, { k: "value", expr: "undefined" }, ty, { declare: true, uninit: true });
        return;
      }
      if (s.pat.kind === "WildPat" && !s.else) {
        // `let _ = place;` does not move; `let _ = value;` drops the value at once.
        if (this.isPlaceExpr(s.init)) this.line(`${this.expr(s.init, { consume: false })};`);
        else this.assignDest({ kind: "discard" }, this.expr(s.init), s.init);
        return;
      }
      // A pattern: evaluate into a place, then test (let-else) and bind. `let (ref mut a, ref b) = point;`
      // binds into `point` itself: a place with `ref` bindings is not copied first.
      let src: PlaceRef;
      if (this.isPlaceExpr(s.init) && !this.p.adjustments.get(s.init.id)?.length && patHasRefBinding(s.pat)) src = this.place(s.init);
      else {
        const v = this.expr(s.init, { consume: true });
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        src = this.isAsync ? { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) } : { k: "js", name: t };
      }
      if (s.else) {
        const cond = this.patternTest(s.pat, src, ty);
        this.line(`if (!(${cond})) {`);
        this.w.indent(() => this.block(s.else!, { kind: "discard" }));
        this.line("}");
      }
      this.bindPattern(s.pat, src, ty, { declare: true });
    }, "after");
  }

  /** `let x = v;` for a place that may be a JS variable, a frame slot or a future field. */
  declareAt(pl: PlaceRef, init: string | undefined, ty: Ty, span: Span): void {
    const ts = this.w.ty(`: ${this.ctx.tsLocal(ty)}`);
    const scope = pl.k === "js" && this.observableDrop(ty) ? this.innermostBlockScope() : undefined;
    if (pl.k === "slot" && pl.obj === this.frame && !this.isAsync) this.innermostBlockScope()?.frameSlots?.push(pl.key);
    if (pl.k === "js" && scope?.hoisted) {
      // Dropped in the scope's `finally`: declared before its `try`.
      scope.hoisted.push(`${pl.name}${this.w.ty("!")}${ts}`);
      if (init !== undefined) this.line(`${pl.name} = ${init};`);
    } else if (pl.k === "js") this.line(init === undefined ? `let ${pl.name}${ts};` : `let ${pl.name}${ts} = ${init};`);
    else if (init !== undefined) this.line(`${this.write(pl, init, span)};`);
    else if (pl.k === "slot" && pl.obj === this.frame) this.line(`${pl.obj}.${pl.key} = rt.MOVED;`);
  }

  private innermostBlockScope(): DropScope | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.kind === "block") return this.scopes[i];
    return undefined;
  }

  registerDrop(pl: PlaceRef, ty: Ty, span: Span): void {
    if (!this.observableDrop(ty)) return;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i]!;
      if (s.kind === "block") {
        s.locals.push({ place: pl, span });
        return;
      }
    }
  }

  /** An expression evaluated for its effect, or into a destination. */
  /** Structural expressions (blocks, `if`, `match`) evaluated for their value by `viaTemp`. */
  private readonly unadjusted = new Set<ast.NodeId>();

  /**
   * A block, `if` or `match` whose value is adjusted (`unsafe { &*p }` coerced from `&String` to
   * `&str`): computed into a temporary first, then adjusted like any other value. Returns false when
   * there is nothing to adjust.
   */
  protected adjustedStructural(e: ast.Expr, dest: Dest): boolean {
    if (this.unadjusted.has(e.id) || !(this.p.adjustments.get(e.id)?.length ?? 0)) return false;
    if (e.kind !== "BlockExpr" && e.kind !== "If" && e.kind !== "Match" && e.kind !== "Loop") return false;
    if (this.tyOf(e).k === "never") return false;
    this.assignDest(dest, this.expr(e), e);
    return true;
  }

  stmtExpr(e: ast.Expr, dest: Dest): void {
    if (this.adjustedStructural(e, dest)) return;
    switch (e.kind) {
      case "BlockExpr":
        if (e.label) {
          const jsLabel = this.freshJs(`block_${e.label.name.replace(/^'/, "")}`);
          this.loops.push({ label: e.label.name, jsLabel, result: dest.kind === "assign" ? dest.target : undefined, scopeDepth: this.scopes.length, isBlock: true });
          this.line(`${jsLabel}: {`);
          this.w.indent(() => this.block(e.block, dest));
          this.line("}");
          this.loops.pop();
          return;
        }
        if (e.block.stmts.length === 0 && e.block.tail) return this.stmtExpr(e.block.tail, dest);
        this.line("{");
        this.w.indent(() => this.block(e.block, dest));
        this.line("}");
        return;
      case "If":
        return this.ifStmt(e, dest);
      case "Match":
        return this.matchStmt(e, dest);
      case "Loop":
      case "While":
      case "For":
        return this.loopStmt(e, dest);
      case "Break": {
        const target = this.findLoop(e.label?.name);
        if (e.value && target?.result) this.line(`${target.result} = ${this.expr(e.value)};`);
        else if (e.value) this.stmtExpr(e.value, { kind: "discard" });
        this.line(target ? `break ${target.jsLabel};` : "break;");
        return;
      }
      case "Continue": {
        const target = this.findLoop(e.label?.name);
        this.line(target ? `continue ${target.jsLabel};` : "continue;");
        return;
      }
      case "Return": {
        const v = e.value ? this.expr(e.value) : undefined;
        this.emitReturn(v, e.span);
        return;
      }
      case "Assign":
      case "CompoundAssign":
        this.assignStmt(e);
        if (dest.kind === "assign") this.line(`${dest.target} = undefined;`);
        return;
      case "Try":
        return this.assignDest(dest, this.tryExpr(e), e);
      case "MacroCall":
        if (this.macroStmt(e, dest)) return;
        return this.assignDest(dest, this.exprValueAdjusted(e), e);
      case "Await":
        return this.assignDest(dest, this.awaitExpr(e), e);
      case "Binary":
        if ((e.op === "&&" || e.op === "||") && this.needsStatements(e.rhs)) return this.shortCircuit(e, dest);
        return this.assignDest(dest, this.exprValueAdjusted(e), e);
      default:
        return this.assignDest(dest, this.exprValueAdjusted(e), e);
    }
  }

  /** `a && b` / `a || b` whose right side needs statements: `t = a; if (t) { t = b; }`. */
  protected shortCircuit(e: ast.BinaryExpr, dest: Dest): void {
    const t = dest.kind === "assign" ? dest.target : this.temp();
    if (dest.kind !== "assign" && !this.isAsync) this.line(`let ${t}${this.w.ty(": boolean")};`);
    this.line(`${t} = ${this.expr(e.lhs)};`);
    this.line(`if (${e.op === "&&" ? t : `!${t}`}) {`);
    this.w.indent(() => this.stmtExpr(e.rhs, { kind: "assign", target: t }));
    this.line("}");
    if (dest.kind !== "assign") this.assignDest(dest, t, e);
  }

  private exprValueAdjusted(e: ast.Expr): string {
    return this.expr(e);
  }

  private assignDest(dest: Dest, v: string, e: ast.Expr): void {
    switch (dest.kind) {
      case "discard":
        // A value nobody keeps is dropped at once (`f();` returning a guard, `let _ = Noisy;`).
        if (!this.isPlaceExpr(e) && this.observableDrop(this.adjustedTy(e))) this.line(`rt.drop_in_place(${v}, ${this.loc(e.span)});`);
        else if (v !== "undefined" && !isTrivial(v)) this.line(`${v};`);
        return;
      case "assign":
        this.line(`${dest.target} = ${v};`);
        return;
      case "return":
        this.emitReturn(v, e.span);
        return;
    }
  }

  emitReturn(v: string | undefined, span: Span): void {
    void span;
    this.line(v === undefined ? "return;" : `return ${v};`);
  }

  private findLoop(label: string | undefined): LoopTarget | undefined {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i]!;
      if (label === undefined ? !l.isBlock : l.label === label) return l;
    }
    return undefined;
  }

  /** A place read and then written (`x op= v`): its base computed once, into temporaries. */
  private stablePlace(p: PlaceRef): PlaceRef {
    const pure = (x: string) => /^[\w$.]+$/.test(x);
    const keep = (x: string) => {
      if (pure(x)) return x;
      const t = this.temp();
      this.line(this.isAsync ? `${t} = ${x};` : `const ${t}${this.w.ty(": any")} = ${x};`);
      return t;
    };
    switch (p.k) {
      case "slot":
        return { ...p, obj: keep(p.obj), key: p.computed ? keep(p.key) : p.key };
      case "derefMut":
        return { k: "derefMut", ptr: keep(p.ptr) };
      case "derefShared":
        return { k: "derefShared", ref: keep(p.ref) };
      case "vecElem":
        return { k: "vecElem", vec: keep(p.vec), index: keep(p.index) };
      default:
        return p;
    }
  }

  private assignStmt(e: ast.AssignExpr | ast.CompoundAssignExpr): void {
    if (e.kind === "Assign") {
      const v = this.expr(e.rhs);
      if (e.lhs.kind === "Path" && this.p.res.get(e.lhs.id) === undefined) {
        // `_ = expr`
        this.line(`${v};`);
        return;
      }
      const lty = this.tyOf(e.lhs);
      const dropsOld = this.observableDrop(lty);
      let value = v;
      if (dropsOld && !/^[\w$.]+$/.test(v)) {
        // The new value is computed before the old one is dropped.
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        value = t;
      }
      const p = dropsOld ? this.stablePlace(this.mutablePlace(e.lhs)) : this.mutablePlace(e.lhs);
      if (dropsOld) this.line(`rt.drop_in_place(${this.read(p, e.span)}, ${this.loc(e.span)});`);
      this.line(`${this.write(p, value, e.span)};`);
      return;
    }
    const lty = this.tyOf(e.lhs);
    const rty = this.adjustedTy(e.rhs);
    const r = this.expr(e.rhs);
    const p = this.stablePlace(this.mutablePlace(e.lhs));
    const cur = this.read(p, e.span);
    const rv = rty.k === "ref" && (isNumeric(rty.inner) || rty.inner.k === "bool") ? `rt.deref(${r})` : r;
    const loc = this.loc(e.span);
    let next: string;
    if (lty.k === "int") {
      const fn = { "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "rem", "&": "and", "|": "or", "^": "xor", "<<": "shl", ">>": "shr" }[e.op]!;
      next = (fn === "add" || fn === "sub" || fn === "mul") && lty.kind !== "i128" && lty.kind !== "u128" ? `rt.${lty.kind}_${fn}(${cur}, ${rv}, ${loc})` : fn === "and" || fn === "or" || fn === "xor" ? `rt.int_${fn}(rt.INT.${lty.kind}, ${cur}, ${rv})` : `rt.int_${fn}(rt.INT.${lty.kind}, ${cur}, ${rv}, ${loc})`;
    } else if (lty.k === "float") {
      next = e.op === "%" ? `rt.float_rem(${cur}, ${rv})` : `${paren(cur)} ${e.op} ${paren(rv)}`;
      if (lty.kind === "f32") next = `Math.fround(${next})`;
    } else if (lty.k === "bool") {
      next = `${paren(cur)} ${e.op === "&" ? "&&" : e.op === "|" ? "||" : "!=="} ${paren(rv)}`;
    } else if (lty.k === "adt" && lty.def === this.lang.String && e.op === "+") {
      // `s += &t` with `t: String` reaches here as a `&String` (a pointer) as well as a `&str`.
      this.line(`${cur}.push_str(${rty.k === "ref" && rty.inner.k === "str" ? r : `rt.text_of(${r})`});`);
      return;
    } else {
      const info = this.lang.binops.get(e.op)!;
      this.line(`rt.binop_assign(${jsString(info.assignMethod)}, ${this.borrow(p, e.span)}, ${r}, ${loc});`);
      return;
    }
    this.line(`${this.write(p, next, e.span)};`);
  }

  // ---------------- if / match / loops

  private ifStmt(e: ast.IfExpr, dest: Dest): void {
    const cond = e.cond;
    if (cond.kind === "LetCond" || (cond.kind === "Binary" && cond.op === "&&" && hasLet(cond))) {
      this.ifLet(e, dest);
      return;
    }
    const c = this.condExpr(cond);
    this.line(`if (${c}) {`);
    this.w.indent(() => this.block(e.then, dest));
    if (e.else) {
      if (e.else.kind === "If") {
        this.line("} else {");
        this.w.indent(() => this.ifStmt(e.else as ast.IfExpr, dest));
        this.line("}");
      } else {
        this.line("} else {");
        this.w.indent(() => this.block((e.else as ast.BlockExpr).block, dest));
        this.line("}");
      }
    } else {
      this.line("}");
      if (dest.kind === "assign") {
        // `if` without else has type ()
      }
    }
  }

  /** A boolean condition whose temporaries die right after it. */
  condExpr(c: ast.Expr): string {
    return this.valueWithTemps(() => this.expr(c));
  }

  private ifLet(e: ast.IfExpr, dest: Dest): void {
    // if let PAT = EXPR && … { then } else { else }
    const lets: { pat: ast.Pat; src: PlaceRef; ty: Ty }[] = [];
    const parts: string[] = [];
    const collect = (c: ast.Expr) => {
      if (c.kind === "LetCond") {
        const ty = this.adjustedTy(c.scrutinee);
        const v = this.expr(c.scrutinee, { consume: false });
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        const src: PlaceRef = this.isAsync ? { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) } : { k: "js", name: t };
        parts.push(this.patternTest(c.pat, src, ty));
        lets.push({ pat: c.pat, src, ty });
      } else if (c.kind === "Binary" && c.op === "&&" && hasLet(c)) {
        collect(c.lhs);
        collect(c.rhs);
      } else parts.push(this.expr(c));
    };
    collect(e.cond);
    this.line(`if (${parts.join(" && ") || "true"}) {`);
    this.w.indent(() => {
      for (const l of lets) this.bindPattern(l.pat, l.src, l.ty, { declare: true, scrutineeMoved: true });
      this.block(e.then, dest);
    });
    if (e.else) {
      this.line("} else {");
      this.w.indent(() => {
        if (e.else!.kind === "If") this.ifStmt(e.else as ast.IfExpr, dest);
        else this.block((e.else as ast.BlockExpr).block, dest);
      });
    }
    this.line("}");
  }

  private matchStmt(e: ast.MatchExpr, dest: Dest): void {
    const ty = this.adjustedTy(e.scrutinee);
    const v = this.expr(e.scrutinee, { consume: false });
    const t = this.temp();
    this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
    const src: PlaceRef = this.isAsync ? { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) } : { k: "js", name: t };
    const scrutPlace = this.isPlaceExpr(e.scrutinee) ? this.place(e.scrutinee) : src;
    e.arms.forEach((arm, i) => {
      const test = this.patternTest(arm.pat, src, ty);
      const kw = i === 0 ? "if" : "} else if";
      if (arm.guard) {
        // Bind (by value) to evaluate the guard; a failed guard falls through to the next arms.
        this.line(`${kw} (${test} && (() => {`);
        this.w.indent(() => {
          this.bindPattern(arm.pat, src, ty, { declare: true, forGuard: true });
          const g = this.guardExpr(arm.guard!);
          this.line(`return ${g};`);
        });
        this.line("})()) {");
      } else this.line(`${kw} (${test}) {`);
      this.w.indent(() => {
        this.bindPattern(arm.pat, scrutPlace === src ? src : scrutPlace, ty, { declare: true, scrutineeMoved: true });
        this.armBody(arm.body, dest);
      });
    });
    if (e.arms.length) this.line("} else {");
    this.w.indent(() => this.line(`rt.unreachable_fmt(undefined, ${this.loc(e.span)});`));
    this.line("}");
  }

  private guardExpr(g: ast.Expr): string {
    if (g.kind === "LetCond") {
      const ty = this.adjustedTy(g.scrutinee);
      const v = this.expr(g.scrutinee, { consume: false });
      return this.patternTest(g.pat, { k: "value", expr: v }, ty);
    }
    return this.expr(g);
  }

  private armBody(body: ast.Expr, dest: Dest): void {
    if (body.kind === "BlockExpr" && !body.label) {
      this.block(body.block, dest);
      return;
    }
    this.withStatementTemps(() => this.stmtExpr(body, dest));
  }

  private loopStmt(e: ast.LoopExpr | ast.WhileExpr | ast.ForExpr, dest: Dest): void {
    const jsLabel = this.freshJs(e.label ? `loop_${e.label.name.replace(/^'/, "")}` : "loop");
    const result = e.kind === "Loop" && dest.kind === "assign" ? dest.target : undefined;
    this.loops.push({ label: e.label?.name, jsLabel, result, scopeDepth: this.scopes.length, isBlock: false });
    const tick = this.ctx.opts.instrument ? `rt.tick(${this.loc(e.span)});` : "";
    if (e.kind === "Loop") {
      this.line(`${jsLabel}: for (;;) {`);
      this.w.indent(() => {
        if (tick) this.line(tick);
        this.block(e.body, { kind: "discard" });
      });
      this.line("}");
    } else if (e.kind === "While") {
      this.line(`${jsLabel}: for (;;) {`);
      this.w.indent(() => {
        if (tick) this.line(tick);
        if (e.cond.kind === "LetCond" || (e.cond.kind === "Binary" && e.cond.op === "&&" && hasLet(e.cond))) {
          const fake: ast.IfExpr = { kind: "If", id: -1, span: e.span, cond: e.cond, then: e.body, else: { kind: "BlockExpr", id: -2, span: e.span, block: { kind: "Block", id: -3, span: e.span, stmts: [{ kind: "ExprStmt", id: -4, span: e.span, expr: { kind: "Break", id: -5, span: e.span }, semi: true }], unsafety: "normal" } } };
          this.ifLet(fake, { kind: "discard" });
        } else {
          const c = this.condExpr(e.cond);
          this.line(`if (!(${c})) break;`);
          this.block(e.body, { kind: "discard" });
        }
      });
      this.line("}");
    } else {
      this.forLoop(e, jsLabel, tick);
    }
    this.loops.pop();
  }

  private forLoop(e: ast.ForExpr, jsLabel: string, tick: string): void {
    const info = this.p.forLoops.get(e.id);
    const iterTy = this.adjustedTy(e.iter);
    const itemTy = info?.itemTy ?? Ty.error;
    // `for i in a..b` over integers: a plain JS loop (the range's end evaluated once).
    if (e.iter.kind === "Range" && e.iter.lo && e.iter.hi && itemTy.k === "int" && !this.isAsync) {
      const [lo, hi] = this.operands([e.iter.lo, e.iter.hi]);
      const i = this.freshRaw("$i");
      const end = this.freshRaw("$end");
      const bigOk = itemTy.kind === "i128" || itemTy.kind === "u128" || itemTy.kind === "i64" || itemTy.kind === "u64" || itemTy.kind === "usize" || itemTy.kind === "isize";
      this.line(`const ${end} = ${hi};`);
      const cmp = e.iter.inclusive ? "<=" : "<";
      this.line(`${jsLabel}: for (let ${i}${bigOk ? this.w.ty(": any") : ""} = ${lo}; ${i} ${cmp} ${end}; ${i} = ${bigOk ? `rt.int_add(rt.INT.${itemTy.kind}, ${i}, 1)` : `${i} + 1`}) {`);
      this.w.indent(() => {
        if (tick) this.line(tick);
        this.bindPattern(e.pat, { k: "js", name: i }, itemTy, { declare: true });
        this.block(e.body, { kind: "discard" });
      });
      this.line("}");
      return;
    }
    const it = this.freshJs("iter");
    this.line(`const ${it} = ${this.intoIter(e.iter)};`);
    void iterTy;
    const n = this.freshRaw("$item");
    this.line(`${jsLabel}: for (;;) {`);
    this.w.indent(() => {
      if (tick) this.line(tick);
      this.line(`const ${n}${this.w.ty(": any")} = ${it}.nextRaw();`);
      this.line(`if (${n} === rt.DONE) break;`);
      this.bindPattern(e.pat, { k: "js", name: n }, itemTy, { declare: true });
      this.block(e.body, { kind: "discard" });
    });
    this.line("}");
  }

  // ---------------- ? and .await

  private tryExpr(e: ast.TryExpr): string {
    const info = this.p.tries.get(e.id);
    const v = this.expr(e.operand);
    const t = this.temp();
    this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
    const early = (cond: string, value: string) => {
      this.line(`if (${cond}) {`);
      this.w.indent(() => this.emitReturn(value, e.span));
      this.line("}");
    };
    if (info?.family === "option") {
      early(`${t}.tag === 0`, "rt.None()");
      return `${t}._0`;
    }
    const conv = info?.errFrom && info.errTo ? this.errConversion(`${t}._0`, info.errFrom, info.errTo) : `${t}._0`;
    early(`${t}.tag === 1`, `rt.Err(${conv})`);
    return `${t}._0`;
  }

  /** `From::from(e)` for `?` between error types (identity when they are the same). */
  errConversion(v: string, from: Ty, to: Ty): string {
    if (from.k === to.k && this.ctx.printTy(from) === this.ctx.printTy(to)) return v;
    if (to.k === "adt" && to.def === this.lang.Box) return `rt.Box_new(${v})`;
    if (to.k === "adt" && to.def === this.lang.String) return `rt.String_from(rt.display_string(${v}, ${descOf(this.ctx, from)}))`;
    if (to.k === "adt" && !this.ctx.tcx.def(to.def).std) {
      // A user `impl From<E> for AppError`: its `from`.
      const sel = this.ctx.solver(this.spec.fnDef).select(to, { trait: this.lang.From, args: [from], bindings: new Map() });
      if (sel && sel !== "ambiguous" && sel.kind === "impl") {
        const item = defOf(this.p.table, sel.impl, "impl").items.get("from");
        if (item !== undefined) return `${this.implOwnerName(sel.impl)}.${this.ctx.methodNames.get(item) ?? "from"}(${v})`;
      }
    }
    return v;
  }

  /** `.await` outside an async body cannot happen in valid Rust; inside one the coroutine emitter
   *  overrides this. */
  awaitExpr(e: ast.AwaitExpr): string {
    this.ctx.unsupported("`.await` here", e.span);
    return "undefined";
  }

  /** An await of a future built by the emitter (`join!`, `select!`); only async bodies have them. */
  awaitFuture(_intoFuture: string, _awaited: Ty | undefined, span: Span): string {
    this.ctx.unsupported("an await outside an async body", span);
    return "undefined";
  }

  // ---------------- macros as statements

  private macroStmt(e: ast.MacroCallExpr, dest: Dest): boolean {
    const m = e.call;
    const l = this.loc(e.span);
    switch (m.macro) {
      case "assert":
      case "debug_assert": {
        const c = this.condExpr(m.cond);
        const text = jsString(this.ctx.file.snippet(m.cond.span));
        this.line(`if (!(${c})) rt.assert_failed(${text}, ${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l});`);
        if (dest.kind === "assign") this.line(`${dest.target} = undefined;`);
        return true;
      }
      case "assert_eq":
      case "assert_ne":
      case "debug_assert_eq":
      case "debug_assert_ne": {
        const [a, b] = this.operands([m.left, m.right], { consume: [false, false] });
        const lt = this.adjustedTy(m.left);
        const rt = this.adjustedTy(m.right);
        const la = this.temp();
        const lb = this.temp();
        this.line(this.isAsync ? `${la} = ${a};` : `const ${la}${this.w.ty(": any")} = ${a};`);
        this.line(this.isAsync ? `${lb} = ${b};` : `const ${lb}${this.w.ty(": any")} = ${b};`);
        const eq = m.macro.endsWith("eq");
        const same = `rt.desc_eq(${descOf(this.ctx, lt)}, ${la}, ${lb})`;
        this.line(`if (${eq ? "!" : ""}${same}) rt.assert_eq_failed(${jsString(eq ? "==" : "!=")}, ${la}, ${descOf(this.ctx, lt)}, ${lb}, ${descOf(this.ctx, rt)}, ${m.fmt ? this.fmtArgs(m.fmt) : "undefined"}, ${l});`);
        if (dest.kind === "assign") this.line(`${dest.target} = undefined;`);
        return true;
      }
      case "matches": {
        const ty = this.adjustedTy(m.scrutinee);
        const v = this.expr(m.scrutinee, { consume: false });
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${v};` : `const ${t}${this.w.ty(": any")} = ${v};`);
        const src: PlaceRef = this.isAsync ? { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) } : { k: "js", name: t };
        let test = this.patternTest(m.pat, src, ty);
        if (m.guard) {
          const g = this.temp();
          test = `${test} && ((${g}) => {`;
          void g;
        }
        if (m.guard) {
          this.line(`let $matched = ${this.patternTest(m.pat, src, ty)};`);
          this.line("if ($matched) {");
          this.w.indent(() => {
            this.bindPattern(m.pat, src, ty, { declare: true, forGuard: true });
            this.line(`$matched = ${this.guardExpr(m.guard!)};`);
          });
          this.line("}");
          test = "$matched";
        }
        this.assignDest(dest, test, e);
        return true;
      }
      case "join": {
        // `join!(a, b)`: one await of a future that polls both (runtime/executor.ts `Join`), whose
        // output is the tuple of theirs — rustc's layout has the one `__awaitee` too.
        const futs = this.operands(m.futures);
        const make = /(^|::)tokio::/.test(e.path) || e.path.startsWith("tokio") ? "tokio_join" : "futures_join";
        this.assignDest(dest, this.awaitFuture(`rt.${make}([${futs.join(", ")}])`, undefined, e.span), e);
        return true;
      }
      case "select": {
        // `select! { p = fut => body, … }`: one await of a future that completes with the first ready
        // branch (`{ index, value }`, the others dropped); then that branch's pattern and body.
        const futs = this.operands(m.arms.map((a) => a.future));
        const sel = this.awaitFuture(`rt.select([${futs.join(", ")}])`, undefined, e.span);
        const t = this.temp();
        this.line(this.isAsync ? `${t} = ${sel};` : `const ${t}${this.w.ty(": any")} = ${sel};`);
        const src = (v: string): PlaceRef => ({ k: "value", expr: v });
        m.arms.forEach((arm, i) => {
          if (containsAwait(arm.body)) this.ctx.unsupported("an `.await` inside a `select!` branch", arm.body.span);
          this.line(`${i === 0 ? "" : "} else "}if (${t}.index === ${i}) {`);
          this.w.indent(() => {
            this.bindPattern(arm.pat, src(`${t}.value`), this.p.patTypes.get(arm.pat.id) ?? Ty.error, { declare: true });
            this.stmtExpr(arm.body, dest);
          });
        });
        if (m.arms.length) this.line("}");
        return true;
      }
      case "dbg": {
        if (m.args.length === 1) {
          const a = m.args[0]!;
          const v = this.expr(a);
          this.assignDest(dest, `rt.dbg(${v}, ${descOf(this.ctx, this.adjustedTy(a))}, ${jsString(this.ctx.file.snippet(a.span))}, ${this.loc(e.span)})`, e);
          return true;
        }
        return false;
      }
      case "pin": {
        const v = this.expr(m.value);
        if (this.isAsync) {
          const name = this.freshJs("pinned");
          this.fieldNames.push({ name, local: { id: -1, name, span: e.span, mutable: true, ty: this.tyOf(m.value), kind: "binding", owner: -1, byRef: "none" } });
          this.line(`${this.fut}.${name} = ${v};`);
          this.assignDest(dest, `rt.Pin_new_unchecked(rt.Ptr.to(${this.fut}, ${jsString(name)}, ${l}), ${l})`, e);
        } else {
          this.needsFrame = true;
          const hidden = this.freshRaw("$pin"); // named `pin!(…)` in reports (runtime describePlace)
          this.assignDest(dest, `rt.pin_in(${this.frame}, ${jsString(hidden)}, ${v}, ${l})`, e);
        }
        return true;
      }
      default:
        return false;
    }
  }

  /** Set when the body needs the frame object `$f` even without address-taken locals (`pin!`). */
  needsFrame = false;

  // ------------------------------------------------------------------------------------------------
  // Patterns

  /** A JS boolean expression that is true when `pat` matches the value at `src`. */
  /** The sub-patterns of a struct or tuple-struct pattern with the index of the field each matches
   *  (`S(a, .., z)`: `z` is the last field; `S { x, .. }`: `x`'s declared position). */
  private fieldSubpatterns(pat: ast.TupleStructPat | ast.StructPat, fields: readonly { readonly name: string }[]): [number, ast.Pat][] {
    if (pat.kind === "StructPat") return pat.fields.map((f): [number, ast.Pat] => [this.p.fieldIndex.get(f.pat.id) ?? fields.findIndex((x) => x.name === f.name.name), f.pat]);
    const restAt = pat.elems.findIndex((x) => x.kind === "RestPat");
    return pat.elems.flatMap((sub, i): [number, ast.Pat][] => (sub.kind === "RestPat" ? [] : [[restAt >= 0 && i > restAt ? fields.length - (pat.elems.length - i) : i, sub]]));
  }

  patternTest(pat: ast.Pat, src: PlaceRef, ty: Ty): string {
    const derefs = this.p.patDerefs.get(pat.id) ?? 0;
    let v = this.read(src, pat.span);
    let t = ty;
    for (let i = 0; i < derefs; i++) {
      v = `rt.deref(${v})`;
      t = t.k === "ref" ? t.inner : t;
    }
    const conds: string[] = [];
    this.testInto(pat, v, t, conds);
    return conds.length ? conds.join(" && ") : "true";
  }

  private testInto(pat: ast.Pat, v: string, ty: Ty, out: string[]): void {
    const derefs = this.p.patDerefs.get(pat.id) ?? 0;
    for (let i = 0; i < derefs; i++) {
      v = `rt.deref(${v})`;
      ty = ty.k === "ref" ? ty.inner : ty;
    }
    switch (pat.kind) {
      case "WildPat":
      case "RestPat":
        return;
      case "IdentPat": {
        const r = this.p.res.get(pat.id);
        if (this.p.bindings.get(pat.id) === undefined && r) this.testRes(r, v, ty, out);
        if (pat.sub) this.testInto(pat.sub, v, ty, out);
        return;
      }
      case "TuplePat": {
        const elems = ty.k === "tuple" ? ty.elems : [];
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat");
        pat.elems.forEach((sub, i) => {
          if (sub.kind === "RestPat") return;
          const idx = restAt >= 0 && i > restAt ? elems.length - (pat.elems.length - i) : i;
          this.testInto(sub, `${v}[${idx}]`, elems[idx] ?? Ty.error, out);
        });
        return;
      }
      case "TupleStructPat":
      case "StructPat": {
        const r = this.p.res.get(pat.id);
        if (!r || r.kind !== "ctor") return;
        const d = this.ctx.tcx.def(r.def);
        if (d.kind === "variant") {
          if (d.enumDef === this.lang.Poll) {
            out.push(d.index === 1 ? `${v} === rt.PENDING` : `${v} !== rt.PENDING`);
            if (d.index === 0 && pat.kind === "TupleStructPat" && pat.elems[0]) this.testInto(pat.elems[0], v, this.fieldTy(ty, 0, r.def), out);
            return;
          }
          const en = this.ctx.tcx.def(d.enumDef);
          if (en.kind === "enum" && en.variants.length > 1) out.push(`${v}.tag === ${d.index}`);
        }
        const fields = this.ctx.tcx.fieldsOf(r.def);
        const subs = this.fieldSubpatterns(pat, fields);
        for (const [idx, sub] of subs) this.testInto(sub, `${v}.${this.fieldKey(r.def, idx)}`, this.fieldTy(ty, idx, r.def), out);
        return;
      }
      case "PathPat": {
        const r = this.p.res.get(pat.id);
        if (r) this.testRes(r, v, ty, out);
        return;
      }
      case "LitPat": {
        const lit = this.lit(pat.lit, ty);
        const neg = pat.negative ? `-${lit}` : lit;
        if (ty.k === "ref" && ty.inner.k === "str") out.push(`rt.deref(${v}) === ${neg}`);
        else out.push(`${paren(v)} === ${neg}`);
        return;
      }
      case "RangePat": {
        const bound = (p: ast.Pat | undefined) => (p?.kind === "LitPat" ? (p.negative ? `-${this.lit(p.lit, ty)}` : this.lit(p.lit, ty)) : p ? this.patConst(p) : undefined);
        const lo = bound(pat.lo);
        const hi = bound(pat.hi);
        const cmp = ty.k === "char" ? (a: string, op: string, b: string) => `rt.char_cmp(${a}, ${b}) ${op} 0` : (a: string, op: string, b: string) => `${a} ${op} ${b}`;
        if (lo) out.push(cmp(v, ">=", lo));
        if (hi) out.push(cmp(v, pat.inclusive ? "<=" : "<", hi));
        return;
      }
      case "RefPat":
        this.testInto(pat.inner, `rt.deref(${v})`, ty.k === "ref" ? ty.inner : ty, out);
        return;
      case "OrPat": {
        const alts = pat.alts.map((a) => {
          const c: string[] = [];
          this.testInto(a, v, ty, c);
          return c.length ? c.join(" && ") : "true";
        });
        out.push(`(${alts.map((a) => `(${a})`).join(" || ")})`);
        return;
      }
      case "SlicePat": {
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat" || (x.kind === "IdentPat" && x.sub?.kind === "RestPat"));
        const n = pat.elems.length;
        const len = `rt.len_of(${v})`;
        out.push(restAt >= 0 ? `${len} >= ${n - 1}` : `${len} === ${n}`);
        const elem = ty.k === "array" || ty.k === "slice" ? ty.elem : Ty.error;
        pat.elems.forEach((sub, i) => {
          if (i === restAt) return;
          const idx = restAt >= 0 && i > restAt ? `${len} - ${n - i}` : String(i);
          this.testInto(sub, `rt.elem_of(${v}, ${idx})`, elem, out);
        });
        return;
      }
    }
  }

  private patConst(p: ast.Pat): string | undefined {
    const r = this.p.res.get(p.id);
    if (r?.kind === "const") return this.constValue(r, p.span);
    return undefined;
  }

  private testRes(r: Res, v: string, ty: Ty, out: string[]): void {
    if (r.kind === "ctor") {
      const d = this.ctx.tcx.def(r.def);
      if (d.kind === "variant") {
        if (d.enumDef === this.lang.Poll) {
          out.push(d.index === 1 ? `${v} === rt.PENDING` : `${v} !== rt.PENDING`);
          return;
        }
        const std = stdPath(this.ctx, d.enumDef);
        if (std === "cmp::Ordering") {
          out.push(`${v} === ${d.index - 1}`);
          return;
        }
        const en = this.ctx.tcx.def(d.enumDef);
        if (en.kind === "enum" && en.variants.length > 1) out.push(`${v}.tag === ${d.index}`);
      }
      return;
    }
    if (r.kind === "const") out.push(`rt.desc_eq(${descOf(this.ctx, ty)}, ${v}, ${this.constValue(r, { lo: 0, hi: 0 })})`);
  }

  /** The JS property of field `idx` of a struct or variant. */
  fieldKey(def: DefId, idx: number): string {
    const f = this.ctx.tcx.fieldsOf(def)[idx];
    const d = this.ctx.tcx.def(def);
    const shape = d.kind === "struct" || d.kind === "variant" ? d.node.shape : "named";
    if (!f || shape === "tuple") return `_${idx}`;
    return jsProp(f.name);
  }

  /** Binds the variables of `pat` from the value at `src`. */
  bindPattern(pat: ast.Pat, src: PlaceRef, ty: Ty, opts: { declare: boolean; uninit?: boolean; forGuard?: boolean; scrutineeMoved?: boolean }): void {
    const derefs = this.p.patDerefs.get(pat.id) ?? 0;
    let place = src;
    let t = ty;
    for (let i = 0; i < derefs; i++) {
      place = t.k === "ref" && t.mutable ? { k: "derefMut", ptr: this.read(place, pat.span) } : { k: "derefShared", ref: this.read(place, pat.span) };
      t = t.k === "ref" ? t.inner : t;
    }
    switch (pat.kind) {
      case "WildPat":
      case "RestPat":
      case "LitPat":
      case "RangePat":
      case "PathPat":
        return;
      case "IdentPat": {
        const id = this.p.bindings.get(pat.id);
        if (id === undefined) return;
        const l = this.p.locals[id]!;
        let v: string;
        if (opts.uninit) v = "undefined";
        else if (l.byRef === "ref" || l.byRef === "refMut") {
          v = l.byRef === "ref" && (place.k === "js" || place.k === "value") ? this.read(place, pat.span) : this.borrow(place, pat.span);
        } else if (this.isCopy(l.ty)) v = this.copyOf(this.read(place, pat.span), l.ty);
        else v = opts.forGuard ? this.read(place, pat.span) : this.moveFromPattern(place, l.ty, pat.span);
        const pl = opts.forGuard ? this.guardPlace(id) : this.declareLocal(id);
        this.declareAt(pl, opts.uninit ? undefined : v, l.ty, pat.span);
        if (!opts.forGuard) this.registerDrop(pl, l.ty, pat.span);
        if (pat.sub) this.bindPattern(pat.sub, src, ty, opts);
        return;
      }
      case "TuplePat": {
        const elems = t.k === "tuple" ? t.elems : [];
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat");
        const obj = this.read(place, pat.span);
        pat.elems.forEach((sub, i) => {
          if (sub.kind === "RestPat") return;
          const idx = restAt >= 0 && i > restAt ? elems.length - (pat.elems.length - i) : i;
          this.bindPattern(sub, { k: "slot", obj, key: String(idx), computed: true }, elems[idx] ?? Ty.error, opts);
        });
        return;
      }
      case "TupleStructPat":
      case "StructPat": {
        const r = this.p.res.get(pat.id);
        if (!r || r.kind !== "ctor") return;
        const d = this.ctx.tcx.def(r.def);
        const obj = this.read(place, pat.span);
        const fields = this.ctx.tcx.fieldsOf(r.def);
        if (d.kind === "variant" && d.enumDef === this.lang.Poll) {
          if (pat.kind === "TupleStructPat" && pat.elems[0]) this.bindPattern(pat.elems[0], { k: "value", expr: obj }, this.fieldTy(t, 0, r.def), opts);
          return;
        }
        const subs = this.fieldSubpatterns(pat, fields);
        for (const [idx, sub] of subs) this.bindPattern(sub, { k: "slot", obj, key: this.fieldKey(r.def, idx) }, this.fieldTy(t, idx, r.def), opts);
        return;
      }
      case "RefPat":
        this.bindPattern(pat.inner, { k: "derefShared", ref: this.read(place, pat.span) }, t.k === "ref" ? t.inner : t, opts);
        return;
      case "OrPat": {
        // The bindings of the alternative that matched: test each alternative in turn.
        if (pat.alts.length === 0) return;
        const names = collectBindings(pat.alts[0]!, this.p.bindings);
        if (names.length === 0) return;
        for (const id of names) {
          const pl = this.declareLocal(id);
          this.declareAt(pl, undefined, this.p.locals[id]!.ty, pat.span);
        }
        pat.alts.forEach((alt, i) => {
          const c: string[] = [];
          this.testInto(alt, this.read(place, pat.span), t, c);
          this.line(`${i === 0 ? "if" : "} else if"} (${c.join(" && ") || "true"}) {`);
          this.w.indent(() => this.assignBindings(alt, place, t));
        });
        this.line("}");
        return;
      }
      case "SlicePat": {
        const elem = t.k === "array" || t.k === "slice" ? t.elem : Ty.error;
        const n = pat.elems.length;
        const obj = this.read(place, pat.span);
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat" || (x.kind === "IdentPat" && x.sub?.kind === "RestPat"));
        pat.elems.forEach((sub, i) => {
          if (i === restAt) {
            if (sub.kind === "IdentPat") {
              const id = this.p.bindings.get(sub.id);
              if (id !== undefined) {
                const pl = this.declareLocal(id);
                this.declareAt(pl, `rt.subslice_of(${obj}, ${i}, ${n - 1 - i})`, this.p.locals[id]!.ty, sub.span);
              }
            }
            return;
          }
          const idx = restAt >= 0 && i > restAt ? `rt.len_of(${obj}) - ${n - i}` : String(i);
          this.bindPattern(sub, { k: "value", expr: `rt.elem_of(${obj}, ${idx})` }, elem, opts);
        });
        return;
      }
    }
  }

  private moveFromPattern(place: PlaceRef, ty: Ty, span: Span): string {
    // A binding by value moves the matched part out. A part with drop glue leaves its place MOVED,
    // so that the rest of the scrutinee is dropped without it: `while let Some(n) = cur { cur = … }`
    // must not drop the `n` that the assignment's drop of the old `cur` would otherwise reach.
    if (place.k === "slot" && this.observableDrop(ty)) return `rt.moveOut(${place.obj}, ${place.computed ? place.key : jsString(place.key)}, ${this.loc(span)})`;
    if (place.k === "slot" && !place.computed && this.ctx.isComposite(ty)) return `rt.relocate(${this.read(place, span)}, ${this.loc(span)})`;
    return this.read(place, span);
  }

  private guardPlace(id: LocalId): PlaceRef {
    return this.declareLocal(id);
  }

  /** For or-patterns: assign (not declare) the bindings of one alternative. */
  private assignBindings(pat: ast.Pat, place: PlaceRef, ty: Ty): void {
    const saved = this.declareAt;
    this.declareAt = (pl, init, _t, span) => {
      if (init !== undefined) this.line(`${this.write(pl, init, span)};`);
    };
    const savedDeclare = this.declareLocal;
    this.declareLocal = (id) => this.names.get(id) ?? savedDeclare.call(this, id);
    try {
      this.bindPattern(pat, place, ty, { declare: false });
    } finally {
      this.declareAt = saved;
      this.declareLocal = savedDeclare;
    }
  }

  /** Emits `e` as the body of a function: the value to `return`, or undefined when it returned. */
  /** A body (fn, closure, const): its statements, and `return` of its value. `ty` is the body's type
   *  when the expression has none of its own (a fn's block). */
  exprToReturn(e: ast.Expr, ty: Ty = this.tyOf(e)): string | undefined {
    if (e.kind === "BlockExpr" && !e.label && !this.isAsync) {
      if (ty.k === "never" || (ty.k === "tuple" && ty.elems.length === 0)) {
        this.block(e.block, { kind: "discard" });
        return undefined;
      }
      this.block(e.block, { kind: "return" });
      return undefined;
    }
    return this.valueWithTemps(() => this.expr(e));
  }
}

/** Whether a pattern binds anything by reference (`ref x`, `ref mut x`). */
function patHasRefBinding(p: ast.Pat): boolean {
  let found = false;
  walkPat(p, { pat: (q) => void (found ||= q.kind === "IdentPat" && q.byRef !== "none") });
  return found;
}

/** Whether `e` suspends: an `.await`, `join!` or `select!` outside any closure or async block in it. */
export function containsAwait(e: ast.Expr): boolean {
  if (e.kind === "Await") return true;
  if (e.kind === "Closure" || e.kind === "AsyncBlock") return false;
  if (e.kind === "MacroCall" && (e.call.macro === "join" || e.call.macro === "select")) return true;
  return childExprsAll(e).some(containsAwait);
}

export type Dest = { readonly kind: "discard" } | { readonly kind: "assign"; readonly target: string } | { readonly kind: "return" };

function fmtPiece(p: ast.FmtPiece & { kind: "arg" }): string {
  const s = p.spec;
  const parts: string[] = [];
  if (s.fill !== " ") parts.push(`fill: ${jsString(s.fill)}`);
  if (s.align) parts.push(`align: ${jsString(s.align)}`);
  if (s.sign) parts.push(`sign: ${jsString(s.sign)}`);
  if (s.alternate) parts.push("alternate: true");
  if (s.zero) parts.push("zero: true");
  if (s.width) parts.push(`width: ${s.width.kind === "literal" ? `rt.lit(${s.width.value})` : `rt.countArg(${s.width.arg})`}`);
  if (s.precision) parts.push(`precision: ${s.precision.kind === "literal" ? `rt.lit(${s.precision.value})` : `rt.countArg(${s.precision.arg})`}`);
  if (s.trait) parts.push(`trait: ${jsString(s.trait)}`);
  return parts.length ? `{ arg: ${p.arg}, spec: { ${parts.join(", ")} } }` : `{ arg: ${p.arg} }`;
}

export function paren(s: string): string {
  return /^[\w$.]+$/.test(s) || /^[\w$.]+\(.*\)$/.test(s) || /^".*"$/.test(s) ? s : `(${s})`;
}

/** A literal, or an await's result read (`$r0`): an expression statement of it does nothing. */
function isTrivial(v: string): boolean {
  return /^(-?\d+(\.\d+)?(e[+-]?\d+)?n?|true|false|undefined|"([^"\\]|\\.)*"|\$r\d+)$/.test(v);
}

export function intLiteral(v: bigint): string {
  return v >= -9007199254740991n && v <= 9007199254740991n ? String(v) : `${v}n`;
}

export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  const s = String(x);
  return s;
}

function sizeHint(t: Ty): number {
  switch (t.k) {
    case "int":
      return t.kind.endsWith("8") ? 1 : t.kind.endsWith("16") ? 2 : t.kind.endsWith("32") ? 4 : t.kind.endsWith("128") ? 16 : 8;
    case "float":
      return t.kind === "f32" ? 4 : 8;
    case "bool":
      return 1;
    case "char":
      return 4;
    default:
      return 8;
  }
}

function hasLet(e: ast.Expr): boolean {
  if (e.kind === "LetCond") return true;
  if (e.kind === "Binary" && e.op === "&&") return hasLet(e.lhs) || hasLet(e.rhs);
  return false;
}

function hasRefBinding(p: ast.Pat, bindings: ReadonlyMap<ast.NodeId, LocalId>, locals: readonly Local[]): boolean {
  switch (p.kind) {
    case "IdentPat": {
      const id = bindings.get(p.id);
      if (p.byRef !== "none") return true;
      void locals;
      void id;
      return !!p.sub && hasRefBinding(p.sub, bindings, locals);
    }
    case "TuplePat":
    case "SlicePat":
    case "TupleStructPat":
      return p.elems.some((x) => hasRefBinding(x, bindings, locals));
    case "StructPat":
      return p.fields.some((f) => hasRefBinding(f.pat, bindings, locals));
    case "RefPat":
      return hasRefBinding(p.inner, bindings, locals);
    case "OrPat":
      return p.alts.some((x) => hasRefBinding(x, bindings, locals));
    default:
      return false;
  }
}

function collectBindings(p: ast.Pat, bindings: ReadonlyMap<ast.NodeId, LocalId>): LocalId[] {
  const out: LocalId[] = [];
  const visit = (q: ast.Pat) => {
    switch (q.kind) {
      case "IdentPat": {
        const id = bindings.get(q.id);
        if (id !== undefined) out.push(id);
        if (q.sub) visit(q.sub);
        return;
      }
      case "TuplePat":
      case "SlicePat":
      case "TupleStructPat":
        q.elems.forEach(visit);
        return;
      case "StructPat":
        q.fields.forEach((f) => visit(f.pat));
        return;
      case "RefPat":
        visit(q.inner);
        return;
      case "OrPat":
        if (q.alts[0]) visit(q.alts[0]);
        return;
      default:
        return;
    }
  };
  visit(p);
  return out;
}

/** Sub-expressions including those in blocks (not nested closures' bodies? they are included: a
 *  closure can borrow an outer local). */
export function childExprsAll(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case "BlockExpr":
    case "AsyncBlock":
      return blockExprs(e.block);
    case "If":
      return [e.cond, ...blockExprs(e.then), ...(e.else ? [e.else] : [])];
    case "While":
      return [e.cond, ...blockExprs(e.body)];
    case "Loop":
      return blockExprs(e.body);
    case "For":
      return [e.iter, ...blockExprs(e.body)];
    case "Closure":
      return [e.body];
    default:
      return shallowChildExprs(e);
  }
}


import { blockExprs, childExprs as shallowChildExprs } from "../resolve/defs.js";
export type { StdArgs };
