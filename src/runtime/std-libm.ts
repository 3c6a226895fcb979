// f64 math as glibc computes it: correctly rounded `exp`, `ln`, `log2`, `powf`, `sin`, `cos`, `tan`,
// `atan`, `asin`, `acos`, `atan2`, `cbrt`, `hypot`; glibc's own (fdlibm) algorithms for `log10`,
// `sinh`, `cosh`.
//
// A Rust binary gets these from glibc, whose results are correctly rounded in practically every case;
// V8's `Math.exp`/`Math.sin`/… are faithful but differ from them in the last bit for 3–10% of inputs,
// which `{}` then prints differently. So the runtime computes them in fixed point with bigints
// (136 fractional bits, π to 1500 bits for range reduction) and rounds once:
//
//   [rust]     println!("{}", 1.3f64.exp());        // 3.6692966676192444 (glibc)
//   [lowered]  f64_exp(1.3)                          // Math.exp(1.3) is 3.669296667619244
//
// exp: x = k·ln2 + r, exp(r) by Taylor on r/256 then 8 squarings. ln: x = m·2^e, ln m = 2·atanh(z),
// z = (m−1)/(m+1). pow: exp(y·ln x) with the product exact. sin/cos/tan: x − n·π/2 exactly, then
// Taylor on |r| ≤ π/4 and the quadrant. log10 is the exception: glibc's is fdlibm's (not correctly
// rounded), so it is reproduced as such. A call costs ~6 µs (fine for teaching programs, not for
// hot numeric loops). On 20 000 random inputs per function the results differ from glibc's only
// where glibc itself misrounds (0.05–0.3%; checked with 60-digit decimals); V8's `Math.*` differed
// in 3–10%. The rustc-checked cases are in tests/runtime/std-cases/ops.cases.mjs.

const P = 136n;
const ONE = 1n << P;

// ln 2 and ln 10 with 320 fractional bits, π with 1500 (computed with Machin's formula and atanh
// series in exact integer arithmetic; see the script in this file's history).
const LN2_320 = BigInt("0xb17217f7d1cf79abc9e3b39803f2f6af40f343267298b62d8a0d175b8baafa2be7b876206debac98");
const LN10_320 = BigInt("0x24d763776aaa2b05ba95b58ae0b4c28a38a3fb3e76977e43a0f187a0807c0b5ca58bc0b5ec6a04172");
const PI_1500 = BigInt("0x3243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89452821e638d01377be5466cf34e90c6cc0ac29b7c97c50dd3f84d5b5b54709179216d5d98979fb1bd1310ba698dfb5ac2ffd72dbd01adfb7b8e1afed6a267e96ba7c9045f12c7f9924a19947b3916cf70801f2e2858efc16636920d871574e69a458fea3f4933d7e0d95748f728eb658718bcd5882154aee7b54a41dc25a59b59c30d5392af26013c5d1b023286085f0ca417918b8db38ef8e79dc0");
const LN2 = LN2_320 >> (320n - P);
const LN10 = LN10_320 >> (320n - P);
/** Range reduction works with 1501 fractional bits, where π/2 is exactly PI_1500 (π/2·2^1501 = π·2^1500). */
const S = 1501n;
const PIO2_S = PI_1500;

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e with m a non-negative bigint (x finite). */
function decompose(x: number): [bigint, number] {
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  const m = be === 0 ? bits & 0xfffffffffffffn : (bits & 0xfffffffffffffn) | (1n << 52n);
  return [m, (be === 0 ? 1 : be) - 1075];
}

/** |x| as fixed point with P fractional bits (exact unless |x| < 2^-200). */
function toFixed(x: number): bigint {
  const [m, e] = decompose(x);
  const s = BigInt(e) + P;
  return s >= 0n ? m << s : m >> -s;
}

/** The double nearest to v · 2^(scale − P). */
function fromFixed(v: bigint, scale: number): number {
  if (v === 0n) return 0;
  const neg = v < 0n;
  let a = neg ? -v : v;
  // Keep 64 bits and a sticky bit, so Number() rounds once and correctly.
  const bits = a.toString(2).length;
  let shift = 0;
  if (bits > 64) {
    shift = bits - 64;
    const sticky = (a & ((1n << BigInt(shift)) - 1n)) !== 0n ? 1n : 0n;
    a = ((a >> BigInt(shift)) << 1n) | sticky;
    shift -= 1;
  }
  // Two steps, so that neither power of two over- or underflows on its own.
  const t = scale + shift - Number(P);
  const h = Math.trunc(t / 2);
  const r = Number(a) * 2 ** h * 2 ** (t - h);
  return neg ? -r : r;
}

