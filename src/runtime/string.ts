// `String` and `&str`: UTF-8 semantics over JS strings.
//
// A `&str` is a JS string; a `String` is an `RString`, a mutable box around one (`.s`). Rust measures
// and indexes strings in UTF-8 bytes, JS in UTF-16 code units, so every length, offset and slice here
// is converted — exactly, for any text:
//
//   [rust]     let s = String::from("héllo");   s.len()   &s[1..3]    s.find('l')
//   [lowered]  const s = String_from("héllo");  s.len()   str_index(s.s, { start: 1, end: 3 }, "4:9")
//              → 6, "é", Some(3)
//
// Slicing off a char boundary panics with rustc's message (`byte index 2 is not a char boundary; it is
// inside 'é' (bytes 1..3) of \`héllo\``). ASCII strings take a fast path (byte offset = JS index).
//
// Naming: methods of `String` are methods of `RString` under Rust's names (`s.push_str(t)`,
// `s.len()`); `&str` methods are functions `str_<method>(s, …)` on plain JS strings (`str_len`,
// `str_trim`, `str_split`…), and `RString` forwards its `&str` methods to them through deref (so both
// `s.trim()` and `str_trim(s.s)` work). Associated functions are `String_new`, `String_from`,
// `String_with_capacity`. Patterns (`split`, `find`, `contains`, `trim_matches`…) are a `&str`/`char`
// (a JS string), a closure `(c: string) => boolean`, or an array of chars.
//
// Capacity follows `Vec<u8>`'s policy (0, then 8, doubling, or the exact need when larger; `from` and
// `clone` are exact), so `s.capacity()` prints what rustc prints for the usual push/push_str growth.

import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Err, None, Ok, Some, type Option, type Result } from "./option.js";
import { ArrayIter, DONE, decay, type RIter, type RangeBounds } from "./iter.js";

/** A `&str` / `char` pattern, a char predicate, or a set of chars. */
export type Pattern = string | ((c: string) => boolean) | readonly string[];

// ---------------------------------------------------------------------------------------------------
// UTF-8 arithmetic

const ASCII = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return ASCII.test(s);
}

/** UTF-8 length of a JS string. */
export function utf8Len(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // 4 bytes for the pair's 2 code units
      i++;
    } else n += 2;
  }
  return n;
}

