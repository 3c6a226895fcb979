// The pinning dataflow: along every path of one MIR body, what each pointer may point to, and what
// has happened to each place — pinned, polled, made to point into itself — so that a move of a place
// that points into itself can be found wherever it happens.
//
// Worked example (main of tests/ui/p0101_let_move_after_poll.rs):
//
//   [MIR]                                               [state after it]
//   _3 = greet()                                        —
//   _6 = &mut _3                                        pts _6 → {L3, borrowed at `&mut fut`}
//   _5 = pin::new_unchecked(move _6)                    pts _5 → {L3};  L3: pinned (event #0)
//   _4 = Future::poll(move _5, move _7)                 L3: pinned #0, polled #1
//   _14 = move _3                                       a move of L3 while it is polled: a finding
//
// Whether that finding is an error (P0101) depends on the type of what was polled — does the future
// of `greet()` point into itself after a poll? — which report.ts asks selfref.ts. The flow itself
// needs no such knowledge: it records facts, and the final pass records findings.
//
// The one idea: a *forward may-analysis* over abstract places (places.ts). The state is
//
//   pts    local → pointees: the places a pointer held in the local may point to (a `Pin<&mut F>`
//          holds a pointer too), each with the span of the borrow that created it and two marks:
//          `unchecked` (came out of `get_unchecked_mut`) and `pinDeref` (came out of `Deref` on a
//          `Pin`, which rustc allows only for reading unless the target is `Unpin`);
//   facts  place → events that happened to it: `pin`, `poll`, `init` (a pointer from one of its
//          fields into another was stored: the place now points into itself).
//
// Joins are unions; a move or an overwrite kills the facts of the places that move with the place
// (places.ts `movesWith`); heap contents keep theirs. After the fixpoint, one more pass over every
// block from its entry state reports findings (moves of places with facts, mutations through a pinned
// deref) — each location once.
//
// Self-pointer stores are found the same way: `(*_1).1 = move _2` where `_2` may point to `(*_1).0`
// stores, into a field of the struct at `*_1`, a pointer to another of its fields. When the struct is
// behind an argument (`A1`), the body's summary says so, and a call applies it to the caller's place.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/source.js";
import type { Program } from "../resolve/index.js";
import type { TyCtx } from "../resolve/index.js";
import type { Ty } from "../resolve/ty.js";
import type { NodeId } from "../syntax/ast.js";
import { successors, type BasicBlock, type Body, type BlockId, type Local, type Operand, type Place, type Rvalue, type Statement, type Terminator } from "../mir/types.js";
import { classifyCallee, type Callee } from "./callees.js";
import { commonDepth, extend, extendAll, isWithin, movesWith, placeTy, prefixPlace, rootPlace, stepKey, type APlace, type Step } from "./places.js";
import { heapContents, mayHoldBorrow, pinPointer, pointeeTy } from "./types.js";

/** Longer paths are not followed (a bound that keeps the analysis finite). */
const MAX_STEPS = 8;
/** More pointees per pointer are not followed. */
const MAX_POINTEES = 48;

export interface Pointee {
  readonly place: APlace;
  /** Where the borrow was taken (`&name`, `&mut fut`). */
  readonly origin: Span | undefined;
  /** Obtained through `Pin::get_unchecked_mut` / `map_unchecked_mut`: moving through it is P0105. */
  readonly unchecked: boolean;
  /** Obtained through `Deref` on a `Pin`: the pinned target's type. Mutating or moving through it
   *  needs `DerefMut`, which needs the target to be `Unpin` (P0103). */
  readonly pinDeref: Ty | undefined;
}

function pointeeKey(p: Pointee): string {
  return `${p.place.key}|${p.unchecked ? "u" : ""}${p.pinDeref ? "d" : ""}|${p.origin ? `${p.origin.lo}:${p.origin.hi}` : ""}`;
}

export type EventKind = "pin" | "poll" | "init";

export interface FlowEvent {
  readonly id: number;
  readonly kind: EventKind;
  readonly span: Span;
  readonly place: APlace;
  /** How: `Pin::new_unchecked`, `pin!`, `Box::pin`, `Pin::new`, `Future::poll`, the called fn's name. */
  readonly via: string;
  /** For `init`: the store that made the place point into itself. */
  readonly store: StoreSite | undefined;
}

