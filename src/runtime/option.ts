// `Option<T>` and `Result<T, E>`: the two std enums every program uses, in the runtime's enum scheme.
//
// An enum value is an object with a numeric `tag` (the variant's index in declaration order) and its
// payload in `_0`. So
//
//   [rust]     let a: Option<i32> = Some(5);  let b: Result<u8, String> = Err("no".into());
//   [lowered]  const a = Some(5);             const b = Err<number, RString>(RString.from("no"));
//              a.tag === 1 && a._0 === 5      b.tag === 1 && b._0.s === "no"
//
// with `None` tag 0 / `Some` tag 1 and `Ok` tag 0 / `Err` tag 1, as the variants are declared in std.
// The classes carry the Rust API under Rust's names (`o.unwrap(loc)`, `r.map_err(f)`, …). Methods that
// can panic take the `Loc` of the call last and panic with exactly rustc's message. Closures are plain
// JS functions.
//
// Methods that return an option never return `this` itself but a fresh object, so a Copy option
// passed by value (`a.filter(…)`, `a.or(b)`) does not alias the result.
//
// Places. An `Option` object *is* the storage of the place that holds it: `take`, `replace`,
// `insert`, `get_or_insert_with` mutate the object in place (set its tag and payload), so
//   [rust]     let v = slot.take();          // slot: Option<Box<Node>>
//   [lowered]  const v = slot.take();
// works when `slot` is the place itself (a local, a field). Through a pointer (`(*p).take()` with
// `p: &mut Option<T>`), use `Option_take(p)`, which reads and writes through the pointer so a dangling
// pointer is caught. Consequence for the code generator: copying a `Copy` option (`let b = a` with
// `a: Option<i32>`) must copy the object (`a.copy()` or the type descriptor's `clone`), not share it.
//
// Both classes extend core's `Composite` (memory.ts): an option stored inline moves with its owner,
// and `&mut opt._0` (`if let Some(x) = &mut opt`) is `Ptr.to(opt, "_0", loc)`.
//
// Type-directed operations (Debug, Clone, PartialEq, Ord, Default) live in the type descriptors of
// `types.ts` (`T.option(T.i32)`), because they need the payload's descriptor.

import { panic } from "./panic.js";
import type { Loc } from "./machine.js";
import { Composite, Ptr } from "./memory.js";

/** What `get`/`set` through a `&mut Option<T>` need: core's `Ptr<T>` satisfies it. */
export interface PlaceRef<T> {
  get(loc?: Loc): T;
  set(v: T, loc?: Loc): void;
}

export const NONE_TAG = 0;
export const SOME_TAG = 1;
export const OK_TAG = 0;
export const ERR_TAG = 1;

export class Option<T> extends Composite {
  /** 0 `None`, 1 `Some`. */
  tag: 0 | 1;
  /** The `Some` payload; `undefined` (and never read) for `None`. */
  _0: T;

  constructor(tag: 0 | 1, value: T) {
    super();
    this.tag = tag;
    this._0 = value;
  }

  /** A fresh object with the same tag and payload (the payload is shared: use the descriptor's
   *  `clone` for a deep `Clone`). */
  copy(): Option<T> {
    return new Option(this.tag, this._0);
  }

  is_some(): boolean {
    return this.tag === 1;
  }
  is_none(): boolean {
    return this.tag === 0;
  }
  is_some_and(f: (v: T) => boolean): boolean {
    return this.tag === 1 && f(this._0);
  }
  is_none_or(f: (v: T) => boolean): boolean {
    return this.tag === 0 || f(this._0);
  }

  unwrap(loc?: Loc): T {
    if (this.tag === 1) return this._0;
    return panic("called `Option::unwrap()` on a `None` value", loc);
  }
  expect(msg: string, loc?: Loc): T {
    if (this.tag === 1) return this._0;
    return panic(msg, loc);
  }
  unwrap_or(d: T): T {
    return this.tag === 1 ? this._0 : d;
  }
  unwrap_or_else(f: () => T): T {
    return this.tag === 1 ? this._0 : f();
  }
  /** `unwrap_or_default`: the caller passes the type's default (from its descriptor). */
  unwrap_or_default(makeDefault: () => T): T {
    return this.tag === 1 ? this._0 : makeDefault();
  }
  /** `unsafe { o.unwrap_unchecked() }` */
  unwrap_unchecked(): T {
    return this._0;
  }

