// The memory model: places with addresses, pointers with tags, moves that leave pointers dangling.
//
// Rust lets a future hold a reference to one of its own locals across an `.await`. That is only sound
// while the future stays where it is: moving it copies the bytes elsewhere and leaves the reference
// pointing at the old place. This module makes that visible. Every value that can be pointed into
// lives in a *container* (a `Frame` of a plain function's address-taken locals, a `Composite` value —
// struct, enum, future, closure environment —, a JS array for a tuple or an array, an `RBox` on the
// heap, a `Temp` for `&5`), and a pointer is a `Ptr`: container + key + the *generation tags* the
// container and the key had when the pointer was made + the address it denotes + where it was made.
//
// Worked example (acceptance/ub/swap_after_poll.rs, lowered by hand):
//
//   [rust]                                       [lowered]
//   async fn foo(x: i32) -> i32 {                class Foo extends Composite { x; y; … }
//       let x = Box::new(x);                     this.x = new RBox(x)
//       let y = &x;                              this.y = Ptr.to(this, "x", "25:13")   // gen 0 of Foo#1
//       bar().await;                             … Suspend0 …
//       **y                                      this.y.get("27:5").v
//   }
//   let mut future = foo(42);                    $f.future = foo(42)
//   Pin::new_unchecked(&mut future).poll(cx)     Pin_new_unchecked(Ptr.to($f, "future", …), "37:27")
//   mem::swap(&mut future, &mut other);          mem_swap(Ptr.to($f,"future",…), Ptr.to($f,"other",…), "44:5")
//                                                // relocates both futures: Foo#1 and Foo#2 → gen 1,
//                                                // each move recorded with the pin it broke
//   Pin::new_unchecked(&mut future).poll(cx)     Foo#2's `y` still carries gen 0 → `get` throws
//                                                UndefinedBehavior { at 27:5, created 25:13,
//                                                invalidated 44:5 "swapped", pinned 42:… }
//
// The one idea: a move keeps the JS object (so no copying) but bumps its generation, and the generation
// of every composite stored inline in it; a pointer compares its tag with the container's generation on
// every access. Values behind a pointer — RBox, RVec, RString, Rc contents — are on the heap and do not
// move when their owner moves, so relocation stops there.
//
// Bookkeeping is lazy: a container carries one field, `$m`, which stays `null` until somebody takes a
// pointer into it or pins it. Moving a value nobody ever pointed into costs a walk over its fields and
// nothing else. A checked read is two loads and two compares (no Map, no allocation).
//
// Addresses: a container gets an address the first time the address of a pointer into it is needed
// (`{:p}`, `ptr::eq`, `as usize`, `--trace`), from `machine().stackAddr`/`heapAddr`; a composite stored
// in a slot takes the slot's address, so `&s` and `&s.a` agree. Pointers nobody looks at the address of
// (the `Pin<&mut Self>` each poll passes down) never allocate one. A move forgets the address: the next
// pointer sees the new place; a pointer made before the move keeps the old one (the move's record holds
// the old base address, assigned then if a dangling pointer asks for it first). Sizes are estimates (8
// bytes per scalar, 24 per String/Vec) — enough for `ptr::eq` and `{:p}` to behave, not Rust's layout.
//
// Naming: Rust associated functions are exported as `Type_method` (`Pin_new_unchecked`, `Box_pin`),
// free std functions by their path (`mem_swap`, `ptr_eq`, `ptr_null`); methods of runtime classes keep
// Rust's names (`b.v`, `p.add(1)`, `p.is_null()`). Every function that can fail takes `loc` last.

import { machine, tracer, type Loc } from "./machine.js";
import { UndefinedBehavior, type Access, type UbReport } from "./panic.js";

/** A slot name: a local's name, a field's name, or an array index. */
export type Key = string | number;

/** What ended a place's life. The words appear in reports ("the value was swapped at …"). */
export type MoveKind =
  | "moved"
  | "swapped"
  | "replaced"
  | "taken"
  | "overwritten"
  | "dropped"
  | "freed"
  | "reallocated"
  | "went out of scope";

/** One event that bumped a generation: where, how, and the pin it broke (if the value was pinned). */
export interface MoveRecord {
  /** The generation the container had *after* this event. */
  readonly gen: number;
  readonly loc: Loc;
  readonly how: MoveKind;
  readonly pinnedAt: Loc | null;
  /** The container's base address in the generation this event ended (0: none assigned yet; a pointer
   *  made in that generation that asks for its address later assigns one here). */
  addr: number;
}

interface KeyState {
  gen: number;
  records: MoveRecord[];
}

/**
 * The tracking state of one container, created on first need. `gen` is what pointers compare against;
 * `keys` holds the generations of single slots that were moved out of (`moveOut`) or died (`storageDead`).
 */
export class PlaceMeta {
  declare gen: number;
  /** Base address, 0 while unassigned (assigned when a pointer's address is first needed, forgotten
   *  on a move). */
  declare addr: number;
  /** Per-slot addresses of a `Frame` (each local is its own stack slot). */
  declare slots: Record<string, number> | null;
  /** Field offsets of a composite at its current generation. */
  declare offsets: Record<string, number> | null;
  /** A pointer to the current generation exists: the next move must be remembered. */
  declare lent: boolean;
  declare pinnedAt: Loc | null;
  declare history: MoveRecord[] | null;
  declare keys: Record<string, KeyState> | null;
  /** The last pointer `Ptr.to` made into this container: a loop that borrows the same slot at the
   *  same place each iteration (`fut.as_mut().poll(&mut cx)`) gets it back while it is still valid. */
  declare last: Ptr<unknown> | null;
  constructor() {
    this.gen = 0;
    this.last = null;
    this.addr = 0;
    this.slots = null;
    this.offsets = null;
    this.lent = false;
    this.pinnedAt = null;
    this.history = null;
    this.keys = null;
  }
}

// Performance note: classes on hot paths declare their fields with `declare` and assign them in the
// constructor. With `useDefineForClassFields` (the default for ES2022 targets) a class field is an
// own-property *definition*, which costs Node 20 4–17 ns per object; an assignment is nearly free.

/** Anything that holds places: frames, composite values, boxes, temporaries. */
export abstract class Container {
  /** Tracking state; `null` until a pointer into this container is made (see `PlaceMeta`). */
  declare $m: PlaceMeta | null;
  constructor() {
    this.$m = null;
  }
}

