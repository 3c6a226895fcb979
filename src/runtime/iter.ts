// Rust's `Iterator` protocol: ranges, the iterators of collections and strings, adaptors, consumers.
//
// An iterator is an `RIter<T>`: `it.next()` returns an `Option<T>` as in Rust. Internally, adaptors
// and consumers use `nextRaw()`, which returns the item or the `DONE` sentinel, so a chain like
//
//   [rust]     let s: i32 = v.iter().filter(|x| **x > 1).map(|x| x * 10).sum();
//   [lowered]  const s = rt.iter_of(v).filter((x) => deref(deref(x)) > 1).map((x) => i32_mul(deref(x), 10, "3:40")).sum(INT.i32, "3:49");
//
// allocates no `Option` per item. A built-in iterator implements `nextRaw` (and `nextBackRaw` when it is
// double-ended); a user `impl Iterator for Counter` is an emitted class that extends `RIter` and
// implements `next()` — the base class bridges the two and provides every adaptor, so
// `Counter::new().zip(…).map(…).sum()` works on it.
//
// References to elements. `v.iter()` as emitted code calls it (`iter_of`) yields `ElemRef`s, pointers
// into the backing array, so `ptr::eq(x, p)` sees the element's address; closures read them through
// `deref`, and consumers that need values (sums, `copied`/`cloned`, default comparisons, builders —
// `Extend<&T> for Vec<T>`) read them. The runtime's own `RVec.iter()`/`Slice.iter()` yield the
// elements themselves. `iter_mut()` yields `Ptr`s into the vector's backing array (core's memory
// model: a push that reallocates invalidates them). `cloned()`/`copied()` take the type's clone.
//
// Iterators are values stored inline (a `for` loop's `iter` is a saved local of a future), so `RIter`
// extends core's `Composite`. Fields that point into heap storage (a vector's array) are named with a
// leading `$`, which the memory model does not walk: moving the iterator does not move the vector.
//
// `for x in a..b` over numbers is best emitted as a plain JS loop; `Range` is for ranges as values and
// for ranges that flow into adaptors. Ranges of every integer kind are supported (bigint past 2^53).
// `collect` takes the target's builder, chosen by the compiler from the target type:
// `it.collect(Vec_from_iter)`, `it.collect(String_from_iter)` (vec.ts, string.ts).

import type { Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Composite, Ptr } from "./memory.js";
import { Err, None, Ok, Option, Some, type Result } from "./option.js";
import { int_add, int_mul, int_sub, type Int, type IntKind } from "./int.js";

export const DONE: unique symbol = Symbol("iter-done");
export type Done = typeof DONE;

/** A comparison function: negative, zero or positive (Rust's `Ordering` as -1/0/1). */
export type Cmp<T> = (a: T, b: T) => number;

