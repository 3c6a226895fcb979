// Interior mutability and shared ownership: Cell, RefCell, Rc/Weak, Arc, Mutex, atomics.
//
// Each type keeps its contents *inline* where Rust does (`Cell`, `RefCell`, `Mutex` and the atomics
// are `Composite` values: moving a `RefCell<Fut>` moves the future) and on the heap where Rust does
// (`Rc`/`Arc` point at an `RcBox` container that never moves). Guards (`Ref`, `RefMut`,
// `MutexGuard`) release their borrow in their drop glue (`$drop`, see drop.ts), so the borrow lasts
// exactly as long as emitted code keeps the guard alive — which is where Rust drops it.
//
// Worked example:
//
//   [rust]                                         [lowered]
//   let shared = Rc::new(RefCell::new(vec![1]));   const shared = Rc_new(new RefCell(vec1))
//   let other = Rc::clone(&shared);                const other = Rc_clone(shared)      // strong 2
//   other.borrow_mut().push(2);                    { const g = other.v.borrow_mut("3:11");
//                                                    g.v.push(2); drop_in_place(g) }   // released
//   let r = shared.borrow();                       const r = shared.v.borrow("4:20")
//   let w = shared.borrow_mut();                   shared.v.borrow_mut("5:20")
//                                                  // panics: "RefCell already borrowed" at 5:20
//
// Panic texts are rustc 1.95's (`RefCell already borrowed`, `RefCell already mutably borrowed`,
// checked against a real binary, see tests/runtime/core-cell.rs); older releases printed
// `already borrowed: BorrowMutError`. The guard types deref with `.v` (read and, for the mutable ones,
// write) and `deref(loc)`/`deref_mut(loc)` for a pointer to the contents, like `RBox`.
//
// Naming: associated functions are `Type_fn` (`Rc_strong_count(&a)`, `Rc_downgrade(&a)`, `Arc_new`);
// methods keep Rust's names. Arguments that Rust passes as `&Rc<T>` may be the handle or a `Ptr` to it.

import { machine, type Loc } from "./machine.js";
import { Deadlock, panic } from "./panic.js";
import { Composite, Container, Ptr, invalidate, kill, type HasDefault } from "./memory.js";
import { drop_in_place } from "./drop.js";
import { Err, None, Ok, Some, type Option, type Result } from "./option.js";

function deref<T>(x: T | Ptr<T>): T {
  return x instanceof Ptr ? (x.get() as T) : x;
}

// ---------------------------------------------------------------------------------------------------
// Option through a pointer (`Option<T>` is std's; pointers are core's)

/** `opt.as_ref()` on a place: `Some(&payload)` — a pointer into the option's payload — or `None`. */
export function Option_as_ref<T>(p: Ptr<Option<T>> | Option<T>, loc?: Loc): Option<Ptr<T>> {
  const o = deref(p);
  return o.tag === 1 ? Some(Ptr.to(o, "_0", loc ?? machine().loc) as Ptr<T>) : None();
}

/** `opt.as_mut()` on a place. */
export function Option_as_mut<T>(p: Ptr<Option<T>> | Option<T>, loc?: Loc): Option<Ptr<T>> {
  return Option_as_ref(p, loc);
}

/** `Pin<&mut Option<T>>::as_pin_mut()`: the payload stays pinned where it is. */
export function Option_as_pin_mut<T>(p: Ptr<Option<T>>, loc?: Loc): Option<Ptr<T>> {
  return Option_as_ref(p, loc);
}

// ---------------------------------------------------------------------------------------------------
// Cell

