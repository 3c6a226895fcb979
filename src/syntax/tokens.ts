// A small Rust lexer, for the places where tree-sitter's token trees are not enough.
//
// tree-sitter-rust parses a macro invocation's arguments and a `macro_rules!` body as a `token_tree`
// whose operators are anonymous nodes; matching `macro_rules!` arms needs the real token stream. This
// module turns source text into Rust tokens (with their offsets) and groups them into token trees:
//
//     [rust]     vec![a + 1, b]        (the argument text is `a + 1, b`)
//     [tokens]   ident `a`  punct `+`  lit `1`  punct `,`  ident `b`
//
// Tokens follow rustc's lexer with maximal munch (`=>`, `::`, `..=`, `<<=` are one token each), and
// `joint` records that the next token starts right where this one ends, so re-joined text keeps
// `'a`, `x.0.1` and `::` as they were written. Errors (an unknown character, an unterminated string or
// block comment) are returned as data, the lexer never throws.

import type { Span } from "./source.js";

export type TokenKind = "ident" | "lifetime" | "lit" | "punct" | "open" | "close";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets in the lexed text. */
  readonly lo: number;
  readonly hi: number;
}

export interface LexError {
  readonly message: string;
  readonly lo: number;
  readonly hi: number;
  readonly help?: string;
  /** The label of the primary span (default: none). */
  readonly label?: string;
  /** Secondary locations, e.g. the unclosed `(` of a mismatched `}`. */
  readonly related?: readonly { readonly span: Span; readonly label: string }[];
}

const PUNCT3 = ["<<=", ">>=", "...", "..="];
const PUNCT2 = ["::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", ".."];
const PUNCT1 = "+-*/%^!&|=<>@.,;:#$?~";

function isIdentStart(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95;
  return /[\p{XID_Start}]/u.test(c);
}
function isIdentContinue(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || (k >= 48 && k <= 57);
  return /[\p{XID_Continue}]/u.test(c);
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isWhite(code: number): boolean {
  // Rust's Pattern_White_Space.
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0x85 || code === 0x200e || code === 0x200f || code === 0x2028 || code === 0x2029
  );
}

/** Characters that look like ASCII punctuation; rustc names the look-alike in its help line. */
const CONFUSABLES: Record<string, [string, string]> = {
  "\u201c": ["Left Double Quotation Mark", '"'],
  "\u201d": ["Right Double Quotation Mark", '"'],
  "\u2018": ["Left Single Quotation Mark", "'"],
  "\u2019": ["Right Single Quotation Mark", "'"],
  "\u037e": ["Greek Question Mark", ";"],
  "\uff1b": ["Fullwidth Semicolon", ";"],
  "\uff0c": ["Fullwidth Comma", ","],
  "\u2013": ["En Dash", "-"],
  "\u2014": ["Em Dash", "-"],
  "\u2212": ["Minus Sign", "-"],
  "\u00a0": ["No-Break Space", " "],
  "\uff08": ["Fullwidth Left Parenthesis", "("],
  "\uff09": ["Fullwidth Right Parenthesis", ")"],
};

function describeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  return `\\u{${cp.toString(16)}}`;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly errors: LexError[];
}

