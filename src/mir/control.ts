// Lowering of statements, blocks and the expressions that write into a destination: calls, control
// flow, and the desugarings rustc performs before MIR building.
//
//   e.await      match IntoFuture::into_future(e) { mut __awaitee => <await __awaitee> }
//   for p in e   match IntoIterator::into_iter(e) { mut iter => loop { match Iterator::next(&mut iter) {
//                    None => break, Some(p) => body } } }
//   e?           match Try::branch(e) { Continue(v) => v, Break(r) => return FromResidual::from_residual(r) }
//   while c {b}  loop { if c { b } else { break } }
//   println!(…)  { _print(format_args!(…)) }   with the arguments borrowed into a tuple, left to right
//   pin!(v)      { super let mut pinned = v; Pin::new_unchecked(&mut pinned) }
//
// Each desugaring creates the locals rustc creates (`__awaitee`, `iter`, `pinned`), because those are
// the names that appear in the coroutine layout.

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import { Ty } from "../resolve/ty.js";
import { resolveModulePath } from "../resolve/scope.js";
import type { LocalId } from "../resolve/program.js";
import type { Builder, Breakable } from "./builder.js";
import type { ExprLowering, TExpr } from "./expr.js";
import { PatternLowering, type Binding } from "./matches.js";
import type { Scope } from "./scope.js";
import { place, projectPlace, type BlockId, type Local, type Operand, type Place } from "./types.js";

export class ControlLowering {
  readonly pat: PatternLowering;

  constructor(
    readonly b: Builder,
    readonly x: ExprLowering,
  ) {
    this.pat = new PatternLowering(b, x);
    x.intoAst = (dest, blk, e) => this.intoAst(dest, blk, e);
  }

  get p() {
    return this.b.program;
  }
  get lang() {
    return this.p.tcx.lang;
  }

  // ------------------------------------------------------------------------------------------------
  // Blocks and statements

  /** `dest = { stmts; tail }`. */
  block(dest: Place, b: BlockId, blk: ast.Block): BlockId {
    return this.b.inScope(b, "block", (b0) => {
      const remainders: Scope[] = [];
      for (const s of blk.stmts) {
        if (s.kind === "Let") {
          const rem = this.b.pushScope("remainder");
          remainders.push(rem);
          b0 = this.letStmt(b0, s, rem);
        } else if (s.kind === "ExprStmt") {
          b0 = this.b.inTempScope(b0, "statement", (bb, stmtScope) => this.stmtExpr(bb, s.expr, stmtScope));
        }
      }
      if (blk.tail) {
        // Edition 2021: the tail's temporaries outlive the block's locals (they belong to the
        // enclosing temporary scope).
        b0 = this.x.into(dest, b0, this.x.mirror(blk.tail));
      } else if (!this.diverges(blk)) {
        this.b.assign(b0, dest, { kind: "use", operand: unit() }, blk.span);
      }
      for (let i = remainders.length - 1; i >= 0; i--) b0 = this.b.popScope(b0, remainders[i]!);
      return b0;
    });
  }

  private diverges(blk: ast.Block): boolean {
    const last = blk.stmts[blk.stmts.length - 1];
    if (!last || last.kind !== "ExprStmt") return false;
    return (this.p.exprTypes.get(last.expr.id) ?? Ty.unit).k === "never";
  }

  /** An expression statement: evaluate and discard (rustc's stmt_expr). */
  private stmtExpr(b: BlockId, e: ast.Expr, stmtScope: Scope): BlockId {
    switch (e.kind) {
      case "Assign":
      case "CompoundAssign":
      case "Break":
      case "Continue":
      case "Return":
        return this.intoAst(place(this.scratch(Ty.unit, e.span)), b, e);
      default: {
        const [b1] = this.x.asTemp(b, this.x.mirror(e), stmtScope);
        return b1;
      }
    }
  }

  /** A temporary that is written and never read (the unit result of a statement). */
  private scratch(ty: Ty, span: Span): Local {
    return this.b.temp(ty, span);
  }

  private letStmt(b: BlockId, s: ast.LetStmt, rem: Scope): BlockId {
    const ty = this.p.patTypes.get(s.pat.id) ?? Ty.error;
    return this.b.inTempScope(b, "statement", (b0) => {
      const simple = this.simpleBinding(s.pat);
      if (!s.init) {
        for (const l of this.bindingsOf(s.pat)) {
          const local = this.b.declareVar(l);
          this.b.storageLive(b0, local, s.span);
          this.b.scheduleDrop(rem, local, "storage", s.span);
          this.b.scheduleDrop(rem, local, "value", s.span);
        }
        return b0;
      }
      if (simple !== undefined && !s.else) {
        // `let x = init;`: StorageLive(x), evaluate into x, then schedule x's drop.
        const local = this.b.declareVar(simple);
        this.b.storageLive(b0, local, s.pat.span);
        this.b.scheduleDrop(rem, local, "storage", s.pat.span);
        this.withExtendedTemps(rem, s.init, () => {
          b0 = this.x.into(place(local), b0, this.x.mirror(s.init!));
        });
        this.b.scheduleDrop(rem, local, "value", s.pat.span);
        return b0;
      }
      // A pattern: evaluate the initializer into a place, then test and bind.
      let scrut: Place | undefined;
      this.withExtendedTemps(rem, s.init, () => {
        const [b1, p] = this.x.asPlace(b0, this.x.mirror(s.init!));
        b0 = b1;
        scrut = p;
      });
      const fail = this.b.newBlock();
      const bindings: Binding[] = [];
      const ok = this.pat.test(b0, s.pat, scrut!, ty, fail, bindings);
      if (s.else) {
        this.b.inScope(fail, "block", (fb) => {
          const end = this.block(place(this.scratch(Ty.never, s.else!.span)), fb, s.else!);
          this.b.terminate(end, { kind: "unreachable", span: s.else!.span });
          return this.b.newBlock();
        });
      } else {
        this.b.terminate(fail, { kind: "unreachable", span: s.span });
      }
      return this.pat.bind(ok, bindings, rem);
    });
  }

  /** Temporaries borrowed by `let x = &temp` live as long as `x` (lifetime extension). */
  private withExtendedTemps(rem: Scope, init: ast.Expr, f: () => void): void {
    if (!extendsTemps(init)) return f();
    this.b.tempScopes.push(rem);
    try {
      f();
    } finally {
      this.b.tempScopes.pop();
    }
  }

  private simpleBinding(p: ast.Pat): LocalId | undefined {
    if (p.kind !== "IdentPat" || p.byRef !== "none" || p.sub) return undefined;
    return this.p.bindings.get(p.id);
  }

