// `f32` and `f64`: arithmetic, methods, casts and parsing.
//
// Both are JS numbers. An `f64` operation is the JS operation. An `f32` value is a number that is
// exactly an f32 (`Math.fround(v) === v`), and every f32 operation rounds its result with
// `Math.fround`: for `+ - * /` and `sqrt`, computing in f64 and rounding once to f32 gives the
// correctly rounded f32 result (f64 has more than twice f32's precision), which is what rustc does.
//
//   [rust]     let y = x * 1.5f32 + 0.1;      // x: f32
//   [lowered]  const y = f32_add(f32_mul(x, 1.5), f32(0.1));
//
// Naming: `f32_<op>` / `f64_<op>` for operators and methods where the two differ (`f32_sqrt`), a
// shared `float_<method>` where they do not (`float_is_nan`, `float_abs`); casts are `f64_to_f32`,
// `float_to_int` (int.ts), `int_to_f64` (int.ts). Formatting lives in fmt.ts.
//
// Transcendental functions follow glibc (std-libm.ts): correctly rounded where glibc's are, glibc's
// own algorithm where not; what remains different is the ~0.1% of inputs where glibc itself
// misrounds (see F64_UNARY). `powi` follows
// compiler-rt's `__powidf2` (repeated squaring), as a debug rustc binary does.

import { None, Some, Err, Ok, type Option, type Result } from "./option.js";
import { big, norm, type Int } from "./int.js";
import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Formatter, StringSink, fmt_float_debug, type FloatKind } from "./fmt.js";
import {
  libm_acos,
  libm_asin,
  libm_atan,
  libm_atan2,
  libm_cbrt,
  libm_hypot,
  libm_cos,
  libm_cosh,
  libm_exp,
  libm_ln,
  libm_log10,
  libm_log2,
  libm_pow,
  libm_sin,
  libm_sinh,
  libm_tan,
} from "./std-libm.js";

export const f32 = Math.fround;

export function f32_add(a: number, b: number): number {
  return Math.fround(a + b);
}
export function f32_sub(a: number, b: number): number {
  return Math.fround(a - b);
}
export function f32_mul(a: number, b: number): number {
  return Math.fround(a * b);
}
export function f32_div(a: number, b: number): number {
  return Math.fround(a / b);
}
/** `a % b` for floats: the remainder with the sign of the dividend (`fmod`), exact. */
export function float_rem(a: number, b: number): number {
  return a % b;
}
export function f32_rem(a: number, b: number): number {
  return Math.fround(a % b);
}

/** `x as f32` from an f64 */
export function f64_to_f32(x: number): number {
  return Math.fround(x);
}

// Constants (`f64::EPSILON`, …)
export const F64 = {
  EPSILON: Number.EPSILON,
  MAX: Number.MAX_VALUE,
  MIN: -Number.MAX_VALUE,
  MIN_POSITIVE: 2.2250738585072014e-308,
  INFINITY: Infinity,
  NEG_INFINITY: -Infinity,
  NAN: NaN,
  MANTISSA_DIGITS: 53,
  DIGITS: 15,
  RADIX: 2,
} as const;
export const F32 = {
  EPSILON: 1.1920928955078125e-7,
  MAX: 3.4028234663852886e38,
  MIN: -3.4028234663852886e38,
  MIN_POSITIVE: 1.1754943508222875e-38,
  INFINITY: Infinity,
  NEG_INFINITY: -Infinity,
  NAN: NaN,
  MANTISSA_DIGITS: 24,
  DIGITS: 6,
  RADIX: 2,
} as const;
export const FLOAT_CONSTS = {
  PI: Math.PI,
  E: Math.E,
  TAU: 2 * Math.PI,
  SQRT_2: Math.SQRT2,
  LN_2: Math.LN2,
  LN_10: Math.LN10,
  FRAC_PI_2: Math.PI / 2,
  FRAC_PI_4: Math.PI / 4,
  FRAC_1_SQRT_2: Math.SQRT1_2,
  LOG2_E: Math.LOG2E,
  LOG10_E: Math.LOG10E,
} as const;

// ---------------------------------------------------------------------------------------------------
// Methods shared by f32 and f64 (exact in both: the result of an f32 input is an f32)

