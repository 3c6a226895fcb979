// Methods of `char` and `bool` (functions `char_<method>(c, …)`, `bool_<method>(b, …)`).
//
// A `char` is a JS string of one code point. Unicode classification follows Rust's definitions where
// JS has the same property (`is_alphabetic` is `Alphabetic`, `is_numeric` is `N*`, `is_whitespace` is
// `White_Space`); ASCII variants test the ASCII ranges only.
//
//   [rust]     if c.is_ascii_digit() { n = n * 10 + c.to_digit(10).unwrap(); }
//   [lowered]  if (char_is_ascii_digit(c)) n = int_add(INT.u32, int_mul(INT.u32, n, 10, "3:40"),
//                                                      char_to_digit(c, 10).unwrap("3:55"), "3:40");

import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { None, Some, type Option } from "./option.js";
import { ArrayIter } from "./iter.js";
import { char_is_whitespace_ } from "./string.js";

const ALPHABETIC = /^\p{Alphabetic}$/u;
const NUMERIC = /^\p{N}$/u;
const LOWER = /^\p{Lowercase}$/u;
const UPPER = /^\p{Uppercase}$/u;
const CONTROL = /^\p{Cc}$/u;

function cp(c: string): number {
  return c.codePointAt(0) as number;
}

export function char_is_alphabetic(c: string): boolean {
  return ALPHABETIC.test(c);
}
export function char_is_numeric(c: string): boolean {
  return NUMERIC.test(c);
}
export function char_is_alphanumeric(c: string): boolean {
  return ALPHABETIC.test(c) || NUMERIC.test(c);
}
export function char_is_whitespace(c: string): boolean {
  return char_is_whitespace_(c);
}
export function char_is_lowercase(c: string): boolean {
  return LOWER.test(c);
}
export function char_is_uppercase(c: string): boolean {
  return UPPER.test(c);
}
export function char_is_control(c: string): boolean {
  return CONTROL.test(c);
}
export function char_is_ascii(c: string): boolean {
  return cp(c) < 0x80;
}
export function char_is_ascii_digit(c: string): boolean {
  return c >= "0" && c <= "9" && c.length === 1;
}
export function char_is_ascii_hexdigit(c: string): boolean {
  return /^[0-9a-fA-F]$/.test(c);
}
export function char_is_ascii_alphabetic(c: string): boolean {
  return /^[A-Za-z]$/.test(c);
}
export function char_is_ascii_alphanumeric(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}
export function char_is_ascii_uppercase(c: string): boolean {
  return /^[A-Z]$/.test(c);
}
export function char_is_ascii_lowercase(c: string): boolean {
  return /^[a-z]$/.test(c);
}
export function char_is_ascii_punctuation(c: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(c);
}
export function char_is_ascii_whitespace(c: string): boolean {
  return /^[\t\n\f\r ]$/.test(c);
}
export function char_is_ascii_graphic(c: string): boolean {
  return /^[!-~]$/.test(c);
}
export function char_is_ascii_control(c: string): boolean {
  return /^[\x00-\x1f\x7f]$/.test(c);
}
export function char_to_ascii_uppercase(c: string): string {
  return /^[a-z]$/.test(c) ? c.toUpperCase() : c;
}
export function char_to_ascii_lowercase(c: string): string {
  return /^[A-Z]$/.test(c) ? c.toLowerCase() : c;
}
export function char_eq_ignore_ascii_case(a: string, b: string): boolean {
  return char_to_ascii_lowercase(a) === char_to_ascii_lowercase(b);
}
/** `c.to_uppercase()`: an iterator of chars (`ß` → `S`, `S`). */
export function char_to_uppercase(c: string): ArrayIter<string> {
  return new ArrayIter(Array.from(c.toUpperCase()));
}
export function char_to_lowercase(c: string): ArrayIter<string> {
  return new ArrayIter(Array.from(c.toLowerCase()));
}
/** `c.to_digit(radix)`; panics for a radix above 36 like rustc. */
export function char_to_digit(c: string, radix: number, loc?: Loc): Option<number> {
  if (radix > 36) return panic("to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive", loc);
  const x = cp(c);
  let d: number;
  if (x >= 48 && x <= 57) d = x - 48;
  else if (x >= 97 && x <= 122) d = x - 87;
  else if (x >= 65 && x <= 90) d = x - 55;
  else return None();
  return d < radix ? Some(d) : None();
}
export function char_is_digit(c: string, radix: number, loc?: Loc): boolean {
  return char_to_digit(c, radix, loc).is_some();
}
/** `char::from_digit(d, radix)` */
export function char_from_digit(d: number, radix: number, loc?: Loc): Option<string> {
  if (radix > 36) return panic("from_digit: radix is too high (maximum 36)", loc);
  if (d >= radix) return None();
  return Some(d < 10 ? String.fromCharCode(48 + d) : String.fromCharCode(87 + d));
}
/** `char::from_u32(u)`: None for surrogates and values past U+10FFFF. */
export function char_from_u32(u: number): Option<string> {
  if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff) || u < 0) return None();
  return Some(String.fromCodePoint(u));
}
/** `char::from(b)` for a u8 */
export function char_from_u8(b: number): string {
  return String.fromCharCode(b);
}
export function char_len_utf16(c: string): number {
  return c.length;
}

/** `a.cmp(&b)` for chars (code point order; JS's `<` on strings compares UTF-16 units). */
export function char_cmp(a: string, b: string): -1 | 0 | 1 {
  const x = a.codePointAt(0) as number;
  const y = b.codePointAt(0) as number;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `b.then(|| v)` */
export function bool_then<T>(b: boolean, f: () => T): Option<T> {
  return b ? Some(f()) : None<T>();
}
/** `b.then_some(v)` */
export function bool_then_some<T>(b: boolean, v: T): Option<T> {
  return b ? Some(v) : None<T>();
}
