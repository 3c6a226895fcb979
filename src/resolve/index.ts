// resolve/: names → definitions, one id per local, and the types later stages need.
//
// The driver, step by step:
//   1. collect the definitions of pinion's std stubs and of the user's crate into one table
//      (items declared inside fn bodies included, so every impl is known before any body);
//   2. resolve `use` imports;
//   3. type-check every body (fn items, consts, statics) with its own inference table;
//   4. hand the side tables to the next stages as a `Program`.
//
// Many files, one process: the std stubs' part of step 1 and the std impl headers that step 3's method
// index asks for first do not depend on the file, so `prepareStd` does them once (a Session keeps the
// result) and each file's table and `TyCtx` start from a copy. The results are the same as collecting
// the stubs' crate for every file (tests/cli/inspect-session.test.ts checks it on the corpora).
//
// Example: for `fn main() { let s = String::from("hi"); }` the result maps the `let` pattern to a
// local `s: String`, the path `String::from` to the fn `<String as From<&str>>::from` with Self =
// String, and the call expression to type `String`.

import type * as ast from "../syntax/ast.js";
import { diagnostic, type Diagnostic, type WithDiagnostics } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../syntax/source.js";
import { TyCtx, type StdTyCache } from "./collect.js";
import { collectAllBlockItems, collectDefs, collectStdDefs, type Def, type DefTable } from "./defs.js";
import { buildMethodIndex } from "./method.js";
import type { FnBodyInfo, Program } from "./program.js";
import { resolveImports, unsupportedStdDiagnostic, unsupportedStdItem } from "./scope.js";
import { STD_STUBS } from "./std-stubs.js";
import { Solver } from "./traits.js";
import { BodyChecker, newTables } from "./typeck.js";
import { InferTable } from "./infer.js";

export type { Program, Local, LocalId, Res, Adjustment, MethodCallee, Capture, ClosureInfo, AsyncBlockInfo, FnBodyInfo } from "./program.js";
export { TyCtx } from "./collect.js";
export type { FnSig, Generics, Predicate, LangItems, StdTyCache } from "./collect.js";
export { Solver } from "./traits.js";
export { printTy } from "./print.js";
export * from "./ty.js";
export { defPath } from "./scope.js";
export type { Def, DefTable } from "./defs.js";

/** Parses the std stubs: a parser function is passed in so that resolve/ does not import syntax/'s
 *  tree-sitter binding itself (only syntax/ does). */
export type ParseFn = (file: SourceFile) => WithDiagnostics<ast.Crate>;

export function stdStubsFile(): SourceFile {
  return new SourceFile("<pinion std stubs>", STD_STUBS);
}

/**
 * The std stubs, prepared once for many files (a Session keeps one): their definitions, collected, and
 * what the type collector computes about them before any file's own items matter. `resolveProgram`
 * with it gives exactly what it gives with the stubs' crate, without redoing that work per file.
 */
export interface StdContext {
  readonly defs: DefTable;
  /** Undefined if computing it reported anything (each file then computes it again, and reports). */
  readonly tyCache: StdTyCache | undefined;
}

/** Prepares the std stubs' crate for `resolveProgram`: collects its definitions, then replays what
 *  `resolveProgram` does for a file with no items up to the first question about a user item — import
 *  resolution and the headers of every std impl (steps 1 and 2, and the start of the method index). */
export function prepareStd(stdCrate: ast.Crate): StdContext {
  const defs = collectStdDefs(stdCrate);
  const table = collectDefs(defs, { items: [], nodeCount: 0 });
  resolveImports(table);
  const tcx = new TyCtx(table);
  for (const id of table.impls) tcx.implHeader(id);
  return { defs, tyCache: tcx.diagnostics.length ? undefined : tcx.stdCache() };
}

export function resolveProgram(file: SourceFile, crate: ast.Crate, std: ast.Crate | StdContext): WithDiagnostics<Program> {
  const diagnostics: Diagnostic[] = [];
  const prepared = "defs" in std ? std : undefined;
  const table = collectDefs(prepared?.defs ?? (std as ast.Crate), crate);
  collectAllBlockItems(table, crate);
  for (const p of resolveImports(table)) {
    if (p.entry.path[0] && isStdSpan(table, p)) continue;
    const unsupported = unsupportedStdItem(table, p.entry.path.map((i) => i.name), p.module);
    if (unsupported) {
      diagnostics.push(unsupportedStdDiagnostic(unsupported, p.span));
      const names = table.unsupportedImports.get(p.module) ?? new Map<string, string>();
      names.set(p.entry.alias?.name ?? p.entry.path[p.entry.path.length - 1]!.name, unsupported);
      table.unsupportedImports.set(p.module, names);
    }
    else diagnostics.push(diagnostic("P0005", "error", p.message, p.span, "not found"));
  }
  const tcx = new TyCtx(table, prepared?.tyCache);
  const index = buildMethodIndex(tcx);
  const tables = newTables();
  const bodies: FnBodyInfo[] = [];
  for (const d of table.defs) {
    if (d.std) continue;
    try {
      checkDef(d);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith("internal error")) throw e;
      throw e;
    }
  }
  function checkDef(d: Def): void {
    if (d.kind === "fn" && d.node.body) {
      const ck = new BodyChecker(tcx, index, tables, diagnostics, d.id, tcx.itemScope(d.id));
      bodies.push(ck.checkFn(d.node));
    } else if ((d.kind === "const" || d.kind === "static") && d.node.value) {
      const ck = new BodyChecker(tcx, index, tables, diagnostics, d.id, tcx.itemScope(d.id));
      const ty = d.kind === "static" && d.node.threadLocal ? tcx.lowerTy(d.node.ty, tcx.itemScope(d.id)) : tcx.itemTy(d.id);
      ck.checkInit(d.node.value, ty, d.node.id);
    }
  }
  diagnostics.push(...tcx.diagnostics);
  bodies.sort((a, b) => a.node.span.lo - b.node.span.lo);
  const solver = new Solver(tcx, new InferTable(), []);
  const program: Program = { file, crate, table, tcx, bodies, ...tables, solver };
  return { value: program, diagnostics };
}

function isStdSpan(table: import("./defs.js").DefTable, p: { entry: ast.UseEntry }): boolean {
  void table;
  void p;
  return false;
}

/** A solver for questions about types in the context of one fn (its where-clauses). */
export function solverFor(program: Program, fnDef: number | undefined): Solver {
  const env = fnDef === undefined ? [] : program.tcx.predicatesOf(fnDef);
  return new Solver(program.tcx, new InferTable(), env);
}
