// Executors: `block_on`, a tokio-style runtime with spawned tasks, and virtual time.
//
// A hand-written executor in the Rust program is ordinary code and needs nothing from here. This module
// is what the compiler maps the crate executors to, by path:
//
//   futures::executor::block_on(f)      block_on(f, loc)
//   #[tokio::main] async fn main()      tokio_main(main(), loc)      (and Runtime::block_on)
//   tokio::spawn(f)                     tokio_spawn(f, loc) → JoinHandle (a future of Result<T, JoinError>)
//   tokio::time::sleep(d)               sleep(d)                     (virtual time: no real waiting)
//   tokio::task::yield_now()            yield_now()
//   futures::join!(a, b) / tokio::join! futures_join([a, b]) / tokio_join([a, b])  → [out_a, out_b]
//   futures::future::join_all(it)       join_all(it)                 → Vec<T>
//   select! { … }                       select([a, b]) → { index, value }, the others dropped
//   tokio::time::interval(p) / timeout   interval(p).tick() / timeout(d, f)
//   tokio::sync::{oneshot, mpsc}        oneshot_channel(), mpsc_channel(n), mpsc_unbounded_channel()
//
// Worked example — the scheduler loop, on
//
//   #[tokio::main] async fn main() {
//       let h = tokio::spawn(async { sleep(Duration::from_millis(100)).await; println!("task"); 1 });
//       println!("spawned");
//       println!("joined {}", h.await.unwrap());
//   }
//
//   poll main    → prints "spawned", awaits h: Pending (h keeps main's waker)
//   run tasks    → task 1: sleep registers a timer at t=100ms: Pending
//   idle         → nothing runnable: the clock jumps to 100ms, the timer's waker queues task 1
//   run tasks    → task 1 prints "task", completes, wakes h's waker → main is woken
//   poll main    → "joined 1", Ready: the runtime shuts down and drops the tasks that are left
//
// The loop follows tokio's current-thread scheduler (`#[tokio::main(flavor = "current_thread")]`):
// poll the root future when it was woken, then run queued tasks FIFO (at most 61 per round, tokio's
// `event_interval`), then park — and parking with virtual time means: if nothing is runnable, advance
// the clock to the earliest timer and fire every timer due by then, in deadline order. That is tokio's
// behaviour with a paused clock (`start_paused = true`). The default `#[tokio::main]` is the
// multi-threaded runtime, whose interleaving of tasks that are ready at the same instant is not
// deterministic; programs whose output depends on it have no single "rustc output" to match.
//
// If the root future is Pending and nothing can ever wake it (no wake, no runnable task, no timer),
// the Rust program would hang forever. pinion stops with a `Deadlock` (panic.ts: exit code 124).
//
// All state (clock, timers, task queue) lives in `machine().reactor`: one per run.

import { machine, type Loc } from "./machine.js";
import { Deadlock, RustPanic, panic, panicMessage } from "./panic.js";
import { Composite, MOVED, Ptr, RBox, Temp, frame, invalidate, Pin_new_unchecked, type Moved } from "./memory.js";
import { drop_in_place } from "./drop.js";
import { Context, PENDING, RawWaker, RawWakerVTable, Waker, future_poll, tracePoll, type Future, type Poll, type WakerData } from "./task.js";
import { Err, None, Ok, Some, type Option, type Result } from "./option.js";
import { vec_of, type RVec } from "./vec.js";

// ---------------------------------------------------------------------------------------------------
// Duration and Instant

const NANOS_PER_SEC = 1_000_000_000;

/** `std::time::Duration` (also tokio's): whole seconds and nanoseconds. Immutable, Copy. */
export class Duration {
  declare readonly secs: number;
  declare readonly nanos: number;
  constructor(secs: number, nanos: number) {
    this.secs = secs;
    this.nanos = nanos;
  }

  static readonly ZERO = new Duration(0, 0);

  /** `Duration::new(secs, nanos)`: nanos beyond a second carry into secs. */
  static new(secs: number, nanos: number): Duration {
    return new Duration(secs + Math.floor(nanos / NANOS_PER_SEC), nanos % NANOS_PER_SEC);
  }
  static from_secs(s: number): Duration {
    return new Duration(s, 0);
  }
  static from_millis(ms: number): Duration {
    return new Duration(Math.floor(ms / 1000), (ms % 1000) * 1_000_000);
  }
  static from_micros(us: number): Duration {
    return new Duration(Math.floor(us / 1_000_000), (us % 1_000_000) * 1000);
  }
  static from_nanos(ns: number): Duration {
    return new Duration(Math.floor(ns / NANOS_PER_SEC), ns % NANOS_PER_SEC);
  }
  /** `Duration::from_secs_f64(s)`: rounds to the nearest nanosecond, as std does. */
  static from_secs_f64(s: number, loc?: Loc): Duration {
    if (!(s >= 0) || !Number.isFinite(s)) {
      panic(`cannot convert float seconds to Duration: value is ${s < 0 ? "negative" : "either too big or NaN"}`, loc);
    }
    const secs = Math.floor(s);
    let nanos = Math.round((s - secs) * NANOS_PER_SEC);
    let whole = secs;
    if (nanos >= NANOS_PER_SEC) {
      whole += 1;
      nanos -= NANOS_PER_SEC;
    }
    return new Duration(whole, nanos);
  }
  static from_secs_f32(s: number, loc?: Loc): Duration {
    return Duration.from_secs_f64(s, loc);
  }

