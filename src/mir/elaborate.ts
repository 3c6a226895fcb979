// Drop elaboration — rustc's `ElaborateDrops` (rustc_mir_transform/src/elaborate_drops.rs and
// elaborate_drop.rs, over rustc_mir_dataflow's move paths and MaybeInit/MaybeUninit analyses), to the
// degree that decides coroutine layouts.
//
// The MIR builder schedules a `drop(x)` at every exit of `x`'s scope, on normal and unwind paths alike,
// whether or not `x` still owns a value there. This pass decides, drop by drop, what really happens:
//
//   not maybe-initialized                     → `goto target` (the drop disappears: no use of `x`)
//   maybe-initialized, never maybe-moved      → `drop(x)` stays as it is
//   maybe-initialized *and* maybe-moved       → a drop flag: `switchInt(copy _f) -> [0: target, otherwise: drop]`
//   some field moved out (an aggregate)       → an "open drop": each field that may still be owned is
//                                               dropped in field order, each one elaborated the same way
//
// Worked example (`moved_on_one_branch` in tests/layout/moves.rs):
//
//     [rust]     let s = String::from("a"); if eat { consume(s); } yield_now().await;
//
//     [built]    bb0: _3 s = String::from(…) -> [return: bb1, unwind: bb9]
//                bb1: switchInt(copy _4 eat) -> [0: bb3, otherwise: bb2]
//                bb2: _6 = consume(move _3) -> …                      (s moved on this branch only)
//                …    await … ; drop(_3) -> bb7                        (scope end)
//
//     [lowered]  bb0: _9 = const false; _3 = String::from(…) -> [return: bb1', …]
//                bb1': _9 = const true; …                              (initialized: flag set)
//                bb2: _9 = const false; _6 = consume(move _3) -> …    (moved: flag cleared)
//                …    await … ; switchInt(copy _9) -> [0: bb7, otherwise: bbD]
//                bbD: drop(_3) -> bb7
//
// so at the await `_9` (a bool temp) is live — read by the drop after it — and `s` is live too: rustc
// stores `s` and one temp. The one idea that makes it work: two forward dataflow analyses over *move
// paths* (a local, or a field / Box contents / enum variant of one, that needs dropping), "maybe
// initialized" and "maybe uninitialized", both true at a drop exactly when the drop needs a flag.
//
// Move paths, inits and moves (rustc_mir_dataflow's `MoveData`): paths exist for locals whose type
// needs drop and for their field, Box-deref and downcast projections that need drop (never through a
// reference or raw pointer, never into a type with a `Drop` impl, never an index). A `move` operand
// uninitializes its path and all children; so do `StorageDead` and a `drop`; an assignment initializes
// the assigned path and its children; a call's destination is initialized on its return edge only, an
// await's destination on its resume edge only. `StorageLive` uninitializes too (the same thing for
// well-formed MIR, where `StorageDead` came first; it writes no flag). The arguments start initialized.
// Both analyses run over all edges, with rustc's refinements: an unwind edge of a drop whose place is
// certainly uninitialized is not taken; a `switchInt` on an enum's discriminant marks the other
// variants' paths uninitialized on each arm; `&mut p` / `&raw p` make `p` maybe-initialized.
//
// Drop flags are set where rustc sets them: `false` for every flag at the start of the body, `true`
// for initialized arguments, then before each move (`false`) and each initialization (`true`), at the
// start of a call's return block (or, for calls that cannot unwind into a cleanup block, just before
// the call), and at the start of an await's resume block. A flag is a local of kind `dropflag`, type
// `bool`, no name, no StorageLive/StorageDead.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { DefId, Ty } from "../resolve/ty.js";
import type { Span } from "../syntax/source.js";
import type {
  BasicBlock,
  BlockId,
  Body,
  Local,
  LocalDecl,
  Operand,
  Place,
  ProjectionElem,
  Statement,
  Terminator,
  Unwind,
} from "./types.js";

/** What drop elaboration needs to know about types. The lead implements it from resolve/. */
export interface DropElabContext {
  /**
   * Does dropping a value of this type run code (rustc's `needs_drop`)? True for String, Vec, Box, Rc,
   * types with a `Drop` impl, futures of async fns and blocks, closures and aggregates containing any
   * of those, and for type parameters and `impl Trait` (layouts are computed before monomorphization,
   * so a generic `T` needs drop unless it is bounded by `Copy`). False for integers, references, raw
   * pointers, `&str`, Copy structs.
   */
  needsDrop(ty: Ty): boolean;
  /**
   * The field types of a struct (variant undefined), of variant `variant` of an enum, or of a
   * closure's captures, in declaration order. Undefined when the type has no fields known to pinion.
   * Tuples and arrays are handled here and never asked.
   */
  fieldTys(ty: Ty, variant: number | undefined): readonly Ty[] | undefined;
  /** The variant names of an enum type (discriminant value = variant index); undefined otherwise. */
  enumVariants(ty: Ty): readonly string[] | undefined;
  /** Does the ADT itself implement `Drop` (its fields cannot be moved out)? Box does not count. */
  hasDropImpl(ty: Ty): boolean;
  /** The DefId of `Box`, whose contents `*b` can be moved out of and have a move path. */
  readonly boxDef: DefId | undefined;
}

export interface ElaborateResult {
  readonly body: Body;
  /** The drop flags added, with the place each one tracks. */
  readonly dropFlags: readonly { readonly local: Local; readonly place: Place }[];
}

/** rustc's `ElaborateDrops`: see the header. Returns a new body; `body` is not changed. */
export function elaborateDrops(body: Body, ctx: DropElabContext): Body {
  return elaborate(body, ctx).body;
}

