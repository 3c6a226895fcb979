// Rust's integers as a debug build runs them: every kind, checked arithmetic, `as` casts, methods, parse.
//
// Representation (ARCHITECTURE.md, "Runtime value representation"): a value of a kind of 32 bits or
// fewer is a JS `number`; a value of a 64- or 128-bit kind (`i64`, `u64`, `i128`, `u128`, `isize`,
// `usize`; the target is 64-bit) is a `number` while it is a safe integer and a `bigint` beyond —
// canonically, so `===` is Rust's `==` and `<` works across the two. `-0` never appears.
//
// A kind is an `IntKind` value (`INT.i32`, `INT.u64`, …) that operations take first:
//
//   [rust]     let c = a + b;             // a, b: i32, at main.rs:4:13
//   [lowered]  const c = int_add(INT.i32, a, b, "4:13");
//
// The one idea that keeps it fast: every kind carries `minN`/`maxN`, the range in which a plain JS
// number result is exact *and* in the kind's range (the kind's own range for ≤ 32 bits, the safe
// integers clipped to the kind for wider ones). The fast path is a number operation and two
// comparisons; anything else (out of range, or a bigint operand) drops to an exact `bigint`
// computation that either panics with rustc's message or returns the canonical value. For `i32`
// `int_add` is an add, a range check and a return; `i32_add(a, b, loc)` & co. are per-kind copies
// of `+ - *` whose type feedback no other kind pollutes. bench/runtime-int.mjs measures them: checked
// i32 add ≈ 1.25× plain `(a + b) | 0`, checked u64/usize add (number path) ≈ 1.4× a plain add and
// ~13× faster than BigInt arithmetic.
//
// Naming scheme (shared by all of std's modules): a method of a primitive type is a function named
// `<type>_<method>` taking the receiver first (`int_pow(k, x, e, loc)`, `int_checked_add(k, a, b)`,
// `char_is_alphanumeric(c)`, `str_len(s)`); operators are `int_add`/`int_sub`/…; casts are
// `int_cast(to, v)`, `float_to_int(to, f)`, `int_to_f64(v)`. Anything that can panic takes the
// `Loc` ("LINE:COL") of the Rust expression last and panics with exactly rustc's message.

import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { assertNever } from "./std-util.js";
import { Err, None, Ok, Some, type Option, type Result } from "./option.js";

export type Int = number | bigint;

export type IntName = "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize";

/** An integer kind. `V` is the JS type of its values: `number` for ≤ 32 bits, `Int` beyond. */
export interface IntKind<V extends Int = Int> {
  readonly name: IntName;
  readonly bits: number;
  readonly signed: boolean;
  /** More than 32 bits: values may be bigints. */
  readonly wide: boolean;
  /** Fast-path bounds: a number result in [minN, maxN] is exact and in range. */
  readonly minN: number;
  readonly maxN: number;
  readonly minB: bigint;
  readonly maxB: bigint;
  /** `i32::MIN`, `i32::MAX` as canonical values. */
  readonly MIN: V;
  readonly MAX: V;
  /** `i32::BITS` */
  readonly BITS: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_B = BigInt(MAX_SAFE);

/** The canonical value of an exact integer. */
export function norm(r: bigint): Int {
  return r >= -MAX_SAFE_B && r <= MAX_SAFE_B ? Number(r) : r;
}

export function big(a: Int): bigint {
  return typeof a === "bigint" ? a : BigInt(a);
}

function makeKind<V extends Int>(name: IntName, bits: number, sign: "signed" | "unsigned"): IntKind<V> {
  const signed = sign === "signed";
  const minB = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const maxB = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const wide = bits > 32;
  return {
    name,
    bits,
    signed,
    wide,
    minN: wide ? (signed ? -MAX_SAFE : 0) : Number(minB),
    maxN: wide ? MAX_SAFE : Number(maxB),
    minB,
    maxB,
    MIN: norm(minB) as V,
    MAX: norm(maxB) as V,
    BITS: bits,
  };
}

/** Every integer kind, by its Rust name. */
export const INT = {
  i8: makeKind<number>("i8", 8, "signed"),
  i16: makeKind<number>("i16", 16, "signed"),
  i32: makeKind<number>("i32", 32, "signed"),
  i64: makeKind<Int>("i64", 64, "signed"),
  i128: makeKind<Int>("i128", 128, "signed"),
  isize: makeKind<Int>("isize", 64, "signed"),
  u8: makeKind<number>("u8", 8, "unsigned"),
  u16: makeKind<number>("u16", 16, "unsigned"),
  u32: makeKind<number>("u32", 32, "unsigned"),
  u64: makeKind<Int>("u64", 64, "unsigned"),
  u128: makeKind<Int>("u128", 128, "unsigned"),
  usize: makeKind<Int>("usize", 64, "unsigned"),
} as const;

export type SmallIntKind = IntKind<number>;

/** The kind named `name`. */
export function int_kind(name: IntName): IntKind {
  return INT[name];
}

function fitsB(k: IntKind, r: bigint): boolean {
  return r >= k.minB && r <= k.maxB;
}

/** Two's-complement wrap of an exact value into `k`. */
function wrapB(k: IntKind, r: bigint): bigint {
  return k.signed ? BigInt.asIntN(k.bits, r) : BigInt.asUintN(k.bits, r);
}

/** Wraps any exact integer (number or bigint) into kind `k`: the `as` cast. */
export function int_cast<V extends Int>(k: IntKind<V>, v: Int): V {
  if (typeof v === "number") {
    if (v <= k.maxN && v >= k.minN) return v as V;
    if (!k.wide) return wrapSmall(k, v) as V;
  }
  return norm(wrapB(k, big(v))) as V;
}

/** Wraps an integer-valued number (exact, |v| < 2^53) into a kind of ≤ 32 bits. */
function wrapSmall(k: IntKind, v: number): number {
  switch (k.bits) {
    case 32:
      return k.signed ? v | 0 : v >>> 0;
    case 16:
      return k.signed ? (v << 16) >> 16 : v & 0xffff;
    case 8:
      return k.signed ? (v << 24) >> 24 : v & 0xff;
    default:
      return Number(wrapB(k, BigInt(v)));
  }
}

// ---------------------------------------------------------------------------------------------------
// Operators (debug build: overflow panics)

type BinOp = "add" | "sub" | "mul";

const OVERFLOW_MSG: Record<BinOp, string> = {
  add: "attempt to add with overflow",
  sub: "attempt to subtract with overflow",
  mul: "attempt to multiply with overflow",
};

function exactB(op: BinOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case "add":
      return a + b;
    case "sub":
      return a - b;
    case "mul":
      return a * b;
    default:
      return assertNever(op);
  }
}