export interface Fact {
  readonly place: APlace;
  readonly events: ReadonlySet<number>;
}

/** A store of a pointer to one field of a struct (or tuple, array) into another field of it. */
export interface StoreSite {
  readonly span: Span;
  /** The body it happens in. */
  readonly body: Body;
  /** The value that now points into itself (`*self`, `n`). */
  readonly container: APlace;
  /** The field written (`self.self_pointer`) and the place pointed to (`self.value`). */
  readonly into: APlace;
  readonly to: APlace;
}

/**
 * What a function (or closure) does to the place behind one of its arguments: makes it point into
 * itself (`fn init(&mut self)` storing `&self.value` in `self.ptr`: `init`), or polls it (a closure that
 * owns a future and polls it when called, a helper `poll_once(f: &mut F)`: `poll`).
 */
export interface Activation {
  readonly kind: "init" | "poll";
  /** 0-based argument index. */
  readonly arg: number;
  /** Where inside `*arg` the place is. */
  readonly steps: readonly Step[];
  /** For `init`: the store that does it. */
  readonly store: StoreSite | undefined;
}

/** Activations by the body's node (a fn item or a closure). */
export type Summaries = Map<NodeId, Activation[]>;

/** What the final pass found. */
export type Finding =
  /** A move (by `let`, argument, return, aggregate, …) or a move-out through a pointer (`mem::swap`,
   *  `Vec::remove`, …) of places that had facts. */
  | {
      readonly kind: "move";
      readonly span: Span;
      /** `move` for an ordinary move, or the std fn that moves out (`mem::swap`, `Vec::remove`). */
      readonly how: string;
      readonly moved: readonly { readonly place: APlace; readonly unchecked: boolean; readonly facts: readonly Fact[] }[];
    }
  /** A mutable use of a place reached through `Deref` on a `Pin` (rustc: E0596 / E0594 / E0507). */
  | { readonly kind: "pinDeref"; readonly span: Span; readonly use: "borrowMut" | "assign" | "moveOut"; readonly target: Ty; readonly place: APlace };

export interface FlowResult {
  readonly body: Body;
  readonly entry: ReadonlyMap<BlockId, FlowState>;
  readonly events: readonly FlowEvent[];
  readonly findings: readonly Finding[];
  readonly stores: readonly StoreSite[];
}

// ---------------------------------------------------------------------------------------------------
// The state

export class FlowState {
  constructor(
    readonly pts: Map<Local, Map<string, Pointee>> = new Map(),
    readonly facts: Map<string, { place: APlace; events: Set<number> }> = new Map(),
  ) {}

  clone(): FlowState {
    const pts = new Map<Local, Map<string, Pointee>>();
    for (const [l, m] of this.pts) pts.set(l, new Map(m));
    const facts = new Map<string, { place: APlace; events: Set<number> }>();
    for (const [k, f] of this.facts) facts.set(k, { place: f.place, events: new Set(f.events) });
    return new FlowState(pts, facts);
  }

  /** Joins `other` into this state; true if this state grew. */
  joinFrom(other: FlowState): boolean {
    let changed = false;
    for (const [l, m] of other.pts) {
      let mine = this.pts.get(l);
      if (!mine) {
        mine = new Map();
        this.pts.set(l, mine);
      }
      for (const [k, p] of m) {
        if (!mine.has(k)) {
          mine.set(k, p);
          changed = true;
        }
      }
    }
    for (const [k, f] of other.facts) {
      let mine = this.facts.get(k);
      if (!mine) {
        mine = { place: f.place, events: new Set() };
        this.facts.set(k, mine);
      }
      for (const e of f.events) {
        if (!mine.events.has(e)) {
          mine.events.add(e);
          changed = true;
        }
      }
    }
    return changed;
  }

  pointees(l: Local): Pointee[] {
    const m = this.pts.get(l);
    return m ? [...m.values()] : [];
  }

  setPts(l: Local, ps: readonly Pointee[]): void {
    const m = new Map<string, Pointee>();
    for (const p of ps) if (m.size < MAX_POINTEES) m.set(pointeeKey(p), p);
    if (m.size) this.pts.set(l, m);
    else this.pts.delete(l);
  }