/** `elaborateDrops`, also saying which flags were added for which places. */
export function elaborate(body: Body, ctx: DropElabContext): ElaborateResult {
  const moveData = gatherMoves(body, ctx);
  const inits = solveInits(body, moveData, ctx, { kind: "maybeInit" });
  const deadUnwinds = computeDeadUnwinds(body, moveData, inits);
  const uninits = solveInits(body, moveData, ctx, { kind: "maybeUninit", deadUnwinds });
  const e = new Elaborator(body, ctx, moveData, inits, uninits);
  e.collectDropFlags();
  e.elaborateDrops();
  e.dropFlagsOnInit();
  e.dropFlagsForFnRets();
  e.dropFlagsForArgs();
  e.dropFlagsForLocs();
  return e.finish();
}

// ---------------------------------------------------------------------------------------------------
// Move paths

interface MovePath {
  readonly place: Place;
  readonly ty: Ty;
  readonly parent: number | undefined;
  readonly children: number[];
}

type Lookup = { readonly kind: "exact"; readonly path: number } | { readonly kind: "parent"; readonly path: number | undefined };

/** An initialization: `deep` at its location, or on the return / resume edge of its terminator. */
interface Init {
  readonly path: number;
  readonly kind: "deep" | "onReturnEdge";
}

/** Per-location move data: the paths moved out, initialized, and (for StorageLive) uninitialized. */
interface LocData {
  moves: number[];
  inits: Init[];
  /** StorageLive: uninitializes for the dataflow, but writes no drop flag (rustc does not). */
  storageLive: number[];
}

class MoveData {
  readonly paths: MovePath[] = [];
  private readonly localPaths: (number | undefined)[];
  private readonly projections = new Map<string, number>();
  private readonly locs = new Map<string, LocData>();

  constructor(
    private readonly body: Body,
    private readonly ctx: DropElabContext,
  ) {
    this.localPaths = body.locals.map((d, l) => (ctx.needsDrop(d.ty) ? this.newPath({ local: l, projection: [] }, d.ty, undefined) : undefined));
  }

  private newPath(place: Place, ty: Ty, parent: number | undefined): number {
    const i = this.paths.length;
    this.paths.push({ place, ty, parent, children: [] });
    if (parent !== undefined) this.paths[parent]!.children.push(i);
    return i;
  }

  /** rustc's `move_path_for`: the path of `place`, created if needed; undefined if it cannot have one. */
  pathFor(place: Place): number | undefined {
    let base = this.localPaths[place.local];
    if (base === undefined) return undefined;
    let ty = this.body.locals[place.local]!.ty;
    for (let i = 0; i < place.projection.length; i++) {
      const elem = place.projection[i]!;
      const next = this.elemTy(ty, elem);
      if (next === undefined || !this.ctx.needsDrop(next)) return undefined;
      const key = `${base}/${elemKey(elem)}`;
      let p = this.projections.get(key);
      if (p === undefined) {
        p = this.newPath({ local: place.local, projection: place.projection.slice(0, i + 1) }, next, base);
        this.projections.set(key, p);
      }
      base = p;
      ty = next;
    }
    return base;
  }

  /** The type of `ty.elem` when a move path may go through `elem`; undefined when it may not. */
  private elemTy(ty: Ty, elem: ProjectionElem): Ty | undefined {
    const isBox = ty.k === "adt" && ty.def === this.ctx.boxDef;
    switch (elem.kind) {
      case "deref":
        return isBox && ty.k === "adt" ? ty.args[0] : undefined;
      case "field":
        if (ty.k === "adt" && !isBox && this.ctx.hasDropImpl(ty)) return undefined;
        return elem.ty;
      case "downcast":
        return ty.k === "adt" && !this.ctx.hasDropImpl(ty) ? ty : undefined;
      case "constIndex":
        return ty.k === "array" ? ty.elem : undefined;
      case "index":
      case "subslice":
        return undefined;
      default:
        return assertNever(elem, "projection");
    }
  }

  /** rustc's `rev_lookup.find`: the path of `place`, or of its closest ancestor that has one. */
  find(place: Place): Lookup {
    let base = this.localPaths[place.local];
    if (base === undefined) return { kind: "parent", path: undefined };
    for (const elem of place.projection) {
      const p = this.projections.get(`${base}/${elemKey(elem)}`);
      if (p === undefined) return { kind: "parent", path: base };
      base = p;
    }
    return { kind: "exact", path: base };
  }

  /** `path` and all its descendants, parent first. */
  allChildren(path: number): number[] {
    const out: number[] = [];
    const go = (p: number) => {
      out.push(p);
      for (const c of this.paths[p]!.children) go(c);
    };
    go(path);
    return out;
  }

  /** The child of `path` for `elem`, if it exists. */
  child(path: number, elem: ProjectionElem): number | undefined {
    return this.projections.get(`${path}/${elemKey(elem)}`);
  }

  at(block: BlockId, index: number): LocData {
    const key = `${block}:${index}`;
    let d = this.locs.get(key);
    if (!d) {
      d = { moves: [], inits: [], storageLive: [] };
      this.locs.set(key, d);
    }
    return d;
  }

  peek(block: BlockId, index: number): LocData | undefined {
    return this.locs.get(`${block}:${index}`);
  }

  argPaths(): number[] {
    const out: number[] = [];
    for (let a = 1; a <= this.body.argCount; a++) {
      const p = this.localPaths[a];
      if (p !== undefined) out.push(...this.allChildren(p));
    }
    return out;
  }
}

function elemKey(e: ProjectionElem): string {
  switch (e.kind) {
    case "deref":
      return "*";
    case "field":
      return `.${e.index}`;
    case "downcast":
      return `@${e.variant}`;
    case "constIndex":
      return `[${e.fromEnd ? "-" : ""}${e.offset}]`;
    case "index":
      return `[_${e.local}]`;
    case "subslice":
      return `[${e.from}..${e.fromEnd ? "-" : ""}${e.to}]`;
    default:
      return assertNever(e, "projection");
  }
}

