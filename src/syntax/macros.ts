// `macro_rules!`: collecting definitions, matching invocations, transcribing, and lowering the result.
//
//     [rust]      macro_rules! square { ($x:expr) => { $x * $x }; }
//                 let n = square!(a + 1);
//     [matched]   $x = `a + 1`  (an `expr` fragment: found by parsing candidate token ranges)
//     [expanded]  (a + 1) * (a + 1)        (an expr fragment keeps its precedence, as in rustc)
//     [lowered]   Binary(*, Binary(+, a, 1), Binary(+, a, 1))   spans: `a + 1` → the invocation's
//                 argument, `*` → the macro body, the whole → the invocation `square!(a + 1)`
//
// The engine works on tokens from our lexer (tokens.ts), not on tree-sitter's token trees: every
// token carries the span it stands for in the user's file and an origin (which invocation or which
// definition it was copied from). Matching is a backtracking matcher over token trees (repetitions
// are greedy and give back iterations when the rest of the matcher fails); fragments `tt`, `ident`,
// `lifetime`, `literal`, `block`, `vis`, `meta` are matched by token shape; `expr`, `ty`, `pat`,
// `pat_param`, `path`, `stmt`, `item` by trying candidate ranges (ending where the fragment's follow
// set allows) from the shortest and asking tree-sitter whether the tokens form exactly one such
// fragment. The transcribed tokens become text (with a token span map, spans.ts), are parsed again in
// a wrapper that fits the invocation's position (expression, statements, items, pattern, type), and
// lowered by a fresh Lowerer sharing the Session. Expansion depth is limited to 128 (rustc's default).
//
// Scoping is textual, as in rustc: a definition is visible after it, in its block or module and in
// nested modules; `#[macro_use] mod` exports a module's macros to the rest of the parent,
// `#[macro_export]` makes a macro reachable as `crate::name!` too.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Attrs, Expr, Item, Pat, Stmt, Type } from "./ast.js";
import { kids, field, type SyntaxNode } from "./cst.js";
import type { Lowerer } from "./lower.js";
import { MAX_EXPANSION_DEPTH, type Session } from "./session.js";
import type { Span } from "./source.js";
import { tokenMap, type SpanMap, type TokenSegment } from "./spans.js";
import { buildTrees, isGroup, lex, type TokenKind, type TokenTree } from "./tokens.js";

// ---------------------------------------------------------------------------------------------------
// Tokens with spans

/** A token in macro land: its text, the span in the user's file it stands for, where it came from. */
export interface MTok {
  readonly kind: TokenKind;
  readonly text: string;
  readonly span: Span;
  readonly origin: number;
}
export interface MGroup {
  readonly kind: "group";
  readonly delim: "(" | "[" | "{";
  readonly open: MTok;
  readonly close: MTok;
  readonly inner: MTree[];
  readonly span: Span;
}
export type MTree = MTok | MGroup;

export function isMGroup(t: MTree): t is MGroup {
  return t.kind === "group";
}

const CLOSE: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const KEYWORDS: ReadonlySet<string> = new Set([
  "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
  "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
  "type", "unsafe", "use", "where", "while",
]);
const MAX_TREE_DEPTH = 256;

/** Lexes `lw.text[lo, hi)` into token trees whose spans go through `lw`'s map. */
export function treesOf(lw: Lowerer, lo: number, hi: number, origin: number): { trees: MTree[]; ok: boolean } {
  const { tokens, errors } = lex(lw.text, lo, hi);
  const built = buildTrees(tokens, { maxDepth: MAX_TREE_DEPTH, end: hi });
  for (const e of [...errors, ...built.errors]) lw.report("P0002", e.message, lw.spanOf(e.lo, e.hi));
  if (built.errors.some((e) => e.message.includes("nested too deeply"))) return { trees: [], ok: false };
  const conv = (t: TokenTree): MTree => {
    if (!isGroup(t)) return { kind: t.kind, text: t.text, span: lw.spanOf(t.lo, t.hi), origin };
    const open: MTok = { kind: "open", text: t.delim, span: lw.spanOf(t.open.lo, t.open.hi), origin };
    const close: MTok = t.close
      ? { kind: "close", text: t.close.text, span: lw.spanOf(t.close.lo, t.close.hi), origin }
      : { kind: "close", text: CLOSE[t.delim]!, span: lw.spanOf(t.hi, t.hi), origin };
    return { kind: "group", delim: t.delim, open, close, inner: t.inner.map(conv), span: lw.spanOf(t.lo, t.hi) };
  };
  return { trees: built.trees.map(conv), ok: errors.length === 0 && built.errors.length === 0 };
}

export function flattenM(trees: readonly MTree[], out: MTok[] = []): MTok[] {
  for (const t of trees) {
    if (isMGroup(t)) {
      out.push(t.open);
      flattenM(t.inner, out);
      out.push(t.close);
    } else out.push(t);
  }
  return out;
}

function treeSpan(trees: readonly MTree[], fallback: Span): Span {
  if (trees.length === 0) return fallback;
  const a = trees[0]!.span;
  const b = trees[trees.length - 1]!.span;
  return b.hi >= a.lo ? { lo: a.lo, hi: b.hi } : a;
}