/** `Cell<T>`. */
export class Cell<T> extends Composite {
  static readonly $rust = { kind: "struct", name: "Cell" } as const;
  declare value: T;
  constructor(value: T) {
    super();
    this.value = value;
  }
  static new<T>(v: T): Cell<T> {
    return new Cell(v);
  }
  /** `get()` (T: Copy). */
  get(): T {
    return this.value;
  }
  /** `set(v)`: the old value is dropped. */
  set(v: T): void {
    const old = this.value;
    this.value = v;
    drop_in_place(old);
  }
  replace(v: T): T {
    const old = this.value;
    this.value = v;
    return old;
  }
  /** `take()`: leaves `T::default()` (pass the type descriptor). */
  take(def: HasDefault<T>): T {
    const make = def.default;
    if (!make) throw new Error("internal error: Cell::take on a type without Default; please report");
    return this.replace(make());
  }
  into_inner(): T {
    return this.value;
  }
  swap(other: Cell<T> | Ptr<Cell<T>>): void {
    const o = deref(other);
    const t = this.value;
    this.value = o.value;
    o.value = t;
  }
  update(f: (v: T) => T): T {
    this.value = f(this.value);
    return this.value;
  }
  /** `get_mut()` / `as_ptr()`: a pointer to the contents. */
  get_mut(loc?: Loc): Ptr<T> {
    return Ptr.to(this as Cell<T>, "value", loc ?? machine().loc);
  }
  as_ptr(loc?: Loc): Ptr<T> {
    return this.get_mut(loc);
  }
}

// ---------------------------------------------------------------------------------------------------
// RefCell

/** `BorrowError` (from `try_borrow`). */
export class BorrowError {
  toString(): string {
    return "RefCell already mutably borrowed";
  }
  /** `{:?}` */
  debug(): string {
    return "BorrowError";
  }
}

/** `BorrowMutError` (from `try_borrow_mut`). */
export class BorrowMutError {
  toString(): string {
    return "RefCell already borrowed";
  }
  debug(): string {
    return "BorrowMutError";
  }
}

/** `RefCell<T>`: `$borrow` counts shared borrows; -1 while mutably borrowed. */
export class RefCell<T> extends Composite {
  static readonly $rust = { kind: "struct", name: "RefCell" } as const;
  declare value: T;
  declare $borrow: number;
  constructor(value: T) {
    super();
    this.value = value;
    this.$borrow = 0;
  }
  static new<T>(v: T): RefCell<T> {
    return new RefCell(v);
  }

  /** `borrow()`: panics `RefCell already mutably borrowed` while a `RefMut` is alive. */
  borrow(loc?: Loc): Ref<T> {
    if (this.$borrow < 0) panic("RefCell already mutably borrowed", loc);
    this.$borrow++;
    return new Ref(this);
  }

  /** `borrow_mut()`: panics `RefCell already borrowed` while any guard is alive. */
  borrow_mut(loc?: Loc): RefMut<T> {
    if (this.$borrow !== 0) panic("RefCell already borrowed", loc);
    this.$borrow = -1;
    return new RefMut(this);
  }

  try_borrow(): Result<Ref<T>, BorrowError> {
    if (this.$borrow < 0) return Err(new BorrowError());
    this.$borrow++;
    return Ok(new Ref(this));
  }

  try_borrow_mut(): Result<RefMut<T>, BorrowMutError> {
    if (this.$borrow !== 0) return Err(new BorrowMutError());
    this.$borrow = -1;
    return Ok(new RefMut(this));
  }

  /** Whether `{:?}` must print `<borrowed>` (the cell is mutably borrowed). */
  isMutablyBorrowed(): boolean {
    return this.$borrow < 0;
  }

  into_inner(): T {
    return this.value;
  }

  /** `replace(v)`: panics like `borrow_mut` if borrowed. */
  replace(v: T, loc?: Loc): T {
    if (this.$borrow !== 0) panic("RefCell already borrowed", loc);
    const old = this.value;
    this.value = v;
    return old;
  }

  replace_with(f: (old: Ptr<T>) => T, loc?: Loc): T {
    if (this.$borrow !== 0) panic("RefCell already borrowed", loc);
    const next = f(Ptr.to(this as RefCell<T>, "value", loc ?? machine().loc));
    return this.replace(next, loc);
  }

