// P0103, the half that needs no dataflow: calls whose callee requires `T: Unpin` of a type that is
// not. One rule covers the std and the program's own functions, because both are declared with
// where-clauses (std-stubs.ts has `pub fn new(pointer: Ptr) -> Pin<Ptr> where Ptr::Target: Unpin;`):
//
//   [MIR]  _5 = pin::new::<&mut {async fn body of greet()}>(move _6)
//   predicate  <Ptr as Deref>::Target: Unpin   with Ptr := &mut {async fn body of greet()}
//   normalized {async fn body of greet()}: Unpin          → not Unpin: P0103 at the argument `&mut fut`
//
// `Pin::new`, `Pin::get_mut`, `Pin::into_inner` and `fn block_on<F: Future + Unpin>` are all found
// this way. The other half — `*p = …`, `&mut *p`, `*p` moved out, through `Pin`'s `Deref` — is in the
// flow (`pinDeref` findings).
//
// "Not Unpin" is rustc's view: a type the solver says is `!Unpin`, or one that is only "maybe" because
// it involves a generic parameter without an `Unpin` bound (rustc cannot prove it either). A "maybe"
// for any other reason (a closure's captures) gets the benefit of the doubt.

import type { Span } from "../syntax/source.js";
import type { Program, Solver } from "../resolve/index.js";
import { hasParams, paramKey, substTy, walkTy, type Ty } from "../resolve/ty.js";
import type { Body } from "../mir/types.js";
import type { AstIndex } from "./ast.js";

export function notUnpin(solver: Solver, ty: Ty): boolean {
  const a = solver.unpin(ty);
  if (a === "yes") return false;
  if (a === "no") return true;
  let generic = hasParams(ty);
  walkTy(ty, (t) => {
    if (t.k === "opaque" || t.k === "assoc") generic = true;
  });
  return generic;
}

export interface UnpinBoundFinding {
  /** The argument that must be `Unpin` (or the method name, for a receiver). */
  readonly span: Span;
  /** The callee (`Pin::new`, `get_mut`), when it is not the primary span. */
  readonly calleeSpan: Span | undefined;
  readonly fnName: string;
  /** `Pin::new`, `Pin::get_mut`, `Pin::into_inner`, or another fn with an `Unpin` bound. */
  readonly kind: "pinNew" | "pinGetMut" | "pinIntoInner" | "bound";
  readonly ty: Ty;
}

export function findUnpinBounds(body: Body, program: Program, ast: AstIndex, solver: Solver): UnpinBoundFinding[] {
  const tcx = program.tcx;
  const out: UnpinBoundFinding[] = [];
  for (const block of body.blocks) {
    const t = block.terminator;
    if (t.kind !== "call" || t.func.kind !== "const" || t.func.value.kind !== "fn") continue;
    const c = t.func.value;
    const d = tcx.def(c.def);
    if (d.kind !== "fn") continue;
    const preds = tcx.predicatesOf(c.def).filter((p) => p.bound.trait === tcx.lang.Unpin);
    if (!preds.length) continue;
    const subst = tcx.substFor(tcx.genericsOf(c.def), c.args);
    if (c.selfTy && d.container.kind === "trait") subst.set(paramKey(tcx.traitSelf(d.container.trait)), c.selfTy);
    const inputs = tcx.fnSig(c.def).inputs;
    const seen = new Set<string>();
    for (const pred of preds) {
      const ty = solver.normalize(substTy(pred.ty, subst));
      if (!notUnpin(solver, ty)) continue;
      // The argument whose declared type mentions the parameter the bound is about.
      const params = new Set<string>();
      walkTy(pred.ty, (x) => {
        if (x.k === "param") params.add(paramKey(x));
      });
      let argIndex = inputs.findIndex((input) => {
        let hit = false;
        walkTy(input, (x) => {
          if (x.k === "param" && params.has(paramKey(x))) hit = true;
        });
        return hit;
      });
      if (argIndex < 0) argIndex = 0;
      const key = `${argIndex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const call = ast.callAt(t.span);
      let span = t.span;
      let calleeSpan: Span | undefined;
      if (call?.kind === "MethodCall") {
        span = argIndex === 0 ? call.method.span : (call.args[argIndex - 1]?.span ?? call.method.span);
        calleeSpan = argIndex === 0 ? undefined : call.method.span;
      } else if (call?.kind === "Call") {
        span = call.args[argIndex]?.span ?? call.span;
        calleeSpan = call.callee.span;
      }
      const isPin = d.container.kind === "impl" && (() => {
        const self = tcx.implHeader(d.container.impl).selfTy;
        return self.k === "adt" && self.def === tcx.lang.Pin;
      })();
      const kind = !isPin ? "bound" : d.name === "new" ? "pinNew" : d.name === "get_mut" ? "pinGetMut" : d.name === "into_inner" ? "pinIntoInner" : "bound";
      const fnName = isPin ? `Pin::${d.name}` : d.name;
      out.push({ span, calleeSpan, fnName, kind, ty });
    }
  }
  return out;
}