  map<U>(f: (v: T) => U): Option<U> {
    return this.tag === 1 ? Some(f(this._0)) : None<U>();
  }
  map_or<U>(d: U, f: (v: T) => U): U {
    return this.tag === 1 ? f(this._0) : d;
  }
  map_or_else<U>(d: () => U, f: (v: T) => U): U {
    return this.tag === 1 ? f(this._0) : d();
  }
  inspect(f: (v: T) => void): Option<T> {
    if (this.tag === 1) f(this._0);
    return this.copy();
  }
  and_then<U>(f: (v: T) => Option<U>): Option<U> {
    return this.tag === 1 ? f(this._0) : None<U>();
  }
  and<U>(o: Option<U>): Option<U> {
    return this.tag === 1 ? o : None<U>();
  }
  or(o: Option<T>): Option<T> {
    return this.tag === 1 ? this.copy() : o;
  }
  or_else(f: () => Option<T>): Option<T> {
    return this.tag === 1 ? this.copy() : f();
  }
  xor(o: Option<T>): Option<T> {
    if (this.tag === 1 && o.tag === 0) return this.copy();
    if (this.tag === 0 && o.tag === 1) return o;
    return None<T>();
  }
  filter(p: (v: T) => boolean): Option<T> {
    return this.tag === 1 && p(this._0) ? this.copy() : None<T>();
  }
  ok_or<E>(e: E): Result<T, E> {
    return this.tag === 1 ? Ok<T, E>(this._0) : Err<T, E>(e);
  }
  ok_or_else<E>(f: () => E): Result<T, E> {
    return this.tag === 1 ? Ok<T, E>(this._0) : Err<T, E>(f());
  }
  zip<U>(o: Option<U>): Option<[T, U]> {
    return this.tag === 1 && o.tag === 1 ? Some<[T, U]>([this._0, o._0]) : None<[T, U]>();
  }
  /** `as_ref()`: `Option<&T>`. A shared reference to the payload is the payload itself (the
   *  runtime's convention for `&T` read through, see iter.ts), so this is a fresh `Option` with it. */
  as_ref(): Option<T> {
    return this.tag === 1 ? Some(this._0) : None<T>();
  }
  /** `as_mut()`: `Option<&mut T>`, a tracked pointer to this option's payload. */
  as_mut(loc: Loc): Option<Ptr<T>> {
    return this.tag === 1 ? Some(Ptr.to(this as Option<T>, "_0", loc) as Ptr<T>) : None<Ptr<T>>();
  }
  /** `as_deref()`: `Option<String>` → `Option<&str>` etc.; `deref` is the payload's `Deref`. */
  as_deref<U>(deref: (v: T) => U): Option<U> {
    return this.tag === 1 ? Some(deref(this._0)) : None<U>();
  }
  /** `Option<Option<T>>::flatten` */
  flatten<U>(this: Option<Option<U>>): Option<U> {
    return this.tag === 1 ? this._0.copy() : None<U>();
  }
  /** `cloned`/`copied` on an `Option<&T>`: the caller passes how to read (and clone) the pointee. */
  cloned<U>(read: (p: T) => U): Option<U> {
    return this.tag === 1 ? Some(read(this._0)) : None<U>();
  }
  copied<U>(read: (p: T) => U): Option<U> {
    return this.cloned(read);
  }

  // Mutating methods: this object is the place (see the header).

  /** `Option::take`: leaves `None` here and returns what was here. */
  take(): Option<T> {
    const r = new Option(this.tag, this._0);
    this.tag = 0;
    this._0 = undefined as T;
    return r;
  }
  /** `Option::take_if` */
  take_if(p: (v: T) => boolean): Option<T> {
    return this.tag === 1 && p(this._0) ? this.take() : None<T>();
  }
  /** `Option::replace`: puts `Some(v)` here and returns what was here. */
  replace(v: T): Option<T> {
    const r = new Option(this.tag, this._0);
    this.tag = 1;
    this._0 = v;
    return r;
  }
  /** `Option::insert` (returns the value; a `&mut T` to it is `Ptr` to field `_0` of this object). */
  insert(v: T): T {
    this.tag = 1;
    this._0 = v;
    return v;
  }
  get_or_insert(v: T): T {
    if (this.tag === 0) this.insert(v);
    return this._0;
  }
  get_or_insert_with(f: () => T): T {
    if (this.tag === 0) this.insert(f());
    return this._0;
  }
  /** Makes this place hold `o`'s tag and payload (the assignment `*place = o` on an option object). */
  assign(o: Option<T>): void {
    this.tag = o.tag;
    this._0 = o._0;
  }