/** rustc's `MoveDataBuilder`: paths for every place moved, assigned or mentioned; moves and inits per location. */
function gatherMoves(body: Body, ctx: DropElabContext): MoveData {
  const md = new MoveData(body, ctx);
  const gatherOperand = (op: Operand, b: BlockId, i: number) => {
    if (op.kind !== "move") return;
    const p = md.pathFor(op.place);
    if (p !== undefined) md.at(b, i).moves.push(p);
  };
  const initAt = (place: Place, b: BlockId, i: number, kind: Init["kind"]) => {
    md.pathFor(place);
    const found = md.find(place);
    if (found.kind === "exact") md.at(b, i).inits.push({ path: found.path, kind });
  };
  body.blocks.forEach((block, b) => {
    block.statements.forEach((s, i) => {
      switch (s.kind) {
        case "assign":
          initAt(s.place, b, i, "deep");
          forEachOperand(s, (op) => gatherOperand(op, b, i));
          break;
        case "setDiscriminant":
          // Our builder may write an enum's fields and then its discriminant: that completes the value.
          initAt(s.place, b, i, "deep");
          break;
        case "fakeRead":
          md.pathFor(s.place);
          break;
        case "storageDead": {
          const p = md.pathFor({ local: s.local, projection: [] });
          if (p !== undefined) md.at(b, i).moves.push(p);
          break;
        }
        case "storageLive": {
          const p = md.pathFor({ local: s.local, projection: [] });
          if (p !== undefined) md.at(b, i).storageLive.push(p);
          break;
        }
        case "nop":
          break;
        default:
          assertNever(s, "statement");
      }
    });
    const t = block.terminator;
    const ti = block.statements.length;
    switch (t.kind) {
      case "switchInt":
        gatherOperand(t.discr, b, ti);
        break;
      case "assert":
        gatherOperand(t.cond, b, ti);
        break;
      case "call":
        gatherOperand(t.func, b, ti);
        for (const a of t.args) gatherOperand(a, b, ti);
        if (t.target !== undefined) initAt(t.dest, b, ti, "onReturnEdge");
        break;
      case "await":
        initAt(t.dest, b, ti, "onReturnEdge");
        break;
      case "drop":
      case "goto":
      case "return":
      case "unreachable":
      case "unwindResume":
      case "coroutineDrop":
    case "coroutineDrop":
      case "unset":
        break;
      default:
        assertNever(t, "terminator");
    }
  });
  return md;
}

function forEachOperand(s: Statement, f: (op: Operand) => void): void {
  if (s.kind !== "assign") return;
  const rv = s.rvalue;
  switch (rv.kind) {
    case "use":
    case "repeat":
    case "cast":
    case "unary":
      f(rv.operand);
      return;
    case "binary":
      f(rv.lhs);
      f(rv.rhs);
      return;
    case "aggregate":
      rv.operands.forEach(f);
      return;
    case "ref":
    case "rawPtr":
    case "discriminant":
    case "len":
      return;
    default:
      assertNever(rv, "rvalue");
  }
}

// ---------------------------------------------------------------------------------------------------
// MaybeInitializedPlaces / MaybeUninitializedPlaces

type Edge =
  | { readonly kind: "normal"; readonly target: BlockId }
  | { readonly kind: "switch"; readonly target: BlockId; readonly value: bigint | "otherwise" }
  | { readonly kind: "return"; readonly target: BlockId }
  | { readonly kind: "unwind"; readonly target: BlockId };

function edgesOf(t: Terminator): Edge[] {
  const out: Edge[] = [];
  const unwind = (u: Unwind) => {
    if (u.kind === "cleanup") out.push({ kind: "unwind", target: u.block });
  };
  switch (t.kind) {
    case "goto":
      out.push({ kind: "normal", target: t.target });
      break;
    case "switchInt":
      for (const x of t.targets) out.push({ kind: "switch", target: x.target, value: x.value });
      out.push({ kind: "switch", target: t.otherwise, value: "otherwise" });
      break;
    case "call":
      if (t.target !== undefined) out.push({ kind: "return", target: t.target });
      unwind(t.unwind);
      break;
    case "drop":
    case "assert":
      out.push({ kind: "normal", target: t.target });
      unwind(t.unwind);
      break;
    case "await":
      out.push({ kind: "return", target: t.resume });
      if (t.drop !== undefined) out.push({ kind: "normal", target: t.drop });
      unwind(t.unwind);
      break;
    case "return":
    case "unreachable":
    case "unwindResume":
    case "coroutineDrop":
    case "unset":
      break;
    default:
      assertNever(t, "terminator");
  }
  return out;
}

type InitMode = { readonly kind: "maybeInit" } | { readonly kind: "maybeUninit"; readonly deadUnwinds: ReadonlySet<BlockId> };

/** Entry states per block (undefined: not reachable), plus a way to get the state before a terminator. */
interface InitResults {
  readonly entry: readonly (Uint8Array | undefined)[];
  /** The state just before the terminator of `block` (all its statements applied); undefined if unreachable. */
  beforeTerminator(block: BlockId): Uint8Array | undefined;
}