function slowChecked(k: IntKind, op: BinOp, a: Int, b: Int, loc: Loc | undefined): Int {
  const r = exactB(op, big(a), big(b));
  if (!fitsB(k, r)) return panic(OVERFLOW_MSG[op], loc);
  return norm(r);
}

/** `a + b` */
export function int_add<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= k.maxN && r >= k.minN) return r as V;
  }
  return slowChecked(k, "add", a, b, loc) as V;
}

/** `a - b` */
export function int_sub<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= k.maxN && r >= k.minN) return r as V;
  }
  return slowChecked(k, "sub", a, b, loc) as V;
}

/** `a * b` */
export function int_mul<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= k.maxN && r >= k.minN) return (r + 0) as V; // + 0 turns -0 into 0
  }
  return slowChecked(k, "mul", a, b, loc) as V;
}

// Per-kind copies of `+ - *` for the hot path. Each is its own function (its own type feedback in V8),
// so a program mixing kinds keeps every call site monomorphic: `i32_add` is an add, two compares and
// a return (bench/runtime-int.mjs). Emitted code should prefer them to `int_add(INT.i32, …)`.

/** `a + b` for `i8` */
export function i8_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 127 || r < -128) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `i8` */
export function i8_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 127 || r < -128) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `i8` */
export function i8_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 127 || r < -128) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `i16` */
export function i16_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 32767 || r < -32768) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `i16` */
export function i16_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 32767 || r < -32768) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `i16` */
export function i16_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 32767 || r < -32768) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `i32` */
export function i32_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 2147483647 || r < -2147483648) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `i32` */
export function i32_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 2147483647 || r < -2147483648) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `i32` */
export function i32_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 2147483647 || r < -2147483648) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `u8` */
export function u8_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 255 || r < 0) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `u8` */
export function u8_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 255 || r < 0) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `u8` */
export function u8_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 255 || r < 0) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `u16` */
export function u16_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 65535 || r < 0) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `u16` */
export function u16_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 65535 || r < 0) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `u16` */
export function u16_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 65535 || r < 0) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `u32` */
export function u32_add(a: number, b: number, loc?: Loc): number {
  const r = a + b;
  if (r > 4294967295 || r < 0) return panic(OVERFLOW_MSG.add, loc);
  return r;
}

/** `a - b` for `u32` */
export function u32_sub(a: number, b: number, loc?: Loc): number {
  const r = a - b;
  if (r > 4294967295 || r < 0) return panic(OVERFLOW_MSG.sub, loc);
  return r;
}

/** `a * b` for `u32` */
export function u32_mul(a: number, b: number, loc?: Loc): number {
  const r = a * b;
  if (r > 4294967295 || r < 0) return panic(OVERFLOW_MSG.mul, loc);
  return r + 0;
}

/** `a + b` for `i64` (number fast path, exact bigint beyond 2^53) */
export function i64_add(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r;
  }
  return slowChecked(INT.i64, "add", a, b, loc);
}