  /** The `?` operator: the `Some` value to continue, or `TRY_BREAK` (then return `None`). */
  branch(): T | typeof TRY_BREAK {
    return this.tag === 1 ? this._0 : TRY_BREAK;
  }

  /** Lets `for x in opt` / spreading work in emitted code. */
  *[Symbol.iterator](): IterableIterator<T> {
    if (this.tag === 1) yield this._0;
  }
}

/** Returned by `branch()` when `?` must return early (`None`, or an `Err` — see `Result.branch`). */
export const TRY_BREAK: unique symbol = Symbol("try-break");

export function Some<T>(v: T): Option<T> {
  return new Option<T>(1, v);
}

export function None<T>(): Option<T> {
  return new Option<T>(0, undefined as T);
}

/** `Option::take(p)` through a pointer: reads the option, writes `None`, returns the old value. */
export function Option_take<T>(p: PlaceRef<Option<T>>, loc?: Loc): Option<T> {
  const o = p.get(loc);
  const r = new Option(o.tag, o._0);
  p.set(None<T>(), loc);
  return r;
}

/** `Option::replace(p, v)` through a pointer. */
export function Option_replace<T>(p: PlaceRef<Option<T>>, v: T, loc?: Loc): Option<T> {
  const o = p.get(loc);
  const r = new Option(o.tag, o._0);
  p.set(Some(v), loc);
  return r;
}

export class Result<T, E> extends Composite {
  /** 0 `Ok`, 1 `Err`. */
  tag: 0 | 1;
  /** The `Ok` or the `Err` payload. */
  _0: T | E;

  constructor(tag: 0 | 1, value: T | E) {
    super();
    this.tag = tag;
    this._0 = value;
  }

  copy(): Result<T, E> {
    return new Result<T, E>(this.tag, this._0);
  }

  is_ok(): boolean {
    return this.tag === 0;
  }
  is_err(): boolean {
    return this.tag === 1;
  }
  is_ok_and(f: (v: T) => boolean): boolean {
    return this.tag === 0 && f(this._0 as T);
  }
  is_err_and(f: (e: E) => boolean): boolean {
    return this.tag === 1 && f(this._0 as E);
  }
  ok(): Option<T> {
    return this.tag === 0 ? Some(this._0 as T) : None<T>();
  }
  /** `as_ref()`: `Result<&T, &E>` (references to the payload are the payload, see `Option.as_ref`). */
  as_ref(): Result<T, E> {
    return new Result<T, E>(this.tag, this._0);
  }
  /** `as_mut()`: `Result<&mut T, &mut E>` as tracked pointers to the payload. */
  as_mut(loc: Loc): Result<Ptr<T>, Ptr<E>> {
    const p = Ptr.to(this as Result<T, E>, "_0", loc);
    return this.tag === 0 ? Ok<Ptr<T>, Ptr<E>>(p as Ptr<T>) : Err<Ptr<T>, Ptr<E>>(p as Ptr<E>);
  }
  err(): Option<E> {
    return this.tag === 1 ? Some(this._0 as E) : None<E>();
  }

