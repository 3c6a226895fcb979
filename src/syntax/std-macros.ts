// The std (and futures/tokio) macros pinion knows, with their arguments parsed as Rust.
//
//     [rust]      println!("{} + {x:>3}", a.len());
//     [reparsed]  fn __pinion() { __pinion("{} + {x:>3}", a.len()\n); }     (spans map back to the line)
//     [lowered]   MacroCall println { fmt: pieces [arg 0 {}, lit " + ", arg 1 {align >, width 3}],
//                                     args [a.len(), x] }          (x: an implicit capture)
//
// Most macros take comma-separated expressions, so their argument text is parsed once as the
// arguments of a call. The others: `vec![x; n]` is parsed as an array, `matches!(e, pat if g)` as a
// `match`, `select! { p = fut => body, … }` arm by arm from tokens. Some are desugared to ordinary
// syntax instead of a MacroCall: `addr_of!(p)` → `&raw const p`, `ready!(e)` → a `match` on `Poll`,
// `pin_mut!(a)` / `tokio::pin!(a)` → `let mut a = pin!(a);`, `thread_local! { static … }` → statics.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Expr, FormatArgs, Item, MacroCall, Pat, Stmt } from "./ast.js";
import { kids, field, type SyntaxNode } from "./cst.js";
import { parseFormatString, resolveFormat, type FormatError } from "./format.js";
import { decodeLiteral } from "./literals.js";
import type { Lowerer } from "./lower.js";
import { TextBuilder, isMGroup, macroArgRange, treesOf, type MGroup, type MTree } from "./macros.js";
import type { Span } from "./source.js";

type StdName =
  | "print" | "println" | "eprint" | "eprintln" | "format" | "panic" | "unreachable" | "todo" | "unimplemented"
  | "write" | "writeln"
  | "assert" | "debug_assert" | "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne"
  | "vec" | "matches" | "dbg" | "pin" | "join" | "select" | "line" | "column" | "file" | "stringify" | "concat"
  | "addr_of" | "addr_of_mut" | "ready" | "pin_mut" | "thread_local";

const STD_NAMES: ReadonlySet<string> = new Set<StdName>([
  "print", "println", "eprint", "eprintln", "format", "panic", "unreachable", "todo", "unimplemented",
  "write", "writeln",
  "assert", "debug_assert", "assert_eq", "assert_ne", "debug_assert_eq", "debug_assert_ne",
  "vec", "matches", "dbg", "pin", "join", "select", "line", "column", "file", "stringify", "concat",
  "addr_of", "addr_of_mut", "ready", "pin_mut", "thread_local",
]);

/** Crates whose macros pinion recognises by path, and std modules that may start a path after a
 *  `use std::ptr;` (`ptr::addr_of!`, `pin::pin!`, `task::ready!`). */
const STD_CRATES: ReadonlySet<string> = new Set(["std", "core", "alloc", "futures", "futures_util", "tokio", "pin_utils", "ptr", "pin", "task", "future", "thread", "fmt", "io"]);

interface MacroName {
  readonly name: StdName;
  /** The first path segment when the path is qualified (`tokio` in `tokio::pin`). */
  readonly crate?: string;
}

function parseName(path: string): MacroName | undefined {
  const segs = path.split("::").filter((s) => s !== "");
  const name = segs[segs.length - 1];
  if (!name || !STD_NAMES.has(name)) return undefined;
  if (segs.length === 1) return { name: name as StdName };
  if (!STD_CRATES.has(segs[0]!)) return undefined;
  return { name: name as StdName, crate: segs[0]! };
}

export function isStdMacroName(path: string): boolean {
  return parseName(path) !== undefined;
}

/** `tokio::pin!` and `pin_mut!` declare pinned locals; `std::pin::pin!` is an expression. */
function isDeclaringPin(m: MacroName): boolean {
  return m.name === "pin_mut" || (m.name === "pin" && m.crate === "tokio");
}

// ---------------------------------------------------------------------------------------------------
// Entry points