/** Comparison of numbers, bigints, bools and strings by `<` (Rust's `Ord` for primitives). */
export function defaultCmp<T>(a: T, b: T): number {
  const x = val(a);
  const y = val(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An item that may be a shared reference to an element (`iter()` yields pointers): its value. */
function val<T>(x: T): T {
  return x instanceof Ptr ? (x.get() as T) : x;
}

function internal(what: string): never {
  throw new Error(`internal error: ${what}, please report`);
}

/** Base class of every iterator. Subclasses implement `nextRaw` (built-ins) or `next` (user impls). */
export abstract class RIter<T> extends Composite implements Iterable<T> {
  /** `Iterator::next` */
  next(): Option<T> {
    const v = this.nextRaw();
    return v === DONE ? None<T>() : Some(v);
  }

  /** The next item or `DONE`. */
  nextRaw(): T | Done {
    if (this.next === RIter.prototype.next) internal("an iterator implements neither next nor nextRaw");
    const o = this.next();
    return o.tag === 1 ? o._0 : DONE;
  }

  /** `DoubleEndedIterator::next_back` */
  next_back(): Option<T> {
    const v = this.nextBackRaw();
    return v === DONE ? None<T>() : Some(v);
  }

  nextBackRaw(): T | Done {
    return internal(`${this.constructor.name} is not a double-ended iterator`);
  }

  /** The exact number of items left, or -1 when unknown (built-ins that know it override this). */
  exactLen(): number {
    return -1;
  }

  /** `ExactSizeIterator::len` */
  len(): number {
    const n = this.exactLen();
    return n >= 0 ? n : internal(`${this.constructor.name} does not know its length`);
  }

  size_hint(): [number, Option<number>] {
    const n = this.exactLen();
    return n >= 0 ? [n, Some(n)] : [0, None()];
  }

  [Symbol.iterator](): Iterator<T> {
    return {
      next: (): IteratorResult<T> => {
        const v = this.nextRaw();
        return v === DONE ? { done: true, value: undefined } : { done: false, value: v };
      },
    };
  }

  // Adaptors -----------------------------------------------------------------------------------------

  map<U>(f: (x: T) => U): RIter<U> {
    return new MapIter(this, f);
  }
  filter(p: (x: T) => boolean): RIter<T> {
    return new FilterIter(this, byRef(p));
  }
  filter_map<U>(f: (x: T) => Option<U>): RIter<U> {
    return new FilterMapIter(this, f);
  }
  enumerate(): RIter<[number, T]> {
    return new EnumerateIter(this);
  }
  zip<U>(other: RIter<U> | Iterable<U>): RIter<[T, U]> {
    return new ZipIter(this, into_iter(other));
  }
  chain(other: RIter<T> | Iterable<T>): RIter<T> {
    return new ChainIter(this, into_iter(other));
  }
  rev(): RIter<T> {
    return new RevIter(this);
  }
  take(n: number): RIter<T> {
    return new TakeIter(this, n);
  }
  skip(n: number): RIter<T> {
    return new SkipIter(this, n);
  }
  /** `step_by(n)`; panics `assertion failed: step != 0` for 0. */
  step_by(n: number, loc?: Loc): RIter<T> {
    if (n === 0) panic("assertion failed: step != 0", loc);
    return new StepByIter(this, n);
  }
  take_while(p: (x: T) => boolean): RIter<T> {
    return new TakeWhileIter(this, byRef(p));
  }
  skip_while(p: (x: T) => boolean): RIter<T> {
    return new SkipWhileIter(this, byRef(p));
  }
  map_while<U>(f: (x: T) => Option<U>): RIter<U> {
    return new MapWhileIter(this, f);
  }
  peekable(): Peekable<T> {
    return new Peekable(this);
  }
  /** `cloned()`: `clone` is the item type's Clone (identity for Copy types). */
  cloned(clone?: (x: T) => T): RIter<T> {
    return clone ? new MapIter(this, (x: T) => clone(val(x))) : new MapIter(this, val);
  }
  copied(): RIter<T> {
    return new MapIter(this, val);
  }
  flat_map<U>(f: (x: T) => RIter<U> | Iterable<U>): RIter<U> {
    return new FlatMapIter(this, (x: T) => into_iter(f(x)));
  }
  flatten<U>(this: RIter<RIter<U> | Iterable<U>>): RIter<U> {
    return new FlatMapIter(this, (x: RIter<U> | Iterable<U>) => into_iter(x));
  }
  inspect(f: (x: T) => void): RIter<T> {
    const g = byRef(f);
    return new MapIter(this, (x: T) => {
      g(x);
      return x;
    });
  }
  fuse(): RIter<T> {
    return new FuseIter(this);
  }
  /** `scan(init, |state, x| …)`: the closure gets a `&mut S`, a pointer to the state the adaptor keeps. */
  scan<S, U>(init: S, f: (state: Ptr<S>, x: T) => Option<U>, loc: Loc = "0:0"): RIter<U> {
    const st = { v: init };
    const state = Ptr.internal(st, "v", loc);
    return new MapWhileIter(this, (x: T) => f(state, x));
  }
  /** `by_ref()`: the same iterator. */
  by_ref(): this {
    return this;
  }

  // Consumers ----------------------------------------------------------------------------------------

  count(): number {
    let n = 0;
    while (this.nextRaw() !== DONE) n++;
    return n;
  }
  last(): Option<T> {
    let last: T | Done = DONE;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) last = v;
    return last === DONE ? None<T>() : Some(last);
  }
  nth(n: number): Option<T> {
    for (let i = 0; i < n; i++) if (this.nextRaw() === DONE) return None<T>();
    return this.next();
  }
  fold<A>(init: A, f: (acc: A, x: T) => A): A {
    let acc = init;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc = f(acc, v);
    return acc;
  }
  reduce(f: (acc: T, x: T) => T): Option<T> {
    const first = this.nextRaw();
    if (first === DONE) return None<T>();
    return Some(this.fold(first, f));
  }
  for_each(f: (x: T) => void): void {
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) f(v);
  }
  any(p: (x: T) => boolean): boolean {
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) if (p(v)) return true;
    return false;
  }
  all(p: (x: T) => boolean): boolean {
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) if (!p(v)) return false;
    return true;
  }
  find(p: (x: T) => boolean): Option<T> {
    const q = byRef(p);
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) if (q(v)) return Some(v);
    return None<T>();
  }
  find_map<U>(f: (x: T) => Option<U>): Option<U> {
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) {
      const r = f(v);
      if (r.tag === 1) return r;
    }
    return None<U>();
  }
  position(p: (x: T) => boolean): Option<number> {
    let i = 0;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw(), i++) if (p(v)) return Some(i);
    return None<number>();
  }
  /** `max()`: the last maximum, as Rust. `cmp` is the item type's `Ord` (default: `<`). */
  max(cmp: Cmp<T> = defaultCmp): Option<T> {
    return this.max_by(cmp);
  }
  /** `min()`: the first minimum, as Rust. */
  min(cmp: Cmp<T> = defaultCmp): Option<T> {
    return this.min_by(cmp);
  }
  max_by(cmp: Cmp<T>): Option<T> {
    let best: T | Done = this.nextRaw();
    if (best === DONE) return None<T>();
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) if (cmp(v, best as T) >= 0) best = v;
    return Some(best as T);
  }
  min_by(cmp: Cmp<T>): Option<T> {
    let best: T | Done = this.nextRaw();
    if (best === DONE) return None<T>();
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) if (cmp(v, best as T) < 0) best = v;
    return Some(best as T);
  }
  max_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): Option<T> {
    let best: T | Done = this.nextRaw();
    if (best === DONE) return None<T>();
    let bk = key(best);
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) {
      const k = key(v);
      if (cmp(k, bk) >= 0) {
        best = v;
        bk = k;
      }
    }
    return Some(best as T);
  }
  min_by_key<K>(key: (x: T) => K, cmp: Cmp<K> = defaultCmp): Option<T> {
    let best: T | Done = this.nextRaw();
    if (best === DONE) return None<T>();
    let bk = key(best);
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) {
      const k = key(v);
      if (cmp(k, bk) < 0) {
        best = v;
        bk = k;
      }
    }
    return Some(best as T);
  }
  /** `sum::<i32>()` etc.: overflow panics like `+`. */
  sum<V extends Int>(this: RIter<V>, k: IntKind<V>, loc?: Loc): V {
    let acc = 0 as V;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc = int_add(k, acc, val(v), loc);
    return acc;
  }
  product<V extends Int>(this: RIter<V>, k: IntKind<V>, loc?: Loc): V {
    let acc = 1 as V;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc = int_mul(k, acc, val(v), loc);
    return acc;
  }
  /** `sum::<f64>()` (Rust starts a float sum at -0.0). */
  sum_f64(this: RIter<number>): number {
    let acc = -0;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc += val(v);
    return acc;
  }
  sum_f32(this: RIter<number>): number {
    let acc = -0;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc = Math.fround(acc + val(v));
    return acc;
  }
  product_f64(this: RIter<number>): number {
    let acc = 1;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc *= val(v);
    return acc;
  }
  product_f32(this: RIter<number>): number {
    let acc = 1;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) acc = Math.fround(acc * val(v));
    return acc;
  }
  /** `try_fold(init, f)`: stops at the first `None` / `Err` that `f` returns and returns it; otherwise
   *  `wrap(acc)` (`Some` by default; pass `Ok` for a `Result`). */
  try_fold<A, R extends Option<A> | Result<A, unknown>>(init: A, f: (acc: A, x: T) => R, wrap: (a: A) => R = Some as unknown as (a: A) => R): R {
    let acc = init;
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) {
      const r = f(acc, v);
      if (isBreak(r)) return r;
      acc = r._0 as A;
    }
    return wrap(acc);
  }
  /** `try_for_each(f)`: the first `None`/`Err` that `f` returns, or `wrap(())`. */
  try_for_each<R extends Option<undefined> | Result<undefined, unknown>>(f: (x: T) => R, wrap: (a: undefined) => R = Some as unknown as (a: undefined) => R): R {
    return this.try_fold(undefined, (_acc, x) => f(x), wrap);
  }
  /** `collect::<C>()`: `into` builds the target (`Vec_from_iter`, `String_from_iter`, …). */
  collect<C>(into: (it: RIter<T>) => C): C {
    return into(this);
  }
  /** `partition(p)`: `into` builds each side. */
  partition<C>(p: (x: T) => boolean, into: (it: RIter<T>) => C): [C, C] {
    const yes: T[] = [];
    const no: T[] = [];
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) (p(v) ? yes : no).push(v);
    return [into(new ArrayIter(yes)), into(new ArrayIter(no))];
  }
  /** `unzip()`: `intoA`/`intoB` build each side. */
  unzip<A, B, CA, CB>(this: RIter<[A, B]>, intoA: (it: RIter<A>) => CA, intoB: (it: RIter<B>) => CB): [CA, CB] {
    const as: A[] = [];
    const bs: B[] = [];
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) {
      as.push(v[0]);
      bs.push(v[1]);
    }
    return [intoA(new ArrayIter(as)), intoB(new ArrayIter(bs))];
  }
  /** `eq` of two iterators, with the item type's equality. */
  eq(other: RIter<T> | Iterable<T>, eq: (a: T, b: T) => boolean = (a, b) => Object.is(val(a), val(b))): boolean {
    const o = into_iter(other);
    for (;;) {
      const a = this.nextRaw();
      const b = o.nextRaw();
      if (a === DONE || b === DONE) return a === b;
      if (!eq(a, b)) return false;
    }
  }
  /** Drains the rest into a JS array (for builders). */
  toArray(): T[] {
    const out: T[] = [];
    for (let v = this.nextRaw(); v !== DONE; v = this.nextRaw()) out.push(decay(v));
    return out;
  }
}