/**
 * Builds generated text from tokens and records where each token came from. Tokens adjacent in the
 * user's file stay adjacent (so `'a`, `x.0`, `::` survive), others are separated by a space.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TokenSegment[] = [];
  private length = 0;
  private prev: MTok | undefined;

  raw(s: string): this {
    this.parts.push(s);
    this.length += s.length;
    this.prev = undefined;
    return this;
  }

  token(t: MTok): this {
    if (this.prev && !(this.prev.span.hi === t.span.lo && this.prev.origin === t.origin && this.prev.span.hi > this.prev.span.lo)) {
      this.parts.push(" ");
      this.length += 1;
    }
    this.segments.push({ genLo: this.length, genHi: this.length + t.text.length, span: t.span, origin: t.origin });
    this.parts.push(t.text);
    this.length += t.text.length;
    this.prev = t;
    return this;
  }

  tokens(ts: readonly MTok[]): this {
    for (const t of ts) this.token(t);
    return this;
  }

  trees(ts: readonly MTree[]): this {
    return this.tokens(flattenM(ts));
  }

  build(fallback: Span): { text: string; map: SpanMap } {
    return { text: this.parts.join(""), map: tokenMap(this.segments, fallback) };
  }
}

// ---------------------------------------------------------------------------------------------------
// Definitions and scopes

type FragKind = "expr" | "ident" | "ty" | "pat" | "pat_param" | "path" | "tt" | "literal" | "lit" | "block" | "stmt" | "item" | "lifetime" | "vis" | "meta" | "expr_2021";
const FRAG_KINDS: ReadonlySet<string> = new Set(["expr", "ident", "ty", "pat", "pat_param", "path", "tt", "literal", "lit", "block", "stmt", "item", "lifetime", "vis", "meta", "expr_2021"]);

type Matcher =
  | { readonly kind: "tok"; readonly text: string }
  | { readonly kind: "frag"; readonly name: string; readonly frag: FragKind; readonly span: Span }
  | { readonly kind: "group"; readonly delim: string; readonly inner: Matcher[] }
  | { readonly kind: "rep"; readonly inner: Matcher[]; readonly sep?: string; readonly op: "*" | "+" | "?"; readonly names: string[] };

type Transcriber =
  | { readonly kind: "tok"; readonly tok: MTok }
  | { readonly kind: "var"; readonly name: string; readonly span: Span; readonly dollar: MTok; readonly nameTok: MTok }
  | { readonly kind: "group"; readonly open: MTok; readonly close: MTok; readonly inner: Transcriber[] }
  | { readonly kind: "rep"; readonly inner: Transcriber[]; readonly sep?: MTok; readonly op: "*" | "+" | "?"; readonly span: Span };

interface Rule {
  readonly matcher: Matcher[];
  readonly body: Transcriber[];
  readonly span: Span;
}

export interface MacroDef {
  readonly name: string;
  readonly span: Span;
  readonly rules: Rule[];
}

export class MacroScope {
  private readonly defs = new Map<string, MacroDef>();
  /** `#[macro_export]` macros, reachable as `crate::name!` (kept on the root scope). */
  private readonly exported = new Map<string, MacroDef>();

  constructor(readonly parent?: MacroScope) {}

  define(def: MacroDef): void {
    this.defs.set(def.name, def);
  }

  export(def: MacroDef): void {
    this.root().exported.set(def.name, def);
  }

  root(): MacroScope {
    let s: MacroScope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  lookup(name: string): MacroDef | undefined {
    for (let s: MacroScope | undefined = this; s; s = s.parent) {
      const d = s.defs.get(name);
      if (d) return d;
    }
    return undefined;
  }

  /** `name`, `crate::name`, `$crate::name`, `self::name`: the macro if it is a `macro_rules!` one. */
  lookupPath(path: string): MacroDef | undefined {
    const segs = path.split("::").filter((s) => s !== "");
    if (segs.length === 1) return this.lookup(segs[0]!) ?? this.root().exported.get(segs[0]!);
    if (segs.length === 2 && (segs[0] === "crate" || segs[0] === "$crate" || segs[0] === "self")) {
      return this.root().exported.get(segs[1]!) ?? this.lookup(segs[1]!);
    }
    return undefined;
  }

  /** Moves the definitions of a `#[macro_use]` module's scope into this one. */
  adoptFrom(other: MacroScope): void {
    for (const [k, v] of other.defs) this.defs.set(k, v);
  }

  names(): string[] {
    const out: string[] = [];
    for (let s: MacroScope | undefined = this; s; s = s.parent) out.push(...s.defs.keys());
    return out;
  }
}

