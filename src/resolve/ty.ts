// Types: the small type system the later stages need.
//
// This is not rustc's type system; it is enough of it to infer, for programs that rustc accepts, the
// types that decide what pinion's stages do: numeric kinds and widths (overflow checks, printing),
// Copy vs move, needs-drop (a drop is a use that keeps a local alive across an await), Unpin (futures
// of `async fn` and `async` blocks are `!Unpin`), references and raw pointers, Box and Pin, futures and
// closures. A worked example:
//
//     async fn double(x: u64) -> u64 { yield_now().await; x * 2 }
//     let mut acc = 1;              // acc: ?int0
//     acc += double(3).await;       // `+=` on integers unifies: ?int0 := u64
//
// Inference variables (`infer`, and `int`/`float` literal variables that default to i32 / f64) live in
// an `InferTable` (infer.ts); everything here is immutable data.

export type IntKind = "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize";
export type FloatKind = "f32" | "f64";

export const INT_KINDS: readonly IntKind[] = ["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"];
export const FLOAT_KINDS: readonly FloatKind[] = ["f32", "f64"];

export type DefId = number;

/** A generic parameter: the `index`-th parameter of the generics of `owner` (an item's DefId). */
export interface ParamTy {
  readonly k: "param";
  readonly owner: DefId;
  readonly index: number;
  readonly name: string;
}

/** `<self as trait<args>>::name` — a projection not (yet) normalized. */
export interface AssocTy {
  readonly k: "assoc";
  readonly trait: DefId;
  readonly self: Ty;
  readonly args: readonly Ty[];
  readonly name: string;
}

export interface TraitRef {
  readonly trait: DefId;
  /** Generic arguments of the trait after `Self` (`Add<Rhs>` → [Rhs]). */
  readonly args: readonly Ty[];
  /** Associated type bindings (`Future<Output = u32>`, `Fn(A) -> B` gives `Output = B`). */
  readonly bindings: ReadonlyMap<string, Ty>;
}

export type Ty =
  | { readonly k: "int"; readonly kind: IntKind }
  | { readonly k: "float"; readonly kind: FloatKind }
  | { readonly k: "bool" }
  | { readonly k: "char" }
  | { readonly k: "str" }
  | { readonly k: "never" }
  /** `()` is the empty tuple. */
  | { readonly k: "tuple"; readonly elems: readonly Ty[] }
  | { readonly k: "array"; readonly elem: Ty; readonly len: number | undefined }
  | { readonly k: "slice"; readonly elem: Ty }
  | { readonly k: "ref"; readonly mutable: boolean; readonly inner: Ty }
  | { readonly k: "ptr"; readonly mutable: boolean; readonly inner: Ty }
  /** A struct or enum, the user's or std's (String, Vec, Option, Box, Pin, Rc, …). */
  | { readonly k: "adt"; readonly def: DefId; readonly args: readonly Ty[] }
  /** The zero-sized type of a fn item (`foo`), with its generic arguments. */
  | { readonly k: "fndef"; readonly def: DefId; readonly args: readonly Ty[] }
  | { readonly k: "fnptr"; readonly params: readonly Ty[]; readonly ret: Ty }
  /** A closure: identified by its expression; signature and captures are in the closure table. */
  | { readonly k: "closure"; readonly node: number; readonly params: readonly Ty[]; readonly ret: Ty }
  /** The coroutine of an `async fn` (`node` = the fn's item id) or `async {}` block (its expr id):
   *  `{async fn body of foo()}` / `{async block@L:C}`. `args` are the fn's generic arguments. */
  | { readonly k: "future"; readonly node: number; readonly def: DefId | undefined; readonly args: readonly Ty[]; readonly output: Ty }
  | ParamTy
  /** `impl Trait` in return position of a non-async fn, seen from outside: only its bounds are known. */
  | { readonly k: "opaque"; readonly def: DefId; readonly args: readonly Ty[]; readonly bounds: readonly TraitRef[] }
  | { readonly k: "dyn"; readonly bounds: readonly TraitRef[] }
  | AssocTy
  | { readonly k: "infer"; readonly v: number }
  | { readonly k: "intvar"; readonly v: number }
  | { readonly k: "floatvar"; readonly v: number }
  /** A type that could not be determined; a diagnostic was reported (or will be) where it arose. */
  | { readonly k: "error" };

// ---------------------------------------------------------------------------------------------------
// Constructors (shared immutable values for the simple ones)