  addPts(l: Local, ps: readonly Pointee[]): void {
    if (!ps.length) return;
    let m = this.pts.get(l);
    if (!m) {
      m = new Map();
      this.pts.set(l, m);
    }
    for (const p of ps) if (m.size < MAX_POINTEES) m.set(pointeeKey(p), p);
  }

  addEvent(place: APlace, id: number): void {
    let f = this.facts.get(place.key);
    if (!f) {
      f = { place, events: new Set() };
      this.facts.set(place.key, f);
    }
    f.events.add(id);
  }

  /** The facts of places inside `place` that move with it. */
  factsMovingWith(place: APlace): Fact[] {
    const out: Fact[] = [];
    for (const f of this.facts.values()) if (movesWith(place.key, f.place.key)) out.push(f);
    return out;
  }

  /** Forgets the facts of places that move with `place` (moved out, overwritten). */
  killMovingWith(place: APlace): void {
    for (const k of [...this.facts.keys()]) if (movesWith(place.key, k)) this.facts.delete(k);
  }

  /** Forgets everything inside `place`, heap contents included (the local is gone). */
  killWithin(place: APlace): void {
    for (const k of [...this.facts.keys()]) if (isWithin(place.key, k)) this.facts.delete(k);
  }
}

// ---------------------------------------------------------------------------------------------------
// The analysis

export interface FlowOptions {
  readonly program: Program;
  readonly summaries: Summaries;
  /** Is this type not `Unpin` in the body's context? A pointer obtained by an operation that needs
   *  `Unpin` of such a type (P0103, which rustc rejects) is not followed further. */
  readonly notUnpin: (ty: Ty) => boolean;
}

/** Runs the dataflow to its fixpoint, then the reporting pass. */
export function analyzeBody(body: Body, options: FlowOptions): FlowResult {
  const an = new BodyFlow(body, options);
  return an.run();
}

class BodyFlow {
  private readonly tcx: TyCtx;
  private readonly events: FlowEvent[] = [];
  private readonly eventIds = new Map<string, number>();
  private readonly storesByKey = new Map<string, StoreSite>();
  private findings: Finding[] | undefined;
  private readonly findingKeys = new Set<string>();

  constructor(
    private readonly body: Body,
    private readonly options: FlowOptions,
  ) {
    this.tcx = options.program.tcx;
  }

  run(): FlowResult {
    const body = this.body;
    const entry = new Map<BlockId, FlowState>();
    if (body.blocks.length === 0) return { body, entry, events: [], findings: [], stores: [] };
    entry.set(0, this.initialState());
    // 1. The fixpoint, in reverse postorder-ish (block order), revisiting blocks whose entry grew.
    const work: BlockId[] = [0];
    const queued = new Set<BlockId>([0]);
    let steps = 0;
    while (work.length) {
      const b = work.shift()!;
      queued.delete(b);
      if (++steps > 200_000) throw new Error(`internal error: the pinning dataflow of ${body.name} does not converge (please report this as a bug in pinion)`);
      const state = entry.get(b)!.clone();
      const block = body.blocks[b]!;
      this.transferBlock(block, state);
      for (const s of successors(block.terminator)) {
        const cur = entry.get(s);
        if (!cur) {
          entry.set(s, state.clone());
        } else if (!cur.joinFrom(state)) {
          continue;
        }
        if (!queued.has(s)) {
          queued.add(s);
          work.push(s);
        }
      }
    }
    // 2. The reporting pass: every reachable block once, from its entry state.
    this.findings = [];
    for (const [b, st] of [...entry].sort((x, y) => x[0] - y[0])) this.transferBlock(body.blocks[b]!, st.clone());
    return { body, entry, events: this.events, findings: this.findings, stores: [...this.storesByKey.values()] };
  }

  /** The state at the terminator of block `b` (after its statements), from its entry state. */
  stateAtTerminator(entry: FlowState, b: BlockId): FlowState {
    const st = entry.clone();
    const dead = new Set<Local>();
    for (const s of this.body.blocks[b]!.statements) this.statement(s, st, dead);
    return st;
  }

  private initialState(): FlowState {
    const st = new FlowState();
    for (let a = 1; a <= this.body.argCount && a < this.body.locals.length; a++) {
      const ty = this.body.locals[a]!.ty;
      const target = pointeeTy(this.tcx, ty);
      if (target) st.setPts(a, [{ place: rootPlace({ kind: "arg", local: a }, target), origin: undefined, unchecked: false, pinDeref: undefined }]);
    }
    return st;
  }

