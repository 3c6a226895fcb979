// Lowering expressions to MIR, after rustc_mir_build/src/builder/expr/: every expression is lowered in
// one of four ways, chosen by its *category*:
//
//   into(dest, e)    evaluate e and write it to `dest`            (blocks, if, match, calls, loops, …)
//   asPlace(e)       a place naming e's value                     (locals, fields, `*p`, indexing;
//                                                                  other expressions go to a temporary)
//   asOperand(e)     a constant, or `move` of a fresh temporary   (call arguments, aggregate fields,
//                                                                  operator operands)
//   asRvalue(e)      an rvalue for `dest = …`                     (`&p`, `a + b`, aggregates, casts)
//
// The temporaries are rustc's: `x + f().await` copies `x` into a temporary before the await, which is
// why rustc's coroutine stores a `..coroutine_field` for it and not `x`. Every expression also gets its
// own scope, so that the drops of its operand temporaries end with it — which decides where drop
// flags appear. Adjustments recorded by the type checker (auto-deref, auto-ref, coercions) are applied
// as explicit deref/borrow/cast layers around the expression, as rustc's THIR does.

import type * as ast from "../syntax/ast.js";
import { joinSpans, type Span } from "../syntax/source.js";
import { def as defOf } from "../resolve/defs.js";
import type { Adjustment, Res } from "../resolve/program.js";
import { Ty, isIntegral, isNumeric, type DefId, type IntKind } from "../resolve/ty.js";
import type { Builder } from "./builder.js";
import type { Scope } from "./scope.js";
import {
  place,
  projectPlace,
  type AggregateKind,
  type BinOp,
  type BlockId,
  type Constant,
  type Local,
  type Operand,
  type Place,
  type Rvalue,
} from "./types.js";

/** An expression with its adjustments spelled out (rustc's THIR shape). */
export type TExpr =
  | { readonly k: "ast"; readonly e: ast.Expr; readonly ty: Ty; readonly scoped: boolean }
  | { readonly k: "deref"; readonly of: TExpr; readonly ty: Ty; readonly overloaded: "none" | "deref" | "derefMut"; readonly span: Span; readonly scoped: boolean }
  | { readonly k: "borrow"; readonly of: TExpr; readonly mutable: boolean; readonly ty: Ty; readonly span: Span; readonly scoped: boolean }
  | { readonly k: "cast"; readonly of: TExpr; readonly ty: Ty; readonly span: Span; readonly scoped: boolean; readonly cast: "unsize" | "coerce" }
  /** An operand computed elsewhere (a desugaring's intermediate value). */
  | { readonly k: "operand"; readonly op: Operand; readonly ty: Ty; readonly span: Span; readonly scoped: boolean }
  /** A place computed elsewhere. */
  | { readonly k: "place"; readonly place: Place; readonly ty: Ty; readonly span: Span; readonly scoped: boolean };

export type Category = "place" | "constant" | "rvalueAs" | "rvalueInto";

export class ExprLowering {
  constructor(readonly b: Builder) {}

  get p() {
    return this.b.program;
  }
  get lang() {
    return this.p.tcx.lang;
  }

  // ------------------------------------------------------------------------------------------------
  // THIR-like view of an expression

  tyOf(e: ast.Expr): Ty {
    return this.p.exprTypes.get(e.id) ?? Ty.error;
  }

  mirror(e: ast.Expr): TExpr {
    let x: TExpr = { k: "ast", e, ty: this.tyOf(e), scoped: false };
    const adj = this.p.adjustments.get(e.id) ?? [];
    for (const a of adj) x = this.applyAdjustment(x, a, e.span);
    return { ...x, scoped: true } as TExpr;
  }

  private applyAdjustment(x: TExpr, a: Adjustment, span: Span): TExpr {
    switch (a.kind) {
      case "deref":
        return { k: "deref", of: x, ty: a.target, overloaded: a.overloaded, span, scoped: false };
      case "borrow":
        return { k: "borrow", of: x, mutable: a.mutable, ty: a.target, span, scoped: false };
      case "unsize":
        return { k: "cast", of: x, ty: a.target, span, scoped: false, cast: "unsize" };
      case "cast":
        return { k: "cast", of: x, ty: a.target, span, scoped: false, cast: "coerce" };
    }
  }

  spanOf(x: TExpr): Span {
    return x.k === "ast" ? x.e.span : x.span;
  }

  category(x: TExpr): Category {
    switch (x.k) {
      case "deref":
      case "place":
        return "place";
      case "borrow":
      case "cast":
        return "rvalueAs";
      case "operand":
        return x.op.kind === "const" ? "constant" : "rvalueAs";
      case "ast":
        return this.astCategory(x.e);
    }
  }

