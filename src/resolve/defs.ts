// Definitions: every item of the program and of pinion's std stubs, by DefId, and the module scopes
// that names resolve in.
//
// Example. For
//
//     mod net { pub struct Socket; impl Socket { pub fn open() -> Socket { Socket } } }
//     use net::Socket;
//     fn main() { let s = Socket::open(); }
//
// collection gives: a module `crate` whose type namespace maps `net` to a module, a module `net`
// whose type and value namespaces map `Socket` to the struct (a unit struct is also a value), an impl
// whose self type is `Socket` with the fn `open`, and a `use` entry in `crate` that, once imports are
// resolved, makes `Socket` in `crate` name the same struct. Later, `Socket::open` resolves its first
// segment through `crate`'s scope and its last one through the inherent impls of `Socket`.
//
// Two crates are collected into one table: `std` (pinion's stubs, see std-stubs.ts; also reachable as
// `core`, `alloc`, `futures` and `tokio` through their own modules) and the user's `crate`. Items keep
// a pointer to their AST node; their types are computed lazily by the type collector (collect.ts).

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { DefId } from "./ty.js";

export type Namespace = "type" | "value";

interface DefBase {
  readonly id: DefId;
  readonly name: string;
  /** The enclosing item (module, impl, trait, enum). */
  readonly parent: DefId | undefined;
  /** The module whose scope names inside this item resolve in. */
  readonly module: DefId;
  /** Defined in pinion's std stubs, not in the user's crate. */
  readonly std: boolean;
  readonly span: Span;
}

export interface ModDef extends DefBase {
  readonly kind: "mod";
  readonly types: Map<string, DefId>;
  readonly values: Map<string, DefId>;
  readonly uses: ast.UseEntry[];
  /** Modules (or enums) whose names are glob-imported, resolved from `uses`. */
  readonly globs: DefId[];
  /** A block-local scope (items declared inside a fn body) rather than a real module. */
  readonly anonymous: boolean;
}

export interface StructDef extends DefBase {
  readonly kind: "struct";
  readonly node: ast.StructItem;
}
export interface EnumDef extends DefBase {
  readonly kind: "enum";
  readonly node: ast.EnumItem;
  readonly variants: DefId[];
}
export interface VariantDef extends DefBase {
  readonly kind: "variant";
  readonly node: ast.Variant;
  readonly enumDef: DefId;
  readonly index: number;
}

export type FnContainer =
  | { readonly kind: "free" }
  | { readonly kind: "impl"; readonly impl: DefId }
  | { readonly kind: "trait"; readonly trait: DefId };

export interface FnDef extends DefBase {
  readonly kind: "fn";
  readonly node: ast.FnItem;
  readonly container: FnContainer;
}
export interface TraitDef extends DefBase {
  readonly kind: "trait";
  readonly node: ast.TraitItem;
  /** Associated items by name. */
  readonly items: Map<string, DefId>;
}
export interface ImplDef extends DefBase {
  readonly kind: "impl";
  readonly node: ast.ImplItem;
  readonly items: Map<string, DefId>;
}
export interface ConstDef extends DefBase {
  readonly kind: "const";
  readonly node: ast.ConstItem;
  readonly container: FnContainer;
}
export interface StaticDef extends DefBase {
  readonly kind: "static";
  readonly node: ast.StaticItem;
}
export interface TypeAliasDef extends DefBase {
  readonly kind: "typeAlias";
  readonly node: ast.TypeAliasItem;
}
export interface AssocTypeDef extends DefBase {
  readonly kind: "assocType";
  readonly node: ast.AssocType;
  readonly container: FnContainer;
}

export type Def =
  | ModDef
  | StructDef
  | EnumDef
  | VariantDef
  | FnDef
  | TraitDef
  | ImplDef
  | ConstDef
  | StaticDef
  | TypeAliasDef
  | AssocTypeDef;

