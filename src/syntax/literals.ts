// Literal tokens → values, the way rustc's lexer reads them.
//
//     [rust]      0x1F_u8     1_000     2.5e3f32     b'a'     "tab\there"     r#"raw "q""#
//     [lowered]   int 31 u8   int 1000  float 2500   byte 97  str "tab<TAB>here"  str `raw "q"`
//
// Integers become bigints (exact for every width, `u128` included); floats keep the text as written
// next to their value. Strings are decoded with an offset table (`offsets[k]` is the source offset of
// decoded code unit `k`), so a format string's pieces and errors can point inside the literal even
// after escapes. Malformed literals are reported as data; decoding never throws.

import type { FloatSuffix, IntSuffix, Lit } from "./ast.js";

export interface LitError {
  readonly message: string;
  /** Offsets relative to the start of the literal text. */
  readonly lo: number;
  readonly hi: number;
}

export interface DecodedLit {
  readonly lit: Lit;
  readonly errors: LitError[];
  /** For `str` literals: the offset (relative to the literal text) of each decoded UTF-16 unit, plus
   *  one entry for the end of the content. */
  readonly offsets?: number[];
  /** For string literals: true if written as a raw string (no escapes). */
  readonly raw?: boolean;
}

const INT_SUFFIXES: readonly string[] = ["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"];
const FLOAT_SUFFIXES: readonly string[] = ["f32", "f64"];

/** Decodes any literal token text (`1u8`, `"a\n"`, `'x'`, `b"ab"`, `true`). */
export function decodeLiteral(text: string): DecodedLit {
  if (text === "true" || text === "false") return { lit: { type: "bool", value: text === "true" }, errors: [] };
  const c0 = text[0];
  if (c0 === undefined) return { lit: { type: "int", value: 0n }, errors: [{ message: "empty literal", lo: 0, hi: 0 }] };
  if (c0 >= "0" && c0 <= "9") return decodeNumber(text);
  if (c0 === "'") return decodeChar(text, 0, { byte: false });
  if (c0 === '"' || (c0 === "r" && (text[1] === '"' || text[1] === "#"))) return decodeString(text, 0, { byte: false });
  if (c0 === "b") {
    if (text[1] === "'") return decodeChar(text, 1, { byte: true });
    return decodeString(text, 1, { byte: true });
  }
  if (c0 === "c") {
    return { lit: { type: "str", value: "" }, errors: [{ message: "C string literals are not supported by pinion", lo: 0, hi: text.length }] };
  }
  return { lit: { type: "int", value: 0n }, errors: [{ message: `invalid literal \`${text}\``, lo: 0, hi: text.length }] };
}

function decodeNumber(text: string): DecodedLit {
  const errors: LitError[] = [];
  let radix = 10;
  let i = 0;
  if (text[0] === "0" && (text[1] === "x" || text[1] === "o" || text[1] === "b")) {
    radix = text[1] === "x" ? 16 : text[1] === "o" ? 8 : 2;
    i = 2;
  }
  const digitOk = (ch: string): boolean => {
    if (ch === "_") return true;
    const d = parseInt(ch, 36);
    return !Number.isNaN(d) && d < radix;
  };
  if (radix !== 10) {
    let j = i;
    while (j < text.length && digitOk(text[j]!)) j++;
    // Hex digits swallow `f32`-looking suffixes: rustc reads `0x1f32` as one number.
    const digits = text.slice(i, j).replace(/_/g, "");
    const suffix = text.slice(j);
    if (digits === "") errors.push({ message: "no valid digits found for number", lo: 0, hi: text.length });
    let value = 0n;
    for (const ch of digits) value = value * BigInt(radix) + BigInt(parseInt(ch, 36));
    return { lit: intLit(value, suffix, text, j, errors), errors };
  }
  // Decimal: an integer, or a float if it has a fraction, an exponent or a float suffix.
  let j = 0;
  while (j < text.length && /[0-9_]/.test(text[j]!)) j++;
  let isFloat = false;
  if (text[j] === ".") {
    isFloat = true;
    j++;
    while (j < text.length && /[0-9_]/.test(text[j]!)) j++;
  }
  if ((text[j] === "e" || text[j] === "E") && /[0-9+\-_]/.test(text[j + 1] ?? "")) {
    isFloat = true;
    j++;
    if (text[j] === "+" || text[j] === "-") j++;
    while (j < text.length && /[0-9_]/.test(text[j]!)) j++;
  }
  const body = text.slice(0, j);
  const suffix = text.slice(j);
  if (isFloat || FLOAT_SUFFIXES.includes(suffix)) {
    if (suffix !== "" && !FLOAT_SUFFIXES.includes(suffix)) {
      errors.push({ message: `invalid suffix \`${suffix}\` for float literal`, lo: j, hi: text.length });
    }
    const value = Number(body.replace(/_/g, ""));
    const lit: Lit = FLOAT_SUFFIXES.includes(suffix)
      ? { type: "float", value, text: body, suffix: suffix as FloatSuffix }
      : { type: "float", value, text: body };
    return { lit, errors };
  }
  const digits = body.replace(/_/g, "");
  return { lit: intLit(digits === "" ? 0n : BigInt(digits), suffix, text, j, errors), errors };
}

