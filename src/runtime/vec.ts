// `Vec<T>` and `VecDeque<T>`.
//
// An `RVec<T>` keeps its elements in a JS array `a` (its heap buffer) and a capacity that follows
// RawVec's growth policy, so a program printing `v.capacity()` prints what rustc's does:
//
//   [rust]     let mut v = Vec::new();  for i in 0..5 { v.push(i); }  println!("{}", v.capacity());
//   [lowered]  const v = Vec_new<number>();  for (…) v.push(i);   // capacities 4, 4, 4, 4, 8 → prints 8
//
// Growth: an empty vector has capacity 0; a push into a full one grows to max(2·cap, len+1, MIN) where
// MIN is 8 for 1-byte elements, 4 for elements up to 1 KiB and 1 beyond (pass the element size to the
// constructors; 4 is assumed); `with_capacity`, `vec![…]`, `clone` and `collect` from an iterator of
// known length are exact. When the buffer grows, pointers into the old buffer dangle (core's `kill`
// with "reallocated"): `let p = &v[0] as *const i32; v.push(x); unsafe { *p }` is reported as
// undefined behavior, as Miri reports it (with safe references rustc's borrow checker rejects it).
//
// Slices: `v.slice(range, loc)` is `&v[range]` (a `Slice` over `v.a`, so writes land in the vector);
// methods Rust reaches through deref to `[T]` (sort, binary_search, windows, chunks, contains…) are
// here too and forward to the slice. `VecDeque` (`RVecDeque`) is a JS array as well.

import type { Loc } from "./machine.js";
import type { Int } from "./int.js";
import { panic } from "./panic.js";
import { Ptr, killSlot, relocate } from "./memory.js";
import { None, Some, type Option, type Result } from "./option.js";
import { ArrayIter, ArrayIterMut, DONE, decay, defaultCmp, type Cmp, type RIter, type RangeBounds } from "./iter.js";
import { Slice, defaultEq, indexPanic, rangeIndices, toSlice, type Eq } from "./slice.js";
import { RString } from "./string.js";
import { drop_in_place } from "./drop.js";

function identity<T>(x: T): T {
  return x;
}

/** RawVec's smallest non-zero capacity for an element size in bytes. */
export function minNonZeroCap(elemSize: number): number {
  return elemSize === 1 ? 8 : elemSize <= 1024 ? 4 : 1;
}

/** Drop glue of an element a method removes (`clear`, `truncate`, `retain`, `dedup`…): Rust drops
 *  it then and there, so its `Drop` runs (and an `Rc` it holds is released) before the call returns. */
function dropElem(x: unknown): void {
  if ((typeof x === "object" && x !== null) || typeof x === "function") drop_in_place(x);
}

/** Removes `a[n..]` and drops it, front to back (`truncate`). */
function truncateArray(a: unknown[], n: number): void {
  if (n >= a.length) return;
  const tail = a.splice(n);
  for (const x of tail) dropElem(x);
}

/** `Vec<T>` */
export class RVec<T> {
  /** The elements (the heap buffer). */
  a: T[];
  /** Drop glue: the elements, front to back. */
  $drop(): void {
    for (const x of this.a) if ((typeof x === "object" && x !== null) || typeof x === "function") drop_in_place(x);
  }
  /** Capacity in elements. */
  $cap: number;
  /** Element size in bytes (for the growth policy); 0 for zero-sized types. */
  readonly $elemSize: number;

  constructor(a: T[] = [], opts?: { readonly cap?: number; readonly elemSize?: number }) {
    this.a = a;
    this.$elemSize = opts?.elemSize ?? 8;
    this.$cap = Math.max(opts?.cap ?? a.length, a.length);
  }

  /** Makes room for `needed` elements with amortized growth (RawVec::grow_amortized). */
  private grow(needed: number, loc?: Loc): void {
    if (needed <= this.$cap) return;
    this.$cap = Math.max(this.$cap * 2, needed, minNonZeroCap(this.$elemSize));
    this.reallocated(loc);
  }

  /** The buffer moved (as Miri sees every realloc): pointers to the elements and into them dangle —
   *  a future pinned in place with `Pin::new_unchecked(&mut v[0])` has moved. */
  private reallocated(loc?: Loc): void {
    relocate(this.a, loc ?? "0:0", "reallocated");
  }