/** `a - b` for `i64` (number fast path, exact bigint beyond 2^53) */
export function i64_sub(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r;
  }
  return slowChecked(INT.i64, "sub", a, b, loc);
}

/** `a * b` for `i64` (number fast path, exact bigint beyond 2^53) */
export function i64_mul(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r + 0;
  }
  return slowChecked(INT.i64, "mul", a, b, loc);
}

/** `a + b` for `isize` (number fast path, exact bigint beyond 2^53) */
export function isize_add(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r;
  }
  return slowChecked(INT.isize, "add", a, b, loc);
}

/** `a - b` for `isize` (number fast path, exact bigint beyond 2^53) */
export function isize_sub(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r;
  }
  return slowChecked(INT.isize, "sub", a, b, loc);
}

/** `a * b` for `isize` (number fast path, exact bigint beyond 2^53) */
export function isize_mul(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= 9007199254740991 && r >= -9007199254740991) return r + 0;
  }
  return slowChecked(INT.isize, "mul", a, b, loc);
}

/** `a + b` for `u64` (number fast path, exact bigint beyond 2^53) */
export function u64_add(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= 9007199254740991 && r >= 0) return r;
  }
  return slowChecked(INT.u64, "add", a, b, loc);
}

/** `a - b` for `u64` (number fast path, exact bigint beyond 2^53) */
export function u64_sub(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= 9007199254740991 && r >= 0) return r;
  }
  return slowChecked(INT.u64, "sub", a, b, loc);
}

/** `a * b` for `u64` (number fast path, exact bigint beyond 2^53) */
export function u64_mul(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= 9007199254740991 && r >= 0) return r + 0;
  }
  return slowChecked(INT.u64, "mul", a, b, loc);
}

/** `a + b` for `usize` (number fast path, exact bigint beyond 2^53) */
export function usize_add(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= 9007199254740991 && r >= 0) return r;
  }
  return slowChecked(INT.usize, "add", a, b, loc);
}

/** `a - b` for `usize` (number fast path, exact bigint beyond 2^53) */
export function usize_sub(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= 9007199254740991 && r >= 0) return r;
  }
  return slowChecked(INT.usize, "sub", a, b, loc);
}

/** `a * b` for `usize` (number fast path, exact bigint beyond 2^53) */
export function usize_mul(a: Int, b: Int, loc?: Loc): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= 9007199254740991 && r >= 0) return r + 0;
  }
  return slowChecked(INT.usize, "mul", a, b, loc);
}

/** `a / b` (truncating) */
export function int_div<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (b === 0) return panic("attempt to divide by zero", loc);
  if (k.signed && b === -1 && a === k.MIN) return panic("attempt to divide with overflow", loc);
  if (typeof a === "number" && typeof b === "number") {
    const r = a % b;
    return ((a - r) / b + 0) as V;
  }
  return norm(big(a) / big(b)) as V;
}

/** `a % b` (sign of the dividend) */
export function int_rem<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (b === 0) return panic("attempt to calculate the remainder with a divisor of zero", loc);
  if (k.signed && b === -1 && a === k.MIN) return panic("attempt to calculate the remainder with overflow", loc);
  if (typeof a === "number" && typeof b === "number") return ((a % b) + 0) as V;
  return norm(big(a) % big(b)) as V;
}

/** `-a` (signed kinds) */
export function int_neg<V extends Int>(k: IntKind<V>, a: V, loc?: Loc): V {
  if (a === k.MIN) return panic("attempt to negate with overflow", loc);
  if (typeof a === "number") return (0 - a) as V;
  return norm(-big(a)) as V;
}

function shiftAmount(k: IntKind, s: Int, what: "left" | "right", loc: Loc | undefined): number {
  if (typeof s === "bigint" || s < 0 || s >= k.bits) return panic(`attempt to shift ${what} with overflow`, loc);
  return s;
}

/** `a << s` (any integer kind on the right; panics when `s >= BITS`) */
export function int_shl<V extends Int>(k: IntKind<V>, a: V, s: Int, loc?: Loc): V {
  return shlWrapped(k, a, shiftAmount(k, s, "left", loc));
}

function shlWrapped<V extends Int>(k: IntKind<V>, a: V, s: number): V {
  if (!k.wide) return wrapSmall(k, (a as number) << s) as V;
  return norm(wrapB(k, big(a) << BigInt(s))) as V;
}

/** `a >> s` (arithmetic for signed kinds, logical for unsigned) */
export function int_shr<V extends Int>(k: IntKind<V>, a: V, s: Int, loc?: Loc): V {
  return shrWrapped(k, a, shiftAmount(k, s, "right", loc));
}

function shrWrapped<V extends Int>(k: IntKind<V>, a: V, s: number): V {
  if (typeof a === "number") {
    if (!k.wide) return (k.signed ? a >> s : a >>> s) as V;
    return (Math.floor(a / 2 ** s) + 0) as V;
  }
  return norm(big(a) >> BigInt(s)) as V;
}