  /** Total nanoseconds as a JS number (exact below 2^53 ns ≈ 104 days). */
  get totalNanos(): number {
    return this.secs * NANOS_PER_SEC + this.nanos;
  }

  as_secs(): number {
    return this.secs;
  }
  /** `as_millis()` is a `u128`: a number while safe, a bigint beyond. */
  as_millis(): number | bigint {
    return wide(BigInt(this.secs) * 1000n + BigInt(Math.floor(this.nanos / 1_000_000)));
  }
  as_micros(): number | bigint {
    return wide(BigInt(this.secs) * 1_000_000n + BigInt(Math.floor(this.nanos / 1000)));
  }
  as_nanos(): number | bigint {
    return wide(BigInt(this.secs) * 1_000_000_000n + BigInt(this.nanos));
  }
  as_secs_f64(): number {
    return this.secs + this.nanos / NANOS_PER_SEC;
  }
  as_secs_f32(): number {
    return Math.fround(this.as_secs_f64());
  }
  subsec_millis(): number {
    return Math.floor(this.nanos / 1_000_000);
  }
  subsec_micros(): number {
    return Math.floor(this.nanos / 1000);
  }
  subsec_nanos(): number {
    return this.nanos;
  }
  is_zero(): boolean {
    return this.secs === 0 && this.nanos === 0;
  }

  /** `a + b`: panics `overflow when adding durations` past `u64::MAX` seconds. */
  add(o: Duration, loc?: Loc): Duration {
    const d = this.checked_add(o);
    return d ?? panic("overflow when adding durations", loc);
  }
  /** `a - b`: panics `overflow when subtracting durations` below zero. */
  sub(o: Duration, loc?: Loc): Duration {
    const d = this.checked_sub(o);
    return d ?? panic("overflow when subtracting durations", loc);
  }
  mul(n: number, loc?: Loc): Duration {
    const total = BigInt(this.secs) * BigInt(NANOS_PER_SEC) + BigInt(this.nanos);
    const r = total * BigInt(n);
    if (r / BigInt(NANOS_PER_SEC) > 18446744073709551615n) panic("overflow when multiplying duration by scalar", loc);
    return fromTotal(r);
  }
  div(n: number, loc?: Loc): Duration {
    if (n === 0) panic("divide by zero error when dividing duration by scalar", loc);
    return fromTotal((BigInt(this.secs) * BigInt(NANOS_PER_SEC) + BigInt(this.nanos)) / BigInt(n));
  }
  /** `checked_add` (undefined for `None`: emitted code wraps it in an Option). */
  checked_add(o: Duration): Duration | undefined {
    let secs = this.secs + o.secs;
    let nanos = this.nanos + o.nanos;
    if (nanos >= NANOS_PER_SEC) {
      nanos -= NANOS_PER_SEC;
      secs += 1;
    }
    return secs > 18446744073709551615 ? undefined : new Duration(secs, nanos);
  }
  checked_sub(o: Duration): Duration | undefined {
    let secs = this.secs - o.secs;
    let nanos = this.nanos - o.nanos;
    if (nanos < 0) {
      nanos += NANOS_PER_SEC;
      secs -= 1;
    }
    return secs < 0 ? undefined : new Duration(secs, nanos);
  }
  saturating_sub(o: Duration): Duration {
    return this.checked_sub(o) ?? Duration.ZERO;
  }
  /** Ordering: negative, zero or positive. */
  cmp(o: Duration): number {
    return this.secs !== o.secs ? Math.sign(this.secs - o.secs) : Math.sign(this.nanos - o.nanos);
  }
  eq(o: Duration): boolean {
    return this.secs === o.secs && this.nanos === o.nanos;
  }

  /**
   * `{:?}`: `1.5s`, `300ms`, `1µs`, `100ns`, `2.000000001s`; with a precision (`{:.2?}`) `1.50s`,
   * rounded half up as core's `fmt_decimal` does; `plus` for `{:+?}`. Width and fill are the caller's.
   */
  fmtDebug(opts: { readonly precision?: number | undefined; readonly plus?: boolean } = {}): string {
    const prefix = opts.plus ? "+" : "";
    if (this.secs > 0) return fmtDecimal(this.secs, this.nanos, NANOS_PER_SEC / 10, prefix, "s", opts.precision);
    if (this.nanos >= 1_000_000) {
      return fmtDecimal(Math.floor(this.nanos / 1_000_000), this.nanos % 1_000_000, 100_000, prefix, "ms", opts.precision);
    }
    if (this.nanos >= 1000) return fmtDecimal(Math.floor(this.nanos / 1000), this.nanos % 1000, 100, prefix, "µs", opts.precision);
    return fmtDecimal(this.nanos, 0, 1, prefix, "ns", opts.precision);
  }
}