  len(): number {
    return this.a.length;
  }
  is_empty(): boolean {
    return this.a.length === 0;
  }
  /** `v.capacity()` (`usize::MAX` for zero-sized elements). */
  capacity(): number | bigint {
    return this.$elemSize === 0 ? 18446744073709551615n : this.$cap;
  }
  reserve(additional: number, loc?: Loc): void {
    this.grow(this.a.length + additional, loc);
  }
  reserve_exact(additional: number, loc?: Loc): void {
    const need = this.a.length + additional;
    if (need > this.$cap) {
      this.$cap = need;
      this.reallocated(loc);
    }
  }
  shrink_to_fit(loc?: Loc): void {
    if (this.$cap > this.a.length) this.reallocated(loc);
    this.$cap = this.a.length;
  }
  shrink_to(min: number): void {
    this.$cap = Math.max(this.a.length, Math.min(this.$cap, min));
  }

  push(v: T, loc?: Loc): void {
    if (this.a.length === this.$cap) this.grow(this.a.length + 1, loc);
    this.a.push(v);
  }
  pop(): Option<T> {
    return this.a.length === 0 ? None<T>() : Some(this.a.pop() as T);
  }
  /** `v[i]` */
  index(ix: Int, loc?: Loc): T {
    const i = Number(ix);
    const a = this.a;
    if (!(i >= 0 && i < a.length)) return indexPanic(a.length, i, loc);
    return a[i] as T;
  }
  /** `v[i] = x` */
  set(ix: Int, v: T, loc?: Loc): void {
    const i = Number(ix);
    const a = this.a;
    if (!(i >= 0 && i < a.length)) return indexPanic(a.length, i, loc);
    a[i] = v;
  }
  /** `&mut v[i]` / `&v[i]` as a tracked pointer. */
  index_mut(ix: Int, loc: Loc): Ptr<T> {
    const i = Number(ix);
    if (!(i >= 0 && i < this.a.length)) return indexPanic(this.a.length, i, loc);
    return Ptr.to(this.a, i, loc) as Ptr<T>;
  }
  /** `&v[range]` / `&mut v[range]` */
  slice(r: RangeBounds, loc?: Loc): Slice<T> {
    return this.as_slice().slice(r, loc);
  }
  as_slice(): Slice<T> {
    return new Slice(this.a, 0, this.a.length);
  }
  as_mut_slice(): Slice<T> {
    return this.as_slice();
  }
  get(ix: Int): Option<T> {
    const i = Number(ix);
    return i >= 0 && i < this.a.length ? Some(this.a[i] as T) : None<T>();
  }
  get_mut(ix: Int, loc: Loc): Option<Ptr<T>> {
    const i = Number(ix);
    return i >= 0 && i < this.a.length ? Some(Ptr.to(this.a, i, loc) as Ptr<T>) : None<Ptr<T>>();
  }
  first(): Option<T> {
    return this.get(0);
  }
  last(): Option<T> {
    return this.get(this.a.length - 1);
  }
  first_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(0, loc);
  }
  last_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(this.a.length - 1, loc);
  }
  /** `v.insert(i, x)`; panics `insertion index (is 5) should be <= len (is 3)`. */
  insert(ix: Int, v: T, loc?: Loc): void {
    const i = Number(ix);
    const n = this.a.length;
    if (!(i >= 0 && i <= n)) return panic(`insertion index (is ${i}) should be <= len (is ${n})`, loc);
    if (n === this.$cap) this.grow(n + 1, loc);
    this.a.splice(i, 0, v);
    this.shifted(i, n + 1, loc);
  }
  /** Elements `from..to` moved to other slots (`insert`, `remove`): pointers to those slots and into
   *  those elements dangle, as Miri sees it (the `&mut self` call invalidates them). */
  private shifted(from: number, to: number, loc?: Loc): void {
    const at = loc ?? "0:0";
    for (let j = from; j < to; j++) {
      killSlot(this.a, j, at, "moved");
      relocate(this.a[j], at);
    }
  }
  /** `v.remove(i)`; panics `removal index (is 5) should be < len (is 3)`. */
  remove(ix: Int, loc?: Loc): T {
    const i = Number(ix);
    const n = this.a.length;
    if (!(i >= 0 && i < n)) return panic(`removal index (is ${i}) should be < len (is ${n})`, loc);
    const v = this.a.splice(i, 1)[0] as T;
    this.shifted(i, n, loc);
    return relocate(v, loc ?? "0:0");
  }
  /** `v.swap_remove(i)`; panics `swap_remove index (is 5) should be < len (is 3)`. */
  swap_remove(ix: Int, loc?: Loc): T {
    const i = Number(ix);
    const a = this.a;
    const n = a.length;
    if (!(i >= 0 && i < n)) return panic(`swap_remove index (is ${i}) should be < len (is ${n})`, loc);
    const v = a[i] as T;
    a[i] = a[n - 1] as T;
    a.pop();
    return v;
  }
  swap(ix: Int, jx: Int, loc?: Loc): void {
    const i = Number(ix);
    const j = Number(jx);
    this.as_slice().swap(i, j, loc);
  }
  truncate(n: number): void {
    truncateArray(this.a, n);
  }
  clear(): void {
    truncateArray(this.a, 0);
  }
  /** `v.extend(iter)`: with Rust's reservation (exact-size iterators reserve once). */
  extend(items: RIter<T> | Iterable<T>, loc?: Loc): void {
    if (Array.isArray(items)) return this.extend_from_slice(items as T[], identity, loc);
    if (items instanceof Slice) return this.extend_from_slice(items, identity, loc);
    const it = items as RIter<T>;
    if (typeof it.nextRaw !== "function") {
      for (const v of items as Iterable<T>) this.push(decay(v), loc);
      return;
    }
    const n = it.exactLen();
    if (n >= 0) this.reserve(n, loc);
    for (let v = it.nextRaw(); v !== DONE; v = it.nextRaw()) this.push(decay(v), loc);
  }
  /** `v.extend_from_slice(s)`: `clone` is the element type's Clone (identity for Copy types). */
  extend_from_slice(s: Slice<T> | readonly T[], clone: (x: T) => T = identity, loc?: Loc): void {
    const q = toSlice(s);
    this.reserve(q.len(), loc);
    for (let i = q.start; i < q.end; i++) this.a.push(clone(q.a[i] as T));
  }
  /** `v.append(&mut other)`: moves all of `other`'s elements. */
  append(other: RVec<T>, loc?: Loc): void {
    this.reserve(other.a.length, loc);
    for (const x of other.a) this.a.push(x);
    other.a.length = 0;
  }
  /** `v.split_off(at)` */
  split_off(at: number, loc?: Loc): RVec<T> {
    if (at > this.a.length) return panic(`\`at\` split index (is ${at}) should be <= len (is ${this.a.length})`, loc);
    const tail = this.a.splice(at);
    return new RVec(tail, { elemSize: this.$elemSize });
  }
  /** `v.resize(n, x)`: `clone` makes each new element. */
  resize(n: number, v: T, clone: (x: T) => T = identity, loc?: Loc): void {
    if (n <= this.a.length) {
      truncateArray(this.a, n);
      dropElem(v);
      return;
    }
    this.reserve(n - this.a.length, loc);
    while (this.a.length < n) this.a.push(clone(v));
  }
  resize_with(n: number, f: () => T, loc?: Loc): void {
    if (n <= this.a.length) {
      truncateArray(this.a, n);
      return;
    }
    this.reserve(n - this.a.length, loc);
    while (this.a.length < n) this.a.push(f());
  }
  contains(x: T, eq: Eq<T> = defaultEq): boolean {
    return this.as_slice().contains(x, eq);
  }
  iter(): ArrayIter<T> {
    return new ArrayIter(this.a);
  }
  iter_mut(loc: Loc): ArrayIterMut<T> {
    return new ArrayIterMut(this.a, 0, this.a.length, loc);
  }
  /** `v.into_iter()` (consumes the vector). */
  into_iter(): ArrayIter<T> {
    return new ArrayIter(this.a);
  }
  /** `v.drain(range)`: removes the range now and iterates over the removed elements. */
  drain(r: RangeBounds = {}, loc?: Loc): ArrayIter<T> {
    const [i, j] = rangeIndices(r, this.a.length, loc);
    return new ArrayIter(this.a.splice(i, j - i));
  }
  retain(keep: (x: T) => boolean): void {
    let w = 0;
    const a = this.a;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as T;
      if (keep(x)) a[w++] = x;
      else dropElem(x);
    }
    a.length = w;
  }
  /** `retain_mut(|x| …)`: the closure gets a pointer to each element. */
  retain_mut(keep: (x: Ptr<T>) => boolean, loc: Loc): void {
    const flags = this.a.map((_, i) => {
      const k = keep(Ptr.to(this.a, i, loc) as Ptr<T>);
      if (!k) dropElem(this.a[i]);
      return k;
    });
    this.a = this.a.filter((_, i) => flags[i]);
  }
  dedup(eq: Eq<T> = defaultEq): void {
    this.dedup_by((a, b) => eq(a, b));
  }
  /** `dedup_by(|a, b| …)`: `a` is the later element, `b` the kept earlier one (Rust's order). */
  dedup_by(same: (a: T, b: T) => boolean): void {
    const a = this.a;
    if (a.length < 2) return;
    let w = 1;
    for (let r = 1; r < a.length; r++) {
      if (!same(a[r] as T, a[w - 1] as T)) a[w++] = a[r] as T;
      else dropElem(a[r]);
    }
    a.length = w;
  }
  dedup_by_key<K>(key: (x: T) => K, eq: Eq<K> = defaultEq): void {
    this.dedup_by((a, b) => eq(key(a), key(b)));
  }
  reverse(): void {
    this.a.reverse();
  }
  sort(cmp: Cmp<T> = defaultCmp): void {
    this.as_slice().sort(cmp);
  }
  sort_by(cmp: Cmp<T>): void {
    this.as_slice().sort_by(cmp);
  }
  sort_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): void {
    this.as_slice().sort_by_key(key, cmp);
  }
  sort_unstable(cmp: Cmp<T> = defaultCmp): void {
    this.as_slice().sort_unstable(cmp);
  }
  sort_unstable_by(cmp: Cmp<T>): void {
    this.as_slice().sort_unstable_by(cmp);
  }
  sort_unstable_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): void {
    this.as_slice().sort_unstable_by_key(key, cmp);
  }
  binary_search(x: T, cmp: Cmp<T> = defaultCmp): Result<number, number> {
    return this.as_slice().binary_search(x, cmp);
  }
  binary_search_by(f: (x: T) => number): Result<number, number> {
    return this.as_slice().binary_search_by(f);
  }
  binary_search_by_key<K>(k: K, key: (x: T) => K, cmp: Cmp<K> = defaultCmp): Result<number, number> {
    return this.as_slice().binary_search_by_key(k, key, cmp);
  }
  split_at(mid: number, loc?: Loc): [Slice<T>, Slice<T>] {
    return this.as_slice().split_at(mid, loc);
  }
  windows(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    return this.as_slice().windows(n, loc);
  }
  chunks(n: number, loc?: Loc): ArrayIter<Slice<T>> {
    return this.as_slice().chunks(n, loc);
  }
  fill(v: T, clone: (x: T) => T = identity): void {
    this.as_slice().fill(v, clone);
  }
  starts_with(p: Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    return this.as_slice().starts_with(p, eq);
  }
  ends_with(p: Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    return this.as_slice().ends_with(p, eq);
  }
  rotate_left(k: number, loc?: Loc): void {
    this.as_slice().rotate_left(k, loc);
  }
  rotate_right(k: number, loc?: Loc): void {
    this.as_slice().rotate_right(k, loc);
  }
  /** `v.to_vec()` / `v.clone()`: exact capacity; `clone` is the element type's Clone. */
  to_vec(clone: (x: T) => T = identity): RVec<T> {
    return new RVec(clone === identity ? this.a.slice() : this.a.map((x) => clone(x)), { elemSize: this.$elemSize });
  }
  clone(cloneElem: (x: T) => T = identity): RVec<T> {
    return this.to_vec(cloneElem);
  }
  /** `[[1, 2], [3]].concat()` */
  concat<U>(this: RVec<RVec<U> | Slice<U> | U[]>): RVec<U> {
    const out: U[] = [];
    for (const part of this.a) out.push(...(part instanceof RVec ? part.a : toSlice(part).toArray()));
    return new RVec(out);
  }
  /** `v.join(sep)` for strings (`["a", "b"].join(", ")`). */
  join(this: RVec<string | RString>, sep: string): RString {
    return new RString(this.a.map((p) => (typeof p === "string" ? p : p.s)).join(sep));
  }
  eq(other: RVec<T> | Slice<T> | readonly T[], eq: Eq<T> = defaultEq): boolean {
    return this.as_slice().eq(other instanceof RVec ? other.a : other, eq);
  }
  [Symbol.iterator](): Iterator<T> {
    return this.a[Symbol.iterator]();
  }
}