  /**
   * A block's statements and terminator. The pointers of locals whose storage ends in the block are
   * forgotten at its end, not at their `StorageDead`: the MIR builder sometimes ends a temporary's
   * storage just before its last use (`StorageDead(_3); (*_1).1 = move _3 as *const String`), and a
   * dead local is not read again anyway. Forgetting them keeps the state small in long bodies.
   */
  private transferBlock(block: BasicBlock, st: FlowState): void {
    const dead = new Set<Local>();
    for (const s of block.statements) this.statement(s, st, dead);
    this.terminator(block.terminator, st);
    const t = block.terminator;
    if ((t.kind === "call" || t.kind === "await") && t.dest.projection.length === 0) dead.delete(t.dest.local);
    for (const l of dead) st.pts.delete(l);
  }

  // -------------------------------------------------------------------------------------------------
  // Events and findings

  private event(kind: EventKind, span: Span, place: APlace, via: string, store?: StoreSite): number {
    const key = `${kind}|${span.lo}:${span.hi}|${place.key}`;
    const known = this.eventIds.get(key);
    if (known !== undefined) return known;
    const id = this.events.length;
    this.events.push({ id, kind, span, place, via, store });
    this.eventIds.set(key, id);
    return id;
  }

  private find(f: Finding): void {
    if (!this.findings) return;
    const key = `${f.kind}|${f.span.lo}:${f.span.hi}|${f.kind === "move" ? f.moved.map((m) => m.place.key).join(",") : f.place.key}`;
    if (this.findingKeys.has(key)) return;
    this.findingKeys.add(key);
    this.findings.push(f);
  }

  // -------------------------------------------------------------------------------------------------
  // Places and operands

  /** The abstract places a MIR place may denote, with the marks of the pointer it was reached through. */
  evalPlace(p: Place, st: FlowState): Pointee[] {
    const decl = this.body.locals[p.local];
    if (!decl) return [];
    let ty = decl.ty;
    let cur: Pointee[] = [{ place: rootPlace({ kind: "local", local: p.local }, ty), origin: undefined, unchecked: false, pinDeref: undefined }];
    for (let i = 0; i < p.projection.length; i++) {
      const e = p.projection[i]!;
      switch (e.kind) {
        case "deref": {
          const heap = heapContents(this.tcx, ty);
          if (heap && ty.k === "adt" && ty.def === this.tcx.lang.Box) {
            cur = cur.map((c) => ({ ...c, place: extend(c.place, { kind: "heap" }, heap) }));
            ty = heap;
          } else if (ty.k === "ref" || ty.k === "ptr") {
            // A pointer held in the local itself: what it points to. One loaded from memory: unknown.
            cur = i === 0 ? st.pointees(p.local) : [];
            ty = ty.inner;
          } else {
            return [];
          }
          break;
        }
        case "field":
          cur = cur.map((c) => ({ ...c, place: extend(c.place, { kind: "field", index: e.index }, e.ty) }));
          ty = e.ty;
          break;
        case "index":
        case "constIndex":
        case "subslice": {
          const elem = ty.k === "array" || ty.k === "slice" ? ty.elem : ty;
          if (e.kind !== "subslice") {
            cur = cur.map((c) => ({ ...c, place: extend(c.place, { kind: "index" }, elem) }));
            ty = elem;
          }
          break;
        }
        case "downcast":
          break;
        default:
          return assertNever(e, "projection");
      }
      cur = cur.filter((c) => c.place.steps.length <= MAX_STEPS);
    }
    return cur;
  }

  /** What the pointers in an operand's value may point to (a value loaded through a pointer: unknown). */
  private operandPts(op: Operand, st: FlowState): Pointee[] {
    if (op.kind === "const") return [];
    if (op.place.projection.some((e) => e.kind === "deref")) return [];
    return st.pointees(op.place.local);
  }