export function lowerStdMacroExpr(lw: Lowerer, n: SyntaxNode, path: string): Expr {
  const m = parseName(path)!;
  const span = lw.sp(n);
  if (isDeclaringPin(m) || m.name === "thread_local") {
    lw.report("P0004", `\`${path}!\` can only be used in statement position`, span, "", {
      help: m.name === "thread_local" ? ["declare thread locals at item level: `thread_local! { static X: T = …; }`"] : [`write \`${path}!(name);\` on its own line`],
    });
    return lw.errorExpr(span);
  }
  const call = lowerCall(lw, n, m, path);
  if (call === undefined) return lw.errorExpr(span);
  if ("kind" in call) return call;
  return { kind: "MacroCall", id: lw.id(), span, path, call };
}

export function lowerStdMacroStmts(lw: Lowerer, n: SyntaxNode, path: string, pos: { semi: boolean; isTail: boolean; span: Span }): { stmts: Stmt[]; tail?: Expr } {
  const m = parseName(path)!;
  // `pin!(a);` with `use tokio::pin;` in the file is tokio's declaring form.
  if (isDeclaringPin(m) || (m.name === "pin" && !m.crate && pos.semi && importsTokioPin(lw.s.file.text) && looksLikeNames(lw, n))) {
    return { stmts: pinLets(lw, n, path) };
  }
  if (m.name === "thread_local") {
    const items: Item[] = [];
    lowerStdMacroItems(lw, n, path, items);
    return { stmts: items.map((item) => ({ kind: "ItemStmt", id: lw.id(), span: item.span, item })) };
  }
  const e = lowerStdMacroExpr(lw, n, path);
  if (pos.isTail) return { stmts: [], tail: e };
  return { stmts: [{ kind: "ExprStmt", id: lw.id(), span: pos.span, expr: e, semi: pos.semi }] };
}

export function lowerStdMacroItems(lw: Lowerer, n: SyntaxNode, path: string, out: Item[]): void {
  const m = parseName(path)!;
  if (m.name !== "thread_local") {
    lw.report("P0004", `\`${path}!\` cannot be used in item position`, lw.sp(n), "", {
      notes: ["macros like this one expand to an expression; call it inside a function"],
    });
    return;
  }
  const r = macroArgRange(n);
  if (!r) return;
  // The last declaration may omit its `;`.
  const { root, lowerer } = lw.reparseSlice("", r.lo, r.hi, "\n;", lw.sp(n));
  for (const c of root.children) {
    if (c.type === "static_item") out.push(lowerer.lowerStatic(c, { threadLocal: true }));
    else if (c.type === "attribute_item" || c.type === "ERROR" || c.type === "empty_statement") continue;
    else lowerer.report("P0004", "`thread_local!` expects `static NAME: TYPE = INIT;` declarations", lowerer.sp(c));
  }
}

// ---------------------------------------------------------------------------------------------------
// Arguments

interface Args {
  readonly sub: Lowerer;
  readonly nodes: SyntaxNode[];
}

/** Parses the macro's arguments as the arguments of a call. */
function callArgs(lw: Lowerer, n: SyntaxNode): Args | undefined {
  const r = macroArgRange(n);
  if (!r) {
    lw.report("P0002", "expected macro arguments", lw.sp(n));
    return undefined;
  }
  const { root, lowerer } = lw.reparseSlice("fn __pinion() { __pinion(", r.lo, r.hi, "\n); }", lw.sp(n));
  const body = kids(root)[0]?.childForFieldName("body");
  const stmt = body ? kids(body)[0] : undefined;
  const call = stmt ? (stmt.type === "expression_statement" ? kids(stmt)[0] : stmt) : undefined;
  const args = call && call.type === "call_expression" ? call.childForFieldName("arguments") : null;
  if (!args) return { sub: lowerer, nodes: [] };
  return { sub: lowerer, nodes: kids(args).filter((k) => k.type !== "attribute_item" && k.type !== "ERROR") };
}