export interface DefTable {
  readonly defs: Def[];
  /** The root module of the user's crate. */
  readonly crateRoot: DefId;
  /** The root module of the std stubs. */
  readonly stdRoot: DefId;
  /** Extern crate names (`std`, `core`, `alloc`, `futures`, `tokio`) → their module. */
  readonly externs: Map<string, DefId>;
  /** The std prelude module (its names are visible everywhere). */
  readonly prelude: DefId;
  readonly impls: DefId[];
  /** Item node → DefId, for items of the user's crate (fn bodies look up nested items). */
  readonly byNode: Map<ast.NodeId, DefId>;
  /** The anonymous scope of each block that declares items. */
  readonly blockScopes: Map<ast.NodeId, DefId>;
  /** Per module, names whose `use` names std API outside pinion's subset (`use std::thread::spawn;`)
   *  → that item's path: the import was reported (P0003), so uses of the name are not reported again. */
  readonly unsupportedImports: Map<DefId, Map<string, string>>;
}

export function def<K extends Def["kind"]>(table: DefTable, id: DefId, kind: K): Extract<Def, { kind: K }> {
  const d = table.defs[id];
  if (!d || d.kind !== kind) throw new Error(`internal error: def ${id} is not a ${kind} (please report this as a bug in pinion)`);
  return d as Extract<Def, { kind: K }>;
}

// ---------------------------------------------------------------------------------------------------
// Collection

interface Collector {
  readonly table: DefTable;
  std: boolean;
}

function push<D extends Def>(c: Collector, make: (id: DefId) => D): D {
  const d = make(c.table.defs.length);
  c.table.defs.push(d);
  return d;
}

function newModule(c: Collector, name: string, parent: DefId | undefined, span: Span, anonymous: boolean): ModDef {
  return push(c, (id) => ({
    kind: "mod",
    id,
    name,
    parent,
    module: id,
    std: c.std,
    span,
    types: new Map(),
    values: new Map(),
    uses: [],
    globs: [],
    anonymous,
  }));
}

/**
 * The std stubs' definitions alone (`crateRoot` is -1): what every file's table starts with. A Session
 * collects them once and hands them to `collectDefs` for each file.
 */
export function collectStdDefs(stdCrate: ast.Crate): DefTable {
  const table: DefTable = {
    defs: [],
    crateRoot: -1,
    stdRoot: -1,
    externs: new Map(),
    prelude: -1,
    impls: [],
    byNode: new Map(),
    blockScopes: new Map(),
    unsupportedImports: new Map(),
  };
  const c: Collector = { table, std: true };
  const stdRoot = newModule(c, "std", undefined, { lo: 0, hi: 0 }, false);
  collectItems(c, stdCrate.items, stdRoot);
  // The stubs declare `mod core`, `mod futures`, … inside the std root where they need their own
  // paths; every top-level module of the stubs is also an extern crate name.
  const externs = table.externs;
  externs.set("std", stdRoot.id);
  for (const [name, id] of stdRoot.types) if (table.defs[id]!.kind === "mod" && name !== "prelude") externs.set(name, id);
  if (!externs.has("core")) externs.set("core", stdRoot.id);
  if (!externs.has("alloc")) externs.set("alloc", stdRoot.id);
  const preludeId = stdRoot.types.get("prelude");
  return { ...table, stdRoot: stdRoot.id, prelude: preludeId ?? stdRoot.id };
}

/**
 * A table with the std stubs' definitions (collected here from their crate, or taken from
 * `collectStdDefs`), then the user's crate. The std items keep their ids (0, 1, … in both cases) and
 * are shared between tables, except modules: `use` resolution (scope.ts) fills in a module's names, so
 * each table gets its own copy of the std modules, as collected, before any import is resolved.
 */
