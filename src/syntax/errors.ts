// Syntax errors as diagnostics (P0002), in two layers, the way rustc reports them:
//
// 1. Lexical errors and delimiters, found by our own lexer (tokens.ts) before tree-sitter runs:
//        fn main() { let s = “hi”; }       → unknown start of token: \u{201c}
//        fn main() { foo(1; }               → mismatched closing delimiter: `}`
//    These are exact (the lexer knows which `{` is unclosed), and binary garbage stops here: a file
//    with many lexical errors is not handed to tree-sitter at all (its error recovery on random bytes
//    is slow), so any input is answered quickly.
//
// 2. tree-sitter's ERROR and MISSING nodes, when the file lexes cleanly:
//        fn main() { let x = 1 let y = 2; }   → expected `;` (MISSING ";" after `1`)
//        fn main() { foo(,) }                 → unexpected `,`
//    Each ERROR node is reported once, at its first token (the smallest span that says where the
//    parser got lost), with what was expected when the context tells (inside a list: a separator or
//    the closing delimiter; at item level: an item).
//
// The tree walk is iterative (a TreeCursor), so a deeply nested tree cannot overflow the stack.

import { decodeLiteral } from "./literals.js";
import { buildTrees, lex, type LexError } from "./tokens.js";
import { hasToken, type SyntaxNode } from "./cst.js";
import type { Lowerer } from "./lower.js";
import type { Session } from "./session.js";
import { IDENTITY_MAP } from "./spans.js";

/** More lexical errors than this: the input is not Rust source; tree-sitter is not run. */
export const MAX_LEX_ERRORS = 20;
/** Malformed literals reported at most (a generated file full of them would flood the output). */
const MAX_LITERAL_ERRORS = 100;

/** Lexes the whole file; reports lexical and delimiter errors. Returns how many there were. */
export function reportLexicalErrors(s: Session): { count: number; skipParse: boolean } {
  const text = s.file.text;
  const { tokens, errors } = lex(text, 0, text.length, { maxErrors: MAX_LEX_ERRORS + 1 });
  const all: LexError[] = [...errors];
  // An unterminated literal or comment swallows the rest of the file; its delimiters say nothing.
  const swallowed = errors.some((e) => e.message.startsWith("unterminated"));
  if (errors.length <= MAX_LEX_ERRORS && !swallowed) all.push(...buildTrees(tokens, { maxDepth: Infinity, end: text.length }).errors);
  // Malformed literals (bad escapes, suffixes) are reported here too, where tree-sitter might not
  // even see a literal; they do not make the file unparseable.
  if (!swallowed) {
    let shownLiteralErrors = 0;
    for (const t of tokens) {
      if (t.kind !== "lit" || shownLiteralErrors >= MAX_LITERAL_ERRORS) continue;
      for (const e of decodeLiteral(t.text).errors) {
        shownLiteralErrors++;
        s.report(e.message.includes("not supported") ? "P0003" : "P0002", e.message, { lo: t.lo + e.lo, hi: t.lo + e.hi });
        s.literalErrorSpans.push({ lo: t.lo, hi: t.hi });
      }
    }
  }
  const shown = all.slice(0, MAX_LEX_ERRORS);
  for (const e of shown) {
    s.report("P0002", e.message, { lo: e.lo, hi: e.hi }, e.label ?? "", {
      ...(e.help !== undefined && { help: [e.help] }),
      labels: (e.related ?? []).map((r) => ({ span: r.span, message: r.label, primary: false })),
    });
  }
  const skipParse = errors.length > MAX_LEX_ERRORS;
  if (skipParse) {
    s.report("P0002", "aborting: too many lexical errors; this does not look like Rust source", { lo: 0, hi: 0 }, "", {
      notes: [`pinion stopped after ${MAX_LEX_ERRORS} errors`],
    });
  }
  return { count: all.length, skipParse };
}