  private astCategory(e: ast.Expr): Category {
    switch (e.kind) {
      case "Lit":
        return "constant";
      case "Path": {
        const r = this.p.res.get(e.id);
        if (!r || r.kind === "local" || r.kind === "static") return "place";
        if (r.kind === "ctor") {
          const d = this.p.tcx.def(r.def);
          const shape = d.kind === "struct" || d.kind === "variant" ? d.node.shape : "unit";
          return shape === "unit" ? "rvalueAs" : "constant";
        }
        return "constant";
      }
      case "Field":
      case "Index":
        return "place";
      case "Unary":
        if (e.op === "deref") return "place";
        return this.isBuiltinUnary(e) ? "rvalueAs" : "rvalueInto";
      case "Binary":
        if (e.op === "&&" || e.op === "||") return "rvalueInto";
        return this.isBuiltinBinary(e) ? "rvalueAs" : "rvalueInto";
      case "Ref":
      case "Tuple":
      case "Array":
      case "ArrayRepeat":
      case "Struct":
      case "Cast":
      case "Closure":
      case "AsyncBlock":
        return "rvalueAs";
      case "Range":
        return e.lo && e.hi && e.inclusive ? "rvalueInto" : "rvalueAs";
      case "Call": {
        const r = e.callee.kind === "Path" ? this.p.res.get(e.callee.id) : undefined;
        if (r?.kind === "ctor") return "rvalueAs";
        return "rvalueInto";
      }
      case "MacroCall":
        switch (e.call.macro) {
          case "line":
          case "column":
          case "file":
          case "stringify":
          case "concat":
            return "constant";
          case "addr_of":
          case "addr_of_mut":
            return "rvalueAs";
          default:
            return "rvalueInto";
        }
      case "Error":
        return "constant";
      default:
        return "rvalueInto";
    }
  }

  private isOverloadedIndex(e: ast.IndexExpr): boolean {
    const obj = this.adjustedTy(e.object);
    return !(obj.k === "array" || obj.k === "slice") || !isIntegral(this.tyOf(e.index));
  }

  /** The type of an expression after its adjustments. */
  adjustedTy(e: ast.Expr): Ty {
    const adj = this.p.adjustments.get(e.id);
    return adj && adj.length ? adj[adj.length - 1]!.target : this.tyOf(e);
  }

  private isScalar(t: Ty): boolean {
    return isNumeric(t) || t.k === "bool" || t.k === "char" || t.k === "ptr" || t.k === "fnptr";
  }

  isBuiltinBinary(e: ast.BinaryExpr): boolean {
    const l = this.adjustedTy(e.lhs);
    const r = this.adjustedTy(e.rhs);
    return this.isScalar(l) && this.isScalar(r);
  }

  private isBuiltinUnary(e: ast.UnaryExpr): boolean {
    return this.isScalar(this.adjustedTy(e.operand));
  }

  // ------------------------------------------------------------------------------------------------
  // The four entry points

  /** `dest = e`, for any expression. */
  into(dest: Place, b: BlockId, x: TExpr): BlockId {
    if (x.scoped) return this.b.inScope(b, "temps", (bb) => this.into(dest, bb, { ...x, scoped: false } as TExpr));
    const span = this.spanOf(x);
    switch (this.category(x)) {
      case "place": {
        const [b1, p] = this.asPlace(b, x);
        this.b.assign(b1, dest, { kind: "use", operand: this.consume(p, x.ty) }, span);
        return b1;
      }
      case "constant":
        this.b.assign(b, dest, { kind: "use", operand: this.constant(x) }, span);
        return b;
      case "rvalueAs": {
        const [b1, rv] = this.asRvalue(b, x);
        this.b.assign(b1, dest, rv, span);
        return b1;
      }
      case "rvalueInto":
        if (x.k !== "ast") throw new Error("internal error: non-AST into-expression (please report this as a bug in pinion)");
        return this.intoAst(dest, b, x.e);
    }
  }

  /** A place holding e's value. Rvalues go to a temporary living until the temporary scope ends. */
  asPlace(b: BlockId, x: TExpr, opts: { mutable?: boolean; tempScope?: Scope } = {}): [BlockId, Place] {
    if (x.scoped) {
      let out: Place | undefined;
      const b2 = this.b.inScope(b, "temps", (bb) => {
        const [b1, p] = this.asPlace(bb, { ...x, scoped: false } as TExpr, opts);
        out = p;
        return b1;
      });
      return [b2, out!];
    }
    if (this.category(x) !== "place") {
      const [b1, t] = this.asTemp(b, x, opts.tempScope ?? this.b.tempScope);
      return [b1, place(t)];
    }
    return this.placeOf(b, x);
  }