/** UTF-8 length of one char. */
export function char_len_utf8(c: string): number {
  const cp = c.codePointAt(0) as number;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The JS index of byte offset `b`, or -1 if `b` is not a char boundary or past the end. */
export function byteToIndex(s: string, b: number): number {
  if (b <= s.length && isAscii(s)) return b;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    if (bytes === b) return i;
    if (bytes > b) return -1;
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes === b ? s.length : -1;
}

/** The byte offset of JS index `i`. */
export function indexToByte(s: string, i: number): number {
  return utf8Len(s.slice(0, i));
}

/** The char containing byte `b` and its byte range, for boundary panics. */
function charAtByte(s: string, b: number): { c: string; from: number; to: number } {
  let bytes = 0;
  for (const c of s) {
    const n = char_len_utf8(c);
    if (b < bytes + n) return { c, from: bytes, to: bytes + n };
    bytes += n;
  }
  return { c: "", from: bytes, to: bytes };
}

/** Rust shows at most 256 bytes of the string in slicing panics. */
function shown(s: string): string {
  if (utf8Len(s) <= 256) return s;
  let b = 256;
  while (byteToIndex(s, b) < 0) b--;
  return s.slice(0, byteToIndex(s, b)) + "[...]";
}

function boundaryPanic(s: string, which: "start" | "end", b: number, loc: Loc | undefined): never {
  const len = utf8Len(s);
  if (b > len) return panic(`${which} byte index ${b} is out of bounds of \`${shown(s)}\``, loc);
  const { c, from, to } = charAtByte(s, b);
  return panic(`${which} byte index ${b} is not a char boundary; it is inside ${charDebug(c)} (bytes ${from}..${to}) of \`${shown(s)}\``, loc);
}

function charDebug(c: string): string {
  // The few escapes a char inside a boundary message can need (full Debug lives in fmt.ts).
  if (c === "'") return "'\\''";
  if (c === "\\") return "'\\\\'";
  return `'${c}'`;
}

/** Resolves a byte range of `s` to JS indices, panicking like `&s[a..b]`. */
function sliceIndices(s: string, r: RangeBounds, loc: Loc | undefined): [number, number] {
  const len = utf8Len(s);
  const a = r.start ?? 0;
  let b = r.end ?? len;
  if (r.inclusive) b += 1;
  // rustc's order: out of bounds (start, then end), then begin > end, then char boundaries.
  if (a > len) return boundaryPanic(s, "start", a, loc);
  if (b > len) return boundaryPanic(s, "end", b, loc);
  if (a > b) return panic(`begin > end (${a} > ${b}) when slicing \`${shown(s)}\``, loc);
  const i = byteToIndex(s, a);
  if (i < 0) return boundaryPanic(s, "start", a, loc);
  const j = byteToIndex(s, b);
  if (j < 0) return boundaryPanic(s, "end", b, loc);
  return [i, j];
}

// ---------------------------------------------------------------------------------------------------
// &str functions

export function str_len(s: string): number {
  return utf8Len(s);
}
export function str_is_empty(s: string): boolean {
  return s.length === 0;
}
/** `&s[a..b]` (byte offsets; absent ends open). */
export function str_index(s: string, r: RangeBounds, loc?: Loc): string {
  const [i, j] = sliceIndices(s, r, loc);
  return s.slice(i, j);
}
/** `s.get(a..b)`: `None` off a char boundary or out of range. */
export function str_get(s: string, r: RangeBounds): Option<string> {
  const a = r.start ?? 0;
  let b = r.end ?? utf8Len(s);
  if (r.inclusive) b += 1;
  if (a > b) return None();
  const i = byteToIndex(s, a);
  const j = byteToIndex(s, b);
  return i < 0 || j < 0 ? None() : Some(s.slice(i, j));
}
export function str_is_char_boundary(s: string, b: number): boolean {
  return b === 0 || byteToIndex(s, b) >= 0;
}
/** `s.chars()`: the chars of a string; `as_str()` is what is left. */
export class Chars extends ArrayIter<string> {
  /** `chars.as_str()`: the rest of the string. */
  as_str(): string {
    return this.$a.slice(this.i, this.j).join("");
  }
}

export function str_chars(s: string): Chars {
  return new Chars(Array.from(s));
}
/** `char_indices()`: (byte offset, char) pairs. */
export function str_char_indices(s: string): ArrayIter<[number, string]> {
  const out: [number, string][] = [];
  let b = 0;
  for (const c of s) {
    out.push([b, c]);
    b += char_len_utf8(c);
  }
  return new ArrayIter(out);
}
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const lossyDecoder = new TextDecoder("utf-8");
/** The UTF-8 bytes, as u8 numbers. */
export function str_as_bytes(s: string): number[] {
  return Array.from(encoder.encode(s));
}
export function str_bytes(s: string): ArrayIter<number> {
  return new ArrayIter(str_as_bytes(s));
}
export function str_to_string(s: string): RString {
  return new RString(s);
}
export function str_to_owned(s: string): RString {
  return new RString(s);
}

// Rust's White_Space (JS's \s differs: it has U+FEFF and lacks U+0085).
const WS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const TRIM_START = new RegExp(`^[${WS}]+`);
const TRIM_END = new RegExp(`[${WS}]+$`);
const WS_RUN = new RegExp(`[${WS}]+`);
const IS_WS = new RegExp(`^[${WS}]$`);

export function char_is_whitespace_(c: string): boolean {
  return IS_WS.test(c);
}
export function str_trim(s: string): string {
  return s.replace(TRIM_START, "").replace(TRIM_END, "");
}
export function str_trim_start(s: string): string {
  return s.replace(TRIM_START, "");
}
export function str_trim_end(s: string): string {
  return s.replace(TRIM_END, "");
}

function charMatcher(p: Exclude<Pattern, string>): (c: string) => boolean {
  if (typeof p === "function") return p;
  return (c) => p.includes(c);
}

/** The first match of `p` in `s` at or after JS index `from`: [index, length] in JS units. */
function findAt(s: string, p: Pattern, from: number): [number, number] | undefined {
  if (typeof p === "string") {
    const i = s.indexOf(p, from);
    return i < 0 ? undefined : [i, p.length];
  }
  const m = charMatcher(p);
  for (let i = from; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const n = cp > 0xffff ? 2 : 1;
    if (m(s.slice(i, i + n))) return [i, n];
    i += n;
  }
  return undefined;
}

/** The last match of `p` in `s` ending at or before JS index `to`. */
function rfindBefore(s: string, p: Pattern, to: number): [number, number] | undefined {
  if (typeof p === "string") {
    if (to - p.length < 0) return undefined;
    const i = s.lastIndexOf(p, to - p.length);
    return i < 0 ? undefined : [i, p.length];
  }
  const m = charMatcher(p);
  for (let i = to; i > 0; ) {
    const c = s.charCodeAt(i - 1);
    const n = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? 2 : 1;
    if (m(s.slice(i - n, i))) return [i - n, n];
    i -= n;
  }
  return undefined;
}

export function str_contains(s: string, p: Pattern): boolean {
  return findAt(s, p, 0) !== undefined;
}
export function str_starts_with(s: string, p: Pattern): boolean {
  if (typeof p === "string") return s.startsWith(p);
  const c = firstChar(s);
  return c !== undefined && charMatcher(p)(c);
}
export function str_ends_with(s: string, p: Pattern): boolean {
  if (typeof p === "string") return s.endsWith(p);
  const c = lastChar(s);
  return c !== undefined && charMatcher(p)(c);
}
function firstChar(s: string): string | undefined {
  if (s.length === 0) return undefined;
  const cp = s.codePointAt(0) as number;
  return String.fromCodePoint(cp);
}
function lastChar(s: string): string | undefined {
  if (s.length === 0) return undefined;
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}
/** `s.find(p)`: the byte offset of the first match. */
export function str_find(s: string, p: Pattern): Option<number> {
  const m = findAt(s, p, 0);
  return m ? Some(indexToByte(s, m[0])) : None();
}
/** `s.rfind(p)`: the byte offset of the last match. */
export function str_rfind(s: string, p: Pattern): Option<number> {
  const m = rfindBefore(s, p, s.length);
  return m ? Some(indexToByte(s, m[0])) : None();
}

/** All pieces of `s` between matches of `p` (Rust's `split`, including empty pieces). */
function splitAll(s: string, p: Pattern, limit = Infinity): string[] {
  const out: string[] = [];
  if (p === "") {
    // Rust: "ab".split("") is ["", "a", "b", ""].
    const cs = Array.from(s);
    const pieces = ["", ...cs, ""];
    if (limit >= pieces.length) return pieces;
    if (limit === 1) return [s];
    return [...pieces.slice(0, limit - 1), cs.slice(limit - 2).join("")];
  }
  let from = 0;
  for (;;) {
    if (out.length === limit - 1) break;
    const m = findAt(s, p, from);
    if (!m) break;
    out.push(s.slice(from, m[0]));
    from = m[0] + m[1];
  }
  out.push(s.slice(from));
  return out;
}
export function str_split(s: string, p: Pattern): ArrayIter<string> {
  return new ArrayIter(splitAll(s, p));
}
export function str_splitn(s: string, n: number, p: Pattern): ArrayIter<string> {
  return new ArrayIter(n === 0 ? [] : splitAll(s, p, n));
}
export function str_rsplit(s: string, p: Pattern): ArrayIter<string> {
  return new ArrayIter(splitAll(s, p).reverse());
}
export function str_rsplitn(s: string, n: number, p: Pattern): ArrayIter<string> {
  if (n === 0) return new ArrayIter<string>([]);
  const out: string[] = [];
  let to = s.length;
  while (out.length < n - 1) {
    const m = rfindBefore(s, p, to);
    if (!m) break;
    out.push(s.slice(m[0] + m[1], to));
    to = m[0];
  }
  out.push(s.slice(0, to));
  return new ArrayIter(out);
}
/** `split_terminator`: like `split`, without a trailing empty piece. */
export function str_split_terminator(s: string, p: Pattern): ArrayIter<string> {
  const parts = splitAll(s, p);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return new ArrayIter(parts);
}
/** `split_inclusive`: pieces keep their terminator. */
export function str_split_inclusive(s: string, p: Pattern): ArrayIter<string> {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const m = findAt(s, p, from);
    if (!m || (m[1] === 0 && m[0] >= s.length)) break;
    out.push(s.slice(from, m[0] + m[1]));
    from = m[0] + m[1];
  }
  if (from < s.length) out.push(s.slice(from));
  return new ArrayIter(out);
}
export function str_split_once(s: string, p: Pattern): Option<[string, string]> {
  const m = findAt(s, p, 0);
  return m ? Some<[string, string]>([s.slice(0, m[0]), s.slice(m[0] + m[1])]) : None();
}
export function str_rsplit_once(s: string, p: Pattern): Option<[string, string]> {
  const m = rfindBefore(s, p, s.length);
  return m ? Some<[string, string]>([s.slice(0, m[0]), s.slice(m[0] + m[1])]) : None();
}
export function str_split_whitespace(s: string): ArrayIter<string> {
  const t = str_trim(s);
  return new ArrayIter(t === "" ? [] : t.split(WS_RUN));
}
export function str_split_ascii_whitespace(s: string): ArrayIter<string> {
  return new ArrayIter(s.split(/[\t\n\f\r ]+/).filter((x) => x !== ""));
}
/** `lines()`: split at `\n`, a trailing `\r` removed from each line, no final empty line. */
export function str_lines(s: string): ArrayIter<string> {
  if (s === "") return new ArrayIter<string>([]);
  const parts = s.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return new ArrayIter(parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)));
}
/** `matches(p)`: the matched substrings. */
export function str_matches(s: string, p: Pattern): ArrayIter<string> {
  return new ArrayIter(str_match_indices(s, p).toArray().map((m) => m[1]));
}
/** `match_indices(p)`: (byte offset, match) pairs. */
export function str_match_indices(s: string, p: Pattern): ArrayIter<[number, string]> {
  const out: [number, string][] = [];
  let from = 0;
  while (from <= s.length) {
    const m = findAt(s, p, from);
    if (!m) break;
    out.push([indexToByte(s, m[0]), s.slice(m[0], m[0] + m[1])]);
    from = m[0] + Math.max(m[1], 1);
  }
  return new ArrayIter(out);
}
export function str_trim_matches(s: string, p: Pattern): string {
  return str_trim_end_matches(str_trim_start_matches(s, p), p);
}
export function str_trim_start_matches(s: string, p: Pattern): string {
  if (p === "") return s;
  let t = s;
  for (;;) {
    const m = findAt(t, p, 0);
    if (!m || m[0] !== 0) return t;
    t = t.slice(m[1]);
  }
}
export function str_trim_end_matches(s: string, p: Pattern): string {
  if (p === "") return s;
  let t = s;
  for (;;) {
    const m = rfindBefore(t, p, t.length);
    if (!m || m[0] + m[1] !== t.length) return t;
    t = t.slice(0, m[0]);
  }
}
export function str_strip_prefix(s: string, p: Pattern): Option<string> {
  if (typeof p === "string") return s.startsWith(p) ? Some(s.slice(p.length)) : None();
  const c = firstChar(s);
  return c !== undefined && charMatcher(p)(c) ? Some(s.slice(c.length)) : None();
}
export function str_strip_suffix(s: string, p: Pattern): Option<string> {
  if (typeof p === "string") return s.endsWith(p) ? Some(s.slice(0, s.length - p.length)) : None();
  const c = lastChar(s);
  return c !== undefined && charMatcher(p)(c) ? Some(s.slice(0, s.length - c.length)) : None();
}
/** `s.replace(from, to)`: every match. */
export function str_replace(s: string, p: Pattern, to: string): RString {
  return new RString(replaceN(s, p, to, Infinity));
}
export function str_replacen(s: string, p: Pattern, to: string, n: number): RString {
  return new RString(replaceN(s, p, to, n));
}
function replaceN(s: string, p: Pattern, to: string, n: number): string {
  if (typeof p === "string" && p !== "" && n === Infinity) return s.split(p).join(to);
  let out = "";
  let from = 0;
  let count = 0;
  while (count < n && from <= s.length) {
    const m = findAt(s, p, from);
    if (!m) break;
    out += s.slice(from, m[0]) + to;
    count++;
    if (m[1] === 0) {
      // An empty match: copy one char and go on.
      const cp = s.codePointAt(m[0]);
      if (cp === undefined) {
        from = s.length + 1;
        break;
      }
      const w = cp > 0xffff ? 2 : 1;
      out += s.slice(m[0], m[0] + w);
      from = m[0] + w;
    } else from = m[0] + m[1];
  }
  return from <= s.length ? out + s.slice(from) : out;
}
export function str_to_uppercase(s: string): RString {
  return new RString(s.toUpperCase());
}
export function str_to_lowercase(s: string): RString {
  return new RString(s.toLowerCase());
}
export function str_to_ascii_uppercase(s: string): RString {
  return new RString(s.replace(/[a-z]+/g, (m) => m.toUpperCase()));
}
export function str_to_ascii_lowercase(s: string): RString {
  return new RString(s.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
}
export function str_eq_ignore_ascii_case(a: string, b: string): boolean {
  return str_to_ascii_lowercase(a).s === str_to_ascii_lowercase(b).s;
}
export function str_is_ascii(s: string): boolean {
  return isAscii(s);
}
/** `s.repeat(n)`; panics `capacity overflow` past isize::MAX bytes. */
export function str_repeat(s: string, count: number | bigint, loc?: Loc): RString {
  const n = Number(count);
  if (s.length > 0 && utf8Len(s) * n > Number.MAX_SAFE_INTEGER) return panic("capacity overflow", loc);
  return new RString(s.repeat(n));
}
export function str_char_count(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/** `a.cmp(b)` for strings: byte-wise (UTF-8) order, which is code point order. */
export function str_cmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral chars) sort after U+E000..U+FFFF in code point order.
      const hx = x >= 0xd800 && x <= 0xdfff;
      const hy = y >= 0xd800 && y <= 0xdfff;
      if (hx !== hy) return hx ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** `String::from_utf8(bytes)`: Err for invalid UTF-8. */
export function String_from_utf8(bytes: readonly number[]): Result<RString, FromUtf8Error> {
  try {
    return Ok(new RString(decoder.decode(Uint8Array.from(bytes))));
  } catch {
    return Err(new FromUtf8Error(bytes));
  }
}
/** `String::from_utf8_lossy(bytes)` (as an owned string). */
export function String_from_utf8_lossy(bytes: readonly number[]): string {
  return lossyDecoder.decode(Uint8Array.from(bytes));
}
/** `str::from_utf8(bytes)` */
export function str_from_utf8(bytes: readonly number[]): Result<string, FromUtf8Error> {
  return String_from_utf8(bytes).map((s) => s.s);
}

export class FromUtf8Error {
  constructor(readonly bytes: readonly number[]) {}
}

// Parsing of bool and char (integers: `int_parse` in int.ts; floats: `f64_parse` in float.ts)

export class ParseBoolError {
  description(): string {
    return "provided string was not `true` or `false`";
  }
  debugText(): string {
    return "ParseBoolError";
  }
}

export class ParseCharError {
  constructor(readonly kind: "EmptyString" | "TooManyChars") {}
  description(): string {
    return this.kind === "EmptyString" ? "cannot parse char from empty string" : "too many characters in string";
  }
  debugText(): string {
    return `ParseCharError { kind: ${this.kind} }`;
  }
}

/** `s.parse::<bool>()` */
export function bool_parse(s: string): Result<boolean, ParseBoolError> {
  if (s === "true") return Ok(true);
  if (s === "false") return Ok(false);
  return Err(new ParseBoolError());
}

/** `s.parse::<char>()` */
export function char_parse(s: string): Result<string, ParseCharError> {
  const cs = Array.from(s);
  if (cs.length === 1) return Ok(cs[0] as string);
  return Err(new ParseCharError(cs.length === 0 ? "EmptyString" : "TooManyChars"));
}

// ---------------------------------------------------------------------------------------------------
// String

/** `String`: a growable UTF-8 string. `.s` is the text. */
export class RString {
  /** Capacity in bytes. */
  $cap: number;
  private $lenOf: string | undefined = undefined;
  private $len = 0;

  constructor(
    public s: string,
    cap?: number,
  ) {
    this.$cap = cap ?? 0;
    if (cap === undefined) this.$cap = this.len();
  }

  static new(): RString {
    return new RString("", 0);
  }
  static from(s: string): RString {
    return new RString(s);
  }
  static with_capacity(n: number): RString {
    return new RString("", n);
  }

  /** `s.len()`: UTF-8 bytes. */
  len(): number {
    if (this.$lenOf !== this.s) {
      this.$lenOf = this.s;
      this.$len = utf8Len(this.s);
    }
    return this.$len;
  }
  is_empty(): boolean {
    return this.s.length === 0;
  }
  capacity(): number {
    return Math.max(this.$cap, this.len());
  }
  /** Grows the capacity as `Vec<u8>::reserve` for a new length (amortized doubling, minimum 8). */
  private grow(newLen: number): void {
    if (newLen > this.$cap) this.$cap = Math.max(this.$cap * 2, newLen, 8);
  }
  reserve(additional: number): void {
    this.grow(this.len() + additional);
  }
  reserve_exact(additional: number): void {
    const need = this.len() + additional;
    if (need > this.$cap) this.$cap = need;
  }
  shrink_to_fit(): void {
    this.$cap = this.len();
  }

  push(c: string): void {
    this.grow(this.len() + char_len_utf8(c));
    this.s += c;
  }
  push_str(t: string): void {
    this.grow(this.len() + utf8Len(t));
    this.s += t;
  }
  /** `s.insert(byte_idx, c)`; panics off a char boundary. */
  insert(idx: number, c: string, loc?: Loc): void {
    const i = byteToIndex(this.s, idx);
    if (i < 0) return panic("assertion failed: self.is_char_boundary(idx)", loc);
    this.grow(this.len() + char_len_utf8(c));
    this.s = this.s.slice(0, i) + c + this.s.slice(i);
  }
  insert_str(idx: number, t: string, loc?: Loc): void {
    const i = byteToIndex(this.s, idx);
    if (i < 0) return panic("assertion failed: self.is_char_boundary(idx)", loc);
    this.grow(this.len() + utf8Len(t));
    this.s = this.s.slice(0, i) + t + this.s.slice(i);
  }
  pop(): Option<string> {
    const c = lastChar(this.s);
    if (c === undefined) return None();
    this.s = this.s.slice(0, this.s.length - c.length);
    return Some(c);
  }
  /** `s.remove(byte_idx)`: the char there; panics like rustc off a boundary or past the end. */
  remove(idx: number, loc?: Loc): string {
    const i = byteToIndex(this.s, idx);
    if (i < 0 || i >= this.s.length) return boundaryPanic(this.s, "start", idx, loc);
    const c = String.fromCodePoint(this.s.codePointAt(i) as number);
    this.s = this.s.slice(0, i) + this.s.slice(i + c.length);
    return c;
  }
  /** `s.truncate(n)`: no-op past the end; panics off a char boundary. */
  truncate(n: number, loc?: Loc): void {
    if (n >= this.len()) return;
    const i = byteToIndex(this.s, n);
    if (i < 0) return panic("assertion failed: self.is_char_boundary(new_len)", loc);
    this.s = this.s.slice(0, i);
  }
  clear(): void {
    this.s = "";
  }
  /** `s.retain(|c| …)` */
  retain(keep: (c: string) => boolean): void {
    let out = "";
    for (const c of this.s) if (keep(c)) out += c;
    this.s = out;
  }
  /** `s.drain(range)`: removes the bytes in the range and iterates over their chars. */
  drain(r: RangeBounds, loc?: Loc): Chars {
    const len = this.len();
    const a = r.start ?? 0;
    const b = (r.end ?? len) + (r.inclusive ? 1 : 0);
    if (byteToIndex(this.s, a) < 0) return panic("assertion failed: self.is_char_boundary(start)", loc);
    if (byteToIndex(this.s, b) < 0) return panic("assertion failed: self.is_char_boundary(end)", loc);
    const [i, j] = sliceIndices(this.s, { start: a, end: b }, loc);
    const removed = this.s.slice(i, j);
    this.s = this.s.slice(0, i) + this.s.slice(j);
    return str_chars(removed);
  }
  /** `s.split_off(at)` */
  split_off(at: number, loc?: Loc): RString {
    const i = byteToIndex(this.s, at);
    if (i < 0) return panic("assertion failed: self.is_char_boundary(at)", loc);
    const tail = this.s.slice(i);
    this.s = this.s.slice(0, i);
    return new RString(tail);
  }
  /** `s.replace_range(range, t)` */
  replace_range(r: RangeBounds, t: string, loc?: Loc): void {
    const [i, j] = sliceIndices(this.s, r, loc);
    this.s = this.s.slice(0, i) + t + this.s.slice(j);
  }

  as_str(): string {
    return this.s;
  }
  as_mut_str(): string {
    return this.s;
  }
  to_string(): RString {
    return new RString(this.s);
  }
  to_owned(): RString {
    return new RString(this.s);
  }
  clone(): RString {
    return new RString(this.s);
  }
  into_bytes(): number[] {
    return str_as_bytes(this.s);
  }
  into_boxed_str(): string {
    return this.s;
  }
  /** `s + t` (consumes `s`, as Rust's `Add<&str> for String`). */
  add(t: string): RString {
    this.push_str(t);
    return this;
  }
  /** `s == t` for String/&str. */
  eq(t: RString | string): boolean {
    return this.s === (typeof t === "string" ? t : t.s);
  }
  cmp(t: RString): -1 | 0 | 1 {
    return str_cmp(this.s, t.s);
  }

  // &str methods through deref
  chars(): Chars {
    return str_chars(this.s);
  }
  char_indices(): ArrayIter<[number, string]> {
    return str_char_indices(this.s);
  }
  bytes(): ArrayIter<number> {
    return str_bytes(this.s);
  }
  as_bytes(): number[] {
    return str_as_bytes(this.s);
  }
  trim(): string {
    return str_trim(this.s);
  }
  trim_start(): string {
    return str_trim_start(this.s);
  }
  trim_end(): string {
    return str_trim_end(this.s);
  }
  trim_matches(p: Pattern): string {
    return str_trim_matches(this.s, p);
  }
  split(p: Pattern): ArrayIter<string> {
    return str_split(this.s, p);
  }
  split_whitespace(): ArrayIter<string> {
    return str_split_whitespace(this.s);
  }
  lines(): ArrayIter<string> {
    return str_lines(this.s);
  }
  starts_with(p: Pattern): boolean {
    return str_starts_with(this.s, p);
  }
  ends_with(p: Pattern): boolean {
    return str_ends_with(this.s, p);
  }
  contains(p: Pattern): boolean {
    return str_contains(this.s, p);
  }
  find(p: Pattern): Option<number> {
    return str_find(this.s, p);
  }
  rfind(p: Pattern): Option<number> {
    return str_rfind(this.s, p);
  }
  replace(p: Pattern, to: string): RString {
    return str_replace(this.s, p, to);
  }
  to_uppercase(): RString {
    return str_to_uppercase(this.s);
  }
  to_lowercase(): RString {
    return str_to_lowercase(this.s);
  }
  repeat(n: number, loc?: Loc): RString {
    return str_repeat(this.s, n, loc);
  }
  /** `&s[a..b]` */
  index(r: RangeBounds, loc?: Loc): string {
    return str_index(this.s, r, loc);
  }
  get(r: RangeBounds): Option<string> {
    return str_get(this.s, r);
  }
  is_char_boundary(b: number): boolean {
    return str_is_char_boundary(this.s, b);
  }
  split_once(p: Pattern): Option<[string, string]> {
    return str_split_once(this.s, p);
  }
  rsplit_once(p: Pattern): Option<[string, string]> {
    return str_rsplit_once(this.s, p);
  }
  splitn(n: number, p: Pattern): ArrayIter<string> {
    return str_splitn(this.s, n, p);
  }
  rsplit(p: Pattern): ArrayIter<string> {
    return str_rsplit(this.s, p);
  }
  split_terminator(p: Pattern): ArrayIter<string> {
    return str_split_terminator(this.s, p);
  }
  strip_prefix(p: Pattern): Option<string> {
    return str_strip_prefix(this.s, p);
  }
  strip_suffix(p: Pattern): Option<string> {
    return str_strip_suffix(this.s, p);
  }
  trim_start_matches(p: Pattern): string {
    return str_trim_start_matches(this.s, p);
  }
  trim_end_matches(p: Pattern): string {
    return str_trim_end_matches(this.s, p);
  }
  matches(p: Pattern): ArrayIter<string> {
    return str_matches(this.s, p);
  }
  match_indices(p: Pattern): ArrayIter<[number, string]> {
    return str_match_indices(this.s, p);
  }
  replacen(p: Pattern, to: string, n: number): RString {
    return str_replacen(this.s, p, to, n);
  }
  to_ascii_uppercase(): RString {
    return str_to_ascii_uppercase(this.s);
  }
  to_ascii_lowercase(): RString {
    return str_to_ascii_lowercase(this.s);
  }
  eq_ignore_ascii_case(t: string): boolean {
    return str_eq_ignore_ascii_case(this.s, t);
  }
  is_ascii(): boolean {
    return isAscii(this.s);
  }

  toString(): string {
    return this.s;
  }
}

export function String_new(): RString {
  return RString.new();
}
export function String_from(s: string): RString {
  return new RString(s);
}
export function String_with_capacity(n: number): RString {
  return RString.with_capacity(n);
}

/** `collect::<String>()` from chars or strs (`it.collect(String_from_iter)`). */
export function String_from_iter(it: RIter<string | RString>): RString {
  const out = new RString("", 0);
  for (let r = it.nextRaw(); r !== DONE; r = it.nextRaw()) {
    const v = decay(r);
    out.push_str(typeof v === "string" ? v : v.s);
  }
  return out;
}

/** `[a, b].concat()` / `.join(sep)` of strings. */
export function str_join(parts: readonly (string | RString)[], sep: string): RString {
  return new RString(parts.map((p) => (typeof p === "string" ? p : p.s)).join(sep));
}

/** `char::to_string` / `String::from(c)` */
export function char_to_string(c: string): RString {
  return new RString(c);
}
