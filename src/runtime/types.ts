// Type descriptors: what the runtime knows about a Rust type at run time.
//
// Formatting, cloning, comparing, defaulting and dropping depend on the static type, which JS values do
// not carry (`5` may be an i32 or a u8; `{:x}` of -1 differs). Emitted code builds a descriptor from
// the static type and passes it where one is needed, like Swift's value witness tables:
//
//   [rust]     #[derive(Debug, Clone, PartialEq)]
//              struct Point { x: i32, y: f64 }
//              println!("{:?} {:?}", p, vec![Some(1u8)]);
//   [lowered]  const Point$T = T.struct<Point>({ name: "Point", shape: "named",
//                fields: [{ name: "x", t: T.i32 }, { name: "y", t: T.f64 }],
//                make: ([x, y]) => new Point(x, y), derive: ["Debug", "Clone", "PartialEq"] });
//              print(fmt_args(P, [arg(p, Point$T), arg(v, T.vec(T.option(T.u8)))]));
//              // Point { x: 1, y: 2.0 } [Some(1)]
//
// A `TypeDesc<T>` has the Rust name and optional operations: the formatting traits (`display`,
// `debug`, `lowerHex`… each `(v, f: Formatter) => FmtResult`), `clone`, `eq`, `cmp` (Ord, -1/0/1),
// `partial_cmp` (PartialOrd; `undefined` for incomparable), `default`, `drop`, a `copy` flag and a
// `size` in bytes (used by Vec's capacity policy and `size_of`). An operation the type does not have
// is absent; the compiler only emits uses that rustc accepted.
//
// `T.struct` / `T.enum` build descriptors for user types with `#[derive(...)]` semantics — Debug
// exactly as rustc's derive prints (`Point { x: 1, y: 2.0 }`, `Pair(1, 2)`, `Unit`, and `{:#?}`'s
// indented form), PartialEq/Eq field by field, PartialOrd/Ord lexicographically (enums by variant
// index first), Clone and Default field by field — and plug in user impls (`impls: { display }`),
// which win over derives. Recursive types pass `fields` as a function.
//
// Descriptors of core's types (RBox, Rc, Arc, Weak, Cell, RefCell, Mutex, atomics, Ptr, Pin, Poll,
// Duration) print as rustc does: `RefCell { value: 5 }`, `Mutex { data: 5, poisoned: false, .. }`,
// `Pending`, `Ready(5)`, `(Weak)`.

import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Ptr, RBox } from "./memory.js";
import { Cell, RefCell, Rc, Weak, Mutex, AtomicInteger, AtomicBool, Ref, RefMut, MutexGuard } from "./cell.js";
import { PENDING, type Poll } from "./task.js";
import type { Duration } from "./executor.js";
import { None, Option, Result, Some, Ok, Err } from "./option.js";
import { INT, int_cmp, ParseIntError, TryFromIntError, CharTryFromError, type Int, type IntKind } from "./int.js";
import { ParseFloatError } from "./float.js";
import {
  Arguments,
  Formatter,
  charCount,
  fmt_char_debug,
  fmt_float_debug,
  fmt_float_display,
  fmt_float_exp,
  fmt_int_debug,
  fmt_int_display,
  fmt_int_exp,
  fmt_int_radix,
  fmt_pointer,
  fmt_str_debug,
  fmt_str_display,
  writeArgs,
  debug_string,
  type FloatKind,
  type FmtResult,
} from "./fmt.js";
import { RString, str_cmp, ParseBoolError, ParseCharError, FromUtf8Error } from "./string.js";
import { RVec, RVecDeque } from "./vec.js";
import { Slice } from "./slice.js";
import { Range, RangeInclusive, RangeFrom } from "./iter.js";
import { assertNever } from "./std-util.js";

/** A formatting trait's `fmt`. */
export type FmtOp<T> = (v: T, f: Formatter) => FmtResult;

/** What the runtime knows about a Rust type. */
export interface TypeDesc<T> {
  /** The Rust type as written (`Vec<i32>`, `Option<&str>`). */
  readonly name: string;
  /** `Copy`: duplicating the value is a plain copy (clone is identity for immutable JS values). */
  readonly copy: boolean;
  /** `size_of::<T>()` in bytes where known (64-bit target; see "Layout" below). */
  readonly size?: number;
  /** `align_of::<T>()` */
  readonly align?: number;
  /** How many invalid bit patterns the type has for enclosing enums to use as their tag (its
   *  "niche": 254 for `bool`, 1 for a reference or `Box`, …); 0 or absent for none. */
  readonly niches?: number;
  readonly display?: FmtOp<T>;
  readonly debug?: FmtOp<T>;
  readonly lowerHex?: FmtOp<T>;
  readonly upperHex?: FmtOp<T>;
  readonly octal?: FmtOp<T>;
  readonly binary?: FmtOp<T>;
  readonly lowerExp?: FmtOp<T>;
  readonly upperExp?: FmtOp<T>;
  readonly pointer?: FmtOp<T>;
  readonly clone?: (v: T) => T;
  readonly eq?: (a: T, b: T) => boolean;
  /** `Ord::cmp`: negative, zero, positive. */
  readonly cmp?: (a: T, b: T) => number;
  /** `PartialOrd::partial_cmp`: `undefined` when incomparable (NaN). */
  readonly partial_cmp?: (a: T, b: T) => number | undefined;
  readonly default?: () => T;
  /** A user `impl Drop` (drop glue itself is core's `drop_in_place`). */
  readonly drop?: (v: T) => void;
}

export type AnyDesc = TypeDesc<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function identity<T>(x: T): T {
  return x;
}

function need<K extends keyof TypeDesc<unknown>>(t: AnyDesc, op: K): NonNullable<TypeDesc<unknown>[K]> {
  const f = t[op];
  if (f === undefined) throw new Error(`internal error: type \`${t.name}\` has no \`${op}\` in its descriptor, please report`);
  return f as NonNullable<TypeDesc<unknown>[K]>;
}

/** `a.partial_cmp(&b)` of any descriptor (Ord types compare totally). */
export function partialCmpOf<T>(t: TypeDesc<T>): (a: T, b: T) => number | undefined {
  return t.partial_cmp ?? need(t, "cmp");
}

// ---------------------------------------------------------------------------------------------------
// Layout: `size_of`, `align_of`, and niches, as rustc lays types out on a 64-bit target.
//
// A struct or tuple is its fields reordered by alignment (so no inner padding), its size rounded up
// to its alignment: size_of::<(u8, u32, u16)>() == 8. An enum whose data does not fit in a niche is a
// tag byte and the largest variant after it: Option<u32> == 8; one that does fit takes the niche:
// Option<&T> == Option<Box<T>> == 8, Option<bool> == 1, Option<String> == 24. Checked against rustc in
// std-cases/ops.cases.mjs.

/** Plenty of niche values (a `String`'s capacity, a `char`'s range beyond U+10FFFF). */
const MANY = Number.MAX_SAFE_INTEGER;

