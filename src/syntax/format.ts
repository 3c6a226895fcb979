// Format strings (`println!("{} and {name:>8.2}", a, name = b)`), parsed the way `format_args!` does.
//
//     [rust]     println!("x = {x:>5}, {{}} {0:#?}", v)
//     [lowered]  pieces: lit "x = ", arg 1 {align ">", width 5}, lit ", {} ", arg 0 {alternate, trait "?"}
//                args:   [v, x]           argNames: [undefined, "x"]   (x is an implicit capture)
//
// Grammar (std::fmt):  format := '{' [argument] [':' spec] '}'
//   spec := [[fill]align][sign]['#']['0'][width]['.' precision][type],  count := integer | argument '$'
//   precision may also be `*` (the next positional argument is the precision).
// Arguments are positional first, then named (`name = expr`); a `{name}` that names no argument
// captures the variable `name` from the scope (an extra argument, a path expression).
//
// Two steps: `parseFormatString` reads the text into pieces that refer to arguments by position or
// name; `resolveFormat` binds those references to the macro's arguments, adds the implicit captures,
// and reports what rustc reports (missing, unused and invalid references) at the right place.
// Positions are offsets into the decoded string; `offsets` (from literals.ts) maps them to the source.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { FmtCount, FmtPiece, FmtSpec } from "./ast.js";
import type { Span } from "./source.js";

export type ArgRef =
  | { readonly kind: "next" }
  | { readonly kind: "index"; readonly index: number; readonly lo?: number; readonly hi?: number }
  | { readonly kind: "name"; readonly name: string; readonly lo: number; readonly hi: number };

export type RawCount = { readonly kind: "literal"; readonly value: number } | { readonly kind: "ref"; readonly ref: ArgRef } | { readonly kind: "star" };

export interface RawSpec {
  readonly fill: string;
  readonly align: FmtSpec["align"];
  readonly sign: FmtSpec["sign"];
  readonly alternate: boolean;
  readonly zero: boolean;
  readonly width?: RawCount;
  readonly precision?: RawCount;
  readonly trait: FmtSpec["trait"];
}

export type RawPiece =
  | { readonly kind: "lit"; readonly text: string }
  /** `lo`/`hi`: the whole `{…}` in the decoded string. */
  | { readonly kind: "arg"; readonly ref: ArgRef; readonly spec: RawSpec; readonly lo: number; readonly hi: number };

export interface FormatError {
  readonly message: string;
  /** Offsets into the decoded string. */
  readonly lo: number;
  readonly hi: number;
  readonly label?: string;
  readonly note?: string;
  /** A secondary location (e.g. the opening brace of an unterminated argument). */
  readonly related?: { readonly lo: number; readonly hi: number; readonly label: string };
  /** More places the message is about (every placeholder of a count mismatch). */
  readonly others?: readonly { readonly lo: number; readonly hi: number }[];
}

const TRAITS: readonly string[] = ["", "?", "x", "X", "o", "b", "e", "E", "p", "x?", "X?"];

function isIdentStartCh(c: string | undefined): boolean {
  return c !== undefined && /[\p{XID_Start}_]/u.test(c);
}
function isIdentCh(c: string | undefined): boolean {
  return c !== undefined && /[\p{XID_Continue}]/u.test(c);
}

/** Reads a format string into pieces. Errors are collected; parsing continues after each. */
export function parseFormatString(s: string): { pieces: RawPiece[]; errors: FormatError[] } {
  const pieces: RawPiece[] = [];
  const errors: FormatError[] = [];
  let lit = "";
  let i = 0;
  const flushLit = (): void => {
    if (lit !== "") pieces.push({ kind: "lit", text: lit });
    lit = "";
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === "{") {
      if (s[i + 1] === "{") {
        lit += "{";
        i += 2;
        continue;
      }
      const start = i;
      const r = parseArgument(s, i + 1, errors);
      if (r === undefined) {
        // Unrecoverable: the rest of the string is not parsed further (rustc stops too).
        flushLit();
        return { pieces, errors };
      }
      flushLit();
      pieces.push({ kind: "arg", ref: r.ref, spec: r.spec, lo: start, hi: r.end });
      i = r.end;
      continue;
    }
    if (c === "}") {
      if (s[i + 1] === "}") {
        lit += "}";
        i += 2;
        continue;
      }
      errors.push({
        message: "invalid format string: unmatched `}` found",
        lo: i,
        hi: i + 1,
        label: "unmatched `}` in format string",
        note: "if you intended to print `}`, you can escape it using `}}`",
      });
      i++;
      continue;
    }
    lit += c;
    i++;
  }
  flushLit();
  return { pieces, errors };
}