  /** An operand: a constant, or `move` of a temporary holding the value (in the innermost scope). */
  asOperand(b: BlockId, x: TExpr, scope?: Scope): [BlockId, Operand] {
    if (x.scoped) {
      let out: Operand | undefined;
      const outer = scope ?? this.b.topScope;
      const b2 = this.b.inScope(b, "temps", (bb) => {
        const [b1, o] = this.asOperand(bb, { ...x, scoped: false } as TExpr, outer);
        out = o;
        return b1;
      });
      return [b2, out!];
    }
    if (x.k === "operand") return [b, x.op];
    if (this.category(x) === "constant") return [b, this.constant(x)];
    const [b1, t] = this.asTemp(b, x, scope ?? this.b.topScope);
    return [b1, { kind: "move", place: place(t) }];
  }

  /** A fresh temporary holding e's value, with its storage and drop scheduled in `scope`. */
  asTemp(b: BlockId, x: TExpr, scope: Scope, opts: { name?: string } = {}): [BlockId, Local] {
    if (x.scoped) {
      let out: Local | undefined;
      const b2 = this.b.inScope(b, "temps", (bb) => {
        const [b1, l] = this.asTemp(bb, { ...x, scoped: false } as TExpr, scope, opts);
        out = l;
        return b1;
      });
      return [b2, out!];
    }
    const span = this.spanOf(x);
    const t = opts.name ? this.b.newLocal({ ty: x.ty, kind: "named", name: opts.name, span }) : this.b.temp(x.ty, span);
    if (x.ty.k !== "never") {
      this.b.storageLive(b, t, span);
      this.b.scheduleDrop(scope, t, "storage", span);
    }
    const b1 = this.into(place(t), b, x);
    this.b.scheduleDrop(scope, t, "value", span);
    return [b1, t];
  }

  asRvalue(b: BlockId, x: TExpr): [BlockId, Rvalue] {
    if (x.scoped) {
      let out: Rvalue | undefined;
      const b2 = this.b.inScope(b, "temps", (bb) => {
        const [b1, r] = this.asRvalue(bb, { ...x, scoped: false } as TExpr);
        out = r;
        return b1;
      });
      return [b2, out!];
    }
    const cat = this.category(x);
    if (cat === "constant") return [b, { kind: "use", operand: this.constant(x) }];
    if (cat === "place" || cat === "rvalueInto") {
      const [b1, op] = this.asOperand(b, x);
      return [b1, { kind: "use", operand: op }];
    }
    return this.rvalueAs(b, x);
  }

  consume(p: Place, ty: Ty): Operand {
    return this.b.isCopy(ty) ? { kind: "copy", place: p } : { kind: "move", place: p };
  }

  // ------------------------------------------------------------------------------------------------
  // Constants

  constant(x: TExpr): Operand {
    if (x.k === "operand") return x.op;
    if (x.k !== "ast") return { kind: "const", value: { kind: "unit" }, ty: x.ty };
    const e = x.e;
    const c = this.constValue(e);
    return { kind: "const", value: c, ty: x.ty };
  }

  private constValue(e: ast.Expr): Constant {
    switch (e.kind) {
      case "Lit": {
        const l = e.lit;
        switch (l.type) {
          case "int":
            return { kind: "int", value: l.value };
          case "float":
            return { kind: "float", value: l.value };
          case "bool":
            return { kind: "bool", value: l.value };
          case "char":
            return { kind: "char", value: l.value };
          case "byte":
            return { kind: "int", value: BigInt(l.value) };
          case "str":
            return { kind: "str", value: l.value };
          case "byteStr":
            return { kind: "bytes", value: l.value };
        }
        break;
      }
      case "Path": {
        const r = this.p.res.get(e.id);
        if (r?.kind === "fn") return { kind: "fn", def: r.def, args: r.args, ...(r.selfTy ? { selfTy: r.selfTy } : {}) };
        if (r?.kind === "ctor") return { kind: "fn", def: r.def, args: r.args };
        if (r?.kind === "const") return { kind: "const", def: r.def, ...(r.selfTy ? { selfTy: r.selfTy } : {}) };
        return { kind: "unit" };
      }
      case "MacroCall": {
        const m = e.call;
        if (m.macro === "stringify") return { kind: "str", value: m.text };
        if (m.macro === "line" || m.macro === "column") {
          const lc = this.p.file.lineCol(e.span.lo);
          return { kind: "int", value: BigInt(m.macro === "line" ? lc.line : lc.column) };
        }
        if (m.macro === "file") return { kind: "str", value: this.p.file.name };
        if (m.macro === "concat") return { kind: "str", value: m.parts.map((p) => (p.kind === "Lit" ? String((p.lit as { value: unknown }).value) : "")).join("") };
        return { kind: "unit" };
      }
      default:
        return { kind: "unit" };
    }
    return { kind: "unit" };
  }