function intLit(value: bigint, suffix: string, text: string, at: number, errors: LitError[]): Lit {
  if (suffix === "") return { type: "int", value };
  if (INT_SUFFIXES.includes(suffix)) return { type: "int", value, suffix: suffix as IntSuffix };
  const width = /^[iu](\d+)$/.exec(suffix);
  if (width) errors.push({ message: `invalid width \`${width[1]}\` for integer literal`, lo: 0, hi: text.length });
  else errors.push({ message: `invalid suffix \`${suffix}\` for number literal`, lo: at, hi: text.length });
  return { type: "int", value };
}

interface Escaped {
  /** The decoded code point, or -1 after an error. */
  readonly cp: number;
  /** Offset just after the escape. */
  readonly end: number;
  /** Line continuation: no character. */
  readonly skip?: boolean;
}

/** Decodes the escape starting at `text[i] === "\\"`. */
function escape(text: string, i: number, errors: LitError[], opts: { byte: boolean; inString: boolean }): Escaped {
  const e = text[i + 1];
  switch (e) {
    case "n":
      return { cp: 10, end: i + 2 };
    case "r":
      return { cp: 13, end: i + 2 };
    case "t":
      return { cp: 9, end: i + 2 };
    case "\\":
      return { cp: 92, end: i + 2 };
    case "0":
      return { cp: 0, end: i + 2 };
    case "'":
      return { cp: 39, end: i + 2 };
    case '"':
      return { cp: 34, end: i + 2 };
    case "x": {
      const hex = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        errors.push({ message: "numeric character escape is too short", lo: i, hi: Math.min(text.length, i + 4) });
        return { cp: -1, end: Math.min(text.length, i + 2 + hex.length) };
      }
      const v = parseInt(hex, 16);
      if (!opts.byte && v > 0x7f) {
        errors.push({ message: "out of range hex escape", lo: i, hi: i + 4 });
        return { cp: -1, end: i + 4 };
      }
      return { cp: v, end: i + 4 };
    }
    case "u": {
      const m = /^\{([0-9a-fA-F_]{1,8})\}/.exec(text.slice(i + 2));
      if (!m) {
        errors.push({ message: "invalid unicode character escape", lo: i, hi: i + 2 });
        return { cp: -1, end: i + 2 };
      }
      const end = i + 2 + m[0].length;
      if (opts.byte) {
        errors.push({ message: "unicode escape in byte string", lo: i, hi: end });
        return { cp: -1, end };
      }
      const v = parseInt(m[1]!.replace(/_/g, ""), 16);
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        errors.push({ message: "invalid unicode character escape", lo: i, hi: end });
        return { cp: -1, end };
      }
      return { cp: v, end };
    }
    case "\n":
    case "\r": {
      if (!opts.inString) break;
      // Line continuation: skip the newline and the following whitespace.
      let j = i + 1;
      while (j < text.length && /[ \t\n\r]/.test(text[j]!)) j++;
      return { cp: -1, end: j, skip: true };
    }
    default:
      break;
  }
  const shown = e === undefined ? "" : e;
  // rustc points at the character after the backslash.
  errors.push({ message: `unknown character escape: \`${shown}\``, lo: i + 1, hi: Math.min(text.length, i + 2) });
  return { cp: -1, end: Math.min(text.length, i + 2) };
}

