// Pattern matching: tests and bindings.
//
// rustc lowers a `match` into a decision tree over "candidates"; pinion lowers each arm in turn — test
// the arm's pattern against the scrutinee place, on success bind and run the guard, on failure try the
// next arm. The resulting control flow differs from rustc's in shape but not in what matters for the
// stages after: the scrutinee is evaluated once into a place, tests only read it, bindings copy, move or
// borrow from it (`ref` and match-ergonomics bindings borrow *through* it), and an arm with a guard
// first binds references for the guard (which borrows the scrutinee, as rustc's "ref for guard"
// bindings do — that is why a guarded `match x` keeps `x` in the coroutine).
//
//     match &ops[i] {              scrutinee: _t = &ops[i]           (place: *_t after one deref)
//         Op::Add(n) => …          test: discriminant(*_t) == 0; bind: n = &((*_t as Add).0)
//         Op::Skip => …            test: discriminant(*_t) == 2
//     }

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import { Ty, type DefId } from "../resolve/ty.js";
import type { LocalId } from "../resolve/program.js";
import type { Builder } from "./builder.js";
import type { ExprLowering } from "./expr.js";
import type { Scope } from "./scope.js";
import { place, projectPlace, type BlockId, type Operand, type Place } from "./types.js";

export interface Binding {
  readonly local: LocalId;
  readonly source: Place;
  readonly mode: "copy" | "move" | "ref" | "refMut";
  readonly ty: Ty;
  readonly span: Span;
}

export class PatternLowering {
  constructor(
    readonly b: Builder,
    readonly x: ExprLowering,
  ) {}

  get p() {
    return this.b.program;
  }