  private bindingsOf(p: ast.Pat): LocalId[] {
    const out: LocalId[] = [];
    const visit = (q: ast.Pat) => {
      switch (q.kind) {
        case "IdentPat": {
          const l = this.p.bindings.get(q.id);
          if (l !== undefined && !out.includes(l)) out.push(l);
          if (q.sub) visit(q.sub);
          return;
        }
        case "TuplePat":
        case "SlicePat":
        case "TupleStructPat":
          q.elems.forEach(visit);
          return;
        case "StructPat":
          q.fields.forEach((f) => visit(f.pat));
          return;
        case "RefPat":
          visit(q.inner);
          return;
        case "OrPat":
          q.alts.forEach(visit);
          return;
        default:
          return;
      }
    };
    visit(p);
    return out;
  }

  // ------------------------------------------------------------------------------------------------
  // Into-expressions

  intoAst(dest: Place, b: BlockId, e: ast.Expr): BlockId {
    const span = e.span;
    switch (e.kind) {
      case "BlockExpr":
        if (e.label) {
          return this.b.inBreakable(b, { kind: "block", label: e.label.name, dest, continueTarget: undefined }, (bb) => this.block(dest, bb, e.block));
        }
        return this.block(dest, b, e.block);
      case "If":
        return this.ifExpr(dest, b, e);
      case "Match":
        return this.matchExpr(dest, b, e);
      case "Loop": {
        const head = this.b.newBlock();
        this.b.goto(b, head, span);
        return this.b.inBreakable(b, { kind: "loop", label: e.label?.name, dest, continueTarget: head }, () => {
          const end = this.b.inTempScope(head, "loopBody", (bb) => this.block(place(this.scratch(Ty.unit, span)), bb, e.body));
          this.b.goto(end, head, span);
          return undefined;
        });
      }
      case "While":
        return this.whileExpr(dest, b, e);
      case "For":
        return this.forExpr(dest, b, e);
      case "Call":
        return this.callExpr(dest, b, e);
      case "MethodCall":
        return this.methodCall(dest, b, e);
      case "Binary":
        if (e.op === "&&" || e.op === "||") return this.lazyBool(dest, b, e);
        return this.overloadedBinary(dest, b, e);
      case "Unary":
        return this.overloadedUnary(dest, b, e);
      case "Assign":
        return this.assign(dest, b, e);
      case "CompoundAssign":
        return this.compoundAssign(dest, b, e);
      case "Break":
        return this.breakExpr(b, e);
      case "Continue": {
        const target = this.b.findBreakable(e.label?.name, "continue");
        if (!target) return b;
        return this.b.breakOut(b, target, "continue", span);
      }
      case "Return": {
        const ret = this.b.returnScope;
        if (e.value) b = this.x.into(ret.dest!, b, this.x.mirror(e.value));
        else this.b.assign(b, ret.dest!, { kind: "use", operand: unit() }, span);
        return this.b.breakOut(b, ret, "break", span);
      }
      case "Await":
        return this.awaitExpr(dest, b, e);
      case "Try":
        return this.tryExpr(dest, b, e);
      case "MacroCall":
        return this.macroCall(dest, b, e);
      case "Range": {
        // `a..=b` is `RangeInclusive::new(a, b)`.
        const ty = this.x.tyOf(e);
        return this.callInto(dest, b, this.b.intrinsic("RangeInclusive::new"), [this.x.mirror(e.lo!), this.x.mirror(e.hi!)], span, ty);
      }
      case "LetCond": {
        // A bare `let` condition outside if/while (only inside `&&` chains handled by cond()).
        this.b.assign(b, dest, { kind: "use", operand: { kind: "const", value: { kind: "bool", value: true }, ty: Ty.bool } }, span);
        return b;
      }
      default:
        // Everything else has an rvalue form.
        return this.x.into(dest, b, { ...this.x.mirror(e), scoped: false } as TExpr);
    }
  }

  // ---------------- conditions

  /**
   * Lowers a condition (possibly a `let` chain): returns the block where it holds; jumps to `otherwise`
   * where it does not. Bindings of `let` parts are bound in `bindScope`.
   */
  private cond(b: BlockId, c: ast.Expr, otherwise: BlockId, bindScope: Scope): BlockId {
    if (c.kind === "LetCond") {
      const ty = this.x.tyOf(c.scrutinee);
      const [b1, scrut] = this.x.asPlace(b, this.x.mirror(c.scrutinee));
      const bindings: Binding[] = [];
      const ok = this.pat.test(b1, c.pat, scrut, this.p.adjustments.get(c.scrutinee.id)?.at(-1)?.target ?? ty, otherwise, bindings);
      return this.pat.bind(ok, bindings, bindScope);
    }
    if (c.kind === "Binary" && c.op === "&&" && hasLet(c)) {
      const mid = this.cond(b, c.lhs, otherwise, bindScope);
      return this.cond(mid, c.rhs, otherwise, bindScope);
    }
    // A plain boolean: evaluated in its own temporary scope (rustc's DropTemps).
    let op: Operand | undefined;
    b = this.b.inTempScope(b, "cond", (bb) => {
      const [b1, o] = this.x.asOperand(bb, this.x.mirror(c));
      op = o;
      return b1;
    });
    const yes = this.b.newBlock();
    this.b.terminate(b, { kind: "switchInt", discr: op!, targets: [{ value: 0n, target: otherwise }], otherwise: yes, span: c.span });
    return yes;
  }

  private ifExpr(dest: Place, b: BlockId, e: ast.IfExpr): BlockId {
    const join = this.b.newBlock();
    const elseBlock = this.b.newBlock();
    // The condition's `let` bindings and (edition 2021) its scrutinee temporaries live through the
    // then-branch.
    const thenEnd = this.b.inScope(b, "arm", (bb, scope) => {
      const yes = this.cond(bb, e.cond, elseBlock, scope);
      return this.b.inTempScope(yes, "arm", (tb) => this.block(dest, tb, e.then));
    });
    this.b.goto(thenEnd, join, e.span);
    if (e.else) {
      const elseEnd = this.b.inTempScope(elseBlock, "arm", (eb) => this.x.into(dest, eb, this.x.mirror(e.else!)));
      this.b.goto(elseEnd, join, e.span);
    } else {
      this.b.assign(elseBlock, dest, { kind: "use", operand: unit() }, e.span);
      this.b.goto(elseBlock, join, e.span);
    }
    return join;
  }

