// Small helpers emitted code calls that are neither std nor memory-model pieces of their own: reading
// through a shared reference that may be a value or a `Ptr`, copying `Copy` aggregates, step counting.
//
//   [rust]     let p2 = p;            // p: Point, #[derive(Clone, Copy)]
//   [lowered]  const p2 = rt.copy(p); // a new object: writing p2.x leaves p.x alone
//
//   [rust]     fn len(s: &String) -> usize { s.len() }
//   [lowered]  function len(s: rt.SharedRef<rt.RString>): rt.Int { return rt.deref(s, "1:34").len(); }
//
// A shared reference made by the program (`&x`) is a `Ptr`, and so is an element reference of
// `v.iter()` (an `ElemRef`, see iter.ts); one handed out by other std readers (`o.as_ref()`,
// `v.first()`) is the value itself (see std.ts). `deref` accepts both.

import { machine, tracer, type Loc } from "./machine.js";
import { panic } from "./panic.js";
import { Composite, Frame, MOVED, Ptr, RBox, describeValue, relocate } from "./memory.js";
import { drop_in_place } from "./drop.js";
import { desc_partial_cmp, type TypeDesc } from "./types.js";
import type { Int } from "./int.js";
import { RString, str_index } from "./string.js";
import { RVec, RVecDeque } from "./vec.js";
import { Slice, slice_of } from "./slice.js";
import { ArrayIterRef, RIter, into_iter } from "./iter.js";
import { future_poll, type Context, type Future, type Poll } from "./task.js";

/** A shared reference: the value itself or a pointer to it. */
export type SharedRef<T> = T | Ptr<T>;

/** `*r` for a shared reference. */
// Emitted code's types are loose where a Rust type has several runtime forms: `deref`, `index` and
// `invoke` return `any`, so that what follows them type-checks whatever the form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function deref<T>(r: SharedRef<T>, loc?: Loc): any {
  return r instanceof Ptr ? r.get(loc) : r;
}

/** A `Copy` value duplicated: numbers and strings are immutable already; aggregates are copied
 *  field by field (a Copy aggregate holds only Copy values). */
export function copy<T>(v: T): T {
  if (typeof v !== "object" || v === null || v instanceof Ptr || v instanceof RBox) return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  if (v instanceof Composite) {
    const c = Object.create(Object.getPrototypeOf(v) as object) as Record<string, unknown>;
    for (const k of Object.keys(v)) {
      const x = (v as unknown as Record<string, unknown>)[k];
      c[k] = k === "$m" ? null : copy(x);
    }
    return c as T;
  }
  return v;
}

/** Counts a step of the running program (loop iterations, calls): stops a runaway program. */
export function tick(loc: Loc): void {
  machine().tick(loc);
}

/** The panic of a future polled after it finished or panicked (rustc's messages). */
export function resumed(kind: "async fn" | "async block", after: "completion" | "panicking", loc?: Loc): never {
  return panic(`\`${kind}\` resumed after ${after}`, loc);
}

// ---------------------------------------------------------------------------------------------------
// Places and values that have no std name

/**
 * Moving out of a JS variable whose value has an observable drop:
 *   rt.moveLocal(x, (x = rt.MOVED), "4:9")
 * The second argument, evaluated after `x` was read, leaves the variable MOVED so that the drop at
 * the end of its scope skips it; the value is relocated (pointers into it dangle).
 */
export function moveLocal<T>(value: T, _cleared: unknown, loc: Loc): T {
  return relocate(value, loc);
}

/** `a[i]` when `a` is an array: checks the bound and returns the JS index. */
export function array_index_checked(a: readonly unknown[], ix: Int, loc: Loc): number {
  const i = Number(ix);
  if (!(i >= 0 && i < a.length)) return panic(`index out of bounds: the len is ${a.length} but the index is ${String(ix)}`, loc);
  return i;
}

/** `x[range]` and other indexing through `Index` on std types: a slice view (or a `str` slice). */
export function index(base: unknown, ix: unknown, loc: Loc): any {
  if (typeof base === "string") return str_index(base, ix as never, loc);
  if (base instanceof RString) return str_index(base.s, ix as never, loc);
  if (base instanceof RVec || base instanceof Slice) return base.slice(ix as never, loc);
  if (Array.isArray(base)) return slice_of(base).slice(ix as never, loc);
  return panic("internal error: unsupported indexing (please report)", loc);
}