  /**
   * Emits the tests of `pat` against `scrut` starting in `b`. Returns the block reached on success;
   * failures jump to `fail`. Bindings found are appended to `out` (not yet bound).
   */
  test(b: BlockId, pat: ast.Pat, scrut: Place, ty: Ty, fail: BlockId, out: Binding[]): BlockId {
    // Match ergonomics: a non-reference pattern against `&T` looks through the reference.
    const derefs = this.p.patDerefs.get(pat.id) ?? 0;
    for (let i = 0; i < derefs; i++) {
      scrut = projectPlace(scrut, { kind: "deref" });
      ty = ty.k === "ref" ? ty.inner : ty;
    }
    switch (pat.kind) {
      case "WildPat":
      case "RestPat":
        return b;
      case "IdentPat": {
        const r = this.p.res.get(pat.id);
        const local = this.p.bindings.get(pat.id);
        if (local === undefined) {
          // A unit struct / unit variant / const used as a pattern.
          if (r) return this.testRes(b, r, scrut, ty, fail, pat.span);
          return b;
        }
        const l = this.p.locals[local]!;
        const mode = l.byRef === "ref" ? "ref" : l.byRef === "refMut" ? "refMut" : this.b.isCopy(l.ty) ? "copy" : "move";
        if (pat.sub) b = this.test(b, pat.sub, scrut, ty, fail, out);
        out.push({ local, source: scrut, mode, ty: l.ty, span: pat.span });
        return b;
      }
      case "TuplePat": {
        const elems = ty.k === "tuple" ? ty.elems : [];
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat");
        pat.elems.forEach((sub, i) => {
          if (sub.kind === "RestPat") return;
          const idx = restAt >= 0 && i > restAt ? elems.length - (pat.elems.length - i) : i;
          const fty = elems[idx] ?? Ty.error;
          b = this.test(b, sub, projectPlace(scrut, { kind: "field", index: idx, ty: fty }), fty, fail, out);
        });
        return b;
      }
      case "TupleStructPat":
      case "StructPat": {
        const r = this.p.res.get(pat.id);
        if (!r || r.kind !== "ctor") return b;
        const d = this.p.tcx.def(r.def);
        let base = scrut;
        if (d.kind === "variant") {
          b = this.testVariant(b, scrut, d.enumDef, d.index, fail, pat.span);
          base = projectPlace(scrut, { kind: "downcast", variant: d.index, name: d.name });
        }
        const fields = this.p.tcx.fieldsOf(r.def);
        const fieldTy = (i: number) => this.x.fieldTy(ty, i, r.def);
        if (pat.kind === "TupleStructPat") {
          const restAt = pat.elems.findIndex((x) => x.kind === "RestPat");
          pat.elems.forEach((sub, i) => {
            if (sub.kind === "RestPat") return;
            const idx = restAt >= 0 && i > restAt ? fields.length - (pat.elems.length - i) : i;
            b = this.test(b, sub, projectPlace(base, { kind: "field", index: idx, ty: fieldTy(idx) }), fieldTy(idx), fail, out);
          });
        } else {
          for (const f of pat.fields) {
            const idx = this.p.fieldIndex.get(f.pat.id) ?? fields.findIndex((x) => x.name === f.name.name);
            if (idx < 0) continue;
            b = this.test(b, f.pat, projectPlace(base, { kind: "field", index: idx, ty: fieldTy(idx) }), fieldTy(idx), fail, out);
          }
        }
        return b;
      }
      case "PathPat": {
        const r = this.p.res.get(pat.id);
        return r ? this.testRes(b, r, scrut, ty, fail, pat.span) : b;
      }
      case "LitPat":
        return this.testLit(b, pat, scrut, ty, fail);
      case "RangePat":
        return this.testRange(b, pat, scrut, ty, fail);
      case "RefPat":
        return this.test(b, pat.inner, projectPlace(scrut, { kind: "deref" }), ty.k === "ref" ? ty.inner : Ty.error, fail, out);
      case "OrPat": {
        // Each alternative either succeeds into a shared block or falls through to the next one.
        const join = this.b.newBlock();
        let firstBindings: Binding[] | undefined;
        pat.alts.forEach((alt, i) => {
          const last = i === pat.alts.length - 1;
          const next = last ? fail : this.b.newBlock();
          const bs: Binding[] = [];
          const ok = this.test(b, alt, scrut, ty, next, bs);
          // Every alternative binds the same variables; only the first alternative's sources are kept
          // (the bindings are made after the join from the scrutinee of the alternative that matched in
          // rustc; pinion binds from the first alternative's places, which is exact when the
          // alternatives bind at the same places, the common case).
          firstBindings ??= bs;
          this.b.goto(ok, join, alt.span);
          b = next;
        });
        out.push(...(firstBindings ?? []));
        return join;
      }
      case "SlicePat": {
        const len = pat.elems.length;
        const restAt = pat.elems.findIndex((x) => x.kind === "RestPat" || (x.kind === "IdentPat" && x.sub?.kind === "RestPat"));
        const elem = ty.k === "array" || ty.k === "slice" ? ty.elem : Ty.error;
        if (ty.k === "slice") {
          // Length test: `len == n` (or `len >= n-1` with a rest pattern).
          const l = this.b.temp(Ty.usize, pat.span);
          const c = this.b.temp(Ty.bool, pat.span);
          this.b.assign(b, place(l), { kind: "len", place: scrut }, pat.span);
          const want = restAt >= 0 ? len - 1 : len;
          this.b.assign(b, place(c), { kind: "binary", op: restAt >= 0 ? "Ge" : "Eq", lhs: { kind: "move", place: place(l) }, rhs: { kind: "const", value: { kind: "int", value: BigInt(want) }, ty: Ty.usize } }, pat.span);
          b = this.switchBool(b, { kind: "move", place: place(c) }, fail, pat.span);
        }
        pat.elems.forEach((sub, i) => {
          if (i === restAt) {
            if (sub.kind === "IdentPat") {
              const local = this.p.bindings.get(sub.id);
              if (local !== undefined) {
                const l = this.p.locals[local]!;
                const from = i;
                const to = len - 1 - i;
                const src = projectPlace(scrut, { kind: "subslice", from, to, fromEnd: ty.k === "slice" });
                out.push({ local, source: src, mode: l.byRef === "none" ? "move" : l.byRef, ty: l.ty, span: sub.span });
              }
            }
            return;
          }
          const fromEnd = restAt >= 0 && i > restAt;
          const offset = fromEnd ? len - i : i;
          b = this.test(b, sub, projectPlace(scrut, { kind: "constIndex", offset, fromEnd }), elem, fail, out);
        });
        return b;
      }
    }
  }