  private lazyBool(dest: Place, b: BlockId, e: ast.BinaryExpr): BlockId {
    // `a && b`: if a { dest = b } else { dest = false }
    const join = this.b.newBlock();
    const short = this.b.newBlock();
    const [b1, l] = this.x.asOperand(b, this.x.mirror(e.lhs));
    const evalRhs = this.b.newBlock();
    const isAnd = e.op === "&&";
    this.b.terminate(b1, { kind: "switchInt", discr: l, targets: [{ value: 0n, target: isAnd ? short : evalRhs }], otherwise: isAnd ? evalRhs : short, span: e.span });
    this.b.assign(short, dest, { kind: "use", operand: { kind: "const", value: { kind: "bool", value: !isAnd }, ty: Ty.bool } }, e.span);
    this.b.goto(short, join, e.span);
    const r = this.b.inTempScope(evalRhs, "cond", (bb) => this.x.into(dest, bb, this.x.mirror(e.rhs)));
    this.b.goto(r, join, e.span);
    return join;
  }

  // ---------------- match

  private matchExpr(dest: Place, b: BlockId, e: ast.MatchExpr): BlockId {
    const [b1, scrut] = this.x.asPlace(b, this.x.mirror(e.scrutinee));
    const scrutTy = this.x.adjustedTy(e.scrutinee);
    this.b.push(b1, { kind: "fakeRead", place: scrut, span: e.scrutinee.span });
    return this.arms(dest, b1, scrut, scrutTy, e.arms.map((a) => ({ pat: a.pat, guard: a.guard, span: a.span, body: (d: Place, bb: BlockId) => this.x.into(d, bb, this.x.mirror(a.body)) })), e.span);
  }

  /** Each arm in turn: test, (guard), bind, body. */
  arms(
    dest: Place,
    b: BlockId,
    scrut: Place,
    scrutTy: Ty,
    arms: { pat: ast.Pat; guard?: ast.Expr; span: Span; body: (dest: Place, b: BlockId) => BlockId }[],
    span: Span,
  ): BlockId {
    const join = this.b.newBlock();
    let next = b;
    arms.forEach((arm, i) => {
      const fail = i === arms.length - 1 ? this.unreachableBlock(span) : this.b.newBlock();
      const end = this.b.inTempScope(next, "arm", (bb, armScope) => {
        const bindings: Binding[] = [];
        let ok = this.pat.test(bb, arm.pat, scrut, scrutTy, fail, bindings);
        if (arm.guard) {
          // The guard sees the bindings by reference.
          const g = this.pat.bindForGuard(ok, bindings, armScope);
          ok = g.block;
          const saved = new Map<LocalId, Local | undefined>();
          for (const [l, r] of g.refs) {
            saved.set(l, this.b.localMap.get(l));
            this.guardRefs.set(l, r);
          }
          const passed = this.b.inTempScope(ok, "cond", (gb) => {
            const failGuard = this.b.newBlock();
            const yes = this.cond(gb, arm.guard!, failGuard, armScope);
            this.b.goto(failGuard, fail, arm.span);
            return yes;
          });
          for (const l of g.refs.keys()) this.guardRefs.delete(l);
          ok = passed;
        }
        ok = this.pat.bind(ok, bindings, armScope);
        return arm.body(dest, ok);
      });
      this.b.goto(end, join, arm.span);
      next = fail;
    });
    return join;
  }

  /** While a guard is lowered, a binding is read through its "ref for guard" local. */
  readonly guardRefs = new Map<LocalId, Local>();

  private unreachableBlock(span: Span): BlockId {
    const u = this.b.newBlock();
    this.b.terminate(u, { kind: "unreachable", span });
    return u;
  }

  // ---------------- loops

  /** `while c { body }` is `loop { if c { body } else { break } }` (and `while let` likewise). */
  private whileExpr(dest: Place, b: BlockId, e: ast.WhileExpr): BlockId {
    const head = this.b.newBlock();
    this.b.goto(b, head, e.span);
    const exit = this.b.inBreakable(b, { kind: "loop", label: e.label?.name, dest, continueTarget: head }, () => {
      const target = this.b.breakables[this.b.breakables.length - 1]!;
      const end = this.b.inTempScope(head, "loopBody", (bb) => {
        const out = this.b.newBlock();
        // The condition's bindings live in the then-arm; its temporaries in the loop body.
        const thenEnd = this.b.inScope(bb, "arm", (ab, armScope) => {
          const yes = this.cond(ab, e.cond, out, armScope);
          return this.b.inTempScope(yes, "arm", (tb) => this.block(place(this.scratch(Ty.unit, e.span)), tb, e.body));
        });
        this.b.breakOut(out, target, "break", e.span);
        return thenEnd;
      });
      this.b.goto(end, head, e.span);
      return undefined;
    });
    this.b.assign(exit, dest, { kind: "use", operand: unit() }, e.span);
    return exit;
  }