export function collectDefs(std: ast.Crate | DefTable, userCrate: ast.Crate): DefTable {
  const base = "defs" in std ? std : collectStdDefs(std);
  const table: DefTable = {
    defs: base.defs.map((d) => (d.kind === "mod" ? { ...d, types: new Map(d.types), values: new Map(d.values), uses: [...d.uses], globs: [...d.globs] } : d)),
    crateRoot: -1,
    stdRoot: base.stdRoot,
    externs: new Map(base.externs),
    prelude: base.prelude,
    impls: [...base.impls],
    byNode: new Map(base.byNode),
    blockScopes: new Map(base.blockScopes),
    unsupportedImports: new Map(),
  };
  const c: Collector = { table, std: false };
  const crateRoot = newModule(c, "crate", undefined, { lo: 0, hi: 0 }, false);
  collectItems(c, userCrate.items, crateRoot);
  return { ...table, crateRoot: crateRoot.id };
}

function addName(mod: ModDef, ns: Namespace, name: string, id: DefId): void {
  const map = ns === "type" ? mod.types : mod.values;
  // First definition wins (rustc would report E0428 for duplicates; the program is assumed valid).
  if (!map.has(name)) map.set(name, id);
}

function collectItems(c: Collector, items: readonly ast.Item[], mod: ModDef): void {
  for (const item of items) collectItem(c, item, mod);
}

function collectItem(c: Collector, item: ast.Item, mod: ModDef): void {
  const t = c.table;
  switch (item.kind) {
    case "Mod": {
      const m = newModule(c, item.name.name, mod.id, item.span, false);
      t.byNode.set(item.id, m.id);
      addName(mod, "type", item.name.name, m.id);
      collectItems(c, item.items, m);
      return;
    }
    case "Use":
      mod.uses.push(...item.entries);
      return;
    case "Fn": {
      const f = push(c, (id) => ({ kind: "fn", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item, container: { kind: "free" } }) as FnDef);
      t.byNode.set(item.id, f.id);
      addName(mod, "value", item.name.name, f.id);
      return;
    }
    case "Struct": {
      const s = push(c, (id) => ({ kind: "struct", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item }) as StructDef);
      t.byNode.set(item.id, s.id);
      addName(mod, "type", item.name.name, s.id);
      if (item.shape !== "named") addName(mod, "value", item.name.name, s.id);
      return;
    }
    case "Enum": {
      const variants: DefId[] = [];
      const e = push(c, (id) => ({ kind: "enum", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item, variants }) as EnumDef);
      t.byNode.set(item.id, e.id);
      addName(mod, "type", item.name.name, e.id);
      item.variants.forEach((v, index) => {
        const vd = push(c, (id) => ({ kind: "variant", id, name: v.name.name, parent: e.id, module: mod.id, std: c.std, span: v.name.span, node: v, enumDef: e.id, index }) as VariantDef);
        t.byNode.set(v.id, vd.id);
        variants.push(vd.id);
      });
      return;
    }
    case "Trait": {
      const items = new Map<string, DefId>();
      const tr = push(c, (id) => ({ kind: "trait", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item, items }) as TraitDef);
      t.byNode.set(item.id, tr.id);
      addName(mod, "type", item.name.name, tr.id);
      collectAssocItems(c, item.items, items, mod, { kind: "trait", trait: tr.id }, tr.id);
      return;
    }
    case "Impl": {
      const items = new Map<string, DefId>();
      const im = push(c, (id) => ({ kind: "impl", id, name: "<impl>", parent: mod.id, module: mod.id, std: c.std, span: item.span, node: item, items }) as ImplDef);
      t.byNode.set(item.id, im.id);
      t.impls.push(im.id);
      collectAssocItems(c, item.items, items, mod, { kind: "impl", impl: im.id }, im.id);
      return;
    }
    case "Const": {
      const d = push(c, (id) => ({ kind: "const", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item, container: { kind: "free" } }) as ConstDef);
      t.byNode.set(item.id, d.id);
      addName(mod, "value", item.name.name, d.id);
      return;
    }
    case "Static": {
      const d = push(c, (id) => ({ kind: "static", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item }) as StaticDef);
      t.byNode.set(item.id, d.id);
      addName(mod, "value", item.name.name, d.id);
      return;
    }
    case "TypeAlias": {
      const d = push(c, (id) => ({ kind: "typeAlias", id, name: item.name.name, parent: mod.id, module: mod.id, std: c.std, span: item.name.span, node: item }) as TypeAliasDef);
      t.byNode.set(item.id, d.id);
      addName(mod, "type", item.name.name, d.id);
      return;
    }
  }
}