/** Fixed-point product, truncated toward zero (so series of negative terms reach 0). */
function mul(a: bigint, b: bigint): bigint {
  return (a * b) / ONE;
}

/** exp(r) for a fixed-point r with |r| < 1. */
function expSmall(r: bigint): bigint {
  const s = r >> 8n;
  let sum = ONE;
  let term = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = mul(term, s) / i;
    sum += term;
  }
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  return sum;
}

/** e^X for a fixed-point X (any size the caller allows); returns [mantissa fixed, power of 2]. */
function expFixed(X: bigint): [bigint, number] {
  const k = Number(X / LN2);
  const r = X - BigInt(k) * LN2;
  return [expSmall(r), k];
}

/** ln x for finite x > 0, fixed point. */
function lnFixed(x: number): bigint {
  const [m, e0] = decompose(x);
  const len = m.toString(2).length;
  // x = M · 2^e with M = m / 2^(len−1) in [1, 2)
  let M = (m << (P - BigInt(len - 1)));
  let e = e0 + len - 1;
  if (M > (ONE * 181n) / 128n) {
    M >>= 1n;
    e += 1;
  }
  const z = ((M - ONE) << P) / (M + ONE);
  const z2 = mul(z, z);
  let term = z;
  let s = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = mul(term, z2);
    s += term / k;
  }
  return BigInt(e) * LN2 + 2n * s;
}

const EXP_MAX = 709.782712893384;
const EXP_MIN = -745.1332191019412;

/** `x.exp()` */
export function libm_exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_MAX) return Infinity;
  if (x < EXP_MIN) return 0;
  if (x === 0) return 1;
  const X = x < 0 ? -toFixed(x) : toFixed(x);
  const [m, k] = expFixed(X);
  return fromFixed(m, k);
}

/** `x.ln()` */
export function libm_ln(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  return fromFixed(lnFixed(x), 0);
}

/** `x.log2()` */
export function libm_log2(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log2(x);
  return fromFixed((lnFixed(x) << P) / LN2, 0);
}

/** `x.log10()`. glibc's log10 is not correctly rounded: it is fdlibm's `e_log10.c` over a correctly
 *  rounded `log`, reproduced here step by step (x = 2^k·m, log10 x = k·log10(2) + log(m)/ln 10). */
export function libm_log10(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log10(x);
  view.setFloat64(0, x);
  let hx = view.getUint32(0);
  let k = 0;
  if (hx < 0x00100000) {
    // subnormal: scale by 2^54
    k -= 54;
    view.setFloat64(0, x * 2 ** 54);
    hx = view.getUint32(0);
  }
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  view.setUint32(0, hx);
  const m = view.getFloat64(0);
  const ivln10 = 4.34294481903251816668e-1;
  const log10_2hi = 3.01029995663611771306e-1;
  const log10_2lo = 3.69423907715893078616e-13;
  const z = y * log10_2lo + ivln10 * libm_ln(m);
  return z + y * log10_2hi;
}

/** `x.log10()` correctly rounded (what glibc's log10 approximates). */
export function libm_log10_exact(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log10(x);
  return fromFixed((lnFixed(x) << P) / LN10, 0);
}

/** `x.powf(y)` with C's `pow` special cases (`pow(1, NaN)` is 1, `pow(-1, ±inf)` is 1). */
export function libm_pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (x !== x || y !== y || !Number.isFinite(x) || !Number.isFinite(y) || x === 0 || Math.abs(y) > 2 ** 40) return Math.pow(x, y);
  let sign = 1;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    if (Math.abs(y) % 2 === 1) sign = -1;
  }
  const L = lnFixed(Math.abs(x));
  const [my, ey] = decompose(y);
  let Y = L * my;
  Y = ey >= 0 ? Y << BigInt(ey) : Y >> BigInt(-ey);
  if (y < 0) Y = -Y;
  // Out of range: let the double computation saturate.
  const approx = Number(Y >> (P - 32n)) / 2 ** 32;
  if (approx > 710) return sign * Infinity;
  if (approx < -746) return sign * 0;
  const [m, k] = expFixed(Y);
  return sign * fromFixed(m, k);
}

/** sin and cos of a fixed-point r with |r| ≤ π/4. */
function sinCosSmall(r: bigint): [bigint, bigint] {
  const r2 = mul(r, r);
  let s = r;
  let term = r;
  for (let k = 2n; term !== 0n; k += 2n) {
    term = -mul(term, r2) / (k * (k + 1n));
    s += term;
  }
  let c = ONE;
  term = ONE;
  for (let k = 1n; term !== 0n; k += 2n) {
    term = -mul(term, r2) / (k * (k + 1n));
    c += term;
  }
  return [s, c];
}

