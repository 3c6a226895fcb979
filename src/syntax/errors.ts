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
//    parser got lost), with what was expected when the grammar's lookahead set at that point is small.
//
// The tree walk is iterative (a TreeCursor), so a deeply nested tree cannot overflow the stack.

import { buildTrees, lex, type LexError } from "./tokens.js";
import type { SyntaxNode } from "./cst.js";
import type { Lowerer } from "./lower.js";
import type { Session } from "./session.js";

/** More lexical errors than this: the input is not Rust source; tree-sitter is not run. */
export const MAX_LEX_ERRORS = 20;

/** Lexes the whole file; reports lexical and delimiter errors. Returns how many there were. */
export function reportLexicalErrors(s: Session): { count: number; skipParse: boolean } {
  const text = s.file.text;
  const { tokens, errors } = lex(text, 0, text.length, { maxErrors: MAX_LEX_ERRORS + 1 });
  const all: LexError[] = [...errors];
  let treeErrors: LexError[] = [];
  if (errors.length <= MAX_LEX_ERRORS) treeErrors = buildTrees(tokens, { maxDepth: Infinity }).errors;
  all.push(...treeErrors);
  const shown = all.slice(0, MAX_LEX_ERRORS);
  for (const e of shown) {
    const extra = e.help ? { help: [e.help] } : {};
    const label = e.message.startsWith("this file contains an unclosed delimiter")
      ? "unclosed delimiter"
      : e.message.startsWith("mismatched closing delimiter")
        ? "mismatched closing delimiter"
        : e.message.startsWith("unexpected closing delimiter")
          ? "unexpected closing delimiter"
          : "";
    s.report("P0002", e.message, { lo: e.lo, hi: e.hi }, label, e.related ? { ...extra, labels: [{ span: e.related.span, message: e.related.label, primary: false }] } : extra);
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
export function reportSyntaxErrors(root: SyntaxNode, lw: Lowerer, _opts: { insideMacro: boolean }): void {
  const cursor = root.walk();
  let reported = 0;
  // Pre-order walk without recursion.
  for (;;) {
    const node = cursor.currentNode;
    let descend = true;
    if (node.isMissing) {
      reportMissing(node, lw);
      reported++;
      descend = false;
    } else if (node.type === "ERROR") {
      reportError(node, lw);
      reported++;
      descend = false;
    } else if (!node.hasError) descend = false;
    if (reported > 50) return;
    if (descend && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return;
    }
  }
}

function reportMissing(node: SyntaxNode, lw: Lowerer): void {
  const t = node.type;
  const what = node.isNamed ? describeNamed(t) : `\`${t}\``;
  const at = node.startIndex;
  const found = nextTokenText(node, lw);
  lw.report("P0002", found ? `expected ${what}, found ${found}` : `expected ${what}`, lw.spanOf(at, at), `expected ${what}`);
}

function reportError(node: SyntaxNode, lw: Lowerer): void {
  const first = firstLeaf(node);
  const lo = first ? first.startIndex : node.startIndex;
  const hi = first ? first.endIndex : node.endIndex;
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
  const expected = expectedTokens(node, lw);
  const shown = describeToken(tok);
  if (expected) lw.report("P0002", `expected ${expected}, found ${shown}`, span, `expected ${expected}`);
  else lw.report("P0002", `unexpected ${shown}`, span, "unexpected token");
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
 * What the grammar would have accepted where the ERROR starts, when that is a short list of tokens
 * (`;`, `)`, `=>` …). A long list ("an expression", "an item") says nothing useful and is omitted.
 */
function expectedTokens(node: SyntaxNode, lw: Lowerer): string | undefined {
  const prev = previousLeaf(node);
  if (!prev) return undefined;
  const state = prev.nextParseState;
  if (!Number.isInteger(state) || state <= 0) return undefined;
  const names = lw.s.parser.lookahead(state, 16);
  if (!names) return undefined;
  const toks: string[] = [];
  for (const name of names) {
    if (name === "line_comment" || name === "block_comment" || name === "end" || name === "ERROR" || name.startsWith("_")) continue;
    if (/^[a-z_]+$/.test(name) && !KEYWORDS.has(name)) return undefined; // a named node: too vague
    if (!toks.includes(`\`${name}\``)) toks.push(`\`${name}\``);
  }
  if (toks.length === 0 || toks.length > 6) return undefined;
  if (toks.length === 1) return toks[0];
  return `one of ${toks.slice(0, -1).join(", ")} or ${toks[toks.length - 1]}`;
}

function previousLeaf(node: SyntaxNode): SyntaxNode | undefined {
  let cur: SyntaxNode | null = node;
  let guard = 0;
  while (cur && !cur.previousSibling && guard++ < 10000) cur = cur.parent;
  let p = cur?.previousSibling ?? null;
  guard = 0;
  while (p && p.childCount > 0 && guard++ < 10000) p = p.lastChild;
  return p ?? undefined;
}