  // ------------------------------------------------------------------------------------------------
  // Places

  private placeOf(b: BlockId, x: TExpr): [BlockId, Place] {
    const span = this.spanOf(x);
    switch (x.k) {
      case "place":
        return [b, x.place];
      case "deref": {
        if (x.overloaded === "none") {
          const [b1, p] = this.asPlace(b, x.of);
          return [b1, projectPlace(p, { kind: "deref" })];
        }
        // `*Deref::deref(&x)` / `*DerefMut::deref_mut(&mut x)`
        const mutable = x.overloaded === "derefMut";
        const trait = mutable ? this.lang.DerefMut : this.lang.Deref;
        const method = this.b.traitMethod(trait, mutable ? "deref_mut" : "deref");
        const recvTy = Ty.ref(x.of.ty, mutable);
        const refTy = Ty.ref(x.ty, mutable);
        const [b1, t] = this.callToTemp(b, this.b.fnConst(method, [], span, x.of.ty), [{ k: "borrow", of: x.of, mutable, ty: recvTy, span, scoped: false }], refTy, span);
        return [b1, projectPlace(place(t), { kind: "deref" })];
      }
      case "ast":
        return this.astPlace(b, x.e);
      default:
        throw new Error(`internal error: ${x.k} is not a place (please report this as a bug in pinion)`);
    }
  }

  private astPlace(b: BlockId, e: ast.Expr): [BlockId, Place] {
    switch (e.kind) {
      case "Path": {
        const r = this.p.res.get(e.id);
        if (r?.kind === "local") return [b, this.localPlace(r.local, e.span)];
        if (r?.kind === "static") {
          // A static is reached through a constant pointer to it.
          const t = this.b.temp(Ty.ref(this.tyOf(e), true), e.span);
          this.b.storageLive(b, t, e.span);
          this.b.scheduleDrop(this.b.tempScope, t, "storage", e.span);
          this.b.assign(b, place(t), { kind: "use", operand: { kind: "const", value: { kind: "const", def: r.def }, ty: Ty.ref(this.tyOf(e), true) } }, e.span);
          return [b, projectPlace(place(t), { kind: "deref" })];
        }
        return [b, place(this.b.temp(this.tyOf(e), e.span))];
      }
      case "Field": {
        const captured = this.capturedFieldPlace(e);
        if (captured) return [b, captured];
        const [b1, base] = this.asPlace(b, this.mirror(e.object));
        const idx = this.p.fieldIndex.get(e.id) ?? 0;
        return [b1, projectPlace(base, { kind: "field", index: idx, ty: this.tyOf(e) })];
      }
      case "Index":
        return this.indexPlace(b, e);
      case "Unary": {
        // `*x` (the type checker only allows built-in derefs or Deref impls here).
        const inner = this.mirror(e.operand);
        const t = this.adjustedTy(e.operand);
        if (t.k === "ref" || t.k === "ptr" || (t.k === "adt" && t.def === this.lang.Box)) {
          const [b1, p] = this.asPlace(b, inner);
          return [b1, projectPlace(p, { kind: "deref" })];
        }
        return this.placeOf(b, { k: "deref", of: inner, ty: this.tyOf(e), overloaded: "deref", span: e.span, scoped: false });
      }
      default:
        return [b, place(this.b.temp(this.tyOf(e), e.span))];
    }
  }

  /** The place of a variable: a local of this body, or a captured variable through the environment. */
  localPlace(id: number, span: Span): Place {
    const mine = this.b.varLocal(id);
    if (mine !== undefined) return place(mine);
    const up = this.b.upvarPlaces.get(id)?.find((u) => u.path.length === 0);
    if (up) return up.byRef ? projectPlace(up.place, { kind: "deref" }) : up.place;
    // A variable not yet declared (a binding declared by a pattern we lower later): declare it now.
    void span;
    return place(this.b.declareVar(id));
  }

