// P0102: `Pin::new_unchecked(&mut x)` on a stack place that stays reachable by name.
//
// Pinning promises that the value will not move again until it is dropped. `Pin::new_unchecked` is
// `unsafe` because nothing checks that promise: as long as the code after it can name `x`, it can move
// `x` (`let y = x;`, `mem::swap(&mut x, …)`). `pin!` and `Box::pin` make that impossible; so does
// shadowing `x` with its own pin for the rest of its scope (the `pin_mut!` pattern).
//
// Worked example:
//
//   fn block_on<F: Future>(fut: F) -> F::Output {
//       let mut fut = fut;                                       // `fut` declared: block B, stmt 0
//       let mut pinned = unsafe { Pin::new_unchecked(&mut fut) }; // stmt 1: statements follow in B,
//       loop { … pinned.as_mut().poll(&mut cx) … }               //   and stmt 1 does not shadow `fut`:
//   }                                                            //   P0102 (reachable by name)
//
//   let mut fut = unsafe { Pin::new_unchecked(&mut fut) };       // shadows `fut` to the end of B: fine
//
// The rule is lexical, so it is computed on the AST, with resolve/'s tables for what the names and
// types are: walking outwards from the call through the enclosing blocks up to the block that
// declares the local, the local is reachable if some block has a statement (or tail expression) after
// the one holding the call — unless that statement is a `let` that shadows the name, which hides it
// to the end of that block only — or if a loop (or a closure, which may run again) lies in between.

import { assertNever } from "../diagnostics/diagnostic.js";
import type * as ast from "../syntax/ast.js";
import type { Program } from "../resolve/index.js";
import { solverFor } from "../resolve/index.js";
import type { DefId, Ty } from "../resolve/ty.js";
import type { LocalId } from "../resolve/program.js";
import { exprChildren, stmtChildren } from "./ast.js";

type Frame =
  | { readonly kind: "block"; readonly block: ast.Block; readonly index: number }
  | { readonly kind: "loop"; readonly expr: ast.Expr }
  | { readonly kind: "closure"; readonly expr: ast.Expr };

export type Reachability =
  /** A later statement of a block inside the local's scope can name it. */
  | { readonly kind: "later"; readonly next: ast.Stmt | ast.Expr }
  /** The call is inside a loop inside the local's scope: the next iteration can name it. */
  | { readonly kind: "loop"; readonly loop: ast.Expr }
  /** Inside a closure or async block, which may run more than once. */
  | { readonly kind: "closure"; readonly expr: ast.Expr };

export interface NewUncheckedFinding {
  readonly call: ast.CallExpr;
  /** The `&mut x` argument and the place `x`. */
  readonly arg: ast.RefExpr;
  readonly local: LocalId;
  readonly ty: Ty;
  readonly reach: Reachability;
  /** The place is an element of a `Vec` the local holds (`&mut v[0]`): growing the Vec moves it. */
  readonly inVec: boolean;
}

export function findNewUnchecked(program: Program): NewUncheckedFinding[] {
  const out: NewUncheckedFinding[] = [];
  for (const fn of program.bodies) {
    const body = fn.node.body;
    if (!body) continue;
    const w = new Walker(program, fn.def, out);
    if (fn.selfLocal !== undefined) w.declare(fn.selfLocal, body, -1);
    for (const p of fn.params) for (const l of p.bindings) w.declare(l, body, -1);
    w.block(body, []);
  }
  return out;
}

class Walker {
  private readonly decls = new Map<LocalId, { block: ast.Block; index: number }>();
  private readonly solver;

  constructor(
    private readonly program: Program,
    fnDef: DefId,
    private readonly out: NewUncheckedFinding[],
  ) {
    this.solver = solverFor(program, fnDef);
  }

  declare(local: LocalId, block: ast.Block, index: number): void {
    this.decls.set(local, { block, index });
  }

  private declarePat(p: ast.Pat, block: ast.Block, index: number): void {
    for (const id of patBindings(p)) {
      const l = this.program.bindings.get(id);
      if (l !== undefined) this.declare(l, block, index);
    }
  }