/** The length of an array, slice view or Vec. */
export function len_of(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (v instanceof Slice) return v.end - v.start;
  if (v instanceof RVec) return v.len();
  return 0;
}

/** Element `i` of an array, slice view or Vec (slice patterns). */
export function elem_of<T = any>(v: unknown, i: number): T {
  if (Array.isArray(v)) return v[i] as T;
  if (v instanceof Slice) return v.a[v.start + i] as T;
  if (v instanceof RVec) return v.a[i] as T;
  return undefined as T;
}

/** `rest @ ..` in a slice pattern: elements `from` up to `to` from the end. */
export function subslice_of<T = any>(v: unknown, from: number, toEnd: number): Slice<T> {
  const s = v instanceof Slice ? v : Array.isArray(v) ? slice_of(v as T[]) : v instanceof RVec ? (v as RVec<T>).as_slice() : slice_of<T>([]);
  return new Slice<T>(s.a as T[], s.start + from, s.end - toEnd);
}

/** A view of an array or Vec as a slice (for slice methods called on arrays). */
export function slice_view<T = any>(v: unknown): Slice<T> {
  if (v instanceof Slice) return v as Slice<T>;
  if (Array.isArray(v)) return slice_of(v as T[]);
  if (v instanceof RVec) return (v as RVec<T>).as_slice();
  return slice_of<T>([]);
}

/** `.iter()` on an array, slice or Vec. */
export function iter_of<T = any>(v: unknown): RIter<T> {
  const s = v instanceof RVec ? (v as RVec<T>).as_slice() : slice_view<T>(v);
  return new ArrayIterRef(s.a as T[], s.start, s.end, machine().loc) as unknown as RIter<T>;
}

/** `[a, b].join(sep)` on strings (the only `Join` pinion supports). */
export function slice_join(v: unknown, sep: unknown): RString | RVec<unknown> {
  const parts = slice_view<unknown>(v).toArray();
  if (typeof sep === "string" || sep instanceof RString) {
    const text = typeof sep === "string" ? sep : sep.s;
    return new RString(parts.map((p) => (typeof p === "string" ? p : (p as RString).s)).join(text));
  }
  // Vecs, arrays or slices joined by one element (`&0`) or by a slice (`&[0, 0][..]`): a Vec.
  const between = sep instanceof Slice || Array.isArray(sep) || sep instanceof RVec ? slice_view<unknown>(sep).toArray() : [deref(sep as SharedRef<unknown>)];
  const out: unknown[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(...between.map(copy));
    out.push(...slice_view<unknown>(p).toArray().map(copy));
  });
  return new RVec(out);
}

/** `[a, b].concat()`: strings into a String, slices and Vecs into a Vec. */
export function slice_concat(v: unknown, text = slice_view<unknown>(v).toArray().every((p) => typeof p === "string" || p instanceof RString)): RString | RVec<unknown> {
  const parts = slice_view<unknown>(v).toArray();
  if (text) return slice_join(v, "");
  const out: unknown[] = [];
  for (const p of parts) out.push(...slice_view<unknown>(p).toArray());
  return new RVec(out);
}

/** `.iter_mut()` on an array, slice or Vec (`for x in &mut v`): pointers to the elements. */
export function iter_mut_of<T = any>(v: unknown, loc: Loc): RIter<Ptr<T>> {
  if (v instanceof RVec) return (v as RVec<T>).iter_mut(loc) as unknown as RIter<Ptr<T>>;
  return slice_view<T>(v).iter_mut(loc) as unknown as RIter<Ptr<T>>;
}

/** `for x in v` / `v.into_iter()` on a value: Vec and VecDeque by value, arrays, ranges, iterators. */
export function into_iter_value<T = any>(v: unknown): RIter<T> {
  if (v instanceof RIter) return v as RIter<T>;
  if (v instanceof RVec || v instanceof RVecDeque) return (v as RVec<T>).into_iter() as RIter<T>;
  return into_iter(v as Iterable<T>);
}

/** `a + b` through a user `impl Add` (and the other operator traits): `self` is passed first. */
export function binop(method: string, a: unknown, b: unknown, loc: Loc): unknown {
  const f = (a as Record<string, unknown> | null)?.[method];
  if (typeof f === "function") return (f as (self: unknown, rhs: unknown, loc: Loc) => unknown).call(a, a, b, loc);
  return panic(`internal error: no \`${method}\` for this operand (please report)`, loc);
}