  private testRes(b: BlockId, r: import("../resolve/program.js").Res, scrut: Place, ty: Ty, fail: BlockId, span: Span): BlockId {
    if (r.kind === "ctor") {
      const d = this.p.tcx.def(r.def);
      if (d.kind === "variant") return this.testVariant(b, scrut, d.enumDef, d.index, fail, span);
      return b;
    }
    if (r.kind === "const") {
      const c = this.b.temp(Ty.bool, span);
      this.b.assign(b, place(c), { kind: "binary", op: "Eq", lhs: { kind: "copy", place: scrut }, rhs: { kind: "const", value: { kind: "const", def: r.def, ...(r.selfTy ? { selfTy: r.selfTy } : {}) }, ty } }, span);
      return this.switchBool(b, { kind: "move", place: place(c) }, fail, span);
    }
    return b;
  }

  private testVariant(b: BlockId, scrut: Place, enumDef: DefId, index: number, fail: BlockId, span: Span): BlockId {
    const d = this.p.tcx.def(enumDef);
    if (d.kind === "enum" && d.variants.length === 1) return b;
    const discr = this.b.temp(Ty.int("isize"), span);
    this.b.assign(b, place(discr), { kind: "discriminant", place: scrut }, span);
    const ok = this.b.newBlock();
    this.b.terminate(b, { kind: "switchInt", discr: { kind: "move", place: place(discr) }, targets: [{ value: BigInt(index), target: ok }], otherwise: fail, span });
    return ok;
  }

  private switchBool(b: BlockId, cond: Operand, fail: BlockId, span: Span): BlockId {
    const ok = this.b.newBlock();
    this.b.terminate(b, { kind: "switchInt", discr: cond, targets: [{ value: 0n, target: fail }], otherwise: ok, span });
    return ok;
  }

  private testLit(b: BlockId, pat: ast.LitPat, scrut: Place, ty: Ty, fail: BlockId): BlockId {
    const lit = pat.lit.lit;
    const span = pat.span;
    if (lit.type === "str") {
      // `<str as PartialEq>::eq(scrut, "lit")`
      const c = this.b.temp(Ty.bool, span);
      const strTy = Ty.ref(Ty.str);
      const b1 = this.b.call(b, this.b.intrinsic("str_eq"), [{ kind: "copy", place: scrut }, { kind: "const", value: { kind: "str", value: lit.value }, ty: strTy }], place(c), span);
      return this.switchBool(b1, { kind: "move", place: place(c) }, fail, span);
    }
    const value: bigint | undefined =
      lit.type === "int" ? (pat.negative ? -lit.value : lit.value) : lit.type === "bool" ? (lit.value ? 1n : 0n) : lit.type === "char" ? BigInt(lit.value.codePointAt(0) ?? 0) : lit.type === "byte" ? BigInt(lit.value) : undefined;
    if (value !== undefined) {
      const ok = this.b.newBlock();
      this.b.terminate(b, { kind: "switchInt", discr: { kind: "copy", place: scrut }, targets: [{ value, target: ok }], otherwise: fail, span });
      return ok;
    }
    // Floats: `scrut == lit`.
    const c = this.b.temp(Ty.bool, span);
    this.b.assign(b, place(c), { kind: "binary", op: "Eq", lhs: { kind: "copy", place: scrut }, rhs: this.x.constant(this.x.mirror(pat.lit)) }, span);
    void ty;
    return this.switchBool(b, { kind: "move", place: place(c) }, fail, span);
  }