  block(blk: ast.Block, frames: readonly Frame[]): void {
    blk.stmts.forEach((s, i) => {
      const inner = [...frames, { kind: "block", block: blk, index: i } as const];
      for (const c of stmtChildren(s)) this.child(c, inner);
      if (s.kind === "Let") this.declarePat(s.pat, blk, i);
    });
    if (blk.tail) this.expr(blk.tail, [...frames, { kind: "block", block: blk, index: blk.stmts.length }]);
  }

  private child(c: ReturnType<typeof exprChildren>[number], frames: readonly Frame[]): void {
    if (c.kind === "expr") this.expr(c.expr, frames);
    else this.block(c.block, frames);
  }

  /** Loops, conditionals, matches and closures change the frames or declare names; a call to
   *  `Pin::new_unchecked` is checked; every other expression just walks its children. */
  private expr(x: ast.Expr, frames: readonly Frame[]): void {
    if (x.kind === "Loop") {
      this.block(x.body, [...frames, { kind: "loop", expr: x }]);
    } else if (x.kind === "While") {
      const inLoop = [...frames, { kind: "loop", expr: x } as const];
      this.expr(x.cond, inLoop);
      this.declareCond(x.cond, x.body);
      this.block(x.body, inLoop);
    } else if (x.kind === "For") {
      this.expr(x.iter, frames);
      this.declarePat(x.pat, x.body, -1);
      this.block(x.body, [...frames, { kind: "loop", expr: x }]);
    } else if (x.kind === "If") {
      this.expr(x.cond, frames);
      this.declareCond(x.cond, x.then);
      this.block(x.then, frames);
      if (x.else) this.expr(x.else, frames);
    } else if (x.kind === "Match") {
      this.expr(x.scrutinee, frames);
      for (const arm of x.arms) {
        if (arm.body.kind === "BlockExpr") this.declarePat(arm.pat, arm.body.block, -1);
        if (arm.guard) this.expr(arm.guard, frames);
        this.expr(arm.body, frames);
      }
    } else if (x.kind === "Closure" || x.kind === "AsyncBlock") {
      for (const c of exprChildren(x)) this.child(c, [...frames, { kind: "closure", expr: x }]);
    } else {
      if (x.kind === "Call") this.checkCall(x, frames);
      for (const c of exprChildren(x)) this.child(c, frames);
    }
  }

  /** `if let` / `while let` bindings are in scope in the body. */
  private declareCond(cond: ast.Expr, body: ast.Block): void {
    if (cond.kind === "LetCond") this.declarePat(cond.pat, body, -1);
    else if (cond.kind === "Binary" && cond.op === "&&") {
      this.declareCond(cond.lhs, body);
      this.declareCond(cond.rhs, body);
    }
  }

  private checkCall(call: ast.CallExpr, frames: readonly Frame[]): void {
    if (call.callee.kind !== "Path" || !isNewUnchecked(this.program, call.callee)) return;
    const arg = call.args[0];
    if (!arg || arg.kind !== "Ref" || !arg.mutable || arg.raw) return;
    const root = this.placeRoot(arg.operand);
    if (root === undefined) return;
    const ty = this.program.exprTypes.get(arg.operand.id);
    if (!ty || this.solver.unpin(ty) === "yes") return;
    const reach = this.reachable(root.local, frames);
    if (reach) this.out.push({ call, arg, local: root.local, ty, reach, inVec: root.inVec });
  }

  /** The local that keeps the place: it is stored inline in it, or it is an element of a `Vec` held
   *  inline in it (`&mut v[0]`: the buffer is on the heap, but `v.push(…)` can move it). */
  private placeRoot(x: ast.Expr): { local: LocalId; inVec: boolean } | undefined {
    const inline = this.stackRoot(x);
    if (inline !== undefined) return { local: inline, inVec: false };
    if (x.kind !== "Index") return undefined;
    const t = this.program.exprTypes.get(x.object.id);
    if (t?.k !== "adt" || t.def !== this.program.tcx.lang.Vec) return undefined;
    const local = this.stackRoot(x.object);
    return local === undefined ? undefined : { local, inVec: true };
  }