function wide(v: bigint): number | bigint {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

function fromTotal(total: bigint): Duration {
  return new Duration(Number(total / BigInt(NANOS_PER_SEC)), Number(total % BigInt(NANOS_PER_SEC)));
}

/** core::time's `fmt_decimal`, digit for digit. */
function fmtDecimal(
  integer: number,
  fractional: number,
  divisor: number,
  prefix: string,
  postfix: string,
  precision: number | undefined,
): string {
  const buf = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const end = precision === undefined ? 9 : Math.min(precision, 9);
  let pos = 0;
  let frac = fractional;
  let div = divisor;
  while (frac > 0 && pos < end) {
    buf[pos] = Math.floor(frac / div);
    frac %= div;
    div = Math.floor(div / 10);
    pos++;
  }
  let int = integer;
  if (frac > 0 && frac >= div * 5) {
    let rev = pos;
    let carry = true;
    while (carry && rev > 0) {
      rev--;
      if (buf[rev]! < 9) {
        buf[rev]! += 1;
        carry = false;
      } else {
        buf[rev] = 0;
      }
    }
    if (carry) int += 1;
  }
  const shown = precision === undefined ? pos : Math.min(precision, 9);
  let out = prefix + String(int);
  if (shown > 0) {
    out += "." + buf.slice(0, shown).join("");
    if (precision !== undefined && precision > 9) out += "0".repeat(precision - 9);
  }
  return out + postfix;
}

/** `std::time::Instant` / `tokio::time::Instant` on the virtual clock. */
export class Instant {
  constructor(readonly nanos: number) {}

  static now(): Instant {
    return new Instant(reactor().now);
  }
  /** `elapsed()`: virtual time since this instant. */
  elapsed(): Duration {
    return Duration.from_nanos(Math.max(0, reactor().now - this.nanos));
  }
  duration_since(earlier: Instant): Duration {
    return Duration.from_nanos(Math.max(0, this.nanos - earlier.nanos));
  }
  saturating_duration_since(earlier: Instant): Duration {
    return this.duration_since(earlier);
  }
  add(d: Duration): Instant {
    return new Instant(this.nanos + d.totalNanos);
  }
  sub(d: Duration, loc?: Loc): Instant {
    const n = this.nanos - d.totalNanos;
    if (n < 0) panic("overflow when subtracting duration from instant", loc);
    return new Instant(n);
  }
  cmp(o: Instant): number {
    return Math.sign(this.nanos - o.nanos);
  }
  /** `{:?}` of an Instant prints OS-specific fields in Rust; pinion prints the virtual time. */
  fmtDebug(): string {
    return `Instant { t: ${Duration.from_nanos(this.nanos).fmtDebug()} }`;
  }
}

/** `Instant::now()`. */
export function Instant_now(): Instant {
  return Instant.now();
}

/** `std::thread::sleep(d)`: the only thread blocks; the virtual clock moves on. */
export function thread_sleep(d: Duration): void {
  reactor().now += d.totalNanos;
}

// ---------------------------------------------------------------------------------------------------
// The reactor: clock, timers, tasks

export class TimerEntry {
  waker: Waker | null = null;
  done = false;
  constructor(
    readonly deadline: number,
    readonly seq: number,
  ) {}
}

/** The executors' state for one run (`machine().reactor`). */
export class Reactor {
  /** Virtual nanoseconds since the program started. */
  now = 0;
  /** Pending timers, ordered by (deadline, registration). */
  readonly timers: TimerEntry[] = [];
  readonly queue: Task<unknown>[] = [];
  private seq = 0;
  nextTaskId = 1;
  /** Inside a tokio runtime (`tokio::spawn` panics outside one). */
  inRuntime = false;
  /** Every task spawned and not yet finished (dropped when the runtime shuts down). */
  readonly live = new Set<Task<unknown>>();

  addTimer(deadline: number): TimerEntry {
    const e = new TimerEntry(deadline, this.seq++);
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.deadline > deadline) i--;
    this.timers.splice(i, 0, e);
    return e;
  }

  /** Fires (wakes) every timer due at `now`, in order. Returns whether any fired. */
  fireExpired(): boolean {
    let fired = false;
    while (this.timers.length > 0 && this.timers[0]!.deadline <= this.now) {
      const e = this.timers.shift()!;
      if (e.done) continue;
      e.done = true;
      const w = e.waker;
      e.waker = null;
      if (w) {
        fired = true;
        w.wake();
      }
    }
    return fired;
  }

  /** Nothing is runnable: jump the clock to the earliest live timer and fire. False if there is none. */
  advance(): boolean {
    while (this.timers.length > 0 && this.timers[0]!.done) this.timers.shift();
    const first = this.timers[0];
    if (!first) return false;
    if (first.deadline > this.now) {
      const t = machine().trace;
      if (t) t({ kind: "step", loc: machine().loc, text: `virtual clock advances to ${Duration.from_nanos(first.deadline).fmtDebug()}` });
      this.now = first.deadline;
    }
    this.fireExpired();
    return true;
  }
}

/** The run's reactor, made on first use. */
export function reactor(): Reactor {
  const m = machine();
  return (m.reactor ??= new Reactor());
}

// ---------------------------------------------------------------------------------------------------
// Wakers the executors make

/** A waker that sets `flag.woken`; clones share the flag. Its vtable calls are counted by nobody. */
function flagWaker(flag: { woken: boolean }): Waker {
  return Waker.from_raw(new RawWaker(Ptr.internalTemp(flag, "0:0") as WakerData, FLAG_VTABLE));
}

function flagOf(data: WakerData): { woken: boolean } {
  return (data.c as Temp<{ woken: boolean }>).v;
}

const FLAG_VTABLE: RawWakerVTable = new RawWakerVTable(
  (d): RawWaker => new RawWaker(d, FLAG_VTABLE),
  (d) => {
    flagOf(d).woken = true;
  },
  (d) => {
    flagOf(d).woken = true;
  },
  () => {},
);