interface Layout {
  readonly size: number;
  readonly align: number;
  readonly niches: number;
}

function layoutOf(t: AnyDesc): Layout {
  return { size: t.size ?? 8, align: t.align ?? 8, niches: t.niches ?? 0 };
}

function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** A struct or tuple of these fields. */
function structLayout(fields: readonly AnyDesc[]): Layout {
  const ls = fields.map(layoutOf);
  const align = ls.reduce((a, l) => Math.max(a, l.align), 1);
  const size = roundUp(
    ls.reduce((n, l) => n + l.size, 0),
    align,
  );
  return { size, align, niches: ls.reduce((n, l) => Math.max(n, l.niches), 0) };
}

/** An enum whose variants carry these payloads (each a struct layout); unit variants are empty. */
function enumLayout(payloads: readonly Layout[]): Layout {
  const align = payloads.reduce((a, l) => Math.max(a, l.align), 1);
  const data = payloads.filter((l) => l.size > 0);
  const units = payloads.length - data.length;
  if (data.length === 0) return { size: payloads.length <= 1 ? 0 : 1, align: 1, niches: payloads.length <= 1 ? 0 : 256 - payloads.length };
  // Niche filling: the largest variant has room for the other variants' tags, and the others' data
  // fits beside the niche field (rustc places it in the bytes the niche does not use).
  const largest = data.reduce((a, l) => (l.size > a.size ? l : a));
  const others = payloads.length - 1;
  const othersFit = data.every((l) => l === largest || l.size <= largest.size - 8);
  if (largest.niches >= others && (data.length === 1 || othersFit)) {
    return { size: largest.size, align, niches: largest.niches - others };
  }
  void units;
  const size = roundUp(payloads.reduce((n, l) => Math.max(n, roundUp(1, l.align) + l.size), 1), align);
  return { size, align, niches: 256 - payloads.length };
}

/** `std::mem::size_of::<T>()` */
export function size_of<T>(t: TypeDesc<T>): number {
  return layoutOf(t).size;
}

/** `std::mem::align_of::<T>()` */
export function align_of<T>(t: TypeDesc<T>): number {
  return layoutOf(t).align;
}

// ---------------------------------------------------------------------------------------------------
// Primitives

function intDesc<V extends Int>(k: IntKind<V>): TypeDesc<V> {
  return {
    name: k.name,
    copy: true,
    size: k.bits / 8,
    align: k.bits / 8,
    display: (v, f) => fmt_int_display(v, f),
    debug: (v, f) => fmt_int_debug(k, v, f),
    lowerHex: (v, f) => fmt_int_radix(k, v, 16, f),
    upperHex: (v, f) => fmt_int_radix(k, v, 16, f, { upper: true }),
    octal: (v, f) => fmt_int_radix(k, v, 8, f),
    binary: (v, f) => fmt_int_radix(k, v, 2, f),
    lowerExp: (v, f) => fmt_int_exp(v, f),
    upperExp: (v, f) => fmt_int_exp(v, f, { upper: true }),
    clone: identity,
    eq: (a, b) => a === b,
    cmp: int_cmp,
    partial_cmp: int_cmp,
    default: () => 0 as V,
  };
}

function floatDesc(kind: FloatKind): TypeDesc<number> {
  const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : a === b ? 0 : undefined);
  return {
    name: kind,
    copy: true,
    size: kind === "f32" ? 4 : 8,
    align: kind === "f32" ? 4 : 8,
    display: (v, f) => fmt_float_display(v, kind, f),
    debug: (v, f) => fmt_float_debug(v, kind, f),
    lowerExp: (v, f) => fmt_float_exp(v, kind, f),
    upperExp: (v, f) => fmt_float_exp(v, kind, f, { upper: true }),
    clone: identity,
    eq: (a, b) => a === b,
    partial_cmp: cmp,
    default: () => 0,
  };
}

function codePointCmp(a: string, b: string): number {
  return int_cmp(a.codePointAt(0) as number, b.codePointAt(0) as number);
}

const boolDesc: TypeDesc<boolean> = {
  name: "bool",
  copy: true,
  size: 1,
  align: 1,
  niches: 254,
  display: (v, f) => f.pad(v ? "true" : "false"),
  debug: (v, f) => f.pad(v ? "true" : "false"),
  clone: identity,
  eq: (a, b) => a === b,
  cmp: (a, b) => Number(a) - Number(b),
  partial_cmp: (a, b) => Number(a) - Number(b),
  default: () => false,
};

const charDesc: TypeDesc<string> = {
  name: "char",
  copy: true,
  size: 4,
  align: 4,
  niches: MANY,
  display: fmt_str_display,
  debug: fmt_char_debug,
  clone: identity,
  eq: (a, b) => a === b,
  cmp: codePointCmp,
  partial_cmp: codePointCmp,
  default: () => "\0",
};

const strDesc: TypeDesc<string> = {
  name: "&str",
  copy: true,
  size: 16,
  align: 8,
  niches: 1,
  display: fmt_str_display,
  debug: fmt_str_debug,
  clone: identity,
  eq: (a, b) => a === b,
  cmp: str_cmp,
  partial_cmp: str_cmp,
  default: () => "",
};

const stringDesc: TypeDesc<RString> = {
  name: "String",
  copy: false,
  size: 24,
  align: 8,
  niches: MANY,
  display: (v, f) => f.pad(v.s),
  debug: (v, f) => fmt_str_debug(v.s, f),
  clone: (v) => new RString(v.s),
  eq: (a, b) => a.s === b.s,
  cmp: (a, b) => str_cmp(a.s, b.s),
  partial_cmp: (a, b) => str_cmp(a.s, b.s),
  default: () => new RString("", 0),
};

const unitDesc: TypeDesc<undefined> = {
  name: "()",
  copy: true,
  size: 0,
  align: 1,
  debug: (_v, f) => f.pad("()"),
  clone: identity,
  eq: () => true,
  cmp: () => 0,
  partial_cmp: () => 0,
  default: () => undefined,
};

const neverDesc: TypeDesc<never> = { name: "!", copy: true, size: 0, align: 1 };

// ---------------------------------------------------------------------------------------------------
// Composite helpers

/** Lexicographic comparison of field lists with their descriptors (`cmp` or `partial_cmp`). */
/** `total`: `Ord::cmp`; `partial`: `PartialOrd::partial_cmp` (may be undefined). */
type Order = "total" | "partial";

function lexCmp(pairs: readonly [unknown, unknown, AnyDesc][], order: Order): number | undefined {
  const partial = order === "partial";
  for (const [a, b, t] of pairs) {
    const c = partial ? partialCmpOf(t)(a, b) : need(t, "cmp")(a, b);
    if (c === undefined) return undefined;
    if (c !== 0) return c;
  }
  return 0;
}