/** `a & b` */
export function int_and<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    if (!k.wide) return (k.bits === 32 && !k.signed ? (a & b) >>> 0 : a & b) as V;
    if (a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return (a & b) as V;
  }
  return norm(big(a) & big(b)) as V;
}

/** `a | b` */
export function int_or<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    if (!k.wide) return (k.bits === 32 && !k.signed ? (a | b) >>> 0 : a | b) as V;
    if (a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return (a | b) as V;
  }
  return norm(big(a) | big(b)) as V;
}

/** `a ^ b` */
export function int_xor<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    if (!k.wide) return (k.bits === 32 && !k.signed ? (a ^ b) >>> 0 : a ^ b) as V;
    if (a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return (a ^ b) as V;
  }
  return norm(big(a) ^ big(b)) as V;
}

/** `!a` (bitwise not) */
export function int_not<V extends Int>(k: IntKind<V>, a: V): V {
  if (typeof a === "number" && !k.wide) return wrapSmall(k, ~a) as V;
  return norm(wrapB(k, ~big(a))) as V;
}

/** `a.cmp(&b)` as -1 / 0 / 1 (works across number and bigint). */
export function int_cmp(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Casts between integers, floats, bool and char

/** `f as i32` etc.: truncates toward zero, saturates at the kind's bounds, NaN is 0. */
export function float_to_int<V extends Int>(k: IntKind<V>, f: number): V {
  if (f !== f) return 0 as V;
  const t = Math.trunc(f) + 0;
  if (t <= k.maxN && t >= k.minN) return t as V;
  if (t > 0) {
    if (t === Infinity) return k.MAX;
    const b = BigInt(t);
    return (b > k.maxB ? k.MAX : norm(b)) as V;
  }
  if (t === -Infinity) return k.MIN;
  const b = BigInt(t);
  return (b < k.minB ? k.MIN : norm(b)) as V;
}

/** `i as f64` (correctly rounded) */
export function int_to_f64(v: Int): number {
  return Number(v);
}

/** `i as f32`, rounded once to nearest-even like rustc (a detour through f64 could round twice). */
export function int_to_f32(v: Int): number {
  if (typeof v === "number") return Math.fround(v); // |v| < 2^53: exact in f64, one rounding to f32
  const neg = v < 0n;
  let m = neg ? -v : v;
  const bits = m.toString(2).length;
  if (bits > 24) {
    // Keep 24 significant bits, rounding the dropped ones half to even, exactly.
    const drop = BigInt(bits - 24);
    const rest = m & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    m >>= drop;
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
    m <<= drop;
  }
  const r = Math.fround(Number(m)); // exact in f64 (≤ 25 significant bits); ≥ 2^128 becomes inf
  return neg ? -r : r;
}

/** `b as u8` etc. */
export function bool_to_int(b: boolean): number {
  return b ? 1 : 0;
}

/** `c as u32` etc. (truncating for narrower kinds, like rustc) */
export function char_to_int<V extends Int>(k: IntKind<V>, c: string): V {
  return int_cast(k, c.codePointAt(0) as number);
}

/** `b as char` (only `u8 as char` is allowed by rustc) */
export function u8_to_char(b: number): string {
  return String.fromCharCode(b);
}

// ---------------------------------------------------------------------------------------------------
// Methods

function isZero(v: Int): boolean {
  return v === 0;
}

/** `x.pow(e)`; panics `attempt to multiply with overflow` like the debug build. */
export function int_pow<V extends Int>(k: IntKind<V>, x: V, e: number, loc?: Loc): V {
  const r = powExact(x, e);
  if (r === undefined || !fitsB(k, r)) return panic("attempt to multiply with overflow", loc);
  return norm(r) as V;
}

/** The exact power, or undefined when it is certainly beyond 128 bits. */
function powExact(x: Int, e: number): bigint | undefined {
  const b = big(x);
  if (b === 0n) return e === 0 ? 1n : 0n;
  if (b === 1n) return 1n;
  if (b === -1n) return e % 2 === 0 ? 1n : -1n;
  if (e > 130) return undefined;
  return b ** BigInt(e);
}

export function int_wrapping_add<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= k.maxN && r >= k.minN) return r as V;
    if (!k.wide) return wrapSmall(k, r) as V;
  }
  return norm(wrapB(k, big(a) + big(b))) as V;
}

export function int_wrapping_sub<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= k.maxN && r >= k.minN) return r as V;
    if (!k.wide) return wrapSmall(k, r) as V;
  }
  return norm(wrapB(k, big(a) - big(b))) as V;
}

export function int_wrapping_mul<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  if (typeof a === "number" && typeof b === "number") {
    if (k.bits === 32) return (k.signed ? Math.imul(a, b) : Math.imul(a, b) >>> 0) as V;
    const r = a * b + 0;
    if (r <= k.maxN && r >= k.minN) return r as V;
    if (!k.wide) return wrapSmall(k, r) as V;
  }
  return norm(wrapB(k, big(a) * big(b))) as V;
}