  private forExpr(dest: Place, b: BlockId, e: ast.ForExpr): BlockId {
    const info = this.p.forLoops.get(e.id);
    const iterTy = info?.iterTy ?? Ty.error;
    const itemTy = info?.itemTy ?? Ty.error;
    const L = this.lang;
    // match IntoIterator::into_iter(head) { mut iter => loop { … } }
    return this.b.inTempScope(b, "statement", (b0, stmtScope) => {
      const intoIter = this.b.traitMethod(L.IntoIterator, "into_iter");
      const [b1, scrutTemp] = this.x.callToTemp(b0, this.b.fnConst(intoIter, [], e.span, this.x.tyOf(e.iter)), [this.x.mirror(e.iter)], iterTy, e.iter.span);
      void stmtScope;
      return this.b.inScope(b1, "arm", (b2, armScope) => {
        const iter = this.b.newLocal({ ty: iterTy, kind: "named", name: "iter", span: e.iter.span });
        this.b.storageLive(b2, iter, e.iter.span);
        this.b.scheduleDrop(armScope, iter, "storage", e.iter.span);
        this.b.assign(b2, place(iter), { kind: "use", operand: { kind: "move", place: place(scrutTemp) } }, e.iter.span);
        this.b.scheduleDrop(armScope, iter, "value", e.iter.span);
        const head = this.b.newBlock();
        this.b.goto(b2, head, e.span);
        const exit = this.b.inBreakable(b2, { kind: "loop", label: e.label?.name, dest, continueTarget: head }, () => {
          const end = this.b.inTempScope(head, "loopBody", (hb) => {
            // match Iterator::next(&mut iter) { None => break, Some(pat) => body }
            const optTy = Ty.adt(L.Option, [itemTy]);
            const next = this.b.traitMethod(L.Iterator, "next");
            const borrowIter: TExpr = { k: "borrow", of: { k: "place", place: place(iter), ty: iterTy, span: e.iter.span, scoped: false }, mutable: true, ty: Ty.ref(iterTy, true), span: e.iter.span, scoped: false };
            const [hb1, nextTemp] = this.x.callToTemp(hb, this.b.fnConst(next, [], e.span, iterTy), [borrowIter], optTy, e.iter.span);
            this.b.push(hb1, { kind: "fakeRead", place: place(nextTemp), span: e.iter.span });
            const discr = this.b.temp(Ty.int("isize"), e.span);
            this.b.assign(hb1, place(discr), { kind: "discriminant", place: place(nextTemp) }, e.span);
            const someBlock = this.b.newBlock();
            const noneBlock = this.b.newBlock();
            this.b.terminate(hb1, { kind: "switchInt", discr: { kind: "move", place: place(discr) }, targets: [{ value: 0n, target: noneBlock }], otherwise: someBlock, span: e.span });
            const target = this.b.breakables[this.b.breakables.length - 1]!;
            this.b.breakOut(noneBlock, target, "break", e.span);
            const payload = projectPlace(projectPlace(place(nextTemp), { kind: "downcast", variant: 1, name: "Some" }), { kind: "field", index: 0, ty: itemTy });
            return this.b.inScope(someBlock, "arm", (sb, scope) => {
              const bindings: Binding[] = [];
              const ok = this.pat.test(sb, e.pat, payload, itemTy, this.unreachableBlock(e.span), bindings);
              const bound = this.pat.bind(ok, bindings, scope);
              return this.block(place(this.scratch(Ty.unit, e.span)), bound, e.body);
            });
          });
          this.b.goto(end, head, e.span);
          return undefined;
        });
        this.b.assign(exit, dest, { kind: "use", operand: unit() }, e.span);
        return exit;
      });
    });
  }

  private breakExpr(b: BlockId, e: ast.BreakExpr): BlockId {
    const target = this.b.findBreakable(e.label?.name, "break");
    if (!target) return b;
    if (target.dest) {
      if (e.value) b = this.x.into(target.dest, b, this.x.mirror(e.value));
      else this.b.assign(b, target.dest, { kind: "use", operand: unit() }, e.span);
    }
    return this.b.breakOut(b, target, "break", e.span);
  }

  // ---------------- calls

  private callExpr(dest: Place, b: BlockId, e: ast.CallExpr): BlockId {
    const r = e.callee.kind === "Path" ? this.p.res.get(e.callee.id) : undefined;
    const retTy = this.x.tyOf(e);
    const diverges = retTy.k === "never";
    if (r?.kind === "fn") {
      const func = this.b.fnConst(r.def, r.args, e.callee.span, r.selfTy);
      return this.callInto(dest, b, func, e.args.map((a) => this.x.mirror(a)), e.span, retTy, { diverges });
    }
    // A closure or a value bounded by `Fn*`: `Fn::call(&f, (args…))`, `FnMut::call_mut(&mut f, …)`,
    // `FnOnce::call_once(f, …)` — the callee is borrowed, not moved, unless it is FnOnce. A fn pointer
    // is called directly.
    const calleeTy = this.x.adjustedTy(e.callee);
    const kind = this.callableKind(calleeTy);
    if (kind === undefined) {
      const [b1, f] = this.x.asOperand(b, this.x.mirror(e.callee));
      return this.callInto(dest, b1, f, e.args.map((a) => this.x.mirror(a)), e.span, retTy, { diverges });
    }
    const callee: TExpr =
      kind === "FnOnce"
        ? this.x.mirror(e.callee)
        : { k: "borrow", of: this.x.mirror(e.callee), mutable: kind === "FnMut", ty: Ty.ref(calleeTy, kind === "FnMut"), span: e.callee.span, scoped: false };
    const [b1, f] = this.x.asOperand(b, callee);
    const argTys = e.args.map((a) => this.x.adjustedTy(a));
    const [b2, tupleRv] = this.x.aggregate(b1, { kind: "tuple" }, e.args.map((a) => this.x.mirror(a)));
    const tupTy = Ty.tuple(argTys);
    const tup = this.b.temp(tupTy, e.span);
    this.b.storageLive(b2, tup, e.span);
    this.b.scheduleDrop(this.b.topScope, tup, "storage", e.span);
    this.b.assign(b2, place(tup), tupleRv, e.span);
    const name = kind === "Fn" ? "Fn::call" : kind === "FnMut" ? "FnMut::call_mut" : "FnOnce::call_once";
    return this.b.call(b2, this.b.intrinsic(name), [f, { kind: "move", place: place(tup) }], dest, e.span, { diverges });
  }

  /** How a callable value is called: through `&`, `&mut` or by value; undefined for fn pointers. */
  private callableKind(t: Ty): "Fn" | "FnMut" | "FnOnce" | undefined {
    switch (t.k) {
      case "closure":
        return this.p.closures.get(t.node)?.kind ?? "Fn";
      case "ref":
        return this.callableKind(t.inner) === undefined ? undefined : "Fn";
      case "param":
      case "opaque":
      case "dyn": {
        const L = this.lang;
        const bounds = t.k === "param" && this.b.fnDef !== undefined ? this.p.tcx.predicatesOf(this.b.fnDef).filter((p) => p.ty.k === "param" && p.ty.owner === t.owner && p.ty.index === t.index).map((p) => p.bound) : t.k === "param" ? [] : t.bounds;
        if (bounds.some((b) => b.trait === L.Fn)) return "Fn";
        if (bounds.some((b) => b.trait === L.FnMut)) return "FnMut";
        if (bounds.some((b) => b.trait === L.FnOnce)) return "FnOnce";
        return undefined;
      }
      case "adt":
        if (t.def === this.lang.Box) return this.callableKind(t.args[0] ?? Ty.error);
        return undefined;
      default:
        return undefined;
    }
  }

  private methodCall(dest: Place, b: BlockId, e: ast.MethodCallExpr): BlockId {
    const m = this.p.methods.get(e.id);
    const retTy = this.x.tyOf(e);
    if (!m) return b;
    const func = this.b.fnConst(m.def, m.args, e.method.span, m.selfTy);
    return this.callInto(dest, b, func, [this.x.mirror(e.receiver), ...e.args.map((a) => this.x.mirror(a))], e.span, retTy, { diverges: retTy.k === "never" });
  }