function solveInits(body: Body, md: MoveData, ctx: DropElabContext, mode: InitMode): InitResults {
  const n = md.paths.length;
  const init = mode.kind === "maybeInit";
  // "present" = the path is initialized: maybeInit sets its bit, maybeUninit clears it.
  const present = (s: Uint8Array, p: number) => (s[p] = init ? 1 : 0);
  const absent = (s: Uint8Array, p: number) => (s[p] = init ? 0 : 1);

  const applyLoc = (s: Uint8Array, b: BlockId, i: number) => {
    const d = md.peek(b, i);
    if (d) {
      for (const m of d.moves) for (const c of md.allChildren(m)) absent(s, c);
      for (const m of d.storageLive) for (const c of md.allChildren(m)) absent(s, c);
      for (const x of d.inits) if (x.kind === "deep") for (const c of md.allChildren(x.path)) present(s, c);
    }
  };
  const statement = (s: Uint8Array, b: BlockId, i: number) => {
    applyLoc(s, b, i);
    const stmt = body.blocks[b]!.statements[i]!;
    // rustc (#90752): a place mutably borrowed may be re-initialized through the reference.
    if (init && stmt.kind === "assign" && ((stmt.rvalue.kind === "ref" && stmt.rvalue.mutable) || stmt.rvalue.kind === "rawPtr")) {
      const found = md.find(stmt.rvalue.place);
      if (found.kind === "exact") for (const c of md.allChildren(found.path)) s[c] = 1;
    }
  };
  const terminator = (s: Uint8Array, b: BlockId) => {
    const block = body.blocks[b]!;
    applyLoc(s, b, block.statements.length);
    const t = block.terminator;
    if (t.kind === "drop") {
      const found = md.find(t.place);
      if (found.kind === "exact") for (const c of md.allChildren(found.path)) absent(s, c);
    }
  };
  const edge = (s: Uint8Array, b: BlockId, e: Edge) => {
    const block = body.blocks[b]!;
    const t = block.terminator;
    if (e.kind === "return") {
      const dest = t.kind === "call" || t.kind === "await" ? t.dest : undefined;
      if (dest) {
        const found = md.find(dest);
        if (found.kind === "exact") for (const c of md.allChildren(found.path)) present(s, c);
      }
    }
    if (e.kind === "switch") {
      const sw = switchOnEnum(body, block, ctx);
      if (!sw || t.kind !== "switchInt") return;
      const inactive = (v: number) =>
        e.value === "otherwise" ? t.targets.some((x) => Number(x.value) === v) : BigInt(v) !== e.value;
      for (const p of inactiveVariantPaths(md, sw, inactive)) absent(s, p);
    }
  };
  const unwindDead = (before: Uint8Array, t: Terminator): boolean => {
    if (t.kind !== "drop" || t.unwind.kind !== "cleanup") return false;
    const found = md.find(t.place);
    return found.kind === "exact" && md.allChildren(found.path).every((c) => before[c] === 0);
  };

  const entry: (Uint8Array | undefined)[] = body.blocks.map(() => undefined);
  if (body.blocks.length === 0) return { entry, beforeTerminator: () => undefined };
  const start = new Uint8Array(n).fill(init ? 0 : 1);
  for (const p of md.argPaths()) present(start, p);
  entry[0] = start;
  const work: BlockId[] = [0];
  const queued = new Set<BlockId>([0]);
  while (work.length) {
    const b = work.shift()!;
    queued.delete(b);
    const s = entry[b]!.slice();
    const block = body.blocks[b]!;
    for (let i = 0; i < block.statements.length; i++) statement(s, b, i);
    const before = s.slice();
    terminator(s, b);
    for (const e of edgesOf(block.terminator)) {
      if (e.kind === "unwind") {
        if (mode.kind === "maybeInit" && unwindDead(before, block.terminator)) continue;
        if (mode.kind === "maybeUninit" && mode.deadUnwinds.has(b)) continue;
      }
      const out = s.slice();
      edge(out, b, e);
      const cur = entry[e.target];
      let changed = false;
      if (!cur) {
        entry[e.target] = out;
        changed = true;
      } else {
        for (let i = 0; i < n; i++)
          if (out[i] && !cur[i]) {
            cur[i] = 1;
            changed = true;
          }
      }
      if (changed && !queued.has(e.target)) {
        queued.add(e.target);
        work.push(e.target);
      }
    }
  }
  return {
    entry,
    beforeTerminator(b) {
      const e = entry[b];
      if (!e) return undefined;
      const s = e.slice();
      for (let i = 0; i < body.blocks[b]!.statements.length; i++) statement(s, b, i);
      return s;
    },
  };
}

/** rustc's `compute_dead_unwinds`: drops whose unwind edge cannot be taken, their place being uninitialized. */
function computeDeadUnwinds(body: Body, md: MoveData, inits: InitResults): Set<BlockId> {
  const dead = new Set<BlockId>();
  body.blocks.forEach((block, b) => {
    const t = block.terminator;
    if (t.kind !== "drop" || t.unwind.kind !== "cleanup") return;
    const before = inits.beforeTerminator(b);
    if (!before) return;
    const found = md.find(t.place);
    if (found.kind === "exact" && md.allChildren(found.path).every((c) => before[c] === 0)) dead.add(b);
  });
  return dead;
}

/** rustc's `switch_on_enum_discriminant`: the enum place whose discriminant `block` switches on, if any. */
function switchOnEnum(body: Body, block: BasicBlock, ctx: DropElabContext): Place | undefined {
  const t = block.terminator;
  if (t.kind !== "switchInt" || t.discr.kind === "const" || t.discr.place.projection.length) return undefined;
  const last = block.statements[block.statements.length - 1];
  if (!last || last.kind !== "assign" || last.rvalue.kind !== "discriminant") return undefined;
  if (last.place.local !== t.discr.place.local || last.place.projection.length) return undefined;
  const enumPlace = last.rvalue.place;
  return ctx.enumVariants(placeTy(body, enumPlace, ctx)) ? enumPlace : undefined;
}

/** The move paths of the variants of `enumPlace` for which `inactive(variant)`, with their children. */
function inactiveVariantPaths(md: MoveData, enumPlace: Place, inactive: (variant: number) => boolean): number[] {
  const found = md.find(enumPlace);
  if (found.kind !== "exact") return [];
  const out: number[] = [];
  for (const c of md.paths[found.path]!.children) {
    const last = md.paths[c]!.place.projection.at(-1);
    if (last?.kind === "downcast" && inactive(last.variant)) out.push(...md.allChildren(c));
  }
  return out;
}