export function float_abs(x: number): number {
  return Math.abs(x);
}
export function float_floor(x: number): number {
  return Math.floor(x);
}
export function float_ceil(x: number): number {
  return Math.ceil(x);
}
export function float_trunc(x: number): number {
  return Math.trunc(x);
}
/** `x.round()`: half away from zero (JS's `Math.round` goes half up). */
export function float_round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
/** `x.round_ties_even()` */
export function float_round_ties_even(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
export function float_fract(x: number): number {
  return x - Math.trunc(x);
}
/** `x.signum()`: 1.0 for +0.0 and positives, -1.0 for -0.0 and negatives, NaN for NaN. */
export function float_signum(x: number): number {
  if (x !== x) return NaN;
  return x > 0 || Object.is(x, 0) ? 1 : -1;
}
export function float_is_nan(x: number): boolean {
  return x !== x;
}
export function float_is_infinite(x: number): boolean {
  return x === Infinity || x === -Infinity;
}
export function float_is_finite(x: number): boolean {
  return Number.isFinite(x);
}
export function float_is_sign_positive(x: number): boolean {
  return x > 0 || Object.is(x, 0) || (x !== x && !signBit(x));
}
export function float_is_sign_negative(x: number): boolean {
  return x < 0 || Object.is(x, -0) || (x !== x && signBit(x));
}
/** `x.is_normal()` for f64 */
export function f64_is_normal(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) >= F64.MIN_POSITIVE;
}
export function f32_is_normal(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) >= F32.MIN_POSITIVE;
}
/** `a.min(b)`: if one is NaN, the other. */
export function float_min(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return b < a ? b : a;
}
/** `a.max(b)`: if one is NaN, the other. */
export function float_max(a: number, b: number): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return b > a ? b : a;
}
/** `x.clamp(lo, hi)`; panics like rustc when `lo > hi` or either is NaN. */
export function float_clamp(x: number, lo: number, hi: number, loc?: Loc, kind: FloatKind = "f64"): number {
  if (!(lo <= hi)) {
    const d = (v: number) => {
      const sink = new StringSink();
      fmt_float_debug(v, kind, new Formatter(sink));
      return sink.text();
    };
    return panic(`min > max, or either was NaN. min = ${d(lo)}, max = ${d(hi)}`, loc);
  }
  if (x < lo) return lo;
  if (x > hi) return hi;
  return x;
}
export function float_copysign(x: number, s: number): number {
  const neg = s < 0 || Object.is(s, -0) || (s !== s && signBit(s));
  return neg ? -Math.abs(x) : Math.abs(x);
}
/** `a.partial_cmp(&b)` as -1/0/1, or None with a NaN. */
export function float_partial_cmp(a: number, b: number): Option<-1 | 0 | 1> {
  if (a !== a || b !== b) return None();
  return Some(a < b ? -1 : a > b ? 1 : 0);
}
/** `a.total_cmp(&b)`: IEEE total order (-NaN < -inf < … < -0 < +0 < … < inf < NaN). */
export function float_total_cmp(a: number, b: number): -1 | 0 | 1 {
  const ka = totalKey(a);
  const kb = totalKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
function totalKey(x: number): bigint {
  const bits = f64BitsB(x);
  return bits >> 63n ? -(bits & 0x7fffffffffffffffn) - 1n : bits;
}

const scratch = new DataView(new ArrayBuffer(8));

function signBit(x: number): boolean {
  scratch.setFloat64(0, x);
  return (scratch.getUint8(0) & 0x80) !== 0;
}

function f64BitsB(x: number): bigint {
  scratch.setFloat64(0, x);
  return scratch.getBigUint64(0);
}

/** `x.to_bits()` for f64: a u64 (canonical Int). */
export function f64_to_bits(x: number): Int {
  return norm(f64BitsB(x));
}
export function f64_from_bits(b: Int): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, big(b)));
  return scratch.getFloat64(0);
}
/** `x.to_bits()` for f32: a u32. */
export function f32_to_bits(x: number): number {
  scratch.setFloat32(0, x);
  return scratch.getUint32(0);
}
export function f32_from_bits(b: number): number {
  scratch.setUint32(0, b >>> 0);
  return scratch.getFloat32(0);
}

// ---------------------------------------------------------------------------------------------------
// Methods that round differently for f32

export function f64_sqrt(x: number): number {
  return Math.sqrt(x);
}
export function f32_sqrt(x: number): number {
  return Math.fround(Math.sqrt(x));
}
/** `x.powi(n)` as compiler-rt's `__powidf2`: repeated squaring in f64. */
export function f64_powi(a: number, n: number): number {
  const recip = n < 0;
  let b = Math.abs(n);
  let r = 1;
  let x = a;
  for (;;) {
    if (b & 1) r *= x;
    b = Math.floor(b / 2);
    if (b === 0) break;
    x *= x;
  }
  return recip ? 1 / r : r;
}
/** `x.powi(n)` as compiler-rt's `__powisf2`: repeated squaring in f32. */
export function f32_powi(a: number, n: number): number {
  const recip = n < 0;
  let b = Math.abs(n);
  let r = 1;
  let x = a;
  for (;;) {
    if (b & 1) r = Math.fround(r * x);
    b = Math.floor(b / 2);
    if (b === 0) break;
    x = Math.fround(x * x);
  }
  return recip ? Math.fround(1 / r) : r;
}
/** `x.powf(y)`: correctly rounded (std-libm.ts), with C's special cases. */
export function f64_powf(a: number, b: number): number {
  return libm_pow(a, b);
}
export function f32_powf(a: number, b: number): number {
  return Math.fround(libm_pow(a, b));
}
/** `a.mul_add(b, c)`: a·b + c with one rounding (fused), computed exactly with bigints when the
 *  plain expression could differ. */