  take(def: HasDefault<T>, loc?: Loc): T {
    const make = def.default;
    if (!make) throw new Error("internal error: RefCell::take on a type without Default; please report");
    return this.replace(make(), loc);
  }

  swap(other: RefCell<T> | Ptr<RefCell<T>>, loc?: Loc): void {
    const o = deref(other);
    if (this.$borrow !== 0 || o.$borrow !== 0) panic("RefCell already borrowed", loc);
    const t = this.value;
    this.value = o.value;
    o.value = t;
  }

  /** `get_mut()`: `&mut T` (statically exclusive, no runtime check). */
  get_mut(loc?: Loc): Ptr<T> {
    return Ptr.to(this as RefCell<T>, "value", loc ?? machine().loc);
  }

  as_ptr(loc?: Loc): Ptr<T> {
    return this.get_mut(loc);
  }
}

/** `Ref<'_, T>`: a shared borrow; `.v` reads the contents; dropping it releases the borrow. */
export class Ref<T> {
  declare $released: boolean;
  declare readonly $cell: RefCell<T>;
  constructor(cell: RefCell<T>) {
    this.$released = false;
    this.$cell = cell;
  }
  get v(): T {
    return this.$cell.value;
  }
  deref(loc?: Loc): Ptr<T> {
    return Ptr.to(this.$cell, "value", loc ?? machine().loc);
  }
  /** `Ref::clone(&r)`: another shared borrow. */
  clone(): Ref<T> {
    this.$cell.$borrow++;
    return new Ref(this.$cell);
  }
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    this.$cell.$borrow--;
  }
}

/** `RefMut<'_, T>`: the exclusive borrow; `.v` reads and writes the contents. */
export class RefMut<T> {
  declare $released: boolean;
  declare readonly $cell: RefCell<T>;
  constructor(cell: RefCell<T>) {
    this.$released = false;
    this.$cell = cell;
  }
  get v(): T {
    return this.$cell.value;
  }
  set v(x: T) {
    this.$cell.value = x;
  }
  deref(loc?: Loc): Ptr<T> {
    return Ptr.to(this.$cell, "value", loc ?? machine().loc);
  }
  deref_mut(loc?: Loc): Ptr<T> {
    return this.deref(loc);
  }
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    this.$cell.$borrow = 0;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rc, Weak, Arc

/** The heap allocation of an `Rc`/`Arc`: the counts and the value. Never moves. */
export class RcBox<T> extends Container {
  declare $heap: boolean;
  declare strong: number;
  declare weak: number;
  declare $dropped: boolean;
  declare value: T;
  constructor(value: T) {
    super();
    this.$heap = true;
    this.strong = 1;
    this.weak = 0;
    this.$dropped = false;
    this.value = value;
  }
}

/**
 * An `Rc<T>` handle. Each clone is its own handle object, so dropping a handle decrements exactly once.
 * `.v` is the shared value.
 */
export class Rc<T> {
  declare $released: boolean;
  declare readonly $box: RcBox<T>;
  constructor(box: RcBox<T>) {
    this.$released = false;
    this.$box = box;
  }

  static new<T>(v: T): Rc<T> {
    return new Rc(new RcBox(v));
  }

  get v(): T {
    return this.$box.value;
  }

  /** `&*rc`: a pointer to the shared value. */
  deref(loc?: Loc): Ptr<T> {
    return Ptr.to(this.$box, "value", loc ?? machine().loc);
  }

  /** `rc.clone()` / `Rc::clone(&rc)`: strong count + 1. */
  clone(): this {
    this.$box.strong++;
    return this.handle(this.$box);
  }

  /** A new handle of the same kind (`Rc` or `Arc`) on `b`. */
  protected handle(b: RcBox<T>): this {
    return new (this.constructor as new (b: RcBox<T>) => this)(b);
  }