// ---------------------------------------------------------------------------------------------------
// block_on and the runtime

/** The root future's place: `block_on`'s own frame, with the future pinned in it. */
interface Root<T> {
  readonly ptr: Ptr<Future<T>>;
  readonly cx: Ptr<Context>;
  readonly flag: { woken: boolean };
  readonly name: string;
}

function makeRoot<T>(fut: Future<T>, name: string, loc: Loc): Root<T> {
  const flag = { woken: true };
  const f = frame(name, { fut: fut as Future<T> | Moved, cx: new Context(Ptr.internalTemp(flagWaker(flag), loc)) });
  const ptr = Pin_new_unchecked(Ptr.internal(f, "fut", loc) as Ptr<Future<T>>, loc);
  return { ptr, cx: Ptr.internal(f, "cx", loc), flag, name };
}

/** Polls the root (when woken) and the tasks until the root is ready. */
function runUntilReady<T>(root: Root<T>, loc: Loc): T {
  const r = reactor();
  let polls = 0;
  for (;;) {
    if (root.flag.woken) {
      root.flag.woken = false;
      polls++;
      const t = machine().trace;
      if (t) t({ kind: "poll", loc, text: `${root.name} polls its future (poll #${polls})` });
      const out = future_poll(root.ptr, root.cx, loc);
      if (out !== PENDING) {
        if (t) t({ kind: "ready", loc, text: `${root.name}: the future is ready after ${polls} poll(s)` });
        return out;
      }
      if (t) t({ kind: "pending", loc, text: `${root.name}: the future is pending` });
    }
    for (let budget = 61; budget > 0; budget--) {
      const task = r.queue.shift();
      if (!task) break;
      task.run(loc);
    }
    if (r.queue.length > 0 || root.flag.woken) {
      r.fireExpired();
      continue;
    }
    if (!r.advance()) {
      throw new Deadlock(
        `deadlock: the future passed to \`${root.name}\` returned \`Poll::Pending\` and nothing can wake it ` +
          "(no waker was woken, no task is runnable, no timer is pending); the Rust program would wait forever",
        loc,
      );
    }
  }
}

function finishRoot<T>(root: Root<T>, loc: Loc): void {
  const f = root.ptr.c as ReturnType<typeof frame>;
  const fut = f.fut;
  drop_in_place(fut, loc);
  invalidate(fut, loc, "dropped");
  f.fut = MOVED;
  f.$exit(loc);
}

/** `futures::executor::block_on(f)`: pins `f` on its own frame and polls it until it is ready. */
export function block_on<T>(fut: Future<T>, loc: Loc): T {
  const root = makeRoot(fut, "block_on", loc);
  const out = runUntilReady(root, loc);
  finishRoot(root, loc);
  return out;
}

/**
 * `#[tokio::main]` (and `Runtime::block_on`): `block_on` inside a runtime, so `tokio::spawn` works;
 * when the root future is ready the runtime shuts down and drops the tasks still running.
 */
export function tokio_main<T>(fut: Future<T>, loc: Loc): T {
  const r = reactor();
  const outer = r.inRuntime;
  if (outer) {
    panic(
      "Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) " +
        "attempted to block the current thread while the thread is being used to drive asynchronous tasks.",
      loc,
    );
  }
  r.inRuntime = true;
  try {
    const root = makeRoot(fut, "tokio::main", loc);
    const out = runUntilReady(root, loc);
    finishRoot(root, loc);
    for (const t of [...r.live]) t.cancel(loc);
    r.queue.length = 0;
    return out;
  } finally {
    r.inRuntime = false;
  }
}

/** `tokio::runtime::Runtime::new().unwrap().block_on(f)`. */
export const runtime_block_on = tokio_main;

// ---------------------------------------------------------------------------------------------------
// Tasks

/** `tokio::task::JoinError`: the task was cancelled (`abort()`, shutdown) or panicked (`panic` is its message). */
export class JoinError {
  constructor(
    readonly id: number,
    readonly panic: string | undefined,
  ) {}
  is_cancelled(): boolean {
    return this.panic === undefined;
  }
  is_panic(): boolean {
    return this.panic !== undefined;
  }
  /** tokio's `Display`. */
  toString(): string {
    return this.panic === undefined ? `task ${this.id} was cancelled` : `task ${this.id} panicked with message ${JSON.stringify(this.panic)}`;
  }
  /** tokio's `Debug`. */
  debug(): string {
    return this.panic === undefined
      ? `JoinError::Cancelled(Id(${this.id}))`
      : `JoinError::Panic(Id(${this.id}), ${JSON.stringify(this.panic)}, ...)`;
  }
}

/** A spawned task: its future pinned in a box (tokio boxes every task), its output, its waker. */
export class Task<T> {
  readonly fut: RBox<Future<T> | Moved>;
  readonly ptr: Ptr<Future<T>>;
  readonly cx: Ptr<Context>;
  queued = false;
  done = false;
  cancelled = false;
  /** The panic message, if the task panicked (tokio catches it; the runtime goes on). */
  panicked: string | undefined = undefined;
  output: T | Moved = MOVED;
  joinWaker: Waker | null = null;