/** Reads a `macro_rules! name { (matcher) => { body }; … }` definition into the current scope. */
export function defineMacroRules(lw: Lowerer, n: SyntaxNode, attrs: Attrs): void {
  const nameNode = field(n, "name");
  if (!nameNode) return;
  const name = lw.textOf(nameNode).replace(/^r#/, "");
  const origin = lw.s.origin();
  const { trees, ok } = treesOf(lw, n.startIndex, n.endIndex, origin);
  if (!ok) return;
  // macro_rules ! name { … }
  const body = trees.find((t, i) => i >= 2 && isMGroup(t)) as MGroup | undefined;
  if (!body) {
    lw.report("P0004", "expected `{` after the name of a `macro_rules!` definition", lw.sp(nameNode));
    return;
  }
  const rules: Rule[] = [];
  const items = body.inner;
  let i = 0;
  while (i < items.length) {
    const lhs = items[i];
    const arrow = items[i + 1];
    const rhs = items[i + 2];
    if (!lhs || !isMGroup(lhs) || !arrow || isMGroup(arrow) || arrow.text !== "=>" || !rhs || !isMGroup(rhs)) {
      const at = lhs ?? body;
      lw.report("P0004", "invalid macro rule: expected `(matcher) => { body }`", at.span);
      return;
    }
    const errors: { message: string; span: Span }[] = [];
    const matcher = parseMatcher(lhs.inner, errors);
    const transcriber = parseTranscriber(rhs.inner, errors);
    for (const e of errors) lw.report("P0004", e.message, e.span);
    if (errors.length > 0) return;
    rules.push({ matcher, body: transcriber, span: { lo: lhs.span.lo, hi: rhs.span.hi } });
    i += 3;
    const sep = items[i];
    if (sep && !isMGroup(sep) && sep.text === ";") i++;
    else if (sep) {
      lw.report("P0004", "expected `;` between macro rules", sep.span);
      return;
    }
  }
  if (rules.length === 0) lw.report("P0004", "macros must contain at least one rule", lw.sp(n));
  const def: MacroDef = { name, span: lw.sp(n), rules };
  lw.scope.define(def);
  if (attrs.other.some((a) => a.path === "macro_export")) lw.scope.export(def);
}

function parseMatcher(trees: readonly MTree[], errors: { message: string; span: Span }[]): Matcher[] {
  const out: Matcher[] = [];
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i]!;
    if (isMGroup(t)) {
      out.push({ kind: "group", delim: t.delim, inner: parseMatcher(t.inner, errors) });
      continue;
    }
    if (t.text !== "$") {
      out.push({ kind: "tok", text: t.text });
      continue;
    }
    const next = trees[i + 1];
    if (next && isMGroup(next) && next.delim === "(") {
      const inner = parseMatcher(next.inner, errors);
      const r = repetitionSuffix(trees, i + 2, errors, next.span);
      out.push({ kind: "rep", inner, ...(r.sep !== undefined && { sep: r.sep.text }), op: r.op, names: matcherNames(inner) });
      i = r.next - 1;
      continue;
    }
    if (next && !isMGroup(next) && next.kind === "ident") {
      const colon = trees[i + 2];
      const frag = trees[i + 3];
      if (!colon || isMGroup(colon) || colon.text !== ":" || !frag || isMGroup(frag) || frag.kind !== "ident") {
        errors.push({ message: "missing fragment specifier", span: { lo: t.span.lo, hi: next.span.hi } });
        i += 1;
        continue;
      }
      if (!FRAG_KINDS.has(frag.text)) {
        errors.push({ message: `invalid fragment specifier \`${frag.text}\``, span: { lo: t.span.lo, hi: frag.span.hi } });
      }
      out.push({ kind: "frag", name: next.text, frag: (frag.text === "expr_2021" ? "expr" : frag.text) as FragKind, span: { lo: t.span.lo, hi: frag.span.hi } });
      i += 3;
      continue;
    }
    errors.push({ message: "expected identifier or `(` after `$` in a macro matcher", span: t.span });
  }
  return out;
}

function repetitionSuffix(trees: readonly MTree[], i: number, errors: { message: string; span: Span }[], at: Span): { sep?: MTok; op: "*" | "+" | "?"; next: number } {
  const a = trees[i];
  const opOf = (t: MTree | undefined): "*" | "+" | "?" | undefined =>
    t && !isMGroup(t) && (t.text === "*" || t.text === "+" || t.text === "?") ? (t.text as "*" | "+" | "?") : undefined;
  const op1 = opOf(a);
  if (op1) return { op: op1, next: i + 1 };
  const op2 = opOf(trees[i + 1]);
  if (a && !isMGroup(a) && op2) return { sep: a, op: op2, next: i + 2 };
  errors.push({ message: "expected one of: `*`, `+`, or `?`", span: a ? a.span : at });
  return { op: "*", next: i + 1 };
}

function matcherNames(ms: readonly Matcher[], out: string[] = []): string[] {
  for (const m of ms) {
    if (m.kind === "frag") out.push(m.name);
    else if (m.kind === "group" || m.kind === "rep") matcherNames(m.inner, out);
  }
  return out;
}