  /** Drop glue: strong count − 1; at zero the value is dropped, and freed once no `Weak` remains. */
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    releaseStrong(this.$box);
  }
}

function releaseStrong<T>(b: RcBox<T>): void {
  b.strong--;
  if (b.strong > 0) return;
  const loc = machine().loc;
  b.$dropped = true;
  const t = machine().trace;
  if (t) t({ kind: "drop", loc, text: "last strong reference dropped: the shared value is dropped" });
  drop_in_place(b.value, loc);
  invalidate(b.value, loc, "dropped");
  if (b.weak === 0) kill(b, loc, "freed");
}

/** `Arc<T>`: the same as `Rc` here (one thread); a separate class so it prints and types as `Arc`. */
export class Arc<T> extends Rc<T> {
  static override new<T>(v: T): Arc<T> {
    return new Arc(new RcBox(v));
  }
}

/** `Weak<T>`. `$box` is `null` for `Weak::new()`. */
export class Weak<T> {
  $released = false;
  constructor(
    readonly $box: RcBox<T> | null,
    readonly $arc: boolean,
  ) {}

  static new<T>(): Weak<T> {
    return new Weak<T>(null, false);
  }

  /** `upgrade()`: `Some(rc)` while a strong reference exists. */
  upgrade(): Option<Rc<T>> {
    const b = this.$box;
    if (b === null || b.strong === 0) return None();
    b.strong++;
    return Some(this.$arc ? new Arc(b) : new Rc(b));
  }

  strong_count(): number {
    return this.$box?.strong ?? 0;
  }

  weak_count(): number {
    const b = this.$box;
    return b === null || b.strong === 0 ? 0 : b.weak;
  }

  clone(): Weak<T> {
    if (this.$box !== null) this.$box.weak++;
    return new Weak(this.$box, this.$arc);
  }

  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    const b = this.$box;
    if (b === null) return;
    b.weak--;
    if (b.weak === 0 && b.strong === 0) kill(b, machine().loc, "freed");
  }
}

type RcArg<T> = Rc<T> | Ptr<Rc<T>>;

/** `Rc::new(v)`. */
export function Rc_new<T>(v: T): Rc<T> {
  return Rc.new(v);
}

/** `Rc::clone(&rc)`. */
export function Rc_clone<T, R extends Rc<T>>(rc: R | Ptr<R>): R {
  return deref(rc).clone();
}

export function Rc_strong_count<T>(rc: RcArg<T>): number {
  return deref(rc).$box.strong;
}

export function Rc_weak_count<T>(rc: RcArg<T>): number {
  return deref(rc).$box.weak;
}

/** `Rc::downgrade(&rc)`. */
export function Rc_downgrade<T>(rc: RcArg<T>): Weak<T> {
  const r = deref(rc);
  r.$box.weak++;
  return new Weak(r.$box, r instanceof Arc);
}

/** `Rc::ptr_eq(&a, &b)`. */
export function Rc_ptr_eq<T>(a: RcArg<T>, b: RcArg<T>): boolean {
  return deref(a).$box === deref(b).$box;
}

/** `Rc::try_unwrap(rc)`: `Ok(value)` if this was the only strong reference, else `Err(rc)`. */
export function Rc_try_unwrap<T, R extends Rc<T>>(rc: R): Result<T, R> {
  const b = rc.$box;
  if (b.strong !== 1) return Err(rc);
  rc.$released = true;
  b.strong = 0;
  b.$dropped = true;
  if (b.weak === 0) kill(b, machine().loc, "freed");
  return Ok(b.value);
}

/** `Rc::into_inner(rc)`: `Some(value)` if this was the last strong reference (else it is dropped). */
export function Rc_into_inner<T>(rc: Rc<T>): Option<T> {
  const r = Rc_try_unwrap<T, Rc<T>>(rc);
  if (r.tag === 0) return Some(r._0 as T);
  rc.$drop();
  return None();
}

