// A read-only walk over the AST, for later stages and for tests: every item, statement, expression,
// pattern and type of a crate, in source order, parents before children.
//
//     walkCrate(crate, { expr: (e) => { if (e.kind === "Await") awaits.push(e); } });
//
// The switches are exhaustive (a new AST node kind is a compile error here until it is walked).
// The lowering caps nesting (MAX_NESTING), so this recursion cannot overflow the stack.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { AssocItem, Block, Expr, FormatArgs, GenericArgs, Generics, Item, MacroCall, Pat, Path, Stmt, TraitBound, Type } from "./ast.js";

export interface Visitor {
  item?(item: Item): void;
  stmt?(stmt: Stmt): void;
  expr?(expr: Expr): void;
  pat?(pat: Pat): void;
  type?(type: Type): void;
  block?(block: Block): void;
}

export function walkCrate(crate: { readonly items: readonly Item[] }, v: Visitor): void {
  for (const item of crate.items) walkItem(item, v);
}

export function walkItem(item: Item, v: Visitor): void {
  v.item?.(item);
  switch (item.kind) {
    case "Fn":
      walkGenerics(item.generics, v);
      if (item.selfParam?.ty) walkType(item.selfParam.ty, v);
      for (const p of item.params) {
        walkPat(p.pat, v);
        walkType(p.ty, v);
      }
      if (item.ret) walkType(item.ret, v);
      if (item.body) walkBlock(item.body, v);
      return;
    case "Struct":
      walkGenerics(item.generics, v);
      for (const f of item.fields) walkType(f.ty, v);
      return;
    case "Enum":
      walkGenerics(item.generics, v);
      for (const variant of item.variants) {
        for (const f of variant.fields) walkType(f.ty, v);
        if (variant.discriminant) walkExpr(variant.discriminant, v);
      }
      return;
    case "Trait":
      walkGenerics(item.generics, v);
      walkBounds(item.supertraits, v);
      for (const a of item.items) walkAssoc(a, v);
      return;
    case "Impl":
      walkGenerics(item.generics, v);
      if (item.trait) walkPath(item.trait, v);
      walkType(item.selfTy, v);
      for (const a of item.items) walkAssoc(a, v);
      return;
    case "Const":
      walkType(item.ty, v);
      if (item.value) walkExpr(item.value, v);
      return;
    case "Static":
      walkType(item.ty, v);
      walkExpr(item.value, v);
      return;
    case "Mod":
      for (const i of item.items) walkItem(i, v);
      return;
    case "Use":
      return;
    case "TypeAlias":
      walkGenerics(item.generics, v);
      walkType(item.ty, v);
      return;
    default:
      assertNever(item, "item");
  }
}

function walkAssoc(a: AssocItem, v: Visitor): void {
  switch (a.kind) {
    case "Fn":
    case "Const":
      walkItem(a, v);
      return;
    case "AssocType":
      walkBounds(a.bounds, v);
      if (a.ty) walkType(a.ty, v);
      return;
    default:
      assertNever(a, "associated item");
  }
}

function walkGenerics(g: Generics, v: Visitor): void {
  for (const p of g.params) {
    if (p.constTy) walkType(p.constTy, v);
    if (p.default) walkType(p.default, v);
  }
  // Inline bounds are folded into `where`; walking `where` covers them once.
  for (const w of g.where) {
    walkType(w.ty, v);
    walkBounds(w.bounds, v);
  }
}

function walkBounds(bounds: readonly TraitBound[], v: Visitor): void {
  for (const b of bounds) walkPath(b.path, v);
}

function walkPath(p: Path, v: Visitor): void {
  if (p.qself) {
    walkType(p.qself.ty, v);
    if (p.qself.trait) walkPath(p.qself.trait, v);
  }
  for (const s of p.segments) if (s.args) walkGenericArgs(s.args, v);
}

