// Module-level name resolution: `use` imports, globs, the prelude, and paths through modules.
//
// Example. With
//
//     use std::pin::{pin, Pin};
//     mod a { pub use super::helper as h; }
//     fn helper() {}
//
// `resolveImports` first binds, in `crate`, `pin` (a fn in std's `pin` module — macros are handled by
// syntax/, so only value/type items matter) and `Pin` (a struct); then `a::h` (a value: the fn
// `helper`). Imports may depend on each other in any order, so they are retried until nothing changes.
// `lookupLexical(scope, "Pin", "type")` then searches the block scopes around the use site, the
// enclosing module, its globs, and finally the std prelude.

import type * as ast from "../syntax/ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { def, type Def, type DefTable, type ModDef, type Namespace } from "./defs.js";
import type { DefId } from "./ty.js";

/** The primitive type names; they resolve in type position unless shadowed. */
export const PRIMITIVES = new Set([
  "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
  "f32", "f64", "bool", "char", "str",
]);

export type ImportProblem = { readonly entry: ast.UseEntry; readonly message: string; readonly span: ast.Ident["span"]; readonly module: DefId };

/** Resolves every module's `use` entries into its namespaces. Returns what could not be resolved. */
export function resolveImports(table: DefTable): ImportProblem[] {
  const pending: { mod: ModDef; entry: ast.UseEntry }[] = [];
  for (const d of table.defs) if (d.kind === "mod") for (const entry of d.uses) pending.push({ mod: d, entry });
  let progress = true;
  let rest = pending;
  while (progress && rest.length) {
    progress = false;
    const next: typeof rest = [];
    for (const p of rest) {
      if (applyImport(table, p.mod, p.entry)) progress = true;
      else next.push(p);
    }
    rest = next;
  }
  return rest.map(({ mod, entry }) => ({
    entry,
    module: mod.id,
    message: `unresolved import \`${entry.path.map((i) => i.name).join("::")}\``,
    span: entry.path[entry.path.length - 1]?.span ?? entry.span,
  }));
}

function applyImport(table: DefTable, mod: ModDef, entry: ast.UseEntry): boolean {
  const names = entry.path.map((i) => i.name);
  if (entry.glob) {
    const target = resolveModulePath(table, names, mod.id, "type");
    if (target === undefined) return false;
    if (!mod.globs.includes(target)) mod.globs.push(target);
    return true;
  }
  // `use a::b::{self}` arrives as path [a, b] with alias b.
  let last = names[names.length - 1]!;
  let prefix = names.slice(0, -1);
  if (last === "self" && prefix.length) {
    last = prefix[prefix.length - 1]!;
    prefix = prefix.slice(0, -1);
  }
  const alias = entry.alias?.name ?? last;
  if (alias === "_") return true;
  let found = false;
  for (const ns of ["type", "value"] as Namespace[]) {
    const target = resolveModulePath(table, [...prefix, last], mod.id, ns);
    if (target === undefined) continue;
    const map = ns === "type" ? mod.types : mod.values;
    if (!map.has(alias)) map.set(alias, target);
    found = true;
  }
  // Macro imports (`use std::pin::pin;` names both a fn-like macro and a module): a path that ends in
  // a std macro name resolves to nothing here, which is fine — syntax/ expanded the macro already.
  if (!found && isMacroName(last) && prefix.length && (prefix[0] === "std" || prefix[0] === "core" || prefix[0] === "futures" || prefix[0] === "tokio")) return true;
  return found;
}

const MACRO_NAMES = new Set([
  "pin", "pin_mut", "join", "select", "try_join", "println", "print", "eprintln", "eprint", "format", "write", "writeln",
  "vec", "panic", "assert", "assert_eq", "assert_ne", "matches", "dbg", "addr_of", "addr_of_mut", "thread_local", "main", "test",
]);

function isMacroName(name: string): boolean {
  return MACRO_NAMES.has(name);
}

