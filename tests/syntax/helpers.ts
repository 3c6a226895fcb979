// Shared helpers for the syntax tests.
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Crate, Expr, Item, Stmt } from "../../src/syntax/ast.js";
import { dump, parse, walkCrate } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";

export interface Parsed {
  readonly file: SourceFile;
  readonly crate: Crate;
  readonly diagnostics: Diagnostic[];
}

export function parseText(text: string, name = "test.rs"): Parsed {
  const file = new SourceFile(name, text);
  const r = parse(file);
  return { file, crate: r.value, diagnostics: r.diagnostics };
}

/** Parses and fails the test if there are diagnostics. */
export function parseClean(text: string): Parsed {
  const p = parseText(text);
  if (p.diagnostics.length > 0) throw new Error(`unexpected diagnostics:\n${diagLines(p).join("\n")}`);
  return p;
}

/** `CODE line:col message` for each diagnostic. */
export function diagLines(p: Parsed): string[] {
  return p.diagnostics.map((d) => {
    const { line, column } = p.file.lineCol(d.span.lo);
    return `${d.code} ${line}:${column} ${d.message}`;
  });
}

/** The function named `name` (top level). */
export function fnNamed(p: Parsed, name: string): Item & { kind: "Fn" } {
  const f = p.crate.items.find((i): i is Item & { kind: "Fn" } => i.kind === "Fn" && i.name.name === name);
  if (!f) throw new Error(`no fn ${name}`);
  return f;
}

/** The statements of `fn main`. */
export function mainStmts(p: Parsed): Stmt[] {
  return fnNamed(p, "main").body!.stmts;
}

/** Dump of the expression `fn main() { let _ = EXPR; }`. */
export function exprDump(src: string): string {
  const p = parseClean(`fn main() { let _ = ${src}; }`);
  const s = mainStmts(p)[0]!;
  if (s.kind !== "Let" || !s.init) throw new Error("no let");
  return dump(s.init);
}

/** Every expression of the crate, in walk order. */
export function allExprs(crate: Crate): Expr[] {
  const out: Expr[] = [];
  walkCrate(crate, { expr: (e) => out.push(e) });
  return out;
}

/** `line:col` of a span start. */
export function at(p: Parsed, sp: { lo: number }): string {
  const { line, column } = p.file.lineCol(sp.lo);
  return `${line}:${column}`;
}
