// pinion's MIR: a small cousin of rustc's. Each fn body, closure body and async body is a control-flow
// graph of basic blocks; each block is a list of statements and one terminator. Values live in
// numbered locals; temporaries are explicit; storage (StorageLive/StorageDead), drops and unwinding are
// spelled out the way rustc's MIR builder spells them, because the coroutine layout is a function of
// exactly that: which locals are used, borrowed and storage-live at each suspend point.
//
// Example: `async fn foo() { let s = String::from("hi"); let r = &s; bar().await; use_it(r); }`
//
//   bb0: StorageLive(_1 s); _1 = String::from(const "hi") -> [return: bb1, unwind: continue]
//   bb1: StorageLive(_2 r); _2 = &_1; StorageLive(_4); _4 = bar() -> [return: bb2, unwind: bb9]
//   bb2: _3 __awaitee = IntoFuture::into_future(move _4) -> [return: bb3, unwind: bb9]
//   bb3: await _3 into _5 -> [resume: bb4, drop: bb8, unwind: bb9]        (Suspend0)
//   …
//   bb9 (cleanup): drop(_1 s) -> bb10
//
// At the `await` in bb3, `s` is storage-live and was borrowed (`_2 = &_1`), `r` is used after, and
// `__awaitee` is polled again on resume: Suspend0 stores {s, r, __awaitee}.
//
// `Await` is one terminator rather than rustc's `loop { match poll(..) { .. } yield }`: it stands for
// that whole loop. Its semantics for the analyses: on entry it reads (and mutably borrows) the
// awaitee; it may suspend (the suspend point) any number of times; it resumes to `resume` writing the
// output into `dest`, or, if the future is dropped while suspended, continues at `drop`; polling can
// unwind to `unwind`.

import type { NodeId } from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { DefId, Ty } from "../resolve/ty.js";
import type { LocalId } from "../resolve/program.js";

export type Local = number;
export type BlockId = number;

export const RETURN_PLACE: Local = 0;

export type LocalKind =
  /** `_0`, the return place. */
  | "return"
  /** A parameter of the body (`_1`…`_argCount`). For async bodies: the upvars' container. */
  | "arg"
  /** A user variable (a binding in a pattern). */
  | "var"
  /** A temporary. */
  | "temp"
  /** A compiler-introduced named local: `__awaitee`, `iter`, `pinned`. */
  | "named"
  /** A drop flag added by drop elaboration. */
  | "dropflag";

export interface LocalDecl {
  readonly ty: Ty;
  readonly kind: LocalKind;
  /** The name rustc's debuginfo gives it, if any (`s`, `__awaitee`, `iter`, `self`, `__arg0`). */
  readonly name: string | undefined;
  /** For `var`: the resolve/ local it stands for. */
  readonly source: LocalId | undefined;
  readonly mutable: boolean;
  readonly span: Span;
}

export type ProjectionElem =
  | { readonly kind: "deref" }
  /** Field `index` of a struct, tuple, closure environment or (after a downcast) enum variant. */
  | { readonly kind: "field"; readonly index: number; readonly ty: Ty }
  /** `[local]` indexing of an array or slice by a usize local. */
  | { readonly kind: "index"; readonly local: Local }
  /** `[n]` / `[n from end]` indexing with a constant (slice patterns). */
  | { readonly kind: "constIndex"; readonly offset: number; readonly fromEnd: boolean }
  /** `[from..to]` sub-slice (slice patterns with `..`). */
  | { readonly kind: "subslice"; readonly from: number; readonly to: number; readonly fromEnd: boolean }
  /** `(place as Variant)`: view an enum place as one of its variants. */
  | { readonly kind: "downcast"; readonly variant: number; readonly name: string };

export interface Place {
  readonly local: Local;
  readonly projection: readonly ProjectionElem[];
}

export type Constant =
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "char"; readonly value: string }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "bytes"; readonly value: number[] }
  | { readonly kind: "unit" }
  /** A fn item (or a constructor used as a fn), with its generic arguments. */
  | { readonly kind: "fn"; readonly def: DefId; readonly args: readonly Ty[]; readonly selfTy?: Ty }
  /** A named const or a std const (`u8::MAX`). */
  | { readonly kind: "const"; readonly def: DefId; readonly selfTy?: Ty }
  /** A runtime intrinsic that has no Rust definition in the stubs: format arguments, panics, … */
  | { readonly kind: "intrinsic"; readonly name: string }
  /** A parsed format string (`format_args!`), for the fmt intrinsics. */
  | { readonly kind: "fmt"; readonly pieces: readonly import("../syntax/ast.js").FmtPiece[] };