/** |x| reduced by π/2: the quadrant (mod 4) and the remainder as fixed point, |r| ≤ π/4. */
function reduce(x: number): [number, bigint] {
  const [m, e] = decompose(x);
  const s = BigInt(e) + S;
  const X = s >= 0n ? m << s : m >> -s;
  const n = (X + (PIO2_S >> 1n)) / PIO2_S;
  const R = X - n * PIO2_S;
  return [Number(n % 4n), R >> (S - P)];
}

function trig(x: number, which: "sin" | "cos" | "tan"): number {
  const ax = Math.abs(x);
  const [q, r] = reduce(ax);
  const [s, c] = sinCosSmall(r);
  const sinQ = [s, c, -s, -c][q] as bigint;
  const cosQ = [c, -s, -c, s][q] as bigint;
  switch (which) {
    case "sin":
      return (x < 0 ? -1 : 1) * fromFixed(sinQ, 0);
    case "cos":
      return fromFixed(cosQ, 0);
    case "tan":
      return (x < 0 ? -1 : 1) * fromFixed((sinQ << P) / cosQ, 0);
  }
}

/** `x.sin()` */
export function libm_sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x;
  return trig(x, "sin");
}

/** `x.cos()` */
export function libm_cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1;
  return trig(x, "cos");
}

/** `x.tan()` */
export function libm_tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  return trig(x, "tan");
}

// ---------------------------------------------------------------------------------------------------
// atan, asin, acos, atan2 (correctly rounded, as glibc's IBM-derived ones are) and glibc's fdlibm
// sinh/cosh over the correctly rounded exp.

const PIO2_P = PI_1500 >> (1501n - P); // π/2 · 2^P
const PI_P = PI_1500 >> (1500n - P); // π · 2^P

/** ⌊√V⌋ of a non-negative bigint (Newton). */
function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = BigInt(Math.floor(Math.sqrt(Number(v))));
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x && y - x <= 1n) {
      let r = x < y ? x : y;
      while (r * r > v) r--;
      while ((r + 1n) * (r + 1n) <= v) r++;
      return r;
    }
    x = y;
  }
}

/** √ of a fixed-point value. */
function sqrtFixed(v: bigint): bigint {
  return isqrt(v << P);
}

/** atan of a non-negative fixed-point value. */
function atanFixed(t: bigint): bigint {
  if (t > ONE) return PIO2_P - atanFixed((ONE << P) / t);
  // atan(t) = 2·atan(t / (1 + √(1 + t²))), until t is small enough for the series.
  let k = 0n;
  let u = t;
  while (u > ONE >> 3n) {
    u = (u << P) / (ONE + sqrtFixed(ONE + mul(u, u)));
    k++;
  }
  const u2 = mul(u, u);
  let s = u;
  let term = u;
  for (let n = 3n; term !== 0n; n += 2n) {
    term = -mul(term, u2);
    s += term / n;
  }
  return s << k;
}

const HALF_PI = 1.5707963267948966;

/** `x.atan()` */
export function libm_atan(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return HALF_PI;
  if (x === -Infinity) return -HALF_PI;
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? HALF_PI : -HALF_PI;
  const r = fromFixed(atanFixed(toFixed(x)), 0);
  return x < 0 ? -r : r;
}

/** asin(|u|) as fixed point, |u| ≤ 1. */
function asinFixed(u: number): bigint {
  const U = toFixed(u);
  const d = sqrtFixed(ONE - mul(U, U));
  return d === 0n ? PIO2_P : atanFixed((U << P) / d);
}

/** `x.asin()` */
export function libm_asin(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x;
  const r = fromFixed(asinFixed(Math.abs(x)), 0);
  return x < 0 ? -r : r;
}

/** `x.acos()` */
export function libm_acos(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  const a = asinFixed(Math.abs(x));
  return fromFixed(x < 0 ? PIO2_P + a : PIO2_P - a, 0);
}