  /** Inside a closure or async block, `cfg.name` may be a captured place of its own (edition 2021
   *  disjoint captures): the upvar, then whatever fields remain below the captured path. */
  private capturedFieldPlace(e: ast.FieldExpr): Place | undefined {
    const path: { index: number; ty: Ty }[] = [];
    let cur: ast.Expr = e;
    while (cur.kind === "Field") {
      if ((this.p.adjustments.get(cur.object.id) ?? []).some((a) => a.kind === "deref")) return undefined;
      path.unshift({ index: this.p.fieldIndex.get(cur.id) ?? 0, ty: this.tyOf(cur) });
      cur = cur.object;
    }
    if (cur.kind !== "Path") return undefined;
    const r = this.p.res.get(cur.id);
    if (r?.kind !== "local" || this.b.varLocal(r.local) !== undefined) return undefined;
    const ups = this.b.upvarPlaces.get(r.local);
    if (!ups) return undefined;
    for (const u of ups) {
      if (u.path.length === 0 || u.path.length > path.length || !u.path.every((x, i) => x === path[i]!.index)) continue;
      let p: Place = u.byRef ? projectPlace(u.place, { kind: "deref" }) : u.place;
      for (const f of path.slice(u.path.length)) p = projectPlace(p, { kind: "field", index: f.index, ty: f.ty });
      return p;
    }
    return undefined;
  }

  private indexPlace(b: BlockId, e: ast.IndexExpr): [BlockId, Place] {
    if (this.isOverloadedIndex(e)) {
      // `*Index::index(&obj, idx)`: autoref of the object was recorded as an adjustment? No: indexing
      // always borrows the base. We borrow its adjusted place here.
      const objTy = this.adjustedTy(e.object);
      const method = this.b.traitMethod(this.lang.Index, "index");
      const span = e.span;
      const elemTy = this.tyOf(e);
      const [b1, t] = this.callToTemp(
        b,
        this.b.fnConst(method, [this.tyOf(e.index)], span, objTy),
        [{ k: "borrow", of: this.mirror(e.object), mutable: false, ty: Ty.ref(objTy), span, scoped: false }, this.mirror(e.index)],
        Ty.ref(elemTy),
        span,
      );
      return [b1, projectPlace(place(t), { kind: "deref" })];
    }
    const [b1, base] = this.asPlace(b, this.mirror(e.object));
    const [b2, idx] = this.asTemp(b1, this.mirror(e.index), this.b.topScope);
    // Bounds check: `len = Len(base); lt = Lt(idx, len); assert(lt)`.
    const len = this.b.temp(Ty.usize, e.span);
    const lt = this.b.temp(Ty.bool, e.span);
    this.b.assign(b2, place(len), { kind: "len", place: base }, e.span);
    this.b.assign(b2, place(lt), { kind: "binary", op: "Lt", lhs: { kind: "copy", place: place(idx) }, rhs: { kind: "copy", place: place(len) } }, e.span);
    const b3 = this.b.assert(b2, { kind: "move", place: place(lt) }, true, { kind: "boundsCheck" }, e.span);
    return [b3, projectPlace(base, { kind: "index", local: idx })];
  }

  /** `tmp = func(args…)` into a fresh temporary scheduled in the temporary scope. */
  callToTemp(b: BlockId, func: Operand, args: TExpr[], ty: Ty, span: Span): [BlockId, Local] {
    const scope = this.b.tempScope;
    const t = this.b.temp(ty, span);
    this.b.storageLive(b, t, span);
    this.b.scheduleDrop(scope, t, "storage", span);
    const b1 = this.b.inScope(b, "temps", (bb) => {
      const ops: Operand[] = [];
      for (const a of args) {
        const [bx, o] = this.asOperand(bb, a);
        bb = bx;
        ops.push(o);
      }
      return this.b.call(bb, func, ops, place(t), span);
    });
    this.b.scheduleDrop(scope, t, "value", span);
    return [b1, t];
  }

  // ------------------------------------------------------------------------------------------------
  // Rvalues

  private rvalueAs(b: BlockId, x: TExpr): [BlockId, Rvalue] {
    const span = this.spanOf(x);
    switch (x.k) {
      case "borrow": {
        const [b1, p] = this.asPlace(b, x.of, { tempScope: this.b.tempScope });
        return [b1, { kind: "ref", mutable: x.mutable, place: p }];
      }
      case "cast": {
        const [b1, op] = this.asOperand(b, x.of);
        return [b1, { kind: "cast", cast: x.cast === "unsize" ? "unsize" : "ptrToPtr", operand: op, ty: x.ty }];
      }
      case "operand":
        return [b, { kind: "use", operand: x.op }];
      case "ast":
        return this.astRvalue(b, x.e, x.ty);
      default:
        throw new Error(`internal error: ${x.k} is not an rvalue (please report this as a bug in pinion)`);
    }
    void span;
  }

