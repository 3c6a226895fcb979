// Slices `&[T]` / `&mut [T]` and arrays `[T; N]`.
//
// An array is a JS array (`[T; N]`, and tuples, per ARCHITECTURE.md). A slice is a view: `Slice<T>`
// holds the backing JS array (a vector's `a`, or an array) and a `[start, end)` window, so writes
// through a `&mut [T]` land in the vector or array it was cut from:
//
//   [rust]     let s = &mut v[1..3];  s[0] = 9;  s.sort();
//   [lowered]  const s = v.slice({ start: 1, end: 3 }, "4:18");  s.set(0, 9, "4:28");  s.sort();
//              // v.a is updated in place
//
// Indexing checks bounds and panics with rustc's messages (`index out of bounds: the len is 3 but the
// index is 5`, `range end index 5 out of range for slice of length 3`, `slice index starts at 2 but
// ends at 1`). Functions on arrays are `array_<method>(a, …)` (`array_index(a, i, loc)`,
// `array_repeat(v, n)`); the rest goes through `slice_of(a)`.
//
// Element operations that depend on the element type (equality, order, clone) take the function
// from the element's descriptor; the defaults (`===`, `<`, identity) are right for Copy primitives.

import type { Loc } from "./machine.js";
import type { Int } from "./int.js";
import { panic } from "./panic.js";
import { Ptr } from "./memory.js";
import { Err, None, Ok, Some, type Option, type Result } from "./option.js";
import { ArrayIter, ArrayIterMut, defaultCmp, type Cmp, type RangeBounds } from "./iter.js";

export type Eq<T> = (a: T, b: T) => boolean;

export function defaultEq<T>(a: T, b: T): boolean {
  return a === b;
}

function identity<T>(x: T): T {
  return x;
}

/** `index out of bounds: the len is L but the index is I` */
export function indexPanic(len: number, i: number | bigint, loc: Loc | undefined): never {
  return panic(`index out of bounds: the len is ${len} but the index is ${i}`, loc);
}

/** Resolves a range against a length of `len`, panicking like slice indexing. */
export function rangeIndices(r: RangeBounds, len: number, loc: Loc | undefined): [number, number] {
  const a = r.start ?? 0;
  let b = r.end ?? len;
  if (r.inclusive) {
    // rustc reports the inclusive end itself (`..=3` of a 3-element slice: "range end index 3").
    if (b >= len) return panic(`range end index ${b} out of range for slice of length ${len}`, loc);
    b += 1;
  }
  if (a > b) return panic(`slice index starts at ${a} but ends at ${b}`, loc);
  if (b > len) return panic(`range end index ${b} out of range for slice of length ${len}`, loc);
  return [a, b];
}

function startCheck(r: RangeBounds, len: number, loc: Loc | undefined): void {
  if (r.end === undefined && (r.start ?? 0) > len) panic(`range start index ${r.start} out of range for slice of length ${len}`, loc);
}

/** `&[T]` / `&mut [T]`: a window `[start, end)` of a JS array. */
export class Slice<T> {
  constructor(
    readonly a: T[],
    readonly start: number,
    readonly end: number,
  ) {}