/** A `None` or an `Err`: where `?`-like iteration stops. */
function isBreak(r: Option<unknown> | Result<unknown, unknown>): boolean {
  return r instanceof Option ? r.tag === 0 : r.tag === 1;
}

/** Stops a source at its first `None`/`Err`, remembering it (for `collect`/`sum` into Option/Result). */
class UntilBreak<T> extends RIter<T> {
  broke: Option<unknown> | Result<unknown, unknown> | undefined = undefined;
  constructor(readonly inner: RIter<Option<T> | Result<T, unknown>>) {
    super();
  }
  override nextRaw(): T | Done {
    if (this.broke) return DONE;
    const r = this.inner.nextRaw();
    if (r === DONE) return DONE;
    if (isBreak(r)) {
      this.broke = r;
      return DONE;
    }
    return r._0 as T;
  }
}

/** `collect::<Option<C>>()`: `None` if any item is `None`, else `Some(into(the values))`. */
export function Option_from_iter<T, C>(into: (it: RIter<T>) => C): (it: RIter<Option<T>>) => Option<C> {
  return (it) => {
    const u = new UntilBreak<T>(it);
    const c = into(u);
    return u.broke ? None<C>() : Some(c);
  };
}

/** `collect::<Result<C, E>>()`: the first `Err`, else `Ok(into(the values))`. */
export function Result_from_iter<T, E, C>(into: (it: RIter<T>) => C): (it: RIter<Result<T, E>>) => Result<C, E> {
  return (it) => {
    const u = new UntilBreak<T>(it);
    const c = into(u);
    return u.broke ? Err<C, E>(u.broke._0 as E) : Ok<C, E>(c);
  };
}