  /** `dest = func(args…)`: arguments as operands in the call's own scope, left to right. */
  callInto(dest: Place, b: BlockId, func: Operand, args: TExpr[], span: Span, retTy: Ty, opts: { diverges?: boolean } = {}): BlockId {
    const ops: Operand[] = [];
    for (const a of args) {
      const [b1, o] = this.x.asOperand(b, a);
      b = b1;
      ops.push(o);
    }
    void retTy;
    return this.b.call(b, func, ops, dest, span, opts);
  }

  private overloadedBinary(dest: Place, b: BlockId, e: ast.BinaryExpr): BlockId {
    const L = this.lang;
    const lt = this.x.adjustedTy(e.lhs);
    const cmp = ["==", "!=", "<", "<=", ">", ">="].includes(e.op);
    if (cmp) {
      // `PartialEq::eq(&a, &b)`: both operands borrowed.
      const trait = e.op === "==" || e.op === "!=" ? L.PartialEq : L.PartialOrd;
      const name = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" }[e.op as "=="]!;
      const func = this.b.fnConst(this.b.traitMethod(trait, name), [this.x.adjustedTy(e.rhs)], e.span, lt);
      const borrow = (x: ast.Expr): TExpr => ({ k: "borrow", of: this.x.mirror(x), mutable: false, ty: Ty.ref(this.x.adjustedTy(x)), span: x.span, scoped: false });
      return this.callInto(dest, b, func, [borrow(e.lhs), borrow(e.rhs)], e.span, Ty.bool);
    }
    const info = L.binops.get(e.op);
    if (!info) return b;
    const func = this.b.fnConst(this.b.traitMethod(info.trait, info.method), [this.x.adjustedTy(e.rhs)], e.span, lt);
    return this.callInto(dest, b, func, [this.x.mirror(e.lhs), this.x.mirror(e.rhs)], e.span, this.x.tyOf(e));
  }

  private overloadedUnary(dest: Place, b: BlockId, e: ast.UnaryExpr): BlockId {
    const trait = e.op === "neg" ? this.lang.Neg : this.lang.Not;
    const func = this.b.fnConst(this.b.traitMethod(trait, e.op === "neg" ? "neg" : "not"), [], e.span, this.x.adjustedTy(e.operand));
    return this.callInto(dest, b, func, [this.x.mirror(e.operand)], e.span, this.x.tyOf(e));
  }

  private assign(dest: Place, b: BlockId, e: ast.AssignExpr): BlockId {
    // Right to left, as rustc: the value first, then the place; drop the old value before writing.
    const lty = this.x.tyOf(e.lhs);
    const [b1, rv] = this.x.asRvalue(b, this.x.mirror(e.rhs));
    const [b2, lp] = this.x.asPlace(b1, this.x.mirror(e.lhs));
    let b3 = b2;
    if (this.b.needsDrop(lty)) {
      const next = this.b.newBlock();
      this.b.terminate(b2, { kind: "drop", place: lp, target: next, unwind: this.b.diverge(), span: e.span });
      b3 = next;
    }
    this.b.assign(b3, lp, rv, e.span);
    this.b.assign(b3, dest, { kind: "use", operand: unit() }, e.span);
    return b3;
  }

  private compoundAssign(dest: Place, b: BlockId, e: ast.CompoundAssignExpr): BlockId {
    const lty = this.x.tyOf(e.lhs);
    const rty = this.x.adjustedTy(e.rhs);
    const scalar = (t: Ty) => t.k === "int" || t.k === "float" || t.k === "bool" || t.k === "char";
    if (scalar(lty) && scalar(rty)) {
      const [b1, r] = this.x.asOperand(b, this.x.mirror(e.rhs));
      const [b2, lp] = this.x.asPlace(b1, this.x.mirror(e.lhs));
      const [b3, rv] = this.x.binaryOp(b2, e.op, lty, lty, { kind: "copy", place: lp }, r, e.span);
      this.b.assign(b3, lp, rv, e.span);
      this.b.assign(b3, dest, { kind: "use", operand: unit() }, e.span);
      return b3;
    }
    // `AddAssign::add_assign(&mut lhs, rhs)`
    const info = this.lang.binops.get(e.op)!;
    const func = this.b.fnConst(this.b.traitMethod(info.assign, info.assignMethod), [rty], e.span, lty);
    const lhs: TExpr = { k: "borrow", of: this.x.mirror(e.lhs), mutable: true, ty: Ty.ref(lty, true), span: e.lhs.span, scoped: false };
    return this.callInto(dest, b, func, [lhs, this.x.mirror(e.rhs)], e.span, Ty.unit);
  }

  // ---------------- .await and ?

  private awaitExpr(dest: Place, b: BlockId, e: ast.AwaitExpr): BlockId {
    const info = this.p.awaits.get(e.id);
    const futTy = info?.futureTy ?? Ty.error;
    const L = this.lang;
    const index = this.b.nextAwaitIndex();
    // match IntoFuture::into_future(<operand>) { mut __awaitee => loop { poll; yield } }
    const intoFuture = this.b.traitMethod(L.IntoFuture, "into_future");
    const [b1, scrut] = this.x.callToTemp(b, this.b.fnConst(intoFuture, [], e.span, this.x.tyOf(e.operand)), [this.x.mirror(e.operand)], futTy, e.span);
    this.b.push(b1, { kind: "fakeRead", place: place(scrut), span: e.span });
    return this.b.inScope(b1, "arm", (b2, armScope) => {
      const awaitee = this.b.newLocal({ ty: futTy, kind: "named", name: "__awaitee", span: e.span });
      this.b.storageLive(b2, awaitee, e.span);
      this.b.scheduleDrop(armScope, awaitee, "storage", e.span);
      this.b.assign(b2, place(awaitee), { kind: "use", operand: { kind: "move", place: place(scrut) } }, e.span);
      this.b.scheduleDrop(armScope, awaitee, "value", e.span);
      const resume = this.b.newBlock();
      const drop = this.b.coroutineDropTarget();
      this.b.terminate(b2, { kind: "await", awaitee, dest, resume, drop, unwind: this.b.diverge(), span: e.span, awaitSpan: e.awaitSpan, index });
      return resume;
    });
  }