/** Reports the ERROR and MISSING nodes under `root`, with spans through `lw`'s map. */
export function reportSyntaxErrors(root: SyntaxNode, lw: Lowerer): void {
  let reported = 0;
  // Pre-order walk with an explicit stack (children pushed in reverse), so no recursion.
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0 && reported <= 50) {
    const node = stack.pop()!;
    if (node.isMissing) {
      reportMissing(node, lw);
      reported++;
    } else if (node.type === "ERROR") {
      reportError(node, lw);
      reported++;
    } else if (node.hasError && node.type !== "macro_definition") {
      // (A `macro_rules!` body is read by macros.ts from tokens; tree-sitter's grammar for it is
      // stricter than rustc's, e.g. about fragment specifiers, so its errors there are not reported.)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
}

function reportMissing(node: SyntaxNode, lw: Lowerer): void {
  const t = node.type;
  // A missing identifier where an expression belongs is a missing expression.
  const inExpression = t === "identifier" && !!node.parent && (isExpressionNode(node.parent.type) || node.parent.type === "let_declaration" || node.parent.type === "arguments");
  const what = inExpression ? "expression" : node.isNamed ? describeNamed(t) : `\`${t}\``;
  const at = node.startIndex;
  const found = nextTokenText(node, lw);
  lw.report("P0002", found ? `expected ${what}, found ${found}` : `expected ${what}`, lw.spanOf(at, at), `expected ${what}`);
}

function reportError(node: SyntaxNode, lw: Lowerer): void {
  const first = firstLeaf(node);
  const lo = first ? first.startIndex : node.startIndex;
  const hi = first ? first.endIndex : node.endIndex;
  // tree-sitter does not lex a malformed literal (`1u7`) as one; the lexer already said why.
  if (lw.map === IDENTITY_MAP && lw.s.literalErrorSpans.some((e) => e.lo < node.endIndex && node.startIndex < e.hi)) return;
  const tok = lw.text.slice(lo, hi);
  const span = lw.spanOf(lo, hi);
  // `box pat`: the old box patterns.
  const prev = node.previousSibling;
  if (prev && prev.type === "match_pattern" && lw.text.slice(prev.startIndex, prev.endIndex) === "box") {
    lw.report("P0003", "`box` patterns are not supported by pinion", lw.spanOf(prev.startIndex, node.endIndex), "not supported", {
      help: ["match on the box's contents with `*`: `match *b { … }`"],
    });
    return;
  }
  if (prev && prev.type === "identifier" && lw.text.slice(prev.startIndex, prev.endIndex) === "box" && node.parent?.type === "match_arm") {
    lw.report("P0003", "`box` patterns are not supported by pinion", lw.spanOf(prev.startIndex, node.endIndex), "not supported");
    return;
  }
  if (tok === "") {
    lw.report("P0002", "syntax error", lw.spanOf(node.startIndex, node.endIndex), "");
    return;
  }
  // `*u8`: a raw pointer type without `const` / `mut`.
  if (tok === "*" && node.nextSibling && node.nextSibling.fieldName === "type") {
    lw.report("P0002", "expected `mut` or `const` keyword in raw pointer type", span, "expected `mut` or `const` keyword in raw pointer type", {
      help: ["add `mut` or `const` here: `*const T` or `*mut T`"],
    });
    return;
  }
  // `impl const Trait for T`.
  if (tok === "const" && node.parent?.type === "impl_item") {
    lw.report("P0003", "`impl const` blocks are not supported by pinion", lw.spanOf(node.parent.startIndex, node.endIndex), "not supported");
    return;
  }
  const expected = expectedTokens(node);
  const shown = describeToken(tok);
  if (tok === "," && expected && expected.startsWith("`,`")) {
    // `f(a,,b)`: a separator where an element belongs.
    lw.report("P0002", "expected expression, found `,`", span, "expected expression");
    return;
  }
  if (expected) {
    // Like rustc, point just after the token where the separator (or item) was expected.
    const prev = node.previousSibling;
    const at = prev && expected !== "item" ? lw.spanOf(prev.endIndex, prev.endIndex) : span;
    lw.report("P0002", `expected ${expected}, found ${shown}`, at, `expected ${expected}`, at === span ? {} : { labels: [{ span, message: "unexpected token", primary: false }] });
  }
  else lw.report("P0002", `unexpected ${shown}`, span, "unexpected token");
}

function isExpressionNode(t: string): boolean {
  return t.endsWith("_expression") || t === "expression_statement" || t === "compound_assignment_expr";
}

function describeToken(tok: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(tok)) return KEYWORDS.has(tok) ? `keyword \`${tok}\`` : `\`${tok}\``;
  if (tok.length > 30) return `\`${tok.slice(0, 27)}…\``;
  return `\`${tok.replace(/\s+/g, " ")}\``;
}