function parseTranscriber(trees: readonly MTree[], errors: { message: string; span: Span }[]): Transcriber[] {
  const out: Transcriber[] = [];
  for (let i = 0; i < trees.length; i++) {
    const t = trees[i]!;
    if (isMGroup(t)) {
      out.push({ kind: "group", open: t.open, close: t.close, inner: parseTranscriber(t.inner, errors) });
      continue;
    }
    if (t.text !== "$") {
      out.push({ kind: "tok", tok: t });
      continue;
    }
    const next = trees[i + 1];
    if (next && isMGroup(next) && next.delim === "(") {
      const inner = parseTranscriber(next.inner, errors);
      const r = repetitionSuffix(trees, i + 2, errors, next.span);
      out.push({ kind: "rep", inner, ...(r.sep !== undefined && { sep: r.sep }), op: r.op, span: next.span });
      i = r.next - 1;
      continue;
    }
    if (next && !isMGroup(next) && next.kind === "ident") {
      if (next.text === "crate") out.push({ kind: "tok", tok: { ...next, text: "crate", span: { lo: t.span.lo, hi: next.span.hi } } });
      else out.push({ kind: "var", name: next.text, span: { lo: t.span.lo, hi: next.span.hi }, dollar: t, nameTok: next });
      i++;
      continue;
    }
    // A lone `$`: kept as a token (rustc does the same).
    out.push({ kind: "tok", tok: t });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Matching

type Binding = { readonly kind: "frag"; readonly frag: FragKind; readonly trees: MTree[]; readonly span: Span } | { readonly kind: "seq"; readonly items: (Binding | undefined)[] };
type Bindings = ReadonlyMap<string, Binding>;

interface MatchCtx {
  readonly s: Session;
  /** Steps left: a guard against exponential backtracking. */
  budget: number;
  /** The furthest point where matching failed: a token no rule expected, or the end of the input. */
  failure?: { readonly at: number; readonly tok?: MTree };
}

/** Records a failure at `t` (undefined: the end of a token list) if it is the furthest so far. */
function fail(cx: MatchCtx, t: MTree | undefined, end: Span | undefined): undefined {
  const at = t ? t.span.lo : end ? end.hi : Number.MAX_SAFE_INTEGER;
  if (!cx.failure || at >= cx.failure.at) cx.failure = t ? { at, tok: t } : { at };
  return undefined;
}

/** A successful match of a matcher sequence: where it ended and what it bound. */
interface Matched {
  readonly end: number;
  readonly bindings: Bindings;
}

/**
 * Matches `ms[mi…]` against `input[ii…]` and returns the first solution, or undefined. With
 * `mustEnd`, a solution must consume the input to its end.
 *
 * Tokens, groups and fragments match deterministically (a fragment takes exactly what the parser
 * would, as in rustc). A repetition takes as many iterations as it can, one after the other in a
 * loop, then gives them back one at a time until the rest of the sequence matches: so
 * `$($a:ident)* $b:ident` matches `x y z` with `$b = z`. The recursion depth is bounded by the size
 * of the matcher, never by the length of the input (a `vec!`-like macro with thousands of arguments
 * is a loop, not a deep recursion).
 */
function matchSeq(cx: MatchCtx, ms: readonly Matcher[], mi: number, input: readonly MTree[], ii: number, b: Bindings, mustEnd: boolean): Matched | undefined {
  let pos = ii;
  let bindings = b;
  for (let i = mi; i < ms.length; i++) {
    if (--cx.budget < 0) return undefined;
    const m = ms[i]!;
    switch (m.kind) {
      case "tok": {
        const t = input[pos];
        if (!t || isMGroup(t) || t.text !== m.text) return fail(cx, t, input[input.length - 1]?.span);
        pos++;
        break;
      }
      case "group": {
        const t = input[pos];
        if (!t || !isMGroup(t) || t.delim !== m.delim) return fail(cx, t, input[input.length - 1]?.span);
        const inner = matchSeq(cx, m.inner, 0, t.inner, 0, bindings, true);
        if (!inner) return undefined;
        bindings = inner.bindings;
        pos++;
        break;
      }
      case "frag": {
        const end = matchFragment(cx.s, m.frag, input, pos);
        if (end < 0) return fail(cx, input[pos], input[input.length - 1]?.span);
        const trees = input.slice(pos, end);
        const nb = new Map(bindings);
        nb.set(m.name, { kind: "frag", frag: m.frag, trees, span: treeSpan(trees, m.span) });
        bindings = nb;
        pos = end;
        break;
      }
      case "rep": {
        // Greedy: collect iterations in a loop.
        const iters: Bindings[] = [];
        const ends: number[] = [pos];
        const max = m.op === "?" ? 1 : Infinity;
        while (iters.length < max) {
          let start = ends[ends.length - 1]!;
          if (iters.length > 0 && m.sep !== undefined) {
            const sep = input[start];
            if (!sep || isMGroup(sep) || sep.text !== m.sep) break;
            start++;
          }
          const one = matchSeq(cx, m.inner, 0, input, start, new Map(), false);
          if (!one || one.end <= start) break;
          iters.push(one.bindings);
          ends.push(one.end);
        }
        // Then give iterations back until the rest matches.
        const min = m.op === "+" ? 1 : 0;
        for (let n = iters.length; n >= min; n--) {
          const nb = new Map(bindings);
          for (const name of m.names) nb.set(name, { kind: "seq", items: iters.slice(0, n).map((it) => it.get(name)) });
          const rest = matchSeq(cx, ms, i + 1, input, ends[n]!, nb, mustEnd);
          if (rest) return rest;
          if (cx.budget < 0) return undefined;
        }
        return undefined;
      }
      default:
        return assertNever(m, "macro matcher");
    }
  }
  if (mustEnd && pos !== input.length) return fail(cx, input[pos], undefined);
  return { end: pos, bindings };
}

const EXPR_FOLLOW: ReadonlySet<string> = new Set([",", ";", "=>"]);
const STMT_FOLLOW = EXPR_FOLLOW;
const PAT_FOLLOW: ReadonlySet<string> = new Set(["=>", ",", "=", "if", "in"]);
const PAT_PARAM_FOLLOW: ReadonlySet<string> = new Set(["=>", ",", "=", "if", "in", "|"]);
const TY_FOLLOW: ReadonlySet<string> = new Set([",", "=>", ":", "=", ";", "|", "as", "where"]);

/** Where a fragment starting at `ii` ends (exclusive), or -1. */
function matchFragment(s: Session, frag: FragKind, input: readonly MTree[], ii: number): number {
  const t = input[ii];
  switch (frag) {
    case "tt":
      return t ? ii + 1 : -1;
    case "ident":
      return t && !isMGroup(t) && t.kind === "ident" && t.text !== "_" ? ii + 1 : -1;
    case "lifetime":
      return t && !isMGroup(t) && t.kind === "lifetime" ? ii + 1 : -1;
    case "literal":
    case "lit": {
      let j = ii;
      const a = input[j];
      if (a && !isMGroup(a) && a.text === "-") j++;
      const l = input[j];
      if (l && !isMGroup(l) && (l.kind === "lit" || (j === ii && (l.text === "true" || l.text === "false")))) return j + 1;
      return -1;
    }
    case "block":
      return t && isMGroup(t) && t.delim === "{" ? ii + 1 : -1;
    case "vis": {
      if (t && !isMGroup(t) && t.text === "pub") {
        const g = input[ii + 1];
        if (g && isMGroup(g) && g.delim === "(") {
          const inner = g.inner.map((x) => (isMGroup(x) ? "" : x.text)).join(" ");
          if (/^(crate|self|super|in\b.*)$/.test(inner)) return ii + 2;
        }
        return ii + 1;
      }
      return ii;
    }
    case "meta": {
      let j = ii;
      while (j < input.length) {
        const x = input[j]!;
        if (!isMGroup(x) && (x.kind === "ident" || x.text === "::")) j++;
        else break;
      }
      if (j === ii) return -1;
      const x = input[j];
      if (x && isMGroup(x)) return j + 1;
      if (x && !isMGroup(x) && x.text === "=") {
        return firstValid(s, "expr", input, j + 1, candidates(input, j + 1, EXPR_FOLLOW, { angles: false }));
      }
      return j;
    }
    case "expr":
    case "expr_2021":
      return firstValid(s, "expr", input, ii, candidates(input, ii, EXPR_FOLLOW, { angles: false }));
    case "stmt":
      return firstValid(s, "stmt", input, ii, candidates(input, ii, STMT_FOLLOW, { angles: false }));
    case "pat":
      return firstValid(s, "pat", input, ii, candidates(input, ii, PAT_FOLLOW, { angles: false }));
    case "pat_param":
      return firstValid(s, "pat", input, ii, candidates(input, ii, PAT_PARAM_FOLLOW, { angles: false }));
    case "ty":
      return firstValid(s, "ty", input, ii, candidates(input, ii, TY_FOLLOW, { angles: true }));
    case "path":
      return firstValid(s, "path", input, ii, candidates(input, ii, TY_FOLLOW, { angles: true }));
    case "item": {
      const ends: number[] = [];
      for (let j = ii; j < input.length; j++) {
        const x = input[j]!;
        if ((isMGroup(x) && x.delim === "{") || (!isMGroup(x) && x.text === ";")) ends.push(j + 1);
      }
      if (ends[ends.length - 1] !== input.length) ends.push(input.length);
      return firstValid(s, "item", input, ii, ends);
    }
    default:
      return assertNever(frag, "fragment kind");
  }
}


/** Candidate end positions, shortest first: before each top-level follow token, and the end of the
 *  input. Lazy, so a fragment followed by a comma costs one step, not a scan of the whole input. */
function* candidates(input: readonly MTree[], ii: number, follow: ReadonlySet<string>, opts: { angles: boolean }): Generator<number> {
  let angle = 0;
  for (let j = ii; j < input.length; j++) {
    const x = input[j]!;
    if (isMGroup(x)) {
      if (opts.angles && angle === 0 && j > ii && (x.delim === "{" || x.delim === "[")) yield j;
      continue;
    }
    if (opts.angles) {
      if (x.text === "<") angle++;
      else if (x.text === "<<") angle += 2;
      else if (x.text === ">" || x.text === ">>" || x.text === ">=" || x.text === ">>=") {
        const d = x.text.startsWith(">>") ? 2 : 1;
        if (angle >= d) {
          angle -= d;
          continue;
        }
        if (j > ii) yield j;
        continue;
      }
    }
    if (angle === 0 && follow.has(x.text) && j > ii) yield j;
  }
  yield input.length;
}

function firstValid(s: Session, kind: "expr" | "stmt" | "pat" | "ty" | "path" | "item", input: readonly MTree[], ii: number, ends: Iterable<number>): number {
  for (const e of ends) {
    if (e <= ii) continue;
    if (validFragment(s, kind, input.slice(ii, e))) return e;
  }
  return -1;
}

function plainText(trees: readonly MTree[]): string {
  const b = new TextBuilder();
  b.trees(trees);
  return b.build({ lo: 0, hi: 0 }).text;
}

/** Asks tree-sitter whether `trees` form exactly one fragment of `kind`. Cached per session. */
function validFragment(s: Session, kind: FragmentCheck, trees: readonly MTree[]): boolean {
  if (trees.length === 0) return false;
  return validText(s, kind, plainText(trees));
}

function validTokens(s: Session, kind: FragmentCheck, toks: readonly MTok[]): boolean {
  if (toks.length === 0) return false;
  return validText(s, kind, new TextBuilder().tokens(toks).build({ lo: 0, hi: 0 }).text);
}

type FragmentCheck = "expr" | "stmt" | "pat" | "ty" | "path" | "item";

function validText(s: Session, kind: FragmentCheck, text: string): boolean {
  const key = `${kind}\u0000${text}`;
  const cached = s.fragmentCache.get(key);
  if (cached !== undefined) return cached;
  let ok = false;
  switch (kind) {
    case "expr": {
      const root = s.parser.parse(`fn __pinion() { let _ = ${text}\n; }`);
      const body = root.hasError ? null : kids(root)[0]?.childForFieldName("body");
      ok = !!body && kids(body).length === 1;
      break;
    }
    case "stmt": {
      const root = s.parser.parse(`fn __pinion() { ${text}\n; }`);
      const body = root.hasError ? null : kids(root)[0]?.childForFieldName("body");
      const ks = body ? kids(body) : [];
      ok = ks.length === 1 || (ks.length === 2 && ks[1]!.type === "empty_statement");
      break;
    }
    case "pat": {
      const root = s.parser.parse(`fn __pinion() { match () { ${text}\n => {} } }`);
      const body = root.hasError ? null : kids(root)[0]?.childForFieldName("body");
      const m = body ? kids(body)[0] : undefined;
      const block = m && m.type === "expression_statement" ? kids(m)[0]?.childForFieldName("body") : undefined;
      ok = !!block && kids(block).length === 1 && !kids(block)[0]!.childForFieldName("pattern")?.childForFieldName("condition");
      break;
    }
    case "ty":
    case "path": {
      const root = s.parser.parse(`type __T = ${text}\n;`);
      const item = root.hasError ? undefined : kids(root)[0];
      const ty = item && kids(root).length === 1 ? item.childForFieldName("type") : null;
      ok = !!ty && (kind === "ty" || ["type_identifier", "scoped_type_identifier", "generic_type", "primitive_type"].includes(ty.type));
      break;
    }
    case "item": {
      const root = s.parser.parse(`${text}\n`);
      const ks = root.hasError ? [] : kids(root).filter((k) => k.type !== "attribute_item");
      ok = ks.length === 1 && ks[0]!.type !== "expression_statement" && ks[0]!.type !== "let_declaration";
      break;
    }
  }
  s.fragmentCache.set(key, ok);
  return ok;
}

// ---------------------------------------------------------------------------------------------------
// Transcription

interface TranscribeCtx {
  readonly lw: Lowerer;
  readonly errors: { message: string; span: Span; note?: string }[];
}

function transcribe(cx: TranscribeCtx, ts: readonly Transcriber[], b: Bindings, out: MTok[]): void {
  for (const t of ts) {
    switch (t.kind) {
      case "tok":
        out.push(t.tok);
        break;
      case "group":
        out.push(t.open);
        transcribe(cx, t.inner, b, out);
        out.push(t.close);
        break;
      case "var": {
        const v = b.get(t.name);
        if (!v) {
          // rustc transcribes `$b` as written and then fails to parse the `$`.
          cx.errors.push({ message: "expected expression, found `$`", span: t.dollar.span, note: `\`$${t.name}\` is not a variable of this macro's matcher` });
          break;
        }
        if (v.kind === "seq") {
          cx.errors.push({ message: `variable \`${t.name}\` is still repeating at this depth`, span: t.span });
          break;
        }
        const toks = flattenM(v.trees);
        // An `expr` fragment keeps its precedence: `$x * 2` with `$x = a + 1` is `(a + 1) * 2`.
        // (rustc uses invisible delimiters; these parentheses span the whole fragment, which is how
        // `stringify!` recognises and skips them.)
        if (v.frag === "expr" && toks.length > 1) {
          out.push({ kind: "open", text: "(", span: v.span, origin: -1 }, ...toks, { kind: "close", text: ")", span: v.span, origin: -1 });
        } else out.push(...toks);
        break;
      }
      case "rep": {
        const used = transcriberVars(t.inner);
        let n = -1;
        let first = "";
        for (const name of used) {
          const v = b.get(name);
          if (!v || v.kind !== "seq") continue;
          if (n < 0) {
            n = v.items.length;
            first = name;
          } else if (v.items.length !== n) {
            const times = (k: number): string => `${k} time${k === 1 ? "" : "s"}`;
            cx.errors.push({ message: `meta-variable \`${first}\` repeats ${times(n)}, but \`${name}\` repeats ${times(v.items.length)}`, span: t.span });
            return;
          }
        }
        if (n < 0) {
          cx.errors.push({ message: "attempted to repeat an expression containing no syntax variables matched as repeating at this depth", span: t.span });
          return;
        }
        for (let i = 0; i < n; i++) {
          if (i > 0 && t.sep) out.push(t.sep);
          const nb = new Map(b);
          for (const name of used) {
            const v = b.get(name);
            if (v && v.kind === "seq") {
              const item = v.items[i];
              if (item) nb.set(name, item);
              else nb.delete(name);
            }
          }
          transcribe(cx, t.inner, nb, out);
        }
        break;
      }
      default:
        assertNever(t, "macro transcriber");
    }
  }
}


function transcriberVars(ts: readonly Transcriber[], out: string[] = []): string[] {
  for (const t of ts) {
    if (t.kind === "var") {
      if (!out.includes(t.name)) out.push(t.name);
    } else if (t.kind === "group" || t.kind === "rep") transcriberVars(t.inner, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Hygiene (for local variables)

/**
 * macro_rules! hygiene for the common case: a local variable that the macro's *body* binds with
 * `let` or `for` is a different variable from anything the caller wrote, even with the same name.
 *
 *     [rust]      macro_rules! my_vec { ($($x:expr),*) => {{ let mut v = Vec::new(); $(v.push($x);)* v }}; }
 *                 let v = 1; let w = my_vec![v + 1];
 *     [expanded]  { let mut v__h3 = Vec::new(); v__h3.push((v + 1)); v__h3 }    // the caller's `v` stays
 *
 * Only tokens that come from the body are renamed (arguments keep their names, so `let $name = …`
 * still declares the caller's name), and not where the name is a field, method or path segment.
 * Full hygiene (labels, items, nested definitions) is not modelled.
 */
function renameMacroLocals(toks: readonly MTok[], argsOrigin: number, mark: number): MTok[] {
  const isBody = (t: MTok | undefined): boolean => !!t && t.kind === "ident" && t.origin !== argsOrigin && t.origin !== -1;
  const bound = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== "ident" || (t.text !== "let" && t.text !== "for")) continue;
    let j = i + 1;
    if (toks[j]?.text === "mut") j++;
    const name = toks[j];
    const after = toks[j + 1]?.text;
    if (isBody(name) && name!.text !== "_" && !KEYWORDS.has(name!.text) && (after === "=" || after === ":" || after === ";" || after === "in")) bound.add(name!.text);
  }
  if (bound.size === 0) return toks as MTok[];
  return toks.map((t, i) => {
    if (!isBody(t) || !bound.has(t.text)) return t;
    const prev = toks[i - 1]?.text;
    const next = toks[i + 1]?.text;
    if (prev === "." || prev === "::" || next === "::" || next === "!") return t;
    // `S { v: … }` and `struct S { v: T }`: a field name.
    if ((prev === "{" || prev === ",") && next === ":") return t;
    return { ...t, text: `${t.text}__h${mark}` };
  });
}

// ---------------------------------------------------------------------------------------------------
// Expansion

export type ExpansionPosition =
  | { readonly kind: "expr" }
  | { readonly kind: "stmts"; readonly semi: boolean; readonly isTail: boolean }
  | { readonly kind: "items" }
  | { readonly kind: "pat" }
  | { readonly kind: "type" };

export interface Expansion {
  readonly expr?: Expr;
  readonly stmts?: { stmts: Stmt[]; tail?: Expr };
  readonly items?: Item[];
  readonly pat?: Pat;
  readonly type?: Type;
}

/** The argument range of a macro invocation: inside its outer delimiters. */
export function macroArgRange(n: SyntaxNode): { lo: number; hi: number; delim: string } | undefined {
  const tt = n.namedChildren.find((c) => c.type === "token_tree");
  if (!tt) return undefined;
  const first = tt.child(0);
  const last = tt.child(tt.childCount - 1);
  const delim = first ? first.type : "(";
  const closed = !!last && !last.isMissing && tt.childCount > 1 && (last.type === ")" || last.type === "]" || last.type === "}");
  return { lo: tt.startIndex + 1, hi: closed ? last.startIndex : tt.endIndex, delim };
}

/** Expands a `macro_rules!` macro invocation at `n` for the given position and lowers the result. */
export function expandUserMacro(lw: Lowerer, def: MacroDef, n: SyntaxNode, pos: ExpansionPosition): Expansion {
  const s = lw.s;
  const callSite = lw.sp(n);
  const range = macroArgRange(n);
  if (!range) {
    lw.report("P0002", "expected macro arguments", callSite);
    return {};
  }
  if (s.expansionDepth >= MAX_EXPANSION_DEPTH) {
    // rustc points at the innermost invocation; the user's own invocation is a secondary label.
    const outer = s.expansionSites[0] ?? callSite;
    lw.report("P0004", `recursion limit reached while expanding \`${def.name}!\``, callSite, "", {
      labels: [{ span: outer, message: "in this macro invocation", primary: false }],
      notes: [`pinion expands macros at most ${MAX_EXPANSION_DEPTH} levels deep, like rustc's default \`recursion_limit\``],
    });
    return {};
  }
  const inputOrigin = s.origin();
  const { trees: input, ok } = treesOf(lw, range.lo, range.hi, inputOrigin);
  if (!ok) return {};
  const cx: MatchCtx = { s, budget: 200_000 };
  let bindings: Bindings | undefined;
  let rule: Rule | undefined;
  for (const r of def.rules) {
    bindings = matchSeq(cx, r.matcher, 0, input, 0, new Map(), true)?.bindings;
    if (bindings) {
      rule = r;
      break;
    }
  }
  if (!rule || !bindings) {
    const tok = cx.failure?.tok;
    const defLabel = [{ span: { lo: def.span.lo, hi: def.span.lo + "macro_rules!".length }, message: "when calling this macro", primary: false }];
    const notes = cx.budget < 0 ? ["pinion gave up matching after too many steps"] : [];
    if (tok) {
      const what = isMGroup(tok) ? `\`${tok.delim}\`` : tok.text === "_" ? "reserved identifier `_`" : KEYWORDS.has(tok.text) ? `keyword \`${tok.text}\`` : `\`${tok.text}\``;
      lw.report("P0004", `no rules expected ${what}`, isMGroup(tok) ? tok.open.span : tok.span, "no rules expected this token in macro call", { labels: defLabel, notes });
    } else {
      // rustc points at the closing delimiter of the invocation.
      const end = lw.spanOf(range.hi, Math.min(lw.text.length, range.hi + 1));
      lw.report("P0004", "unexpected end of macro invocation", end, "missing tokens in macro arguments", { labels: defLabel, notes });
    }
    return {};
  }
  const tcx: TranscribeCtx = { lw, errors: [] };
  const out: MTok[] = [];
  transcribe(tcx, rule.body, bindings, out);
  for (const e of tcx.errors) lw.report("P0004", e.message, e.span, "", e.note !== undefined ? { notes: [e.note] } : {});
  if (tcx.errors.length > 0) return {};

  const hygienic = renameMacroLocals(out, inputOrigin, s.origin());

  s.expansionDepth++;
  s.expansionSites.push(callSite);
  const depthBefore = s.depth;
  try {
    // An expansion that is just (part of) the arguments keeps their spans; anything built by the
    // macro's body stands at the invocation.
    const fromArgs = hygienic.length > 0 && hygienic.every((t) => t.origin === inputOrigin);
    return lowerExpansion(lw, def, hygienic, pos, callSite, { fromArgs });
  } finally {
    s.expansionDepth--;
    s.expansionSites.pop();
    s.depth = depthBefore;
  }
}

function lowerExpansion(lw: Lowerer, def: MacroDef, toks: readonly MTok[], pos: ExpansionPosition, callSite: Span, opts: { fromArgs: boolean }): Expansion {
  const at = <T extends { span: Span }>(x: T): T => (opts.fromArgs ? x : { ...x, span: callSite });
  const b = new TextBuilder();
  switch (pos.kind) {
    case "expr": {
      if (!validTokens(lw.s, "expr", toks)) {
        lw.report("P0004", `the expansion of \`${def.name}!\` is not an expression`, callSite, "this macro call is used as an expression", {
          notes: [`the usage of \`${def.name}!\` is likely invalid in expression context`],
          help: ["if the macro expands to statements, give its body double braces, `() => {{ … }}`, so that it expands to a block"],
        });
        return { expr: lw.errorExpr(callSite) };
      }
      b.raw("fn __pinion() { let _ = ").tokens(toks).raw("\n; }");
      const { text, map } = b.build(callSite);
      const { root, lowerer } = lw.reparse(text, map, callSite);
      const body = kids(root)[0]?.childForFieldName("body");
      const stmts = body ? kids(body) : [];
      const value = stmts[0]?.type === "let_declaration" ? stmts[0].childForFieldName("value") : null;
      if (!value || stmts.length !== 1) {
        if (!root.hasError) {
          lw.report("P0004", `macro expansion ignores the tokens after the first expression`, callSite, `caused by the macro expansion here`, {
            notes: [`the usage of \`${def.name}!\` is likely invalid in expression context`],
          });
        }
        return value ? { expr: lowerer.lowerExpr(value) } : {};
      }
      return { expr: at(lowerer.lowerExpr(value)) };
    }
    case "stmts": {
      b.raw("fn __pinion() {\n").tokens(toks).raw("\n}");
      const { text, map } = b.build(callSite);
      const { root, lowerer } = lw.reparse(text, map, callSite);
      const body = kids(root)[0]?.childForFieldName("body");
      const { stmts, tail } = body ? lowerer.lowerStmts(kids(body)) : { stmts: [] as Stmt[], tail: undefined };
      // Definitions made by the expansion stay visible after it (textual scoping).
      lw.scope = lowerer.scope;
      if (tail && !pos.isTail) {
        stmts.push({ kind: "ExprStmt", id: lw.id(), span: tail.span, expr: tail, semi: pos.semi });
        return { stmts: { stmts } };
      }
      return { stmts: tail ? { stmts, tail } : { stmts } };
    }
    case "items": {
      b.tokens(toks).raw("\n");
      const { text, map } = b.build(callSite);
      const { root, lowerer } = lw.reparse(text, map, callSite);
      const items = lowerer.lowerRootItems(root);
      lw.scope = lowerer.scope;
      return { items };
    }
    case "pat": {
      b.raw("fn __pinion() { match () { ").tokens(toks).raw("\n => {} } }");
      const { text, map } = b.build(callSite);
      const { root, lowerer } = lw.reparse(text, map, callSite);
      const body = kids(root)[0]?.childForFieldName("body");
      const m = body ? kids(body)[0] : undefined;
      const block = m ? kids(m)[0]?.childForFieldName("body") : undefined;
      const arm = block ? kids(block)[0] : undefined;
      const p = arm?.childForFieldName("pattern");
      return p ? { pat: at(lowerer.lowerPat(p)) } : {};
    }
    case "type": {
      b.raw("type __T = ").tokens(toks).raw("\n;");
      const { text, map } = b.build(callSite);
      const { root, lowerer } = lw.reparse(text, map, callSite);
      const ty = kids(root)[0]?.childForFieldName("type");
      return ty ? { type: at(lowerer.lowerType(ty)) } : {};
    }
    default:
      return assertNever(pos, "expansion position");
  }
}