/** Looks `name` up in one module's namespace (its items, its imports, its globs). */
export function lookupInModule(table: DefTable, modId: DefId, name: string, ns: Namespace, seen: Set<DefId> = new Set()): DefId | undefined {
  if (seen.has(modId)) return undefined;
  seen.add(modId);
  const d = table.defs[modId]!;
  if (d.kind === "enum") {
    // `use Enum::*` and `Enum::Variant`: variants live in both namespaces.
    for (const v of d.variants) if (table.defs[v]!.name === name) return v;
    return undefined;
  }
  if (d.kind !== "mod") return undefined;
  const direct = (ns === "type" ? d.types : d.values).get(name);
  if (direct !== undefined) return direct;
  for (const g of d.globs) {
    const r = lookupInModule(table, g, name, ns, seen);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * Resolves a name used inside `scope` (a module or an anonymous block scope): block scopes outward to
 * the first real module, that module, then the prelude. Extern crate names (`std`, …) resolve in the
 * type namespace.
 */
export function lookupLexical(table: DefTable, scope: DefId, name: string, ns: Namespace): DefId | undefined {
  let m: DefId | undefined = scope;
  while (m !== undefined) {
    const found = lookupInModule(table, m, name, ns);
    if (found !== undefined) return found;
    const md: Def = table.defs[m]!;
    if (md.kind === "mod" && !md.anonymous) break;
    m = md.parent;
  }
  const fromPrelude = lookupInModule(table, table.prelude, name, ns);
  if (fromPrelude !== undefined) return fromPrelude;
  if (ns === "type") {
    if (name === "crate") return crateOf(table, scope);
    const ext = table.externs.get(name);
    if (ext !== undefined) return ext;
  }
  return undefined;
}

/** The root module of the crate that `scope` belongs to (std stubs or the user's crate). */
export function crateOf(table: DefTable, scope: DefId): DefId {
  let m = scope;
  for (;;) {
    const d = table.defs[m]!;
    if (d.parent === undefined) return m;
    m = d.parent;
  }
}

/** The nearest enclosing real (named) module. */
export function realModule(table: DefTable, scope: DefId): DefId {
  let m = scope;
  for (;;) {
    const d = table.defs[m]!;
    if (d.kind === "mod" && !d.anonymous) return m;
    if (d.parent === undefined) return m;
    m = d.parent;
  }
}

/**
 * Resolves a path of module-level names (`std::pin::Pin`, `super::helper`, `crate::a::B`,
 * `Enum::Variant`) from `scope`. The last segment is looked up in `ns`, the others in the type
 * namespace. Returns undefined if any segment is missing.
 */
export function resolveModulePath(table: DefTable, names: readonly string[], scope: DefId, ns: Namespace): DefId | undefined {
  if (names.length === 0) return undefined;
  let cur: DefId | undefined;
  let i = 0;
  const first = names[0]!;
  if (first === "crate") {
    cur = crateOf(table, scope);
    i = 1;
  } else if (first === "self") {
    cur = realModule(table, scope);
    i = 1;
  } else if (first === "super") {
    cur = realModule(table, scope);
    while (i < names.length && names[i] === "super") {
      const p: DefId | undefined = table.defs[cur]!.parent;
      cur = p === undefined ? cur : realModule(table, p);
      i++;
    }
  } else if (first === "::") {
    const ext = table.externs.get(names[1] ?? "");
    if (ext === undefined) return undefined;
    cur = ext;
    i = 2;
  } else {
    if (names.length === 1) return lookupLexical(table, scope, first, ns);
    cur = lookupLexical(table, scope, first, "type");
    if (cur === undefined) cur = table.externs.get(first);
    i = 1;
  }
  if (cur === undefined) return undefined;
  for (; i < names.length; i++) {
    const name = names[i]!;
    const last = i === names.length - 1;
    const d = table.defs[cur]!;
    if (d.kind !== "mod" && d.kind !== "enum") return undefined;
    const next: DefId | undefined = lookupInModule(table, cur, name, last ? ns : "type");
    if (next === undefined) return undefined;
    cur = next;
  }
  return cur;
}

/** The printable path of a definition, as rustc prints it (`std::vec::Vec`, `Foo::bar`, `main`). */
export function defPath(table: DefTable, id: DefId): string {
  const parts: string[] = [];
  let cur: DefId | undefined = id;
  while (cur !== undefined) {
    const d: (typeof table.defs)[number] = table.defs[cur]!;
    if (d.kind === "mod" && d.parent === undefined) break;
    if (d.kind === "mod" && d.anonymous) {
      cur = d.parent;
      continue;
    }
    if (d.kind !== "impl") parts.push(d.name);
    cur = d.parent;
  }
  return parts.reverse().join("::");
}

export function asMod(table: DefTable, id: DefId): ModDef {
  return def(table, id, "mod");
}

/**
 * The item a path names in a module of pinion's std that does not declare it: `std::thread::spawn`,
 * `thread::JoinHandle`, `use std::net::TcpStream`. pinion's std is the subset it supports, so such a
 * name is std API outside the subset (P0003), not a name missing from the program (P0005). Returns the
 * item's full path (`std::thread::spawn`), or undefined when the path does not go through a std module.
 */
export function unsupportedStdItem(table: DefTable, names: readonly string[], scope: DefId): string | undefined {
  if (names.length < 2) return undefined;
  const m = resolveModulePath(table, names.slice(0, -1), scope, "type");
  if (m === undefined) return undefined;
  const d = table.defs[m]!;
  if (d.kind !== "mod" || !d.std || d.anonymous) return undefined;
  // The stubs' root is `std`; `futures` and `tokio` are modules under it that programs name as crates.
  const path = defPath(table, m);
  const top = path.split("::")[0];
  return `${top === "futures" || top === "tokio" ? "" : "std::"}${path}::${names[names.length - 1]!}`;
}

/** P0003 for a std item outside pinion's subset (see `unsupportedStdItem`), at the path's last segment. */
export function unsupportedStdDiagnostic(path: string, span: ast.Ident["span"]): Diagnostic {
  const parts = path.split("::");
  const item = parts[parts.length - 1]!;
  const module = parts.slice(0, -1).join("::");
  return diagnostic("P0003", "error", `\`${path}\` is not supported by pinion`, span, "not supported", {
    notes: [`pinion's std is the part of std its Rust subset uses (\`pinion explain P0003\`); it has no \`${item}\` in \`${module}\``],
  });
}

/** Whether `name` (a path's first segment) was bound by a `use` of unsupported std API, in `scope` or
 *  a module around it: its uses then go unreported, the import's P0003 says it all. */
export function importedUnsupported(table: DefTable, scope: DefId, name: string): boolean {
  for (let cur: DefId | undefined = scope; cur !== undefined; cur = table.defs[cur]!.parent) {
    if (table.unsupportedImports.get(cur)?.has(name)) return true;
    const d = table.defs[cur]!;
    if (d.kind === "mod" && !d.anonymous) break;
  }
  return false;
}