function lowerCall(lw: Lowerer, n: SyntaxNode, m: MacroName, path: string): MacroCall | Expr | undefined {
  const span = lw.sp(n);
  switch (m.name) {
    case "print":
    case "println":
    case "eprint":
    case "eprintln":
    case "format":
    case "panic":
    case "unreachable":
    case "todo":
    case "unimplemented": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      if (a.nodes.length === 0) {
        if (m.name === "print" || m.name === "eprint" || m.name === "format") {
          lw.report("P0004", "requires at least a format string argument", span);
          return undefined;
        }
        return { macro: m.name };
      }
      const fmt = lowerFormat(a.sub, a.nodes);
      return fmt ? { macro: m.name, fmt } : undefined;
    }
    case "write":
    case "writeln": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      const [dst, ...rest] = a.nodes;
      if (!dst) {
        lw.report("P0004", `\`${m.name}!\` needs a destination: \`${m.name}!(f, "…")\``, span);
        return undefined;
      }
      const dest = a.sub.lowerExpr(dst);
      if (rest.length === 0) {
        if (m.name === "write") {
          lw.report("P0004", "requires at least a format string argument", span);
          return undefined;
        }
        return { macro: m.name, dest };
      }
      const fmt = lowerFormat(a.sub, rest);
      return fmt ? { macro: m.name, dest, fmt } : undefined;
    }
    case "assert":
    case "debug_assert": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      const [c, ...rest] = a.nodes;
      if (!c) {
        lw.report("P0004", "macro requires a boolean expression as an argument", span, "boolean expression required");
        return undefined;
      }
      const cond = a.sub.lowerExpr(c);
      if (rest.length === 0) return { macro: m.name, cond };
      const fmt = lowerFormat(a.sub, rest);
      return fmt ? { macro: m.name, cond, fmt } : { macro: m.name, cond };
    }
    case "assert_eq":
    case "assert_ne":
    case "debug_assert_eq":
    case "debug_assert_ne": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      const [l, r, ...rest] = a.nodes;
      if (!l || !r) {
        lw.report("P0004", `\`${m.name}!\` needs two arguments to compare`, span);
        return undefined;
      }
      const left = a.sub.lowerExpr(l);
      const right = a.sub.lowerExpr(r);
      if (rest.length === 0) return { macro: m.name, left, right };
      const fmt = lowerFormat(a.sub, rest);
      return fmt ? { macro: m.name, left, right, fmt } : { macro: m.name, left, right };
    }
    case "vec": {
      const r = macroArgRange(n);
      if (!r) return undefined;
      const { root, lowerer } = lw.reparseSlice("fn __pinion() { let _ = [", r.lo, r.hi, "\n]; }", span);
      const body = kids(root)[0]?.childForFieldName("body");
      const arr = body ? kids(body)[0]?.childForFieldName("value") : null;
      if (!arr || arr.type !== "array_expression") return { macro: "vec", elems: [] };
      const len = field(arr, "length");
      const elems = kids(arr).filter((k) => k.type !== "attribute_item" && k.type !== "ERROR" && (!len || k.id !== len.id));
      if (len) return { macro: "vecRepeat", elem: elems[0] ? lowerer.lowerExpr(elems[0]) : lw.errorExpr(span), len: lowerer.lowerExpr(len) };
      return { macro: "vec", elems: elems.map((e) => lowerer.lowerExpr(e)) };
    }
    case "matches":
      return lowerMatches(lw, n, span);
    case "dbg": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      return { macro: "dbg", args: a.nodes.map((x) => a.sub.lowerExpr(x)) };
    }
    case "pin": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      if (a.nodes.length !== 1) {
        lw.report("P0004", `\`${path}!\` takes exactly one argument`, span);
        return undefined;
      }
      return { macro: "pin", value: a.sub.lowerExpr(a.nodes[0]!) };
    }
    case "join": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      return { macro: "join", futures: a.nodes.map((x) => a.sub.lowerExpr(x)) };
    }
    case "select":
      return lowerSelect(lw, n, span);
    case "line":
    case "column":
    case "file": {
      const r = macroArgRange(n);
      if (r && lw.text.slice(r.lo, r.hi).trim() !== "") lw.report("P0004", `\`${m.name}!\` takes no arguments`, span);
      return { macro: m.name };
    }
    case "stringify": {
      const r = macroArgRange(n);
      if (!r) return undefined;
      const { trees } = treesOf(lw, r.lo, r.hi, lw.s.origin());
      return { macro: "stringify", text: stringifyTrees(trees) };
    }
    case "concat": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      const parts = a.nodes.map((x) => a.sub.lowerExpr(x));
      for (const p of parts) {
        if (p.kind !== "Lit" && !(p.kind === "Unary" && p.op === "neg" && p.operand.kind === "Lit") && p.kind !== "MacroCall") {
          lw.report("P0004", "expected a literal", p.span, "", { notes: ["only literals (like `\"foo\"`, `-42` and `3.14`) can be passed to `concat!()`"] });
        }
      }
      return { macro: "concat", parts };
    }
    case "addr_of":
    case "addr_of_mut": {
      const a = callArgs(lw, n);
      if (!a) return undefined;
      if (a.nodes.length !== 1) {
        lw.report("P0004", `\`${path}!\` takes exactly one argument`, span);
        return undefined;
      }
      // `addr_of!(place)` is `&raw const place`.
      return { kind: "Ref", id: lw.id(), span, mutable: m.name === "addr_of_mut", raw: true, operand: a.sub.lowerExpr(a.nodes[0]!) };
    }
    case "ready":
      return lowerReady(lw, n, span);
    case "pin_mut":
    case "thread_local":
      // Handled in statement / item position by the callers.
      return undefined;
    default:
      return assertNever(m.name, "std macro");
  }
}