function collectAssocItems(
  c: Collector,
  items: readonly ast.AssocItem[],
  into: Map<string, DefId>,
  mod: ModDef,
  container: FnContainer,
  parent: DefId,
): void {
  for (const it of items) {
    let id: DefId;
    switch (it.kind) {
      case "Fn":
        id = push(c, (i) => ({ kind: "fn", id: i, name: it.name.name, parent, module: mod.id, std: c.std, span: it.name.span, node: it, container }) as FnDef).id;
        break;
      case "AssocType":
        id = push(c, (i) => ({ kind: "assocType", id: i, name: it.name.name, parent, module: mod.id, std: c.std, span: it.name.span, node: it, container }) as AssocTypeDef).id;
        break;
      case "Const":
        id = push(c, (i) => ({ kind: "const", id: i, name: it.name.name, parent, module: mod.id, std: c.std, span: it.name.span, node: it, container }) as ConstDef).id;
        break;
    }
    c.table.byNode.set(it.id, id);
    if (!into.has(it.name.name)) into.set(it.name.name, id);
  }
}

/**
 * Items declared inside a function body (`fn main() { struct P; impl P {…} … }`) live in an anonymous
 * module whose parent is the enclosing scope. The type checker calls this when it enters a block
 * that declares items.
 */
export function collectBlockItems(table: DefTable, block: ast.Block, parentModule: DefId): DefId {
  const existing = table.blockScopes.get(block.id);
  if (existing !== undefined) return existing;
  const c: Collector = { table, std: false };
  const m = newModule(c, "{block}", parentModule, block.span, true);
  table.blockScopes.set(block.id, m.id);
  for (const s of block.stmts) if (s.kind === "ItemStmt") collectItem(c, s.item, m);
  return m.id;
}

/** Walks the whole user crate and creates the block scopes for every block that declares items, so
 *  that all impls are known before any body is checked. */
export function collectAllBlockItems(table: DefTable, crate: ast.Crate): void {
  const visitBlock = (b: ast.Block, mod: DefId): void => {
    let scope = mod;
    if (b.stmts.some((s) => s.kind === "ItemStmt")) scope = collectBlockItems(table, b, mod);
    for (const s of b.stmts) {
      if (s.kind === "ItemStmt") visitItem(s.item, scope);
      else if (s.kind === "Let") {
        if (s.init) visitExpr(s.init, scope);
        if (s.else) visitBlock(s.else, scope);
      } else if (s.kind === "ExprStmt") visitExpr(s.expr, scope);
    }
    if (b.tail) visitExpr(b.tail, scope);
  };
  const visitItem = (it: ast.Item, mod: DefId): void => {
    switch (it.kind) {
      case "Fn":
        if (it.body) visitBlock(it.body, mod);
        return;
      case "Mod": {
        const m = table.byNode.get(it.id);
        if (m !== undefined) for (const x of it.items) visitItem(x, m);
        return;
      }
      case "Impl":
      case "Trait":
        for (const x of it.items) if (x.kind === "Fn" && x.body) visitBlock(x.body, mod);
        return;
      default:
        return;
    }
  };
  const visitExpr = (e: ast.Expr, mod: DefId): void => {
    forEachChildBlock(e, (b) => visitBlock(b, mod));
  };
  for (const it of crate.items) visitItem(it, table.crateRoot);
}