/** The type of a place (field projections carry their type; `deref` of a Box or pointer, downcast). */
export function placeTy(body: Body, p: Place, ctx: Pick<DropElabContext, "boxDef">): Ty {
  let ty = body.locals[p.local]!.ty;
  for (const e of p.projection) {
    switch (e.kind) {
      case "deref":
        if (ty.k === "ref" || ty.k === "ptr") ty = ty.inner;
        else if (ty.k === "adt" && ty.def === ctx.boxDef && ty.args[0]) ty = ty.args[0];
        else ty = { k: "error" };
        break;
      case "field":
        ty = e.ty;
        break;
      case "downcast":
        break;
      case "index":
      case "constIndex":
        ty = ty.k === "array" || ty.k === "slice" ? ty.elem : { k: "error" };
        break;
      case "subslice":
        break;
      default:
        assertNever(e, "projection");
    }
  }
  return ty;
}

// ---------------------------------------------------------------------------------------------------
// The elaboration itself (rustc's `ElaborateDropsCtxt` and `DropCtxt`)

/**
 * Where a drop being elaborated unwinds to: a cleanup block; out of the body (`resume`: a block
 * `unwindResume` is made if a drop ladder needs one); nowhere, inside a cleanup block; nowhere, because
 * the drop cannot unwind.
 */
type UnwindTo =
  | { readonly kind: "to"; readonly block: BlockId }
  | { readonly kind: "resume" }
  | { readonly kind: "inCleanup" }
  | { readonly kind: "none" };

type DropStyle = "dead" | "static" | "conditional" | "open";

interface DropCtxt {
  readonly place: Place;
  readonly path: number;
  readonly succ: BlockId;
  readonly unwind: UnwindTo;
  readonly span: Span;
  /** MaybeInit / MaybeUninit just before the original drop terminator. */
  readonly init: Uint8Array;
  readonly uninit: Uint8Array;
}

const FALSE: Operand = { kind: "const", value: { kind: "bool", value: false }, ty: { k: "bool" } };
const TRUE: Operand = { kind: "const", value: { kind: "bool", value: true }, ty: { k: "bool" } };

class Elaborator {
  private readonly locals: LocalDecl[];
  private readonly blocks: BasicBlock[];
  /** Drop flag local per move path. */
  private readonly flags = new Map<number, Local>();
  /** Statements to insert before (block, index) of an original block, in the order added. */
  private readonly inserts = new Map<string, Statement[]>();
  private resumeBlock: BlockId | undefined;
  private readonly originalCount: number;

  constructor(
    private readonly body: Body,
    private readonly ctx: DropElabContext,
    private readonly md: MoveData,
    private readonly inits: InitResults,
    private readonly uninits: InitResults,
  ) {
    this.locals = [...body.locals];
    this.blocks = body.blocks.map((b) => ({ statements: [...b.statements], terminator: b.terminator, cleanup: b.cleanup }));
    this.originalCount = body.blocks.length;
  }

  finish(): ElaborateResult {
    // Apply the statement insertions, from the last location of each block backwards.
    const byBlock = new Map<BlockId, { index: number; stmts: Statement[] }[]>();
    for (const [key, stmts] of this.inserts) {
      const [b, i] = key.split(":").map(Number) as [number, number];
      const list = byBlock.get(b) ?? [];
      list.push({ index: i, stmts });
      byBlock.set(b, list);
    }
    for (const [b, list] of byBlock) {
      list.sort((x, y) => y.index - x.index);
      const block = this.blocks[b]!;
      for (const { index, stmts } of list) block.statements.splice(index, 0, ...stmts);
    }
    const dropFlags = [...this.flags].map(([path, local]) => ({ local, place: this.md.paths[path]!.place }));
    return { body: { ...this.body, locals: this.locals, blocks: this.blocks }, dropFlags };
  }

  // --- phase 1: which paths need a flag ---------------------------------------------------------

  collectDropFlags(): void {
    for (let b = 0; b < this.originalCount; b++) {
      const t = this.body.blocks[b]!.terminator;
      if (t.kind !== "drop") continue;
      if (!this.ctx.needsDrop(placeTy(this.body, t.place, this.ctx))) continue;
      const found = this.md.find(t.place);
      if (found.kind !== "exact") continue;
      const init = this.inits.beforeTerminator(b);
      const uninit = this.uninits.beforeTerminator(b);
      if (!init || !uninit) continue;
      for (const c of this.md.allChildren(found.path)) if (init[c] && uninit[c]) this.createDropFlag(c);
    }
  }

  private createDropFlag(path: number): Local {
    let f = this.flags.get(path);
    if (f === undefined) {
      f = this.locals.length;
      const owner = this.body.locals[this.md.paths[path]!.place.local]!;
      this.locals.push({ ty: { k: "bool" }, kind: "dropflag", name: undefined, source: undefined, mutable: true, span: owner.span });
      this.flags.set(path, f);
    }
    return f;
  }

  // --- phase 2: rewrite each drop -----------------------------------------------------------------

  elaborateDrops(): void {
    for (let b = 0; b < this.originalCount; b++) {
      const block = this.body.blocks[b]!;
      const t = block.terminator;
      if (t.kind !== "drop") continue;
      if (!this.ctx.needsDrop(placeTy(this.body, t.place, this.ctx))) {
        this.blocks[b]!.terminator = { kind: "goto", target: t.target, span: t.span };
        continue;
      }
      const found = this.md.find(t.place);
      // No path for the place (behind a reference, say): the drop stays unconditional, as in rustc.
      if (found.kind !== "exact") continue;
      const init = this.inits.beforeTerminator(b) ?? new Uint8Array(this.md.paths.length);
      const uninit = this.uninits.beforeTerminator(b) ?? new Uint8Array(this.md.paths.length);
      const unwind: UnwindTo = block.cleanup
        ? { kind: "inCleanup" }
        : t.unwind.kind === "cleanup"
          ? { kind: "to", block: t.unwind.block }
          : t.unwind.kind === "continue"
            ? { kind: "resume" }
            : { kind: "none" };
      const c: DropCtxt = { place: t.place, path: found.path, succ: t.target, unwind, span: t.span, init, uninit };
      this.elaborateDrop(c, b, t.unwind);
    }
  }