export function int_wrapping_neg<V extends Int>(k: IntKind<V>, a: V): V {
  return norm(wrapB(k, -big(a))) as V;
}

export function int_wrapping_div<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (k.signed && b === -1 && a === k.MIN) return k.MIN;
  return int_div(k, a, b, loc);
}

export function int_wrapping_rem<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  if (k.signed && b === -1 && a === k.MIN) return 0 as V;
  return int_rem(k, a, b, loc);
}

export function int_wrapping_shl<V extends Int>(k: IntKind<V>, a: V, s: number): V {
  return shlWrapped(k, a, s & (k.bits - 1));
}

export function int_wrapping_shr<V extends Int>(k: IntKind<V>, a: V, s: number): V {
  return shrWrapped(k, a, s & (k.bits - 1));
}

export function int_wrapping_pow<V extends Int>(k: IntKind<V>, x: V, e: number): V {
  let r = 1n;
  let b = big(x);
  let n = e;
  while (n > 0) {
    if (n & 1) r = wrapB(k, r * b);
    b = wrapB(k, b * b);
    n = Math.floor(n / 2);
  }
  return norm(wrapB(k, r)) as V;
}

export function int_wrapping_abs<V extends Int>(k: IntKind<V>, a: V): V {
  return a < 0 ? int_wrapping_neg(k, a) : a;
}

function checked(k: IntKind, r: bigint | undefined): Option<Int> {
  return r !== undefined && fitsB(k, r) ? Some(norm(r)) : None<Int>();
}

export function int_checked_add<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  return checked(k, big(a) + big(b)) as Option<V>;
}
export function int_checked_sub<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  return checked(k, big(a) - big(b)) as Option<V>;
}
export function int_checked_mul<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  return checked(k, big(a) * big(b)) as Option<V>;
}
export function int_checked_div<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  if (isZero(b) || (k.signed && b === -1 && a === k.MIN)) return None<V>();
  return Some(int_div(k, a, b));
}
export function int_checked_rem<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  if (isZero(b) || (k.signed && b === -1 && a === k.MIN)) return None<V>();
  return Some(int_rem(k, a, b));
}
export function int_checked_neg<V extends Int>(k: IntKind<V>, a: V): Option<V> {
  return checked(k, -big(a)) as Option<V>;
}
export function int_checked_abs<V extends Int>(k: IntKind<V>, a: V): Option<V> {
  return checked(k, a < 0 ? -big(a) : big(a)) as Option<V>;
}
export function int_checked_pow<V extends Int>(k: IntKind<V>, x: V, e: number): Option<V> {
  return checked(k, powExact(x, e)) as Option<V>;
}
export function int_checked_shl<V extends Int>(k: IntKind<V>, a: V, s: number): Option<V> {
  return s >= 0 && s < k.bits ? Some(shlWrapped(k, a, s)) : None<V>();
}
export function int_checked_shr<V extends Int>(k: IntKind<V>, a: V, s: number): Option<V> {
  return s >= 0 && s < k.bits ? Some(shrWrapped(k, a, s)) : None<V>();
}
export function int_checked_rem_euclid<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  if (isZero(b) || (k.signed && b === -1 && a === k.MIN)) return None<V>();
  return Some(int_rem_euclid(k, a, b));
}
export function int_checked_div_euclid<V extends Int>(k: IntKind<V>, a: V, b: V): Option<V> {
  if (isZero(b) || (k.signed && b === -1 && a === k.MIN)) return None<V>();
  return Some(int_div_euclid(k, a, b));
}

function saturate(k: IntKind, r: bigint): Int {
  return r > k.maxB ? k.MAX : r < k.minB ? k.MIN : norm(r);
}

export function int_saturating_add<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  return saturate(k, big(a) + big(b)) as V;
}
export function int_saturating_sub<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  return saturate(k, big(a) - big(b)) as V;
}
export function int_saturating_mul<V extends Int>(k: IntKind<V>, a: V, b: V): V {
  return saturate(k, big(a) * big(b)) as V;
}
export function int_saturating_pow<V extends Int>(k: IntKind<V>, x: V, e: number): V {
  const r = powExact(x, e);
  if (r !== undefined) return saturate(k, r) as V;
  return (x < 0 && e % 2 === 1 ? k.MIN : k.MAX) as V;
}
export function int_saturating_neg<V extends Int>(k: IntKind<V>, a: V): V {
  return saturate(k, -big(a)) as V;
}
export function int_saturating_abs<V extends Int>(k: IntKind<V>, a: V): V {
  return saturate(k, a < 0 ? -big(a) : big(a)) as V;
}

function overflowing(k: IntKind, r: bigint): [Int, boolean] {
  return [norm(wrapB(k, r)), !fitsB(k, r)];
}