// ---------------------------------------------------------------------------------------------------
// Format strings

/** `nodes[0]` is the format string, the rest its arguments (`name = expr` for named ones). */
function lowerFormat(sub: Lowerer, nodes: readonly SyntaxNode[]): FormatArgs | undefined {
  const fmtNode = nodes[0]!;
  if (fmtNode.type !== "string_literal" && fmtNode.type !== "raw_string_literal") {
    sub.report("P0004", "format argument must be a string literal", sub.sp(fmtNode), "", {
      help: ['you might be missing a string literal to format with: `"{}", `'],
    });
    return undefined;
  }
  const litText = sub.textOf(fmtNode);
  const decoded = decodeLiteral(litText);
  sub.reportLitErrors(decoded, fmtNode.startIndex);
  if (decoded.lit.type !== "str" || !decoded.offsets) return undefined;
  const offsets = decoded.offsets;
  const start = fmtNode.startIndex;
  // Decoded-string positions → spans in the user's file.
  const at = (k: number): number => start + (offsets[Math.max(0, Math.min(k, offsets.length - 1))] ?? 0);
  const spanOf = (lo: number, hi: number): Span => sub.spanOf(at(lo), hi > lo ? at(hi) : at(lo));

  const positional: Expr[] = [];
  const named: Expr[] = [];
  const names: string[] = [];
  const argSpans: Span[] = [];
  let namedSpan: Span | undefined;
  for (const a of nodes.slice(1)) {
    const left = a.type === "assignment_expression" ? a.childForFieldName("left") : null;
    if (left && left.type === "identifier") {
      const right = a.childForFieldName("right");
      const name = sub.textOf(left);
      if (names.includes(name)) sub.report("P0004", `duplicate argument named \`${name}\``, sub.sp(left), "duplicate argument");
      names.push(name);
      named.push(right ? sub.lowerExpr(right) : sub.errorExpr(sub.sp(a)));
      namedSpan = sub.sp(a);
      continue;
    }
    if (namedSpan) {
      sub.report("P0004", "positional arguments cannot follow named arguments", sub.sp(a), "positional arguments must be before named arguments", {
        labels: [{ span: namedSpan, message: "named argument", primary: false }],
      });
    }
    positional.push(sub.lowerExpr(a));
  }
  for (const e of positional) argSpans.push(e.span);
  for (const e of named) argSpans.push(e.span);

  const raw = parseFormatString(decoded.lit.value);
  reportFormatErrors(sub, raw.errors, spanOf);
  const resolved = resolveFormat(raw.pieces, positional.length, names, spanOf);
  reportFormatErrors(sub, resolved.errors, spanOf);
  const fmtSpan = sub.sp(fmtNode);
  if (raw.errors.length === 0 && resolved.unused.length > 0) {
    const all = resolved.unused;
    const named0 = all.filter((k) => k >= positional.length);
    if (all.length === 1) {
      const k = all[0]!;
      const isNamed = named0.length === 1;
      sub.report("P0004", isNamed ? "named argument never used" : "argument never used", argSpans[k]!, isNamed ? "named argument never used" : "argument never used", {
        labels: [{ span: fmtSpan, message: "formatting specifier missing", primary: false }],
      });
    } else {
      sub.report("P0004", "multiple unused formatting arguments", argSpans[all[0]!]!, "argument never used", {
        labels: [
          ...all.slice(1).map((k) => ({ span: argSpans[k]!, message: "argument never used", primary: false })),
          { span: fmtSpan, message: "multiple missing formatting specifiers", primary: false },
        ],
        notes: [`consider adding ${all.length} format specifiers`],
      });
    }
  }
  const captures: Expr[] = resolved.captures.map((c) => {
    const sp = spanOf(c.lo, c.hi);
    return { kind: "Path", id: sub.id(), span: sp, path: { kind: "Path", id: sub.id(), span: sp, segments: [{ ident: { name: c.name, span: sp } }], global: false } };
  });
  const last = nodes[nodes.length - 1]!;
  return {
    span: sub.spanOf(fmtNode.startIndex, last.endIndex),
    pieces: resolved.pieces,
    args: [...positional, ...named, ...captures],
    argNames: [...positional.map(() => undefined), ...names, ...resolved.captures.map((c) => c.name)],
  };
}

