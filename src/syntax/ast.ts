// pinion's own AST for the Rust subset (see DESIGN.md "The Rust subset").
//
// The tree-sitter CST is converted into these nodes by `lower.ts`; nothing after `syntax/` sees
// tree-sitter. Every node has a `kind` (the discriminant), an `id` unique within its crate (side tables
// in later stages are keyed by it) and a `span` into the original source file — also for code that came
// out of a macro expansion, whose spans point at the macro's arguments or its definition.
//
// What is *not* here, on purpose: lifetimes (parsed and dropped), attributes other than `#[derive]`,
// `#[tokio::main]` and `#[test]`-like markers (kept as names), visibility (everything is visible),
// and parentheses (a parenthesized expression is its inner expression with the outer span).
// `macro_rules!` definitions are expanded away; std macros become `MacroCall` nodes whose arguments
// are parsed expressions (`format!` strings are parsed into pieces).

import type { Span } from "./source.js";

export type NodeId = number;

interface Node {
  readonly id: NodeId;
  readonly span: Span;
}

export interface Ident {
  readonly name: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Paths

/** `std::pin::Pin::<T>::new`, `Self::Output`, `<F as Future>::Output`, `crate::a::b`, `super::x`. */
export interface Path extends Node {
  readonly kind: "Path";
  /** Leading `::` or `crate::`/`super::`/`self::` segments are kept as segments named so. */
  readonly segments: PathSegment[];
  /** `<T as Trait>::rest`: the qualified self type and trait; `segments` are the part after `>::`. */
  readonly qself?: { readonly ty: Type; readonly trait?: Path };
  readonly global: boolean;
}

export interface PathSegment {
  readonly ident: Ident;
  /** Generic arguments written on this segment (`Vec<T>`, `Vec::<T>::new`, `Future<Output = T>`). */
  readonly args?: GenericArgs;
}

export interface GenericArgs {
  readonly span: Span;
  readonly types: Type[];
  /** Associated type bindings, `Output = T`. */
  readonly bindings: { readonly name: Ident; readonly ty: Type }[];
  /** Const generic arguments (`[T; N]`-style `Foo<3>`). */
  readonly consts: Expr[];
  /** Parenthesized sugar for `Fn(A, B) -> C`. */
  readonly fnSugar?: { readonly inputs: Type[]; readonly output?: Type };
}

// ---------------------------------------------------------------------------------------------------
// Types

export type Type =
  | PathType
  | RefType
  | PtrType
  | TupleType
  | ArrayType
  | SliceType
  | FnPtrType
  | ImplTraitType
  | DynTraitType
  | NeverType
  | InferType;

export interface PathType extends Node {
  readonly kind: "PathType";
  /** Primitive types (`i32`, `str`, `bool`) are one-segment paths too; resolve/ tells them apart. */
  readonly path: Path;
}
export interface RefType extends Node {
  readonly kind: "RefType";
  readonly mutable: boolean;
  readonly inner: Type;
}
export interface PtrType extends Node {
  readonly kind: "PtrType";
  readonly mutable: boolean;
  readonly inner: Type;
}
export interface TupleType extends Node {
  readonly kind: "TupleType";
  /** Empty for `()`. */
  readonly elems: Type[];
}
export interface ArrayType extends Node {
  readonly kind: "ArrayType";
  readonly elem: Type;
  readonly len: Expr;
}
export interface SliceType extends Node {
  readonly kind: "SliceType";
  readonly elem: Type;
}
export interface FnPtrType extends Node {
  readonly kind: "FnPtrType";
  readonly inputs: Type[];
  readonly output?: Type;
  readonly isUnsafe: boolean;
}
export interface ImplTraitType extends Node {
  readonly kind: "ImplTraitType";
  readonly bounds: TraitBound[];
}
export interface DynTraitType extends Node {
  readonly kind: "DynTraitType";
  readonly bounds: TraitBound[];
}
export interface NeverType extends Node {
  readonly kind: "NeverType";
}
/** `_` in type position. */
export interface InferType extends Node {
  readonly kind: "InferType";
}

/** `Future<Output = T>`, `?Sized`, `Fn(i32) -> i32`. Lifetime bounds are dropped. */
export interface TraitBound {
  readonly span: Span;
  readonly path: Path;
  /** `?Sized` */
  readonly maybe: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Generics

export interface Generics {
  readonly span: Span;
  readonly params: GenericParam[];
  /** `where` predicates, and the inline bounds of the params folded in as predicates too. */
  readonly where: WherePredicate[];
}

export interface GenericParam {
  readonly name: Ident;
  readonly kind: "type" | "const";
  /** Inline bounds, `T: Future + Send`. */
  readonly bounds: TraitBound[];
  /** `const N: usize` */
  readonly constTy?: Type;
  readonly default?: Type;
}

export interface WherePredicate {
  readonly span: Span;
  readonly ty: Type;
  readonly bounds: TraitBound[];
}

export const NO_GENERICS: Generics = { span: { lo: 0, hi: 0 }, params: [], where: [] };

// ---------------------------------------------------------------------------------------------------
// Items

export type Item =
  | FnItem
  | StructItem
  | EnumItem
  | TraitItem
  | ImplItem
  | ConstItem
  | StaticItem
  | ModItem
  | UseItem
  | TypeAliasItem;

export interface Attrs {
  /** Names in `#[derive(Debug, Clone)]`. */
  readonly derives: Ident[];
  /** Other outer attributes by their path text: `tokio::main`, `test`, `allow`, `inline`. */
  readonly other: { readonly path: string; readonly span: Span }[];
}

export const NO_ATTRS: Attrs = { derives: [], other: [] };

export interface Param {
  readonly span: Span;
  readonly pat: Pat;
  readonly ty: Type;
}

/** `self`, `&self`, `&mut self`, `mut self`, `self: Pin<&mut Self>`. */
export interface SelfParam {
  readonly span: Span;
  readonly kind: "value" | "ref" | "refMut" | "explicit";
  readonly mutable: boolean;
  /** For `explicit`: the written type. */
  readonly ty?: Type;
}

export interface FnItem extends Node {
  readonly kind: "Fn";
  readonly attrs: Attrs;
  readonly name: Ident;
  readonly generics: Generics;
  readonly selfParam?: SelfParam;
  readonly params: Param[];
  readonly ret?: Type;
  /** Absent for a trait method without a default body. */
  readonly body?: Block;
  readonly isAsync: boolean;
  readonly isUnsafe: boolean;
  readonly isConst: boolean;
}

export interface FieldDef {
  readonly span: Span;
  /** Named field name, or the index (as text) of a tuple field. */
  readonly name: Ident;
  readonly ty: Type;
}

export interface StructItem extends Node {
  readonly kind: "Struct";
  readonly attrs: Attrs;
  readonly name: Ident;
  readonly generics: Generics;
  readonly shape: "named" | "tuple" | "unit";
  readonly fields: FieldDef[];
}

export interface Variant {
  readonly span: Span;
  readonly id: NodeId;
  readonly name: Ident;
  readonly shape: "named" | "tuple" | "unit";
  readonly fields: FieldDef[];
  /** `A = 3` */
  readonly discriminant?: Expr;
  /** Attributes on the variant, e.g. `#[default]` for `#[derive(Default)]` on an enum. Added by
   *  syntax/; absent when there are none. */
  readonly attrs?: Attrs;
}

export interface EnumItem extends Node {
  readonly kind: "Enum";
  readonly attrs: Attrs;
  readonly name: Ident;
  readonly generics: Generics;
  readonly variants: Variant[];
}

export interface AssocType extends Node {
  readonly kind: "AssocType";
  readonly name: Ident;
  readonly bounds: TraitBound[];
  /** Present in impls (`type Output = i32;`), optional default in traits. */
  readonly ty?: Type;
}

export type AssocItem = FnItem | AssocType | ConstItem;

export interface TraitItem extends Node {
  readonly kind: "Trait";
  readonly attrs: Attrs;
  readonly name: Ident;
  readonly generics: Generics;
  readonly supertraits: TraitBound[];
  readonly items: AssocItem[];
  readonly isUnsafe: boolean;
}

export interface ImplItem extends Node {
  readonly kind: "Impl";
  readonly attrs: Attrs;
  readonly generics: Generics;
  readonly trait?: Path;
  /** `impl !Unpin for T` */
  readonly negative: boolean;
  readonly selfTy: Type;
  readonly items: AssocItem[];
  readonly isUnsafe: boolean;
}

export interface ConstItem extends Node {
  readonly kind: "Const";
  readonly name: Ident;
  /** Absent only for an associated const declared without a type in a trait (not valid Rust). */
  readonly ty: Type;
  readonly value?: Expr;
}

export interface StaticItem extends Node {
  readonly kind: "Static";
  readonly name: Ident;
  readonly ty: Type;
  readonly value: Expr;
  readonly mutable: boolean;
  /** Declared inside `thread_local! { … }`: accessed with `.with(|v| …)`. */
  readonly threadLocal: boolean;
}

export interface ModItem extends Node {
  readonly kind: "Mod";
  readonly name: Ident;
  readonly items: Item[];
}

/** `use a::b::{c, d as e, f::*};` flattened into one entry per imported name. */
export interface UseItem extends Node {
  readonly kind: "Use";
  readonly entries: UseEntry[];
}

export interface UseEntry {
  readonly span: Span;
  /** The full path, e.g. `std::pin::Pin`; for `self` in a list, the list's prefix. */
  readonly path: Ident[];
  /** The name it is bound to (the last segment, or the `as` name); absent for a glob. */
  readonly alias?: Ident;
  readonly glob: boolean;
}

export interface TypeAliasItem extends Node {
  readonly kind: "TypeAlias";
  readonly name: Ident;
  readonly generics: Generics;
  readonly ty: Type;
}

// ---------------------------------------------------------------------------------------------------
// Patterns

export type Pat =
  | WildPat
  | IdentPat
  | TuplePat
  | StructPat
  | TupleStructPat
  | PathPat
  | LitPat
  | RangePat
  | RefPat
  | OrPat
  | SlicePat
  | RestPat;

export interface WildPat extends Node {
  readonly kind: "WildPat";
}
/** `x`, `mut x`, `ref x`, `ref mut x`, `x @ pat`. A lone identifier may also name a unit struct,
 *  a unit variant or a const: resolve/ decides. */
export interface IdentPat extends Node {
  readonly kind: "IdentPat";
  readonly name: Ident;
  readonly mutable: boolean;
  readonly byRef: "none" | "ref" | "refMut";
  readonly sub?: Pat;
}
export interface TuplePat extends Node {
  readonly kind: "TuplePat";
  readonly elems: Pat[];
}
export interface StructPat extends Node {
  readonly kind: "StructPat";
  readonly path: Path;
  readonly fields: { readonly span: Span; readonly name: Ident; readonly pat: Pat }[];
  /** `..` present */
  readonly rest: boolean;
}
export interface TupleStructPat extends Node {
  readonly kind: "TupleStructPat";
  readonly path: Path;
  readonly elems: Pat[];
}
export interface PathPat extends Node {
  readonly kind: "PathPat";
  readonly path: Path;
}
export interface LitPat extends Node {
  readonly kind: "LitPat";
  readonly lit: LitExpr;
  readonly negative: boolean;
}
export interface RangePat extends Node {
  readonly kind: "RangePat";
  readonly lo?: Pat;
  readonly hi?: Pat;
  readonly inclusive: boolean;
}
export interface RefPat extends Node {
  readonly kind: "RefPat";
  readonly mutable: boolean;
  readonly inner: Pat;
}
export interface OrPat extends Node {
  readonly kind: "OrPat";
  readonly alts: Pat[];
}
export interface SlicePat extends Node {
  readonly kind: "SlicePat";
  readonly elems: Pat[];
}
/** `..` inside a tuple, tuple-struct or slice pattern. */
export interface RestPat extends Node {
  readonly kind: "RestPat";
}

// ---------------------------------------------------------------------------------------------------
// Statements and blocks

export interface Block extends Node {
  readonly kind: "Block";
  readonly stmts: Stmt[];
  /** The trailing expression without a semicolon, the block's value. */
  readonly tail?: Expr;
  readonly unsafety: "normal" | "unsafe";
}

export type Stmt = LetStmt | ExprStmt | ItemStmt | EmptyStmt;

export interface LetStmt extends Node {
  readonly kind: "Let";
  readonly pat: Pat;
  readonly ty?: Type;
  readonly init?: Expr;
  /** `let … else { … }` */
  readonly else?: Block;
}
export interface ExprStmt extends Node {
  readonly kind: "ExprStmt";
  readonly expr: Expr;
  readonly semi: boolean;
}
export interface ItemStmt extends Node {
  readonly kind: "ItemStmt";
  readonly item: Item;
}
export interface EmptyStmt extends Node {
  readonly kind: "EmptyStmt";
}

// ---------------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | LitExpr
  | PathExpr
  | UnaryExpr
  | RefExpr
  | BinaryExpr
  | AssignExpr
  | CompoundAssignExpr
  | CallExpr
  | MethodCallExpr
  | FieldExpr
  | IndexExpr
  | TupleExpr
  | ArrayExpr
  | ArrayRepeatExpr
  | StructExpr
  | BlockExpr
  | AsyncBlockExpr
  | ClosureExpr
  | IfExpr
  | LetExpr
  | WhileExpr
  | LoopExpr
  | ForExpr
  | MatchExpr
  | BreakExpr
  | ContinueExpr
  | ReturnExpr
  | TryExpr
  | AwaitExpr
  | CastExpr
  | RangeExpr
  | MacroCallExpr
  | ErrorExpr;

export type IntSuffix = "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize";
export type FloatSuffix = "f32" | "f64";

export type Lit =
  /** The value as a bigint (exact for every width); suffix if written. */
  | { readonly type: "int"; readonly value: bigint; readonly suffix?: IntSuffix }
  | { readonly type: "float"; readonly value: number; readonly text: string; readonly suffix?: FloatSuffix }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "char"; readonly value: string }
  /** `b'a'` */
  | { readonly type: "byte"; readonly value: number }
  /** The decoded value (escapes processed; raw strings as written). */
  | { readonly type: "str"; readonly value: string }
  /** `b"abc"`: a `&[u8; N]`. */
  | { readonly type: "byteStr"; readonly value: number[] };

export interface LitExpr extends Node {
  readonly kind: "Lit";
  readonly lit: Lit;
}
export interface PathExpr extends Node {
  readonly kind: "Path";
  readonly path: Path;
}
export interface UnaryExpr extends Node {
  readonly kind: "Unary";
  readonly op: "neg" | "not" | "deref";
  readonly operand: Expr;
}
/** `&x`, `&mut x`, `&raw const x`, `&raw mut x` (and `ptr::addr_of!` lowers to `raw`). */
export interface RefExpr extends Node {
  readonly kind: "Ref";
  readonly mutable: boolean;
  readonly raw: boolean;
  readonly operand: Expr;
}

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%"
  | "&" | "|" | "^" | "<<" | ">>"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "&&" | "||";

export interface BinaryExpr extends Node {
  readonly kind: "Binary";
  readonly op: BinaryOp;
  readonly lhs: Expr;
  readonly rhs: Expr;
}
export interface AssignExpr extends Node {
  readonly kind: "Assign";
  readonly lhs: Expr;
  readonly rhs: Expr;
}
export interface CompoundAssignExpr extends Node {
  readonly kind: "CompoundAssign";
  /** The arithmetic operator, without `=`: `+` for `+=`. */
  readonly op: "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>";
  readonly lhs: Expr;
  readonly rhs: Expr;
}
export interface CallExpr extends Node {
  readonly kind: "Call";
  readonly callee: Expr;
  readonly args: Expr[];
}
export interface MethodCallExpr extends Node {
  readonly kind: "MethodCall";
  readonly receiver: Expr;
  readonly method: Ident;
  /** `x.collect::<Vec<_>>()` */
  readonly turbofish?: GenericArgs;
  readonly args: Expr[];
}
export interface FieldExpr extends Node {
  readonly kind: "Field";
  readonly object: Expr;
  /** A name, or a tuple index as text (`t.0`). */
  readonly field: Ident;
}
export interface IndexExpr extends Node {
  readonly kind: "Index";
  readonly object: Expr;
  readonly index: Expr;
}
export interface TupleExpr extends Node {
  readonly kind: "Tuple";
  /** Empty for `()`. */
  readonly elems: Expr[];
}
export interface ArrayExpr extends Node {
  readonly kind: "Array";
  readonly elems: Expr[];
}
export interface ArrayRepeatExpr extends Node {
  readonly kind: "ArrayRepeat";
  readonly elem: Expr;
  readonly len: Expr;
}
export interface StructExpr extends Node {
  readonly kind: "Struct";
  readonly path: Path;
  /** Shorthand `Foo { x }` is stored as `x: x` with `shorthand: true`. */
  readonly fields: { readonly span: Span; readonly name: Ident; readonly value: Expr; readonly shorthand: boolean }[];
  /** `..base` */
  readonly base?: Expr;
}
export interface BlockExpr extends Node {
  readonly kind: "BlockExpr";
  readonly block: Block;
  readonly label?: Ident;
  /** `const { … }` blocks are treated as plain blocks. */
}
export interface AsyncBlockExpr extends Node {
  readonly kind: "AsyncBlock";
  readonly block: Block;
  readonly isMove: boolean;
}
export interface ClosureParam {
  readonly span: Span;
  readonly pat: Pat;
  readonly ty?: Type;
}
export interface ClosureExpr extends Node {
  readonly kind: "Closure";
  readonly isMove: boolean;
  /** `async |x| …` / `async move |x| …` closures. */
  readonly isAsync: boolean;
  readonly params: ClosureParam[];
  readonly ret?: Type;
  readonly body: Expr;
}
/** `if c {…} else …`; an `if let` is an `If` whose condition is a `Let` (or a `&&` chain with lets). */
export interface IfExpr extends Node {
  readonly kind: "If";
  readonly cond: Expr;
  readonly then: Block;
  /** A block or another `If`. */
  readonly else?: BlockExpr | IfExpr;
}
/** `let PAT = EXPR` in the condition of `if` / `while`, possibly inside a `&&` chain. */
export interface LetExpr extends Node {
  readonly kind: "LetCond";
  readonly pat: Pat;
  readonly scrutinee: Expr;
}
export interface WhileExpr extends Node {
  readonly kind: "While";
  readonly label?: Ident;
  readonly cond: Expr;
  readonly body: Block;
}
export interface LoopExpr extends Node {
  readonly kind: "Loop";
  readonly label?: Ident;
  readonly body: Block;
}
export interface ForExpr extends Node {
  readonly kind: "For";
  readonly label?: Ident;
  readonly pat: Pat;
  readonly iter: Expr;
  readonly body: Block;
}
export interface MatchArm {
  readonly span: Span;
  readonly id: NodeId;
  readonly pat: Pat;
  readonly guard?: Expr;
  readonly body: Expr;
}
export interface MatchExpr extends Node {
  readonly kind: "Match";
  readonly scrutinee: Expr;
  readonly arms: MatchArm[];
}
export interface BreakExpr extends Node {
  readonly kind: "Break";
  readonly label?: Ident;
  readonly value?: Expr;
}
export interface ContinueExpr extends Node {
  readonly kind: "Continue";
  readonly label?: Ident;
}
export interface ReturnExpr extends Node {
  readonly kind: "Return";
  readonly value?: Expr;
}
/** `expr?` */
export interface TryExpr extends Node {
  readonly kind: "Try";
  readonly operand: Expr;
}
export interface AwaitExpr extends Node {
  readonly kind: "Await";
  readonly operand: Expr;
  /** The span of the `.await` keyword itself (from the dot), for "suspends here" labels. */
  readonly awaitSpan: Span;
}
export interface CastExpr extends Node {
  readonly kind: "Cast";
  readonly operand: Expr;
  readonly ty: Type;
}
export interface RangeExpr extends Node {
  readonly kind: "Range";
  readonly lo?: Expr;
  readonly hi?: Expr;
  readonly inclusive: boolean;
}

/** Stands where a construct could not be lowered (a syntax error or an unsupported construct); a
 *  diagnostic has been reported for it. Later stages skip over it without further diagnostics. */
export interface ErrorExpr extends Node {
  readonly kind: "Error";
}

// ---------------------------------------------------------------------------------------------------
// Std macros, with their arguments parsed

/** A piece of a parsed format string (`"a {} b {x:>5}"`). */
export type FmtPiece =
  | { readonly kind: "lit"; readonly text: string }
  | { readonly kind: "arg"; readonly arg: number; readonly spec: FmtSpec; readonly span: Span };

/** `{:#?}`, `{:>8.3}`, `{:08b}`, `{name:width$}`. Counts refer to arguments by index. */
export interface FmtSpec {
  readonly fill: string;
  readonly align: "" | "<" | ">" | "^";
  readonly sign: "" | "+" | "-";
  readonly alternate: boolean;
  readonly zero: boolean;
  readonly width?: FmtCount;
  readonly precision?: FmtCount;
  /** `""` Display, `?` Debug, `x` `X` `o` `b` `e` `E` `p`. */
  readonly trait: "" | "?" | "x" | "X" | "o" | "b" | "e" | "E" | "p" | "x?" | "X?";
}
export type FmtCount = { readonly kind: "literal"; readonly value: number } | { readonly kind: "arg"; readonly arg: number };

export interface FormatArgs {
  readonly span: Span;
  readonly pieces: FmtPiece[];
  /** Positional arguments first, then named ones (`name = expr`), then implicit captures (`{x}`)
   *  as path expressions. `pieces` refer to them by index. */
  readonly args: Expr[];
  readonly argNames: (string | undefined)[];
}

export type MacroCall =
  /** `print!`, `println!`, `eprint!`, `eprintln!`, `format!`, `panic!` (with a format), `unreachable!`,
   *  `todo!`, `unimplemented!` — `fmt` absent where no arguments are given. */
  | { readonly macro: "print" | "println" | "eprint" | "eprintln" | "format" | "panic" | "unreachable" | "todo" | "unimplemented"; readonly fmt?: FormatArgs }
  /** `write!(dst, …)`, `writeln!(dst, …)` */
  | { readonly macro: "write" | "writeln"; readonly dest: Expr; readonly fmt?: FormatArgs }
  | { readonly macro: "assert" | "debug_assert"; readonly cond: Expr; readonly fmt?: FormatArgs }
  | { readonly macro: "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne"; readonly left: Expr; readonly right: Expr; readonly fmt?: FormatArgs }
  | { readonly macro: "vec"; readonly elems: Expr[] }
  | { readonly macro: "vecRepeat"; readonly elem: Expr; readonly len: Expr }
  | { readonly macro: "matches"; readonly scrutinee: Expr; readonly pat: Pat; readonly guard?: Expr }
  | { readonly macro: "dbg"; readonly args: Expr[] }
  /** `std::pin::pin!(expr)` */
  | { readonly macro: "pin"; readonly value: Expr }
  /** `futures::join!(a, b, …)` / `tokio::join!` */
  | { readonly macro: "join"; readonly futures: Expr[] }
  /** `select! { a = fut => expr, … }` */
  | { readonly macro: "select"; readonly arms: { readonly pat: Pat; readonly future: Expr; readonly body: Expr }[] }
  | { readonly macro: "line" | "column" | "file" }
  | { readonly macro: "stringify"; readonly text: string }
  | { readonly macro: "concat"; readonly parts: Expr[] }
  | { readonly macro: "addr_of" | "addr_of_mut"; readonly place: Expr };

export interface MacroCallExpr extends Node {
  readonly kind: "MacroCall";
  /** The path as written (`println`, `std::pin::pin`, `futures::join`). */
  readonly path: string;
  readonly call: MacroCall;
}

// ---------------------------------------------------------------------------------------------------
// The crate

export interface Crate {
  readonly items: Item[];
  /** One past the largest NodeId used, so later stages can make fresh ids. */
  readonly nodeCount: number;
}