  private dropStyle(c: DropCtxt, path: number, mode: "shallow" | "deep"): DropStyle {
    let someInit = false;
    let someUninit = false;
    let count = 0;
    for (const p of mode === "deep" ? this.md.allChildren(path) : [path]) {
      someInit ||= c.init[p] === 1;
      someUninit ||= c.uninit[p] === 1;
      count++;
    }
    if (!someInit) return "dead";
    if (!someUninit) return "static";
    return count === 1 ? "conditional" : "open";
  }

  /** Rewrites the drop terminator of block `bb` (original or new) according to its style. */
  private elaborateDrop(c: DropCtxt, bb: BlockId, originalUnwind?: Unwind): void {
    const style = this.dropStyle(c, c.path, "deep");
    switch (style) {
      case "dead":
        this.blocks[bb]!.terminator = { kind: "goto", target: c.succ, span: c.span };
        return;
      case "static":
        this.blocks[bb]!.terminator = { kind: "drop", place: c.place, target: c.succ, unwind: originalUnwind ?? this.unwindAction(c.unwind), span: c.span };
        return;
      case "conditional":
        this.blocks[bb]!.terminator = { kind: "goto", target: this.completeDrop(c, c.succ, c.unwind), span: c.span };
        return;
      case "open":
        this.blocks[bb]!.terminator = { kind: "goto", target: this.openDrop(c), span: c.span };
        return;
      default:
        assertNever(style, "drop style");
    }
  }

  private unwindAction(u: UnwindTo): Unwind {
    switch (u.kind) {
      case "to":
        return { kind: "cleanup", block: u.block };
      case "resume":
        return { kind: "continue" };
      case "inCleanup":
      case "none":
        return { kind: "unreachable" };
      default:
        return assertNever(u, "unwind");
    }
  }

  private isCleanup(u: UnwindTo): boolean {
    return u.kind === "inCleanup";
  }

  private newBlock(statements: Statement[], terminator: Terminator, cleanup: boolean): BlockId {
    this.blocks.push({ statements, terminator, cleanup });
    return this.blocks.length - 1;
  }

  private getResumeBlock(): BlockId {
    this.resumeBlock ??= this.newBlock([], { kind: "unwindResume", span: this.body.span }, true);
    return this.resumeBlock;
  }

  /** `drop(place)` unconditionally, then `succ`. */
  private dropBlock(c: DropCtxt, succ: BlockId, unwind: UnwindTo): BlockId {
    return this.newBlock([], { kind: "drop", place: c.place, target: succ, unwind: this.unwindAction(unwind), span: c.span }, this.isCleanup(unwind));
  }

  private completeDrop(c: DropCtxt, succ: BlockId, unwind: UnwindTo): BlockId {
    const drop = this.dropBlock(c, succ, unwind);
    return this.dropFlagTestBlock(c, drop, succ, unwind);
  }

  /** `if flag(c.path) { onSet } else { onUnset }`, or just one of them when the answer is known. */
  private dropFlagTestBlock(c: DropCtxt, onSet: BlockId, onUnset: BlockId, unwind: UnwindTo): BlockId {
    const style = this.dropStyle(c, c.path, "shallow");
    switch (style) {
      case "dead":
        return onUnset;
      case "static":
        return onSet;
      case "conditional":
      case "open": {
        const flag = this.createDropFlag(c.path);
        return this.newBlock(
          [],
          { kind: "switchInt", discr: { kind: "copy", place: { local: flag, projection: [] } }, targets: [{ value: 0n, target: onUnset }], otherwise: onSet, span: c.span },
          this.isCleanup(unwind),
        );
      }
      default:
        return assertNever(style, "drop style");
    }
  }

  private openDrop(c: DropCtxt): BlockId {
    const ty = placeTy(this.body, c.place, this.ctx);
    switch (ty.k) {
      case "tuple":
        return this.openDropForFields(c, ty.elems.map((t, i) => this.fieldOf(c, i, t)));
      case "closure": {
        const tys = this.ctx.fieldTys(ty, undefined);
        return tys ? this.openDropForFields(c, tys.map((t, i) => this.fieldOf(c, i, t))) : this.completeDrop(c, c.succ, c.unwind);
      }
      case "adt": {
        if (ty.def === this.ctx.boxDef) return this.openDropForBox(c, ty);
        if (this.ctx.enumVariants(ty)) return this.openDropForEnum(c, ty);
        const tys = this.ctx.fieldTys(ty, undefined);
        return tys ? this.openDropForFields(c, tys.map((t, i) => this.fieldOf(c, i, t))) : this.completeDrop(c, c.succ, c.unwind);
      }
      default:
        // FIXME: arrays moved out of by constant index (`let [a, _] = arr`) are dropped whole, as if
        // nothing had moved; rustc drops the remaining elements one by one.
        return this.completeDrop(c, c.succ, c.unwind);
    }
  }

  private fieldOf(c: DropCtxt, index: number, ty: Ty, base: Place = c.place, basePath: number = c.path): { place: Place; path: number | undefined; ty: Ty } {
    const elem: ProjectionElem = { kind: "field", index, ty };
    return { place: { local: base.local, projection: [...base.projection, elem] }, path: this.md.child(basePath, elem), ty };
  }

  /** Struct, tuple, closure: reset our flag at the bottom, then drop the fields in order. */
  private openDropForFields(c: DropCtxt, fields: { place: Place; path: number | undefined; ty: Ty }[]): BlockId {
    const [succ, unwind] = this.dropLadderBottom(c);
    return this.dropLadder(c, fields, succ, unwind);
  }

  /** rustc's `drop_ladder_bottom`: where the field ladder ends — a block clearing this path's flag. */
  private dropLadderBottom(c: DropCtxt): [BlockId, UnwindTo] {
    return [this.dropFlagResetBlock(c, "shallow", c.succ, c.unwind), c.unwind];
  }