/** `Rc::get_mut(&mut rc)`: `Some(&mut T)` if there is no other `Rc` or `Weak`. */
export function Rc_get_mut<T>(rc: RcArg<T>, loc?: Loc): Option<Ptr<T>> {
  const r = deref(rc);
  return r.$box.strong === 1 && r.$box.weak === 0 ? Some(r.deref(loc)) : None();
}

/** `Rc::as_ptr(&rc)`. */
export function Rc_as_ptr<T>(rc: RcArg<T>, loc?: Loc): Ptr<T> {
  return deref(rc).deref(loc);
}

/** `Rc::into_raw(rc)`: the handle is forgotten, its count stays. */
export function Rc_into_raw<T>(rc: Rc<T>, loc?: Loc): Ptr<T> {
  rc.$released = true;
  return rc.deref(loc);
}

function boxOf<T>(p: Ptr<T>, loc: Loc | undefined, what: string): RcBox<T> {
  p.get(loc);
  if (!(p.c instanceof RcBox)) throw p.ubError("read", loc, `\`${what}\` on a pointer that did not come from \`into_raw\``);
  return p.c as RcBox<T>;
}

/** `Rc::from_raw(p)`: takes back the count `into_raw` kept. */
export function Rc_from_raw<T>(p: Ptr<T>, loc?: Loc): Rc<T> {
  return new Rc(boxOf(p, loc, "Rc::from_raw"));
}

export function Arc_from_raw<T>(p: Ptr<T>, loc?: Loc): Arc<T> {
  return new Arc(boxOf(p, loc, "Arc::from_raw"));
}

/** `Rc::increment_strong_count(p)` / `Arc::increment_strong_count(p)`. */
export function Rc_increment_strong_count<T>(p: Ptr<T>, loc?: Loc): void {
  boxOf(p, loc, "increment_strong_count").strong++;
}

/** `Rc::decrement_strong_count(p)` / `Arc::decrement_strong_count(p)`. */
export function Rc_decrement_strong_count<T>(p: Ptr<T>, loc?: Loc): void {
  releaseStrong(boxOf(p, loc, "decrement_strong_count"));
}

/** `Arc::new(v)`. */
export function Arc_new<T>(v: T): Arc<T> {
  return Arc.new(v);
}

export const Arc_clone = Rc_clone;
export const Arc_strong_count = Rc_strong_count;
export const Arc_weak_count = Rc_weak_count;
export const Arc_downgrade = Rc_downgrade;
export const Arc_ptr_eq = Rc_ptr_eq;
export const Arc_try_unwrap = Rc_try_unwrap;
export const Arc_into_inner = Rc_into_inner;
export const Arc_get_mut = Rc_get_mut;
export const Arc_as_ptr = Rc_as_ptr;
export const Arc_into_raw = Rc_into_raw;
export const Arc_increment_strong_count = Rc_increment_strong_count;
export const Arc_decrement_strong_count = Rc_decrement_strong_count;

// ---------------------------------------------------------------------------------------------------
// Mutex (one thread: a second lock while locked is a deadlock)

/** `PoisonError` (never produced here: nothing panics while holding a lock and then continues). */
export class PoisonError<G> {
  constructor(readonly guard: G) {}
  into_inner(): G {
    return this.guard;
  }
}

/** `TryLockError::WouldBlock`. */
export class WouldBlock {
  debug(): string {
    return "WouldBlock";
  }
  toString(): string {
    return "try_lock failed because the operation would block";
  }
}

export class Mutex<T> extends Composite {
  static readonly $rust = { kind: "struct", name: "Mutex" } as const;
  $locked = false;
  constructor(public value: T) {
    super();
  }
  static new<T>(v: T): Mutex<T> {
    return new Mutex(v);
  }