export function int_overflowing_add<V extends Int>(k: IntKind<V>, a: V, b: V): [V, boolean] {
  return overflowing(k, big(a) + big(b)) as [V, boolean];
}
export function int_overflowing_sub<V extends Int>(k: IntKind<V>, a: V, b: V): [V, boolean] {
  return overflowing(k, big(a) - big(b)) as [V, boolean];
}
export function int_overflowing_mul<V extends Int>(k: IntKind<V>, a: V, b: V): [V, boolean] {
  return overflowing(k, big(a) * big(b)) as [V, boolean];
}
export function int_overflowing_neg<V extends Int>(k: IntKind<V>, a: V): [V, boolean] {
  return overflowing(k, -big(a)) as [V, boolean];
}
export function int_overflowing_pow<V extends Int>(k: IntKind<V>, x: V, e: number): [V, boolean] {
  const w = int_wrapping_pow(k, x, e);
  const r = powExact(x, e);
  return [w, r === undefined || !fitsB(k, r)];
}

/** `x.abs()`; panics `attempt to negate with overflow` on `MIN`. */
export function int_abs<V extends Int>(k: IntKind<V>, a: V, loc?: Loc): V {
  return a < 0 ? int_neg(k, a, loc) : a;
}

/** `x.unsigned_abs()`: into the unsigned kind of the same width. */
export function int_unsigned_abs(a: Int): Int {
  return a < 0 ? norm(-big(a)) : a;
}

/** `a.abs_diff(b)`: into the unsigned kind of the same width. */
export function int_abs_diff(a: Int, b: Int): Int {
  return norm(a > b ? big(a) - big(b) : big(b) - big(a));
}

export function int_signum<V extends Int>(a: V): V {
  return (a > 0 ? 1 : a < 0 ? -1 : 0) as V;
}

export function int_is_positive(a: Int): boolean {
  return a > 0;
}

export function int_is_negative(a: Int): boolean {
  return a < 0;
}

export function int_min<V extends Int>(a: V, b: V): V {
  return b < a ? b : a;
}

export function int_max<V extends Int>(a: V, b: V): V {
  return b >= a ? b : a;
}

/** `x.clamp(lo, hi)`; panics `min > max. min = 3, max = 1` when `lo > hi`, like rustc. */
export function int_clamp<V extends Int>(x: V, lo: V, hi: V, loc?: Loc): V {
  if (lo > hi) return panic(`min > max. min = ${lo}, max = ${hi}`, loc);
  return x < lo ? lo : x > hi ? hi : x;
}

/** `a.rem_euclid(b)`: the least non-negative remainder. */
export function int_rem_euclid<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  const r = int_rem(k, a, b, loc);
  if (r >= 0) return r;
  return (b < 0 ? int_sub(k, r, b) : int_add(k, r, b)) as V;
}

/** `a.div_euclid(b)` */
export function int_div_euclid<V extends Int>(k: IntKind<V>, a: V, b: V, loc?: Loc): V {
  const q = int_div(k, a, b, loc);
  if (int_rem(k, a, b, loc) >= 0) return q;
  return norm(b > 0 ? big(q) - 1n : big(q) + 1n) as V;
}

// u8's ASCII methods (`b.is_ascii_uppercase()`, `b.to_ascii_lowercase()`), on the byte's value.
const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
const isLower = (b: number) => b >= 0x61 && b <= 0x7a;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
export const int_is_ascii = (b: number): boolean => b < 0x80;
export const int_is_ascii_digit = isDigit;
export const int_is_ascii_hexdigit = (b: number): boolean => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
export const int_is_ascii_alphabetic = (b: number): boolean => isUpper(b) || isLower(b);
export const int_is_ascii_alphanumeric = (b: number): boolean => isUpper(b) || isLower(b) || isDigit(b);
export const int_is_ascii_uppercase = isUpper;
export const int_is_ascii_lowercase = isLower;
export const int_is_ascii_punctuation = (b: number): boolean => (b >= 0x21 && b <= 0x2f) || (b >= 0x3a && b <= 0x40) || (b >= 0x5b && b <= 0x60) || (b >= 0x7b && b <= 0x7e);
export const int_is_ascii_whitespace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;
export const int_is_ascii_graphic = (b: number): boolean => b >= 0x21 && b <= 0x7e;
export const int_is_ascii_control = (b: number): boolean => b < 0x20 || b === 0x7f;
export const int_to_ascii_uppercase = (b: number): number => (isLower(b) ? b - 0x20 : b);
export const int_to_ascii_lowercase = (b: number): number => (isUpper(b) ? b + 0x20 : b);
/** `a.eq_ignore_ascii_case(&b)`: `b` is a `&u8`, a value or a pointer to it. */
export function int_eq_ignore_ascii_case(a: number, b: number | { get(): number }): boolean {
  const v = typeof b === "number" ? b : b.get();
  return int_to_ascii_lowercase(a) === int_to_ascii_lowercase(v);
}