  private tryExpr(dest: Place, b: BlockId, e: ast.TryExpr): BlockId {
    // match Try::branch(x) { Continue(v) => v, Break(r) => return FromResidual::from_residual(r) }
    const info = this.p.tries.get(e.id);
    const opTy = this.x.tyOf(e.operand);
    const outTy = this.x.tyOf(e);
    const L = this.lang;
    // `ControlFlow<Residual, Output>` (Continue = variant 0, Break = 1); the residual of a Result is
    // `Result<Infallible, E>`, of an Option `Option<Infallible>`.
    const residualTy = info?.family === "result" && opTy.k === "adt" ? Ty.adt(L.Result, [Ty.never, opTy.args[1] ?? Ty.error]) : Ty.adt(L.Option, [Ty.never]);
    const controlFlow = resolveModulePath(this.p.table, ["ops", "ControlFlow"], this.p.table.stdRoot, "type")!;
    const cfTy = Ty.adt(controlFlow, [residualTy, outTy]);
    const variantField = (v: 0 | 1, ty: Ty) => projectPlace(projectPlace(place(scrut), { kind: "downcast", variant: v, name: v === 0 ? "Continue" : "Break" }), { kind: "field", index: 0, ty });
    const [b1, scrut] = this.x.callToTemp(b, this.b.intrinsic("Try::branch"), [this.x.mirror(e.operand)], cfTy, e.span);
    this.b.push(b1, { kind: "fakeRead", place: place(scrut), span: e.span });
    const discr = this.b.temp(Ty.int("isize"), e.span);
    this.b.assign(b1, place(discr), { kind: "discriminant", place: place(scrut) }, e.span);
    const cont = this.b.newBlock();
    const brk = this.b.newBlock();
    this.b.terminate(b1, { kind: "switchInt", discr: { kind: "move", place: place(discr) }, targets: [{ value: 0n, target: cont }], otherwise: brk, span: e.span });
    // Break(residual) => return from_residual(residual)
    const ret = this.b.returnScope;
    const residual = this.b.inScope(brk, "arm", (bb, scope) => {
      const r = this.b.newLocal({ ty: residualTy, kind: "var", name: "residual", span: e.span });
      this.b.storageLive(bb, r, e.span);
      this.b.scheduleDrop(scope, r, "storage", e.span);
      this.b.assign(bb, place(r), { kind: "use", operand: { kind: "move", place: variantField(1, residualTy) } }, e.span);
      this.b.scheduleDrop(scope, r, "value", e.span);
      const after = this.callInto(ret.dest!, bb, this.b.intrinsic("FromResidual::from_residual"), [{ k: "operand", op: { kind: "move", place: place(r) }, ty: residualTy, span: e.span, scoped: false }], e.span, outTy);
      return this.b.breakOut(after, ret, "break", e.span);
    });
    this.b.terminate(residual, { kind: "unreachable", span: e.span });
    // Continue(val) => val
    return this.b.inScope(cont, "arm", (bb, scope) => {
      const v = this.b.newLocal({ ty: outTy, kind: "var", name: "val", span: e.span });
      this.b.storageLive(bb, v, e.span);
      this.b.scheduleDrop(scope, v, "storage", e.span);
      this.b.assign(bb, place(v), { kind: "use", operand: this.x.consume(variantField(0, outTy), outTy) }, e.span);
      this.b.scheduleDrop(scope, v, "value", e.span);
      this.b.assign(bb, dest, { kind: "use", operand: this.x.consume(place(v), outTy) }, e.span);
      return bb;
    });
  }

  // ---------------- macros