function walkGenericArgs(a: GenericArgs, v: Visitor): void {
  for (const t of a.types) walkType(t, v);
  for (const b of a.bindings) walkType(b.ty, v);
  for (const c of a.consts) walkExpr(c, v);
  if (a.fnSugar) {
    for (const t of a.fnSugar.inputs) walkType(t, v);
    if (a.fnSugar.output) walkType(a.fnSugar.output, v);
  }
}

export function walkType(t: Type, v: Visitor): void {
  v.type?.(t);
  switch (t.kind) {
    case "PathType":
      walkPath(t.path, v);
      return;
    case "RefType":
    case "PtrType":
      walkType(t.inner, v);
      return;
    case "TupleType":
      for (const e of t.elems) walkType(e, v);
      return;
    case "ArrayType":
      walkType(t.elem, v);
      walkExpr(t.len, v);
      return;
    case "SliceType":
      walkType(t.elem, v);
      return;
    case "FnPtrType":
      for (const i of t.inputs) walkType(i, v);
      if (t.output) walkType(t.output, v);
      return;
    case "ImplTraitType":
    case "DynTraitType":
      walkBounds(t.bounds, v);
      return;
    case "NeverType":
    case "InferType":
      return;
    default:
      assertNever(t, "type");
  }
}

export function walkPat(p: Pat, v: Visitor): void {
  v.pat?.(p);
  switch (p.kind) {
    case "WildPat":
    case "RestPat":
      return;
    case "IdentPat":
      if (p.sub) walkPat(p.sub, v);
      return;
    case "TuplePat":
    case "SlicePat":
      for (const e of p.elems) walkPat(e, v);
      return;
    case "StructPat":
      walkPath(p.path, v);
      for (const f of p.fields) walkPat(f.pat, v);
      return;
    case "TupleStructPat":
      walkPath(p.path, v);
      for (const e of p.elems) walkPat(e, v);
      return;
    case "PathPat":
      walkPath(p.path, v);
      return;
    case "LitPat":
      return;
    case "RangePat":
      if (p.lo) walkPat(p.lo, v);
      if (p.hi) walkPat(p.hi, v);
      return;
    case "RefPat":
      walkPat(p.inner, v);
      return;
    case "OrPat":
      for (const a of p.alts) walkPat(a, v);
      return;
    default:
      assertNever(p, "pattern");
  }
}

export function walkBlock(b: Block, v: Visitor): void {
  v.block?.(b);
  for (const s of b.stmts) walkStmt(s, v);
  if (b.tail) walkExpr(b.tail, v);
}

export function walkStmt(s: Stmt, v: Visitor): void {
  v.stmt?.(s);
  switch (s.kind) {
    case "Let":
      walkPat(s.pat, v);
      if (s.ty) walkType(s.ty, v);
      if (s.init) walkExpr(s.init, v);
      if (s.else) walkBlock(s.else, v);
      return;
    case "ExprStmt":
      walkExpr(s.expr, v);
      return;
    case "ItemStmt":
      walkItem(s.item, v);
      return;
    case "EmptyStmt":
      return;
    default:
      assertNever(s, "statement");
  }
}