  len(): number {
    return this.end - this.start;
  }
  is_empty(): boolean {
    return this.end === this.start;
  }
  /** `s[i]` */
  index(ix: Int, loc?: Loc): T {
    const i = Number(ix);
    if (!(i >= 0 && i < this.end - this.start)) return indexPanic(this.end - this.start, i, loc);
    return this.a[this.start + i] as T;
  }
  /** `s[i] = v` */
  set(ix: Int, v: T, loc?: Loc): void {
    const i = Number(ix);
    if (!(i >= 0 && i < this.end - this.start)) return indexPanic(this.end - this.start, i, loc);
    this.a[this.start + i] = v;
  }
  /** `&mut s[i]`: a tracked pointer to the element. */
  index_mut(ix: Int, loc: Loc): Ptr<T> {
    const i = Number(ix);
    if (!(i >= 0 && i < this.end - this.start)) return indexPanic(this.end - this.start, i, loc);
    return Ptr.to(this.a, this.start + i, loc) as Ptr<T>;
  }
  /** `&s[a..b]` */
  slice(r: RangeBounds, loc?: Loc): Slice<T> {
    startCheck(r, this.len(), loc);
    const [i, j] = rangeIndices(r, this.len(), loc);
    return new Slice(this.a, this.start + i, this.start + j);
  }
  get(ix: Int): Option<T> {
    const i = Number(ix);
    return i >= 0 && i < this.len() ? Some(this.a[this.start + i] as T) : None<T>();
  }
  get_mut(ix: Int, loc: Loc): Option<Ptr<T>> {
    const i = Number(ix);
    return i >= 0 && i < this.len() ? Some(Ptr.to(this.a, this.start + i, loc) as Ptr<T>) : None<Ptr<T>>();
  }
  get_range(r: RangeBounds): Option<Slice<T>> {
    const a = r.start ?? 0;
    const b = (r.end ?? this.len()) + (r.inclusive ? 1 : 0);
    return a <= b && b <= this.len() ? Some(new Slice(this.a, this.start + a, this.start + b)) : None<Slice<T>>();
  }
  first(): Option<T> {
    return this.get(0);
  }
  last(): Option<T> {
    return this.get(this.len() - 1);
  }
  first_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(0, loc);
  }
  last_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(this.len() - 1, loc);
  }
  split_first(): Option<[T, Slice<T>]> {
    return this.is_empty() ? None() : Some<[T, Slice<T>]>([this.a[this.start] as T, new Slice(this.a, this.start + 1, this.end)]);
  }
  split_last(): Option<[T, Slice<T>]> {
    return this.is_empty() ? None() : Some<[T, Slice<T>]>([this.a[this.end - 1] as T, new Slice(this.a, this.start, this.end - 1)]);
  }
  iter(): ArrayIter<T> {
    return new ArrayIter(this.a, this.start, this.end);
  }
  iter_mut(loc: Loc): ArrayIterMut<T> {
    return new ArrayIterMut(this.a, this.start, this.end, loc);
  }
  /** The elements as a fresh JS array. */
  toArray(): T[] {
    return this.a.slice(this.start, this.end);
  }
  /** `s.to_vec()` as a JS array (vec.ts wraps it: `Vec_from_slice`). */
  to_array(clone: (x: T) => T = identity): T[] {
    const out = this.a.slice(this.start, this.end);
    if (clone !== identity) for (let i = 0; i < out.length; i++) out[i] = clone(out[i] as T);
    return out;
  }
  contains(x: T, eq: Eq<T> = defaultEq): boolean {
    for (let i = this.start; i < this.end; i++) if (eq(this.a[i] as T, x)) return true;
    return false;
  }
  starts_with(p: Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    const q = toSlice(p);
    if (q.len() > this.len()) return false;
    for (let i = 0; i < q.len(); i++) if (!eq(this.a[this.start + i] as T, q.a[q.start + i] as T)) return false;
    return true;
  }
  ends_with(p: Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    const q = toSlice(p);
    const off = this.len() - q.len();
    if (off < 0) return false;
    for (let i = 0; i < q.len(); i++) if (!eq(this.a[this.start + off + i] as T, q.a[q.start + i] as T)) return false;
    return true;
  }
  swap(ix: Int, jx: Int, loc?: Loc): void {
    const i = Number(ix);
    const j = Number(jx);
    const n = this.len();
    if (!(i >= 0 && i < n)) return indexPanic(n, i, loc);
    if (!(j >= 0 && j < n)) return indexPanic(n, j, loc);
    const a = this.a;
    const t = a[this.start + i] as T;
    a[this.start + i] = a[this.start + j] as T;
    a[this.start + j] = t;
  }
  reverse(): void {
    for (let i = this.start, j = this.end - 1; i < j; i++, j--) {
      const t = this.a[i] as T;
      this.a[i] = this.a[j] as T;
      this.a[j] = t;
    }
  }
  /** Stable sort (`sort`, `sort_by`); JS's sort is stable like Rust's. */
  sort_by(cmp: Cmp<T>): void {
    const part = this.a.slice(this.start, this.end).sort(cmp);
    for (let i = 0; i < part.length; i++) this.a[this.start + i] = part[i] as T;
  }
  sort(cmp: Cmp<T> = defaultCmp): void {
    this.sort_by(cmp);
  }
  sort_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): void {
    this.sort_by((x, y) => cmp(key(x), key(y)));
  }
  sort_by_cached_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): void {
    this.sort_by_key(key, cmp);
  }
  /** FIXME: stable here; Rust's unstable sort may order equal elements differently. */
  sort_unstable(cmp: Cmp<T> = defaultCmp): void {
    this.sort_by(cmp);
  }
  sort_unstable_by(cmp: Cmp<T>): void {
    this.sort_by(cmp);
  }
  sort_unstable_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): void {
    this.sort_by_key(key, cmp);
  }
  is_sorted(cmp: Cmp<T> = defaultCmp): boolean {
    for (let i = this.start + 1; i < this.end; i++) if (cmp(this.a[i - 1] as T, this.a[i] as T) > 0) return false;
    return true;
  }
  /** `binary_search_by(f)` with Rust's exact probing (which equal element is found matters). */
  binary_search_by(f: (x: T) => number): Result<number, number> {
    let size = this.len();
    if (size === 0) return Err(0);
    let base = 0;
    while (size > 1) {
      const half = Math.floor(size / 2);
      const mid = base + half;
      const c = f(this.a[this.start + mid] as T);
      base = c > 0 ? base : mid;
      size -= half;
    }
    const c = f(this.a[this.start + base] as T);
    if (c === 0) return Ok(base);
    return Err(base + (c < 0 ? 1 : 0));
  }
  binary_search(x: T, cmp: Cmp<T> = defaultCmp): Result<number, number> {
    return this.binary_search_by((e) => cmp(e, x));
  }
  binary_search_by_key<K>(k: K, key: (x: T) => K, cmp: Cmp<K> = defaultCmp): Result<number, number> {
    return this.binary_search_by((e) => cmp(key(e), k));
  }
  /** `split_at(mid)`; panics `mid > len`. */
  split_at(mid: number, loc?: Loc): [Slice<T>, Slice<T>] {
    if (mid > this.len()) return panic("mid > len", loc);
    return [new Slice(this.a, this.start, this.start + mid), new Slice(this.a, this.start + mid, this.end)];
  }
  split_at_mut(mid: number, loc?: Loc): [Slice<T>, Slice<T>] {
    return this.split_at(mid, loc);
  }
  /** `windows(n)`; panics `window size must be non-zero`. */
  windows(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    if (n === 0) return panic("window size must be non-zero", loc);
    const out: Slice<T>[] = [];
    for (let i = this.start; i + n <= this.end; i++) out.push(new Slice(this.a, i, i + n));
    return new ArrayIter(out);
  }
  /** `chunks(n)`; panics `chunk size must be non-zero`. */
  chunks(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    if (n === 0) return panic("chunk size must be non-zero", loc);
    const out: Slice<T>[] = [];
    for (let i = this.start; i < this.end; i += n) out.push(new Slice(this.a, i, Math.min(i + n, this.end)));
    return new ArrayIter(out);
  }
  chunks_exact(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    if (n === 0) return panic("chunk size must be non-zero", loc);
    const out: Slice<T>[] = [];
    for (let i = this.start; i + n <= this.end; i += n) out.push(new Slice(this.a, i, i + n));
    return new ArrayIter(out);
  }
  rchunks(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    if (n === 0) return panic("chunk size must be non-zero", loc);
    const out: Slice<T>[] = [];
    for (let j = this.end; j > this.start; j -= n) out.push(new Slice(this.a, Math.max(this.start, j - n), j));
    return new ArrayIter(out);
  }
  /** `split(|x| …)` on a slice: the runs between matching elements. */
  split(p: (x: T) => boolean): ArrayIter<Slice<T>> {
    const out: Slice<T>[] = [];
    let from = this.start;
    for (let i = this.start; i < this.end; i++) {
      if (p(this.a[i] as T)) {
        out.push(new Slice(this.a, from, i));
        from = i + 1;
      }
    }
    out.push(new Slice(this.a, from, this.end));
    return new ArrayIter(out);
  }
  fill(v: T, clone: (x: T) => T = identity): void {
    for (let i = this.start; i < this.end; i++) this.a[i] = clone(v);
  }
  copy_from_slice(src: Slice<T> | readonly T[], loc?: Loc): void {
    const q = toSlice(src);
    if (q.len() !== this.len()) {
      return panic(`copy_from_slice: source slice length (${q.len()}) does not match destination slice length (${this.len()})`, loc);
    }
    const tmp = q.toArray();
    for (let i = 0; i < tmp.length; i++) this.a[this.start + i] = tmp[i] as T;
  }
  clone_from_slice(src: Slice<T> | readonly T[], clone: (x: T) => T, loc?: Loc): void {
    this.copy_from_slice(toSlice(src).to_array(clone), loc);
  }
  rotate_left(k: number, loc?: Loc): void {
    if (k > this.len()) return panic("assertion failed: mid <= self.len()", loc);
    const part = this.toArray();
    const r = part.slice(k).concat(part.slice(0, k));
    for (let i = 0; i < r.length; i++) this.a[this.start + i] = r[i] as T;
  }
  rotate_right(k: number, loc?: Loc): void {
    if (k > this.len()) return panic("assertion failed: k <= self.len()", loc);
    this.rotate_left(this.len() - k, loc);
  }
  /** `[a, b].concat()` of slices/vectors (of anything with a JS array view). */
  iterPtr(ix: Int, loc: Loc): Ptr<T> {
    const i = Number(ix);
    return Ptr.to(this.a, this.start + i, loc) as Ptr<T>;
  }
  /** `s.eq(t)` with the element type's equality. */
  eq(other: Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    const q = toSlice(other);
    if (q.len() !== this.len()) return false;
    for (let i = 0; i < q.len(); i++) if (!eq(this.a[this.start + i] as T, q.a[q.start + i] as T)) return false;
    return true;
  }
  /** Lexicographic `cmp` with the element type's order. */
  cmp(other: Slice<T> | readonly T[], cmp: Cmp<T> = defaultCmp): number {
    const q = toSlice(other);
    const n = Math.min(this.len(), q.len());
    for (let i = 0; i < n; i++) {
      const c = cmp(this.a[this.start + i] as T, q.a[q.start + i] as T);
      if (c !== 0) return c;
    }
    return this.len() - q.len() < 0 ? -1 : this.len() > q.len() ? 1 : 0;
  }
  [Symbol.iterator](): Iterator<T> {
    return this.a.slice(this.start, this.end)[Symbol.iterator]();
  }
}