  private astRvalue(b: BlockId, e: ast.Expr, ty: Ty): [BlockId, Rvalue] {
    switch (e.kind) {
      case "Ref": {
        const [b1, p] = this.asPlace(b, this.mirror(e.operand), { tempScope: this.b.tempScope });
        return [b1, e.raw ? { kind: "rawPtr", mutable: e.mutable, place: p } : { kind: "ref", mutable: e.mutable, place: p }];
      }
      case "Unary": {
        const [b1, op] = this.asOperand(b, this.mirror(e.operand));
        const t = this.adjustedTy(e.operand);
        if (e.op === "neg" && t.k === "int" && t.kind.startsWith("i")) {
          // Debug builds check `-MIN`.
          const isMin = this.b.temp(Ty.bool, e.span);
          this.b.assign(b1, place(isMin), { kind: "binary", op: "Eq", lhs: op, rhs: { kind: "const", value: { kind: "int", value: intMin(t.kind) }, ty: t } }, e.span);
          const b2 = this.b.assert(b1, { kind: "move", place: place(isMin) }, false, { kind: "overflow", op: "Neg" }, e.span);
          return [b2, { kind: "unary", op: "Neg", operand: op }];
        }
        return [b1, { kind: "unary", op: e.op === "neg" ? "Neg" : "Not", operand: op }];
      }
      case "Binary": {
        const [b1, l] = this.asOperand(b, this.mirror(e.lhs));
        const [b2, r] = this.asOperand(b1, this.mirror(e.rhs));
        return this.binaryOp(b2, e.op, ty, this.adjustedTy(e.lhs), l, r, e.span);
      }
      case "Cast": {
        const [b1, op] = this.asOperand(b, this.mirror(e.operand));
        const from = this.adjustedTy(e.operand);
        const cast = from.k === "ref" && ty.k === "ptr" ? "refToPtr" : from.k === "ptr" && ty.k === "ptr" ? "ptrToPtr" : "numeric";
        return [b1, { kind: "cast", cast, operand: op, ty }];
      }
      case "Tuple":
        return this.aggregate(b, { kind: "tuple" }, e.elems.map((x) => this.mirror(x)));
      case "Array": {
        const elem = ty.k === "array" ? ty.elem : Ty.error;
        return this.aggregate(b, { kind: "array", elem }, e.elems.map((x) => this.mirror(x)));
      }
      case "ArrayRepeat": {
        const [b1, op] = this.asOperand(b, this.mirror(e.elem));
        return [b1, { kind: "repeat", operand: op, count: ty.k === "array" ? ty.len : undefined }];
      }
      case "Struct":
        return this.structLit(b, e, ty);
      case "Path": {
        // A unit struct or unit variant value.
        const r = this.p.res.get(e.id);
        if (r?.kind === "ctor") return [b, { kind: "aggregate", agg: this.adtAgg(r.def, r.args), operands: [] }];
        return [b, { kind: "use", operand: { kind: "const", value: { kind: "unit" }, ty } }];
      }
      case "Call": {
        // A tuple struct or variant constructor: an aggregate, not a call.
        const r = this.p.res.get((e.callee as ast.PathExpr).id) as Res & { kind: "ctor" };
        return this.aggregate(b, this.adtAgg(r.def, r.args), e.args.map((a) => this.mirror(a)));
      }
      case "Range": {
        const L = this.lang;
        const def = e.lo && e.hi ? L.Range : e.lo ? L.RangeFrom : e.hi ? (e.inclusive ? L.RangeToInclusive : L.RangeTo) : L.RangeFull;
        const elemArgs = ty.k === "adt" ? ty.args : [];
        const ops = [e.lo, e.hi].filter((x): x is ast.Expr => !!x).map((x) => this.mirror(x));
        return this.aggregate(b, { kind: "adt", def, variant: 0, args: elemArgs }, ops);
      }
      case "Closure":
        return this.closureValue(b, e);
      case "AsyncBlock":
        return this.asyncBlockValue(b, e);
      case "MacroCall": {
        const m = e.call;
        if (m.macro === "addr_of" || m.macro === "addr_of_mut") {
          const [b1, p] = this.asPlace(b, this.mirror(m.place));
          return [b1, { kind: "rawPtr", mutable: m.macro === "addr_of_mut", place: p }];
        }
        break;
      }
      default:
        break;
    }
    throw new Error(`internal error: expression ${e.kind} has no rvalue form (please report this as a bug in pinion)`);
  }

  adtAgg(ctorDef: DefId, args: readonly Ty[]): AggregateKind {
    const d = this.p.tcx.def(ctorDef);
    if (d.kind === "variant") return { kind: "adt", def: d.enumDef, variant: d.index, args };
    return { kind: "adt", def: ctorDef, variant: 0, args };
  }