/** Calls `f` on every block directly reachable inside `e` without crossing another block. */
function forEachChildBlock(e: ast.Expr, f: (b: ast.Block) => void): void {
  const stack: ast.Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    switch (x.kind) {
      case "BlockExpr":
      case "AsyncBlock":
        f(x.block);
        break;
      case "If":
        stack.push(x.cond);
        f(x.then);
        if (x.else) stack.push(x.else);
        break;
      case "While":
        stack.push(x.cond);
        f(x.body);
        break;
      case "Loop":
        f(x.body);
        break;
      case "For":
        stack.push(x.iter);
        f(x.body);
        break;
      default:
        for (const c of childExprs(x)) stack.push(c);
    }
  }
}

/** The direct sub-expressions of an expression (blocks are not expressions: see forEachChildBlock). */
export function childExprs(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case "Lit":
    case "Path":
    case "Continue":
    case "Error":
      return [];
    case "Unary":
    case "Ref":
    case "Try":
    case "Await":
    case "Cast":
      return [e.operand];
    case "Binary":
    case "Assign":
    case "CompoundAssign":
      return [e.lhs, e.rhs];
    case "Call":
      return [e.callee, ...e.args];
    case "MethodCall":
      return [e.receiver, ...e.args];
    case "Field":
      return [e.object];
    case "Index":
      return [e.object, e.index];
    case "Tuple":
    case "Array":
      return [...e.elems];
    case "ArrayRepeat":
      return [e.elem, e.len];
    case "Struct":
      return [...e.fields.map((f) => f.value), ...(e.base ? [e.base] : [])];
    case "BlockExpr":
    case "AsyncBlock":
      return blockExprs(e.block);
    case "Closure":
      return [e.body];
    case "If":
      return [e.cond, ...blockExprs(e.then), ...(e.else ? [e.else] : [])];
    case "LetCond":
      return [e.scrutinee];
    case "While":
      return [e.cond, ...blockExprs(e.body)];
    case "Loop":
      return blockExprs(e.body);
    case "For":
      return [e.iter, ...blockExprs(e.body)];
    case "Match":
      return [e.scrutinee, ...e.arms.flatMap((a) => (a.guard ? [a.guard, a.body] : [a.body]))];
    case "Break":
    case "Return":
      return e.value ? [e.value] : [];
    case "Range":
      return [...(e.lo ? [e.lo] : []), ...(e.hi ? [e.hi] : [])];
    case "MacroCall":
      return macroExprs(e.call);
  }
}

/** The expressions of a block's statements and tail (not of nested items). */
export function blockExprs(b: ast.Block): ast.Expr[] {
  const out: ast.Expr[] = [];
  for (const s of b.stmts) {
    if (s.kind === "Let") {
      if (s.init) out.push(s.init);
      if (s.else) out.push(...blockExprs(s.else));
    } else if (s.kind === "ExprStmt") out.push(s.expr);
  }
  if (b.tail) out.push(b.tail);
  return out;
}

export function macroExprs(m: ast.MacroCall): ast.Expr[] {
  switch (m.macro) {
    case "print":
    case "println":
    case "eprint":
    case "eprintln":
    case "format":
    case "panic":
    case "unreachable":
    case "todo":
    case "unimplemented":
      return m.fmt ? [...m.fmt.args] : [];
    case "write":
    case "writeln":
      return [m.dest, ...(m.fmt ? m.fmt.args : [])];
    case "assert":
    case "debug_assert":
      return [m.cond, ...(m.fmt ? m.fmt.args : [])];
    case "assert_eq":
    case "assert_ne":
    case "debug_assert_eq":
    case "debug_assert_ne":
      return [m.left, m.right, ...(m.fmt ? m.fmt.args : [])];
    case "vec":
      return [...m.elems];
    case "vecRepeat":
      return [m.elem, m.len];
    case "matches":
      return [m.scrutinee, ...(m.guard ? [m.guard] : [])];
    case "dbg":
      return [...m.args];
    case "pin":
      return [m.value];
    case "join":
      return [...m.futures];
    case "select":
      return m.arms.flatMap((a) => [a.future, a.body]);
    case "line":
    case "column":
    case "file":
    case "stringify":
      return [];
    case "concat":
      return [...m.parts];
    case "addr_of":
    case "addr_of_mut":
      return [m.place];
  }
}