  /** `Result::unwrap`: on `Err(e)` panics with `called \`Result::unwrap()\` on an \`Err\` value: {e:?}`;
   *  the caller passes the error's Debug text maker (from its descriptor). */
  unwrap(debugErr: (e: E) => string, loc?: Loc): T {
    if (this.tag === 0) return this._0 as T;
    return panic(`called \`Result::unwrap()\` on an \`Err\` value: ${debugErr(this._0 as E)}`, loc);
  }
  /** `Result::expect(msg)`: panics with `{msg}: {e:?}`. */
  expect(msg: string, debugErr: (e: E) => string, loc?: Loc): T {
    if (this.tag === 0) return this._0 as T;
    return panic(`${msg}: ${debugErr(this._0 as E)}`, loc);
  }
  /** `Result::unwrap_err`: panics with `called \`Result::unwrap_err()\` on an \`Ok\` value: {v:?}`. */
  unwrap_err(debugOk: (v: T) => string, loc?: Loc): E {
    if (this.tag === 1) return this._0 as E;
    return panic(`called \`Result::unwrap_err()\` on an \`Ok\` value: ${debugOk(this._0 as T)}`, loc);
  }
  expect_err(msg: string, debugOk: (v: T) => string, loc?: Loc): E {
    if (this.tag === 1) return this._0 as E;
    return panic(`${msg}: ${debugOk(this._0 as T)}`, loc);
  }
  unwrap_or(d: T): T {
    return this.tag === 0 ? (this._0 as T) : d;
  }
  unwrap_or_else(f: (e: E) => T): T {
    return this.tag === 0 ? (this._0 as T) : f(this._0 as E);
  }
  unwrap_or_default(makeDefault: () => T): T {
    return this.tag === 0 ? (this._0 as T) : makeDefault();
  }

  map<U>(f: (v: T) => U): Result<U, E> {
    return this.tag === 0 ? Ok<U, E>(f(this._0 as T)) : Err<U, E>(this._0 as E);
  }
  map_err<F>(f: (e: E) => F): Result<T, F> {
    return this.tag === 1 ? Err<T, F>(f(this._0 as E)) : Ok<T, F>(this._0 as T);
  }
  map_or<U>(d: U, f: (v: T) => U): U {
    return this.tag === 0 ? f(this._0 as T) : d;
  }
  map_or_else<U>(d: (e: E) => U, f: (v: T) => U): U {
    return this.tag === 0 ? f(this._0 as T) : d(this._0 as E);
  }
  inspect(f: (v: T) => void): Result<T, E> {
    if (this.tag === 0) f(this._0 as T);
    return this.copy();
  }
  inspect_err(f: (e: E) => void): Result<T, E> {
    if (this.tag === 1) f(this._0 as E);
    return this.copy();
  }
  and_then<U>(f: (v: T) => Result<U, E>): Result<U, E> {
    return this.tag === 0 ? f(this._0 as T) : Err<U, E>(this._0 as E);
  }
  and<U>(r: Result<U, E>): Result<U, E> {
    return this.tag === 0 ? r : Err<U, E>(this._0 as E);
  }
  or<F>(r: Result<T, F>): Result<T, F> {
    return this.tag === 0 ? Ok<T, F>(this._0 as T) : r;
  }
  or_else<F>(f: (e: E) => Result<T, F>): Result<T, F> {
    return this.tag === 0 ? Ok<T, F>(this._0 as T) : f(this._0 as E);
  }
  /** `Result<Option<T>, E>::transpose` */
  transpose<U>(this: Result<Option<U>, E>): Option<Result<U, E>> {
    if (this.tag === 1) return Some(Err<U, E>(this._0 as E));
    const o = this._0 as Option<U>;
    return o.tag === 1 ? Some(Ok<U, E>(o._0)) : None<Result<U, E>>();
  }

  /** The `?` operator: the `Ok` value to continue, or `TRY_BREAK` (then return `this.residual(conv)`). */
  branch(): T | typeof TRY_BREAK {
    return this.tag === 0 ? (this._0 as T) : TRY_BREAK;
  }
  /** The early return of `?`: `Err(From::from(e))`; `conv` is the `From` conversion (identity if absent). */
  residual<U, F>(conv?: (e: E) => F): Result<U, F> {
    const e = this._0 as E;
    return Err<U, F>(conv ? conv(e) : (e as unknown as F));
  }

  *[Symbol.iterator](): IterableIterator<T> {
    if (this.tag === 0) yield this._0 as T;
  }
}

export function Ok<T, E>(v: T): Result<T, E> {
  return new Result<T, E>(0, v);
}

export function Err<T, E>(e: E): Result<T, E> {
  return new Result<T, E>(1, e);
}

/** `Option<Result<T, E>>::transpose` */
export function Option_transpose<T, E>(o: Option<Result<T, E>>): Result<Option<T>, E> {
  if (o.tag === 0) return Ok<Option<T>, E>(None<T>());
  const r = o._0;
  return r.tag === 0 ? Ok<Option<T>, E>(Some(r._0 as T)) : Err<Option<T>, E>(r._0 as E);
}
