// Futures, Poll, Context and Waker: `core::future` and `core::task`, as emitted code calls them.
//
// A future is any object with `poll(self, cx)`, where `self` is `Pin<&mut Self>` — at run time the
// `Ptr` to the place the future is pinned in (a `Pin<P>` is its pointer, see memory.ts) — and `cx` is a
// `Ptr<Context>`. `poll` returns `Poll<T>` unboxed: the ready value itself, or the sentinel `PENDING`.
// Nothing is allocated per poll.
//
// Worked example (the `poll_fn` future that acceptance/ub/move_after_poll.rs awaits):
//
//   [rust]                                         [lowered]
//   let mut done = false;                          const f = poll_fn(closure({ done: false },
//   std::future::poll_fn(move |_| {                  (env, _cx) => {
//       if done { Poll::Ready(()) }                    if (env.done) return undefined;   // Ready(())
//       else { done = true; Poll::Pending }            env.done = true; return PENDING; }))
//   })
//   let mut cx = Context::from_waker(Waker::noop());  $f.cx = Context.from_waker(Waker_noop())
//   Pin::new_unchecked(&mut fut).poll(&mut cx)        future_poll(Pin_new_unchecked(Ptr.to($f,"fut",l),l),
//                                                                  Ptr.to($f, "cx", l), l)
//
// Wakers are driven exactly as Rust drives them: `Waker::clone` calls the vtable's `clone`, dropping a
// waker calls `drop`, `wake` consumes the waker (calls `wake`, not `drop`), `wake_by_ref` calls
// `wake_by_ref`. A hand-built `RawWakerVTable` therefore counts the same calls as the Rust program.
//
// Naming: associated functions are `Type_fn` (`Waker_noop`, `Poll_is_ready`, `Waker_from_raw`);
// methods keep Rust's names (`cx.waker()`, `w.wake_by_ref()`, `w.will_wake(o)`).

import { machine, tracer, type Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Composite, Ptr, RBox, Temp, describeValue, type PinPointer } from "./memory.js";

// ---------------------------------------------------------------------------------------------------
// Poll

/** `Poll::Pending`. `Poll::Ready(v)` is `v` itself. */
export const PENDING: unique symbol = Symbol("Poll::Pending");
export type Pending = typeof PENDING;
export type Poll<T> = T | Pending;

export function Poll_is_ready<T>(p: Poll<T>): p is T {
  return p !== PENDING;
}

export function Poll_is_pending<T>(p: Poll<T>): p is Pending {
  return p === PENDING;
}

/** `poll.map(f)`. */
export function Poll_map<T, U>(p: Poll<T>, f: (v: T) => U): Poll<U> {
  return p === PENDING ? PENDING : f(p);
}

// ---------------------------------------------------------------------------------------------------
// Future

/** `impl Future<Output = T>`: emitted state machines, hand-written futures, runtime futures. */
export interface Future<T> {
  poll(self: Ptr<this>, cx: Ptr<Context>): Poll<T>;
}

/** The output type of a future. */
export type Output<F> = F extends Future<infer T> ? T : never;

/** `fut.poll(cx)` on a `Pin<&mut F>` or a `Pin<Box<F>>`: reads the pointer (checked) and polls. */
export function future_poll<T = any>(p: PinPointer<Future<T>> | PinPointer<any>, cx: Ptr<Context>, loc: Loc): Poll<T> {
  const q = p instanceof Ptr ? p : p instanceof RBox ? p.deref(loc) : p;
  const f = q.get(loc);
  // A future has `poll`; a pointer or a box does not: `impl Future for Pin<P>`, `Box<F>` and `&mut F`
  // poll the pointee. (Tested in this order because `instanceof` walks a future's prototype chain.)
  if (typeof f.poll === "function") return f.poll(q, cx);
  return future_poll(f as PinPointer<Future<T>>, cx, loc);
}

/** `IntoFuture`: `.await` on a value calls `into_future()` first. */
export interface IntoFuture<T> {
  into_future(): Future<T>;
}