export function int_is_power_of_two(a: Int): boolean {
  if (typeof a === "number" && a <= 0xffffffff) return a > 0 && (a & (a - 1)) === 0;
  const b = big(a);
  return b > 0n && (b & (b - 1n)) === 0n;
}

export function int_next_power_of_two<V extends Int>(k: IntKind<V>, a: V, loc?: Loc): V {
  let p = 1n;
  const b = big(a);
  while (p < b) p <<= 1n;
  if (!fitsB(k, p)) return panic("attempt to add with overflow", loc);
  return norm(p) as V;
}

/** The `bits`-bit two's-complement pattern of `a`, as an unsigned bigint. */
function pattern(k: IntKind, a: Int): bigint {
  return BigInt.asUintN(k.bits, big(a));
}

export function int_count_ones(k: IntKind, a: Int): number {
  if (typeof a === "number" && !k.wide) {
    let v = (a & (k.bits === 32 ? -1 : (1 << k.bits) - 1)) >>> 0;
    let n = 0;
    while (v) {
      v &= v - 1;
      n++;
    }
    return n;
  }
  let v = pattern(k, a);
  let n = 0;
  while (v) {
    v &= v - 1n;
    n++;
  }
  return n;
}

export function int_count_zeros(k: IntKind, a: Int): number {
  return k.bits - int_count_ones(k, a);
}

export function int_leading_zeros(k: IntKind, a: Int): number {
  const p = pattern(k, a);
  return p === 0n ? k.bits : k.bits - p.toString(2).length;
}

export function int_leading_ones(k: IntKind, a: Int): number {
  return int_leading_zeros(k, int_not(k, a));
}

export function int_trailing_zeros(k: IntKind, a: Int): number {
  let p = pattern(k, a);
  if (p === 0n) return k.bits;
  let n = 0;
  while ((p & 1n) === 0n) {
    p >>= 1n;
    n++;
  }
  return n;
}

export function int_trailing_ones(k: IntKind, a: Int): number {
  return int_trailing_zeros(k, int_not(k, a));
}

export function int_rotate_left<V extends Int>(k: IntKind<V>, a: V, n: number): V {
  const s = BigInt(n % k.bits);
  const p = pattern(k, a);
  const bits = BigInt(k.bits);
  return norm(wrapB(k, BigInt.asUintN(k.bits, (p << s) | (p >> ((bits - s) % bits))))) as V;
}

export function int_rotate_right<V extends Int>(k: IntKind<V>, a: V, n: number): V {
  return int_rotate_left(k, a, (k.bits - (n % k.bits)) % k.bits);
}

export function int_swap_bytes<V extends Int>(k: IntKind<V>, a: V): V {
  let p = pattern(k, a);
  let r = 0n;
  for (let i = 0; i < k.bits / 8; i++) {
    r = (r << 8n) | (p & 0xffn);
    p >>= 8n;
  }
  return norm(wrapB(k, r)) as V;
}

export function int_reverse_bits<V extends Int>(k: IntKind<V>, a: V): V {
  const s = pattern(k, a).toString(2).padStart(k.bits, "0");
  return norm(wrapB(k, BigInt("0b" + [...s].reverse().join("")))) as V;
}

/** `x.isqrt()`; panics for negative values like rustc. */
export function int_isqrt<V extends Int>(a: V, loc?: Loc): V {
  if (a < 0) return panic("argument of integer square root cannot be negative", loc);
  const b = big(a);
  if (b < 2n) return a;
  let x = BigInt(Math.floor(Math.sqrt(Number(b))));
  while (x * x > b) x--;
  while ((x + 1n) * (x + 1n) <= b) x++;
  return norm(x) as V;
}

/** `x.ilog2()`; panics for values ≤ 0. */
export function int_ilog2(a: Int, loc?: Loc): number {
  if (a <= 0) return panic("argument of integer logarithm must be positive", loc);
  return big(a).toString(2).length - 1;
}

/** `x.ilog10()`; panics for values ≤ 0. */
export function int_ilog10(a: Int, loc?: Loc): number {
  if (a <= 0) return panic("argument of integer logarithm must be positive", loc);
  return big(a).toString().length - 1;
}

/** `x.ilog(base)` */
export function int_ilog(a: Int, base: Int, loc?: Loc): number {
  if (a <= 0) return panic("argument of integer logarithm must be positive", loc);
  if (base < 2) return panic("base of integer logarithm must be at least 2", loc);
  let n = 0;
  let v = big(a);
  const b = big(base);
  while (v >= b) {
    v /= b;
    n++;
  }
  return n;
}

/** `std::num::TryFromIntError`: Debug `TryFromIntError(())`. */
export class TryFromIntError {
  description(): string {
    return "out of range integral type conversion attempted";
  }
  debugText(): string {
    return "TryFromIntError(())";
  }
}