export function f64_mul_add(a: number, b: number, c: number): number {
  const p = a * b;
  const r = p + c;
  if (!Number.isFinite(r) || !Number.isFinite(p) || a === 0 || b === 0) return r;
  // a·b exactly as m·2^e (m a bigint), plus c, rounded once: Number() of a bigint rounds to nearest.
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  let m = ma * mb;
  let e = ea + eb;
  const lo = Math.min(e, ec);
  m <<= BigInt(e - lo);
  const sum = m + (mc << BigInt(ec - lo));
  e = lo;
  if (sum === 0n) return r; // exact zero: keep JS's sign rules
  // Scale so that Number(sum) loses nothing below the target precision, then apply 2^e exactly.
  const bits = sum < 0n ? (-sum).toString(2).length : sum.toString(2).length;
  const shift = Math.max(0, bits - 64);
  const kept = sum >> BigInt(shift);
  const sticky = (sum & ((1n << BigInt(shift)) - 1n)) !== 0n ? 1n : 0n;
  const approx = Number((kept << 1n) | sticky); // the sticky bit breaks false ties
  const result = approx * 2 ** (e + shift - 1);
  return Number.isFinite(result) && result !== 0 ? result : r;
}

/** `a.mul_add(b, c)` for f32: a·b + c exactly (bigints), rounded once to 24 bits, half to even.
 *  (A result in f32's subnormal range is rounded to 24 bits before `fround`; FIXME: rustc rounds
 *  such a result once, at its coarser precision.) */
export function f32_mul_add(a: number, b: number, c: number): number {
  const r = Math.fround(a * b + c);
  if (!Number.isFinite(a * b + c) || a === 0 || b === 0) return r;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const e0 = ea + eb;
  const lo = Math.min(e0, ec);
  const sum = ((ma * mb) << BigInt(e0 - lo)) + (mc << BigInt(ec - lo));
  if (sum === 0n) return r;
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const bits = mag.toString(2).length;
  const shift = Math.max(0, bits - 24);
  let kept = mag >> BigInt(shift);
  if (shift > 0) {
    const rest = mag & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  }
  const v = Math.fround(Number(kept) * 2 ** (lo + shift));
  return neg ? -v : v;
}

/** x = m · 2^e with m a bigint (x finite, nonzero). */
function decompose(x: number): [bigint, number] {
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = be === 0 ? bits & 0xfffffffffffffn : (bits & 0xfffffffffffffn) | (1n << 52n);
  if (bits >> 63n) m = -m;
  return [m, (be === 0 ? 1 : be) - 1075];
}
export function f64_recip(x: number): number {
  return 1 / x;
}
export function f32_recip(x: number): number {
  return Math.fround(1 / x);
}
export function f64_to_degrees(x: number): number {
  return x * (180 / Math.PI);
}
export function f64_to_radians(x: number): number {
  return x * (Math.PI / 180);
}
/** `x.hypot(y)` (correctly rounded, std-libm.ts) */
export function f64_hypot(a: number, b: number): number {
  return libm_hypot(a, b);
}
/** `y.atan2(x)` (correctly rounded, std-libm.ts) */
export function f64_atan2(a: number, b: number): number {
  return libm_atan2(a, b);
}
export function f64_rem_euclid(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + Math.abs(b) : r;
}
export function f64_div_euclid(a: number, b: number): number {
  const q = Math.trunc(a / b);
  if (a % b < 0) return b > 0 ? q - 1 : q + 1;
  return q;
}
export function f32_rem_euclid(a: number, b: number): number {
  return Math.fround(f64_rem_euclid(a, b));
}

/** Unary functions of `f64` by Rust name; `f32` versions round the result with `Math.fround`.
 *  exp, exp2, ln, log2, sin, cos, tan, asin, acos, atan are correctly rounded and log10, sinh, cosh
 *  follow glibc's algorithms, cbrt is correctly rounded (std-libm.ts); exp_m1, ln_1p, tanh are V8's
 *  fdlibm ports, which agree with glibc's (also fdlibm) in practically every case. */
