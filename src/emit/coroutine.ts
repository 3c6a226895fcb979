// The state machine of an `async fn` or `async` block: a class with rustc's states and a `poll` that
// switches on them.
//
//   [rust]                                    [lowered]
//   async fn foo() {                          class Foo extends rt.Composite {
//       let s = String::from("hello");          // Layout (rustc's `{async fn body of foo()}`):
//       let r = &s;                             //   Suspend0 (`.await` at main.rs:23): s, r, __awaitee
//       some_async_op().await;                  poll(self, cx) {
//       println!("{}", r);                        let $pc = this.state;
//   }                                             $m: for (;;) switch ($pc) {
//                                                   case 0: /* Unresumed */
//                                                     this.s = rt.String_from("hello");
//                                                     this.r = rt.Ptr.to(this, "s", "22:13");
//                                                     this.__awaitee = some_async_op();
//                                                     this.state = 3;
//                                                   case 3: { /* Suspend0: `.await` at main.rs:23 */
//                                                     const $r0 = this.__awaitee.poll(…, cx);
//                                                     if ($r0 === rt.PENDING) return rt.PENDING; }
//                                                     …
//
// Everything the body keeps between polls is a field of the future — rustc's saved locals, which is why
// `r` above is a pointer *into this object*: move the object after `Suspend0` and `r` dangles. Code
// without an `.await` is emitted as in a plain function inside the current `case`; constructs with an
// `.await` inside are flattened into labelled `case`s with `$pc = N; continue $m;` jumps (body.ts).

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { Layout } from "../coroutine/layout.js";
import { Ty } from "../resolve/ty.js";
import type { LocalId } from "../resolve/program.js";
import { BodyEmitter, containsAwait, type Dest, type PlaceRef } from "./body.js";
import type { EmitContext } from "./context.js";
import { jsString, Writer } from "./writer.js";

export class AsyncBodyEmitter extends BodyEmitter {
  private nextLabel = 100;
  /** Loops that were flattened: break/continue jump to labels. */
  private readonly flatLoops: { label: string | undefined; breakLabel: number; continueLabel: number; result: string | undefined; scopeDepth: number; isBlock: boolean }[] = [];
  /** Scopes (for explicit drops): observable-drop locals declared per scope. */
  private readonly dropScopes: { place: PlaceRef; span: Span }[][] = [];

  constructor(
    ctx: EmitContext,
    spec: ConstructorParameters<typeof BodyEmitter>[1],
    readonly kindName: "async fn" | "async block",
    w?: Writer,
  ) {
    super(ctx, spec, w);
  }

  private label(): number {
    return this.nextLabel++;
  }