function decodeChar(text: string, prefix: number, opts: { byte: boolean }): DecodedLit {
  const errors: LitError[] = [];
  const close = text.lastIndexOf("'");
  let value = -1;
  const i = prefix + 1;
  if (close <= i) {
    errors.push({ message: "unterminated character literal", lo: 0, hi: text.length });
  } else if (text[i] === "\\") {
    const esc = escape(text, i, errors, { byte: opts.byte, inString: false });
    value = esc.cp;
    if (esc.end !== close && esc.cp >= 0) errors.push({ message: "character literal may only contain one codepoint", lo: 0, hi: close + 1 });
  } else {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (i + len !== close) errors.push({ message: "character literal may only contain one codepoint", lo: 0, hi: close + 1 });
    else if (opts.byte && cp > 0x7f) errors.push({ message: "non-ASCII character in byte literal", lo: i, hi: i + len });
    value = cp;
  }
  if (close >= 0 && close + 1 < text.length) {
    errors.push({ message: `suffixes on character literals are invalid`, lo: close + 1, hi: text.length });
  }
  if (opts.byte) return { lit: { type: "byte", value: Math.max(0, value) }, errors };
  return { lit: { type: "char", value: value < 0 ? "\ufffd" : String.fromCodePoint(value) }, errors };
}

function decodeString(text: string, prefix: number, opts: { byte: boolean }): DecodedLit {
  const errors: LitError[] = [];
  let i = prefix;
  let raw = false;
  let hashes = 0;
  if (text[i] === "r") {
    raw = true;
    i++;
    while (text[i] === "#") {
      hashes++;
      i++;
    }
  }
  if (text[i] !== '"') {
    errors.push({ message: "malformed string literal", lo: 0, hi: text.length });
    return { lit: opts.byte ? { type: "byteStr", value: [] } : { type: "str", value: "" }, errors, offsets: [0], raw };
  }
  const contentStart = i + 1;
  const closeSeq = '"' + "#".repeat(hashes);
  const contentEnd = raw ? text.lastIndexOf(closeSeq) : text.lastIndexOf('"');
  if (contentEnd < contentStart) {
    errors.push({ message: "unterminated double quote string", lo: 0, hi: text.length });
    return { lit: opts.byte ? { type: "byteStr", value: [] } : { type: "str", value: "" }, errors, offsets: [contentStart], raw };
  }
  const after = contentEnd + closeSeq.length;
  if (after < text.length) errors.push({ message: "suffixes on string literals are invalid", lo: after, hi: text.length });

  const units: string[] = [];
  const offsets: number[] = [];
  const bytes: number[] = [];
  let j = contentStart;
  while (j < contentEnd) {
    const ch = text[j]!;
    if (ch === "\r" && text[j + 1] === "\n") {
      // rustc normalises CRLF in string literals to LF.
      j++;
      continue;
    }
    if (!raw && ch === "\\") {
      const esc = escape(text, j, errors, { byte: opts.byte, inString: true });
      if (esc.cp >= 0 && !esc.skip) {
        if (opts.byte) bytes.push(esc.cp);
        else {
          const s = String.fromCodePoint(esc.cp);
          for (let k = 0; k < s.length; k++) {
            units.push(s[k]!);
            offsets.push(j);
          }
        }
      }
      j = esc.end;
      continue;
    }
    if (opts.byte) {
      const cp = text.codePointAt(j)!;
      if (cp > 0x7f) {
        errors.push({ message: "non-ASCII character in byte string literal", lo: j, hi: j + (cp > 0xffff ? 2 : 1) });
      }
      bytes.push(cp & 0xff);
      j += cp > 0xffff ? 2 : 1;
      continue;
    }
    units.push(ch);
    offsets.push(j);
    j++;
  }
  offsets.push(contentEnd);
  if (opts.byte) return { lit: { type: "byteStr", value: bytes }, errors, raw };
  return { lit: { type: "str", value: units.join("") }, errors, offsets, raw };
}