  constructor(
    readonly id: number,
    fut: Future<T>,
    readonly reactor: Reactor,
    loc: Loc,
  ) {
    this.fut = new RBox<Future<T> | Moved>(fut);
    this.ptr = Pin_new_unchecked(Ptr.internal(this.fut, "v", loc) as Ptr<Future<T>>, loc);
    const w = Waker.from_raw(new RawWaker(Ptr.internalTemp(this, loc) as WakerData, TASK_VTABLE));
    this.cx = Ptr.internalTemp(new Context(Ptr.internalTemp(w, loc)), loc);
  }

  schedule(): void {
    if (this.queued || this.done) return;
    this.queued = true;
    this.reactor.queue.push(this as Task<unknown>);
  }

  run(loc: Loc): void {
    this.queued = false;
    if (this.done) return;
    const t = machine().trace;
    if (t) t({ kind: "poll", loc, text: `poll task ${this.id}` });
    let out: Poll<T>;
    try {
      out = future_poll(this.ptr, this.cx, loc);
    } catch (e) {
      if (!(e instanceof RustPanic)) throw e;
      // tokio catches a task's panic: the worker thread prints it, the JoinHandle returns Err(Panic).
      machine().err(panicMessage(e, machine().file, "tokio-runtime-worker"));
      this.panicked = e.payload;
      this.finish(loc);
      return;
    }
    if (out === PENDING) {
      if (t) t({ kind: "pending", loc, text: `task ${this.id} is pending` });
      return;
    }
    if (t) t({ kind: "ready", loc, text: `task ${this.id} finished` });
    this.output = out;
    this.finish(loc);
  }

  private finish(loc: Loc): void {
    this.done = true;
    this.reactor.live.delete(this as Task<unknown>);
    drop_in_place(this.fut.v, loc);
    this.fut.v = MOVED;
    const w = this.joinWaker;
    this.joinWaker = null;
    if (w) w.wake();
  }

  /** `abort()` or runtime shutdown: the future is dropped where it stands. */
  cancel(loc: Loc): void {
    if (this.done) return;
    this.cancelled = true;
    this.finish(loc);
  }
}

function taskOf(d: WakerData): Task<unknown> {
  return (d.c as Temp<Task<unknown>>).v;
}

const TASK_VTABLE: RawWakerVTable = new RawWakerVTable(
  (d): RawWaker => new RawWaker(d, TASK_VTABLE),
  (d) => taskOf(d).schedule(),
  (d) => taskOf(d).schedule(),
  () => {},
);

/** `tokio::task::JoinHandle<T>`: a future of `Result<T, JoinError>`. Dropping it detaches the task. */
export class JoinHandle<T> extends Composite implements Future<Result<T, JoinError>> {
  static readonly $rust = { kind: "struct", name: "JoinHandle" } as const;
  constructor(readonly $task: Task<T>) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Result<T, JoinError>> {
    const task = this.$task;
    if (task.done) {
      const out = task.output;
      task.output = MOVED;
      const failed = task.cancelled || task.panicked !== undefined;
      const r: Result<T, JoinError> = failed ? Err(new JoinError(task.id, task.panicked)) : Ok(out as T);
      tracePoll(`JoinHandle of task ${task.id}`, r);
      return r;
    }
    task.joinWaker?.$drop();
    task.joinWaker = cx.get().waker().get().clone();
    tracePoll(`JoinHandle of task ${task.id}`, PENDING);
    return PENDING;
  }
  /** `handle.abort()`. */
  abort(loc?: Loc): void {
    this.$task.cancel(loc ?? machine().loc);
  }
  is_finished(): boolean {
    return this.$task.done;
  }
}

/** `tokio::spawn(fut)`: the task is queued and runs when the current task yields. */
export function tokio_spawn<T>(fut: Future<T>, loc: Loc): JoinHandle<T> {
  const r = reactor();
  if (!r.inRuntime) panic("there is no reactor running, must be called from the context of a Tokio 1.x runtime", loc);
  const task = new Task<T>(r.nextTaskId++, fut, r, loc);
  r.live.add(task as Task<unknown>);
  task.schedule();
  const t = machine().trace;
  if (t) t({ kind: "step", loc, text: `spawn task ${task.id}` });
  return new JoinHandle(task);
}

// ---------------------------------------------------------------------------------------------------
// Time futures

/** `tokio::time::Sleep`: ready once the virtual clock reaches its deadline. */
export class Sleep extends Composite implements Future<void> {
  static readonly $rust = { kind: "struct", name: "Sleep" } as const;
  $entry: TimerEntry | null = null;
  constructor(public $deadline: number) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<void> {
    const r = reactor();
    if (r.now >= this.$deadline) {
      if (this.$entry) this.$entry.done = true;
      tracePoll("sleep", undefined);
      return undefined;
    }
    const e = (this.$entry ??= r.addTimer(this.$deadline));
    e.waker?.$drop();
    e.waker = cx.get().waker().get().clone();
    tracePoll(`sleep (until ${Duration.from_nanos(this.$deadline).fmtDebug()})`, PENDING);
    return PENDING;
  }
  is_elapsed(): boolean {
    return reactor().now >= this.$deadline;
  }
  deadline(): Instant {
    return new Instant(this.$deadline);
  }
  /** `sleep.as_mut().reset(deadline)`. */
  reset(deadline: Instant): void {
    if (this.$entry) this.$entry.done = true;
    this.$entry = null;
    this.$deadline = deadline.nanos;
  }
  $drop(): void {
    const e = this.$entry;
    if (!e) return;
    e.done = true;
    e.waker?.$drop();
    e.waker = null;
  }
}