  /** The local a place expression is stored inline in, or undefined if it is reached through a
   *  reference, a `Box`, a `Vec` or anything but fields and array elements. */
  private stackRoot(x: ast.Expr): LocalId | undefined {
    const adjusted = (this.program.adjustments.get(x.id) ?? []).some((a) => a.kind === "deref");
    if (adjusted) return undefined;
    if (x.kind === "Path") {
      const r = this.program.res.get(x.id);
      if (r?.kind !== "local") return undefined;
      const l = this.program.locals[r.local];
      return l && l.byRef === "none" ? r.local : undefined;
    }
    if (x.kind === "Field") return this.stackRoot(x.object);
    if (x.kind === "Index") return this.program.exprTypes.get(x.object.id)?.k === "array" ? this.stackRoot(x.object) : undefined;
    return undefined;
  }

  private reachable(local: LocalId, frames: readonly Frame[]): Reachability | undefined {
    const decl = this.decls.get(local);
    const name = this.program.locals[local]?.name;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i]!;
      if (f.kind === "loop") return { kind: "loop", loop: f.expr };
      if (f.kind === "closure") return { kind: "closure", expr: f.expr };
      const stmt = f.index < f.block.stmts.length ? f.block.stmts[f.index] : undefined;
      const shadows = stmt?.kind === "Let" && name !== undefined && patBindsName(this.program, stmt.pat, name);
      const next: ast.Stmt | ast.Expr | undefined =
        f.index + 1 < f.block.stmts.length ? f.block.stmts[f.index + 1] : f.index < f.block.stmts.length ? f.block.tail : undefined;
      const isScope = decl !== undefined && decl.block === f.block;
      if (next && !shadows && !isEmptyTail(next)) return { kind: "later", next };
      if (isScope) return undefined;
    }
    // The declaration was not found around the call (a pattern pinion does not follow): say so.
    return decl ? undefined : frames.length ? { kind: "later", next: lastStmtOf(frames) } : undefined;
  }
}

function isEmptyTail(x: ast.Stmt | ast.Expr): boolean {
  return x.kind === "EmptyStmt";
}

function lastStmtOf(frames: readonly Frame[]): ast.Stmt | ast.Expr {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (f.kind === "block") return f.block.stmts[f.index] ?? f.block.tail ?? f.block.stmts[0]!;
  }
  throw new Error("internal error: P0102 without a block (please report this as a bug in pinion)");
}

export function isNewUnchecked(program: Program, callee: ast.PathExpr): boolean {
  const r = program.res.get(callee.id);
  if (r?.kind !== "fn") return false;
  const d = program.tcx.def(r.def);
  if (d.kind !== "fn" || !d.std || d.name !== "new_unchecked" || d.container.kind !== "impl") return false;
  const self = program.tcx.implHeader(d.container.impl).selfTy;
  return self.k === "adt" && self.def === program.tcx.lang.Pin;
}

/** The IdentPat nodes of a pattern. */
export function patBindings(p: ast.Pat): ast.NodeId[] {
  const out: ast.NodeId[] = [];
  const go = (x: ast.Pat): void => {
    switch (x.kind) {
      case "IdentPat":
        out.push(x.id);
        if (x.sub) go(x.sub);
        return;
      case "TuplePat":
      case "SlicePat":
        x.elems.forEach(go);
        return;
      case "TupleStructPat":
        x.elems.forEach(go);
        return;
      case "StructPat":
        x.fields.forEach((f) => go(f.pat));
        return;
      case "RefPat":
        go(x.inner);
        return;
      case "OrPat":
        x.alts.forEach(go);
        return;
      case "WildPat":
      case "PathPat":
      case "LitPat":
      case "RangePat":
      case "RestPat":
        return;
      default:
        return assertNever(x, "pattern");
    }
  };
  go(p);
  return out;
}

function patBindsName(program: Program, p: ast.Pat, name: string): boolean {
  return patBindings(p).some((id) => {
    const l = program.bindings.get(id);
    return l !== undefined && program.locals[l]?.name === name;
  });
}