  /** A `move` of a place: moving out through a pinned deref (P0103), or a move of places with facts. */
  private moveOperand(p: Place, span: Span, st: FlowState): Pointee[] {
    const items = this.evalPlace(p, st);
    const pinned = items.find((i) => i.pinDeref);
    if (pinned) {
      this.find({ kind: "pinDeref", span, use: "moveOut", target: pinned.pinDeref!, place: pinned.place });
      return items;
    }
    this.moveOut(items, span, "move", st);
    return items;
  }

  /** Places moved out (by a move, or a std fn through a pointer): report those with facts, then forget them. */
  private moveOut(items: readonly Pointee[], span: Span, how: string, st: FlowState): void {
    const moved: { place: APlace; unchecked: boolean; facts: Fact[] }[] = [];
    for (const it of items) {
      if (it.pinDeref) continue;
      const facts = st.factsMovingWith(it.place);
      if (facts.length) moved.push({ place: it.place, unchecked: it.unchecked, facts: facts.map((f) => ({ place: f.place, events: new Set(f.events) })) });
    }
    if (moved.length) this.find({ kind: "move", span, how, moved });
    if (items.length === 1) st.killMovingWith(items[0]!.place);
  }

  // -------------------------------------------------------------------------------------------------
  // Statements

  private statement(s: Statement, st: FlowState, dead: Set<Local>): void {
    switch (s.kind) {
      case "assign":
        this.assign(s.place, s.rvalue, s.span, st);
        if (s.place.projection.length === 0) dead.delete(s.place.local);
        return;
      case "storageDead":
        dead.add(s.local);
        st.killWithin(rootPlace({ kind: "local", local: s.local }, this.body.locals[s.local]!.ty));
        return;
      case "storageLive":
        dead.delete(s.local);
        return;
      case "setDiscriminant":
      case "fakeRead":
      case "nop":
        return;
      default:
        return assertNever(s, "statement");
    }
  }

  private assign(dest: Place, rv: Rvalue, span: Span, st: FlowState): void {
    let value: Pointee[] = [];
    let movedFrom: Pointee[] | undefined;
    switch (rv.kind) {
      case "use": {
        value = this.operandPts(rv.operand, st);
        if (rv.operand.kind === "move") movedFrom = this.moveOperand(rv.operand.place, span, st);
        break;
      }
      case "cast":
        value = this.operandPts(rv.operand, st);
        if (rv.operand.kind === "move") this.moveOperand(rv.operand.place, span, st);
        break;
      case "ref":
      case "rawPtr": {
        const items = this.evalPlace(rv.place, st);
        if (rv.mutable) {
          const pinned = items.find((i) => i.pinDeref);
          if (pinned) this.find({ kind: "pinDeref", span, use: "borrowMut", target: pinned.pinDeref!, place: pinned.place });
        }
        value = items.map((i) => ({ place: i.place, origin: i.origin ?? span, unchecked: i.unchecked, pinDeref: rv.mutable ? undefined : i.pinDeref }));
        // `&mut *pin` of a `!Unpin` target is rejected (P0103): what it points to is not followed.
        if (rv.mutable) value = value.filter((v, k) => !(items[k]!.pinDeref && this.options.notUnpin(items[k]!.pinDeref!)));
        break;
      }
      case "aggregate": {
        const before = rv.operands.map((o) => this.operandPts(o, st));
        for (const o of rv.operands) if (o.kind === "move") this.moveOperand(o.place, span, st);
        value = before.flat();
        break;
      }
      case "repeat":
        value = this.operandPts(rv.operand, st);
        if (rv.operand.kind === "move") this.moveOperand(rv.operand.place, span, st);
        break;
      case "binary":
      case "unary":
      case "discriminant":
      case "len":
        break;
      default:
        return assertNever(rv, "rvalue");
    }
    this.assignDest(dest, value, span, st);
    // A whole value moved into a fresh local takes its heap contents' facts along: the contents of a
    // moved `Box` are still where they were.
    if (movedFrom && movedFrom.length === 1 && dest.projection.length === 0) this.transferHeapFacts(movedFrom[0]!.place, dest.local, st);
  }

  private transferHeapFacts(from: APlace, to: Local, st: FlowState): void {
    // The facts were killed with the move (`killMovingWith` keeps heap facts); re-root those that stay.
    const toRoot = rootPlace({ kind: "local", local: to }, this.body.locals[to]!.ty);
    for (const f of [...st.facts.values()]) {
      if (!isWithin(from.key, f.place.key) || movesWith(from.key, f.place.key)) continue;
      const moved = extendAll(toRoot, f.place.steps.slice(from.steps.length));
      for (const e of f.events) st.addEvent(moved, e);
      st.facts.delete(f.place.key);
    }
  }