interface ParsedArg {
  readonly ref: ArgRef;
  readonly spec: RawSpec;
  /** Offset just after the closing `}`. */
  readonly end: number;
}

function parseArgument(s: string, i: number, errors: FormatError[]): ParsedArg | undefined {
  const open = i - 1;
  let ref: ArgRef = { kind: "next" };
  // argument := integer | identifier
  if (/[0-9]/.test(s[i] ?? "")) {
    let j = i;
    while (/[0-9]/.test(s[j] ?? "")) j++;
    ref = { kind: "index", index: Number(s.slice(i, j)), lo: i, hi: j };
    i = j;
  } else if (isIdentStartCh(s[i])) {
    let j = i + 1;
    while (isIdentCh(s[j])) j++;
    ref = { kind: "name", name: s.slice(i, j), lo: i, hi: j };
    i = j;
  }
  let spec: RawSpec = { fill: " ", align: "", sign: "", alternate: false, zero: false, trait: "" };
  if (s[i] === ":") {
    const r = parseSpec(s, i + 1, errors);
    spec = r.spec;
    i = r.end;
  }
  while (s[i] === " ") i++;
  if (s[i] === "}") return { ref, spec, end: i + 1 };
  if (i >= s.length) {
    errors.push({
      message: "invalid format string: expected `}` but string was terminated",
      lo: s.length,
      hi: s.length,
      label: "expected `}` in format string",
      related: { lo: open, hi: open + 1, label: "because of this opening brace" },
      note: "if you intended to print `{`, you can escape it using `{{`",
    });
    return undefined;
  }
  const bad = s[i]!;
  errors.push({
    message: `invalid format string: expected \`}\`, found \`${bad}\``,
    lo: i,
    hi: i + 1,
    label: "expected `}` in format string",
    note: "if you intended to print `{`, you can escape it using `{{`",
  });
  // Recover at the next `}`.
  const close = s.indexOf("}", i);
  if (close < 0) return undefined;
  return { ref, spec, end: close + 1 };
}