/**
 * Base class of every value that is stored inline and moves with its owner: emitted structs, enums,
 * futures and closure environments, std's Option/Result, Cell/RefCell. Fields whose names start with
 * `$` are bookkeeping and are skipped by relocation, drop glue and layout.
 *
 * An emitted class may describe itself for reports with a static `$rust`:
 *   `static readonly $rust = { kind: "future", name: "foo" }` → "`x` in the future of `foo`".
 */
export abstract class Composite extends Container {}

export interface RustName {
  readonly kind: "struct" | "enum" | "future" | "closure" | "union";
  readonly name: string;
}

/** A plain function's address-taken locals (`const $f = frame("main", { x: 0 })`). */
export class Frame extends Container {
  [local: string]: unknown;
  declare readonly $name: string;
  constructor(name: string) {
    super();
    this.$name = name;
  }

  /** The function returned: every pointer to its locals (and into values still in them) dangles. */
  $exit(loc: Loc): void {
    kill(this, loc, "went out of scope");
    for (const k in this) {
      if (k.charCodeAt(0) !== 36) relocateInline(this[k], loc, "went out of scope", null);
    }
  }
}

/** A frame with its locals initialised up front (one shape per function). */
export function frame<L extends object>(name: string, locals: L): Frame & L {
  return Object.assign(new Frame(name), locals);
}

/** A temporary place holding one value: `&5`, `&String::from("x")`. */
export class Temp<T> extends Container {
  declare v: T;
  constructor(v: T) {
    super();
    this.v = v;
  }
}

/** `Box<T>`: one place on the heap. Moving the box moves the pointer, not `v`. */
export class RBox<T> extends Container {
  /** The pointer `Pin<Box<T>>::as_mut` and `&mut *b` hand out, made once. */
  declare $ptr: Ptr<T> | null;
  declare $freed: boolean;
  declare v: T;
  constructor(v: T) {
    super();
    this.$ptr = null;
    this.$freed = false;
    this.v = v;
  }

  static new<T>(v: T): RBox<T> {
    return new RBox(v);
  }

  /** `&*b` / `&mut *b`. */
  deref(loc?: Loc): Ptr<T> {
    return (this.$ptr ??= Ptr.to(this as RBox<T>, "v", loc ?? machine().loc));
  }

  deref_mut(loc?: Loc): Ptr<T> {
    return this.deref(loc);
  }

  /** Drop glue: drop the contents, free the allocation (pointers into it dangle). */
  $drop(): void {
    if (this.$freed) return;
    this.$freed = true;
    const loc = machine().loc;
    dropHook.dropValue(this.v, loc);
    kill(this, loc, "freed");
    relocateInline(this.v, loc, "freed", null);
  }
}

/**
 * The drop glue `RBox.$drop` and `Pin_set` call. drop.ts installs `drop_in_place` here when it is
 * evaluated, which keeps the import graph acyclic (drop.ts imports memory.ts, not the reverse).
 * It is set once and never changed afterwards.
 */
export const dropHook: { dropValue: (v: unknown, loc: Loc) => void } = {
  dropValue: () => {
    throw new Error("internal error: drop glue used before runtime/drop.ts was loaded; please report");
  },
};

/** A moved-from place holds `MOVED`; drop glue skips it. */
export const MOVED: unique symbol = Symbol("moved");
export type Moved = typeof MOVED;

// ---------------------------------------------------------------------------------------------------
// Pointers

type Slots = Record<Key, unknown>;

/**
 * `&T`, `&mut T`, `*const T`, `*mut T`. Immutable but for `a`, the address, computed on first use.
 *   c  the container          k  the slot in it           m  the container's `PlaceMeta`
 *   g  the container's generation when the pointer was made, kg the slot's
 */
export class Ptr<T> {
  declare readonly c: object;
  declare readonly k: Key;
  declare readonly m: PlaceMeta;
  declare readonly g: number;
  declare readonly kg: number;
  /** The address, or `LAZY` until somebody needs it (read `addr`). 0 is the null pointer. */
  declare a: number;
  /** Where the pointer was made (the `&x`, the `as *const _`). */
  declare readonly loc: Loc;

  constructor(c: object, k: Key, m: PlaceMeta, g: number, kg: number, addr: number, loc: Loc) {
    this.c = c;
    this.k = k;
    this.m = m;
    this.g = g;
    this.kg = kg;
    this.a = addr;
    this.loc = loc;
  }

  /** The address this pointer denotes (`{:p}`, `ptr::eq`, `as usize`), assigned on first use. */
  get addr(): number {
    const a = this.a;
    return a !== LAZY ? a : (this.a = lazyAddr(this));
  }

  /** The null pointer: `ptr::null()`, `ptr::null_mut()`. Any access is undefined behavior. */
  static readonly NULL: Ptr<never> = new Ptr<never>(new Temp(undefined), "v", deadMeta(), 0, 0, 0, "0:0");

  /** `&c.k` — a pointer to slot `k` of container `c` (a frame local, a field, an array element). */
  static to<C extends object, K extends keyof C & Key>(c: C, k: K, loc: Loc): Ptr<C[K]> {
    const m = metaOf(c);
    const last = m.last;
    let p: Ptr<C[K]>;
    // The pointer made here last time, while its place is the same (then `lent` is set already): a loop
    // that borrows the same slot at the same place each iteration (`&mut cx`) gets it back.
    if (last !== null && last.loc === loc && last.k === k && last.g === m.gen && (m.keys === null || keyGen(m.keys, k) === last.kg) && (last.a === LAZY || sameAddr(last, (c as Slots)[k]))) {
      p = last as Ptr<C[K]>;
    } else {
      m.lent = true;
      const kg = m.keys === null ? 0 : keyGen(m.keys, k);
      p = (m.last = (k === "v" ? new VPtr<C[K]>(c, k, m, m.gen, kg, LAZY, loc) : new Ptr<C[K]>(c, k, m, m.gen, kg, LAZY, loc)) as Ptr<unknown>) as Ptr<C[K]>;
    }
    if (tracer) tracer({ kind: "borrow", loc, text: `borrow ${describePlace(c, k)} at ${hex(p.addr)}` });
    return p;
  }