/** `-a` / `!a` through a user `impl Neg` / `impl Not`: the method takes `self` as its first argument,
 *  as every emitted method does. */
export function unop(method: string, a: unknown, loc: Loc): unknown {
  const f = (a as Record<string, unknown> | null)?.[method];
  if (typeof f === "function") return (f as (self: unknown, loc: Loc) => unknown).call(a, a, loc);
  return panic(`internal error: no \`${method}\` for this operand (please report)`, loc);
}

/** `a += b` through a user `impl AddAssign`. */
export function binop_assign(method: string, p: Ptr<unknown>, b: unknown, loc: Loc): void {
  const a = p.get(loc);
  const f = (a as Record<string, unknown> | null)?.[method];
  if (typeof f === "function") {
    (f as (self: unknown, rhs: unknown) => void).call(a, p, b);
    return;
  }
  panic(`internal error: no \`${method}\` for this operand (please report)`, loc);
}

/** `s + t` for `String + &str`: the string is reused (moved), as in Rust. */
export function string_add(s: RString, t: string | RString | Ptr<unknown>): RString {
  s.push_str(text_of(t));
  return s;
}

/** `e as i32` for a field-less enum: its discriminant. */
export function enum_discriminant(e: unknown): number {
  const d = (e as { constructor?: { $discriminants?: readonly number[] } }).constructor?.$discriminants;
  const tag = (e as { tag: number }).tag;
  return d ? d[tag]! : tag;
}

/** `s.as_ptr()` on a `str` or `String`: a pointer to its text, which a move of the String leaves in place. */
export function str_as_ptr(s: RString | string, loc?: Loc): Ptr<string> {
  return s instanceof RString ? Ptr.internal(s, "s", loc ?? "0:0") : Ptr.internalTemp(s, loc ?? "0:0");
}

/** `std::env::args()`: the program's name only (pinion runs programs without arguments). */
export function env_args(): RIter<RString> {
  return into_iter([new RString(machine().file.replace(/\.rs$/, ""))]);
}

/**
 * `.await` on a pointer to a future — `Pin<&mut F>`, `Pin<Box<F>>`, `&mut F` with `F: Unpin`, `Box<F>`:
 * the pointer is the future (`impl Future for Pin<P>`), and polling it polls the pointee in place.
 */
export class PointerFuture<T> extends Composite implements Future<T> {
  static readonly $rust = { kind: "struct", name: "Pin" } as const;
  declare p: Ptr<Future<T>> | RBox<Future<T>>;
  constructor(p: Ptr<Future<T>> | RBox<Future<T>>, readonly $loc: Loc) {
    super();
    this.p = p;
  }
  poll(_self: Ptr<PointerFuture<T>>, cx: Ptr<Context>): Poll<T> {
    return future_poll(this.p, cx, this.$loc);
  }
}

export function pointer_future<T>(p: Ptr<Future<T>> | RBox<Future<T>>, loc: Loc): PointerFuture<T> {
  return new PointerFuture(p, loc);
}

/** `v.m(args)` for a method taking `self` by value when `v` is computed: `v` is evaluated once. */
export function invoke(self: unknown, method: string, ...args: unknown[]): any {
  return (self as Record<string, (...a: unknown[]) => unknown>)[method]!(self, ...args);
}

/** A future's drop glue: drops the named fields in order (moved-out fields hold MOVED and are skipped). */
export function drop_fields(obj: object, fields: readonly string[]): void {
  const o = obj as Record<string, unknown>;
  for (const f of fields) {
    const v = o[f];
    if ((typeof v === "object" && v !== null) || typeof v === "function") {
      o[f] = MOVED;
      drop_in_place(v);
    }
  }
}

/**
 * The `self` an emitted future passes to the future it awaits: a pointer to its own `__awaitee` field,
 * made once and reused while it stays valid (the future has not moved).
 */
export function awaitee_ptr(f: Composite & { $pa: Ptr<unknown> | null; __awaitee: unknown }, loc: Loc): Ptr<unknown> {
  const p = f.$pa;
  if (p !== null && p.m.gen === p.g && p.m.keys === null) return p;
  return (f.$pa = Ptr.internalWith(AwaiteePtr, f, "__awaitee", loc));
}