  private dropFlagResetBlock(c: DropCtxt, mode: "shallow" | "deep", succ: BlockId, unwind: UnwindTo): BlockId {
    // On the unwind path the flag is not read again.
    if (this.isCleanup(unwind)) return succ;
    const stmts: Statement[] = [];
    for (const p of mode === "deep" ? this.md.allChildren(c.path) : [c.path]) {
      const f = this.flags.get(p);
      if (f !== undefined) stmts.push(this.setFlag(f, FALSE, c.span));
    }
    return this.newBlock(stmts, { kind: "goto", target: succ, span: c.span }, false);
  }

  /** rustc's `drop_ladder`: drop each field that needs it, in order; on unwind, drop the rest. */
  private dropLadder(c: DropCtxt, all: { place: Place; path: number | undefined; ty: Ty }[], succ: BlockId, unwindIn: UnwindTo): BlockId {
    const fields = all.filter((f) => this.ctx.needsDrop(f.ty));
    // The remaining fields are dropped while unwinding too: that needs a block to unwind to.
    const unwind: UnwindTo = unwindIn.kind === "resume" && fields.length > 1 ? { kind: "to", block: this.getResumeBlock() } : unwindIn;
    const unwindLadder: UnwindTo[] =
      unwind.kind === "to"
        ? this.dropHalfladder(c, fields.map(() => ({ kind: "inCleanup" }) as UnwindTo), unwind.block, fields).map((b) => ({ kind: "to", block: b }))
        : fields.map(() => unwind).concat([unwind]);
    const normal = this.dropHalfladder(c, unwindLadder, succ, fields);
    return normal[normal.length - 1]!;
  }

  /** Builds the chain last field first: returns [succ, drop(last) → succ, drop(last-1) → …]. */
  private dropHalfladder(c: DropCtxt, unwindLadder: UnwindTo[], succ: BlockId, fields: { place: Place; path: number | undefined; ty: Ty }[]): BlockId[] {
    const out = [succ];
    let next = succ;
    [...fields].reverse().forEach((f, i) => {
      next = this.dropSubpath(c, f.place, f.path, next, unwindLadder[i] ?? { kind: "inCleanup" });
      out.push(next);
    });
    return out;
  }

  private dropSubpath(c: DropCtxt, place: Place, path: number | undefined, succ: BlockId, unwind: UnwindTo): BlockId {
    if (path !== undefined) {
      // A field with its own move path: a drop of it, elaborated by its own style.
      const sub: DropCtxt = { ...c, place, path, succ, unwind };
      const blk = this.newBlock([], { kind: "drop", place, target: succ, unwind: this.unwindAction(unwind), span: c.span }, this.isCleanup(unwind));
      this.elaborateDrop(sub, blk);
      return blk;
    }
    // A field never moved on its own: dropped if its parent is (conditioned on the parent's flag).
    const rest: DropCtxt = { ...c, place, succ, unwind };
    return this.completeDrop(rest, succ, unwind);
  }

  /** rustc's `open_drop_for_multivariant`: switch on the discriminant, drop the active variant's fields. */
  private openDropForEnum(c: DropCtxt, ty: Ty): BlockId {
    const [succ, unwind] = this.dropLadderBottom(c);
    const variants = this.ctx.enumVariants(ty)!;
    const values: bigint[] = [];
    const normalBlocks: BlockId[] = [];
    let haveOtherwise = false;
    let haveOtherwiseWithDropGlue = false;
    for (let v = variants.length - 1; v >= 0; v--) {
      const downcast: ProjectionElem = { kind: "downcast", variant: v, name: variants[v]! };
      const variantPath = this.md.child(c.path, downcast);
      const tys = this.ctx.fieldTys(ty, v) ?? [];
      if (variantPath !== undefined) {
        const base: Place = { local: c.place.local, projection: [...c.place.projection, downcast] };
        const fields = tys.map((t, i) => this.fieldOf(c, i, t, base, variantPath));
        values.push(BigInt(v));
        normalBlocks.push(this.dropLadder(c, fields, succ, unwind));
      } else {
        haveOtherwise = true;
        if (tys.some((t) => this.ctx.needsDrop(t))) haveOtherwiseWithDropGlue = true;
      }
    }
    if (!haveOtherwise) values.pop();
    else if (!haveOtherwiseWithDropGlue) normalBlocks.push(this.newBlock([], { kind: "goto", target: succ, span: c.span }, this.isCleanup(unwind)));
    else normalBlocks.push(this.dropBlock(c, succ, unwind));

    // rustc's `adt_switch_block`: `_d = discriminant(place); switchInt(move _d)`, behind our flag.
    const d = this.locals.length;
    this.locals.push({ ty: { k: "int", kind: "isize" }, kind: "temp", name: undefined, source: undefined, mutable: true, span: c.span });
    const dPlace: Place = { local: d, projection: [] };
    const sw = this.newBlock(
      [{ kind: "assign", place: dPlace, rvalue: { kind: "discriminant", place: c.place }, span: c.span }],
      {
        kind: "switchInt",
        discr: { kind: "move", place: dPlace },
        targets: values.map((value, i) => ({ value, target: normalBlocks[i]! })),
        otherwise: normalBlocks[normalBlocks.length - 1]!,
        span: c.span,
      },
      this.isCleanup(unwind),
    );
    return this.dropFlagTestBlock(c, sw, succ, unwind);
  }

  /** A Box whose contents were moved out (`let x = *b`): drop what is left inside, then free the box. */
  private openDropForBox(c: DropCtxt, ty: Ty & { k: "adt" }): BlockId {
    const [succ, unwind] = this.dropLadderBottom(c);
    const free = this.boxFreeBlock(c, succ, unwind);
    const unwindTo: UnwindTo = unwind.kind === "resume" ? { kind: "to", block: this.getResumeBlock() } : unwind;
    const unwindFree: UnwindTo = unwindTo.kind === "to" ? { kind: "to", block: this.boxFreeBlock(c, unwindTo.block, { kind: "inCleanup" }) } : unwindTo;
    const deref: ProjectionElem = { kind: "deref" };
    const interior: Place = { local: c.place.local, projection: [...c.place.projection, deref] };
    void ty;
    return this.dropSubpath(c, interior, this.md.child(c.path, deref), free, unwindFree);
  }