/** `u8::try_from(x)` / `x.try_into()` between integer kinds: `Err` when the value does not fit. */
export function int_try_from<V extends Int>(k: IntKind<V>, v: Int): Result<V, TryFromIntError> {
  if (typeof v === "number" ? v >= k.minN && v <= k.maxN : v >= k.minB && v <= k.maxB) return Ok<V, TryFromIntError>(v as V);
  if (typeof v === "number" && !k.wide) return Err<V, TryFromIntError>(new TryFromIntError());
  return fitsB(k, big(v)) ? Ok<V, TryFromIntError>(norm(big(v)) as V) : Err<V, TryFromIntError>(new TryFromIntError());
}

/** `char::try_from(u)` for a u32: `Err(CharTryFromError(()))` for surrogates and past U+10FFFF. */
export function char_try_from_u32(u: number): Result<string, CharTryFromError> {
  if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff) || u < 0) return Err<string, CharTryFromError>(new CharTryFromError());
  return Ok<string, CharTryFromError>(String.fromCodePoint(u));
}

export class CharTryFromError {
  description(): string {
    return "converted integer out of range for `char`";
  }
  debugText(): string {
    return "CharTryFromError(())";
  }
}

// ---------------------------------------------------------------------------------------------------
// Parsing: `s.parse::<i32>()` and `i32::from_str_radix(s, radix)`

/** `std::num::IntErrorKind`, variants in declaration order. */
export enum IntErrorKind {
  Empty = 0,
  InvalidDigit = 1,
  PosOverflow = 2,
  NegOverflow = 3,
  Zero = 4,
}

export const INT_ERROR_KIND_NAMES = ["Empty", "InvalidDigit", "PosOverflow", "NegOverflow", "Zero"] as const;

/** `std::num::ParseIntError`: Debug `ParseIntError { kind: InvalidDigit }`, Display the description. */
export class ParseIntError {
  constructor(readonly kind_: IntErrorKind) {}

  /** `e.kind()` */
  kind(): IntErrorKind {
    return this.kind_;
  }

  description(): string {
    switch (this.kind_) {
      case IntErrorKind.Empty:
        return "cannot parse integer from empty string";
      case IntErrorKind.InvalidDigit:
        return "invalid digit found in string";
      case IntErrorKind.PosOverflow:
        return "number too large to fit in target type";
      case IntErrorKind.NegOverflow:
        return "number too small to fit in target type";
      case IntErrorKind.Zero:
        return "number would be zero for non-zero type";
      default:
        return assertNever(this.kind_);
    }
  }

  debugText(): string {
    return `ParseIntError { kind: ${INT_ERROR_KIND_NAMES[this.kind_]} }`;
  }
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** `i32::from_str_radix(s, radix)`; panics for a radix outside 2..=36 like rustc. */
export function int_from_str_radix<V extends Int>(k: IntKind<V>, s: string, radix: number, loc?: Loc): Result<V, ParseIntError> {
  if (radix < 2 || radix > 36) {
    return panic(`from_ascii_radix: radix must lie in the range \`[2, 36]\` - found ${radix}`, loc);
  }
  const fail = (e: IntErrorKind) => Err<V, ParseIntError>(new ParseIntError(e));
  if (s.length === 0) return fail(IntErrorKind.Empty);
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 /* + */ || c0 === 45 /* - */) {
    if (s.length === 1) return fail(IntErrorKind.InvalidDigit);
    if (c0 === 45) {
      if (!k.signed) return fail(IntErrorKind.InvalidDigit);
      neg = true;
    }
    i = 1;
  }
  // Digits accumulate as a number while exact, then as a bigint. Like rustc, overflow is reported as
  // soon as the value so far is out of range, even if an invalid digit follows.
  const limit = neg ? -k.minB : k.maxB;
  const limitN = Number(limit);
  const bigR = BigInt(radix);
  let accN = 0;
  let acc = 0n;
  let isBig = false;
  const overflow = () => fail(neg ? IntErrorKind.NegOverflow : IntErrorKind.PosOverflow);
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= radix) return fail(IntErrorKind.InvalidDigit);
    if (!isBig) {
      const next = accN * radix + d;
      if (next <= MAX_SAFE) {
        accN = next;
        if (accN > limitN) return overflow();
        continue;
      }
      isBig = true;
      acc = BigInt(accN) * bigR + BigInt(d);
    } else acc = acc * bigR + BigInt(d);
    if (acc > limit) return overflow();
  }
  const r = neg ? -(isBig ? acc : BigInt(accN)) : isBig ? acc : BigInt(accN);
  return Ok<V, ParseIntError>(norm(r) as V);
}

/** `s.parse::<i32>()` */
export function int_parse<V extends Int>(k: IntKind<V>, s: string): Result<V, ParseIntError> {
  return int_from_str_radix(k, s, 10);
}