  /**
   * `Ptr.to` with a subclass of `Ptr` that emitted code generates for one field, overriding `get`/`set`
   * with a *named* load (`(this.c as Foo).total`) on the fast path. `Ptr.get`'s own keyed load is shared
   * by every pointer in the program and goes megamorphic; a field-specialised pointer keeps the
   * self-reference reads of a future as cheap as plain field reads. Same checks, same reports.
   */
  static toWith<C extends object, K extends keyof C & Key, P extends Ptr<C[K]>>(
    ctor: new (c: object, k: Key, m: PlaceMeta, g: number, kg: number, addr: number, loc: Loc) => P,
    c: C,
    k: K,
    loc: Loc,
  ): P {
    const m = metaOf(c);
    m.lent = true;
    const ks = m.keys;
    const p = new ctor(c, k, m, m.gen, ks === null ? 0 : keyGen(ks, k), LAZY, loc);
    if (tracer) tracer({ kind: "borrow", loc, text: `borrow ${describePlace(c, k)} at ${hex(p.addr)}` });
    return p;
  }

  /** `&5`, `&String::from("x")`: a fresh temporary place holding `v`. */
  static temp<T>(v: T, loc: Loc): Ptr<T> {
    return Ptr.to(new Temp(v), "v", loc);
  }

  /**
   * A pointer the runtime makes for its own plumbing (an executor pinning its root future, a waker's
   * data pointer): the same as `Ptr.to` but not reported on `--trace`, where it would be noise.
   */
  static internal<C extends object, K extends keyof C & Key>(c: C, k: K, loc: Loc): Ptr<C[K]> {
    const m = metaOf(c);
    m.lent = true;
    const kg = m.keys === null ? 0 : keyGen(m.keys, k);
    return k === "v" ? new VPtr<C[K]>(c, k, m, m.gen, kg, LAZY, loc) : new Ptr<C[K]>(c, k, m, m.gen, kg, LAZY, loc);
  }

  /** `Ptr.internal` with a field-specialised subclass (see `toWith`). */
  static internalWith<C extends object, K extends keyof C & Key, P extends Ptr<C[K]>>(
    ctor: new (c: object, k: Key, m: PlaceMeta, g: number, kg: number, addr: number, loc: Loc) => P,
    c: C,
    k: K,
    loc: Loc,
  ): P {
    const m = metaOf(c);
    m.lent = true;
    const ks = m.keys;
    return new ctor(c, k, m, m.gen, ks === null ? 0 : keyGen(ks, k), LAZY, loc);
  }

  /** `Ptr.temp` for runtime plumbing (not traced). */
  static internalTemp<T>(v: T, loc: Loc): Ptr<T> {
    return Ptr.internal(new Temp(v), "v", loc);
  }

  /** `&(*p).key` — a pointer to a field of the pointee (checks `p`). */
  static field<T extends object, K extends keyof T & Key>(p: Ptr<T>, key: K, loc: Loc): Ptr<T[K]> {
    return Ptr.to(p.get(loc), key, loc);
  }

  /** Reads the pointee. Undefined behavior if the place was moved, freed or went out of scope. */
  get(loc?: Loc): T {
    // The fast path is kept tiny so that V8 inlines it: one generation compare, one null check.
    const m = this.m;
    if (m.gen === this.g && m.keys === null) return (this.c as Slots)[this.k] as T;
    return this.slowAccess("read", loc, undefined) as T;
  }

  /** Writes the pointee (the old value is not dropped: emitted code drops it first where Rust does). */
  set(v: T, loc?: Loc): void {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) (this.c as Slots)[this.k] = v;
    else this.slowAccess("write", loc, v);
  }

  /**
   * Everything the fast path leaves out: slots that were moved out of, and pointers one past the end
   * of an array (made by `offset`, marked with a negative generation `-1 - gen`).
   */
  protected slowAccess(access: "read" | "write", loc: Loc | undefined, v: T | undefined): unknown {
    const m = this.m;
    const g = this.g < 0 ? -1 - this.g : this.g;
    if (m.gen !== g || (m.keys !== null && keyGen(m.keys, this.k) !== this.kg)) this.fail(access, loc);
    if (typeof this.k === "number") this.checkBounds(access, loc);
    if (access === "read") return (this.c as Slots)[this.k];
    (this.c as Slots)[this.k] = v;
    return undefined;
  }

  /** Whether an access would succeed (for `Pin` bookkeeping; never reports). */
  isLive(): boolean {
    const m = this.m;
    return m.gen === (this.g < 0 ? -1 - this.g : this.g) && (m.keys === null || keyGen(m.keys, this.k) === this.kg) && this.a !== 0;
  }

  /** `&mut *p`, `&*p`: a new pointer to the same place, made at `loc` (checks that the place is live). */
  reborrow(loc: Loc): Ptr<T> {
    const m = this.m;
    if (m.gen !== (this.g < 0 ? -1 - this.g : this.g) || (m.keys !== null && keyGen(m.keys, this.k) !== this.kg)) this.fail("borrow", loc);
    return new Ptr<T>(this.c, this.k, m, this.g, this.kg, this.a, loc);
  }

  is_null(): boolean {
    return this.a === 0;
  }

  /** `p as *const U`: the same pointer at another type. */
  cast<U>(): Ptr<U> {
    return this as unknown as Ptr<U>;
  }

  /** `p.add(n)` for a pointer to an array / Vec element. */
  add(n: number, loc?: Loc): Ptr<T> {
    return this.offset(n, loc);
  }

  /** `p.sub(n)`. */
  sub(n: number, loc?: Loc): Ptr<T> {
    return this.offset(-n, loc);
  }

  /** `p.offset(n)`: element `k + n` of the same array (one past the end may be made, not read). */
  offset(n: number, loc?: Loc): Ptr<T> {
    if (typeof this.k !== "number" || !Array.isArray(this.c)) {
      if (n === 0) return this;
      throw this.ubError("borrow", loc, "pointer arithmetic on a pointer that does not point into an array");
    }
    const k = this.k + n;
    if (k < 0 || k > this.c.length) {
      throw this.ubError("borrow", loc, `offset ${n} leaves the array of length ${this.c.length}`);
    }
    const stride = sizeOfValue(this.c[0]);
    const gen = this.g < 0 ? -1 - this.g : this.g;
    // one past the end may be made but not used: a negative tag sends every access to `slowAccess`
    const tag = k === this.c.length ? -1 - gen : gen;
    return new Ptr<T>(this.c, k, this.m, tag, this.kg, this.addr + n * stride, loc ?? this.loc);
  }

  /** The address as `usize` (`p as usize`). */
  get usize(): number {
    return this.addr;
  }

  private checkBounds(access: Access, loc: Loc | undefined): void {
    const c = this.c;
    if (Array.isArray(c) && ((this.k as number) >= c.length || (this.k as number) < 0)) {
      throw this.ubError(access, loc, `index ${this.k} is outside the array of length ${c.length}`);
    }
  }

  private fail(access: Access, loc: Loc | undefined): never {
    throw this.ubError(access, loc, undefined);
  }

  /** The report for an access through this pointer that cannot succeed. */
  ubError(access: Access, loc: Loc | undefined, detail: string | undefined): UndefinedBehavior {
    const at = loc ?? machine().loc;
    const place = describePlace(this.c, this.k);
    let report: UbReport;
    if (this.a === 0) {
      report = { access, at, createdAt: this.loc, invalidatedAt: this.loc, how: "is null", place: "null" };
    } else if (detail !== undefined) {
      report = { access, at, createdAt: this.loc, invalidatedAt: at, how: "out of bounds", place, detail };
    } else {
      const rec = this.invalidatingRecord();
      report = {
        access,
        at,
        createdAt: this.loc,
        invalidatedAt: rec?.loc ?? at,
        how: rec?.how ?? "moved",
        ...(rec?.pinnedAt ? { pinnedAt: rec.pinnedAt } : {}),
        place,
      };
    }
    const t = machine().trace;
    if (t) t({ kind: "invalidate", loc: at, text: `${access} through a dangling pointer to ${place}` });
    return new UndefinedBehavior(report);
  }

  /** The first event after this pointer was made that killed its place. */
  private invalidatingRecord(): MoveRecord | undefined {
    const m = this.m;
    const g = this.g < 0 ? -1 - this.g : this.g;
    if (m.gen !== g) return m.history?.find((r) => r.gen > g);
    const ks = m.keys?.[String(this.k)];
    return ks?.records.find((r) => r.gen > this.kg);
  }
}