/** `Vec::new()` (`elemSize`: the element type's size in bytes, for capacity growth). */
export function Vec_new<T>(elemSize?: number): RVec<T> {
  return new RVec<T>([], { cap: 0, elemSize: elemSize ?? 8 });
}
/** `Vec::with_capacity(n)` */
export function Vec_with_capacity<T>(n: number, elemSize?: number): RVec<T> {
  return new RVec<T>([], { cap: n, elemSize: elemSize ?? 8 });
}
/** `vec![a, b, c]` (capacity = length) */
export function vec_of<T>(items: T[], elemSize?: number): RVec<T> {
  return new RVec(items, { elemSize: elemSize ?? 8 });
}
/** `vec![x; n]`: `clone` makes the copies (the last element is `x` itself, as in Rust). */
export function vec_repeat<T>(x: T, count: Int, clone: (x: T) => T = identity, elemSize?: number): RVec<T> {
  // A count past 2^53 (a `usize` held as a bigint) could never be allocated anyway.
  const n = Number(count);
  const a = new Array<T>(n);
  for (let i = 0; i < n - 1; i++) a[i] = clone(x);
  if (n > 0) a[n - 1] = x;
  return new RVec(a, { elemSize: elemSize ?? 8 });
}
/** `s.to_vec()` / `Vec::from(&[…])` */
export function Vec_from_slice<T>(s: Slice<T> | readonly T[], clone: (x: T) => T = identity): RVec<T> {
  return new RVec(toSlice(s).to_array(clone));
}