function reportFormatErrors(sub: Lowerer, errors: readonly FormatError[], spanOf: (lo: number, hi: number) => Span): void {
  for (const e of errors) {
    const labels = e.related ? [{ span: spanOf(e.related.lo, e.related.hi), message: e.related.label, primary: false }] : [];
    for (const o of e.others ?? []) labels.push({ span: spanOf(o.lo, o.hi), message: "", primary: false });
    sub.report("P0004", e.message, spanOf(e.lo, e.hi), e.label ?? "", { labels, ...(e.note !== undefined && { notes: [e.note] }) });
  }
}

// ---------------------------------------------------------------------------------------------------
// matches!, select!, ready!, pin_mut!

/** Tokens of the macro's arguments, split at top-level commas. */
function argTokens(lw: Lowerer, n: SyntaxNode): MTree[] | undefined {
  const r = macroArgRange(n);
  if (!r) return undefined;
  const { trees, ok } = treesOf(lw, r.lo, r.hi, lw.s.origin());
  return ok ? trees : undefined;
}

function isPunct(t: MTree | undefined, text: string): boolean {
  return !!t && !isMGroup(t) && t.text === text;
}

function lowerMatches(lw: Lowerer, n: SyntaxNode, span: Span): MacroCall | undefined {
  // matches!(expr, pat) / matches!(expr, pat if guard), parsed as `match expr { pat if guard => {} }`.
  const trees = argTokens(lw, n);
  if (!trees) return undefined;
  const comma = trees.findIndex((t) => isPunct(t, ","));
  if (comma <= 0) {
    lw.report("P0004", "`matches!` expects an expression and a pattern: `matches!(value, Pattern)`", span);
    return undefined;
  }
  let patEnd = trees.length;
  if (isPunct(trees[patEnd - 1], ",")) patEnd--;
  const b = new TextBuilder().raw("fn __pinion() { match ").trees(trees.slice(0, comma)).raw("\n { ").trees(trees.slice(comma + 1, patEnd)).raw("\n => {} } }");
  const { text, map } = b.build(span);
  const { root, lowerer } = lw.reparse(text, map, span);
  const body = kids(root)[0]?.childForFieldName("body");
  const stmt = body ? kids(body)[0] : undefined;
  const m = stmt ? (stmt.type === "expression_statement" ? kids(stmt)[0] : stmt) : undefined;
  if (!m || m.type !== "match_expression") return undefined;
  const value = m.childForFieldName("value");
  const arm = m.childForFieldName("body") ? kids(m.childForFieldName("body")!)[0] : undefined;
  const mp = arm?.childForFieldName("pattern");
  const cond = mp?.childForFieldName("condition");
  const patNode = mp ? kids(mp).find((k) => !cond || k.id !== cond.id) : undefined;
  const pat: Pat = patNode ? lowerer.lowerPat(patNode) : mp ? lowerer.wildPat(lowerer.sp(mp)) : lowerer.wildPat(span);
  return {
    macro: "matches",
    scrutinee: value ? lowerer.lowerExpr(value) : lw.errorExpr(span),
    pat,
    ...(cond && { guard: lowerer.lowerExpr(cond) }),
  };
}