  aggregate(b: BlockId, agg: AggregateKind, elems: TExpr[]): [BlockId, Rvalue] {
    const ops: Operand[] = [];
    const scope = this.b.topScope;
    for (const x of elems) {
      const [b1, o] = this.asOperand(b, x, scope);
      b = b1;
      ops.push(o);
    }
    return [b, { kind: "aggregate", agg, operands: ops }];
  }

  private structLit(b: BlockId, e: ast.StructExpr, ty: Ty): [BlockId, Rvalue] {
    const r = this.p.res.get(e.id);
    if (!r || r.kind !== "ctor") return [b, { kind: "use", operand: { kind: "const", value: { kind: "unit" }, ty } }];
    const fields = this.p.tcx.fieldsOf(r.def);
    const scope = this.b.topScope;
    // Fields are evaluated in the order written, then placed in declaration order.
    const byIndex = new Map<number, Operand>();
    for (const f of e.fields) {
      const idx = this.p.fieldIndex.get(f.value.id) ?? fields.findIndex((x) => x.name === f.name.name);
      const [b1, o] = this.asOperand(b, this.mirror(f.value), scope);
      b = b1;
      byIndex.set(idx, o);
    }
    if (e.base) {
      const [b1, basePlace] = this.asPlace(b, this.mirror(e.base));
      b = b1;
      fields.forEach((f, i) => {
        if (byIndex.has(i)) return;
        const fty = this.fieldTy(ty, i);
        byIndex.set(i, this.consume(projectPlace(basePlace, { kind: "field", index: i, ty: fty }), fty));
      });
    }
    const ops = fields.map((_, i) => byIndex.get(i) ?? ({ kind: "const", value: { kind: "unit" }, ty: Ty.unit } as Operand));
    return [b, { kind: "aggregate", agg: this.adtAgg(r.def, r.args), operands: ops }];
  }

  /** The type of field `i` of a struct value type (substituted). */
  fieldTy(adtTy: Ty, i: number, variantDef?: DefId): Ty {
    if (adtTy.k === "tuple") return adtTy.elems[i] ?? Ty.error;
    if (adtTy.k !== "adt") return Ty.error;
    const tcx = this.p.tcx;
    const fields = tcx.fieldsOf(variantDef ?? adtTy.def);
    const f = fields[i];
    if (!f) return Ty.error;
    const s = tcx.substFor(tcx.genericsOf(adtTy.def), adtTy.args);
    return this.b.solver.normalize(tcx.subst(f.ty, s));
  }

  /** Checked arithmetic as a debug build does it; comparisons and the rest plain. */
  binaryOp(b: BlockId, op: ast.BinaryOp, resultTy: Ty, lhsTy: Ty, l: Operand, r: Operand, span: Span): [BlockId, Rvalue] {
    const mirOp = BINOP[op];
    if (!mirOp) throw new Error(`internal error: operator ${op} (please report this as a bug in pinion)`);
    const intKind = lhsTy.k === "int" ? lhsTy.kind : undefined;
    if (intKind && (op === "+" || op === "-" || op === "*")) {
      const checked: BinOp = op === "+" ? "AddWithOverflow" : op === "-" ? "SubWithOverflow" : "MulWithOverflow";
      const tupTy = Ty.tuple([resultTy, Ty.bool]);
      const res = this.b.temp(tupTy, span);
      this.b.assign(b, place(res), { kind: "binary", op: checked, lhs: l, rhs: r }, span);
      const b1 = this.b.assert(b, { kind: "move", place: projectPlace(place(res), { kind: "field", index: 1, ty: Ty.bool }) }, false, { kind: "overflow", op: mirOp }, span);
      return [b1, { kind: "use", operand: { kind: "move", place: projectPlace(place(res), { kind: "field", index: 0, ty: resultTy }) } }];
    }
    if (intKind && (op === "/" || op === "%")) {
      const isZero = this.b.temp(Ty.bool, span);
      this.b.assign(b, place(isZero), { kind: "binary", op: "Eq", lhs: copyOf(r), rhs: { kind: "const", value: { kind: "int", value: 0n }, ty: lhsTy } }, span);
      b = this.b.assert(b, { kind: "move", place: place(isZero) }, false, { kind: op === "/" ? "divisionByZero" : "remainderByZero" }, span);
      if (intKind.startsWith("i")) {
        const isNegOne = this.b.temp(Ty.bool, span);
        const isMin = this.b.temp(Ty.bool, span);
        const both = this.b.temp(Ty.bool, span);
        this.b.assign(b, place(isNegOne), { kind: "binary", op: "Eq", lhs: copyOf(r), rhs: { kind: "const", value: { kind: "int", value: -1n }, ty: lhsTy } }, span);
        this.b.assign(b, place(isMin), { kind: "binary", op: "Eq", lhs: copyOf(l), rhs: { kind: "const", value: { kind: "int", value: intMin(intKind) }, ty: lhsTy } }, span);
        this.b.assign(b, place(both), { kind: "binary", op: "BitAnd", lhs: { kind: "move", place: place(isNegOne) }, rhs: { kind: "move", place: place(isMin) } }, span);
        b = this.b.assert(b, { kind: "move", place: place(both) }, false, { kind: "overflow", op: mirOp }, span);
      }
      return [b, { kind: "binary", op: mirOp, lhs: l, rhs: r }];
    }
    if (intKind && (op === "<<" || op === ">>")) {
      const ok = this.b.temp(Ty.bool, span);
      this.b.assign(b, place(ok), { kind: "binary", op: "Lt", lhs: copyOf(r), rhs: { kind: "const", value: { kind: "int", value: BigInt(intBitsOf(intKind)) }, ty: Ty.int("u32") } }, span);
      b = this.b.assert(b, { kind: "move", place: place(ok) }, true, { kind: "overflow", op: mirOp }, span);
      return [b, { kind: "binary", op: mirOp, lhs: l, rhs: r }];
    }
    return [b, { kind: "binary", op: mirOp, lhs: l, rhs: r }];
  }