/**
 * `collect::<Vec<T>>()` (`it.collect(Vec_from_iter)`): exact capacity when the iterator knows its
 * length; otherwise Rust's `max(MIN_NON_ZERO_CAP, lower + 1)` start and amortized growth.
 */
export function Vec_from_iter<T>(it: RIter<T>): RVec<T> {
  const n = it.exactLen();
  const a = it.toArray();
  if (n >= 0 || a.length === 0) return new RVec(a, { cap: a.length });
  let cap = Math.max(4, 1);
  while (cap < a.length) cap *= 2;
  return new RVec(a, { cap });
}

/** `collect::<Vec<T>>()` with the element size known (for the capacity policy). */
export function vec_collector<T>(elemSize: number): (it: RIter<T>) => RVec<T> {
  return (it) => {
    const v = Vec_from_iter(it);
    const n = v.a.length;
    if (v.$cap !== n || n === 0) {
      let cap = Math.max(minNonZeroCap(elemSize), 1);
      while (cap < n) cap *= 2;
      v.$cap = n === 0 ? 0 : cap;
    }
    return new RVec(v.a, { cap: v.$cap, elemSize });
  };
}

// ---------------------------------------------------------------------------------------------------
// VecDeque

/** `VecDeque<T>`: the elements front to back in a JS array. */
export class RVecDeque<T> {
  constructor(public a: T[] = []) {}
  /** Drop glue: the elements, front to back. */
  $drop(): void {
    for (const x of this.a) if ((typeof x === "object" && x !== null) || typeof x === "function") drop_in_place(x);
  }