function seqEq<T>(a: ArrayLike<T>, b: ArrayLike<T>, t: TypeDesc<T>, from = 0, to = a.length, bFrom = 0, bTo = b.length): boolean {
  if (to - from !== bTo - bFrom) return false;
  const eq = need(t, "eq");
  for (let i = 0; i < to - from; i++) if (!eq(a[from + i], b[bFrom + i])) return false;
  return true;
}

function seqCmp<T>(a: readonly T[], b: readonly T[], t: TypeDesc<T>, order: Order): number | undefined {
  const partial = order === "partial";
  const n = Math.min(a.length, b.length);
  const c0 = partial ? partialCmpOf(t) : need(t, "cmp");
  for (let i = 0; i < n; i++) {
    const c = c0(a[i] as T, b[i] as T);
    if (c === undefined || c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function debugList<T>(items: Iterable<T>, t: TypeDesc<T>, f: Formatter): FmtResult {
  return f.debug_list().entries(items, t).finish();
}

function asSlice<T>(v: Slice<T> | T[] | RVec<T>): Slice<T> {
  if (v instanceof Slice) return v;
  if (v instanceof RVec) return v.as_slice();
  return new Slice(v, 0, v.length);
}

function sliceItems<T>(s: Slice<T>): T[] {
  return s.a.slice(s.start, s.end);
}

// ---------------------------------------------------------------------------------------------------
// Constructors of descriptors

function tuple(...ts: AnyDesc[]): TypeDesc<unknown[]> {
  if (ts.length === 0) return unitDesc as unknown as TypeDesc<unknown[]>;
  return {
    name: `(${ts.map((t) => t.name).join(", ")}${ts.length === 1 ? "," : ""})`,
    copy: ts.every((t) => t.copy),
    ...structLayout(ts),
    debug: (v, f) => {
      const d = f.debug_tuple("");
      ts.forEach((t, i) => d.field(v[i], t));
      return d.finish();
    },
    clone: (v) => ts.map((t, i) => (t.clone ?? identity)(v[i])),
    eq: (a, b) => ts.every((t, i) => need(t, "eq")(a[i], b[i])),
    cmp: (a, b) => lexCmp(ts.map((t, i) => [a[i], b[i], t]), "total") as number,
    partial_cmp: (a, b) => lexCmp(ts.map((t, i) => [a[i], b[i], t]), "partial"),
    default: () => ts.map((t) => need(t, "default")()),
  };
}

function array<E>(t: TypeDesc<E>, n: number): TypeDesc<E[]> {
  return {
    name: `[${t.name}; ${n}]`,
    copy: t.copy,
    size: layoutOf(t).size * n,
    align: layoutOf(t).align,
    niches: n > 0 ? layoutOf(t).niches : 0,
    debug: (v, f) => debugList(v, t, f),
    clone: (v) => v.map((x) => (t.clone ?? identity)(x)),
    eq: (a, b) => seqEq(a, b, t),
    cmp: (a, b) => seqCmp(a, b, t, "total") as number,
    partial_cmp: (a, b) => seqCmp(a, b, t, "partial"),
    default: () => Array.from({ length: n }, () => need(t, "default")() as E),
  };
}

function slice<E>(t: TypeDesc<E>): TypeDesc<Slice<E>> {
  return {
    name: `[${t.name}]`,
    copy: true,
    size: 16,
    debug: (v, f) => debugList(sliceItems(v), t, f),
    clone: identity,
    // The other side of `==` may be an array or a Vec (`&v[..2] == [3, 4]`).
    eq: (a, b) => {
      const x = asSlice(a);
      const y = asSlice(b);
      return seqEq(x.a, y.a, t, x.start, x.end, y.start, y.end);
    },
    cmp: (a, b) => seqCmp(sliceItems(asSlice(a)), sliceItems(asSlice(b)), t, "total") as number,
    partial_cmp: (a, b) => seqCmp(sliceItems(asSlice(a)), sliceItems(asSlice(b)), t, "partial"),
  };
}

function vec<E>(t: TypeDesc<E>): TypeDesc<RVec<E>> {
  return {
    name: `Vec<${t.name}>`,
    copy: false,
    size: 24,
    align: 8,
    niches: MANY,
    debug: (v, f) => debugList(v.a, t, f),
    clone: (v) => v.clone(t.clone ?? identity),
    eq: (a, b) => seqEq(a.a, b.a, t),
    cmp: (a, b) => seqCmp(a.a, b.a, t, "total") as number,
    partial_cmp: (a, b) => seqCmp(a.a, b.a, t, "partial"),
    default: () => new RVec<E>([], { cap: 0, elemSize: t.size ?? 8 }),
  };
}

function vecDeque<E>(t: TypeDesc<E>): TypeDesc<RVecDeque<E>> {
  return {
    name: `VecDeque<${t.name}>`,
    copy: false,
    size: 32,
    align: 8,
    niches: MANY,
    debug: (v, f) => debugList(v.a, t, f),
    clone: (v) => v.clone(t.clone ?? identity),
    eq: (a, b) => seqEq(a.a, b.a, t),
    cmp: (a, b) => seqCmp(a.a, b.a, t, "total") as number,
    partial_cmp: (a, b) => seqCmp(a.a, b.a, t, "partial"),
    default: () => new RVecDeque<E>(),
  };
}

function option<E>(t: TypeDesc<E>): TypeDesc<Option<E>> {
  const optCmp = (order: Order) => (a: Option<E>, b: Option<E>) => {
    const partial = order === "partial";
    if (a.tag !== b.tag) return a.tag - b.tag;
    if (a.tag === 0) return 0;
    return partial ? partialCmpOf(t)(a._0, b._0) : need(t, "cmp")(a._0, b._0);
  };
  return {
    name: `Option<${t.name}>`,
    copy: t.copy,
    ...enumLayout([structLayout([]), layoutOf(t)]),
    debug: (v, f) => (v.tag === 0 ? f.write_str("None") : f.debug_tuple("Some").field(v._0, t).finish()),
    clone: (v) => (v.tag === 0 ? None<E>() : Some((t.clone ?? identity)(v._0))),
    eq: (a, b) => a.tag === b.tag && (a.tag === 0 || need(t, "eq")(a._0, b._0)),
    cmp: optCmp("total") as (a: Option<E>, b: Option<E>) => number,
    partial_cmp: optCmp("partial"),
    default: () => None<E>(),
  };
}

function result<V, E>(tv: TypeDesc<V>, te: TypeDesc<E>): TypeDesc<Result<V, E>> {
  const resCmp = (order: Order) => (a: Result<V, E>, b: Result<V, E>) => {
    const partial = order === "partial";
    if (a.tag !== b.tag) return a.tag - b.tag;
    const t: AnyDesc = a.tag === 0 ? tv : te;
    return partial ? partialCmpOf(t)(a._0, b._0) : need(t, "cmp")(a._0, b._0);
  };
  return {
    name: `Result<${tv.name}, ${te.name}>`,
    copy: tv.copy && te.copy,
    ...enumLayout([layoutOf(tv), layoutOf(te)]),
    debug: (v, f) => (v.tag === 0 ? f.debug_tuple("Ok").field(v._0 as V, tv) : f.debug_tuple("Err").field(v._0 as E, te)).finish(),
    clone: (v) => (v.tag === 0 ? Ok<V, E>((tv.clone ?? identity)(v._0 as V)) : Err<V, E>((te.clone ?? identity)(v._0 as E))),
    eq: (a, b) => a.tag === b.tag && (a.tag === 0 ? need(tv, "eq")(a._0, b._0) : need(te, "eq")(a._0, b._0)),
    cmp: resCmp("total") as (a: Result<V, E>, b: Result<V, E>) => number,
    partial_cmp: resCmp("partial"),
  };
}

/** The pointee of a reference value: a `Ptr` is read, anything else is the referent itself (a `&str`
 *  is a string, a `&[T]` a Slice, `v.iter()` yields elements). */
function pointee<T>(v: T | Ptr<T>, loc?: Loc): T {
  return v instanceof Ptr ? v.get(loc) : v;
}

function addrOf(v: unknown): number {
  if (v instanceof Ptr) return v.addr;
  if (v instanceof RBox) return v.deref().addr;
  if (v instanceof Rc) return v.deref().addr;
  return 0;
}

/** Formatting and comparison forwarded to the pointee (`&T`, `&mut T`, `Box<T>`, `Rc<T>`, guards). */
function forward<P, T>(name: string, t: TypeDesc<T>, get: (p: P) => T, extra: Partial<TypeDesc<P>>): TypeDesc<P> {
  const fwd = (op: FmtOp<T> | undefined): FmtOp<P> | undefined => (op ? (v, f) => op(get(v), f) : undefined);
  // A pointer to a slice, `str` or `dyn` value is fat (address + length or vtable).
  const fat = t.name === "str" || (t.name.startsWith("[") && !t.name.includes(";")) || t.name.startsWith("dyn ");
  const desc: TypeDesc<P> = {
    name,
    copy: false,
    size: fat ? 16 : 8,
    align: 8,
    niches: 1,
    display: fwd(t.display),
    debug: fwd(t.debug),
    lowerHex: fwd(t.lowerHex),
    upperHex: fwd(t.upperHex),
    octal: fwd(t.octal),
    binary: fwd(t.binary),
    lowerExp: fwd(t.lowerExp),
    upperExp: fwd(t.upperExp),
    pointer: (v, f) => fmt_pointer(addrOf(v), f),
    eq: t.eq ? (a, b) => (t.eq as (x: T, y: T) => boolean)(get(a), get(b)) : undefined,
    cmp: t.cmp ? (a, b) => (t.cmp as (x: T, y: T) => number)(get(a), get(b)) : undefined,
    partial_cmp: t.cmp || t.partial_cmp ? (a, b) => partialCmpOf(t)(get(a), get(b)) : undefined,
    ...extra,
  };
  return desc;
}

function ref<X>(t: TypeDesc<X>, opts?: { readonly mutable?: boolean }): TypeDesc<X | Ptr<X>> {
  return forward<X | Ptr<X>, X>(`&${opts?.mutable ? "mut " : ""}${t.name}`, t, (p) => pointee(p), { copy: !opts?.mutable, clone: identity });
}

/** Raw pointers: Debug and `{:p}` print the address. */
function rawPtr<X>(t: TypeDesc<X>, opts?: { readonly mutable?: boolean }): TypeDesc<Ptr<X>> {
  const show: FmtOp<Ptr<X>> = (v, f) => fmt_pointer(v.addr, f);
  const fat = t.name === "str" || (t.name.startsWith("[") && !t.name.includes(";")) || t.name.startsWith("dyn ");
  return {
    name: `*${opts?.mutable ? "mut" : "const"} ${t.name}`,
    copy: true,
    size: fat ? 16 : 8,
    align: 8,
    debug: show,
    pointer: show,
    clone: identity,
    eq: (a, b) => a.addr === b.addr,
    cmp: (a, b) => int_cmp(a.addr, b.addr),
    partial_cmp: (a, b) => int_cmp(a.addr, b.addr),
  };
}

function box<X>(t: TypeDesc<X>): TypeDesc<RBox<X>> {
  return forward<RBox<X>, X>(`Box<${t.name}>`, t, (b) => b.v, {
    clone: (b) => new RBox((t.clone ?? identity)(b.v)),
    default: t.default ? () => new RBox((t.default as () => X)()) : undefined,
  });
}

function rc<X>(t: TypeDesc<X>, opts?: { readonly arc?: boolean }): TypeDesc<Rc<X>> {
  return forward<Rc<X>, X>(`${opts?.arc ? "Arc" : "Rc"}<${t.name}>`, t, (r) => r.v, { clone: (r) => r.clone() });
}

function weak<X>(t: TypeDesc<X>): TypeDesc<Weak<X>> {
  return { name: `Weak<${t.name}>`, copy: false, size: 8, align: 8, niches: 1, debug: (_v, f) => f.write_str("(Weak)"), clone: (w) => w.clone() };
}

function cell<X>(t: TypeDesc<X>): TypeDesc<Cell<X>> {
  return {
    name: `Cell<${t.name}>`,
    copy: false,
    size: layoutOf(t).size,
    align: layoutOf(t).align,
    debug: (v, f) => f.debug_struct("Cell").field("value", v.value, t).finish(),
    clone: (v) => new Cell((t.clone ?? identity)(v.value)),
    eq: (a, b) => need(t, "eq")(a.value, b.value),
    cmp: t.cmp ? (a, b) => (t.cmp as (x: X, y: X) => number)(a.value, b.value) : undefined,
    default: t.default ? () => new Cell((t.default as () => X)()) : undefined,
  };
}

/** `std::cmp::Reverse<T>`: a tuple struct whose one field is `_0`, as a user tuple struct's is. */
export class RReverse<X> {
  constructor(public _0: X) {}
}

/** `Reverse(v)` */
export function Reverse<X>(v: X): RReverse<X> {
  return new RReverse(v);
}

/** `Reverse<T>` orders its values backwards (the point of it: `sort_by_key(|x| Reverse(x.score))`);
 *  Debug prints `Reverse(5)`; everything else is `T`'s. */
function reverse<X>(t: TypeDesc<X>): TypeDesc<RReverse<X>> {
  const lay = layoutOf(t);
  return {
    name: `Reverse<${t.name}>`,
    copy: t.copy,
    size: lay.size,
    align: lay.align,
    debug: (v, f) => f.debug_tuple("Reverse").field(v._0, t).finish(),
    clone: (v) => new RReverse((t.clone ?? identity)(v._0)),
    eq: t.eq ? (a, b) => (t.eq as (x: X, y: X) => boolean)(a._0, b._0) : undefined,
    cmp: t.cmp ? (a, b) => (t.cmp as (x: X, y: X) => number)(b._0, a._0) : undefined,
    partial_cmp: t.partial_cmp || t.cmp ? (a, b) => partialCmpOf(t)(b._0, a._0) : undefined,
    default: t.default ? () => new RReverse((t.default as () => X)()) : undefined,
  };
}

const BORROWED: TypeDesc<undefined> = { name: "<borrowed>", copy: true, debug: (_v, f) => f.write_str("<borrowed>") };
// rustc 1.95 prints a locked mutex's data as the string "<locked>" (quoted), a borrowed RefCell's
// value as a bare <borrowed>.
const LOCKED: TypeDesc<undefined> = { name: "<locked>", copy: true, debug: (_v, f) => f.write_str('"<locked>"') };

function refCell<X>(t: TypeDesc<X>): TypeDesc<RefCell<X>> {
  return {
    name: `RefCell<${t.name}>`,
    copy: false,
    size: roundUp(8 + layoutOf(t).size, Math.max(8, layoutOf(t).align)),
    align: Math.max(8, layoutOf(t).align),
    debug: (v, f) => {
      const d = f.debug_struct("RefCell");
      if (v.$borrow < 0) d.field("value", undefined, BORROWED);
      else d.field("value", v.value, t);
      return d.finish();
    },
    clone: (v) => new RefCell((t.clone ?? identity)(v.value)),
    eq: (a, b) => need(t, "eq")(a.value, b.value),
    cmp: t.cmp ? (a, b) => (t.cmp as (x: X, y: X) => number)(a.value, b.value) : undefined,
    default: t.default ? () => new RefCell((t.default as () => X)()) : undefined,
  };
}

function mutex<X>(t: TypeDesc<X>): TypeDesc<Mutex<X>> {
  return {
    name: `Mutex<${t.name}>`,
    copy: false,
    debug: (v, f) => {
      const d = f.debug_struct("Mutex");
      if (v.$locked) d.field("data", undefined, LOCKED);
      else d.field("data", v.value, t);
      d.field("poisoned", v.is_poisoned(), boolDesc);
      return d.finish_non_exhaustive();
    },
    default: t.default ? () => new Mutex((t.default as () => X)()) : undefined,
  };
}

function guard<X, G extends Ref<X> | RefMut<X> | MutexGuard<X>>(name: string, t: TypeDesc<X>): TypeDesc<G> {
  return forward<G, X>(`${name}<${t.name}>`, t, (g) => g.v, {});
}

function atomic(name: string, k: IntKind): TypeDesc<AtomicInteger> {
  const inner = intDesc(k);
  return {
    name,
    copy: false,
    size: k.bits / 8,
    align: k.bits / 8,
    debug: (v, f) => (inner.debug as FmtOp<Int>)(v.load(), f),
    default: () => new AtomicInteger(k.name as AtomicInteger["$kind"], 0),
  };
}

const atomicBool: TypeDesc<AtomicBool> = {
  name: "AtomicBool",
  copy: false,
  size: 1,
  align: 1,
  debug: (v, f) => f.pad(v.load() ? "true" : "false"),
  default: () => new AtomicBool(false),
};

function poll<X>(t: TypeDesc<X>): TypeDesc<Poll<X>> {
  return {
    name: `Poll<${t.name}>`,
    copy: t.copy,
    ...enumLayout([layoutOf(t), structLayout([])]),
    debug: (v, f) => (v === PENDING ? f.write_str("Pending") : f.debug_tuple("Ready").field(v as X, t).finish()),
    clone: (v) => (v === PENDING ? v : (t.clone ?? identity)(v as X)),
    eq: (a, b) => (a === PENDING || b === PENDING ? a === b : need(t, "eq")(a, b)),
  };
}

/** `Pin<P>` is `P` at run time; it formats as the pointer does (i.e. as the pointee). */
function pin<P>(p: TypeDesc<P>): TypeDesc<P> {
  return { ...p, name: `Pin<${p.name}>` };
}

const durationDesc: TypeDesc<Duration> = {
  name: "Duration",
  copy: true,
  size: 16,
  align: 8,
  niches: MANY,
  debug: (v, f) => {
    const text = v.fmtDebug({ precision: f.o.precision, plus: f.sign_plus() });
    const w = f.o.width;
    if (w === undefined || charCount(text) >= w) return f.write_str(text);
    // Duration's Debug pads like `pad` (left-aligned by default) but never truncates.
    const saved = f.o.precision;
    f.o.precision = undefined;
    const r = f.pad(text);
    f.o.precision = saved;
    return r;
  },
  clone: identity,
  eq: (a, b) => a.secs === b.secs && a.nanos === b.nanos,
  cmp: (a, b) => (a.secs !== b.secs ? int_cmp(a.secs, b.secs) : int_cmp(a.nanos, b.nanos)),
};

function rangeDesc<V extends Int, R extends Range<V> | RangeInclusive<V>>(t: TypeDesc<V>, opts: { readonly inclusive: boolean }): TypeDesc<R> {
  const inclusive = opts.inclusive;
  const dbg = need(t, "debug") as FmtOp<V>;
  return {
    name: `${inclusive ? "RangeInclusive" : "Range"}<${t.name}>`,
    copy: false,
    size: 2 * (t.size ?? 8),
    debug: (v, f) => {
      dbg(v.start, f);
      f.write_str(inclusive ? "..=" : "..");
      return dbg(v.end, f);
    },
    eq: (a, b) => a.start === b.start && a.end === b.end,
  };
}

function rangeFromDesc<V extends Int>(t: TypeDesc<V>): TypeDesc<RangeFrom<V>> {
  const dbg = need(t, "debug") as FmtOp<V>;
  return {
    name: `RangeFrom<${t.name}>`,
    copy: false,
    debug: (v, f) => {
      dbg(v.start, f);
      return f.write_str("..");
    },
  };
}

/** `std::cmp::Ordering` as -1 / 0 / 1. */
const orderingDesc: TypeDesc<number> = {
  name: "Ordering",
  copy: true,
  size: 1,
  align: 1,
  niches: 253,
  debug: (v, f) => f.write_str(v < 0 ? "Less" : v > 0 ? "Greater" : "Equal"),
  clone: identity,
  eq: (a, b) => Math.sign(a) === Math.sign(b),
  cmp: (a, b) => int_cmp(Math.sign(a), Math.sign(b)),
};

/** Errors whose Display is a description and whose Debug is a fixed text. */
function errorDesc<E extends { description(): string; debugText(): string }>(name: string): TypeDesc<E> {
  return {
    name,
    copy: false,
    display: (v, f) => f.pad(v.description()),
    debug: (v, f) => f.write_str(v.debugText()),
    clone: identity,
    eq: (a, b) => a.debugText() === b.debugText(),
  };
}

const fromUtf8ErrorDesc: TypeDesc<FromUtf8Error> = {
  name: "FromUtf8Error",
  copy: false,
  display: (_v, f) => f.write_str("invalid utf-8 sequence"),
  debug: (_v, f) => f.write_str("FromUtf8Error"),
};

const argumentsDesc: TypeDesc<Arguments> = {
  name: "Arguments",
  copy: true,
  display: (v, f) => writeArgs(f.sink, v),
  debug: (v, f) => writeArgs(f.sink, v),
};

/** A `dyn Trait` value's descriptor, found at run time: a wrapper made by `dyn_value(v, t)` (for values
 *  that are not objects of emitted classes, e.g. `Box<dyn Display>` holding an `i32`), or the static
 *  `$desc` of the value's emitted class (`class Point { static $desc = T.struct(…) }`). */
function dynDesc(v: unknown): { readonly v: unknown; readonly t: AnyDesc } {
  if (v instanceof DynValue) return { v: v.$v, t: v.$desc };
  const ctor = (v as { constructor?: { $desc?: AnyDesc } } | null)?.constructor;
  if (ctor?.$desc) return { v, t: ctor.$desc };
  // A value of a type parameter whose descriptor the emitted code did not pass: primitives are
  // recognised by their JS type (a Display of a number is the same for every numeric type).
  switch (typeof v) {
    case "number":
      return { v, t: (Number.isInteger(v) ? T.i64 : T.f64) as AnyDesc };
    case "bigint":
      return { v, t: T.i128 as AnyDesc };
    case "string":
      return { v, t: T.str as AnyDesc };
    case "boolean":
      return { v, t: T.bool as AnyDesc };
    case "undefined":
      return { v, t: T.unit as AnyDesc };
  }
  if (v instanceof RString) return { v, t: T.string as AnyDesc };
  // std's errors behind a `Box<dyn Error>` (made by `?` or `.into()`, which keep the value as it is).
  if (v instanceof ParseIntError) return { v, t: T.parseIntError as AnyDesc };
  if (v instanceof ParseFloatError) return { v, t: T.parseFloatError as AnyDesc };
  if (v instanceof TryFromIntError) return { v, t: T.tryFromIntError as AnyDesc };
  if (v instanceof CharTryFromError) return { v, t: T.charTryFromError as AnyDesc };
  if (v instanceof ParseBoolError) return { v, t: T.parseBoolError as AnyDesc };
  if (v instanceof ParseCharError) return { v, t: T.parseCharError as AnyDesc };
  if (v instanceof FromUtf8Error) return { v, t: T.fromUtf8Error as AnyDesc };
  if (v instanceof Ptr) return { v, t: T.ref(dyn("T")) as AnyDesc };
  if (v instanceof RVec) return { v, t: T.vec(dyn("T")) as AnyDesc };
  if (Array.isArray(v)) return { v, t: T.tuple(...v.map(() => dyn("T"))) as AnyDesc };
  // A runtime value (Waker, Rc, JoinHandle…): its own `clone()` and `debug()` methods.
  const o = v as { clone?: () => unknown; debug?: () => string } | null;
  if (o && (typeof o.clone === "function" || typeof o.debug === "function")) {
    const t: TypeDesc<unknown> = {
      name: (o as { constructor: { name: string } }).constructor.name,
      copy: false,
      clone: typeof o.clone === "function" ? (x) => (x as { clone(): unknown }).clone() : undefined,
      debug: typeof o.debug === "function" ? (x, f) => f.write_str((x as { debug(): string }).debug()) : undefined,
    };
    return { v, t: t as AnyDesc };
  }
  throw new Error("internal error: a `dyn` value carries no type descriptor, please report");
}

/**
 * The descriptor of `<C as Trait>::Name` in generic code, from a value of `C` (a parameter `c: &C`):
 * the emitted class of `C` lists its impls' associated types in `$assoc` (`{ "Container::Item":
 * T.char }`). Without one (a primitive, a moved value), the value-inferring `dyn` descriptor.
 */
function assocOf(value: unknown, key: string): TypeDesc<unknown> {
  let v = value;
  while (v instanceof Ptr) v = v.get();
  if (v instanceof RBox) v = v.v;
  const ctor = (v as { constructor?: { $assoc?: Record<string, AnyDesc> } } | null | undefined)?.constructor;
  return ctor?.$assoc?.[key] ?? dyn(key);
}

/** A value seen through `dyn Trait`, with the descriptor of its concrete type. */
export class DynValue {
  constructor(
    readonly $v: unknown,
    readonly $desc: AnyDesc,
  ) {}
}

/** Wraps `v` (of type `t`) as a `dyn` value: `let b: Box<dyn Display> = Box::new(5)`. */
export function dyn_value<X>(v: X, t: TypeDesc<X>): DynValue {
  return new DynValue(v, t);
}

function dyn(name: string): TypeDesc<unknown> {
  const via =
    (op: "display" | "debug" | "lowerHex" | "upperHex" | "binary" | "octal" | "lowerExp" | "upperExp" | "pointer"): FmtOp<unknown> =>
    (v, f) => {
      const d = dynDesc(v);
      return (need(d.t, op) as FmtOp<unknown>)(d.v, f);
    };
  const binary =
    <R>(op: "eq" | "cmp" | "partial_cmp") =>
    (a: unknown, b: unknown): R => {
      const d = dynDesc(a);
      return (need(d.t, op) as (x: unknown, y: unknown) => R)(d.v, b instanceof DynValue ? b.$v : b);
    };
  return {
    name: `dyn ${name}`,
    copy: false,
    display: via("display"),
    debug: via("debug"),
    lowerHex: via("lowerHex"),
    upperHex: via("upperHex"),
    binary: via("binary"),
    octal: via("octal"),
    lowerExp: via("lowerExp"),
    upperExp: via("upperExp"),
    pointer: via("pointer"),
    eq: binary<boolean>("eq"),
    cmp: binary<number>("cmp"),
    partial_cmp: binary<number | undefined>("partial_cmp"),
    clone: (v) => {
      const d = dynDesc(v);
      const c = d.t.clone ? d.t.clone(d.v) : d.v;
      return v instanceof DynValue ? new DynValue(c, d.t) : c;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// User types

export type Derive = "Debug" | "Clone" | "Copy" | "PartialEq" | "Eq" | "PartialOrd" | "Ord" | "Default" | "Hash";

export interface FieldSpec {
  /** The field's property: a named field's name, or `_0`, `_1`… for tuple fields. */
  readonly name: string;
  /** The Rust name where the property differs (`r#type` is the property `type_`): what Debug prints. */
  readonly rust?: string;
  readonly t: AnyDesc;
}

/** How a struct or variant is written: `S { a: 1 }`, `S(1)`, `S`. */
export type Shape = "named" | "tuple" | "unit";

/** User impls plugged into a descriptor; they win over derives. */
export type Impls<S> = Partial<Omit<TypeDesc<S>, "name" | "copy" | "size">>;

export interface StructSpec<S> {
  readonly name: string;
  readonly shape: Shape;
  /** Fields in declaration order (a function for recursive types). */
  readonly fields: readonly FieldSpec[] | (() => readonly FieldSpec[]);
  /** Builds a value from field values in declaration order (needed by derived Clone without a
   *  prototype copy, and by derived Default). */
  readonly make?: (fields: unknown[]) => S;
  readonly derive?: readonly Derive[];
  readonly impls?: Impls<S>;
  readonly size?: number;
}

export interface VariantSpec {
  readonly name: string;
  readonly shape: Shape;
  readonly fields: readonly FieldSpec[];
}

export interface EnumSpec<E> {
  readonly name: string;
  /** Variants in declaration order: `tag` is the index (a function for recursive types). */
  readonly variants: readonly VariantSpec[] | (() => readonly VariantSpec[]);
  readonly make?: (tag: number, fields: unknown[]) => E;
  /** The `#[default]` variant's index, for derived Default. */
  readonly defaultVariant?: number;
  readonly derive?: readonly Derive[];
  readonly impls?: Impls<E>;
  readonly size?: number;
}

type Fields = Record<string, unknown>;
type Mutable<X> = { -readonly [K in keyof X]: X[K] };

function lazy<X>(x: X | (() => X)): () => X {
  if (typeof x !== "function") return () => x;
  let cache: X | undefined;
  return () => (cache ??= (x as () => X)());
}

/** Derived Debug of a struct or variant named `name`. */
function debugFields(name: string, shape: Shape, fields: readonly FieldSpec[], v: Fields, f: Formatter): FmtResult {
  switch (shape) {
    case "unit":
      return f.write_str(name);
    case "tuple": {
      const d = f.debug_tuple(name);
      for (const fs of fields) d.field(v[fs.name], fs.t);
      return d.finish();
    }
    case "named": {
      if (fields.length === 0) return f.write_str(name);
      const d = f.debug_struct(name);
      for (const fs of fields) d.field(fs.rust ?? fs.name, v[fs.name], fs.t);
      return d.finish();
    }
    default:
      return assertNever(shape);
  }
}

/** A copy of an object of an emitted class with some fields replaced (for Clone without `make`). */
function copyObject<X extends object>(v: X, fields: readonly FieldSpec[]): X {
  const o = Object.create(Object.getPrototypeOf(v) as object) as Fields;
  for (const k of Object.keys(v)) o[k] = (v as Fields)[k];
  if ("$m" in o) o.$m = null;
  for (const fs of fields) o[fs.name] = (fs.t.clone ?? identity)((v as Fields)[fs.name]);
  return o as X;
}

function struct<S extends object>(spec: StructSpec<S>): TypeDesc<S> {
  const fields = lazy(spec.fields);
  const has = (d: Derive) => spec.derive?.includes(d) ?? false;
  const pairs = (a: S, b: S) => fields().map((fs): [unknown, unknown, AnyDesc] => [(a as Fields)[fs.name], (b as Fields)[fs.name], fs.t]);
  const derived: Mutable<Partial<TypeDesc<S>>> = {};
  if (has("Debug")) derived.debug = (v, f) => debugFields(spec.name, spec.shape, fields(), v as Fields, f);
  if (has("Clone")) {
    derived.clone = spec.make
      ? (v) => (spec.make as (x: unknown[]) => S)(fields().map((fs) => (fs.t.clone ?? identity)((v as Fields)[fs.name])))
      : (v) => copyObject(v, fields());
  }
  if (has("PartialEq")) derived.eq = (a, b) => fields().every((fs) => need(fs.t, "eq")((a as Fields)[fs.name], (b as Fields)[fs.name]));
  if (has("Ord")) derived.cmp = (a, b) => lexCmp(pairs(a, b), "total") as number;
  if (has("PartialOrd")) derived.partial_cmp = (a, b) => lexCmp(pairs(a, b), "partial");
  if (has("Default") && spec.make) {
    const make = spec.make;
    derived.default = () => make(fields().map((fs) => need(fs.t, "default")()));
  }
  let layout: Layout | undefined;
  const lay = (): Layout => (layout ??= spec.size !== undefined ? { size: spec.size, align: 8, niches: 0 } : structLayout(fields().map((f) => f.t)));
  return {
    name: spec.name,
    copy: has("Copy"),
    get size() {
      return lay().size;
    },
    get align() {
      return lay().align;
    },
    get niches() {
      return lay().niches;
    },
    ...derived,
    ...spec.impls,
  };
}

function enumDesc<E extends { tag: number }>(spec: EnumSpec<E>): TypeDesc<E> {
  const variants = lazy(spec.variants);
  const has = (d: Derive) => spec.derive?.includes(d) ?? false;
  const variant = (v: E): VariantSpec => {
    const vs = variants()[v.tag];
    if (!vs) throw new Error(`internal error: ${spec.name} has no variant ${v.tag}, please report`);
    return vs;
  };
  const cmpBy = (order: Order) => (a: E, b: E) => {
    if (a.tag !== b.tag) return a.tag - b.tag;
    const fs = variant(a).fields;
    return lexCmp(
      fs.map((x): [unknown, unknown, AnyDesc] => [(a as unknown as Fields)[x.name], (b as unknown as Fields)[x.name], x.t]),
      order,
    );
  };
  const derived: Mutable<Partial<TypeDesc<E>>> = {};
  if (has("Debug")) {
    derived.debug = (v, f) => {
      const vs = variant(v);
      return debugFields(vs.name, vs.shape, vs.fields, v as unknown as Fields, f);
    };
  }
  if (has("Clone")) {
    derived.clone = spec.make
      ? (v) => {
          const fs = variant(v).fields;
          return (spec.make as (t: number, x: unknown[]) => E)(
            v.tag,
            fs.map((x) => (x.t.clone ?? identity)((v as unknown as Fields)[x.name])),
          );
        }
      : (v) => copyObject(v, variant(v).fields);
  }
  if (has("PartialEq")) {
    derived.eq = (a, b) =>
      a.tag === b.tag && variant(a).fields.every((x) => need(x.t, "eq")((a as unknown as Fields)[x.name], (b as unknown as Fields)[x.name]));
  }
  if (has("Ord")) derived.cmp = cmpBy("total") as (a: E, b: E) => number;
  if (has("PartialOrd")) derived.partial_cmp = cmpBy("partial");
  if (has("Default") && spec.make && spec.defaultVariant !== undefined) {
    const make = spec.make;
    const tag = spec.defaultVariant;
    derived.default = () => make(tag, []);
  }
  let layout: Layout | undefined;
  const lay = (): Layout =>
    (layout ??= spec.size !== undefined ? { size: spec.size, align: 8, niches: 0 } : enumLayout(variants().map((v) => structLayout(v.fields.map((f) => f.t)))));
  return {
    name: spec.name,
    copy: has("Copy"),
    get size() {
      return lay().size;
    },
    get align() {
      return lay().align;
    },
    get niches() {
      return lay().niches;
    },
    ...derived,
    ...spec.impls,
  };
}

/** A descriptor with some operations replaced (a user `impl Display for Vec…` is not allowed, but a
 *  user type's descriptor can be completed after its impls are known). */
function withImpls<X>(t: TypeDesc<X>, impls: Impls<X>): TypeDesc<X> {
  return { ...t, ...impls };
}

/** The descriptors: `T.i32`, `T.vec(T.string)`, `T.struct({...})`, … */
export const T = {
  i8: intDesc(INT.i8),
  i16: intDesc(INT.i16),
  i32: intDesc(INT.i32),
  i64: intDesc(INT.i64),
  i128: intDesc(INT.i128),
  isize: intDesc(INT.isize),
  u8: intDesc(INT.u8),
  u16: intDesc(INT.u16),
  u32: intDesc(INT.u32),
  u64: intDesc(INT.u64),
  u128: intDesc(INT.u128),
  usize: intDesc(INT.usize),
  f32: floatDesc("f32"),
  f64: floatDesc("f64"),
  bool: boolDesc,
  char: charDesc,
  str: strDesc,
  string: stringDesc,
  unit: unitDesc,
  never: neverDesc,
  ordering: orderingDesc,
  duration: durationDesc,
  arguments: argumentsDesc,
  parseIntError: errorDesc<ParseIntError>("ParseIntError"),
  tryFromIntError: errorDesc<TryFromIntError>("TryFromIntError"),
  charTryFromError: errorDesc<CharTryFromError>("CharTryFromError"),
  parseFloatError: errorDesc<ParseFloatError>("ParseFloatError"),
  parseBoolError: errorDesc<ParseBoolError>("ParseBoolError"),
  parseCharError: errorDesc<ParseCharError>("ParseCharError"),
  fromUtf8Error: fromUtf8ErrorDesc,
  atomicBool,
  atomic,
  int: intDesc,
  tuple,
  array,
  slice,
  vec,
  vecDeque,
  option,
  result,
  ref,
  ptr: rawPtr,
  box,
  rc,
  arc: <X>(t: TypeDesc<X>) => rc(t, { arc: true }),
  weak,
  cell,
  refCell,
  mutex,
  reverse,
  ref_guard: <X>(t: TypeDesc<X>) => guard<X, Ref<X>>("Ref", t),
  refMut_guard: <X>(t: TypeDesc<X>) => guard<X, RefMut<X>>("RefMut", t),
  mutexGuard: <X>(t: TypeDesc<X>) => guard<X, MutexGuard<X>>("MutexGuard", t),
  poll,
  pin,
  range: <V extends Int>(t: TypeDesc<V>) => rangeDesc<V, Range<V>>(t, { inclusive: false }),
  rangeInclusive: <V extends Int>(t: TypeDesc<V>) => rangeDesc<V, RangeInclusive<V>>(t, { inclusive: true }),
  rangeFrom: rangeFromDesc,
  dyn,
  assocOf,
  struct,
  enum: enumDesc,
  withImpls,
} as const;

/** `r.unwrap()` on a `Result`: the panic message shows the error with its type's Debug. */
export function result_unwrap<V, E>(r: Result<V, E>, errType: TypeDesc<E> | TypeDesc<any>, loc?: Loc): V | any {
  return r.unwrap((e) => debug_string(e, errType), loc);
}

/** `r.expect(msg)` on a `Result`: panics with `msg: {e:?}`. */
export function result_expect<V, E>(r: Result<V, E>, msg: string, errType: TypeDesc<E> | TypeDesc<any>, loc?: Loc): V | any {
  return r.expect(msg, (e) => debug_string(e, errType), loc);
}

/** `r.unwrap_err()`: the panic message shows the `Ok` value with its type's Debug. */
export function result_unwrap_err<V, E>(r: Result<V, E>, okType: TypeDesc<V> | TypeDesc<any>, loc?: Loc): E | any {
  return r.unwrap_err((v) => debug_string(v, okType), loc);
}

// std::cmp::Ordering is -1 / 0 / 1 at run time (`match a.cmp(&b) { Ordering::Less => … }` compares
// with -1); these are its methods.

/** `Ordering::Less` / `Equal` / `Greater` */
export const Ordering = { Less: -1, Equal: 0, Greater: 1 } as const;
export function ordering_reverse(o: number): number {
  return -Math.sign(o);
}
/** `a.then(b)` */
export function ordering_then(a: number, b: number): number {
  return a !== 0 ? Math.sign(a) : Math.sign(b);
}
/** `a.then_with(|| b)` */
export function ordering_then_with(a: number, f: () => number): number {
  return a !== 0 ? Math.sign(a) : Math.sign(f());
}
export function ordering_is_lt(o: number): boolean {
  return o < 0;
}
export function ordering_is_le(o: number): boolean {
  return o <= 0;
}
export function ordering_is_gt(o: number): boolean {
  return o > 0;
}
export function ordering_is_ge(o: number): boolean {
  return o >= 0;
}
export function ordering_is_eq(o: number): boolean {
  return o === 0;
}
export function ordering_is_ne(o: number): boolean {
  return o !== 0;
}

/** `a.max(b)` / `a.min(b)` / `a.clamp(lo, hi)` / `std::cmp::max(a, b)` for any `Ord` type. */
export function desc_max<X>(t: TypeDesc<X> | TypeDesc<any>, a: X, b: X): X {
  return need(t, "cmp")(b, a) >= 0 ? b : a;
}
export function desc_min<X>(t: TypeDesc<X> | TypeDesc<any>, a: X, b: X): X {
  return need(t, "cmp")(b, a) < 0 ? b : a;
}

/** `assert_eq!`'s comparison with a descriptor. */
export function desc_eq<X>(t: TypeDesc<X> | TypeDesc<any>, a: X, b: X): boolean {
  return need(t, "eq")(a, b);
}

/** `a.clone()` with a descriptor. */
export function desc_clone<X>(t: TypeDesc<X> | TypeDesc<any>, v: X): X {
  return (t.clone ?? identity)(v);
}

/** `T::default()` with a descriptor. */
export function desc_default<X>(t: TypeDesc<X> | TypeDesc<any>, loc?: Loc): X {
  const d = t.default;
  if (!d) return panic(`internal error: \`${t.name}\` has no Default, please report`, loc);
  return d();
}

/** `a.cmp(&b)` with a descriptor, as -1/0/1. */
export function desc_cmp<X>(t: TypeDesc<X> | TypeDesc<any>, a: X, b: X): number {
  return Math.sign(need(t, "cmp")(a, b));
}

/** `a.partial_cmp(&b)` with a descriptor: `Some(-1|0|1)` or `None`. */
export function desc_partial_cmp<X>(t: TypeDesc<X> | TypeDesc<any>, a: X, b: X): Option<number> {
  const c = partialCmpOf(t)(a, b);
  return c === undefined ? None<number>() : Some(Math.sign(c));
}