  /** `case N:` at the level of the switch. */
  markLabel(n: number, comment = ""): void {
    this.w.outdented(`case ${n}:${comment ? ` // ${comment}` : ""}`);
  }

  jump(n: number): void {
    this.line(`$pc = ${n};`);
    this.line("continue $m;");
  }

  containsAwait(e: ast.Expr | ast.Block): boolean {
    const visit = containsAwait;
    if ("stmts" in e && e.kind === "Block") {
      return e.stmts.some((s) => (s.kind === "Let" ? (!!s.init && visit(s.init)) || (!!s.else && this.containsAwait(s.else)) : s.kind === "ExprStmt" && visit(s.expr))) || (!!e.tail && visit(e.tail));
    }
    return visit(e as ast.Expr);
  }

  override needsStatements(e: ast.Expr): boolean {
    return super.needsStatements(e) || this.containsAwait(e);
  }

  // ---------------- awaits

  override awaitExpr(e: ast.AwaitExpr): string {
    const fut = this.expr(e.operand);
    return this.awaitFuture(this.awaitee(fut, this.adjustedTy(e.operand), e.operand), this.awaitedTy(e), e.awaitSpan);
  }

  /** Stores `intoFuture` in `__awaitee` and polls it there: the next suspend point. Also `join!` and
   *  `select!`, whose one await polls a future made of theirs. */
  override awaitFuture(intoFuture: string, awaited: Ty | undefined, awaitSpan: Span): string {
    const layout = this.spec.layout!;
    const index = this.awaitIndex++;
    const state = 3 + index;
    const where = this.ctx.where(awaitSpan);
    const l = this.loc(awaitSpan);
    this.line(`${this.fut}.__awaitee = ${intoFuture};`);
    const saved = layout.states.find((s) => s.name === `Suspend${index}`);
    const names = saved ? saved.locals.map((x) => x.name ?? "temp").join(", ") : "";
    this.markLabel(state, `Suspend${index}: \`.await\` at ${where}${names ? ` — stores ${names}` : ""}`);
    const r = `$r${index}`;
    // The awaited future is polled in place: `self` is a pointer to our `__awaitee` field. The state
    // machines pinion emits use `this` and never read it, so for them none is made.
    const self = awaited?.k === "future" ? "null" : `rt.awaitee_ptr(${this.fut}, ${l})`;
    this.line(`const ${r} = ${this.fut}.__awaitee.poll(${self}, cx);`);
    this.line(`if (${r} === rt.PENDING) {`);
    this.w.indent(() => {
      if (this.ctx.opts.instrument) this.line(`rt.trace_pending(${this.fut}, ${state}, ${l});`);
      this.line(`${this.fut}.state = ${state};`);
      this.line("return rt.PENDING;");
    });
    this.line("}");
    // Finished: the awaited future is dropped (what it still owns, if anything, goes with it).
    if (awaited && this.ctx.observableDrop(awaited, this.spec.fnDef)) this.line(`rt.drop_in_place(${this.fut}.__awaitee, ${l});`);
    this.line(`${this.fut}.__awaitee = rt.MOVED;`);
    return r;
  }

  /** The type stored in `__awaitee` for an `.await`: the operand's `IntoFuture::IntoFuture`. */
  private awaitedTy(e: ast.AwaitExpr): Ty | undefined {
    return this.p.awaits.get(e.id)?.futureTy;
  }

  private awaitIndex = 0;

  /** What `.await` stores in `__awaitee`: `IntoFuture::into_future` of the operand. A pointer to a future
   *  (`Pin<&mut F>`, `Pin<Box<F>>`, `&mut F`, `Box<F>`) is wrapped so that polling it polls the pointee. */
  private awaitee(fut: string, ty: Ty | undefined, operand: ast.Expr): string {
    if (!ty) return fut;
    const L = this.ctx.lang;
    const loc = this.loc(operand.span);
    if (ty.k === "ref" || (ty.k === "adt" && (ty.def === L.Pin || ty.def === L.Box))) return `rt.pointer_future(${fut}, ${loc})`;
    if (ty.k === "adt" && !this.ctx.tcx.def(ty.def).std) {
      // A user `impl IntoFuture for Request`: `.await` calls its `into_future` first.
      const tcx = this.ctx.tcx;
      const own = this.p.table.impls.some((i) => {
        const h = tcx.implHeader(i);
        return !tcx.def(i).std && h.traitRef?.trait === L.IntoFuture && h.selfTy.k === "adt" && h.selfTy.def === ty.def;
      });
      if (own) return `${fut}.into_future(${fut})`;
    }
    return fut;
  }

  // ---------------- flattened statements

  override stmtExpr(e: ast.Expr, dest: Dest): void {
    if (!this.containsAwait(e)) {
      if (e.kind === "Break" || e.kind === "Continue" || e.kind === "Return") return this.jumpStmt(e, dest);
      return super.stmtExpr(e, dest);
    }
    switch (e.kind) {
      case "BlockExpr":
        if (e.label) {
          const end = this.label();
          this.flatLoops.push({ label: e.label.name, breakLabel: end, continueLabel: end, result: dest.kind === "assign" ? dest.target : undefined, scopeDepth: this.dropScopes.length, isBlock: true });
          this.block(e.block, dest);
          this.flatLoops.pop();
          this.jump(end);
          this.markLabel(end);
          return;
        }
        this.block(e.block, dest);
        return;
      case "If":
        return this.flatIf(e, dest);
      case "Match":
        return this.flatMatch(e, dest);
      case "Loop":
      case "While":
      case "For":
        return this.flatLoop(e, dest);
      case "Break":
      case "Continue":
      case "Return":
        return this.jumpStmt(e, dest);
      default:
        return super.stmtExpr(e, dest);
    }
  }

  /** `break`, `continue`, `return` — inside a flattened region they are jumps. */
  private jumpStmt(e: ast.BreakExpr | ast.ContinueExpr | ast.ReturnExpr, dest: Dest): void {
    if (e.kind === "Return") {
      const v = e.value ? this.expr(e.value) : undefined;
      this.emitReturn(v, e.span);
      return;
    }
    const label = e.label?.name;
    const target = [...this.flatLoops].reverse().find((l) => (label === undefined ? !l.isBlock : l.label === label));
    if (!target) {
      super.stmtExpr(e, dest);
      return;
    }
    if (e.kind === "Break" && e.value) {
      const v = this.expr(e.value);
      if (target.result) this.line(`${target.result} = ${v};`);
    }
    this.dropScopesFrom(target.scopeDepth, e.span);
    this.jump(e.kind === "Break" ? target.breakLabel : target.continueLabel);
  }

  override emitReturn(v: string | undefined, span: Span): void {
    if (v !== undefined && !/^(undefined|true|false|-?[0-9.]+|"[^"]*")$/.test(v) && this.dropScopes.some((s) => s.length > 0)) {
      // The value is computed before the locals it may read are dropped.
      const t = this.temp();
      this.line(`${t} = ${v};`);
      v = t;
    }
    this.dropScopesFrom(0, span);
    if (this.ctx.opts.instrument) this.line(`rt.trace_ready(${this.fut}, ${this.loc(span)});`);
    this.line(`${this.fut}.state = 1;`);
    this.line(v === undefined ? "return undefined;" : `return ${v};`);
  }

  private dropScopesFrom(depth: number, span: Span): void {
    for (let i = this.dropScopes.length - 1; i >= depth; i--) {
      const s = this.dropScopes[i]!;
      for (let j = s.length - 1; j >= 0; j--) this.line(`rt.drop_in_place(rt.moveOut(${(s[j]!.place as { obj: string }).obj}, ${jsString((s[j]!.place as { key: string }).key)}, ${this.loc(span)}), ${this.loc(span)});`);
    }
  }

  override block(b: ast.Block, dest: Dest): void {
    // Explicit drops at the end of the scope (a `try`/`finally` cannot span suspension points).
    const scope: { place: PlaceRef; span: Span }[] = [];
    this.dropScopes.push(scope);
    for (const s of b.stmts) {
      this.tickAt(s);
      this.stmt(s);
    }
    if (b.tail) {
      this.tickAt(b.tail);
      this.stmtExpr(b.tail, dest);
    }
    else if (dest.kind === "assign") this.line(`${dest.target} = undefined;`);
    this.dropScopes.pop();
    for (let j = scope.length - 1; j >= 0; j--) {
      const d = scope[j]!;
      this.line(`rt.drop_in_place(rt.moveOut(${(d.place as { obj: string }).obj}, ${jsString((d.place as { key: string }).key)}, ${this.loc(b.span)}), ${this.loc(b.span)});`);
    }
  }

  /** The body's outermost drop scope, holding the parameters: dropped after the body's locals. */
  paramScope(f: () => void): void {
    this.dropScopes.push([]);
    f();
    this.dropScopes.pop();
  }

  override registerDrop(pl: PlaceRef, ty: Ty, span: Span): void {
    if (!this.ctx.observableDrop(ty, this.spec.fnDef) || pl.k !== "slot") return;
    const s = this.dropScopes[this.dropScopes.length - 1];
    if (s) s.push({ place: pl, span });
  }

  protected override shortCircuit(e: ast.BinaryExpr, dest: Dest): void {
    if (!this.containsAwait(e.rhs)) return super.shortCircuit(e, dest);
    const t = dest.kind === "assign" ? dest.target : this.temp();
    const end = this.label();
    this.line(`${t} = ${this.expr(e.lhs)};`);
    this.line(`if (${e.op === "&&" ? `!${t}` : t}) { $pc = ${end}; continue $m; }`);
    this.stmtExpr(e.rhs, { kind: "assign", target: t });
    this.jump(end);
    this.markLabel(end);
    if (dest.kind === "return") this.emitReturn(t, e.span);
  }

  private flatIf(e: ast.IfExpr, dest: Dest): void {
    const elseL = this.label();
    const endL = this.label();
    const cond = e.cond;
    const hasLet = cond.kind === "LetCond" || (cond.kind === "Binary" && cond.op === "&&" && containsLet(cond));
    if (hasLet) {
      const lets: { pat: ast.Pat; src: PlaceRef; ty: Ty }[] = [];
      const parts: string[] = [];
      const collect = (c: ast.Expr) => {
        if (c.kind === "LetCond") {
          const ty = this.adjustedTy(c.scrutinee);
          const v = this.expr(c.scrutinee, { consume: false });
          const t = this.temp();
          this.line(`${t} = ${v};`);
          const src: PlaceRef = { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) };
          parts.push(this.patternTest(c.pat, src, ty));
          lets.push({ pat: c.pat, src, ty });
        } else if (c.kind === "Binary" && c.op === "&&" && containsLet(c)) {
          collect(c.lhs);
          collect(c.rhs);
        } else parts.push(this.expr(c));
      };
      collect(cond);
      this.line(`if (!(${parts.join(" && ") || "true"})) { $pc = ${elseL}; continue $m; }`);
      for (const l of lets) this.bindPattern(l.pat, l.src, l.ty, { declare: true, scrutineeMoved: true });
    } else {
      const c = this.condExpr(cond);
      this.line(`if (!(${c})) { $pc = ${elseL}; continue $m; }`);
    }
    this.block(e.then, dest);
    this.jump(endL);
    this.markLabel(elseL);
    if (e.else) {
      if (e.else.kind === "If") this.stmtExpr(e.else, dest);
      else this.block((e.else as ast.BlockExpr).block, dest);
    } else if (dest.kind === "assign") this.line(`${dest.target} = undefined;`);
    this.markLabel(endL);
  }