  len(): number {
    return this.a.length;
  }
  is_empty(): boolean {
    return this.a.length === 0;
  }
  push_back(v: T): void {
    this.a.push(v);
  }
  push_front(v: T): void {
    this.a.unshift(v);
  }
  pop_front(): Option<T> {
    return this.a.length === 0 ? None<T>() : Some(this.a.shift() as T);
  }
  pop_back(): Option<T> {
    return this.a.length === 0 ? None<T>() : Some(this.a.pop() as T);
  }
  front(): Option<T> {
    return this.get(0);
  }
  back(): Option<T> {
    return this.get(this.a.length - 1);
  }
  front_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(0, loc);
  }
  back_mut(loc: Loc): Option<Ptr<T>> {
    return this.get_mut(this.a.length - 1, loc);
  }
  get(ix: Int): Option<T> {
    const i = Number(ix);
    return i >= 0 && i < this.a.length ? Some(this.a[i] as T) : None<T>();
  }
  get_mut(ix: Int, loc: Loc): Option<Ptr<T>> {
    const i = Number(ix);
    return i >= 0 && i < this.a.length ? Some(Ptr.to(this.a, i, loc) as Ptr<T>) : None<Ptr<T>>();
  }
  /** `d[i]`; panics `Out of bounds access` like VecDeque's Index. */
  index(ix: Int, loc?: Loc): T {
    const i = Number(ix);
    if (!(i >= 0 && i < this.a.length)) return panic("Out of bounds access", loc);
    return this.a[i] as T;
  }
  set(ix: Int, v: T, loc?: Loc): void {
    const i = Number(ix);
    if (!(i >= 0 && i < this.a.length)) return panic("Out of bounds access", loc);
    this.a[i] = v;
  }
  insert(ix: Int, v: T, loc?: Loc): void {
    const i = Number(ix);
    if (!(i >= 0 && i <= this.a.length)) return panic("index out of bounds", loc);
    this.a.splice(i, 0, v);
  }
  remove(ix: Int): Option<T> {
    const i = Number(ix);
    return i >= 0 && i < this.a.length ? Some(this.a.splice(i, 1)[0] as T) : None<T>();
  }
  swap(ix: Int, jx: Int, loc?: Loc): void {
    const i = Number(ix);
    const j = Number(jx);
    const n = this.a.length;
    if (!(i < n)) return panic("assertion failed: i < self.len()", loc);
    if (!(j < n)) return panic("assertion failed: j < self.len()", loc);
    const t = this.a[i] as T;
    this.a[i] = this.a[j] as T;
    this.a[j] = t;
  }
  contains(x: T, eq: Eq<T> = defaultEq): boolean {
    return this.a.some((y) => eq(y, x));
  }
  clear(): void {
    truncateArray(this.a, 0);
  }
  truncate(n: number): void {
    truncateArray(this.a, n);
  }
  retain(keep: (x: T) => boolean): void {
    this.a = this.a.filter((x) => {
      if (keep(x)) return true;
      dropElem(x);
      return false;
    });
  }
  extend(items: RIter<T> | Iterable<T>): void {
    for (const v of items as Iterable<T>) this.a.push(decay(v));
  }
  iter(): ArrayIter<T> {
    return new ArrayIter(this.a);
  }
  iter_mut(loc: Loc): ArrayIterMut<T> {
    return new ArrayIterMut(this.a, 0, this.a.length, loc);
  }
  into_iter(): ArrayIter<T> {
    return new ArrayIter(this.a);
  }
  drain(r: RangeBounds = {}, loc?: Loc): ArrayIter<T> {
    const [i, j] = rangeIndices(r, this.a.length, loc);
    return new ArrayIter(this.a.splice(i, j - i));
  }
  make_contiguous(): Slice<T> {
    return new Slice(this.a, 0, this.a.length);
  }
  rotate_left(k: number): void {
    this.a = this.a.slice(k).concat(this.a.slice(0, k));
  }
  rotate_right(k: number): void {
    this.rotate_left(this.a.length - k);
  }
  clone(cloneElem: (x: T) => T = identity): RVecDeque<T> {
    return new RVecDeque(this.a.map((x) => cloneElem(x)));
  }
  eq(other: RVecDeque<T>, eq: Eq<T> = defaultEq): boolean {
    return toSlice(this.a).eq(other.a, eq);
  }
  [Symbol.iterator](): Iterator<T> {
    return this.a[Symbol.iterator]();
  }
}

export function VecDeque_new<T>(): RVecDeque<T> {
  return new RVecDeque<T>();
}
export function VecDeque_with_capacity<T>(_n: number): RVecDeque<T> {
  return new RVecDeque<T>();
}
/** `collect::<VecDeque<T>>()` / `VecDeque::from(vec)` */
export function VecDeque_from_iter<T>(it: RIter<T> | Iterable<T>): RVecDeque<T> {
  if (it instanceof RVec) return new RVecDeque(it.a.slice());
  const r = it as RIter<T>;
  return new RVecDeque(typeof r.toArray === "function" ? r.toArray() : Array.from(it as Iterable<T>));
}