  private assignDest(dest: Place, value: readonly Pointee[], span: Span, st: FlowState): void {
    if (dest.projection.length === 0) {
      st.setPts(dest.local, value);
      st.killWithin(rootPlace({ kind: "local", local: dest.local }, this.body.locals[dest.local]!.ty));
      return;
    }
    const targets = this.evalPlace(dest, st);
    const pinned = targets.find((t) => t.pinDeref);
    if (pinned) this.find({ kind: "pinDeref", span, use: "assign", target: pinned.pinDeref!, place: pinned.place });
    if (!dest.projection.some((e) => e.kind === "deref")) st.addPts(dest.local, value);
    if (targets.length === 1) st.killMovingWith(targets[0]!.place);
    for (const t of targets) for (const v of value) this.detectStore(t.place, v.place, span, st);
  }

  /** `into = &to` where both are fields of one struct value: that value now points into itself. */
  private detectStore(into: APlace, to: APlace, span: Span, st: FlowState): void {
    const c = commonDepth(into, to);
    if (c < 0 || c >= into.steps.length || c >= to.steps.length) return;
    if (to.steps.slice(c).some((s) => s.elem.kind === "heap")) return;
    const container = prefixPlace(into, c);
    const store: StoreSite = { span, body: this.body, container, into, to };
    const key = `${span.lo}:${span.hi}|${container.key}`;
    if (!this.storesByKey.has(key)) this.storesByKey.set(key, store);
    st.addEvent(container, this.event("init", span, container, "store", this.storesByKey.get(key)));
    this.summarize("init", container, this.storesByKey.get(key));
  }

  /** A place behind an argument was made self-referential or polled: the callers should know. */
  private summarize(kind: Activation["kind"], place: APlace, store: StoreSite | undefined): void {
    // Behind an argument; or, in a closure body, in its environment `_1` (the caller's closure value).
    const envOfClosure = this.body.kind === "closure" && place.root.kind === "local" && place.root.local === 1;
    if (place.root.kind !== "arg" && !envOfClosure) return;
    const list = this.options.summaries.get(this.body.node) ?? [];
    const arg = place.root.local - 1;
    const key = `A${place.root.local}${place.steps.map((s) => stepKey(s)).join("")}`;
    if (list.some((a) => a.kind === kind && a.arg === arg && `A${a.arg + 1}${a.steps.map((s) => stepKey(s)).join("")}` === key)) return;
    list.push({ kind, arg, steps: place.steps, store });
    this.options.summaries.set(this.body.node, list);
  }

  // -------------------------------------------------------------------------------------------------
  // Terminators

  private terminator(t: Terminator, st: FlowState): void {
    switch (t.kind) {
      case "call":
        this.call(t, st);
        return;
      case "await":
        this.assignDest(t.dest, [], t.span, st);
        return;
      case "goto":
      case "switchInt":
      case "return":
      case "unreachable":
      case "unwindResume":
      case "drop":
      case "assert":
      case "coroutineDrop":
      case "unset":
        return;
      default:
        return assertNever(t, "terminator");
    }
  }

