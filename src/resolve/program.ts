// What resolve/ hands to the later stages: the definitions, and per-node side tables saying what every
// name refers to and what type every expression and pattern has.
//
// Side tables are keyed by `NodeId`. An expression's type is the type *before* its adjustments; the
// adjustments (auto-deref, auto-ref, coercions) applied where the value is used are listed separately,
// in order, the way rustc's typeck results keep them. Example: for `w.len()` with `w: &String`,
//
//     exprTypes[w]        = &String
//     methods[call]       = { def: str::len, receiver: [Deref, Deref(String → str), Borrow(&)] }
//
// so MIR building can spell out `len(&*Deref::deref(&*w))` without knowing Rust's probing rules.

import type * as ast from "../syntax/ast.js";
import type { Span, SourceFile } from "../syntax/source.js";
import type { TyCtx } from "./collect.js";
import type { DefTable } from "./defs.js";
import type { Solver } from "./traits.js";
import type { DefId, Ty } from "./ty.js";

export type LocalId = number;

export interface Local {
  readonly id: LocalId;
  readonly name: string;
  readonly span: Span;
  readonly mutable: boolean;
  ty: Ty;
  /** `self`, a parameter, a `let`/match binding, or a closure parameter. */
  readonly kind: "self" | "param" | "binding";
  /** The body (fn item, closure or async block node) that declares it. */
  readonly owner: ast.NodeId;
  /** `ref x` / `ref mut x`, explicit or from match ergonomics: the binding holds a reference. */
  readonly byRef: "none" | "ref" | "refMut";
}

export type Res =
  | { readonly kind: "local"; readonly local: LocalId }
  /** A fn item or associated fn, with its generic arguments (impl/trait params, then its own). */
  | { readonly kind: "fn"; readonly def: DefId; readonly args: Ty[]; readonly selfTy?: Ty }
  /** A tuple/unit struct or enum variant used as a value or constructor. */
  | { readonly kind: "ctor"; readonly def: DefId; readonly args: Ty[] }
  | { readonly kind: "const"; readonly def: DefId; readonly selfTy?: Ty }
  | { readonly kind: "static"; readonly def: DefId }
  | { readonly kind: "error" };

export type Adjustment =
  /** `*x` on a reference, raw pointer or Box (built in) or through `Deref::deref` (overloaded). */
  | { readonly kind: "deref"; readonly overloaded: "none" | "deref" | "derefMut"; readonly target: Ty }
  /** `&x` / `&mut x` taken implicitly (auto-ref of a method receiver, deref coercion). */
  | { readonly kind: "borrow"; readonly mutable: boolean; readonly target: Ty }
  /** `&[T; N]` → `&[T]`, `Box<T>` → `Box<dyn Trait>`, … */
  | { readonly kind: "unsize"; readonly target: Ty }
  /** `&mut T` → `&T`, `&T` → `*const T`, `!` → any, fn item / closure → fn pointer. */
  | { readonly kind: "cast"; readonly target: Ty };

export interface MethodCallee {
  /** The fn called (inherent method, trait method declaration, or impl method when known). */
  readonly def: DefId;
  /** Generic arguments: the container's params (impl or trait) then the fn's own. */
  readonly args: Ty[];
  /** For trait methods: the `Self` type. */
  readonly selfTy: Ty | undefined;
  /** The impl that provides the method when the receiver type is known (trait methods). */
  readonly impl: DefId | undefined;
}

export interface Capture {
  readonly local: LocalId;
  /** Edition 2021 captures disjoint fields: the field path below the variable (`cfg.name` → [name]),
   *  empty when the whole variable is captured. */
  readonly path: readonly { readonly index: number; readonly name: string; readonly ty: Ty }[];
  /** The captured place's type (the variable's, or the field's). */
  readonly ty: Ty;
  readonly mode: "ref" | "refMut" | "value";
  /** Where the captured variable is first used inside the closure or block. */
  readonly span: Span;
}

export interface ClosureInfo {
  readonly node: ast.ClosureExpr;
  readonly params: LocalId[][];
  readonly ret: Ty;
  readonly captures: Capture[];
  readonly kind: "Fn" | "FnMut" | "FnOnce";
}

export interface AsyncBlockInfo {
  readonly node: ast.AsyncBlockExpr;
  readonly output: Ty;
  readonly captures: Capture[];
}

export interface FnBodyInfo {
  readonly def: DefId;
  readonly node: ast.FnItem;
  /** `self` local (if a method), then one list of bindings per parameter pattern. */
  readonly selfLocal: LocalId | undefined;
  readonly params: { readonly pat: ast.Pat; readonly ty: Ty; readonly bindings: LocalId[] }[];
  readonly output: Ty;
}

/** The resolved and typed program. */
export interface Program {
  readonly file: SourceFile;
  readonly crate: ast.Crate;
  readonly table: DefTable;
  readonly tcx: TyCtx;
  /** Every fn item with a body in the user's crate, in source order (nested ones included). */
  readonly bodies: FnBodyInfo[];
  readonly locals: Local[];
  readonly res: Map<ast.NodeId, Res>;
  readonly exprTypes: Map<ast.NodeId, Ty>;
  readonly patTypes: Map<ast.NodeId, Ty>;
  readonly adjustments: Map<ast.NodeId, Adjustment[]>;
  /** Method calls, and overloaded operators / indexing / `?` / `.await` where a std trait method runs. */
  readonly methods: Map<ast.NodeId, MethodCallee>;
  /** IdentPat → the local it binds. */
  readonly bindings: Map<ast.NodeId, LocalId>;
  /** Patterns matched against a reference with a non-reference pattern: how many `&` were peeled. */
  readonly patDerefs: Map<ast.NodeId, number>;
  /** Field expressions and struct-literal fields: the field's index in its struct or variant. */
  readonly fieldIndex: Map<ast.NodeId, number>;
  readonly closures: Map<ast.NodeId, ClosureInfo>;
  readonly asyncBlocks: Map<ast.NodeId, AsyncBlockInfo>;
  /** `for` loops: the iterator type (after `IntoIterator::into_iter`) and the item type. */
  readonly forLoops: Map<ast.NodeId, { readonly iterTy: Ty; readonly itemTy: Ty }>;
  /** `.await`: the awaited future's type after `IntoFuture::into_future`. */
  readonly awaits: Map<ast.NodeId, { readonly futureTy: Ty; readonly output: Ty }>;
  /** `?`: the operand's family and the fn's return family. */
  readonly tries: Map<ast.NodeId, { readonly family: "option" | "result"; readonly errFrom?: Ty; readonly errTo?: Ty }>;
  /** `.poll(cx)` calls on a receiver that is not a `Pin` (rustc: E0599; pinion: P0104). */
  readonly unpinnedPolls: Set<ast.NodeId>;
  /** `impl Trait` return types → the concrete type the fn returns. */
  readonly hiddenTypes: Map<DefId, Ty>;
  /** For type-directed questions later stages ask (Copy, needs-drop, Unpin). */
  readonly solver: Solver;
}