/**
 * A pointer to a slot named `v` — a `Box`'s contents, a temporary (`&5`, the noop waker), a static —
 * made by `Ptr.to` and `Ptr.internal` for that key: the same checks, with a named load on the fast
 * path. `Ptr.get`'s keyed load is shared by every pointer of the program and goes megamorphic; the
 * runtime's own plumbing (a context's waker, a pinned box) reads through these on every poll.
 */
class VPtr<T> extends Ptr<T> {
  override get(loc?: Loc): T {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) return (this.c as { v: T }).v;
    return this.slowAccess("read", loc, undefined) as T;
  }

  override set(v: T, loc?: Loc): void {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) (this.c as { v: T }).v = v;
    else this.slowAccess("write", loc, v);
  }
}

/** `Ptr.a` of a pointer whose address nobody has asked for yet. */
const LAZY = -1;

/**
 * A pointer `Ptr.to` made before, whose address was computed, still denotes the same address as a new
 * one would: always, unless the slot holds a value stored inline whose own address differs from it.
 */
function sameAddr(p: Ptr<unknown>, v: unknown): boolean {
  if (!isInline(v)) return true;
  const vm = (v as { $m?: PlaceMeta | null }).$m;
  return vm != null && vm.addr === p.a;
}

/**
 * The address of a pointer made without one: the slot's address now, if the container is still in the
 * generation the pointer was made in; otherwise the base address the container had then (recorded by
 * the move that ended it) plus the slot's offset.
 */
function lazyAddr(p: Ptr<unknown>): number {
  const m = p.m;
  const c = p.c;
  const g = p.g < 0 ? -1 - p.g : p.g;
  if (m.gen === g || c instanceof Frame || c instanceof Temp) return slotAddr(c, m, p.k);
  const rec = m.history?.find((r) => r.gen === g + 1);
  if (rec === undefined) throw new Error("internal error: a pointer into a moved place without a record of the move; please report");
  if (rec.addr === 0) rec.addr = isHeap(c) ? machine().heapAddr(sizeOfValue(c)) : machine().stackAddr(sizeOfValue(c));
  return rec.addr + fieldOffset(c, m, p.k);
}

function deadMeta(): PlaceMeta {
  const m = new PlaceMeta();
  m.gen = 1;
  return m;
}

function keyGen(keys: Record<string, KeyState>, k: Key): number {
  const s = keys[k as string];
  return s === undefined ? 0 : s.gen;
}

/** The tracking state of a container, created on first need (arrays get a hidden `$m` too). */
export function metaOf(c: object): PlaceMeta {
  const cc = c as { $m?: PlaceMeta | null };
  const m = cc.$m;
  if (m) return m;
  const fresh = new PlaceMeta();
  if (Array.isArray(c)) Object.defineProperty(c, "$m", { value: fresh, writable: true, enumerable: false });
  else cc.$m = fresh;
  return fresh;
}