export type Operand =
  | { readonly kind: "copy"; readonly place: Place }
  | { readonly kind: "move"; readonly place: Place }
  | { readonly kind: "const"; readonly value: Constant; readonly ty: Ty };

export type BinOp =
  | "Add" | "Sub" | "Mul" | "Div" | "Rem"
  | "BitAnd" | "BitOr" | "BitXor" | "Shl" | "Shr"
  | "Eq" | "Ne" | "Lt" | "Le" | "Gt" | "Ge"
  /** Overflow-checked arithmetic returning `(result, overflowed)` as a debug build does. */
  | "AddWithOverflow" | "SubWithOverflow" | "MulWithOverflow";

export type AggregateKind =
  | { readonly kind: "tuple" }
  | { readonly kind: "array"; readonly elem: Ty }
  | { readonly kind: "adt"; readonly def: DefId; readonly variant: number; readonly args: readonly Ty[] }
  | { readonly kind: "closure"; readonly node: NodeId }
  | { readonly kind: "coroutine"; readonly node: NodeId };

export type CastKind = "numeric" | "ptrToPtr" | "refToPtr" | "unsize" | "fnToPtr" | "closureToFnPtr" | "transmute";

export type Rvalue =
  | { readonly kind: "use"; readonly operand: Operand }
  | { readonly kind: "ref"; readonly mutable: boolean; readonly place: Place }
  | { readonly kind: "rawPtr"; readonly mutable: boolean; readonly place: Place }
  | { readonly kind: "binary"; readonly op: BinOp; readonly lhs: Operand; readonly rhs: Operand }
  | { readonly kind: "unary"; readonly op: "Neg" | "Not"; readonly operand: Operand }
  | { readonly kind: "aggregate"; readonly agg: AggregateKind; readonly operands: readonly Operand[] }
  | { readonly kind: "repeat"; readonly operand: Operand; readonly count: number | undefined }
  | { readonly kind: "cast"; readonly cast: CastKind; readonly operand: Operand; readonly ty: Ty }
  | { readonly kind: "discriminant"; readonly place: Place }
  | { readonly kind: "len"; readonly place: Place };

export type Statement =
  | { readonly kind: "assign"; readonly place: Place; readonly rvalue: Rvalue; readonly span: Span }
  | { readonly kind: "storageLive"; readonly local: Local; readonly span: Span }
  | { readonly kind: "storageDead"; readonly local: Local; readonly span: Span }
  /** `place` becomes the variant `variant` of its enum (after its fields were written). */
  | { readonly kind: "setDiscriminant"; readonly place: Place; readonly variant: number; readonly span: Span }
  /** A read of a place for borrowck only (match scrutinees); no effect. */
  | { readonly kind: "fakeRead"; readonly place: Place; readonly span: Span }
  | { readonly kind: "nop"; readonly span: Span };

/** Where a call or drop goes when it panics. */
export type Unwind =
  /** Nothing to clean up here: unwinding continues in the caller. */
  | { readonly kind: "continue" }
  | { readonly kind: "cleanup"; readonly block: BlockId }
  /** Cannot unwind (e.g. inside a cleanup block: a panic while panicking aborts). */
  | { readonly kind: "unreachable" };

export type AssertMsg =
  | { readonly kind: "overflow"; readonly op: BinOp | "Neg" }
  | { readonly kind: "divisionByZero" }
  | { readonly kind: "remainderByZero" }
  | { readonly kind: "boundsCheck" };