  private call(t: Extract<Terminator, { kind: "call" }>, st: FlowState): void {
    const callee = this.closureCall(t) ?? classifyCallee(this.tcx, t.func);
    const argPts = t.args.map((a) => this.operandPts(a, st));
    for (const a of t.args) if (a.kind === "move") this.moveOperand(a.place, t.span, st);
    const arg0 = argPts[0] ?? [];
    let result: Pointee[] = [];
    let pinResultBox = false;
    switch (callee.kind) {
      case "pinNewUnchecked":
      case "pinNew": {
        const via = callee.kind === "pinNew" ? "Pin::new" : callee.fromMacro ? "pin!" : "Pin::new_unchecked";
        for (const p of arg0) st.addEvent(p.place, this.event("pin", t.span, p.place, via));
        result = arg0;
        break;
      }
      case "poll":
        for (const p of arg0) {
          st.addEvent(p.place, this.event("poll", t.span, p.place, "Future::poll"));
          this.summarize("poll", p.place, undefined);
        }
        break;
      case "pinAsMut":
      case "pinAsRef":
        result = this.pinTargets(arg0, st, { pinDeref: false });
        break;
      case "pinUnwrap":
        // `get_mut` / `into_inner` of a `!Unpin` target are rejected (P0103): not followed.
        result = callee.name === "get_mut" || callee.name === "into_inner" ? arg0.filter((p) => !this.options.notUnpin(placeTy(p.place))) : arg0;
        break;
      case "pinUnchecked":
        result = arg0.map((p) => ({ ...p, unchecked: true }));
        break;
      case "pinSet":
        for (const p of this.pinTargets(arg0, st, { pinDeref: false })) st.killMovingWith(p.place);
        break;
      case "deref":
        result = this.derefTargets(callee.selfTy, arg0, st);
        break;
      case "index":
        result = this.indexTargets(callee.selfTy, arg0);
        break;
      case "optionProject":
        result = arg0.flatMap((p) => {
          const ty = placeTy(p.place);
          const payload = ty.k === "adt" ? ty.args[0] : undefined;
          return payload ? [{ ...p, place: extend(p.place, { kind: "field", index: 0 }, payload) }] : [p];
        });
        break;
      case "boxPin":
        pinResultBox = true;
        break;
      case "iterNext":
        for (const p of arg0) if (p.place.root.kind === "local" && p.place.steps.length === 0) result.push(...st.pointees(p.place.root.local));
        break;
      case "swap":
        this.moveOut([...arg0, ...(argPts[1] ?? [])], t.span, callee.name, st);
        break;
      case "moveOut":
        this.moveOut(callee.elements ? this.elementsOf(arg0) : arg0, t.span, callee.name, st);
        result = this.fallbackResult(t, argPts, st);
        break;
      case "user": {
        const d = this.tcx.def(callee.def);
        if (d.kind === "fn") this.applySummary(d.node.id, d.name, argPts, t.span, st, { onlyFirstArg: false });
        result = this.fallbackResult(t, argPts, st);
        break;
      }
      case "closureCall":
        // `Fn::call(&closure, (args,))`: the closure body's `_1` is the environment (argument 0); its
        // parameters come packed in a tuple, so only the environment's summary applies.
        this.applySummary(callee.node, "the closure", argPts, t.span, st, { onlyFirstArg: true });
        result = this.fallbackResult(t, argPts, st);
        break;
      case "other":
        result = this.fallbackResult(t, argPts, st);
        break;
      default:
        return assertNever(callee, "callee");
    }
    this.assignDest(t.dest, result, t.span, st);
    if (pinResultBox && t.dest.projection.length === 0) {
      const destTy = this.body.locals[t.dest.local]!.ty;
      const pp = pinPointer(this.tcx, destTy);
      if (pp && pp.kind === "box") {
        const inner = extend(extend(rootPlace({ kind: "local", local: t.dest.local }, destTy), { kind: "field", index: 0 }, pp.pointer), { kind: "heap" }, pp.target);
        st.addEvent(inner, this.event("pin", t.span, inner, "Box::pin"));
      }
    }
  }

  /** `Fn::call(&f, (args…))` as the MIR builder spells a call of a closure value: which closure. */
  private closureCall(t: Extract<Terminator, { kind: "call" }>): Callee | undefined {
    if (t.func.kind !== "const" || t.func.value.kind !== "intrinsic") return undefined;
    const name = t.func.value.name;
    if (name !== "Fn::call" && name !== "FnMut::call_mut" && name !== "FnOnce::call_once") return undefined;
    const a0 = t.args[0];
    if (!a0 || a0.kind === "const" || a0.place.projection.length) return undefined;
    let ty = this.body.locals[a0.place.local]?.ty;
    while (ty?.k === "ref") ty = ty.inner;
    return ty?.k === "closure" ? { kind: "closureCall", node: ty.node } : undefined;
  }

  private applySummary(node: NodeId, name: string, argPts: readonly Pointee[][], span: Span, st: FlowState, opts: { onlyFirstArg: boolean }): void {
    for (const act of this.options.summaries.get(node) ?? []) {
      if (opts.onlyFirstArg && act.arg !== 0) continue;
      for (const p of argPts[act.arg] ?? []) {
        const place = extendAll(p.place, act.steps);
        if (place.steps.length > MAX_STEPS) continue;
        st.addEvent(place, this.event(act.kind, span, place, name, act.store));
        this.summarize(act.kind, place, act.store);
      }
    }
  }