/** `sum::<Option<i32>>()` / `product`: `None` at the first `None`. */
export function Option_sum<V extends Int>(it: RIter<Option<V>>, k: IntKind<V>, loc?: Loc): Option<V> {
  const u = new UntilBreak<V>(it);
  const s = u.sum(k, loc);
  return u.broke ? None<V>() : Some(s);
}

/** `sum::<Result<i32, E>>()`: the first `Err`, else `Ok(sum)`. */
export function Result_sum<V extends Int, E>(it: RIter<Result<V, E>>, k: IntKind<V>, loc?: Loc): Result<V, E> {
  const u = new UntilBreak<V>(it);
  const s = u.sum(k, loc);
  return u.broke ? Err<V, E>(u.broke._0 as E) : Ok<V, E>(s);
}

/** Any JS iterable (or an `RIter`) as an `RIter`. */
export function into_iter<T>(x: RIter<T> | Iterable<T>): RIter<T> {
  if (x instanceof RIter) return x;
  if (Array.isArray(x)) return new ArrayIter(x as T[]);
  return new JsIter(x[Symbol.iterator]());
}

class JsIter<T> extends RIter<T> {
  constructor(private readonly $it: Iterator<T>) {
    super();
  }
  override nextRaw(): T | Done {
    const r = this.$it.next();
    return r.done ? DONE : r.value;
  }
}

/** Values of a JS array from `start` to `end` (double-ended): slices, vectors, owned arrays. */
export class ArrayIter<T> extends RIter<T> {
  i: number;
  j: number;
  constructor(
    readonly $a: readonly T[],
    start = 0,
    end = $a.length,
  ) {
    super();
    this.i = start;
    this.j = end;
  }
  override nextRaw(): T | Done {
    return this.i < this.j ? (this.$a[this.i++] as T) : DONE;
  }
  override nextBackRaw(): T | Done {
    return this.i < this.j ? (this.$a[--this.j] as T) : DONE;
  }
  override exactLen(): number {
    return this.j - this.i;
  }
  override size_hint(): [number, Option<number>] {
    return [this.j - this.i, Some(this.j - this.i)];
  }
  override nth(n: number): Option<T> {
    this.i = Math.min(this.i + n, this.j);
    return this.next();
  }
  override count(): number {
    const n = this.j - this.i;
    this.i = this.j;
    return n;
  }
  /** `slice.iter().as_slice()`-like view: the rest as a JS array copy. */
  rest(): T[] {
    return this.$a.slice(this.i, this.j);
  }
}

/** `iter_mut()`: pointers to the elements of a JS array (core's `Ptr`, tracked). */
export class ArrayIterMut<T> extends RIter<Ptr<T>> {
  i: number;
  j: number;
  constructor(
    readonly $a: T[],
    start: number,
    end: number,
    readonly $loc: Loc,
  ) {
    super();
    this.i = start;
    this.j = end;
  }
  override nextRaw(): Ptr<T> | Done {
    return this.i < this.j ? (Ptr.to(this.$a, this.i++, this.$loc) as Ptr<T>) : DONE;
  }
  override nextBackRaw(): Ptr<T> | Done {
    return this.i < this.j ? (Ptr.to(this.$a, --this.j, this.$loc) as Ptr<T>) : DONE;
  }
  override exactLen(): number {
    return this.j - this.i;
  }
}

/**
 * A closure over `&Self::Item` (`filter`, `find`, `take_while`, `skip_while`, `inspect`). A reference
 * to a plain value is the value itself (the emitted code reads either through `deref`), but an item
 * that is itself a pointer (`iter_mut()`'s `&mut T`, `iter()`'s `&T`) needs its own reference, or the
 * closure's `**x` reads one level too deep: `iter_mut().find(|(n, _)| …)`.
 */
function byRef<T, R>(f: (x: T) => R): (x: T) => R {
  return (x: T) => f(x instanceof Ptr ? (Ptr.temp(x, "0:0") as T) : x);
}