const intTys = new Map<IntKind, Ty>(INT_KINDS.map((kind) => [kind, { k: "int", kind } as const]));
const floatTys = new Map<FloatKind, Ty>(FLOAT_KINDS.map((kind) => [kind, { k: "float", kind } as const]));

export const Ty = {
  int: (kind: IntKind): Ty => intTys.get(kind)!,
  float: (kind: FloatKind): Ty => floatTys.get(kind)!,
  bool: { k: "bool" } as Ty,
  char: { k: "char" } as Ty,
  str: { k: "str" } as Ty,
  never: { k: "never" } as Ty,
  unit: { k: "tuple", elems: [] } as Ty,
  error: { k: "error" } as Ty,
  usize: { k: "int", kind: "usize" } as Ty,
  tuple: (elems: readonly Ty[]): Ty => (elems.length === 0 ? Ty.unit : { k: "tuple", elems }),
  ref: (inner: Ty, mutable = false): Ty => ({ k: "ref", mutable, inner }),
  ptr: (inner: Ty, mutable = false): Ty => ({ k: "ptr", mutable, inner }),
  adt: (def: DefId, args: readonly Ty[] = []): Ty => ({ k: "adt", def, args }),
  slice: (elem: Ty): Ty => ({ k: "slice", elem }),
  array: (elem: Ty, len: number | undefined): Ty => ({ k: "array", elem, len }),
};

export function isUnit(t: Ty): boolean {
  return t.k === "tuple" && t.elems.length === 0;
}

export function isIntegral(t: Ty): boolean {
  return t.k === "int" || t.k === "intvar";
}

export function isNumeric(t: Ty): boolean {
  return t.k === "int" || t.k === "intvar" || t.k === "float" || t.k === "floatvar";
}

export function isSignedInt(kind: IntKind): boolean {
  return kind.startsWith("i");
}

/** Bit width on a 64-bit target. */
export function intBits(kind: IntKind): number {
  switch (kind) {
    case "i8":
    case "u8":
      return 8;
    case "i16":
    case "u16":
      return 16;
    case "i32":
    case "u32":
      return 32;
    case "i64":
    case "u64":
    case "isize":
    case "usize":
      return 64;
    case "i128":
    case "u128":
      return 128;
  }
}

// ---------------------------------------------------------------------------------------------------
// Structural helpers

/** Applies `f` to each direct child type and rebuilds (identity-preserving when nothing changes). */
export function mapTy(t: Ty, f: (t: Ty) => Ty): Ty {
  switch (t.k) {
    case "int":
    case "float":
    case "bool":
    case "char":
    case "str":
    case "never":
    case "param":
    case "infer":
    case "intvar":
    case "floatvar":
    case "error":
      return t;
    case "tuple": {
      const elems = mapArr(t.elems, f);
      return elems === t.elems ? t : { k: "tuple", elems };
    }
    case "array": {
      const elem = f(t.elem);
      return elem === t.elem ? t : { k: "array", elem, len: t.len };
    }
    case "slice": {
      const elem = f(t.elem);
      return elem === t.elem ? t : { k: "slice", elem };
    }
    case "ref":
    case "ptr": {
      const inner = f(t.inner);
      return inner === t.inner ? t : { k: t.k, mutable: t.mutable, inner };
    }
    case "adt":
    case "fndef": {
      const args = mapArr(t.args, f);
      return args === t.args ? t : { k: t.k, def: t.def, args };
    }
    case "fnptr": {
      const params = mapArr(t.params, f);
      const ret = f(t.ret);
      return params === t.params && ret === t.ret ? t : { k: "fnptr", params, ret };
    }
    case "closure": {
      const params = mapArr(t.params, f);
      const ret = f(t.ret);
      return params === t.params && ret === t.ret ? t : { k: "closure", node: t.node, params, ret };
    }
    case "future": {
      const args = mapArr(t.args, f);
      const output = f(t.output);
      return args === t.args && output === t.output ? t : { k: "future", node: t.node, def: t.def, args, output };
    }
    case "opaque": {
      const args = mapArr(t.args, f);
      const bounds = mapBounds(t.bounds, f);
      return args === t.args && bounds === t.bounds ? t : { k: "opaque", def: t.def, args, bounds };
    }
    case "dyn": {
      const bounds = mapBounds(t.bounds, f);
      return bounds === t.bounds ? t : { k: "dyn", bounds };
    }
    case "assoc": {
      const self = f(t.self);
      const args = mapArr(t.args, f);
      return self === t.self && args === t.args ? t : { k: "assoc", trait: t.trait, self, args, name: t.name };
    }
  }
}