/** Lexes `text[from, to)`; offsets in the result are offsets in `text`. */
export function lex(text: string, from = 0, to = text.length, options: { maxErrors?: number } = {}): LexResult {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  const maxErrors = options.maxErrors ?? Infinity;
  let i = from;
  if (from === 0) {
    // A byte order mark, and a shebang line (`#!` not starting an inner attribute `#![…]`).
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    if (text.startsWith("#!", i) && !/^#!\s*\[/.test(text.slice(i, i + 64))) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? to : nl + 1;
    }
  }
  const err = (message: string, lo: number, hi: number, help?: string): void => {
    if (errors.length < maxErrors) errors.push(help === undefined ? { message, lo, hi } : { message, lo, hi, help });
  };
  const push = (kind: TokenKind, lo: number, hi: number): void => {
    tokens.push({ kind, text: text.slice(lo, hi), lo, hi });
  };

  // Skips a string body after its opening quote; returns the offset after the closing quote.
  const skipQuoted = (start: number, quote: number, escapes: boolean): number => {
    let j = start;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (escapes && c === 92 /* \ */) {
        j += 2;
        continue;
      }
      if (c === quote) return j + 1;
      j++;
    }
    return -1;
  };
  const skipRaw = (start: number, hashes: number): number => {
    // `start` is just after the opening quote.
    const close = '"' + "#".repeat(hashes);
    const k = text.indexOf(close, start);
    return k < 0 || k + close.length > to ? -1 : k + close.length;
  };
  const suffix = (j: number): number => {
    if (j < to && isIdentStart(text[j]!)) {
      j++;
      while (j < to && isIdentContinue(charAt(text, j))) j += charAt(text, j).length;
    }
    return j;
  };

  while (i < to && errors.length < maxErrors) {
    const code = text.charCodeAt(i);
    if (isWhite(code)) {
      i++;
      continue;
    }
    const c = text[i]!;
    // Comments.
    if (c === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 || nl > to ? to : nl + 1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < to && depth > 0) {
        if (text[j] === "/" && text[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (text[j] === "*" && text[j + 1] === "/") {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) {
        err("unterminated block comment", i, i + 2);
        i = to;
      } else i = j;
      continue;
    }
    // `r#ident`: a raw identifier.
    if (c === "r" && text[i + 1] === "#" && i + 2 < to && isIdentStart(charAt(text, i + 2))) {
      let k = i + 2 + charAt(text, i + 2).length;
      while (k < to && isIdentContinue(charAt(text, k))) k += charAt(text, k).length;
      push("ident", i, k);
      i = k;
      continue;
    }
    // Byte / raw / C string prefixes.
    if (c === "b" || c === "r" || c === "c") {
      let j = i;
      let isRaw = false;
      if ((c === "b" || c === "c") && text[j + 1] === "r" && (text[j + 2] === '"' || text[j + 2] === "#")) {
        isRaw = true;
        j += 2;
      } else if (c === "r" && (text[j + 1] === '"' || (text[j + 1] === "#" && (text[j + 2] === '"' || text[j + 2] === "#")))) {
        isRaw = true;
        j += 1;
      } else if ((c === "b" || c === "c") && text[j + 1] === '"') {
        const end = skipQuoted(j + 2, 34, true);
        if (end < 0) {
          err("unterminated double quote string", i, i + 2);
          i = to;
        } else {
          const e = suffix(end);
          push("lit", i, e);
          i = e;
        }
        continue;
      } else if (c === "b" && text[j + 1] === "'") {
        const end = skipQuoted(j + 2, 39, true);
        if (end < 0) {
          err("unterminated byte constant", i, i + 2);
          i = to;
        } else {
          const e = suffix(end);
          push("lit", i, e);
          i = e;
        }
        continue;
      }
      if (isRaw) {
        let hashes = 0;
        while (text[j] === "#") {
          hashes++;
          j++;
        }
        if (text[j] === '"') {
          const end = skipRaw(j + 1, hashes);
          if (end < 0) {
            err("unterminated raw string", i, j + 1);
            i = to;
          } else {
            const e = suffix(end);
            push("lit", i, e);
            i = e;
          }
          continue;
        }
      }
    }
    if (isIdentStart(charAt(text, i))) {
      let j = i + charAt(text, i).length;
      while (j < to && isIdentContinue(charAt(text, j))) j += charAt(text, j).length;
      push("ident", i, j);
      i = j;
      continue;
    }
    if (isDigit(code)) {
      i = lexNumber(text, i, to, push);
      continue;
    }
    if (c === '"') {
      const end = skipQuoted(i + 1, 34, true);
      if (end < 0) {
        err("unterminated double quote string", i, i + 1);
        i = to;
      } else {
        const e = suffix(end);
        push("lit", i, e);
        i = e;
      }
      continue;
    }
    if (c === "'") {
      // A char literal or a lifetime / label.
      if (text[i + 1] === "\\") {
        const end = skipQuoted(i + 1, 39, true);
        if (end < 0) {
          err("unterminated character literal", i, i + 1);
          i = to;
        } else {
          const e = suffix(end);
          push("lit", i, e);
          i = e;
        }
        continue;
      }
      const ch = charAt(text, i + 1);
      const afterCh = i + 1 + ch.length;
      if (ch !== "" && text[afterCh] === "'") {
        const e = suffix(afterCh + 1);
        push("lit", i, e);
        i = e;
        continue;
      }
      if (ch !== "" && isIdentStart(ch)) {
        let j = afterCh;
        while (j < to && isIdentContinue(charAt(text, j))) j += charAt(text, j).length;
        // `'ab'`: a character literal with too many characters (the decoder reports it).
        if (text[j] === "'") {
          push("lit", i, j + 1);
          i = j + 1;
          continue;
        }
        push("lifetime", i, j);
        i = j;
        continue;
      }
      err("unterminated character literal", i, i + 1);
      i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      push("open", i, i + 1);
      i++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      push("close", i, i + 1);
      i++;
      continue;
    }
    const three = text.slice(i, i + 3);
    if (PUNCT3.includes(three)) {
      push("punct", i, i + 3);
      i += 3;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      push("punct", i, i + 2);
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      push("punct", i, i + 1);
      i++;
      continue;
    }
    const ch = charAt(text, i);
    const conf = CONFUSABLES[ch];
    err(
      `unknown start of token: ${describeChar(ch)}`,
      i,
      i + ch.length,
      conf && `Unicode character '${ch}' (${conf[0]}) looks like '${conf[1]}', but it is not`,
    );
    i += ch.length;
  }
  return { tokens, errors };
}

/** The character (one code point, as a string) at offset `i`, or `""` at the end. */
function charAt(text: string, i: number): string {
  const c = text.codePointAt(i);
  return c === undefined ? "" : String.fromCodePoint(c);
}

function lexNumber(text: string, i: number, to: number, push: (kind: TokenKind, lo: number, hi: number) => void): number {
  let j = i;
  const isAlnum = (k: number): boolean => k < to && /[0-9A-Za-z_]/.test(text[k]!);
  if (text[j] === "0" && (text[j + 1] === "x" || text[j + 1] === "o" || text[j + 1] === "b")) {
    j += 2;
    while (isAlnum(j)) j++;
    push("lit", i, j);
    return j;
  }
  while (j < to && /[0-9_]/.test(text[j]!)) j++;
  // A fraction: `1.5`, `1.` (but not `1..2`, `1.foo`, `x.0.1`'s second dot is handled by the caller).
  if (text[j] === "." && text[j + 1] !== "." && !(j + 1 < to && isIdentStart(text[j + 1]!))) {
    j++;
    while (j < to && /[0-9_]/.test(text[j]!)) j++;
  }
  if ((text[j] === "e" || text[j] === "E") && /[0-9+\-_]/.test(text[j + 1] ?? "")) {
    let k = j + 1;
    if (text[k] === "+" || text[k] === "-") k++;
    if (/[0-9_]/.test(text[k] ?? "")) {
      j = k;
      while (j < to && /[0-9_]/.test(text[j]!)) j++;
    }
  }
  while (isAlnum(j)) j++;
  push("lit", i, j);
  return j;
}

// ---------------------------------------------------------------------------------------------------
// Token trees

export type TokenTree = Token | Group;

export interface Group {
  readonly kind: "group";
  readonly delim: "(" | "[" | "{";
  readonly open: Token;
  /** Absent when the group is unclosed (an error has been reported). */
  readonly close?: Token;
  readonly inner: TokenTree[];
  readonly lo: number;
  readonly hi: number;
}

export function isGroup(t: TokenTree): t is Group {
  return t.kind === "group";
}

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Groups a flat token list into trees; mismatched delimiters are reported and recovered from. */
export function buildTrees(tokens: readonly Token[], options: { maxDepth: number; end?: number }): { trees: TokenTree[]; errors: LexError[] } {
  const errors: LexError[] = [];
  let tooDeep = false;
  const root: TokenTree[] = [];
  const stack: { open: Token; inner: TokenTree[] }[] = [];
  // How many of each opener are on the stack: "does an outer group match this closer" in O(1).
  const open: Record<string, number> = { "(": 0, "[": 0, "{": 0 };
  const OPENER: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  let cur = root;
  for (const t of tokens) {
    if (t.kind === "open") {
      if (stack.length >= options.maxDepth && !tooDeep) {
        tooDeep = true;
        errors.push({ message: "token trees nested too deeply", lo: t.lo, hi: t.hi });
      }
      const frame = { open: t, inner: [] as TokenTree[] };
      stack.push(frame);
      open[t.text] = (open[t.text] ?? 0) + 1;
      cur = frame.inner;
    } else if (t.kind === "close") {
      const top = stack[stack.length - 1];
      if (!top) {
        errors.push({ message: `unexpected closing delimiter: \`${t.text}\``, lo: t.lo, hi: t.hi, label: "unexpected closing delimiter" });
        continue;
      }
      if (CLOSER[top.open.text] !== t.text) {
        // Recover like rustc: if an outer delimiter matches, the inner ones were left unclosed and
        // this token closes the outer one; otherwise the token is stray.
        const outerMatches = (open[OPENER[t.text]!] ?? 0) > 0;
        // rustc's labels: the closer, the delimiter left open, and the one the closer probably meant.
        const meant = outerMatches ? [...stack].reverse().find((f) => CLOSER[f.open.text] === t.text) : undefined;
        errors.push({
          message: `mismatched closing delimiter: \`${t.text}\``,
          lo: t.lo,
          hi: t.hi,
          label: "mismatched closing delimiter",
          related: [
            { span: { lo: top.open.lo, hi: top.open.hi }, label: "unclosed delimiter" },
            ...(meant ? [{ span: { lo: meant.open.lo, hi: meant.open.hi }, label: "closing delimiter possibly meant for this" }] : []),
          ],
        });
        if (!outerMatches) continue;
        while (CLOSER[stack[stack.length - 1]!.open.text] !== t.text) {
          const inner = stack.pop()!;
          open[inner.open.text]!--;
          const last = inner.inner.length > 0 ? inner.inner[inner.inner.length - 1]! : inner.open;
          const g: Group = { kind: "group", delim: inner.open.text as Group["delim"], open: inner.open, inner: inner.inner, lo: inner.open.lo, hi: last.hi };
          stack[stack.length - 1]!.inner.push(g);
        }
      }
      const closing = stack.pop()!;
      open[closing.open.text]!--;
      const g: Group = { kind: "group", delim: closing.open.text as Group["delim"], open: closing.open, close: t, inner: closing.inner, lo: closing.open.lo, hi: t.hi };
      cur = stack.length > 0 ? stack[stack.length - 1]!.inner : root;
      cur.push(g);
    } else cur.push(t);
  }
  // Like rustc: one error at the end of the input, naming every delimiter still open.
  if (stack.length > 0) {
    const end = options.end ?? tokens[tokens.length - 1]!.hi;
    errors.push({
      message: "this file contains an unclosed delimiter",
      lo: end,
      hi: end,
      // (At most 16 labels: a file of ten thousand `(` is one error, not ten thousand labels.)
      related: stack.slice(-16).map((f) => ({ span: { lo: f.open.lo, hi: f.open.hi }, label: "unclosed delimiter" })),
    });
  }
  while (stack.length > 0) {
    const top = stack.pop()!;
    const last = top.inner.length > 0 ? top.inner[top.inner.length - 1]! : top.open;
    const g: Group = { kind: "group", delim: top.open.text as Group["delim"], open: top.open, inner: top.inner, lo: top.open.lo, hi: last.hi };
    cur = stack.length > 0 ? stack[stack.length - 1]!.inner : root;
    cur.push(g);
  }
  return { trees: root, errors };
}

/** Flattens trees back to tokens (open and close delimiters included). */
export function flatten(trees: readonly TokenTree[], out: Token[] = []): Token[] {
  for (const t of trees) {
    if (isGroup(t)) {
      out.push(t.open);
      flatten(t.inner, out);
      if (t.close) out.push(t.close);
    } else out.push(t);
  }
  return out;
}

/** Splits trees at top-level commas. A trailing comma yields no empty last part. */
export function splitTopLevel(trees: readonly TokenTree[], sep = ","): TokenTree[][] {
  const parts: TokenTree[][] = [];
  let cur: TokenTree[] = [];
  for (const t of trees) {
    if (!isGroup(t) && t.kind === "punct" && t.text === sep) {
      parts.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length > 0 || parts.length === 0) parts.push(cur);
  return parts;
}

export function treeSpan(trees: readonly TokenTree[]): Span | undefined {
  if (trees.length === 0) return undefined;
  return { lo: trees[0]!.lo, hi: trees[trees.length - 1]!.hi };
}