/**
 * A shared reference to an element that `iter()` handed out (`ArrayIterRef`): a `Ptr` into the
 * array, so `ptr::eq(x, p)` and `{:p}` see the element's address. Collections built from such items
 * (`Extend<&T> for Vec<T>`, `partition`, `String: FromIterator<&char>`) store the value (`decay`).
 */
export class ElemRef<T> extends Ptr<T> {}

/** An item as a collection stores it: an `ElemRef` is read (its value), anything else is kept. */
export function decay<T>(x: T): T {
  return x instanceof ElemRef ? (x.get() as T) : x;
}

/**
 * `.iter()` of an array, slice or Vec as emitted code calls it (`iter_of`): shared references to the
 * elements as pointers into the array (`ElemRef`). Closures read them through `deref`; sums, `copied`,
 * `cloned`, comparisons and builders read the values.
 */
export class ArrayIterRef<T> extends RIter<Ptr<T>> {
  i: number;
  j: number;
  constructor(
    readonly $a: T[],
    start: number,
    end: number,
    readonly $loc: Loc,
  ) {
    super();
    this.i = start;
    this.j = end;
  }
  override nextRaw(): Ptr<T> | Done {
    return this.i < this.j ? (Ptr.internalWith(ElemRef, this.$a, this.i++, this.$loc) as Ptr<T>) : DONE;
  }
  override nextBackRaw(): Ptr<T> | Done {
    return this.i < this.j ? (Ptr.internalWith(ElemRef, this.$a, --this.j, this.$loc) as Ptr<T>) : DONE;
  }
  override exactLen(): number {
    return this.j - this.i;
  }
  override size_hint(): [number, Option<number>] {
    return [this.j - this.i, Some(this.j - this.i)];
  }
  override count(): number {
    const n = this.j - this.i;
    this.i = this.j;
    return n;
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges

/** `a..b` as a value and an iterator (`Range<i32>` …). Debug prints `a..b`. */
export class Range<V extends Int> extends RIter<V> {
  constructor(
    readonly $k: IntKind<V>,
    public start: V,
    public end: V,
  ) {
    super();
  }
  override nextRaw(): V | Done {
    const s = this.start;
    if (s < this.end) {
      this.start = (typeof s === "number" && s < 9007199254740991 ? s + 1 : int_add(this.$k, s, 1 as V)) as V;
      return s;
    }
    return DONE;
  }
  override nextBackRaw(): V | Done {
    if (this.start < this.end) {
      const e = this.end;
      this.end = (typeof e === "number" && e > -9007199254740991 ? e - 1 : int_sub(this.$k, e, 1 as V)) as V;
      return this.end;
    }
    return DONE;
  }
  override exactLen(): number {
    return this.start < this.end ? Number(BigInt(this.end) - BigInt(this.start)) : 0;
  }
  override size_hint(): [number, Option<number>] {
    const n = this.len();
    return [n, Some(n)];
  }
  /** `(a..b).contains(&x)` */
  contains(x: V): boolean {
    return x >= this.start && x < this.end;
  }
  is_empty(): boolean {
    return !(this.start < this.end);
  }
  override nth(n: number): Option<V> {
    const s = BigInt(this.start) + BigInt(n);
    if (s < BigInt(this.end)) {
      this.start = (Number.isSafeInteger(Number(s)) ? Number(s) : s) as V;
      return this.next();
    }
    this.start = this.end;
    return None<V>();
  }
}

/** `a..=b`. Debug prints `a..=b` (and `a..=b (exhausted)` is not printed by Rust: it prints `a..=b`). */
export class RangeInclusive<V extends Int> extends RIter<V> {
  exhausted = false;
  /** As a slice index (`&a[1..=3]`): the end is included. */
  get inclusive(): boolean {
    return true;
  }
  constructor(
    readonly $k: IntKind<V>,
    public start: V,
    public end: V,
  ) {
    super();
  }
  override nextRaw(): V | Done {
    if (this.exhausted || this.start > this.end) return DONE;
    const s = this.start;
    if (s < this.end) this.start = int_add(this.$k, s, 1 as V);
    else this.exhausted = true;
    return s;
  }
  override nextBackRaw(): V | Done {
    if (this.exhausted || this.start > this.end) return DONE;
    const e = this.end;
    if (this.start < e) this.end = int_sub(this.$k, e, 1 as V);
    else this.exhausted = true;
    return e;
  }
  override exactLen(): number {
    return this.exhausted || this.start > this.end ? 0 : Number(BigInt(this.end) - BigInt(this.start) + 1n);
  }
  override size_hint(): [number, Option<number>] {
    const n = this.len();
    return [n, Some(n)];
  }
  contains(x: V): boolean {
    return x >= this.start && x <= this.end;
  }
  is_empty(): boolean {
    return this.exhausted || this.start > this.end;
  }
}

/** `a..` (overflow at the kind's end panics, as in a debug build). */
export class RangeFrom<V extends Int> extends RIter<V> {
  constructor(
    readonly $k: IntKind<V>,
    public start: V,
  ) {
    super();
  }
  override nextRaw(): V | Done {
    const s = this.start;
    this.start = int_add(this.$k, s, 1 as V);
    return s;
  }
  contains(x: V): boolean {
    return x >= this.start;
  }
}

/** `a..b` */
export function range<V extends Int>(k: IntKind<V>, start: V, end: V): Range<V> {
  return new Range(k, start, end);
}
/** `a..=b` */
export function range_inclusive<V extends Int>(k: IntKind<V>, start: V, end: V): RangeInclusive<V> {
  return new RangeInclusive(k, start, end);
}
/** `'a'..'e'` / `'a'..='e'`: chars by code point (skipping the surrogate gap, as Rust's `Step`). */
export function char_range(start: string, end: string, opts?: { readonly inclusive?: boolean }): RIter<string> {
  const a = start.codePointAt(0) as number;
  let b = end.codePointAt(0) as number;
  if (opts?.inclusive) b += 1;
  const out: string[] = [];
  for (let c = a; c < b; c++) if (c < 0xd800 || c > 0xdfff) out.push(String.fromCodePoint(c));
  return new ArrayIter(out);
}

/** `a..` */
export function range_from<V extends Int>(k: IntKind<V>, start: V): RangeFrom<V> {
  return new RangeFrom(k, start);
}

/** The bounds of a range used to index (`&v[1..3]`, `&s[..n]`): absent ends are open. */
export interface RangeBounds {
  readonly start?: number;
  readonly end?: number;
  /** `..=end` */
  readonly inclusive?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Sources

/** `std::iter::from_fn(f)` */
export function iter_from_fn<T>(f: () => Option<T>): RIter<T> {
  return new FromFnIter(f);
}
/** `std::iter::once(v)` */
export function iter_once<T>(v: T): RIter<T> {
  return new ArrayIter([v]);
}
/** `std::iter::empty()` */
export function iter_empty<T>(): RIter<T> {
  return new ArrayIter<T>([]);
}
/** `std::iter::repeat(v)`: `clone` makes each item (identity for Copy types). */
export function iter_repeat<T>(v: T, clone: (x: T) => T = (x) => x): RIter<T> {
  return new FromFnIter(() => Some(clone(v)));
}
/** `std::iter::repeat_n(v, n)` */
export function iter_repeat_n<T>(v: T, n: number, clone: (x: T) => T = (x) => x): RIter<T> {
  return iter_repeat(v, clone).take(n);
}
/** `std::iter::successors(first, f)` */
export function iter_successors<T>(first: Option<T>, f: (x: T) => Option<T>): RIter<T> {
  let next = first;
  return new FromFnIter(() => {
    const cur = next;
    if (cur.tag === 1) next = f(cur._0);
    return cur;
  });
}

class FromFnIter<T> extends RIter<T> {
  constructor(readonly f: () => Option<T>) {
    super();
  }
  override next(): Option<T> {
    return this.f();
  }
  override nextRaw(): T | Done {
    const o = this.f();
    return o.tag === 1 ? o._0 : DONE;
  }
}

// ---------------------------------------------------------------------------------------------------
// Adaptors

class MapIter<T, U> extends RIter<U> {
  constructor(
    readonly inner: RIter<T>,
    readonly f: (x: T) => U,
  ) {
    super();
  }
  override nextRaw(): U | Done {
    const v = this.inner.nextRaw();
    return v === DONE ? DONE : this.f(v);
  }
  override nextBackRaw(): U | Done {
    const v = this.inner.nextBackRaw();
    return v === DONE ? DONE : this.f(v);
  }
  override exactLen(): number {
    return this.inner.exactLen();
  }
}

/** `size_hint` of an adaptor that may drop items: (0, the inner upper bound). */
function dropsItems(inner: RIter<unknown>): [number, Option<number>] {
  return [0, inner.size_hint()[1]];
}

class FilterIter<T> extends RIter<T> {
  constructor(
    readonly inner: RIter<T>,
    readonly p: (x: T) => boolean,
  ) {
    super();
  }
  override size_hint(): [number, Option<number>] {
    return dropsItems(this.inner);
  }
  override nextRaw(): T | Done {
    for (let v = this.inner.nextRaw(); v !== DONE; v = this.inner.nextRaw()) if (this.p(v)) return v;
    return DONE;
  }
  override nextBackRaw(): T | Done {
    for (let v = this.inner.nextBackRaw(); v !== DONE; v = this.inner.nextBackRaw()) if (this.p(v)) return v;
    return DONE;
  }
}

class FilterMapIter<T, U> extends RIter<U> {
  constructor(
    readonly inner: RIter<T>,
    readonly f: (x: T) => Option<U>,
  ) {
    super();
  }
  override size_hint(): [number, Option<number>] {
    return dropsItems(this.inner);
  }
  override nextRaw(): U | Done {
    for (let v = this.inner.nextRaw(); v !== DONE; v = this.inner.nextRaw()) {
      const o = this.f(v);
      if (o.tag === 1) return o._0;
    }
    return DONE;
  }
  override nextBackRaw(): U | Done {
    for (let v = this.inner.nextBackRaw(); v !== DONE; v = this.inner.nextBackRaw()) {
      const o = this.f(v);
      if (o.tag === 1) return o._0;
    }
    return DONE;
  }
}

class EnumerateIter<T> extends RIter<[number, T]> {
  i = 0;
  constructor(readonly inner: RIter<T>) {
    super();
  }
  override nextRaw(): [number, T] | Done {
    const v = this.inner.nextRaw();
    return v === DONE ? DONE : [this.i++, v];
  }
  override nextBackRaw(): [number, T] | Done {
    const n = this.inner.len();
    const v = this.inner.nextBackRaw();
    return v === DONE ? DONE : [this.i + n - 1, v];
  }
  override exactLen(): number {
    return this.inner.exactLen();
  }
}

class ZipIter<T, U> extends RIter<[T, U]> {
  constructor(
    readonly a: RIter<T>,
    readonly b: RIter<U>,
  ) {
    super();
  }
  override nextRaw(): [T, U] | Done {
    const x = this.a.nextRaw();
    if (x === DONE) return DONE;
    const y = this.b.nextRaw();
    return y === DONE ? DONE : [x, y];
  }
  override exactLen(): number {
    const a = this.a.exactLen();
    const b = this.b.exactLen();
    return a < 0 || b < 0 ? -1 : Math.min(a, b);
  }
  override nextBackRaw(): [T, U] | Done {
    let la = this.a.len();
    let lb = this.b.len();
    while (la > lb) {
      this.a.nextBackRaw();
      la--;
    }
    while (lb > la) {
      this.b.nextBackRaw();
      lb--;
    }
    const x = this.a.nextBackRaw();
    const y = this.b.nextBackRaw();
    return x === DONE || y === DONE ? DONE : [x, y];
  }
}

class ChainIter<T> extends RIter<T> {
  aDone = false;
  constructor(
    readonly a: RIter<T>,
    readonly b: RIter<T>,
  ) {
    super();
  }
  override nextRaw(): T | Done {
    if (!this.aDone) {
      const v = this.a.nextRaw();
      if (v !== DONE) return v;
      this.aDone = true;
    }
    return this.b.nextRaw();
  }
  override nextBackRaw(): T | Done {
    const v = this.b.nextBackRaw();
    return v !== DONE ? v : this.a.nextBackRaw();
  }
  override exactLen(): number {
    const a = this.aDone ? 0 : this.a.exactLen();
    const b = this.b.exactLen();
    return a < 0 || b < 0 ? -1 : a + b;
  }
}

class RevIter<T> extends RIter<T> {
  constructor(readonly inner: RIter<T>) {
    super();
  }
  override nextRaw(): T | Done {
    return this.inner.nextBackRaw();
  }
  override nextBackRaw(): T | Done {
    return this.inner.nextRaw();
  }
  override exactLen(): number {
    return this.inner.exactLen();
  }
}

class TakeIter<T> extends RIter<T> {
  constructor(
    readonly inner: RIter<T>,
    public n: number,
  ) {
    super();
  }
  override nextRaw(): T | Done {
    if (this.n <= 0) return DONE;
    this.n--;
    return this.inner.nextRaw();
  }
  override exactLen(): number {
    const n = this.inner.exactLen();
    return n < 0 ? -1 : Math.min(this.n, n);
  }
  override nextBackRaw(): T | Done {
    if (this.n <= 0) return DONE;
    let extra = this.inner.len() - this.n;
    while (extra-- > 0) this.inner.nextBackRaw();
    this.n--;
    return this.inner.nextBackRaw();
  }
}

class SkipIter<T> extends RIter<T> {
  constructor(
    readonly inner: RIter<T>,
    public n: number,
  ) {
    super();
  }
  override nextRaw(): T | Done {
    while (this.n > 0) {
      this.n--;
      if (this.inner.nextRaw() === DONE) return DONE;
    }
    return this.inner.nextRaw();
  }
  override exactLen(): number {
    const n = this.inner.exactLen();
    return n < 0 ? -1 : Math.max(0, n - this.n);
  }
  override nextBackRaw(): T | Done {
    return this.len() > 0 ? this.inner.nextBackRaw() : DONE;
  }
}

class StepByIter<T> extends RIter<T> {
  first = true;
  constructor(
    readonly inner: RIter<T>,
    readonly step: number,
  ) {
    super();
  }
  override nextRaw(): T | Done {
    if (this.first) {
      this.first = false;
      return this.inner.nextRaw();
    }
    for (let i = 1; i < this.step; i++) if (this.inner.nextRaw() === DONE) return DONE;
    return this.inner.nextRaw();
  }
  override exactLen(): number {
    const n = this.inner.exactLen();
    if (n < 0) return -1;
    if (this.first) return n === 0 ? 0 : 1 + Math.floor((n - 1) / this.step);
    return Math.floor(n / this.step);
  }
  override nextBackRaw(): T | Done {
    const n = this.len();
    if (n === 0) return DONE;
    // Drop the items past the last one this iterator would yield.
    const innerLen = this.inner.len();
    const lastIndex = this.first ? (n - 1) * this.step : n * this.step - 1;
    for (let extra = innerLen - 1 - lastIndex; extra > 0; extra--) this.inner.nextBackRaw();
    return this.inner.nextBackRaw();
  }
}

class TakeWhileIter<T> extends RIter<T> {
  done = false;
  constructor(
    readonly inner: RIter<T>,
    readonly p: (x: T) => boolean,
  ) {
    super();
  }
  override size_hint(): [number, Option<number>] {
    return dropsItems(this.inner);
  }
  override nextRaw(): T | Done {
    if (this.done) return DONE;
    const v = this.inner.nextRaw();
    if (v === DONE || !this.p(v)) {
      this.done = true;
      return DONE;
    }
    return v;
  }
}

class SkipWhileIter<T> extends RIter<T> {
  skipping = true;
  constructor(
    readonly inner: RIter<T>,
    readonly p: (x: T) => boolean,
  ) {
    super();
  }
  override size_hint(): [number, Option<number>] {
    return dropsItems(this.inner);
  }
  override nextRaw(): T | Done {
    if (this.skipping) {
      this.skipping = false;
      for (let v = this.inner.nextRaw(); v !== DONE; v = this.inner.nextRaw()) if (!this.p(v)) return v;
      return DONE;
    }
    return this.inner.nextRaw();
  }
}

class MapWhileIter<T, U> extends RIter<U> {
  constructor(
    readonly inner: RIter<T>,
    readonly f: (x: T) => Option<U>,
  ) {
    super();
  }
  override size_hint(): [number, Option<number>] {
    return dropsItems(this.inner);
  }
  override nextRaw(): U | Done {
    const v = this.inner.nextRaw();
    if (v === DONE) return DONE;
    const o = this.f(v);
    return o.tag === 1 ? o._0 : DONE;
  }
}

class FlatMapIter<T, U> extends RIter<U> {
  front: RIter<U> | undefined = undefined;
  back: RIter<U> | undefined = undefined;
  constructor(
    readonly inner: RIter<T>,
    readonly f: (x: T) => RIter<U>,
  ) {
    super();
  }
  override nextRaw(): U | Done {
    for (;;) {
      if (this.front) {
        const v = this.front.nextRaw();
        if (v !== DONE) return v;
        this.front = undefined;
      }
      const x = this.inner.nextRaw();
      if (x === DONE) {
        if (this.back) {
          const v = this.back.nextRaw();
          if (v === DONE) this.back = undefined;
          return v;
        }
        return DONE;
      }
      this.front = this.f(x);
    }
  }
  override nextBackRaw(): U | Done {
    for (;;) {
      if (this.back) {
        const v = this.back.nextBackRaw();
        if (v !== DONE) return v;
        this.back = undefined;
      }
      const x = this.inner.nextBackRaw();
      if (x === DONE) {
        if (this.front) {
          const v = this.front.nextBackRaw();
          if (v === DONE) this.front = undefined;
          return v;
        }
        return DONE;
      }
      this.back = this.f(x);
    }
  }
}

class FuseIter<T> extends RIter<T> {
  done = false;
  constructor(readonly inner: RIter<T>) {
    super();
  }
  override nextRaw(): T | Done {
    if (this.done) return DONE;
    const v = this.inner.nextRaw();
    if (v === DONE) this.done = true;
    return v;
  }
}

/** `iter.peekable()` */
export class Peekable<T> extends RIter<T> {
  /** The peeked item (`$`: not walked by moves — it may be an element of a collection). */
  $peeked: T | Done | undefined = undefined;
  constructor(readonly inner: RIter<T>) {
    super();
  }
  override nextRaw(): T | Done {
    const p = this.$peeked;
    if (p !== undefined) {
      this.$peeked = undefined;
      return p;
    }
    return this.inner.nextRaw();
  }
  override exactLen(): number {
    const p = this.$peeked;
    if (p === DONE) return 0;
    const n = this.inner.exactLen();
    return n < 0 ? -1 : (p === undefined ? 0 : 1) + n;
  }
  /** `peek()`: the next item without consuming it (a `&T` is the value itself). */
  peek(): Option<T> {
    if (this.$peeked === undefined) this.$peeked = this.inner.nextRaw();
    const p = this.$peeked;
    return p === DONE ? None<T>() : Some(p);
  }
  /** `next_if(p)` */
  next_if(p: (x: T) => boolean): Option<T> {
    const o = this.peek();
    if (o.tag === 1 && p(o._0)) {
      this.$peeked = undefined;
      return o;
    }
    return None<T>();
  }
  /** `next_if_eq(&v)` */
  next_if_eq(v: T, eq: (a: T, b: T) => boolean = Object.is): Option<T> {
    return this.next_if((x) => eq(x, v));
  }
}

/** `a.cmp(&b)` for iterators: lexicographic with the item type's order. */
export function iter_cmp<T>(a: RIter<T>, b: RIter<T>, cmp: Cmp<T> = defaultCmp): number {
  for (;;) {
    const x = a.nextRaw();
    const y = b.nextRaw();
    if (x === DONE) return y === DONE ? 0 : -1;
    if (y === DONE) return 1;
    const c = cmp(x, y);
    if (c !== 0) return c;
  }
}