  private macroCall(dest: Place, b: BlockId, e: ast.MacroCallExpr): BlockId {
    const m = e.call;
    const span = e.span;
    switch (m.macro) {
      case "print":
      case "println":
      case "eprint":
      case "eprintln":
        return this.b.inTempScope(b, "statement", (bb) => {
          const [b1, args] = this.formatArgs(bb, m.fmt, span);
          const b2 = this.callInto(place(this.scratch(Ty.unit, span)), b1, this.b.intrinsic(m.macro === "print" || m.macro === "println" ? "_print" : "_eprint"), [args], span, Ty.unit);
          this.b.assign(b2, dest, { kind: "use", operand: unit() }, span);
          return b2;
        });
      case "format": {
        const [b1, args] = this.formatArgs(b, m.fmt, span);
        return this.callInto(dest, b1, this.b.intrinsic("format"), [args], span, this.x.tyOf(e));
      }
      case "panic":
      case "unreachable":
      case "todo":
      case "unimplemented": {
        const [b1, args] = this.formatArgs(b, m.fmt, span);
        return this.callInto(place(this.scratch(Ty.never, span)), b1, this.b.intrinsic(`panic:${m.macro}`), [args], span, Ty.never, { diverges: true });
      }
      case "write":
      case "writeln": {
        const destTy = this.x.tyOf(m.dest);
        const recv: TExpr =
          destTy.k === "ref"
            ? { k: "borrow", of: { k: "deref", of: this.x.mirror(m.dest), ty: destTy.inner, overloaded: "none", span: m.dest.span, scoped: false }, mutable: true, ty: destTy, span: m.dest.span, scoped: false }
            : { k: "borrow", of: this.x.mirror(m.dest), mutable: true, ty: Ty.ref(destTy, true), span: m.dest.span, scoped: false };
        const [b1, r] = this.x.asOperand(b, recv);
        const [b2, args] = this.formatArgs(b1, m.fmt, span);
        return this.callInto(dest, b2, this.b.intrinsic("write_fmt"), [{ k: "operand", op: r, ty: recv.ty, span, scoped: false }, args], span, this.x.tyOf(e));
      }
      case "assert":
      case "debug_assert": {
        const fail = this.b.newBlock();
        const ok = this.b.inTempScope(b, "cond", (bb, scope) => {
          // if !cond { panic }
          const yes = this.cond(bb, m.cond, fail, scope);
          return yes;
        });
        this.b.inTempScope(fail, "statement", (fb) => {
          const [b1, args] = this.formatArgs(fb, m.fmt, span);
          return this.callInto(place(this.scratch(Ty.never, span)), b1, this.b.intrinsic("panic:assert"), [args], span, Ty.never, { diverges: true });
        });
        this.b.assign(ok, dest, { kind: "use", operand: unit() }, span);
        return ok;
      }
      case "assert_eq":
      case "assert_ne":
      case "debug_assert_eq":
      case "debug_assert_ne": {
        // match (&left, &right) { (left_val, right_val) => if !(*left_val == *right_val) { panic } }
        const lt = this.x.tyOf(m.left);
        const rt = this.x.tyOf(m.right);
        const tupTy = Ty.tuple([Ty.ref(lt), Ty.ref(rt)]);
        const borrow = (x: ast.Expr, t: Ty): TExpr => ({ k: "borrow", of: this.x.mirror(x), mutable: false, ty: Ty.ref(t), span: x.span, scoped: false });
        const [b1, tup] = this.x.asTemp(b, { k: "operand", op: unit(), ty: tupTy, span, scoped: false }, this.b.tempScope);
        void tup;
        let bb = b1;
        const ops: Operand[] = [];
        for (const [x, t] of [[m.left, lt], [m.right, rt]] as const) {
          const [b2, o] = this.x.asOperand(bb, borrow(x, t));
          bb = b2;
          ops.push(o);
        }
        this.b.assign(bb, place(tup), { kind: "aggregate", agg: { kind: "tuple" }, operands: ops }, span);
        const cmp = this.b.temp(Ty.bool, span);
        const b3 = this.b.call(bb, this.b.intrinsic("assert_eq_check"), [{ kind: "copy", place: projectPlace(place(tup), { kind: "field", index: 0, ty: Ty.ref(lt) }) }, { kind: "copy", place: projectPlace(place(tup), { kind: "field", index: 1, ty: Ty.ref(rt) }) }], place(cmp), span);
        const fail = this.b.newBlock();
        const ok = this.b.newBlock();
        this.b.terminate(b3, { kind: "switchInt", discr: { kind: "move", place: place(cmp) }, targets: [{ value: 0n, target: m.macro.endsWith("eq") ? fail : ok }], otherwise: m.macro.endsWith("eq") ? ok : fail, span });
        this.b.call(fail, this.b.intrinsic("panic:assert_failed"), [], place(this.scratch(Ty.never, span)), span, { diverges: true });
        this.b.assign(ok, dest, { kind: "use", operand: unit() }, span);
        return ok;
      }
      case "vec": {
        // `into_vec(box [a, b])`. The box is an expression of its own (rustc's `ExprKind::Box`):
        // allocate first, then evaluate the elements into it, then move it out — all in its own scope,
        // so the allocation's drop ends with it.
        const ty = this.x.tyOf(e);
        const elem = ty.k === "adt" ? ty.args[0] ?? Ty.error : Ty.error;
        if (m.elems.length === 0) return this.callInto(dest, b, this.b.intrinsic("Vec::new"), [], span, ty);
        const arrTy = Ty.array(elem, m.elems.length);
        const boxTy = Ty.adt(this.lang.Box, [arrTy]);
        const callScope = this.b.topScope;
        const arg = this.b.temp(boxTy, span);
        this.b.storageLive(b, arg, span);
        this.b.scheduleDrop(callScope, arg, "storage", span);
        b = this.b.inScope(b, "temps", (bb, boxScope) => {
          const result = this.b.temp(boxTy, span);
          this.b.storageLive(bb, result, span);
          this.b.scheduleDrop(boxScope, result, "storage", span);
          bb = this.b.call(bb, this.b.intrinsic("box_new_uninit"), [], place(result), span);
          this.b.scheduleDrop(boxScope, result, "value", span);
          const [b3, rv] = this.x.aggregate(bb, { kind: "array", elem }, m.elems.map((x) => this.x.mirror(x)));
          this.b.assign(b3, projectPlace(place(result), { kind: "deref" }), rv, span);
          this.b.assign(b3, place(arg), { kind: "use", operand: { kind: "move", place: place(result) } }, span);
          return b3;
        });
        this.b.scheduleDrop(callScope, arg, "value", span);
        return this.b.call(b, this.b.intrinsic("into_vec"), [{ kind: "move", place: place(arg) }], dest, span);
      }
      case "vecRepeat":
        return this.callInto(dest, b, this.b.intrinsic("vec::from_elem"), [this.x.mirror(m.elem), this.x.mirror(m.len)], span, this.x.tyOf(e));
      case "matches": {
        const [b1, scrut] = this.x.asPlace(b, this.x.mirror(m.scrutinee));
        const t = this.x.adjustedTy(m.scrutinee);
        const yes = (d: Place, bb: BlockId) => {
          this.b.assign(bb, d, { kind: "use", operand: { kind: "const", value: { kind: "bool", value: true }, ty: Ty.bool } }, span);
          return bb;
        };
        const no = (d: Place, bb: BlockId) => {
          this.b.assign(bb, d, { kind: "use", operand: { kind: "const", value: { kind: "bool", value: false }, ty: Ty.bool } }, span);
          return bb;
        };
        return this.arms(dest, b1, scrut, t, [
          { pat: m.pat, ...(m.guard ? { guard: m.guard } : {}), span, body: yes },
          { pat: { kind: "WildPat", id: -1, span }, span, body: no },
        ], span);
      }
      case "dbg": {
        if (m.args.length !== 1) {
          const ops = m.args.map((a) => this.x.mirror(a));
          const [b1, rv] = this.x.aggregate(b, { kind: "tuple" }, ops);
          this.b.assign(b1, dest, rv, span);
          return b1;
        }
        // match expr { tmp => { eprintln!(…, &tmp); tmp } }
        const t = this.x.tyOf(m.args[0]!);
        const [b1, scrut] = this.x.asPlace(b, this.x.mirror(m.args[0]!));
        return this.b.inScope(b1, "arm", (bb, scope) => {
          const tmp = this.b.newLocal({ ty: t, kind: "var", name: "tmp", span });
          this.b.storageLive(bb, tmp, span);
          this.b.scheduleDrop(scope, tmp, "storage", span);
          this.b.assign(bb, place(tmp), { kind: "use", operand: this.x.consume(scrut, t) }, span);
          this.b.scheduleDrop(scope, tmp, "value", span);
          const r = this.b.temp(Ty.ref(t), span);
          this.b.assign(bb, place(r), { kind: "ref", mutable: false, place: place(tmp) }, span);
          const b2 = this.b.call(bb, this.b.intrinsic("dbg_print"), [{ kind: "move", place: place(r) }], place(this.scratch(Ty.unit, span)), span);
          this.b.assign(b2, dest, { kind: "use", operand: this.x.consume(place(tmp), t) }, span);
          return b2;
        });
      }
      case "pin": {
        // { super let mut pinned = value; Pin::new_unchecked(&mut pinned) } — `pinned` lives to the
        // end of the enclosing block.
        const t = this.x.tyOf(m.value);
        const scope = this.enclosingBlockScope();
        const pinned = this.b.newLocal({ ty: t, kind: "named", name: "pinned", span: m.value.span });
        this.b.storageLive(b, pinned, span);
        this.b.scheduleDrop(scope, pinned, "storage", span);
        const b1 = this.x.into(place(pinned), b, this.x.mirror(m.value));
        this.b.scheduleDrop(scope, pinned, "value", span);
        const r = this.b.temp(Ty.ref(t, true), span);
        this.b.storageLive(b1, r, span);
        this.b.scheduleDrop(this.b.topScope, r, "storage", span);
        this.b.assign(b1, place(r), { kind: "ref", mutable: true, place: place(pinned) }, span);
        return this.b.call(b1, this.b.intrinsic("Pin::new_unchecked"), [{ kind: "move", place: place(r) }], dest, span);
      }
      case "join": {
        // The futures move into a join future, which is awaited: `join(a, b).await`.
        const outTy = this.x.tyOf(e);
        const futTy = Ty.tuple(m.futures.map((f) => this.x.tyOf(f)));
        const index = this.b.nextAwaitIndex();
        const [b1, joined] = this.x.asTemp(b, { k: "operand", op: unit(), ty: futTy, span, scoped: false }, this.b.tempScope);
        const [b2, rv] = this.x.aggregate(b1, { kind: "tuple" }, m.futures.map((f) => this.x.mirror(f)));
        this.b.assign(b2, place(joined), rv, span);
        return this.b.inScope(b2, "arm", (bb, scope) => {
          const awaitee = this.b.newLocal({ ty: futTy, kind: "named", name: "__awaitee", span });
          this.b.storageLive(bb, awaitee, span);
          this.b.scheduleDrop(scope, awaitee, "storage", span);
          this.b.assign(bb, place(awaitee), { kind: "use", operand: { kind: "move", place: place(joined) } }, span);
          this.b.scheduleDrop(scope, awaitee, "value", span);
          const resume = this.b.newBlock();
          this.b.terminate(bb, { kind: "await", awaitee, dest, resume, drop: this.b.coroutineDropTarget(), unwind: this.b.diverge(), span, awaitSpan: span, index });
          void outTy;
          return resume;
        });
      }
      case "select": {
        // Poll the futures in order; the first ready one's arm runs. One await over all of them.
        const index = this.b.nextAwaitIndex();
        const futTy = Ty.tuple(m.arms.map((a) => this.x.tyOf(a.future)));
        const [b1, rv] = this.x.aggregate(b, { kind: "tuple" }, m.arms.map((a) => this.x.mirror(a.future)));
        const outTy = this.x.tyOf(e);
        return this.b.inScope(b1, "arm", (bb, scope) => {
          const awaitee = this.b.newLocal({ ty: futTy, kind: "named", name: "__awaitee", span });
          this.b.storageLive(bb, awaitee, span);
          this.b.scheduleDrop(scope, awaitee, "storage", span);
          this.b.assign(bb, place(awaitee), rv, span);
          this.b.scheduleDrop(scope, awaitee, "value", span);
          const resume = this.b.newBlock();
          const which = this.b.temp(Ty.usize, span);
          this.b.terminate(bb, { kind: "await", awaitee, dest: place(which), resume, drop: this.b.coroutineDropTarget(), unwind: this.b.diverge(), span, awaitSpan: span, index });
          void outTy;
          this.b.assign(resume, dest, { kind: "use", operand: unit() }, span);
          return resume;
        });
      }
      default:
        return this.x.into(dest, b, { ...this.x.mirror(e), scoped: false } as TExpr);
    }
  }

