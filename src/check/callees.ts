// What a called function does to the places the checker follows. A std function is recognised by its
// definition (the impl or trait it belongs to, and its name), never by the text of the call:
//
//   [MIR call]                                         [callee]
//   pin::new_unchecked::<&mut F>(move _6)              pinNewUnchecked    pins *_6
//   Pin::new_unchecked(move _5)   (from `pin!`)        pinNewUnchecked    pins *_5 (no name can reach it)
//   future::Future::poll(move _5, move _7)             poll               polls the pinned *_5
//   pin::as_mut::<&mut F>(move _8)                     pinAsMut           a new Pin to the same place
//   pin::get_unchecked_mut(move _9)                    pinGetUncheckedMut a `&mut` that may move it
//   mem::swap::<F>(move _15, move _19)                 swap               moves *_15 and *_19
//   ops::Index::index::<usize>(move _11, const 0)      index              a place in `*_11`
//
// Anything else is `user` (a function of the program: summaries apply) or `other`.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { TyCtx } from "../resolve/index.js";
import type { DefId, Ty } from "../resolve/ty.js";
import type { Constant, Operand } from "../mir/types.js";
import type { NodeId } from "../syntax/ast.js";

export type Callee =
  | { readonly kind: "pinNewUnchecked"; readonly fromMacro: boolean }
  | { readonly kind: "pinNew" }
  | { readonly kind: "pinAsMut" }
  | { readonly kind: "pinAsRef" }
  /** `get_mut`, `get_ref`, `into_ref`, `into_inner`: the same pointer, out of its `Pin`. */
  | { readonly kind: "pinUnwrap"; readonly name: string }
  /** `get_unchecked_mut`, `map_unchecked_mut`, `map_unchecked`, `into_inner_unchecked`. */
  | { readonly kind: "pinUnchecked"; readonly name: string }
  | { readonly kind: "pinSet" }
  | { readonly kind: "poll" }
  | { readonly kind: "deref"; readonly selfTy: Ty }
  | { readonly kind: "index"; readonly selfTy: Ty }
  /** `Option::as_mut` / `as_ref` / `as_pin_mut`: a pointer to the payload of `*arg0`. */
  | { readonly kind: "optionProject" }
  /** `Iterator::next(&mut it)`: an item borrows from what the iterator borrows, not from the iterator. */
  | { readonly kind: "iterNext" }
  | { readonly kind: "boxPin" }
  /** `mem::swap(a, b)`: moves `*a` and `*b`. */
  | { readonly kind: "swap"; readonly name: string }
  /** Moves the value (or, for a collection, its elements) out of `*arg0`: `mem::replace`, `mem::take`,
   *  `Option::take`, `Vec::remove`, `<[T]>::swap`, … */
  | { readonly kind: "moveOut"; readonly name: string; readonly elements: boolean }
  | { readonly kind: "user"; readonly def: DefId }
  /** `Fn::call` / `FnMut::call_mut` / `FnOnce::call_once` on a closure of the program. */
  | { readonly kind: "closureCall"; readonly node: NodeId }
  | { readonly kind: "other" };

const VEC_MOVES = new Set([
  "remove", "swap_remove", "pop", "insert", "drain", "retain", "retain_mut", "dedup", "dedup_by", "dedup_by_key",
  "sort", "sort_by", "sort_by_key", "sort_unstable", "sort_unstable_by", "sort_unstable_by_key", "reverse",
  "rotate_left", "rotate_right", "split_off", "swap", "pop_front", "pop_back", "swap_remove_front",
  "swap_remove_back", "make_contiguous",
]);

export function classifyCallee(tcx: TyCtx, func: Operand): Callee {
  if (func.kind !== "const") return { kind: "other" };
  return classifyConstant(tcx, func.value);
}

export function classifyConstant(tcx: TyCtx, c: Constant): Callee {
  if (c.kind === "intrinsic") return c.name === "Pin::new_unchecked" ? { kind: "pinNewUnchecked", fromMacro: true } : { kind: "other" };
  if (c.kind !== "fn") return { kind: "other" };
  const d = tcx.def(c.def);
  if (d.kind !== "fn") return { kind: "other" };
  if (!d.std) return { kind: "user", def: c.def };
  const lang = tcx.lang;
  const name = d.name;
  switch (d.container.kind) {
    case "free": {
      const path = tcx.path(c.def);
      if (path === "mem::swap") return { kind: "swap", name: "mem::swap" };
      if (path === "mem::replace" || path === "mem::take") return { kind: "moveOut", name: path, elements: false };
      return { kind: "other" };
    }
    case "trait": {
      const trait = d.container.trait;
      if (trait === lang.Future && name === "poll") return { kind: "poll" };
      if (trait === lang.Iterator && name === "next") return { kind: "iterNext" };
      if ((trait === lang.Fn || trait === lang.FnMut || trait === lang.FnOnce) && c.selfTy?.k === "closure") return { kind: "closureCall", node: c.selfTy.node };
      if ((trait === lang.Deref && name === "deref") || (trait === lang.DerefMut && name === "deref_mut")) {
        return c.selfTy ? { kind: "deref", selfTy: c.selfTy } : { kind: "other" };
      }
      if ((trait === lang.Index && name === "index") || (trait === lang.IndexMut && name === "index_mut")) {
        return c.selfTy ? { kind: "index", selfTy: c.selfTy } : { kind: "other" };
      }
      return { kind: "other" };
    }
    case "impl": {
      const selfTy = tcx.implHeader(d.container.impl).selfTy;
      if (selfTy.k === "adt" && selfTy.def === lang.Pin) {
        switch (name) {
          case "new_unchecked":
            return { kind: "pinNewUnchecked", fromMacro: false };
          case "new":
            return { kind: "pinNew" };
          case "as_mut":
            return { kind: "pinAsMut" };
          case "as_ref":
            return { kind: "pinAsRef" };
          case "get_mut":
          case "get_ref":
          case "into_ref":
          case "into_inner":
            return { kind: "pinUnwrap", name };
          case "get_unchecked_mut":
          case "map_unchecked_mut":
          case "map_unchecked":
          case "into_inner_unchecked":
            return { kind: "pinUnchecked", name };
          case "set":
            return { kind: "pinSet" };
          default:
            return { kind: "other" };
        }
      }
      if (selfTy.k === "adt" && selfTy.def === lang.Option) {
        if (name === "as_mut" || name === "as_ref" || name === "as_pin_mut") return { kind: "optionProject" };
        if (name === "take" || name === "replace") return { kind: "moveOut", name: `Option::${name}`, elements: false };
        return { kind: "other" };
      }
      if (selfTy.k === "adt" && selfTy.def === lang.Box && name === "pin") return { kind: "boxPin" };
      const collection =
        (selfTy.k === "adt" && (selfTy.def === lang.Vec || selfTy.def === lang.VecDeque)) || selfTy.k === "slice" || selfTy.k === "array";
      if (collection && VEC_MOVES.has(name)) {
        const owner = selfTy.k === "adt" ? (selfTy.def === lang.Vec ? "Vec" : "VecDeque") : "slice";
        return { kind: "moveOut", name: owner === "slice" ? `<[T]>::${name}` : `${owner}::${name}`, elements: true };
      }
      return { kind: "other" };
    }
    default:
      return assertNever(d.container, "fn container");
  }
}