  /** What the `Pin`s stored at these places point to. */
  private pinTargets(holders: readonly Pointee[], st: FlowState, opts: { pinDeref: boolean }): Pointee[] {
    const out: Pointee[] = [];
    for (const h of holders) {
      const pp = pinPointer(this.tcx, placeTy(h.place));
      if (!pp) continue;
      const mark = opts.pinDeref ? pp.target : undefined;
      if (pp.kind === "box") {
        const inner = extend(extend(h.place, { kind: "field", index: 0 }, pp.pointer), { kind: "heap" }, pp.target);
        out.push({ place: inner, origin: h.origin, unchecked: h.unchecked, pinDeref: mark });
      } else if (h.place.root.kind === "local" && h.place.steps.length === 0) {
        for (const p of st.pointees(h.place.root.local)) out.push({ ...p, unchecked: p.unchecked || h.unchecked, pinDeref: mark });
      }
    }
    return out;
  }

  private derefTargets(selfTy: Ty, arg0: readonly Pointee[], st: FlowState): Pointee[] {
    if (pinPointer(this.tcx, selfTy)) return this.pinTargets(arg0, st, { pinDeref: true });
    const heap = heapContents(this.tcx, selfTy);
    if (heap) return arg0.map((p) => ({ ...p, place: extend(p.place, { kind: "heap" }, heap) }));
    return [];
  }

  private indexTargets(selfTy: Ty, arg0: readonly Pointee[]): Pointee[] {
    const heap = heapContents(this.tcx, selfTy);
    if (heap) return arg0.map((p) => ({ ...p, place: extend(p.place, { kind: "heap" }, heap) }));
    if (selfTy.k === "array" || selfTy.k === "slice") return arg0.map((p) => ({ ...p, place: extend(p.place, { kind: "index" }, selfTy.elem) }));
    return [];
  }

  /** The elements of the collections at these places (a Vec's are on the heap; a slice's are the slice). */
  private elementsOf(places: readonly Pointee[]): Pointee[] {
    return places.map((p) => {
      const ty = placeTy(p.place);
      const l = this.tcx.lang;
      if (ty.k === "adt" && (ty.def === l.Vec || ty.def === l.VecDeque)) return { ...p, place: extend(p.place, { kind: "heap" }, ty.args[0] ?? { k: "error" }) };
      return p;
    });
  }

  /**
   * The result of a call the checker does not know: if its type may hold a reference, it may point
   * wherever the reference arguments point — into the heap for a `String`, `Vec` or `Box` — or where
   * the pointers stored in those places point (`Iterator::next(&mut iter)`).
   */
  private fallbackResult(t: Extract<Terminator, { kind: "call" }>, argPts: readonly Pointee[][], st: FlowState): Pointee[] {
    const destTy = this.destTy(t.dest);
    if (!destTy || !mayHoldBorrow(this.tcx, destTy)) return [];
    const out: Pointee[] = [];
    for (const ps of argPts) {
      for (const p of ps) {
        const heap = heapContents(this.tcx, placeTy(p.place));
        out.push(heap ? { ...p, place: extend(p.place, { kind: "heap" }, heap) } : p);
        if (p.place.root.kind === "local" && p.place.steps.length === 0) out.push(...st.pointees(p.place.root.local));
      }
    }
    return out.filter((p) => p.place.steps.length <= MAX_STEPS);
  }

  private destTy(p: Place): Ty | undefined {
    if (p.projection.length === 0) return this.body.locals[p.local]?.ty;
    const last = p.projection[p.projection.length - 1]!;
    return last.kind === "field" ? last.ty : undefined;
  }
}

/** The flow state just before the terminator of block `b` (for the suspend points of async bodies). */
export function stateBeforeTerminator(result: FlowResult, b: BlockId, options: FlowOptions): FlowState | undefined {
  const entry = result.entry.get(b);
  if (!entry) return undefined;
  const an = new BodyFlow(result.body, options);
  return an.stateAtTerminator(entry, b);
}

export type { Callee };