/** `tokio::time::sleep(d)`: the deadline is fixed when `sleep` is called, as in tokio. */
export function sleep(d: Duration): Sleep {
  return new Sleep(reactor().now + d.totalNanos);
}

/** `tokio::time::sleep_until(deadline)`. */
export function sleep_until(deadline: Instant): Sleep {
  return new Sleep(deadline.nanos);
}

/**
 * `tokio::time::interval(period)`: `interval.tick().await` completes at once the first time, then every
 * `period` (tokio's default `MissedTickBehavior::Burst`: missed ticks complete immediately).
 */
export class Interval {
  declare $next: number;
  declare readonly $period: number;
  constructor(start: number, period: number) {
    this.$next = start;
    this.$period = period;
  }
  /** `interval.tick()`: a future of the `Instant` the tick was scheduled for. */
  tick(): Tick {
    return new Tick(this);
  }
  period(): Duration {
    return Duration.from_nanos(this.$period);
  }
  reset(): void {
    this.$next = reactor().now + this.$period;
  }
}

/** The future `Interval::tick` returns. */
export class Tick extends Composite implements Future<Instant> {
  static readonly $rust = { kind: "struct", name: "Tick" } as const;
  declare $interval: Interval;
  declare $sleep: Sleep | null;
  constructor(interval: Interval) {
    super();
    this.$interval = interval;
    this.$sleep = null;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Instant> {
    const iv = this.$interval;
    const s = (this.$sleep ??= new Sleep(iv.$next));
    if (s.poll(Ptr.internalTemp(s, "0:0"), cx) === PENDING) return PENDING;
    const at = new Instant(iv.$next);
    iv.$next += iv.$period;
    return at;
  }
  $drop(): void {
    this.$sleep?.$drop();
  }
}

/** `tokio::time::interval(period)`: panics on a zero period, as tokio does. */
export function interval(period: Duration, loc?: Loc): Interval {
  if (period.is_zero()) panic("`period` must be non-zero.", loc);
  return new Interval(reactor().now, period.totalNanos);
}

/** `tokio::time::error::Elapsed`. */
export class Elapsed {
  toString(): string {
    return "deadline has elapsed";
  }
  debug(): string {
    return "Elapsed(())";
  }
}

/** `tokio::time::timeout(d, fut)`: `Ok(output)`, or `Err(Elapsed)` once the deadline passed. */
export class Timeout<T> extends Composite implements Future<Result<T, Elapsed>> {
  static readonly $rust = { kind: "struct", name: "Timeout" } as const;
  $ptrs: [Ptr<Future<T>>, Ptr<Sleep>] | null = null;
  constructor(
    public value: Future<T>,
    public delay: Sleep,
  ) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Result<T, Elapsed>> {
    const loc = machine().loc;
    const [fp, sp] = (this.$ptrs ??= [Ptr.internal(this as Timeout<T>, "value", loc), Ptr.internal(this as Timeout<T>, "delay", loc)]);
    const v = future_poll(fp, cx, loc);
    if (v !== PENDING) return Ok(v);
    if (future_poll(sp, cx, loc) !== PENDING) return Err(new Elapsed());
    return PENDING;
  }
}

export function timeout<T>(d: Duration, fut: Future<T>): Timeout<T> {
  return new Timeout(fut, sleep(d));
}

/** `tokio::task::yield_now()`: Pending once (after waking itself), then Ready. */
export class YieldNow extends Composite implements Future<void> {
  static readonly $rust = { kind: "struct", name: "YieldNow" } as const;
  declare yielded: boolean;
  constructor() {
    super();
    this.yielded = false;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<void> {
    if (this.yielded) {
      tracePoll("yield_now", undefined);
      return undefined;
    }
    this.yielded = true;
    cx.get().waker().get().wake_by_ref();
    tracePoll("yield_now", PENDING);
    return PENDING;
  }
}

export function yield_now(): YieldNow {
  return new YieldNow();
}

// ---------------------------------------------------------------------------------------------------
// join! / join_all / select!

/**
 * `join!(a, b, …)` / `join_all(…)`: the futures are stored inline (pinned inside the join future);
 * each poll polls every pending one — in order (`futures::join!`, `join_all`) or starting one further
 * each time (`tokio::join!`, which rotates for fairness) — and drops each as soon as it completes.
 */
export class Join<T, O> extends Composite implements Future<O> {
  static readonly $rust = { kind: "struct", name: "Join" } as const;
  readonly outs: (T | Moved)[];
  $ptrs: Ptr<Future<T>>[] | null = null;
  $left: number;
  $skip = 0;
  constructor(
    public futs: (Future<T> | Moved)[],
    readonly $how: { readonly rotate: boolean; readonly what: string; readonly collect: (outs: T[]) => O },
  ) {
    super();
    this.outs = futs.map(() => MOVED);
    this.$left = futs.length;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<O> {
    const loc = machine().loc;
    const n = this.futs.length;
    const ptrs = (this.$ptrs ??= this.futs.map((_, i) => Ptr.internal(this.futs, i, loc) as Ptr<Future<T>>));
    const rotate = this.$how.rotate;
    const start = rotate && n > 0 ? this.$skip : 0;
    if (rotate && n > 0) this.$skip = (this.$skip + 1) % n;
    for (let j = 0; j < n; j++) {
      const i = (start + j) % n;
      if (this.futs[i] === MOVED) continue;
      const out = future_poll(ptrs[i]!, cx, loc);
      if (out === PENDING) continue;
      this.outs[i] = out;
      drop_in_place(this.futs[i], loc);
      this.futs[i] = MOVED;
      this.$left--;
    }
    if (this.$left > 0) {
      tracePoll(this.$how.what, PENDING);
      return PENDING;
    }
    const outs = this.outs.slice() as T[];
    this.outs.fill(MOVED);
    tracePoll(this.$how.what, outs);
    return this.$how.collect(outs);
  }
}

function tuple<T>(outs: T[]): T[] {
  return outs;
}

/** `futures::join!(a, b, …)`: the outputs as a tuple (JS array) in argument order. */
export function futures_join<T>(futs: Future<T>[]): Join<T, T[]> {
  return new Join(futs, { rotate: false, what: "join!", collect: tuple });
}

/** `tokio::join!(a, b, …)`. */
export function tokio_join<T>(futs: Future<T>[]): Join<T, T[]> {
  return new Join(futs, { rotate: true, what: "tokio::join!", collect: tuple });
}

/** `futures::future::join_all(iter)`: a `Vec` of the outputs, in order. */
export function join_all<T>(futs: Iterable<Future<T>>): Join<T, RVec<T>> {
  return new Join([...futs], { rotate: false, what: "join_all", collect: (outs: T[]) => vec_of(outs) });
}

/** The output of `select`: which branch completed first, and its value. */
export interface Selected<T> {
  readonly index: number;
  readonly value: T;
}

/**
 * `select! { a = f => …, b = g => … }`: polls the branches in order and completes with the first that
 * is ready; the others are dropped. (`tokio::select!` picks a random branch order unless `biased;` is
 * given — pinion always uses the written order, which is what `biased;` does.)
 */
export class Select<T> extends Composite implements Future<Selected<T>> {
  static readonly $rust = { kind: "struct", name: "Select" } as const;
  $ptrs: Ptr<Future<T>>[] | null = null;
  constructor(public futs: (Future<T> | Moved)[]) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Selected<T>> {
    const loc = machine().loc;
    const ptrs = (this.$ptrs ??= this.futs.map((_, i) => Ptr.internal(this.futs, i, loc) as Ptr<Future<T>>));
    for (let i = 0; i < this.futs.length; i++) {
      if (this.futs[i] === MOVED) continue;
      const out = future_poll(ptrs[i]!, cx, loc);
      if (out === PENDING) continue;
      for (let k = 0; k < this.futs.length; k++) {
        drop_in_place(this.futs[k], loc);
        this.futs[k] = MOVED;
      }
      const sel = { index: i, value: out };
      tracePoll(`select! (branch ${i})`, sel);
      return sel;
    }
    tracePoll("select!", PENDING);
    return PENDING;
  }
}

export function select<T>(futs: Future<T>[]): Select<T> {
  return new Select<T>(futs);
}

// ---------------------------------------------------------------------------------------------------
// tokio::sync channels: oneshot and mpsc (bounded and unbounded)
//
//   let (tx, rx) = oneshot::channel();        const [tx, rx] = oneshot_channel<T>()
//   tx.send(5).unwrap();                      tx.send(5)                       → Result<(), T>
//   let v = rx.await;                         rx is a future                   → Result<T, RecvError>
//   let (tx, mut rx) = mpsc::channel(8);      const [tx, rx] = mpsc_channel<T>(8)
//   tx.send(v).await                          tx.send(v) is a future           → Result<(), SendError<T>>
//   while let Some(v) = rx.recv().await       rx.recv() is a future            → Option<T>
//
// A receiver sees `None` / `Err(RecvError)` once every sender is dropped (their drop glue counts them)
// and the queue is empty; a sender sees `Err` once the receiver is dropped. Waiting sides keep a clone
// of the waker they were polled with, as tokio does.

/** `RecvError` of a oneshot whose sender was dropped. */
export class RecvError {
  toString(): string {
    return "channel closed";
  }
  debug(): string {
    return "RecvError(())";
  }
}

/** `SendError(value)`: the receiver is gone; the value comes back. */
export class SendError<T> {
  declare readonly _0: T;
  constructor(v: T) {
    this._0 = v;
  }
  toString(): string {
    return "channel closed";
  }
  debug(): string {
    return "SendError { .. }";
  }
}

export class ChannelState<T> {
  readonly queue: T[] = [];
  senders = 1;
  receiverAlive = true;
  recvWaker: Waker | null = null;
  readonly sendWakers: Waker[] = [];
  constructor(readonly capacity: number) {}