/** A JS array or a slice as a slice. */
export function toSlice<T>(x: Slice<T> | readonly T[]): Slice<T> {
  return x instanceof Slice ? x : new Slice(x as T[], 0, x.length);
}

// ---------------------------------------------------------------------------------------------------
// Arrays

/** `&a[..]` / `&mut a[..]` of an array */
export function slice_of<T>(a: T[]): Slice<T> {
  return new Slice(a, 0, a.length);
}
/** `a[i]` with a bounds check */
export function array_index<T>(a: readonly T[], ix: Int, loc?: Loc): T {
  const i = Number(ix);
  if (!(i >= 0 && i < a.length)) return indexPanic(a.length, i, loc);
  return a[i] as T;
}
/** `a[i] = v` with a bounds check */
export function array_set<T>(a: T[], ix: Int, v: T, loc?: Loc): void {
  const i = Number(ix);
  if (!(i >= 0 && i < a.length)) return indexPanic(a.length, i, loc);
  a[i] = v;
}
/** `&a[r]` */
export function array_slice<T>(a: T[], r: RangeBounds, loc?: Loc): Slice<T> {
  return slice_of(a).slice(r, loc);
}
export function array_len(a: readonly unknown[]): number {
  return a.length;
}
export function array_iter<T>(a: readonly T[]): ArrayIter<T> {
  return new ArrayIter(a);
}
/** `[v; n]`: `clone` makes each element (identity for Copy types, as rustc requires for arrays). */
export function array_repeat<T>(v: T, n: number, clone: (x: T) => T = identity): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = clone(v);
  return out;
}
/** `a.map(f)` on an array */
export function array_map<T, U>(a: readonly T[], f: (x: T) => U): U[] {
  return a.map((x) => f(x));
}
export function array_contains<T>(a: readonly T[], x: T, eq: Eq<T> = defaultEq): boolean {
  return slice_of(a as T[]).contains(x, eq);
}
