// A compact, readable S-expression dump of the AST, for tests and `--dump=ast`.
//
//     [rust]   fn main() { let x = 1 + 2; }
//     [dump]   (Fn main () (Block (Let (IdentPat x) (Binary + (Lit 1) (Lit 2)))))
//
// Ids and spans are left out (they would make every snapshot fragile) unless `spans` is given, in
// which case each node is suffixed with `@line:col`.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Lit } from "./ast.js";
import type { SourceFile, Span } from "./source.js";

export interface DumpOptions {
  /** Print `@line:col` of each node's span start. */
  readonly spans?: SourceFile;
}

const SKIP = new Set(["id", "span", "kind", "awaitSpan"]);
/** Field values not worth printing. */
const DEFAULTS: Record<string, unknown> = { byRef: "none", unsafety: "normal", fill: " ", align: "", sign: "", trait: "" };

function litText(l: Lit): string {
  switch (l.type) {
    case "int":
      return `${l.value}${l.suffix ?? ""}`;
    case "float":
      return `${l.text}${l.suffix ?? ""}`;
    case "bool":
      return String(l.value);
    case "char":
      return `'${l.value}'`;
    case "byte":
      return `b'${l.value}'`;
    case "str":
      return JSON.stringify(l.value);
    case "byteStr":
      return `b[${l.value.join(",")}]`;
    default:
      return assertNever(l, "literal");
  }
}

/** Dumps any AST value (a crate, an item, an expression …). */
export function dump(value: unknown, opts: DumpOptions = {}): string {
  return show(value, opts);
}

function show(v: unknown, opts: DumpOptions): string {
  if (v === undefined) return "_";
  if (v === null) return "null";
  if (typeof v === "bigint") return `${v}`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => show(x, opts)).join(" ")}]`;
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (o.kind === "Lit" && o.lit) return `(Lit${opts.spans && o.span ? "@" + where(opts.spans, o.span as Span) : ""} ${litText(o.lit as Lit)})`;
  // Identifiers print as their name.
  if (typeof o.name === "string" && o.span && Object.keys(o).length === 2) return o.name as string;
  if (o.kind === "Path" && Array.isArray(o.segments)) return pathText(o, opts);
  const head = typeof o.kind === "string" ? o.kind : typeof o.macro === "string" ? `!${o.macro}` : typeof o.type === "string" ? `${o.type}` : "";
  const parts: string[] = [];
  for (const [k, x] of Object.entries(o)) {
    if (SKIP.has(k) || x === undefined) continue;
    if (k === "macro" && head.startsWith("!")) continue;
    if (k === "type" && head === o.type) continue;
    if (x === false || (Array.isArray(x) && x.length === 0)) continue;
    if (DEFAULTS[k] === x) continue;
    parts.push(x === true ? k : `${k}=${show(x, opts)}`);
  }
  const at = opts.spans && o.span ? `@${where(opts.spans, o.span as Span)}` : "";
  return `(${head}${at}${parts.length ? " " + parts.join(" ") : ""})`;
}

function where(file: SourceFile, sp: Span): string {
  const { line, column } = file.lineCol(sp.lo);
  return `${line}:${column}`;
}

function pathText(o: Record<string, unknown>, opts: DumpOptions): string {
  const segs = (o.segments as { ident: { name: string }; args?: unknown }[]).map((s) => s.ident.name + (s.args ? show(s.args, opts) : ""));
  const q = o.qself ? `<${show((o.qself as { ty: unknown }).ty, opts)}${(o.qself as { trait?: unknown }).trait ? " as " + show((o.qself as { trait?: unknown }).trait, opts) : ""}>::` : "";
  return (o.global ? "::" : "") + q + segs.join("::");
}