  /** `lock()`: `Ok(guard)`; locking again from the same thread would block forever. */
  lock(loc?: Loc): Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> {
    if (this.$locked) {
      throw new Deadlock(
        "deadlock: `Mutex::lock` on a mutex this thread already holds; the Rust program would wait forever",
        loc ?? machine().loc,
      );
    }
    this.$locked = true;
    return Ok(new MutexGuard(this));
  }

  try_lock(): Result<MutexGuard<T>, WouldBlock> {
    if (this.$locked) return Err(new WouldBlock());
    this.$locked = true;
    return Ok(new MutexGuard(this));
  }

  is_poisoned(): boolean {
    return false;
  }

  into_inner(): Result<T, PoisonError<T>> {
    return Ok(this.value);
  }

  get_mut(loc?: Loc): Result<Ptr<T>, PoisonError<Ptr<T>>> {
    return Ok(Ptr.to(this as Mutex<T>, "value", loc ?? machine().loc));
  }
}

export class MutexGuard<T> {
  $released = false;
  constructor(readonly $mutex: Mutex<T>) {}
  get v(): T {
    return this.$mutex.value;
  }
  set v(x: T) {
    this.$mutex.value = x;
  }
  deref(loc?: Loc): Ptr<T> {
    return Ptr.to(this.$mutex, "value", loc ?? machine().loc);
  }
  deref_mut(loc?: Loc): Ptr<T> {
    return this.deref(loc);
  }
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    this.$mutex.$locked = false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Atomics (one thread: every `Ordering` behaves like `SeqCst`)

/** `std::sync::atomic::Ordering` (accepted and ignored). */
export const AtomicOrdering = {
  Relaxed: 0,
  Release: 1,
  Acquire: 2,
  AcqRel: 3,
  SeqCst: 4,
} as const;
export type AtomicOrdering = (typeof AtomicOrdering)[keyof typeof AtomicOrdering];

/** The integer kinds of the atomics: width and signedness. */
export type AtomicIntKind = "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize";

/** A 64-bit value is a `number` while it is a safe integer and a `bigint` beyond (ARCHITECTURE.md). */
export type AtomicInt = number | bigint;

function wrapInt(kind: AtomicIntKind, v: bigint): AtomicInt {
  let r: bigint;
  switch (kind) {
    case "u8":
      return Number(BigInt.asUintN(8, v));
    case "u16":
      return Number(BigInt.asUintN(16, v));
    case "u32":
      return Number(BigInt.asUintN(32, v));
    case "i8":
      return Number(BigInt.asIntN(8, v));
    case "i16":
      return Number(BigInt.asIntN(16, v));
    case "i32":
      return Number(BigInt.asIntN(32, v));
    case "u64":
    case "usize":
      r = BigInt.asUintN(64, v);
      break;
    case "i64":
    case "isize":
      r = BigInt.asIntN(64, v);
      break;
    default:
      return assertNever(kind);
  }
  const n = Number(r);
  return Number.isSafeInteger(n) ? n : r;
}

function assertNever(x: never): never {
  throw new Error(`internal error: unexpected ${String(x)}; please report`);
}

/** `AtomicUsize`, `AtomicU32`, `AtomicI32`, …: wrapping arithmetic at the kind's width. */
export class AtomicInteger extends Composite {
  static readonly $rust = { kind: "struct", name: "Atomic" } as const;
  constructor(
    readonly $kind: AtomicIntKind,
    public value: AtomicInt,
  ) {
    super();
  }
  load(_o?: AtomicOrdering): AtomicInt {
    return this.value;
  }
  store(v: AtomicInt, _o?: AtomicOrdering): void {
    this.value = v;
  }
  swap(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    const old = this.value;
    this.value = v;
    return old;
  }
  private update(f: (a: bigint) => bigint): AtomicInt {
    const old = this.value;
    this.value = wrapInt(this.$kind, f(BigInt(old)));
    return old;
  }
  fetch_add(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => a + BigInt(v));
  }
  fetch_sub(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => a - BigInt(v));
  }
  fetch_and(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => a & BigInt(v));
  }
  fetch_or(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => a | BigInt(v));
  }
  fetch_xor(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => a ^ BigInt(v));
  }
  fetch_max(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => (a > BigInt(v) ? a : BigInt(v)));
  }
  fetch_min(v: AtomicInt, _o?: AtomicOrdering): AtomicInt {
    return this.update((a) => (a < BigInt(v) ? a : BigInt(v)));
  }
  /** `compare_exchange(current, new, ..)`: `Ok(previous)` if it was `current`, else `Err(actual)`. */
  compare_exchange(current: AtomicInt, next: AtomicInt, _s?: AtomicOrdering, _f?: AtomicOrdering): Result<AtomicInt, AtomicInt> {
    const old = this.value;
    if (BigInt(old) !== BigInt(current)) return Err(old);
    this.value = next;
    return Ok(old);
  }
  compare_exchange_weak(current: AtomicInt, next: AtomicInt, s?: AtomicOrdering, f?: AtomicOrdering): Result<AtomicInt, AtomicInt> {
    return this.compare_exchange(current, next, s, f);
  }
  into_inner(): AtomicInt {
    return this.value;
  }
  get_mut(loc?: Loc): Ptr<AtomicInt> {
    return Ptr.to(this as AtomicInteger, "value", loc ?? machine().loc);
  }
}