function lowerSelect(lw: Lowerer, n: SyntaxNode, span: Span): MacroCall | undefined {
  // select! { pat = future => body, … }  (futures and tokio share this shape)
  const trees = argTokens(lw, n);
  if (!trees) return undefined;
  const arms: { pat: Pat; future: Expr; body: Expr }[] = [];
  let i = 0;
  if (trees[0] && !isMGroup(trees[0]) && trees[0].text === "biased" && isPunct(trees[1], ";")) {
    lw.report("P0003", "`biased;` in `select!` is not supported by pinion", trees[0].span);
    i = 2;
  }
  while (i < trees.length) {
    const eq = findTop(trees, i, "=");
    const arrow = findTop(trees, i, "=>");
    if (arrow < 0) {
      lw.report("P0004", "expected `pattern = future => body` in `select!`", trees[i]!.span);
      return undefined;
    }
    const armStart = trees[i]!.span;
    let bodyEnd: number;
    const first = trees[arrow + 1];
    if (first && isMGroup(first) && first.delim === "{") {
      bodyEnd = arrow + 2;
    } else {
      const c = findTop(trees, arrow + 1, ",");
      bodyEnd = c < 0 ? trees.length : c;
    }
    const bodyTrees = trees.slice(arrow + 1, bodyEnd);
    if (eq < 0 || eq > arrow) {
      // `complete => …`, `default => …`, tokio's `else => …`
      const kw = trees[i]!;
      lw.report("P0003", `\`${isMGroup(kw) ? "…" : kw.text}\` arms in \`select!\` are not supported by pinion`, armStart);
    } else {
      const b = new TextBuilder()
        .raw("fn __pinion() { match () { ")
        .trees(trees.slice(i, eq))
        .raw("\n => {} } let _ = ")
        .trees(trees.slice(eq + 1, arrow))
        .raw("\n; let _ = ")
        .trees(bodyTrees)
        .raw("\n; }");
      const { text, map } = b.build(span);
      const { root, lowerer } = lw.reparse(text, map, span);
      const body = kids(root)[0]?.childForFieldName("body");
      const stmts = body ? kids(body) : [];
      const m = stmts[0] ? (stmts[0].type === "expression_statement" ? kids(stmts[0])[0] : stmts[0]) : undefined;
      const arm = m?.childForFieldName("body") ? kids(m.childForFieldName("body")!)[0] : undefined;
      const mp = arm?.childForFieldName("pattern");
      const patNode = mp ? kids(mp)[0] : undefined;
      const fut = stmts[1]?.childForFieldName("value");
      const bod = stmts[2]?.childForFieldName("value");
      arms.push({
        pat: patNode ? lowerer.lowerPat(patNode) : lowerer.wildPat(armStart),
        future: fut ? lowerer.lowerExpr(fut) : lw.errorExpr(armStart),
        body: bod ? lowerer.lowerExpr(bod) : lw.errorExpr(armStart),
      });
    }
    i = bodyEnd;
    if (isPunct(trees[i], ",")) i++;
  }
  return { macro: "select", arms };
}

function findTop(trees: readonly MTree[], from: number, text: string): number {
  for (let j = from; j < trees.length; j++) if (isPunct(trees[j], text)) return j;
  return -1;
}

function lowerReady(lw: Lowerer, n: SyntaxNode, span: Span): Expr | undefined {
  // [rust]     ready!(e)
  // [lowered]  match e { Poll::Ready(t) => t, Poll::Pending => return Poll::Pending }
  const trees = argTokens(lw, n);
  if (!trees) return undefined;
  const b = new TextBuilder()
    .raw("fn __pinion() { let _ = match ")
    .trees(trees)
    .raw("\n { ::std::task::Poll::Ready(__pinion_ready) => __pinion_ready, ::std::task::Poll::Pending => return ::std::task::Poll::Pending, }; }");
  const { text, map } = b.build(span);
  const { root, lowerer } = lw.reparse(text, map, span);
  const body = kids(root)[0]?.childForFieldName("body");
  const value = body ? kids(body)[0]?.childForFieldName("value") : null;
  return value ? { ...lowerer.lowerExpr(value), span } : undefined;
}