  wakeReceiver(): void {
    const w = this.recvWaker;
    this.recvWaker = null;
    if (w) w.wake();
  }
  wakeSenders(): void {
    for (const w of this.sendWakers.splice(0)) w.wake();
  }
}

function parkWaker(cx: Ptr<Context>): Waker {
  return cx.get().waker().get().clone();
}

/** `oneshot::Sender<T>`. */
export class OneshotSender<T> {
  $sent = false;
  $released = false;
  constructor(readonly $ch: ChannelState<T>) {}
  /** `tx.send(v)`: `Err(v)` if the receiver was dropped. */
  send(v: T): Result<undefined, T> {
    this.$sent = true;
    this.$released = true;
    const ch = this.$ch;
    ch.senders = 0;
    if (!ch.receiverAlive) return Err(v);
    ch.queue.push(v);
    ch.wakeReceiver();
    return Ok(undefined);
  }
  is_closed(): boolean {
    return !this.$ch.receiverAlive;
  }
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    this.$ch.senders = 0;
    this.$ch.wakeReceiver();
  }
}

/** `oneshot::Receiver<T>`: a future of `Result<T, RecvError>`. */
export class OneshotReceiver<T> extends Composite implements Future<Result<T, RecvError>> {
  static readonly $rust = { kind: "struct", name: "oneshot::Receiver" } as const;
  constructor(readonly $ch: ChannelState<T>) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Result<T, RecvError>> {
    const ch = this.$ch;
    if (ch.queue.length > 0) return Ok(ch.queue.shift() as T);
    if (ch.senders === 0) return Err(new RecvError());
    ch.recvWaker?.$drop();
    ch.recvWaker = parkWaker(cx);
    return PENDING;
  }
  $drop(): void {
    this.$ch.receiverAlive = false;
    this.$ch.recvWaker?.$drop();
    this.$ch.recvWaker = null;
  }
}

/** `tokio::sync::oneshot::channel()`. */
export function oneshot_channel<T>(): [OneshotSender<T>, OneshotReceiver<T>] {
  const ch = new ChannelState<T>(1);
  return [new OneshotSender(ch), new OneshotReceiver(ch)];
}

/** `mpsc::Sender<T>` (and `UnboundedSender<T>`: `capacity` is `Infinity`). */
export class MpscSender<T> {
  $released = false;
  constructor(readonly $ch: ChannelState<T>) {}
  clone(): MpscSender<T> {
    this.$ch.senders++;
    return new MpscSender(this.$ch);
  }
  /** Bounded `tx.send(v)`: a future that waits for room. */
  send(v: T): SendFuture<T> {
    return new SendFuture(this.$ch, v);
  }
  /** `UnboundedSender::send(v)` (never waits) and `Sender::try_send` without the `Full` case. */
  send_now(v: T): Result<undefined, SendError<T>> {
    const ch = this.$ch;
    if (!ch.receiverAlive) return Err(new SendError(v));
    ch.queue.push(v);
    ch.wakeReceiver();
    return Ok(undefined);
  }
  is_closed(): boolean {
    return !this.$ch.receiverAlive;
  }
  $drop(): void {
    if (this.$released) return;
    this.$released = true;
    const ch = this.$ch;
    ch.senders--;
    if (ch.senders === 0) ch.wakeReceiver();
  }
}

/** The future of a bounded `tx.send(v)`. */
export class SendFuture<T> extends Composite implements Future<Result<undefined, SendError<T>>> {
  static readonly $rust = { kind: "struct", name: "Send" } as const;
  $done = false;
  constructor(
    readonly $ch: ChannelState<T>,
    public value: T,
  ) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Result<undefined, SendError<T>>> {
    const ch = this.$ch;
    if (!ch.receiverAlive) {
      this.$done = true;
      return Err(new SendError(this.value));
    }
    if (ch.queue.length < ch.capacity) {
      this.$done = true;
      ch.queue.push(this.value);
      ch.wakeReceiver();
      return Ok(undefined);
    }
    ch.sendWakers.push(parkWaker(cx));
    return PENDING;
  }
  $drop(): void {
    if (!this.$done) drop_in_place(this.value);
  }
}

/** `mpsc::Receiver<T>`. */
export class MpscReceiver<T> {
  constructor(readonly $ch: ChannelState<T>) {}
  /** `rx.recv()`: a future of `Option<T>` (`None` once every sender is gone and the queue is empty). */
  recv(): RecvFuture<T> {
    return new RecvFuture(this.$ch);
  }
  /** `rx.close()`. */
  close(): void {
    this.$ch.receiverAlive = false;
    this.$ch.wakeSenders();
  }
  $drop(): void {
    this.close();
    for (const v of this.$ch.queue.splice(0)) drop_in_place(v);
  }
}

/** The future of `rx.recv()`. */
export class RecvFuture<T> extends Composite implements Future<Option<T>> {
  static readonly $rust = { kind: "struct", name: "Recv" } as const;
  constructor(readonly $ch: ChannelState<T>) {
    super();
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<Option<T>> {
    const ch = this.$ch;
    if (ch.queue.length > 0) {
      const v = ch.queue.shift() as T;
      ch.wakeSenders();
      return Some(v);
    }
    if (ch.senders === 0) return None();
    ch.recvWaker?.$drop();
    ch.recvWaker = parkWaker(cx);
    return PENDING;
  }
}

/** `tokio::sync::mpsc::channel(capacity)`: panics on 0, as tokio does. */
export function mpsc_channel<T>(capacity: number, loc?: Loc): [MpscSender<T>, MpscReceiver<T>] {
  if (capacity === 0) panic("mpsc bounded channel requires buffer > 0", loc);
  const ch = new ChannelState<T>(capacity);
  return [new MpscSender(ch), new MpscReceiver(ch)];
}

/** `tokio::sync::mpsc::unbounded_channel()`: senders use `send_now`. */
export function mpsc_unbounded_channel<T>(): [MpscSender<T>, MpscReceiver<T>] {
  const ch = new ChannelState<T>(Infinity);
  return [new MpscSender(ch), new MpscReceiver(ch)];
}