function parseSpec(s: string, i: number, errors: FormatError[]): { spec: RawSpec; end: number } {
  let fill = " ";
  let align: FmtSpec["align"] = "";
  let sign: FmtSpec["sign"] = "";
  let alternate = false;
  let zero = false;
  let width: RawCount | undefined;
  let precision: RawCount | undefined;
  const isAlign = (c: string | undefined): c is "<" | ">" | "^" => c === "<" || c === ">" || c === "^";
  // [[fill]align]: the fill is any character (a code point) followed by an alignment.
  const cp = s.codePointAt(i);
  const first = cp === undefined ? "" : String.fromCodePoint(cp);
  if (first !== "" && first !== "}" && isAlign(s[i + first.length])) {
    fill = first;
    align = s[i + first.length] as "<" | ">" | "^";
    i += first.length + 1;
  } else if (isAlign(s[i])) {
    align = s[i] as "<" | ">" | "^";
    i++;
  }
  if (s[i] === "+" || s[i] === "-") {
    sign = s[i] as "+" | "-";
    i++;
  }
  if (s[i] === "#") {
    alternate = true;
    i++;
  }
  // `0` flag: a `0` not followed by `$` (`{:0$}` means width from argument 0).
  if (s[i] === "0" && s[i + 1] !== "$") {
    zero = true;
    i++;
  }
  const w = parseCount(s, i);
  if (w) {
    width = w.count;
    i = w.end;
  }
  if (s[i] === ".") {
    i++;
    if (s[i] === "*") {
      precision = { kind: "star" };
      i++;
    } else {
      const p = parseCount(s, i);
      if (p) {
        precision = p.count;
        i = p.end;
      } else {
        errors.push({ message: "invalid format string: expected a precision after `.`", lo: i - 1, hi: i, label: "expected precision" });
      }
    }
  }
  // type := '' | '?' | 'x?' | 'X?' | identifier
  let trait = "";
  const tStart = i;
  if (s[i] === "?") {
    trait = "?";
    i++;
  } else if (isIdentStartCh(s[i])) {
    let j = i + 1;
    while (isIdentCh(s[j])) j++;
    trait = s.slice(i, j);
    i = j;
    if (s[i] === "?" && (trait === "x" || trait === "X")) {
      trait += "?";
      i++;
    }
  }
  if (!TRAITS.includes(trait)) {
    errors.push({
      message: `unknown format trait \`${trait}\``,
      lo: tStart,
      hi: i,
      note: "the only appropriate formatting traits are:\n- ``, which uses the `Display` trait\n- `?`, which uses the `Debug` trait\n- `e`, which uses the `LowerExp` trait\n- `E`, which uses the `UpperExp` trait\n- `o`, which uses the `Octal` trait\n- `p`, which uses the `Pointer` trait\n- `b`, which uses the `Binary` trait\n- `x`, which uses the `LowerHex` trait\n- `X`, which uses the `UpperHex` trait",
    });
    trait = "";
  }
  const spec: RawSpec = { fill, align, sign, alternate, zero, trait: trait as FmtSpec["trait"] };
  return {
    spec: { ...spec, ...(width && { width }), ...(precision && { precision }) },
    end: i,
  };
}