function isInline(v: unknown): v is object {
  return v instanceof Composite || Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------
// Addresses and sizes

function isHeap(c: object): boolean {
  return c instanceof RBox || (c as { $heap?: boolean }).$heap === true;
}

/** The address of slot `k` of container `c`; a composite in the slot takes that address. */
function slotAddr(c: object, m: PlaceMeta, k: Key): number {
  const v = (c as Slots)[k];
  let addr: number;
  if (c instanceof Frame || c instanceof Temp) {
    const slots = (m.slots ??= Object.create(null) as Record<string, number>);
    addr = slots[k as string] ?? (slots[k as string] = machine().stackAddr(sizeOfValue(v)));
  } else {
    addr = baseAddr(c, m) + fieldOffset(c, m, k);
  }
  if (isInline(v)) {
    const vm = metaOf(v);
    if (vm.addr === 0) vm.addr = addr;
    else addr = vm.addr;
  }
  return addr;
}

function baseAddr(c: object, m: PlaceMeta): number {
  if (m.addr === 0) {
    const size = sizeOfValue(c);
    m.addr = isHeap(c) ? machine().heapAddr(size) : machine().stackAddr(size);
  }
  return m.addr;
}

function fieldOffset(c: object, m: PlaceMeta, k: Key): number {
  if (Array.isArray(c)) return (k as number) * (c.length > 0 ? sizeOfValue(c[0]) : 8);
  if (c instanceof RBox) return 0;
  let offs = m.offsets;
  if (offs === null) {
    // A type's layout is the same for every value of it: computed once per class (a future, a
    // struct), from the first value that needs it.
    const ctor = (c as { constructor: object }).constructor;
    const perType = ctor !== Object && !(c instanceof Frame) && !(c instanceof Temp);
    offs = perType ? LAYOUTS.get(ctor) ?? null : null;
    if (offs === null) {
      offs = Object.create(null) as Record<string, number>;
      let at = 0;
      for (const f in c) {
        if (f.charCodeAt(0) === 36) continue;
        offs[f] = at;
        at += sizeOfValue((c as Slots)[f]);
      }
      if (perType) LAYOUTS.set(ctor, offs);
    }
    m.offsets = offs;
  }
  return offs[k as string] ?? 0;
}

/** Field offsets by class (see `fieldOffset`). Keyed by constructor, so one per run is harmless. */
const LAYOUTS = new WeakMap<object, Record<string, number>>();

/**
 * An estimate of `size_of_val`: 8 per scalar, 16 for `&str`, 4 for `char`, 24 for String/Vec-like
 * objects (anything with a numeric `$size` reports its own), the sum of the fields for composites.
 */
export function sizeOfValue(v: unknown): number {
  switch (typeof v) {
    case "undefined":
      return 0;
    case "boolean":
      return 1;
    case "number":
    case "bigint":
      return 8;
    case "string":
      return [...v].length === 1 ? 4 : 16;
    case "symbol":
      return 8;
    case "function": {
      const env = (v as { env?: unknown }).env;
      return env === undefined ? 0 : sizeOfValue(env);
    }
    case "object": {
      if (v === null) return 8;
      if (Array.isArray(v)) {
        let s = 0;
        for (const x of v) s += align8(sizeOfValue(x));
        return s;
      }
      if (v instanceof Composite) {
        let s = 0;
        for (const f in v) if (f.charCodeAt(0) !== 36) s += align8(sizeOfValue((v as unknown as Slots)[f]));
        return s;
      }
      const own = (v as { $size?: unknown }).$size;
      if (typeof own === "number") return own;
      if (v instanceof Ptr || v instanceof RBox) return 8;
      return 24;
    }
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

export function hex(addr: number): string {
  return "0x" + addr.toString(16);
}

// ---------------------------------------------------------------------------------------------------
// Moves

/**
 * Moves `value` to another place: the JS object stays, its generation (and that of everything stored
 * inline in it) is bumped, its address forgotten, and the move remembered for reports. Copy values and
 * heap pointers (Box, Vec, String, Rc, references) are returned untouched. Returns `value`.
 */
export function relocate<T>(value: T, loc: Loc, how: MoveKind = "moved"): T {
  if (typeof value === "object" && value !== null) relocateInline(value, loc, how, null);
  else if (typeof value === "function") relocateInline((value as { env?: unknown }).env, loc, how, null);
  return value;
}

/** The walk behind `relocate`: bumps every composite stored inline in `v`. */
function relocateInline(v: unknown, loc: Loc, how: MoveKind, outerPin: Loc | null): void {
  if (typeof v !== "object" || v === null) {
    if (typeof v === "function") relocateInline((v as { env?: unknown }).env, loc, how, outerPin);
    return;
  }
  let pin = outerPin;
  if (v instanceof Composite) {
    const m = v.$m;
    if (m !== null) pin = bump(v, m, loc, how, outerPin);
    for (const f in v) {
      if (f.charCodeAt(0) === 36) continue;
      const x = (v as unknown as Slots)[f];
      if (typeof x === "object" && x !== null) relocateInline(x, loc, how, pin);
      else if (typeof x === "function") relocateInline((x as { env?: unknown }).env, loc, how, pin);
    }
  } else if (Array.isArray(v)) {
    const m = (v as { $m?: PlaceMeta }).$m;
    if (m !== undefined) pin = bump(v, m, loc, how, outerPin);
    for (const x of v) if ((typeof x === "object" && x !== null) || typeof x === "function") relocateInline(x, loc, how, pin);
  }
}

/** Bumps one container's generation; returns the pin that the move broke (for the inner values). */
function bump(c: object, m: PlaceMeta, loc: Loc, how: MoveKind, outerPin: Loc | null): Loc | null {
  // Only a move breaks a pin; dropping a pinned value (or freeing its box) is how its life should end.
  const pin = breaksPin(how) ? (m.pinnedAt ?? outerPin) : null;
  m.gen++;
  if (m.lent || pin !== null) {
    (m.history ??= []).push({ gen: m.gen, loc, how, pinnedAt: pin, addr: m.addr });
    const t = machine().trace;
    if (t && m.lent) {
      const broke = pin !== null ? `, breaking the pin made at ${pin}` : "";
      const kind = breaksPin(how) ? "move" : "invalidate";
      t({ kind, loc, text: `${describeValue(c)} ${how}${broke}: pointers into it now dangle` });
    }
  }
  m.lent = false;
  m.addr = 0;
  m.offsets = null;
  m.pinnedAt = null;
  return pin;
}

function breaksPin(how: MoveKind): boolean {
  switch (how) {
    case "moved":
    case "swapped":
    case "replaced":
    case "taken":
    case "reallocated": // a Vec's buffer moved: its elements moved with it
      return true;
    case "overwritten":
    case "dropped":
    case "freed":
    case "went out of scope":
      return false;
    default:
      return assertNever(how);
  }
}

function assertNever(x: never): never {
  throw new Error(`internal error: unexpected ${String(x)}; please report`);
}

/** Ends the life of a whole container (a frame returned, a box freed) without walking its contents. */
export function kill(c: object, loc: Loc, how: MoveKind): void {
  const m = (c as { $m?: PlaceMeta | null }).$m;
  if (m) bump(c, m, loc, how, null);
}

/** Ends the life of a value and everything stored inline in it (`Pin::set`'s old value, a dropped local). */
export function invalidate(value: unknown, loc: Loc, how: MoveKind): void {
  relocateInline(value, loc, how, null);
}

/** Ends the life of one slot: pointers to `c.k` dangle (the value in it is not touched). */
export function killSlot(c: object, k: Key, loc: Loc, how: MoveKind): void {
  const m = (c as { $m?: PlaceMeta | null }).$m;
  if (!m) return;
  const keys = (m.keys ??= Object.create(null) as Record<string, KeyState>);
  const s = (keys[k as string] ??= { gen: 0, records: [] });
  s.gen++;
  s.records.push({ gen: s.gen, loc, how, pinnedAt: null, addr: 0 });
}

/**
 * `let b = a` where `a` is a place that may have been borrowed: takes the value out of `c.k`, moves it
 * (pointers into it dangle), kills the slot (pointers to `a` dangle) and leaves `MOVED` behind.
 */
export function moveOut<C extends object, K extends keyof C & Key>(c: C, k: K, loc: Loc, how: MoveKind = "moved"): C[K] {
  const v = c[k];
  relocate(v, loc, how);
  killSlot(c, k, loc, how);
  (c as Slots)[k] = MOVED;
  return v;
}

/** StorageDead of one local of a frame or a future: pointers to it dangle. */
export function storageDead(c: object, k: Key, loc: Loc): void {
  killSlot(c, k, loc, "went out of scope");
  relocateInline((c as Slots)[k], loc, "went out of scope", null);
}

// ---------------------------------------------------------------------------------------------------
// std::mem and std::ptr

/**
 * A write through a `&mut` borrow made directly from the place (`mem::replace(&mut x, v)`) retags the
 * place, as Rust's aliasing rules do: making `&mut x` invalidates every pointer to `x` derived before
 * it (a `*const` from an earlier `&x` too), while `x` itself, the `&mut` used and pointers made after
 * stay valid. Only when `dest` is the last pointer `Ptr.to` made into its container, i.e. a borrow of
 * the place itself: `&mut *p` through a raw pointer is a reborrow of `p`, which stays valid.
 */
function retag(dest: Ptr<unknown>, loc: Loc, how: MoveKind): void {
  const m = dest.m;
  if (m.last !== dest) return;
  killSlot(dest.c, dest.k, loc, how);
  (dest as { kg: number }).kg = keyGen(m.keys!, dest.k);
}

/** `std::mem::swap(a, b)`: both values move (each into the other's place). */
export function mem_swap<T>(a: Ptr<T>, b: Ptr<T>, loc: Loc): void {
  const va = a.get(loc);
  const vb = b.get(loc);
  relocate(va, loc, "swapped");
  relocate(vb, loc, "swapped");
  a.set(vb, loc);
  b.set(va, loc);
  retag(a, loc, "swapped");
  retag(b, loc, "swapped");
}

/** `std::mem::replace(dest, v)`: the old value moves out and is returned. */
export function mem_replace<T>(dest: Ptr<T>, v: T, loc: Loc): T {
  const old = dest.get(loc);
  relocate(old, loc, "replaced");
  dest.set(v, loc);
  retag(dest, loc, "replaced");
  return old;
}

/** Something that can make `T::default()`: a `TypeDesc` (std's) or any object with `default`. */
export interface HasDefault<T> {
  readonly default?: (() => T) | undefined;
}

/** `std::mem::take(dest)`: the old value moves out, `T::default()` is left behind. */
export function mem_take<T>(dest: Ptr<T>, def: HasDefault<T>, loc: Loc): T {
  const make = def.default;
  if (!make) throw new Error("internal error: mem_take on a type without Default; please report");
  const old = dest.get(loc);
  relocate(old, loc, "taken");
  dest.set(make(), loc);
  retag(dest, loc, "taken");
  return old;
}

/** `std::mem::forget(v)`: the value is never dropped. */
export function mem_forget(_v: unknown): void {}

/** `std::ptr::null()` / `null_mut()`. */
export function ptr_null<T>(): Ptr<T> {
  return Ptr.NULL as Ptr<T>;
}

/** `std::ptr::eq(a, b)`: same address. */
export function ptr_eq(a: Ptr<unknown>, b: Ptr<unknown>): boolean {
  return a.addr === b.addr;
}

/** `std::ptr::read(p)`: a bitwise copy out of the place (the place still owns its value). */
export function ptr_read<T>(p: Ptr<T>, loc: Loc): T {
  return p.get(loc);
}

/** `std::ptr::write(p, v)`: overwrites without dropping. */
export function ptr_write<T>(p: Ptr<T>, v: T, loc: Loc): void {
  p.set(v, loc);
}

/**
 * `std::mem::size_of::<T>()`: the `size` of the type's descriptor (std's `types.ts` knows the sizes of
 * std types; emitted code puts the sizes of user types in their descriptors).
 */
export function mem_size_of(desc: { readonly name: string; readonly size?: number | undefined }): number {
  if (desc.size === undefined) {
    throw new Error(`internal error: the size of \`${desc.name}\` is not known to the runtime; please report`);
  }
  return desc.size;
}

/** `std::mem::size_of_val(&v)` (estimated, see `sizeOfValue`). */
export function mem_size_of_val<T>(p: Ptr<T>, loc: Loc): number {
  return sizeOfValue(p.get(loc));
}

// ---------------------------------------------------------------------------------------------------
// Box and Pin. `Pin<P>` is `P` at run time; pinning is recorded on the pointee.

/** `Pin<P>`: the pointer itself. */
export type Pin<P> = P;

/** Pointers `Pin` can wrap. */
export type PinPointer<T> = Ptr<T> | RBox<T>;

/** `Box::new(v)`. */
export function Box_new<T>(v: T): RBox<T> {
  return new RBox(v);
}

/** `Box::pin(v)`: a box whose contents are pinned from now on. */
export function Box_pin<T>(v: T, loc: Loc): RBox<T> {
  const b = new RBox(v);
  recordPin(v, loc);
  return b;
}

/** `Box::into_pin(b)`. */
export function Box_into_pin<T>(b: RBox<T>, loc: Loc): RBox<T> {
  recordPin(b.v, loc);
  return b;
}

/** `Box::leak(b)`: `&'static mut T` to the contents, never freed. */
export function Box_leak<T>(b: RBox<T>, loc: Loc): Ptr<T> {
  return b.deref(loc);
}

/** `Box::into_raw(b)`. */
export function Box_into_raw<T>(b: RBox<T>, loc: Loc): Ptr<T> {
  return b.deref(loc);
}

/** `Box::from_raw(p)`: `p` must come from `Box::into_raw`. */
export function Box_from_raw<T>(p: Ptr<T>, loc: Loc): RBox<T> {
  p.get(loc);
  if (!(p.c instanceof RBox)) {
    throw p.ubError("read", loc, "`Box::from_raw` on a pointer that did not come from `Box::into_raw`");
  }
  return p.c as RBox<T>;
}

/** Remembers on the pointee (if it can be pointed into) where it was pinned. */
function recordPin(v: unknown, loc: Loc): void {
  if (!isInline(v)) return;
  const m = metaOf(v);
  if (m.pinnedAt === null) {
    m.pinnedAt = loc;
    const t = machine().trace;
    if (t) t({ kind: "pin", loc, text: `${describeValue(v)} pinned: it must not move until dropped` });
  }
}

function pinnedValue<T>(p: PinPointer<T>): T | undefined {
  if (p instanceof RBox) return p.v;
  return p.isLive() ? ((p.c as Slots)[p.k] as T) : undefined;
}

/** `unsafe { Pin::new_unchecked(p) }`: the caller promises the pointee never moves again. */
export function Pin_new_unchecked<P extends PinPointer<unknown>>(p: P, loc: Loc): P {
  recordPin(pinnedValue(p), loc);
  return p;
}

/** `Pin::new(p)` for an `Unpin` pointee: no promise is made, nothing is recorded. */
export function Pin_new<P>(p: P): P {
  return p;
}

/** `pinned.as_mut()`: `Pin<&mut T>` from `Pin<&mut T>` or `Pin<Box<T>>`. */
export function Pin_as_mut<T>(p: PinPointer<T>, loc?: Loc): Ptr<T> {
  return p instanceof Ptr ? p : p instanceof RBox ? p.deref(loc) : p;
}

/** `pinned.as_ref()`. */
export function Pin_as_ref<T>(p: PinPointer<T>, loc?: Loc): Ptr<T> {
  return Pin_as_mut(p, loc);
}

/** `Pin::get_mut(p)` (Unpin pointees). */
export function Pin_get_mut<T>(p: Ptr<T>): Ptr<T> {
  return p;
}

/** `Pin::get_ref(p)`. */
export function Pin_get_ref<T>(p: Ptr<T>): Ptr<T> {
  return p;
}

/** `unsafe { p.get_unchecked_mut() }`: `&mut T` out of the pin; moving out of it is on the caller. */
export function Pin_get_unchecked_mut<T>(p: Ptr<T>): Ptr<any> {
  return p;
}

/** `unsafe { p.map_unchecked_mut(f) }`: a pin projection (`|s| &mut s.field`). */
export function Pin_map_unchecked_mut<T, U>(p: Ptr<T>, f: (x: Ptr<T>) => Ptr<U>): Ptr<U> {
  return f(p);
}

/** `unsafe { p.map_unchecked(f) }`. */
export function Pin_map_unchecked<T, U>(p: Ptr<T>, f: (x: Ptr<T>) => Ptr<U>): Ptr<U> {
  return f(p);
}

/** `Pin::into_inner(p)` (Unpin pointees) and `Pin::into_inner_unchecked(p)`. */
export function Pin_into_inner<P>(p: P): P {
  return p;
}

export function Pin_into_inner_unchecked<P>(p: P): P {
  return p;
}

/** `pinned.set(v)`: drops the old value in place and writes `v` there; the place stays pinned. */
export function Pin_set<T>(p: PinPointer<T>, v: T, loc: Loc): void {
  const ptr = Pin_as_mut(p, loc);
  const old = ptr.get(loc);
  const pinnedAt = isInline(old) ? metaOf(old).pinnedAt : null;
  dropHook.dropValue(old, loc);
  invalidate(old, loc, "overwritten");
  ptr.set(v, loc);
  if (pinnedAt !== null) recordPin(v, pinnedAt);
}

/** `Pin::static_ref(r)` / `Pin::static_mut(r)`: a `'static` place never moves. */
export function Pin_static_ref<T>(p: Ptr<T>, loc: Loc): Ptr<T> {
  recordPin(pinnedValue(p), loc);
  return p;
}

/**
 * `std::pin::pin!(v)`: emitted code passes the frame and a hidden slot name (`"$pin0"`) nobody can
 * name, so the value can never be moved again; returns `Pin<&mut T>` to it.
 */
export function pin_in<T>(f: Frame, hidden: string, v: T, loc: Loc): Ptr<T> {
  f[hidden] = v;
  const p = Ptr.to(f, hidden, loc) as Ptr<T>;
  recordPin(v, loc);
  return p;
}

/** `futures::pin_mut!(x)`: pins `x` in its own slot; `x` is shadowed by the pin, so it cannot move. */
export function pin_mut<C extends object, K extends keyof C & Key>(c: C, k: K, loc: Loc): Ptr<C[K]> {
  const p = Ptr.to(c, k, loc);
  recordPin(c[k], loc);
  return p;
}

/** Where `v` was pinned, if it is pinned (for tests and `--trace`). */
export function pinnedAt(v: unknown): Loc | null {
  return isInline(v) ? ((v as { $m?: PlaceMeta | null }).$m?.pinnedAt ?? null) : null;
}

// ---------------------------------------------------------------------------------------------------
// Words for reports

function rustName(v: object): RustName | undefined {
  return (v.constructor as { $rust?: RustName }).$rust;
}

/** "the future of `foo`", "a `Point`", "a tuple", "a box". */
export function describeValue(v: object): string {
  if (v instanceof Frame) return `the frame of \`${v.$name}\``;
  if (v instanceof RBox) return "a box";
  if (v instanceof Temp) return "a temporary";
  if (Array.isArray(v)) return "an array";
  const r = rustName(v);
  if (r?.kind === "future") return `the future of \`${r.name}\``;
  if (r?.kind === "closure") return `the closure ${r.name}`;
  const name = r?.name ?? v.constructor.name;
  return `a \`${name}\``;
}

/** "`x` in the future of `foo`", "local `demo` of `main`", "element 2 of an array". */
export function describePlace(c: object, k: Key): string {
  if (c instanceof Frame) return `local \`${String(k).replace(/^\$pin\d*$/, "pin!(…)")}\` of \`${c.$name}\``;
  if (c instanceof RBox) return "the contents of a box";
  if (c instanceof Temp) return "a temporary";
  if (Array.isArray(c)) return `element ${String(k)} of an array`;
  const r = rustName(c);
  if (r?.kind === "future") return `\`${String(k)}\` in the future of \`${r.name}\``;
  return `field \`${String(k)}\` of ${describeValue(c)}`;
}

// ---------------------------------------------------------------------------------------------------
// Rendering: the undefined-behavior report and `--trace` lines

/** The source line `line` (1-based) of `sourceText`, or `undefined`. */
function sourceLine(sourceText: string, line: number): string | undefined {
  const lines = sourceText.split("\n");
  return line >= 1 && line <= lines.length ? lines[line - 1]!.replace(/\r$/, "") : undefined;
}

function parseLoc(loc: Loc): { line: number; col: number } {
  const [l, c] = loc.split(":");
  return { line: Number(l) || 0, col: Number(c) || 1 };
}

/** How many columns to underline at `col`: the expression-ish token that starts there. */
function tokenWidth(text: string, col: number): number {
  const rest = text.slice(col - 1);
  const m = /^(?:&mut\s+|&)?\**[A-Za-z_][A-Za-z0-9_]*(?:(?:::|\.)[A-Za-z_][A-Za-z0-9_]*)*(?:!?\([^()]*\))?/.exec(rest);
  return m ? m[0].length : 1;
}

interface Snippet {
  readonly loc: Loc;
  readonly label: string;
}

function renderSnippet(s: Snippet, file: string, sourceText: string, gutter: number, title: string): string {
  const { line, col } = parseLoc(s.loc);
  const pad = " ".repeat(gutter);
  let out = `${title}\n${pad}--> ${file}:${s.loc}\n`;
  const text = sourceLine(sourceText, line);
  if (text === undefined) return out;
  out += `${pad} |\n${String(line).padStart(gutter)} | ${text}\n`;
  out += `${pad} | ${" ".repeat(Math.max(0, col - 1))}${"^".repeat(tokenWidth(text, col))} ${s.label}\n`;
  return out;
}

/**
 * What `pinion run` prints on stderr when a run stops on a dangling pointer, in rustc's diagnostic
 * shape: the access, the borrow that made the pointer, the move that invalidated it and — if the
 * moved value had been pinned — the pin, each as `file.rs:LINE:COL` with its source line.
 */
export function formatUbReport(r: UbReport, file: string, sourceText: string): string {
  const locs = [r.at, r.createdAt, r.invalidatedAt, ...(r.pinnedAt ? [r.pinnedAt] : [])];
  const gutter = Math.max(...locs.map((l) => String(parseLoc(l).line).length));
  const pad = " ".repeat(gutter);
  const verb = r.access === "read" ? "read" : r.access === "write" ? "write" : "reborrow";
  const place = r.place ?? "a place";
  if (r.how === "is null") {
    let out = renderSnippet({ loc: r.at, label: `${verb} through a null pointer` }, file, sourceText, gutter,
      `error: undefined behavior: ${verb} through a null pointer`);
    out += renderSnippet({ loc: r.createdAt, label: "the pointer was made null here" }, file, sourceText, gutter, "note: the pointer was created here");
    return out;
  }
  if (r.detail !== undefined) {
    let out = renderSnippet({ loc: r.at, label: r.detail }, file, sourceText, gutter,
      `error: undefined behavior: ${verb} through a pointer outside its allocation`);
    out += renderSnippet({ loc: r.createdAt, label: "created here" }, file, sourceText, gutter, "note: the pointer was created here");
    return out;
  }
  let out = renderSnippet(
    { loc: r.at, label: `${verb} through a dangling pointer to ${place}` },
    file, sourceText, gutter,
    `error: undefined behavior: ${verb} through a dangling pointer`,
  );
  out += `${pad} |\n`;
  out += renderSnippet({ loc: r.createdAt, label: `the pointer to ${place} was created here` }, file, sourceText, gutter,
    "note: the pointer was created here");
  out += `${pad} |\n`;
  out += renderSnippet({ loc: r.invalidatedAt, label: `${r.how} here` }, file, sourceText, gutter,
    `note: the value it points into was ${r.how} here, which left the pointer dangling`);
  if (r.pinnedAt) {
    out += `${pad} |\n`;
    out += renderSnippet({ loc: r.pinnedAt, label: "pinned here" }, file, sourceText, gutter,
      "note: the value had been pinned here");
    out += `${pad} |\n`;
    out += `${pad} = note: the pinning promise made at ${file}:${r.pinnedAt} was broken at ${file}:${r.invalidatedAt}\n`;
    out += `${pad} = help: a pinned value must stay where it is until it is dropped; pin it with \`Box::pin\` or \`std::pin::pin!\` so that it cannot be moved\n`;
  } else if (r.how === "went out of scope" || r.how === "freed" || r.how === "dropped") {
    out += `${pad} |\n${pad} = help: the pointer outlived the place it points to\n`;
  } else {
    out += `${pad} |\n`;
    out += `${pad} = note: a move copies the value to a new place; pointers into the old place are not updated\n`;
    out += `${pad} = help: a value that points into itself must not move: pin it (\`Box::pin\`, \`std::pin::pin!\`) before the pointer is created\n`;
  }
  return out;
}

/**
 * One `--trace` event as text: the kind, `file:LINE:COL`, what happened, and the source line under it.
 * `step` events return "" (they only move the program counter; the CLI skips empty lines).
 */
export function traceLine(event: TraceEventLike, file: string, sourceText: string): string {
  if (event.kind === "step") return "";
  const { line } = parseLoc(event.loc);
  const head = `${event.kind.padEnd(10)} ${`${file}:${event.loc}`.padEnd(20)} ${event.text}`;
  const text = sourceLine(sourceText, line);
  return text === undefined || line === 0 ? head : `${head}\n${" ".repeat(11)}${String(line).padStart(4)} | ${text.trim()}`;
}

/** `TraceEvent` (machine.ts) — repeated structurally so this module needs only its type. */
export interface TraceEventLike {
  readonly kind: string;
  readonly loc: Loc;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------------
// Closures: a JS function with its captures in `.env` (a composite, so moving the closure moves them)

/** The captured variables of a closure. */
export class Env extends Composite {
  static readonly $rust: RustName = { kind: "closure", name: "environment" };
}

/** A closure value: callable, with `env` holding its captures inline. */
export type Closure<E extends object, A extends unknown[], R> = ((...args: A) => R) & { readonly env: E };

/** `move |cx| …` → `closure(envOf({ done: false }), (env, cx) => …)`. */
export function closure<E extends object, A extends unknown[], R>(env: E, body: (env: E, ...args: A) => R): Closure<E, A, R> {
  const f = (...args: A): R => body(env, ...args);
  return Object.assign(f, { env });
}

/** An `Env` with the given captures as its fields. */
export function envOf<C extends object>(captures: C): Env & C {
  return Object.assign(new Env(), captures);
}
