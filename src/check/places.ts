// Abstract places: the memory locations the checker follows through a body, with the one property
// that matters for pinning — whether a place is stored *inline* in another (it moves with it) or on
// the heap (it stays where it is when its owner moves).
//
// A MIR place is a local and a list of projections; an abstract place is a root and a list of steps:
//
//   [MIR]                          [abstract]       [moves with `task`?]
//   _3                             L3               (the local itself)
//   (_3.1: F)                      L3.f1            yes: a field is inline
//   _4[_7]                         L4[]             yes: every element of an array, one place
//   (*_5)  with _5: Box<F>         L5.*             no:  a Box's contents are on the heap
//   Vec::index(&_6, 0)             L6.*             no:  a Vec's elements are on the heap
//   (*_1)  with _1: &mut Self      A1               the place the argument `_1` points to
//
// `A1` is the caller's place behind a reference parameter: a method that stores a pointer from one
// field of `*self` into another is summarised as "makes `A1` point into itself", and the caller applies
// that to whatever it passed.
//
// Keys are strings (`L3.f1`, `A1.f0[]`, `L5.*`) so that "is P inside Q" is a prefix test, and "does P
// move when Q moves" is a prefix test whose remainder contains no heap step (`.*`).

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Ty } from "../resolve/ty.js";
import type { Local } from "../mir/types.js";

export type Root = { readonly kind: "local"; readonly local: Local } | { readonly kind: "arg"; readonly local: Local };

export type Elem = { readonly kind: "field"; readonly index: number } | { readonly kind: "index" } | { readonly kind: "heap" };

export interface Step {
  readonly elem: Elem;
  /** The type of the place after this step. */
  readonly ty: Ty;
}

export interface APlace {
  readonly root: Root;
  readonly rootTy: Ty;
  readonly steps: readonly Step[];
  readonly key: string;
}

/** The key text of one step (`.f2`, `[]`, `.*`). */
export function stepKey(s: Step): string {
  return elemKey(s.elem);
}

function elemKey(e: Elem): string {
  switch (e.kind) {
    case "field":
      return `.f${e.index}`;
    case "index":
      return "[]";
    case "heap":
      return ".*";
    default:
      return assertNever(e, "place step");
  }
}

export function rootPlace(root: Root, ty: Ty): APlace {
  return { root, rootTy: ty, steps: [], key: `${root.kind === "local" ? "L" : "A"}${root.local}` };
}

export function extend(p: APlace, elem: Elem, ty: Ty): APlace {
  return { root: p.root, rootTy: p.rootTy, steps: [...p.steps, { elem, ty }], key: p.key + elemKey(elem) };
}

/** Extends by several steps (a summary's path applied to a caller's place). */
export function extendAll(p: APlace, steps: readonly Step[]): APlace {
  let out = p;
  for (const s of steps) out = extend(out, s.elem, s.ty);
  return out;
}

/** The type of the place. */
export function placeTy(p: APlace): Ty {
  return p.steps.length ? p.steps[p.steps.length - 1]!.ty : p.rootTy;
}

/** The place made of the first `depth` steps of `p`. */
export function prefixPlace(p: APlace, depth: number): APlace {
  let out = rootPlace(p.root, p.rootTy);
  for (let i = 0; i < depth; i++) out = extend(out, p.steps[i]!.elem, p.steps[i]!.ty);
  return out;
}

/** Is `inner` equal to `outer` or inside it? */
export function isWithin(outer: string, inner: string): boolean {
  if (inner === outer) return true;
  if (!inner.startsWith(outer)) return false;
  const next = inner[outer.length];
  return next === "." || next === "[";
}

/** Does `inner` move when `outer` moves: inside it, with no heap step in between? */
export function movesWith(outer: string, inner: string): boolean {
  return isWithin(outer, inner) && !inner.slice(outer.length).includes(".*");
}

function sameElem(a: Elem, b: Elem): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "field" || a.index === (b as { index: number }).index;
}

/** The number of steps two places (of the same root) have in common; -1 for different roots. */
export function commonDepth(a: APlace, b: APlace): number {
  if (a.root.kind !== b.root.kind || a.root.local !== b.root.local) return -1;
  let i = 0;
  while (i < a.steps.length && i < b.steps.length && sameElem(a.steps[i]!.elem, b.steps[i]!.elem)) i++;
  return i;
}

export function rootKey(p: APlace): string {
  return `${p.root.kind === "local" ? "L" : "A"}${p.root.local}`;
}