  /** The innermost block scope (where `super let` puts its variable). */
  private enclosingBlockScope(): Scope {
    for (let i = this.b.scopes.length - 1; i >= 0; i--) {
      const s = this.b.scopes[i]!;
      if (s.kind === "block" || s.kind === "remainder" || s.kind === "fn") return s;
    }
    return this.b.scopes[0]!;
  }

  /**
   * `format_args!(…)`: the arguments borrowed into a tuple, left to right (explicit ones, then inline
   * captures), then the runtime's formatting entry point. Returns the `Arguments` operand.
   */
  private formatArgs(b: BlockId, fmt: ast.FormatArgs | undefined, span: Span): [BlockId, TExpr] {
    const argsTy = Ty.adt(this.lang.Arguments, []);
    const piecesConst: Operand = { kind: "const", value: { kind: "fmt", pieces: fmt?.pieces ?? [] }, ty: Ty.unit };
    if (!fmt || fmt.args.length === 0) {
      const [b1, t] = this.x.asTemp(b, { k: "operand", op: unit(), ty: argsTy, span, scoped: false }, this.b.topScope);
      const b2 = this.b.call(b1, this.b.intrinsic("format_args"), [piecesConst], place(t), span);
      return [b2, { k: "operand", op: { kind: "move", place: place(t) }, ty: argsTy, span, scoped: false }];
    }
    const refs: Operand[] = [];
    const tys: Ty[] = [];
    for (const a of fmt.args) {
      const t = this.x.tyOf(a);
      tys.push(Ty.ref(t));
      const [b1, o] = this.x.asOperand(b, { k: "borrow", of: this.x.mirror(a), mutable: false, ty: Ty.ref(t), span: a.span, scoped: false });
      b = b1;
      refs.push(o);
    }
    const tupTy = Ty.tuple(tys);
    const tup = this.b.temp(tupTy, span);
    this.b.storageLive(b, tup, span);
    this.b.scheduleDrop(this.b.topScope, tup, "storage", span);
    this.b.assign(b, place(tup), { kind: "aggregate", agg: { kind: "tuple" }, operands: refs }, span);
    const out = this.b.temp(argsTy, span);
    this.b.storageLive(b, out, span);
    this.b.scheduleDrop(this.b.topScope, out, "storage", span);
    const b2 = this.b.call(b, this.b.intrinsic("format_args"), [piecesConst, { kind: "move", place: place(tup) }], place(out), span);
    return [b2, { k: "operand", op: { kind: "move", place: place(out) }, ty: argsTy, span, scoped: false }];
  }
}

function unit(): Operand {
  return { kind: "const", value: { kind: "unit" }, ty: Ty.unit };
}

function hasLet(e: ast.Expr): boolean {
  if (e.kind === "LetCond") return true;
  if (e.kind === "Binary" && e.op === "&&") return hasLet(e.lhs) || hasLet(e.rhs);
  return false;
}

/** rustc's `record_rvalue_scope_if_borrow_expr`: `let x = &temp`, `let x = S { f: &temp }`, … */
function extendsTemps(e: ast.Expr): boolean {
  switch (e.kind) {
    case "Ref":
      return true;
    case "Struct":
      return e.fields.some((f) => extendsTemps(f.value));
    case "Tuple":
    case "Array":
      return e.elems.some(extendsTemps);
    case "Cast":
      return extendsTemps(e.operand);
    case "BlockExpr":
      return !!e.block.tail && extendsTemps(e.block.tail);
    default:
      return false;
  }
}

export type { Breakable };