  // ------------------------------------------------------------------------------------------------
  // Closures and async blocks: aggregates of their captures

  private closureValue(b: BlockId, e: ast.ClosureExpr): [BlockId, Rvalue] {
    const info = this.p.closures.get(e.id);
    this.b.pending.push({ kind: "closure", node: e, parentName: "" });
    return this.captureAggregate(b, { kind: "closure", node: e.id }, info?.captures ?? [], e.span);
  }

  private asyncBlockValue(b: BlockId, e: ast.AsyncBlockExpr): [BlockId, Rvalue] {
    const info = this.p.asyncBlocks.get(e.id);
    this.b.pending.push({ kind: "asyncBlock", node: e, parentName: "" });
    return this.captureAggregate(b, { kind: "coroutine", node: e.id }, info?.captures ?? [], e.span);
  }

  private captureAggregate(b: BlockId, agg: AggregateKind, captures: readonly import("../resolve/program.js").Capture[], span: Span): [BlockId, Rvalue] {
    const ops: Operand[] = [];
    const scope = this.b.topScope;
    for (const c of captures) {
      const ty = c.ty;
      let p = this.localPlace(c.local, c.span);
      let fieldTy = this.p.locals[c.local]!.ty;
      for (const f of c.path) {
        p = projectPlace(p, { kind: "field", index: f.index, ty: f.ty });
        fieldTy = f.ty;
      }
      void fieldTy;
      if (c.mode === "value") {
        ops.push(this.consume(p, ty));
        continue;
      }
      const refTy = Ty.ref(ty, c.mode === "refMut");
      const t = this.b.temp(refTy, span);
      this.b.storageLive(b, t, span);
      this.b.scheduleDrop(scope, t, "storage", span);
      this.b.assign(b, place(t), { kind: "ref", mutable: c.mode === "refMut", place: p }, span);
      ops.push({ kind: "move", place: place(t) });
    }
    return [b, { kind: "aggregate", agg, operands: ops }];
  }

  // ------------------------------------------------------------------------------------------------
  // Into-expressions are lowered by the statement/control-flow module (set by the driver).

  intoAst: (dest: Place, b: BlockId, e: ast.Expr) => BlockId = () => {
    throw new Error("internal error: control-flow lowering not installed (please report this as a bug in pinion)");
  };
}

const BINOP: Partial<Record<ast.BinaryOp, BinOp>> = {
  "+": "Add",
  "-": "Sub",
  "*": "Mul",
  "/": "Div",
  "%": "Rem",
  "&": "BitAnd",
  "|": "BitOr",
  "^": "BitXor",
  "<<": "Shl",
  ">>": "Shr",
  "==": "Eq",
  "!=": "Ne",
  "<": "Lt",
  "<=": "Le",
  ">": "Gt",
  ">=": "Ge",
};

function copyOf(o: Operand): Operand {
  return o.kind === "move" ? { kind: "copy", place: o.place } : o;
}

function intMin(kind: IntKind): bigint {
  const bits = BigInt(intBitsOf(kind));
  return -(1n << (bits - 1n));
}

function intBitsOf(kind: IntKind): number {
  switch (kind) {
    case "i8":
    case "u8":
      return 8;
    case "i16":
    case "u16":
      return 16;
    case "i32":
    case "u32":
      return 32;
    case "i128":
    case "u128":
      return 128;
    default:
      return 64;
  }
}

export { joinSpans, defOf };