export const F64_UNARY = {
  exp: libm_exp,
  exp2: (x: number) => libm_pow(2, x),
  exp_m1: Math.expm1,
  ln: libm_ln,
  ln_1p: Math.log1p,
  log2: libm_log2,
  log10: libm_log10,
  sin: libm_sin,
  cos: libm_cos,
  tan: libm_tan,
  asin: libm_asin,
  acos: libm_acos,
  atan: libm_atan,
  sinh: libm_sinh,
  cosh: libm_cosh,
  tanh: Math.tanh,
  cbrt: libm_cbrt,
} as const;

/** `x.log(base)`: `self.ln() / base.ln()` as std computes it. */
export function f64_log(x: number, base: number): number {
  return libm_ln(x) / libm_ln(base);
}

/** `x.<name>()` for f32 (`f32_unary("sin", x)`): the f64 function rounded to f32. */
export function f32_unary(name: keyof typeof F64_UNARY, x: number): number {
  return Math.fround(F64_UNARY[name](x));
}

// ---------------------------------------------------------------------------------------------------
// Parsing: `s.parse::<f64>()`

/** `std::num::ParseFloatError`: Debug `ParseFloatError { kind: Invalid }`. */
export class ParseFloatError {
  constructor(readonly kind: "Empty" | "Invalid") {}
  description(): string {
    return this.kind === "Empty" ? "cannot parse float from empty string" : "invalid float literal";
  }
  debugText(): string {
    return `ParseFloatError { kind: ${this.kind} }`;
  }
}

const FLOAT_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** `s.parse::<f64>()` */
export function f64_parse(s: string): Result<number, ParseFloatError> {
  if (s.length === 0) return Err(new ParseFloatError("Empty"));
  if (FLOAT_RE.test(s)) return Ok(Number(s));
  const m = SPECIAL_RE.exec(s);
  if (m) {
    const v = (m[2] as string).toLowerCase() === "nan" ? NaN : Infinity;
    return Ok(m[1] === "-" ? -v : v);
  }
  return Err(new ParseFloatError("Invalid"));
}

/** `s.parse::<f32>()`: the decimal rounded once to f32. Rounding through f64 first is right except
 *  when the f64 lands exactly between two f32s; then the exact decimal decides (with bigints). */
export function f32_parse(s: string): Result<number, ParseFloatError> {
  return f64_parse(s).map((d) => {
    const f = Math.fround(d);
    if (f === d || !Number.isFinite(d) || !FLOAT_RE.test(s)) return f;
    // Past f32::MAX the neighbour is the overflow point 2^128 (which rounds to infinity).
    const other = Number.isFinite(f) ? nextF32Toward(f, d) : Math.sign(f) * F32.MAX;
    if (!Number.isFinite(f)) {
      if ((Math.abs(other) + 2 ** 128) / 2 !== Math.abs(d)) return f;
      return compareDecimal(s, Math.abs(d)) < 0 ? other : f;
    }
    if ((f + other) / 2 !== d) return f; // not a tie: the f64 detour did not change the answer
    const c = compareDecimal(s, Math.abs(d)); // exact decimal vs the tie point, by magnitude
    const up = Math.abs(other) > Math.abs(f) ? other : f;
    const down = up === other ? f : other;
    if (c > 0) return up;
    if (c < 0) return down;
    return (f32_to_bits(f) & 1) === 0 ? f : other; // a true tie: even mantissa
  });
}

/** The value of an f32 literal (`0.1f32`, `1e-3_f32`): the decimal rounded once to f32. */
export function f32_literal(text: string): number {
  const r = f32_parse(text.replace(/_/g, ""));
  if (r.tag === 1) throw new Error(`internal error: bad f32 literal ${text}, please report`);
  return r._0 as number;
}

/** The f32 next to `f` in the direction of `toward`. */
function nextF32Toward(f: number, toward: number): number {
  const b = f32_to_bits(f);
  const away = toward > f === f > 0 || f === 0;
  return f32_from_bits(away ? b + 1 : b - 1);
}

/** Sign of (|decimal text| − x) for a finite x ≥ 0, exactly. */
function compareDecimal(text: string, x: number): number {
  const m = /^[+-]?([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?$/.exec(text) as RegExpExecArray;
  const digits = BigInt(((m[1] ?? "") + (m[2] ?? "")).replace(/^0+(?=.)/, "") || "0");
  const e10 = Number(m[3] ?? "0") - (m[2] ?? "").length;
  // x = mant · 2^e2
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  const mant = be === 0 ? bits & 0xfffffffffffffn : (bits & 0xfffffffffffffn) | (1n << 52n);
  const e2 = (be === 0 ? 1 : be) - 1075;
  let lhs = digits;
  let rhs = mant;
  if (e10 >= 0) lhs *= 10n ** BigInt(e10);
  else rhs *= 10n ** BigInt(-e10);
  if (e2 >= 0) rhs <<= BigInt(e2);
  else lhs <<= BigInt(-e2);
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}