/**
 * A pointer to a future's `__awaitee` field: the same checks as `Ptr`, with a named load on the fast
 * path (`Ptr.get`'s keyed load is shared by every pointer and goes megamorphic). The futures it is
 * handed to read `self` on every poll.
 */
class AwaiteePtr<T> extends Ptr<T> {
  override get(loc?: Loc): T {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) return (this.c as { __awaitee: T }).__awaitee;
    return this.slowAccess("read", loc, undefined) as T;
  }

  override set(v: T, loc?: Loc): void {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) (this.c as { __awaitee: T }).__awaitee = v;
    else this.slowAccess("write", loc, v);
  }
}

/** The text of a `str`, `String` or a reference to either (`Ptr`s followed), for comparisons. */
export function text_of(v: unknown): string {
  let x = v;
  while (x instanceof Ptr) x = x.get();
  return x instanceof RString ? x.s : (x as string);
}

/** `a < b` (and `<=`, `>`, `>=`) through `PartialOrd::partial_cmp`: false when incomparable. */
export function partial_compare(t: TypeDesc<any>, a: unknown, b: unknown, op: "<" | "<=" | ">" | ">="): boolean {
  const o = desc_partial_cmp(t, a, b);
  if (o.tag === 0) return false;
  const c = o._0 as number;
  return op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
}

// ---------------------------------------------------------------------------------------------------
// `--trace` of emitted futures: each poll, and the state each poll leaves the future in.

const STATE_NAMES = ["Unresumed", "Returned", "Panicked"];

function stateName(s: number): string {
  return STATE_NAMES[s] ?? `Suspend${s - 3}`;
}

/** A poll of an emitted future begins (in state `state`). */
export function trace_poll(fut: object, state: number, loc: Loc): void {
  if (tracer) tracer({ kind: "poll", loc, text: `poll ${describeValue(fut)} (in ${stateName(state)})` });
}

/** The poll returns `Pending`: the future waits at an `.await`, in `SuspendN`. */
export function trace_pending(fut: object, state: number, loc: Loc): void {
  if (tracer) tracer({ kind: "pending", loc, text: `${describeValue(fut)} → Pending, leaves it in ${stateName(state)}` });
}

/** The poll returns `Ready`: the future is in `Returned`. */
export function trace_ready(fut: object, loc: Loc): void {
  if (tracer) tracer({ kind: "ready", loc, text: `${describeValue(fut)} → Ready, leaves it in Returned` });
}

/** The class of the value behind a receiver (`Self::LIMIT` in a trait's default method): what holds
 *  the associated items of the receiver's type. */
export function class_of(self: unknown): any {
  let v = self;
  while (v instanceof Ptr) v = v.get();
  if (v instanceof RBox) v = v.v;
  return (v as { constructor: unknown }).constructor;
}

/** `std::process::exit(code)`. */
export function process_exit(code: number): never {
  throw new ProcessExit(code);
}

export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process::exit(${code})`);
  }
}

/** A `static` (or `thread_local!`): initialised on first use, one per run. A thread-local static is a
 *  `LocalKey` whose `with(f)` calls `f` with a reference to the value. */
export function static_place<T>(key: string, init: () => T, threadLocal: boolean): Ptr<unknown> {
  const m = machine();
  let slot = m.statics.get(key) as { v: unknown } | undefined;
  if (!slot) {
    const cell = new StaticSlot(init());
    slot = threadLocal ? new StaticSlot(new LocalKey(cell)) : cell;
    m.statics.set(key, slot);
  }
  return Ptr.internal(slot as StaticSlot<unknown>, "v", "0:0");
}

class StaticSlot<T> extends Frame {
  declare v: T;
  constructor(v: T) {
    super("static");
    this.v = v;
  }
}

export class LocalKey<T> {
  constructor(private readonly cell: StaticSlot<T>) {}
  with<R>(f: (r: Ptr<T>) => R): R {
    return f(Ptr.internal(this.cell, "v", "0:0"));
  }
  set(v: T): void {
    const c = this.cell.v as unknown as { set(v: unknown): void };
    c.set(v);
  }
  get(): unknown {
    return (this.cell.v as unknown as { get(): unknown }).get();
  }
}