  private testRange(b: BlockId, pat: ast.RangePat, scrut: Place, ty: Ty, fail: BlockId): BlockId {
    const bound = (p: ast.Pat | undefined): Operand | undefined => {
      if (!p) return undefined;
      if (p.kind === "LitPat") {
        const c = this.x.constant(this.x.mirror(p.lit));
        if (p.negative && c.kind === "const" && c.value.kind === "int") return { ...c, value: { kind: "int", value: -c.value.value } };
        if (p.negative && c.kind === "const" && c.value.kind === "float") return { ...c, value: { kind: "float", value: -c.value.value } };
        return c;
      }
      if (p.kind === "PathPat" || p.kind === "IdentPat") {
        const r = this.p.res.get(p.id);
        if (r?.kind === "const") return { kind: "const", value: { kind: "const", def: r.def, ...(r.selfTy ? { selfTy: r.selfTy } : {}) }, ty };
      }
      return undefined;
    };
    const lo = bound(pat.lo);
    const hi = bound(pat.hi);
    if (lo) {
      const c = this.b.temp(Ty.bool, pat.span);
      this.b.assign(b, place(c), { kind: "binary", op: "Le", lhs: lo, rhs: { kind: "copy", place: scrut } }, pat.span);
      b = this.switchBool(b, { kind: "move", place: place(c) }, fail, pat.span);
    }
    if (hi) {
      const c = this.b.temp(Ty.bool, pat.span);
      this.b.assign(b, place(c), { kind: "binary", op: pat.inclusive ? "Le" : "Lt", lhs: { kind: "copy", place: scrut }, rhs: hi }, pat.span);
      b = this.switchBool(b, { kind: "move", place: place(c) }, fail, pat.span);
    }
    return b;
  }

  /**
   * Binds: StorageLive(x); x = copy/move/&/&mut source; the drops of the bindings are scheduled in
   * `scope`. Locals already bound (an or-pattern's second alternative) are reused.
   */
  bind(b: BlockId, bindings: readonly Binding[], scope: Scope): BlockId {
    for (const bd of bindings) {
      const l = this.b.declareVar(bd.local);
      this.b.storageLive(b, l, bd.span);
      this.b.scheduleDrop(scope, l, "storage", bd.span);
      switch (bd.mode) {
        case "copy":
          this.b.assign(b, place(l), { kind: "use", operand: { kind: "copy", place: bd.source } }, bd.span);
          break;
        case "move":
          this.b.assign(b, place(l), { kind: "use", operand: { kind: "move", place: bd.source } }, bd.span);
          break;
        case "ref":
        case "refMut":
          this.b.assign(b, place(l), { kind: "ref", mutable: bd.mode === "refMut", place: bd.source }, bd.span);
          break;
      }
      this.b.scheduleDrop(scope, l, "value", bd.span);
    }
    return b;
  }

  /** For a guard: each binding is seen by reference (`&source`), borrowing the scrutinee. */
  bindForGuard(b: BlockId, bindings: readonly Binding[], scope: Scope): { block: BlockId; refs: Map<LocalId, import("./types.js").Local> } {
    const refs = new Map<LocalId, import("./types.js").Local>();
    for (const bd of bindings) {
      const name = this.p.locals[bd.local]!.name;
      const ty = bd.mode === "ref" || bd.mode === "refMut" ? Ty.ref(bd.ty) : Ty.ref(bd.ty);
      const r = this.b.newLocal({ ty, kind: "var", name, span: bd.span });
      this.b.storageLive(b, r, bd.span);
      this.b.scheduleDrop(scope, r, "storage", bd.span);
      this.b.assign(b, place(r), { kind: "ref", mutable: false, place: bd.mode === "ref" || bd.mode === "refMut" ? bd.source : bd.source }, bd.span);
      refs.set(bd.local, r);
    }
    return { block: b, refs };
  }

  /** Whether a pattern can fail (needs tests). */
  refutable(pat: ast.Pat): boolean {
    switch (pat.kind) {
      case "WildPat":
      case "RestPat":
        return false;
      case "IdentPat":
        return this.p.bindings.get(pat.id) === undefined ? true : !!pat.sub && this.refutable(pat.sub);
      case "TuplePat":
        return pat.elems.some((e) => this.refutable(e));
      case "RefPat":
        return this.refutable(pat.inner);
      case "StructPat":
      case "TupleStructPat": {
        const r = this.p.res.get(pat.id);
        if (r?.kind === "ctor") {
          const d = this.p.tcx.def(r.def);
          if (d.kind === "variant") {
            const e = this.p.tcx.def(d.enumDef);
            if (e.kind === "enum" && e.variants.length > 1) return true;
          }
        }
        const subs = pat.kind === "StructPat" ? pat.fields.map((f) => f.pat) : pat.elems;
        return subs.some((s) => this.refutable(s));
      }
      default:
        return true;
    }
  }
}