export function walkExpr(e: Expr, v: Visitor): void {
  v.expr?.(e);
  switch (e.kind) {
    case "Lit":
    case "Continue":
    case "Error":
      return;
    case "Path":
      walkPath(e.path, v);
      return;
    case "Unary":
    case "Ref":
    case "Try":
    case "Await":
      walkExpr(e.operand, v);
      return;
    case "Binary":
    case "Assign":
    case "CompoundAssign":
      walkExpr(e.lhs, v);
      walkExpr(e.rhs, v);
      return;
    case "Call":
      walkExpr(e.callee, v);
      for (const a of e.args) walkExpr(a, v);
      return;
    case "MethodCall":
      walkExpr(e.receiver, v);
      if (e.turbofish) walkGenericArgs(e.turbofish, v);
      for (const a of e.args) walkExpr(a, v);
      return;
    case "Field":
      walkExpr(e.object, v);
      return;
    case "Index":
      walkExpr(e.object, v);
      walkExpr(e.index, v);
      return;
    case "Tuple":
    case "Array":
      for (const x of e.elems) walkExpr(x, v);
      return;
    case "ArrayRepeat":
      walkExpr(e.elem, v);
      walkExpr(e.len, v);
      return;
    case "Struct":
      walkPath(e.path, v);
      for (const f of e.fields) walkExpr(f.value, v);
      if (e.base) walkExpr(e.base, v);
      return;
    case "BlockExpr":
    case "AsyncBlock":
      walkBlock(e.block, v);
      return;
    case "Closure":
      for (const p of e.params) {
        walkPat(p.pat, v);
        if (p.ty) walkType(p.ty, v);
      }
      if (e.ret) walkType(e.ret, v);
      walkExpr(e.body, v);
      return;
    case "If":
      walkExpr(e.cond, v);
      walkBlock(e.then, v);
      if (e.else) walkExpr(e.else, v);
      return;
    case "LetCond":
      walkPat(e.pat, v);
      walkExpr(e.scrutinee, v);
      return;
    case "While":
      walkExpr(e.cond, v);
      walkBlock(e.body, v);
      return;
    case "Loop":
      walkBlock(e.body, v);
      return;
    case "For":
      walkPat(e.pat, v);
      walkExpr(e.iter, v);
      walkBlock(e.body, v);
      return;
    case "Match":
      walkExpr(e.scrutinee, v);
      for (const a of e.arms) {
        walkPat(a.pat, v);
        if (a.guard) walkExpr(a.guard, v);
        walkExpr(a.body, v);
      }
      return;
    case "Break":
    case "Return":
      if (e.value) walkExpr(e.value, v);
      return;
    case "Cast":
      walkExpr(e.operand, v);
      walkType(e.ty, v);
      return;
    case "Range":
      if (e.lo) walkExpr(e.lo, v);
      if (e.hi) walkExpr(e.hi, v);
      return;
    case "MacroCall":
      walkMacroCall(e.call, v);
      return;
    default:
      assertNever(e, "expression");
  }
}

function walkFormat(f: FormatArgs | undefined, v: Visitor): void {
  if (f) for (const a of f.args) walkExpr(a, v);
}

function walkMacroCall(c: MacroCall, v: Visitor): void {
  switch (c.macro) {
    case "print":
    case "println":
    case "eprint":
    case "eprintln":
    case "format":
    case "panic":
    case "unreachable":
    case "todo":
    case "unimplemented":
      walkFormat(c.fmt, v);
      return;
    case "write":
    case "writeln":
      walkExpr(c.dest, v);
      walkFormat(c.fmt, v);
      return;
    case "assert":
    case "debug_assert":
      walkExpr(c.cond, v);
      walkFormat(c.fmt, v);
      return;
    case "assert_eq":
    case "assert_ne":
    case "debug_assert_eq":
    case "debug_assert_ne":
      walkExpr(c.left, v);
      walkExpr(c.right, v);
      walkFormat(c.fmt, v);
      return;
    case "vec":
      for (const x of c.elems) walkExpr(x, v);
      return;
    case "vecRepeat":
      walkExpr(c.elem, v);
      walkExpr(c.len, v);
      return;
    case "matches":
      walkExpr(c.scrutinee, v);
      walkPat(c.pat, v);
      if (c.guard) walkExpr(c.guard, v);
      return;
    case "dbg":
      for (const x of c.args) walkExpr(x, v);
      return;
    case "pin":
      walkExpr(c.value, v);
      return;
    case "join":
      for (const x of c.futures) walkExpr(x, v);
      return;
    case "select":
      for (const a of c.arms) {
        walkPat(a.pat, v);
        walkExpr(a.future, v);
        walkExpr(a.body, v);
      }
      return;
    case "line":
    case "column":
    case "file":
    case "stringify":
      return;
    case "concat":
      for (const x of c.parts) walkExpr(x, v);
      return;
    case "addr_of":
    case "addr_of_mut":
      walkExpr(c.place, v);
      return;
    default:
      assertNever(c, "macro call");
  }
}
