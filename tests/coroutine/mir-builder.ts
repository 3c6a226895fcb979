// Hand-built MIR for unit tests: a tiny builder and a fake type context.
//
//     const m = new TestMir("foo");                  // an async fn body: _0 return, _1 coroutine, _2 resume arg
//     const s = m.var("s", STRING);                   // _3
//     m.block([live(s)], call(s, "String::from", [], 1, 9));
//     m.block([...], awaitT(aw, m.temp(UNIT), 4, { drop: 8, unwind: 9 }));
//     const body = m.finish();
//
// Types are fake ADTs with fixed def ids (String, Vec, Box, a struct Pair of two Strings, an enum
// Msg { Quit, Say(String) }) and `testCtx` answers drop elaboration's questions about them.

import type { DropElabContext } from "../../src/mir/elaborate.js";
import type {
  BasicBlock,
  BlockId,
  Body,
  BodyKind,
  Local,
  LocalDecl,
  LocalKind,
  Operand,
  Place,
  ProjectionElem,
  Rvalue,
  Statement,
  Terminator,
  Unwind,
} from "../../src/mir/types.js";
import type { Ty } from "../../src/resolve/ty.js";
import type { Span } from "../../src/syntax/source.js";

export const SP: Span = { lo: 0, hi: 0 };

export const I32: Ty = { k: "int", kind: "i32" };
export const USIZE: Ty = { k: "int", kind: "usize" };
export const BOOL: Ty = { k: "bool" };
export const UNIT: Ty = { k: "tuple", elems: [] };
export const STRING: Ty = { k: "adt", def: 1, args: [] };
export const VEC_I32: Ty = { k: "adt", def: 2, args: [I32] };
export const BOX_DEF = 3;
export const boxOf = (t: Ty): Ty => ({ k: "adt", def: BOX_DEF, args: [t] });
/** `struct Pair { left: String, right: String }` */
export const PAIR: Ty = { k: "adt", def: 10, args: [] };
/** `enum Msg { Quit, Say(String) }` */
export const MSG: Ty = { k: "adt", def: 11, args: [] };
/** `struct Guard(i32)` with `impl Drop`. */
export const GUARD: Ty = { k: "adt", def: 12, args: [] };
/** `struct Plain { a: i32, b: i32 }`: Copy, no drop glue. */
export const PLAIN: Ty = { k: "adt", def: 13, args: [] };
/** A future (of some `async fn`): needs drop. */
export const FUT: Ty = { k: "future", node: 99, def: 50, args: [], output: UNIT };
export const refTo = (t: Ty, mutable = false): Ty => ({ k: "ref", mutable, inner: t });

export const testCtx: DropElabContext = {
  needsDrop(ty) {
    switch (ty.k) {
      case "adt":
        return ty.def !== 13;
      case "future":
      case "param":
        return true;
      case "tuple":
        return ty.elems.some((e) => testCtx.needsDrop(e));
      case "array":
        return testCtx.needsDrop(ty.elem);
      default:
        return false;
    }
  },
  fieldTys(ty, variant) {
    if (ty.k !== "adt") return undefined;
    if (ty.def === 10) return [STRING, STRING];
    if (ty.def === 11) return variant === 1 ? [STRING] : variant === 0 ? [] : undefined;
    if (ty.def === 12) return [I32];
    if (ty.def === 13) return [I32, I32];
    return undefined;
  },
  enumVariants: (ty) => (ty.k === "adt" && ty.def === 11 ? ["Quit", "Say"] : undefined),
  hasDropImpl: (ty) => ty.k === "adt" && (ty.def === 12 || ty.def === 1 || ty.def === 2),
  boxDef: BOX_DEF,
};

export class TestMir {
  readonly locals: LocalDecl[] = [];
  readonly blocks: BasicBlock[] = [];
  readonly upvars: { name: string; ty: Ty; byRef: boolean; source: undefined }[] = [];
  private readonly argCount: number;

  /** For a plain fn (`kind: "fn"`), `args` are its parameters `_1`…. */
  constructor(
    readonly name: string,
    readonly kind: BodyKind = "asyncFn",
    ret: Ty = UNIT,
    args: readonly { name: string; ty: Ty }[] = [],
  ) {
    this.decl(ret, "return", undefined);
    if (kind === "asyncFn" || kind === "asyncBlock") {
      this.decl(FUT, "arg", undefined);
      this.decl(UNIT, "arg", undefined);
      this.argCount = 2;
    } else {
      for (const a of args) this.decl(a.ty, "arg", a.name);
      this.argCount = args.length;
    }
  }

  private decl(ty: Ty, kind: LocalKind, name: string | undefined, span: Span = SP): Local {
    this.locals.push({ ty, kind, name, source: undefined, mutable: true, span });
    return this.locals.length - 1;
  }

  /** A user variable. */
  var(name: string, ty: Ty, span: Span = SP): Local {
    return this.decl(ty, "var", name, span);
  }
  /** A compiler-named local (`__awaitee`, `iter`). */
  named(name: string, ty: Ty): Local {
    return this.decl(ty, "named", name);
  }
  temp(ty: Ty): Local {
    return this.decl(ty, "temp", undefined);
  }
  upvar(name: string, ty: Ty): void {
    this.upvars.push({ name, ty, byRef: false, source: undefined });
  }