  /** Frees a Box's allocation without dropping its contents: `_t = &mut b; box_free(move _t)`. */
  private boxFreeBlock(c: DropCtxt, succ: BlockId, unwind: UnwindTo): BlockId {
    const t = this.locals.length;
    const boxTy = placeTy(this.body, c.place, this.ctx);
    this.locals.push({ ty: { k: "ref", mutable: true, inner: boxTy }, kind: "temp", name: undefined, source: undefined, mutable: false, span: c.span });
    const tPlace: Place = { local: t, projection: [] };
    const unit = this.locals.length;
    this.locals.push({ ty: { k: "tuple", elems: [] }, kind: "temp", name: undefined, source: undefined, mutable: false, span: c.span });
    return this.newBlock(
      [{ kind: "assign", place: tPlace, rvalue: { kind: "ref", mutable: true, place: c.place }, span: c.span }],
      {
        kind: "call",
        func: { kind: "const", value: { kind: "intrinsic", name: "box_free" }, ty: { k: "tuple", elems: [] } },
        args: [{ kind: "move", place: tPlace }],
        dest: { local: unit, projection: [] },
        target: succ,
        unwind: this.unwindAction(unwind),
        span: c.span,
      },
      this.isCleanup(unwind),
    );
  }

  // --- phase 3: set the flags ---------------------------------------------------------------------

  private setFlag(flag: Local, value: Operand, span: Span): Statement {
    return { kind: "assign", place: { local: flag, projection: [] }, rvalue: { kind: "use", operand: value }, span };
  }

  private insert(block: BlockId, index: number, stmt: Statement): void {
    const key = `${block}:${index}`;
    const list = this.inserts.get(key) ?? [];
    list.push(stmt);
    this.inserts.set(key, list);
  }

  private setFlagsAt(block: BlockId, index: number, paths: number[], value: Operand): void {
    const span = this.spanAt(block, index);
    for (const p of paths) {
      const f = this.flags.get(p);
      if (f !== undefined) this.insert(block, index, this.setFlag(f, value, span));
    }
  }

  private spanAt(block: BlockId, index: number): Span {
    const b = this.body.blocks[block]!;
    const s = b.statements[index];
    if (s) return s.span;
    const t = b.terminator;
    return t.kind === "unset" ? this.body.span : t.span;
  }

  dropFlagsOnInit(): void {
    for (const f of this.flags.values()) this.insert(0, 0, this.setFlag(f, FALSE, this.body.span));
  }

  /**
   * A call that can unwind into a cleanup block, and every await, initializes its destination on the
   * return / resume edge: the flag is set at the start of the target block — through a new block when
   * the target has other predecessors (rustc's `AddCallGuards` guarantees it has none).
   */
  dropFlagsForFnRets(): void {
    const preds = this.originalPredecessorCounts();
    for (let b = 0; b < this.originalCount; b++) {
      const t = this.body.blocks[b]!.terminator;
      const onEdge = (t.kind === "call" && t.target !== undefined && t.unwind.kind === "cleanup") || t.kind === "await";
      if (!onEdge) continue;
      const dest = t.dest;
      const target = t.kind === "call" ? t.target! : t.resume;
      const found = this.md.find(dest);
      if (found.kind !== "exact") continue;
      const paths = this.md.allChildren(found.path).filter((p) => this.flags.has(p));
      if (!paths.length) continue;
      if ((preds.get(target) ?? 0) <= 1 && target !== 0) {
        this.setFlagsAt(target, 0, paths, TRUE);
      } else {
        const span = t.span;
        const guard = this.newBlock(
          paths.map((p) => this.setFlag(this.flags.get(p)!, TRUE, span)),
          { kind: "goto", target, span },
          this.body.blocks[target]!.cleanup,
        );
        const cur = this.blocks[b]!.terminator;
        if (cur.kind === "call") this.blocks[b]!.terminator = { ...cur, target: guard };
        else if (cur.kind === "await") this.blocks[b]!.terminator = { ...cur, resume: guard };
      }
    }
  }

  private originalPredecessorCounts(): Map<BlockId, number> {
    const counts = new Map<BlockId, number>();
    for (let b = 0; b < this.originalCount; b++)
      for (const e of edgesOf(this.body.blocks[b]!.terminator)) counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
    return counts;
  }

  dropFlagsForArgs(): void {
    this.setFlagsAt(0, 0, this.md.argPaths(), TRUE);
  }

  dropFlagsForLocs(): void {
    for (let b = 0; b < this.originalCount; b++) {
      const block = this.body.blocks[b]!;
      for (let i = 0; i <= block.statements.length; i++) {
        const isTerm = i === block.statements.length;
        // A drop sets its flags itself (in the blocks elaboration made).
        if (isTerm && block.terminator.kind === "drop") continue;
        const d = this.md.peek(b, i);
        if (d) {
          for (const m of d.moves) this.setFlagsAt(b, i, this.md.allChildren(m), FALSE);
          for (const x of d.inits) if (x.kind === "deep") this.setFlagsAt(b, i, this.md.allChildren(x.path), TRUE);
        }
      }
      // A call that cannot unwind into a cleanup block: mark its destination initialized before it.
      const t = block.terminator;
      if (t.kind === "call" && t.target !== undefined && t.unwind.kind !== "cleanup") {
        const found = this.md.find(t.dest);
        if (found.kind === "exact") this.setFlagsAt(b, block.statements.length, this.md.allChildren(found.path), TRUE);
      }
    }
  }
}