/** `y.atan2(x)` with C's special cases. */
export function libm_atan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  const sy = y < 0 || Object.is(y, -0) ? -1 : 1;
  const xNeg = x < 0 || Object.is(x, -0);
  if (y === 0) return xNeg ? sy * Math.PI : sy * 0;
  if (x === 0) return sy * HALF_PI;
  if (x === Infinity) return y === Infinity || y === -Infinity ? sy * (Math.PI / 4) : sy * 0;
  if (x === -Infinity) return y === Infinity || y === -Infinity ? sy * ((3 * Math.PI) / 4) : sy * Math.PI;
  if (y === Infinity || y === -Infinity) return sy * HALF_PI;
  const [my, ey] = decompose(y);
  const [mx, ex] = decompose(x);
  const lenY = my.toString(2).length + ey;
  const lenX = mx.toString(2).length + ex;
  if (lenY - lenX > 70) return sy * HALF_PI; // |y/x| > 2^69: atan is π/2 to the last bit
  if (lenY - lenX < -70) {
    // |y/x| < 2^-69: atan(z) rounds to z; on the left the result is ±π.
    return xNeg ? sy * Math.PI : y / x;
  }
  // |y|/|x| at P fractional bits: my·2^ey / (mx·2^ex)
  const sh = BigInt(ey - ex) + P;
  const ratio = sh >= 0n ? (my << sh) / mx : my / (mx << -sh);
  const a = atanFixed(ratio);
  const r = fromFixed(xNeg ? PI_P - a : a, 0);
  return sy * r;
}

/** `x.cosh()`: glibc's (fdlibm's e_cosh.c) over the correctly rounded exp and fdlibm's expm1. */
export function libm_cosh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 0.34657359027997264) {
    // |x| < ln2/2: 1 + expm1(|x|)² / (2·exp(|x|))
    if (ax < 2 ** -55) return 1;
    const t = Math.expm1(ax);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (ax < 22) {
    const t = libm_exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < 709.782712893384) return 0.5 * libm_exp(ax);
  if (ax <= 710.4758600739439) {
    const w = libm_exp(0.5 * ax);
    return 0.5 * w * w;
  }
  return Infinity;
}

/** `x.sinh()`: glibc's (fdlibm's e_sinh.c) over the correctly rounded exp and fdlibm's expm1. */
export function libm_sinh(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return x;
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < 2 ** -28) return x;
    const t = Math.expm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < 709.782712893384) return h * libm_exp(ax);
  if (ax <= 710.4758600739439) {
    const w = libm_exp(0.5 * ax);
    return h * w * w;
  }
  return x * Infinity;
}

/** ⌊∛v⌋ of a non-negative bigint (Newton from above). */
function icbrt(v: bigint): bigint {
  if (v < 8n) return v === 0n ? 0n : 1n;
  const est = Math.cbrt(Number(v));
  let x = (BigInt(Math.floor(est)) * 1000001n) / 1000000n + 2n;
  for (;;) {
    const y = (2n * x + v / (x * x)) / 3n;
    if (y >= x) break;
    x = y;
  }
  while (x * x * x > v) x--;
  while ((x + 1n) * (x + 1n) * (x + 1n) <= v) x++;
  return x;
}

/** `x.cbrt()`, correctly rounded (glibc's agreed on 20 000 of 20 000 sampled inputs; V8's differed
 *  on 8%). x = m·2^e is scaled so the exponent divides by 3; an integer cube root with a sticky bit
 *  is rounded once by `Number`. */
export function libm_cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, e] = decompose(x);
  let sh = 200;
  while ((((e - sh) % 3) + 3) % 3 !== 0) sh++;
  const v = m << BigInt(sh);
  const r = icbrt(v);
  const sticky = r * r * r === v ? 0n : 1n;
  const t = (e - sh) / 3 - 1;
  const h = Math.trunc(t / 2);
  const res = Number((r << 1n) | sticky) * 2 ** h * 2 ** (t - h);
  return x < 0 ? -res : res;
}

/** `x.hypot(y)`, correctly rounded (glibc's agreed on 20 000 of 20 000 sampled inputs; V8's
 *  `Math.hypot` differed on 62%): √(x² + y²) as an integer square root with a sticky bit. */
export function libm_hypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  if (x === 0) return Math.abs(y);
  if (y === 0) return Math.abs(x);
  const [ma, ea] = decompose(x);
  const [mb, eb] = decompose(y);
  const lo = Math.min(ea, eb);
  const A = ma << BigInt(ea - lo);
  const B = mb << BigInt(eb - lo);
  const v = (A * A + B * B) << 400n; // x² + y² = v · 2^(2·lo − 400)
  const r = isqrt(v);
  const sticky = r * r === v ? 0n : 1n;
  const t = lo - 200 - 1;
  const h = Math.trunc(t / 2);
  return Number((r << 1n) | sticky) * 2 ** h * 2 ** (t - h);
}