  private flatMatch(e: ast.MatchExpr, dest: Dest): void {
    const ty = this.adjustedTy(e.scrutinee);
    const v = this.expr(e.scrutinee, { consume: false });
    const t = this.temp();
    this.line(`${t} = ${v};`);
    const src: PlaceRef = { k: "slot", obj: this.fut, key: t.slice(this.fut.length + 1) };
    const endL = this.label();
    e.arms.forEach((arm) => {
      const next = this.label();
      const test = this.patternTest(arm.pat, src, ty);
      this.line(`if (!(${test})) { $pc = ${next}; continue $m; }`);
      this.bindPattern(arm.pat, src, ty, { declare: true, scrutineeMoved: true });
      if (arm.guard) {
        const g = arm.guard.kind === "LetCond" ? this.patternTest(arm.guard.pat, { k: "value", expr: this.expr(arm.guard.scrutinee, { consume: false }) }, this.adjustedTy(arm.guard.scrutinee)) : this.expr(arm.guard);
        this.line(`if (!(${g})) { $pc = ${next}; continue $m; }`);
      }
      if (arm.body.kind === "BlockExpr" && !arm.body.label) this.block(arm.body.block, dest);
      else this.stmtExpr(arm.body, dest);
      this.jump(endL);
      this.markLabel(next);
    });
    this.line(`rt.unreachable_fmt(undefined, ${this.loc(e.span)});`);
    this.markLabel(endL);
  }