function importsTokioPin(text: string): boolean {
  return /\buse\s+tokio::(?:pin\b|\{[^}]*\bpin\b)/.test(text);
}

function looksLikeNames(lw: Lowerer, n: SyntaxNode): boolean {
  const trees = argTokens(lw, n);
  if (!trees || trees.length === 0) return false;
  return trees.every((t, i) => (i % 2 === 0 ? !isMGroup(t) && t.kind === "ident" : isPunct(t, ",")));
}

/** `pin_mut!(a, b)` / `tokio::pin!(a)` → `let mut a = pin!(a); let mut b = pin!(b);` */
function pinLets(lw: Lowerer, n: SyntaxNode, path: string): Stmt[] {
  const span = lw.sp(n);
  const trees = argTokens(lw, n);
  if (!trees) return [];
  const out: Stmt[] = [];
  if (trees.some((t) => !isMGroup(t) && t.text === "let")) {
    lw.report("P0003", `the \`let\` form of \`${path}!\` is not supported by pinion`, span, "", { help: ["write `let x = …;` and then `" + path + "!(x);`"] });
    return out;
  }
  for (const t of trees) {
    if (isPunct(t, ",")) continue;
    if (isMGroup(t) || t.kind !== "ident") {
      lw.report("P0004", `\`${path}!\` expects the names of local variables`, t.span);
      continue;
    }
    const name = { name: t.text, span: t.span };
    const value: Expr = { kind: "Path", id: lw.id(), span: t.span, path: { kind: "Path", id: lw.id(), span: t.span, segments: [{ ident: name }], global: false } };
    out.push({
      kind: "Let",
      id: lw.id(),
      span,
      pat: { kind: "IdentPat", id: lw.id(), span: t.span, name, mutable: true, byRef: "none" },
      init: { kind: "MacroCall", id: lw.id(), span, path, call: { macro: "pin", value } },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// stringify!

const RESERVED: ReadonlySet<string> = new Set([
  "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
  "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
  "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
  "virtual", "yield", "try", "gen",
]);

/** rustc's token printer: source spacing where there was none, its `space_between` rules elsewhere. */
export function stringifyTrees(trees: readonly MTree[]): string {
  let out = "";
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i]!;
    out += isMGroup(t) ? stringifyGroup(t) : t.text;
    const next = trees[i + 1];
    if (!next) break;
    const end = isMGroup(t) ? t.close.span.hi : t.span.hi;
    const start = isMGroup(next) ? next.open.span.lo : next.span.lo;
    if (end === start) continue; // joint in the source
    if (spaceBetween(t, next)) out += " ";
  }
  return out;
}

function stringifyGroup(g: MGroup): string {
  const inner = stringifyTrees(g.inner);
  // The parentheses macros.ts puts around a substituted `expr` fragment are invisible in rustc: a
  // real `(` token spans one character, those span the whole fragment.
  if (g.delim === "(" && g.open.span.hi - g.open.span.lo > 1) return inner;
  const close = g.delim === "(" ? ")" : g.delim === "[" ? "]" : "}";
  if (g.delim === "{") return inner === "" ? "{}" : `{ ${inner} }`;
  return g.delim + inner + close;
}

function spaceBetween(a: MTree, b: MTree): boolean {
  const isPunctTok = (t: MTree): boolean => !isMGroup(t) && t.kind === "punct";
  if (!isMGroup(a) && a.text === "." && !isPunctTok(b)) return false;
  if (!isMGroup(a) && a.text === "$" && !isMGroup(b) && b.kind === "ident") return false;
  if (!isMGroup(b) && (b.text === "," || b.text === ";" || b.text === ".") && !isPunctTok(a)) return false;
  if (!isMGroup(a) && a.kind === "ident" && isMGroup(b) && b.delim === "(" && (!RESERVED.has(a.text) || a.text === "fn" || a.text === "Self" || a.text === "pub" || a.text.startsWith("r#"))) return false;
  if (!isMGroup(a) && a.text === "#" && isMGroup(b) && b.delim === "[") return false;
  return true;
}