const KEYWORDS: ReadonlySet<string> = new Set([
  "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
  "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
  "type", "unsafe", "use", "where", "while", "yield", "gen", "try", "box",
]);

function describeNamed(t: string): string {
  switch (t) {
    case "identifier":
    case "type_identifier":
    case "field_identifier":
      return "identifier";
    case "block":
      return "`{`";
    default:
      return t.replace(/_/g, " ").replace(/^_/, "");
  }
}

function firstLeaf(n: SyntaxNode): SyntaxNode | undefined {
  let cur: SyntaxNode | null = n;
  let guard = 0;
  while (cur && cur.childCount > 0 && guard++ < 10000) {
    const next: SyntaxNode | null = cur.firstChild;
    if (!next) break;
    cur = next;
  }
  return cur && cur.id !== n.id ? cur : n.childCount === 0 ? n : undefined;
}

function nextTokenText(node: SyntaxNode, lw: Lowerer): string | undefined {
  let cur: SyntaxNode | null = node;
  let guard = 0;
  while (cur && !cur.nextSibling && guard++ < 10000) cur = cur.parent;
  const sib = cur?.nextSibling;
  if (!sib) return undefined;
  const leaf = firstLeaf(sib) ?? sib;
  const t = lw.text.slice(leaf.startIndex, leaf.endIndex);
  if (t === "") return undefined;
  return describeToken(t);
}

/**
 * What was expected where an ERROR node starts, from its context: inside a list the parser wanted a
 * separator or the closing delimiter, at item level an item. (tree-sitter's lookahead sets are too
 * coarse to name the expected tokens, so this is a small table.)
 */
function expectedTokens(node: SyntaxNode): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  const prev = node.previousNamedSibling;
  const afterElement = !!prev && prev.type !== "ERROR";
  switch (parent.type) {
    case "source_file":
    case "declaration_list":
      return "item";
    case "field_declaration_list":
    case "enum_variant_list":
    case "field_initializer_list":
    case "use_list":
      return afterElement ? "`,`, or `}`" : undefined;
    case "arguments":
    case "parameters":
    case "tuple_expression":
    case "tuple_pattern":
    case "tuple_struct_pattern":
    case "tuple_type":
    case "closure_parameters":
    case "ordered_field_declaration_list":
      return afterElement ? "`,`, or `)`" : undefined;
    case "array_expression":
    case "slice_pattern":
      return afterElement ? "`,`, or `]`" : undefined;
    case "type_arguments":
    case "type_parameters":
      return afterElement ? "`,`, or `>`" : undefined;
    case "match_block":
      return afterElement ? "`,`, or `}`" : undefined;
    case "block":
      return afterElement && prev && (prev.type === "expression_statement" || EXPRESSION_LIKE.has(prev.type)) && !hasToken(prev, ";") && prev.type !== "block" ? "`;`" : undefined;
    default:
      return undefined;
  }
}

const EXPRESSION_LIKE: ReadonlySet<string> = new Set(["identifier", "integer_literal", "string_literal", "call_expression", "field_expression", "binary_expression", "macro_invocation"]);