  /** Appends a block; returns its id (blocks are numbered in the order added). */
  block(statements: Statement[], terminator: Terminator, opts: { cleanup?: boolean } = {}): BlockId {
    this.blocks.push({ statements, terminator, cleanup: opts.cleanup ?? false });
    return this.blocks.length - 1;
  }

  finish(): Body {
    return {
      kind: this.kind,
      node: 0,
      def: undefined,
      name: this.name,
      span: SP,
      locals: this.locals,
      blocks: this.blocks,
      argCount: this.argCount,
      upvars: this.upvars,
      output: UNIT,
      localMap: new Map(),
    };
  }
}

// --- places, operands, rvalues ---------------------------------------------------------------------

export const pl = (local: Local, ...projection: ProjectionElem[]): Place => ({ local, projection });
export const field = (index: number, ty: Ty): ProjectionElem => ({ kind: "field", index, ty });
export const deref: ProjectionElem = { kind: "deref" };
export const downcast = (variant: number, name: string): ProjectionElem => ({ kind: "downcast", variant, name });
const asPlace = (p: Local | Place): Place => (typeof p === "number" ? pl(p) : p);
export const copy = (p: Local | Place): Operand => ({ kind: "copy", place: asPlace(p) });
export const move = (p: Local | Place): Operand => ({ kind: "move", place: asPlace(p) });
export const cint = (value: number, ty: Ty = I32): Operand => ({ kind: "const", value: { kind: "int", value: BigInt(value) }, ty });
export const cunit: Operand = { kind: "const", value: { kind: "unit" }, ty: UNIT };
export const cbool = (value: boolean): Operand => ({ kind: "const", value: { kind: "bool", value }, ty: BOOL });
export const fn = (name: string): Operand => ({ kind: "const", value: { kind: "intrinsic", name }, ty: UNIT });

export const use = (o: Operand): Rvalue => ({ kind: "use", operand: o });
export const ref = (p: Local | Place, mutable = false): Rvalue => ({ kind: "ref", mutable, place: asPlace(p) });
export const raw = (p: Local | Place, mutable = false): Rvalue => ({ kind: "rawPtr", mutable, place: asPlace(p) });
export const add = (a: Operand, b: Operand): Rvalue => ({ kind: "binary", op: "Add", lhs: a, rhs: b });
export const discr = (p: Local | Place): Rvalue => ({ kind: "discriminant", place: asPlace(p) });
export const agg = (...operands: Operand[]): Rvalue => ({ kind: "aggregate", agg: { kind: "tuple" }, operands });

// --- statements --------------------------------------------------------------------------------------

export const live = (local: Local): Statement => ({ kind: "storageLive", local, span: SP });
export const dead = (local: Local): Statement => ({ kind: "storageDead", local, span: SP });
export const assign = (p: Local | Place, rvalue: Rvalue): Statement => ({ kind: "assign", place: asPlace(p), rvalue, span: SP });

// --- terminators -------------------------------------------------------------------------------------

const unwindOf = (u: BlockId | "continue" | "unreachable" | undefined): Unwind =>
  u === undefined || u === "continue" ? { kind: "continue" } : u === "unreachable" ? { kind: "unreachable" } : { kind: "cleanup", block: u };

export const goto = (target: BlockId): Terminator => ({ kind: "goto", target, span: SP });
export const ret = (): Terminator => ({ kind: "return", span: SP });
export const resume = (): Terminator => ({ kind: "unwindResume", span: SP });
export const coroutineDrop = (): Terminator => ({ kind: "coroutineDrop", span: SP });
export const switchIf = (d: Operand, ifTrue: BlockId, ifFalse: BlockId): Terminator => ({
  kind: "switchInt",
  discr: d,
  targets: [{ value: 0n, target: ifFalse }],
  otherwise: ifTrue,
  span: SP,
});
export const switchOn = (d: Operand, arms: [number, BlockId][], otherwise: BlockId): Terminator => ({
  kind: "switchInt",
  discr: d,
  targets: arms.map(([v, target]) => ({ value: BigInt(v), target })),
  otherwise,
  span: SP,
});
export const call = (
  dest: Local | Place,
  name: string,
  args: Operand[],
  target: BlockId | undefined,
  unwind?: BlockId | "continue" | "unreachable",
): Terminator => ({ kind: "call", func: fn(name), args, dest: asPlace(dest), target, unwind: unwindOf(unwind), span: SP });
export const drop = (p: Local | Place, target: BlockId, unwind?: BlockId | "continue" | "unreachable"): Terminator => ({
  kind: "drop",
  place: asPlace(p),
  target,
  unwind: unwindOf(unwind),
  span: SP,
});
export const awaitT = (
  awaitee: Local,
  dest: Local | Place,
  resumeTo: BlockId,
  opts: { drop?: BlockId; unwind?: BlockId; index?: number } = {},
): Terminator => ({
  kind: "await",
  awaitee,
  dest: asPlace(dest),
  resume: resumeTo,
  drop: opts.drop,
  unwind: unwindOf(opts.unwind),
  span: SP,
  awaitSpan: SP,
  index: opts.index ?? 0,
});

/** Sorted names (or `_N` for unnamed locals) of a set of locals of `body`. */
export function names(body: Body, locals: Iterable<number>): string[] {
  return [...locals].map((l) => body.locals[l]!.name ?? `_${l}`).sort();
}