function mapArr(xs: readonly Ty[], f: (t: Ty) => Ty): readonly Ty[] {
  let out: Ty[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const y = f(xs[i]!);
    if (y !== xs[i] && !out) out = xs.slice(0, i);
    if (out) out.push(y);
  }
  return out ?? xs;
}

export function mapTraitRef(r: TraitRef, f: (t: Ty) => Ty): TraitRef {
  const args = mapArr(r.args, f);
  let bindings: Map<string, Ty> | undefined;
  for (const [name, ty] of r.bindings) {
    const y = f(ty);
    if (y !== ty) {
      bindings ??= new Map(r.bindings);
      bindings.set(name, y);
    }
  }
  return args === r.args && !bindings ? r : { trait: r.trait, args, bindings: bindings ?? r.bindings };
}

function mapBounds(bs: readonly TraitRef[], f: (t: Ty) => Ty): readonly TraitRef[] {
  let changed = false;
  const out = bs.map((b) => {
    const y = mapTraitRef(b, f);
    if (y !== b) changed = true;
    return y;
  });
  return changed ? out : bs;
}

/** Visits every type inside `t` (pre-order). */
export function walkTy(t: Ty, f: (t: Ty) => void): void {
  f(t);
  mapTy(t, (c) => {
    walkTy(c, f);
    return c;
  });
}

export function hasInfer(t: Ty): boolean {
  let found = false;
  walkTy(t, (c) => {
    if (c.k === "infer" || c.k === "intvar" || c.k === "floatvar") found = true;
  });
  return found;
}

export function hasParams(t: Ty): boolean {
  let found = false;
  walkTy(t, (c) => {
    if (c.k === "param") found = true;
  });
  return found;
}

/** A substitution of generic parameters, keyed by `paramKey`. */
export type Subst = ReadonlyMap<string, Ty>;

export function paramKey(p: { owner: DefId; index: number }): string {
  return `${p.owner}:${p.index}`;
}

export function substTy(t: Ty, s: Subst): Ty {
  if (s.size === 0) return t;
  const go = (x: Ty): Ty => {
    if (x.k === "param") return s.get(paramKey(x)) ?? x;
    return mapTy(x, go);
  };
  return go(t);
}

export function substTraitRef(r: TraitRef, s: Subst): TraitRef {
  if (s.size === 0) return r;
  return mapTraitRef(r, (t) => substTy(t, s));
}

/** Structural equality of fully-resolved types (inference variables compared by number). */
export function tyEq(a: Ty, b: Ty): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "int":
    case "float":
      return a.kind === (b as typeof a).kind;
    case "bool":
    case "char":
    case "str":
    case "never":
    case "error":
      return true;
    case "tuple":
      return arrEq(a.elems, (b as typeof a).elems);
    case "array": {
      const bb = b as typeof a;
      return a.len === bb.len && tyEq(a.elem, bb.elem);
    }
    case "slice":
      return tyEq(a.elem, (b as typeof a).elem);
    case "ref":
    case "ptr": {
      const bb = b as typeof a;
      return a.mutable === bb.mutable && tyEq(a.inner, bb.inner);
    }
    case "adt":
    case "fndef": {
      const bb = b as typeof a;
      return a.def === bb.def && arrEq(a.args, bb.args);
    }
    case "fnptr": {
      const bb = b as typeof a;
      return arrEq(a.params, bb.params) && tyEq(a.ret, bb.ret);
    }
    case "closure":
    case "future":
      return a.node === (b as typeof a).node && arrEq(a.k === "future" ? a.args : [], b.k === "future" ? b.args : []);
    case "param":
      return a.owner === (b as typeof a).owner && a.index === (b as typeof a).index;
    case "opaque": {
      const bb = b as typeof a;
      return a.def === bb.def && arrEq(a.args, bb.args);
    }
    case "dyn": {
      const bb = b as typeof a;
      return a.bounds.length === bb.bounds.length && a.bounds.every((x, i) => x.trait === bb.bounds[i]!.trait);
    }
    case "assoc": {
      const bb = b as typeof a;
      return a.trait === bb.trait && a.name === bb.name && tyEq(a.self, bb.self) && arrEq(a.args, bb.args);
    }
    case "infer":
    case "intvar":
    case "floatvar":
      return a.v === (b as typeof a).v;
  }
}

function arrEq(a: readonly Ty[], b: readonly Ty[]): boolean {
  return a.length === b.length && a.every((x, i) => tyEq(x, b[i]!));
}