function atomicOf(kind: AtomicIntKind): (v: AtomicInt) => AtomicInteger {
  return (v) => new AtomicInteger(kind, v);
}

/** `AtomicUsize::new(v)` and friends. */
export const AtomicUsize_new = atomicOf("usize");
export const AtomicIsize_new = atomicOf("isize");
export const AtomicU8_new = atomicOf("u8");
export const AtomicU16_new = atomicOf("u16");
export const AtomicU32_new = atomicOf("u32");
export const AtomicU64_new = atomicOf("u64");
export const AtomicI8_new = atomicOf("i8");
export const AtomicI16_new = atomicOf("i16");
export const AtomicI32_new = atomicOf("i32");
export const AtomicI64_new = atomicOf("i64");

/** `AtomicBool`. */
export class AtomicBool extends Composite {
  static readonly $rust = { kind: "struct", name: "AtomicBool" } as const;
  constructor(public value: boolean) {
    super();
  }
  static new(v: boolean): AtomicBool {
    return new AtomicBool(v);
  }
  load(_o?: AtomicOrdering): boolean {
    return this.value;
  }
  store(v: boolean, _o?: AtomicOrdering): void {
    this.value = v;
  }
  swap(v: boolean, _o?: AtomicOrdering): boolean {
    const old = this.value;
    this.value = v;
    return old;
  }
  fetch_and(v: boolean, _o?: AtomicOrdering): boolean {
    const old = this.value;
    this.value = old && v;
    return old;
  }
  fetch_or(v: boolean, _o?: AtomicOrdering): boolean {
    const old = this.value;
    this.value = old || v;
    return old;
  }
  fetch_xor(v: boolean, _o?: AtomicOrdering): boolean {
    const old = this.value;
    this.value = old !== v;
    return old;
  }
  fetch_not(_o?: AtomicOrdering): boolean {
    const old = this.value;
    this.value = !old;
    return old;
  }
  compare_exchange(current: boolean, next: boolean, _s?: AtomicOrdering, _f?: AtomicOrdering): Result<boolean, boolean> {
    const old = this.value;
    if (old !== current) return Err(old);
    this.value = next;
    return Ok(old);
  }
  compare_exchange_weak(current: boolean, next: boolean, s?: AtomicOrdering, f?: AtomicOrdering): Result<boolean, boolean> {
    return this.compare_exchange(current, next, s, f);
  }
  into_inner(): boolean {
    return this.value;
  }
}