  private flatLoop(e: ast.LoopExpr | ast.WhileExpr | ast.ForExpr, dest: Dest): void {
    const head = this.label();
    const end = this.label();
    const result = e.kind === "Loop" && dest.kind === "assign" ? dest.target : undefined;
    const tick = this.ctx.opts.instrument ? `rt.tick(${this.loc(e.span)});` : "";
    if (e.kind === "For") {
      const info = this.p.forLoops.get(e.id);
      const itemTy = info?.itemTy ?? Ty.error;
      const src = this.intoIter(e.iter);
      // The iterator is a saved local (rustc calls it `iter`); each item is read with `nextRaw`.
      const it = `${this.fut}.${this.extraField("iter")}`;
      this.line(`${it} = ${src};`);
      this.jump(head);
      this.markLabel(head, `for loop at ${this.ctx.where(e.span)}`);
      if (tick) this.line(tick);
      const n = this.freshRawName("$item");
      this.line(`const ${n}${this.w.ty(": any")} = ${it}.nextRaw();`);
      this.line(`if (${n} === rt.DONE) { $pc = ${end}; continue $m; }`);
      this.flatLoops.push({ label: e.label?.name, breakLabel: end, continueLabel: head, result, scopeDepth: this.dropScopes.length, isBlock: false });
      this.bindPattern(e.pat, { k: "js", name: n }, itemTy, { declare: true });
      this.block(e.body, { kind: "discard" });
      this.flatLoops.pop();
      this.jump(head);
      this.markLabel(end);
      // The loop is over: its iterator is dropped (with the items it did not yield).
      const iterTy = info?.iterTy;
      if (iterTy && this.ctx.observableDrop(iterTy, this.spec.fnDef)) this.line(`rt.drop_in_place(${it}, ${this.loc(e.span)});`);
      this.line(`${it} = rt.MOVED;`);
      return;
    }
    this.jump(head);
    this.markLabel(head, `${e.kind === "Loop" ? "loop" : "while"} at ${this.ctx.where(e.span)}`);
    if (tick) this.line(tick);
    this.flatLoops.push({ label: e.label?.name, breakLabel: end, continueLabel: head, result, scopeDepth: this.dropScopes.length, isBlock: false });
    if (e.kind === "While") {
      const cond = e.cond;
      if (cond.kind === "LetCond" || (cond.kind === "Binary" && cond.op === "&&" && containsLet(cond))) {
        const fake: ast.IfExpr = {
          kind: "If",
          id: -1,
          span: e.span,
          cond,
          then: e.body,
          else: { kind: "BlockExpr", id: -2, span: e.span, block: { kind: "Block", id: -3, span: e.span, stmts: [{ kind: "ExprStmt", id: -4, span: e.span, expr: { kind: "Break", id: -5, span: e.span }, semi: true }], unsafety: "normal" } },
        };
        this.flatIf(fake, { kind: "discard" });
      } else {
        const c = this.condExpr(cond);
        this.line(`if (!(${c})) { $pc = ${end}; continue $m; }`);
        this.block(e.body, { kind: "discard" });
      }
    } else {
      this.block(e.body, { kind: "discard" });
    }
    this.flatLoops.pop();
    this.jump(head);
    this.markLabel(end);
    if (e.kind !== "Loop" && dest.kind === "assign") this.line(`${dest.target} = undefined;`);
  }

  /** Break/continue from plain code nested in a flattened loop must jump too. */
  flatTarget(label: string | undefined): boolean {
    return this.flatLoops.some((l) => (label === undefined ? !l.isBlock : l.label === label));
  }
}

function containsLet(e: ast.Expr): boolean {
  if (e.kind === "LetCond") return true;
  if (e.kind === "Binary" && e.op === "&&") return containsLet(e.lhs) || containsLet(e.rhs);
  return false;
}


export interface FutureClassSpec {
  readonly className: string;
  readonly kind: "async fn" | "async block";
  readonly layout: Layout;
  readonly upvars: { name: string; field: string; ty: Ty; local: LocalId | undefined; mode: "value" | "ref" | "refMut"; pathField?: string }[];
  readonly span: Span;
}

export { Writer };