export type Terminator =
  | { readonly kind: "goto"; readonly target: BlockId; readonly span: Span }
  /** Jump on the value of an integer/bool/char/discriminant operand. */
  | { readonly kind: "switchInt"; readonly discr: Operand; readonly targets: readonly { readonly value: bigint; readonly target: BlockId }[]; readonly otherwise: BlockId; readonly span: Span }
  | { readonly kind: "return"; readonly span: Span }
  | { readonly kind: "unreachable"; readonly span: Span }
  /** End of a cleanup path: unwinding continues in the caller. */
  | { readonly kind: "unwindResume"; readonly span: Span }
  | {
      readonly kind: "call";
      readonly func: Operand;
      readonly args: readonly Operand[];
      readonly dest: Place;
      /** Absent when the callee returns `!`. */
      readonly target: BlockId | undefined;
      readonly unwind: Unwind;
      /** The source call this came from (a method call, `+` on a non-primitive, `for` desugaring …). */
      readonly span: Span;
    }
  | { readonly kind: "drop"; readonly place: Place; readonly target: BlockId; readonly unwind: Unwind; readonly span: Span }
  | { readonly kind: "assert"; readonly cond: Operand; readonly expected: boolean; readonly msg: AssertMsg; readonly target: BlockId; readonly unwind: Unwind; readonly span: Span }
  | {
      readonly kind: "await";
      /** The `__awaitee` local: the future, already `IntoFuture::into_future`d. */
      readonly awaitee: Local;
      readonly dest: Place;
      readonly resume: BlockId;
      /** Where dropping the coroutine while suspended here continues (drops of live locals). */
      readonly drop: BlockId | undefined;
      readonly unwind: Unwind;
      /** The whole `.await` expression, and the `.await` keyword. */
      readonly span: Span;
      readonly awaitSpan: Span;
      /** The n-th await of the body in source order: its state is `Suspend{index}`. */
      readonly index: number;
    }
  /** End of the coroutine-drop path (dropping a suspended future): rustc's `CoroutineDrop`. */
  | { readonly kind: "coroutineDrop"; readonly span: Span }
  /** Placeholder while building; never in a finished body. */
  | { readonly kind: "unset" };

export interface BasicBlock {
  readonly statements: Statement[];
  terminator: Terminator;
  /** Part of an unwinding (cleanup) path. */
  readonly cleanup: boolean;
}

export type BodyKind = "fn" | "closure" | "asyncFn" | "asyncBlock" | "const";

/** An upvar of an async body or closure: a captured variable or, for an async fn, a parameter. */
export interface Upvar {
  /** rustc's name: the parameter name, `__argN` for pattern parameters, `x` / `_ref__x` for captures. */
  readonly name: string;
  readonly ty: Ty;
  readonly byRef: boolean;
  /** For captures: the captured local in the enclosing body. */
  readonly source: LocalId | undefined;
}

export interface Body {
  readonly kind: BodyKind;
  /** The fn item, closure or async block this body belongs to. */
  readonly node: NodeId;
  /** For fn items: the def. */
  readonly def: DefId | undefined;
  /** rustc's name for the body: `foo`, `Foo::bar`, `main::nested`, `{async block@12:5}`, `{closure@3:9}`. */
  readonly name: string;
  readonly span: Span;
  readonly locals: LocalDecl[];
  readonly blocks: BasicBlock[];
  readonly argCount: number;
  readonly upvars: readonly Upvar[];
  /** For async bodies: the type of the body's value (`Output`). */
  readonly output: Ty;
  /** The resolve/ local → MIR local map, for later stages that go from source to MIR. */
  readonly localMap: ReadonlyMap<LocalId, Local>;
}

export function place(local: Local, projection: readonly ProjectionElem[] = []): Place {
  return { local, projection };
}

export function projectPlace(p: Place, elem: ProjectionElem): Place {
  return { local: p.local, projection: [...p.projection, elem] };
}

export function isDirectLocal(p: Place): boolean {
  return p.projection.length === 0;
}

/** Successor blocks of a terminator, normal edges first, then unwind / drop edges. */
export function successors(t: Terminator): BlockId[] {
  const out: BlockId[] = [];
  const unwind = (u: Unwind) => {
    if (u.kind === "cleanup") out.push(u.block);
  };
  switch (t.kind) {
    case "goto":
      out.push(t.target);
      break;
    case "switchInt":
      for (const x of t.targets) out.push(x.target);
      out.push(t.otherwise);
      break;
    case "return":
    case "unreachable":
    case "unwindResume":
    case "coroutineDrop":
    case "unset":
      break;
    case "call":
      if (t.target !== undefined) out.push(t.target);
      unwind(t.unwind);
      break;
    case "drop":
      out.push(t.target);
      unwind(t.unwind);
      break;
    case "assert":
      out.push(t.target);
      unwind(t.unwind);
      break;
    case "await":
      out.push(t.resume);
      if (t.drop !== undefined) out.push(t.drop);
      unwind(t.unwind);
      break;
  }
  return out;
}