/** `x.into_future()`: a future is its own `IntoFuture`. */
export function into_future<T>(x: Future<T> | IntoFuture<T>): Future<T> {
  const i = (x as Partial<IntoFuture<T>>).into_future;
  return typeof i === "function" ? i.call(x) : (x as Future<T>);
}

/** Reports a poll of a runtime future on `--trace` (emitted futures report their own states). */
export function tracePoll(what: string, result: Poll<unknown>, loc?: Loc): void {
  const t = tracer;
  if (!t) return;
  const at = loc ?? machine().loc;
  t({ kind: "poll", loc: at, text: `poll ${what}` });
  t(result === PENDING ? { kind: "pending", loc: at, text: `${what} → Pending` } : { kind: "ready", loc: at, text: `${what} → Ready` });
}

/** `std::future::poll_fn(f)`: a future that calls `f(cx)` on every poll. The closure is stored inline. */
export class PollFn<T> extends Composite implements Future<T> {
  static readonly $rust = { kind: "struct", name: "PollFn" } as const;
  declare f: (cx: Ptr<Context>) => Poll<T>;
  constructor(f: (cx: Ptr<Context>) => Poll<T>) {
    super();
    this.f = f;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<T> {
    const r = this.f(cx);
    tracePoll("poll_fn", r);
    return r;
  }
}

export function poll_fn<T>(f: (cx: Ptr<Context>) => Poll<T>): PollFn<T> {
  return new PollFn(f);
}

/** `std::future::ready(v)`: ready on the first poll; a second poll panics as std's does. */
export class Ready<T> extends Composite implements Future<T> {
  static readonly $rust = { kind: "struct", name: "Ready" } as const;
  declare done: boolean;
  declare value: T;
  constructor(value: T) {
    super();
    this.done = false;
    this.value = value;
  }
  poll(_self: Ptr<this>, _cx: Ptr<Context>): Poll<T> {
    if (this.done) panic("`Ready` polled after completion");
    this.done = true;
    tracePoll("ready(…)", this.value);
    return this.value;
  }
}

export function ready<T>(v: T): Ready<T> {
  return new Ready(v);
}

/** `std::future::pending()`: never ready. */
export class PendingFuture<T> extends Composite implements Future<T> {
  static readonly $rust = { kind: "struct", name: "Pending" } as const;
  poll(_self: Ptr<this>, _cx: Ptr<Context>): Poll<T> {
    tracePoll("pending()", PENDING);
    return PENDING;
  }
}

export function pending<T>(): PendingFuture<T> {
  return new PendingFuture<T>();
}

// ---------------------------------------------------------------------------------------------------
// Context and Waker

/** `Context<'_>`: holds a `&Waker`. */
export class Context extends Composite {
  static readonly $rust = { kind: "struct", name: "Context" } as const;
  declare $waker: Ptr<Waker>;
  constructor(waker: Ptr<Waker>) {
    super();
    this.$waker = waker;
  }

  /**
   * `Context::from_waker(&waker)`. Deref coercion is applied here: `&&Waker` (a pointer to a local
   * holding `Waker::noop()`'s `&Waker`) becomes the `&Waker` it points to.
   */
  static from_waker(w: Ptr<Waker> | Ptr<Ptr<Waker>> | Waker, loc?: Loc): Context {
    if (w instanceof Waker) return new Context(Ptr.internalTemp(w, loc ?? machine().loc));
    let p = w as Ptr<unknown>;
    for (let v = p.get(loc); v instanceof Ptr; v = p.get(loc)) p = v;
    return new Context(p as Ptr<Waker>);
  }