/** count := integer | argument '$' (the argument an integer or an identifier). */
function parseCount(s: string, i: number): { count: RawCount; end: number } | undefined {
  if (/[0-9]/.test(s[i] ?? "")) {
    let j = i;
    while (/[0-9]/.test(s[j] ?? "")) j++;
    const n = Number(s.slice(i, j));
    if (s[j] === "$") return { count: { kind: "ref", ref: { kind: "index", index: n } }, end: j + 1 };
    return { count: { kind: "literal", value: n }, end: j };
  }
  if (isIdentStartCh(s[i])) {
    let j = i + 1;
    while (isIdentCh(s[j])) j++;
    if (s[j] === "$") return { count: { kind: "ref", ref: { kind: "name", name: s.slice(i, j), lo: i, hi: j } }, end: j + 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Binding references to arguments

export interface ResolvedFormat {
  readonly pieces: FmtPiece[];
  /** Names captured implicitly (`{x}` with no `x = …` argument), in order; each becomes the argument
   *  at index `explicitCount + k`. `lo`/`hi` locate the name in the decoded string. */
  readonly captures: { readonly name: string; readonly lo: number; readonly hi: number }[];
  readonly errors: FormatError[];
  /** Explicit arguments that no piece uses (indices), reported as errors. */
  readonly unused: number[];
}

/**
 * Binds the pieces to `positional` unnamed arguments followed by the named ones (`names`).
 * `pieceSpan` turns decoded-string offsets into the piece's span (done by the caller, which knows
 * the source).
 */
export function resolveFormat(
  raw: readonly RawPiece[],
  positional: number,
  names: readonly string[],
  pieceSpan: (lo: number, hi: number) => Span,
): ResolvedFormat {
  const errors: FormatError[] = [];
  const captures: { name: string; lo: number; hi: number }[] = [];
  const explicit = positional + names.length;
  const used = new Array<boolean>(explicit).fill(false);
  let next = 0;
  let maxPositionalRef = -1;
  // Errors for positional references are collected and reported once, the way rustc counts them.
  const badIndex: { index: number; lo: number; hi: number }[] = [];

  const bind = (ref: ArgRef, lo: number, hi: number): number => {
    switch (ref.kind) {
      case "next": {
        const k = next++;
        maxPositionalRef = Math.max(maxPositionalRef, k);
        if (k >= explicit) {
          badIndex.push({ index: k, lo, hi });
          return 0;
        }
        used[k] = true;
        return k;
      }
      case "index": {
        maxPositionalRef = Math.max(maxPositionalRef, ref.index);
        if (ref.index >= explicit) {
          // rustc points at the index itself.
          badIndex.push({ index: ref.index, lo: ref.lo ?? lo, hi: ref.hi ?? hi });
          return 0;
        }
        used[ref.index] = true;
        return ref.index;
      }
      case "name": {
        const k = names.indexOf(ref.name);
        if (k >= 0) {
          used[positional + k] = true;
          return positional + k;
        }
        const c = captures.findIndex((x) => x.name === ref.name);
        if (c >= 0) return explicit + c;
        captures.push({ name: ref.name, lo: ref.lo, hi: ref.hi });
        return explicit + captures.length - 1;
      }
      default:
        return assertNever(ref, "format argument reference");
    }
  };
  const count = (c: RawCount | undefined, lo: number, hi: number): FmtCount | undefined => {
    if (c === undefined) return undefined;
    switch (c.kind) {
      case "literal":
        return { kind: "literal", value: c.value };
      case "ref":
        return { kind: "arg", arg: bind(c.ref, lo, hi) };
      case "star":
        return { kind: "arg", arg: bind({ kind: "next" }, lo, hi) };
      default:
        return assertNever(c, "format count");
    }
  };

  const pieces: FmtPiece[] = [];
  for (const p of raw) {
    if (p.kind === "lit") {
      pieces.push({ kind: "lit", text: p.text });
      continue;
    }
    // `.*` takes its precision argument *before* the value argument.
    const precision = count(p.spec.precision, p.lo, p.hi);
    const width = count(p.spec.width, p.lo, p.hi);
    const arg = bind(p.ref, p.lo, p.hi);
    const spec: FmtSpec = {
      fill: p.spec.fill,
      align: p.spec.align,
      sign: p.spec.sign,
      alternate: p.spec.alternate,
      zero: p.spec.zero,
      trait: p.spec.trait,
      ...(width && { width }),
      ...(precision && { precision }),
    };
    pieces.push({ kind: "arg", arg, spec, span: pieceSpan(p.lo, p.hi) });
  }

  if (badIndex.length > 0) {
    const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? "" : "s"}`;
    const onlyImplicit = raw.every((p) => p.kind === "lit" || p.ref.kind !== "index");
    if (onlyImplicit) {
      const n = maxPositionalRef + 1;
      const given = explicit === 0 ? "no arguments were given" : `there ${explicit === 1 ? "is" : "are"} ${plural(explicit, "argument")}`;
      // Like rustc, point at every positional placeholder, the first one as the primary location.
      const placeholders = raw.filter((p): p is RawPiece & { kind: "arg" } => p.kind === "arg" && (p.ref.kind !== "name" || p.spec.precision?.kind === "star"));
      const first = placeholders[0] ?? badIndex[0]!;
      errors.push({
        message: `${plural(n, "positional argument")} in format string, but ${given}`,
        lo: first.lo,
        hi: first.hi,
        others: placeholders.slice(1).map((p) => ({ lo: p.lo, hi: p.hi })),
      });
    } else {
      for (const b of badIndex) {
        const there = explicit === 0 ? "no arguments were given" : `there ${explicit === 1 ? "is" : "are"} ${plural(explicit, "argument")}`;
        errors.push({
          message: `invalid reference to positional argument ${b.index} (${explicit === 0 ? "no arguments were given" : there})`,
          lo: b.lo,
          hi: b.hi,
          note: "positional arguments are zero-based",
        });
      }
    }
  }
  const unused: number[] = [];
  for (let k = 0; k < explicit; k++) if (!used[k]) unused.push(k);
  return { pieces, captures, errors, unused };
}