  /** `cx.waker()`: `&Waker`. */
  waker(): Ptr<Waker> {
    return this.$waker;
  }
}

/** The data pointer of a raw waker (`*const ()`). */
export type WakerData = Ptr<unknown>;

/** A function type with bivariant parameters, so `fn(*const MyState)` fits `fn(*const ())`. */
type Bivariant<A, R> = { f(data: A): R }["f"];

/** `RawWakerVTable::new(clone, wake, wake_by_ref, drop)`. */
export class RawWakerVTable {
  constructor(
    readonly clone: Bivariant<WakerData, RawWaker>,
    readonly wake: Bivariant<WakerData, void>,
    readonly wake_by_ref: Bivariant<WakerData, void>,
    readonly drop: Bivariant<WakerData, void>,
  ) {}

  static new(
    clone: Bivariant<WakerData, RawWaker>,
    wake: Bivariant<WakerData, void>,
    wake_by_ref: Bivariant<WakerData, void>,
    drop: Bivariant<WakerData, void>,
  ): RawWakerVTable {
    return new RawWakerVTable(clone, wake, wake_by_ref, drop);
  }
}

function vtableOf(v: RawWakerVTable | Ptr<RawWakerVTable>): RawWakerVTable {
  return v instanceof Ptr ? v.get() : v;
}

/** `RawWaker::new(data, &VTABLE)`. */
export class RawWaker {
  readonly vtable: RawWakerVTable;
  constructor(
    readonly data: WakerData,
    vtable: RawWakerVTable | Ptr<RawWakerVTable>,
  ) {
    this.vtable = vtableOf(vtable);
  }

  static new(data: WakerData, vtable: RawWakerVTable | Ptr<RawWakerVTable>): RawWaker {
    return new RawWaker(data, vtable);
  }
}

/** `Waker`: a data pointer and a vtable; its drop glue calls the vtable's `drop`. */
export class Waker {
  /** Set once `wake(self)` consumed this waker or it was dropped: its vtable `drop` must not run again. */
  declare $done: boolean;
  declare readonly $data: WakerData;
  declare readonly $vtable: RawWakerVTable;
  constructor(data: WakerData, vtable: RawWakerVTable) {
    this.$done = false;
    this.$data = data;
    this.$vtable = vtable;
  }

  /** `Waker::from_raw(raw)`. */
  static from_raw(raw: RawWaker): Waker {
    return new Waker(raw.data, raw.vtable);
  }

  /** `Waker::noop()`: `&'static Waker` that does nothing. */
  static noop(): Ptr<Waker> {
    return Waker_noop();
  }

  /** `waker.clone()`: calls the vtable's `clone`. */
  clone(): Waker {
    return Waker.from_raw(this.$vtable.clone(this.$data));
  }

  /** `waker.wake()`: consumes the waker (calls `wake`, and not `drop`). */
  wake(): void {
    this.$done = true;
    this.$vtable.wake(this.$data);
  }

  /** `waker.wake_by_ref()`. */
  wake_by_ref(): void {
    this.$vtable.wake_by_ref(this.$data);
  }

  /** `waker.will_wake(other)`: same data pointer and same vtable. */
  will_wake(other: Waker | Ptr<Waker> | Ptr<Ptr<Waker>>): boolean {
    let o: unknown = other;
    while (o instanceof Ptr) o = o.get();
    if (!(o instanceof Waker)) throw new Error("internal error: will_wake on a value that is not a Waker; please report");
    return sameData(this.$data, o.$data) && this.$vtable === o.$vtable;
  }

  /** `waker.data()`. */
  data(): WakerData {
    return this.$data;
  }

  /** `waker.vtable()`. */
  vtable(): RawWakerVTable {
    return this.$vtable;
  }

  /** Drop glue: the vtable's `drop`. */
  $drop(): void {
    if (this.$done) return;
    this.$done = true;
    this.$vtable.drop(this.$data);
  }
}

function sameData(a: WakerData, b: WakerData): boolean {
  if (a === b) return true;
  // Wakers made from an `Arc` (`Waker::from(arc)`, and their clones) point at the same allocation
  // when their handles share the reference-counted box.
  const ha = a instanceof Ptr ? (a.c as { v?: unknown }).v : undefined;
  const hb = b instanceof Ptr ? (b.c as { v?: unknown }).v : undefined;
  const ba = (ha as { $box?: unknown } | undefined)?.$box;
  if (ba !== undefined && ba === (hb as { $box?: unknown } | undefined)?.$box) return true;
  return a instanceof Ptr && b instanceof Ptr && a.addr === b.addr;
}

function noopRaw(): RawWaker {
  return new RawWaker(Ptr.NULL, NOOP_VTABLE);
}

const NOOP_VTABLE = new RawWakerVTable(
  () => noopRaw(),
  () => {},
  () => {},
  () => {},
);

/** `Waker::noop()` — one static per run (it has an address, so it lives in the machine's statics). */
export function Waker_noop(): Ptr<Waker> {
  const statics = machine().statics;
  const key = "core::task::Waker::noop";
  let p = statics.get(key) as Ptr<Waker> | undefined;
  if (p === undefined) {
    const place = new Temp(new Waker(Ptr.NULL, NOOP_VTABLE));
    (place as { $heap?: boolean }).$heap = true;
    p = Ptr.internal(place, "v", "0:0");
    statics.set(key, p);
  }
  return p;
}

/** `futures::task::noop_waker()`: an owned noop waker. */
export function noop_waker(): Waker {
  return new Waker(Ptr.NULL, NOOP_VTABLE);
}

/** `futures::task::noop_waker_ref()`. */
export function noop_waker_ref(): Ptr<Waker> {
  return Waker_noop();
}

/** `Waker::from_raw(raw)`. */
export function Waker_from_raw(raw: RawWaker): Waker {
  return Waker.from_raw(raw);
}

// ---------------------------------------------------------------------------------------------------
// The `Wake` trait: `impl Wake for MyTask` + `Waker::from(arc)`

/**
 * The part of an `Arc<W>` handle a waker needs (cell.ts's `Arc` has it): the contents, `clone` (strong
 * count + 1) and drop glue (strong count − 1).
 */
export interface ArcHandle<W> {
  readonly v: W;
  clone(): ArcHandle<W>;
  $drop(): void;
}

/** `impl Wake for W`: `wake(self: Arc<Self>)`, and optionally `wake_by_ref(self: &Arc<Self>)`. */
export interface Wake {
  wake(self: ArcHandle<this>): void;
  wake_by_ref?(self: Ptr<ArcHandle<this>>): void;
}

/** One vtable per run is enough: the data is the `Arc` handle itself. */
const ARC_VTABLE: RawWakerVTable = new RawWakerVTable(
  (data): RawWaker => new RawWaker(asData((fromData(data) as ArcHandle<Wake>).clone()), ARC_VTABLE),
  (data) => {
    const arc = fromData(data) as ArcHandle<Wake>;
    arc.v.wake(arc);
  },
  (data) => {
    const arc = fromData(data) as ArcHandle<Wake>;
    const byRef = arc.v.wake_by_ref;
    if (typeof byRef === "function") byRef.call(arc.v, Ptr.temp(arc, machine().loc));
    else arc.v.wake(arc.clone()); // the default `wake_by_ref`: `self.clone().wake()`
  },
  (data) => (fromData(data) as ArcHandle<Wake>).$drop(),
);

/** An `Arc` handle stored as a waker's data pointer (`Arc::into_raw`). */
function asData(arc: ArcHandle<Wake>): WakerData {
  return Ptr.internalTemp(arc, machine().loc) as WakerData;
}

function fromData(data: WakerData): unknown {
  return (data.c as Temp<unknown>).v;
}

/** `Waker::from(arc)` for `W: Wake`: takes over the handle (no count change, as in Rust). */
export function Waker_from_arc<W extends Wake>(arc: ArcHandle<W>): Waker {
  return new Waker(asData(arc as ArcHandle<Wake>), ARC_VTABLE);
}

/** Describes a future for traces: "the future of `foo`", "a `Ready`". */
export function describeFuture(f: object): string {
  return describeValue(f);
}
