// mir/: every fn body, closure body and async body of the program as a control-flow graph.
//
// The driver: for each fn item with a body, build its MIR — for an `async fn`, the body of its
// coroutine, whose upvars are the parameters: the body starts by moving each parameter into a local
// (`let x = x;`, `let (a, b) = __arg1;`), as rustc's async lowering does, then runs the user's block.
// Closures and async blocks met while building are queued and built as bodies of their own, their
// captured variables reached through the environment (`_1`).
//
//     async fn double(x: u64) -> u64 { yield_now().await; x * 2 }
//
//   _0: u64 (return) · _1: the coroutine · _2: the resume argument · _3 x (from upvar x) · …
//   bb0: StorageLive(_3); _3 = move (_1.0); … __awaitee = IntoFuture::into_future(move _5) …
//        await _4 -> [resume: bb3, drop: bb7, unwind: bb8]

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { FnBodyInfo, Program } from "../resolve/program.js";
import { solverFor } from "../resolve/index.js";
import { printTy } from "../resolve/print.js";
import { Ty, type DefId } from "../resolve/ty.js";
import { Builder, type PendingBody } from "./builder.js";
import { ControlLowering } from "./control.js";
import { ExprLowering } from "./expr.js";
import type { Binding } from "./matches.js";
import { place, projectPlace, RETURN_PLACE, type BlockId, type Body, type Place } from "./types.js";

export type { Body } from "./types.js";

/** Builds the MIR of every body in the program (fn items, then the closures and async blocks they
 *  contain, in the order found). */
export function buildBodies(program: Program): Body[] {
  const out: Body[] = [];
  const names = new BodyNames(program);
  for (const fn of program.bodies) {
    const queue: { pending: PendingBody; fnDef: DefId; parent: string }[] = [];
    const { body, pending } = buildFn(program, fn, names);
    out.push(body);
    for (const p of pending) queue.push({ pending: p, fnDef: fn.def, parent: body.name });
    while (queue.length) {
      const item = queue.shift()!;
      const built = buildNested(program, item.pending, item.fnDef, names);
      out.push(built.body);
      for (const p of built.pending) queue.push({ pending: p, fnDef: item.fnDef, parent: built.body.name });
    }
  }
  return out;
}

function buildFn(program: Program, fn: FnBodyInfo, names: BodyNames): { body: Body; pending: PendingBody[] } {
  const solver = solverFor(program, fn.def);
  const isAsync = fn.node.isAsync;
  const b = new Builder(program, solver, isAsync ? "asyncFn" : "fn", isAsync, fn.def);
  const x = new ExprLowering(b);
  const c = new ControlLowering(b, x);
  const span = fn.node.span;
  const name = names.fnName(fn.def);
  // _0: the return place.
  b.newLocal({ ty: fn.output, kind: "return", span });
  const entry = b.newBlock();
  let argCount: number;
  const argPlaces: { binding: number[]; pat: ast.Pat | undefined; place: Place; ty: Ty; name: string; isSelf: boolean }[] = [];
  if (isAsync) {
    // _1: the coroutine (upvars are its fields), _2: the resume argument.
    const coroTy: Ty = { k: "future", node: fn.node.id, def: fn.def, args: [], output: fn.output };
    const coro = b.newLocal({ ty: coroTy, kind: "arg", span });
    b.newLocal({ ty: Ty.unit, kind: "arg", span });
    argCount = 2;
    let i = 0;
    if (fn.selfLocal !== undefined) {
      const ty = program.locals[fn.selfLocal]!.ty;
      b.upvars.push({ name: "self", ty, byRef: false, source: fn.selfLocal });
      argPlaces.push({ binding: [fn.selfLocal], pat: undefined, place: projectPlace(place(coro), { kind: "field", index: i++, ty }), ty, name: "self", isSelf: true });
    }
    fn.params.forEach((p, pi) => {
      const simple = simpleName(p.pat);
      const upName = simple ?? (p.pat.kind === "WildPat" ? "_" : `__arg${pi + (fn.selfLocal !== undefined ? 1 : 0)}`);
      b.upvars.push({ name: upName, ty: p.ty, byRef: false, source: undefined });
      argPlaces.push({ binding: p.bindings, pat: p.pat, place: projectPlace(place(coro), { kind: "field", index: i++, ty: p.ty }), ty: p.ty, name: upName, isSelf: false });
    });
  } else {
    argCount = 0;
    if (fn.selfLocal !== undefined) {
      const l = b.declareVar(fn.selfLocal);
      argCount++;
      void l;
    }
    for (const p of fn.params) {
      const simple = p.pat.kind === "IdentPat" && p.pat.byRef === "none" && !p.pat.sub ? p.bindings[0] : undefined;
      if (simple !== undefined) {
        b.declareVar(simple);
        argCount++;
      } else {
        const a = b.newLocal({ ty: p.ty, kind: "arg", span: p.pat.span });
        argCount++;
        argPlaces.push({ binding: p.bindings, pat: p.pat, place: place(a), ty: p.ty, name: "", isSelf: false });
      }
    }
    for (let l = 1; l <= argCount; l++) (b.locals[l] as { kind: string }).kind = b.locals[l]!.kind === "var" ? "var" : "arg";
  }
  const bodyEnd = wrapFnBody(b, entry, span, (bb) => {
    // Parameters: rustc's async lowering moves every parameter into a local first; a plain fn binds
    // pattern parameters from their argument.
    const argScope = b.topScope;
    for (const a of argPlaces) {
      if (isAsync && (a.isSelf || (a.pat && simpleName(a.pat) !== undefined) || a.pat?.kind === "WildPat")) {
        const src = a.isSelf ? a.binding[0]! : a.pat?.kind === "WildPat" ? undefined : a.binding[0]!;
        const l = src !== undefined ? b.declareVar(src) : b.newLocal({ ty: a.ty, kind: "var", name: "_", span });
        b.storageLive(bb, l, span);
        b.scheduleDrop(argScope, l, "storage", span);
        b.assign(bb, place(l), { kind: "use", operand: x.consume(a.place, a.ty) }, span);
        b.scheduleDrop(argScope, l, "value", span);
        continue;
      }
      if (!a.pat) continue;
      const fail = b.newBlock();
      b.terminate(fail, { kind: "unreachable", span });
      const bindings: Binding[] = [];
      const ok = c.pat.test(bb, a.pat, a.place, a.ty, fail, bindings);
      bb = c.pat.bind(ok, bindings, argScope);
    }
    return fn.node.body ? c.block(place(RETURN_PLACE), bb, fn.node.body) : bb;
  });
  void bodyEnd;
  const body = b.finish({ node: fn.node.id, def: fn.def, name, span, argCount, output: fn.output });
  return { body, pending: b.pending };
}

/**
 * The fn body's outer structure, as rustc's construct_fn: a call-site scope, the `return` breakable
 * scope, and an argument scope around the body. Returns the block after `return`.
 */
function wrapFnBody(b: Builder, entry: BlockId, span: Span, body: (b: BlockId) => BlockId): BlockId {
  const callSite = b.pushScope("fn");
  b.tempScopes.push(callSite);
  const ret = b.inBreakable(entry, { kind: "return", label: undefined, dest: place(RETURN_PLACE), continueTarget: undefined }, (bb) => b.inTempScope(bb, "fn", (ab) => body(ab)));
  b.tempScopes.pop();
  const end = b.popScope(ret, callSite);
  b.terminate(end, { kind: "return", span });
  return end;
}

function buildNested(program: Program, pending: PendingBody, fnDef: DefId, names: BodyNames): { body: Body; pending: PendingBody[] } {
  const solver = solverFor(program, fnDef);
  const isAsyncBlock = pending.kind === "asyncBlock";
  const node = pending.node;
  const b = new Builder(program, solver, isAsyncBlock ? "asyncBlock" : "closure", isAsyncBlock, fnDef);
  const x = new ExprLowering(b);
  const c = new ControlLowering(b, x);
  const span = node.span;
  const name = names.nestedName(node);
  const info = isAsyncBlock ? program.asyncBlocks.get(node.id) : program.closures.get(node.id);
  const output = isAsyncBlock ? (info as { output: Ty }).output : (info as { ret: Ty }).ret;
  b.newLocal({ ty: output, kind: "return", span });
  const env = b.newLocal({ ty: program.exprTypes.get(node.id) ?? Ty.error, kind: "arg", span });
  let argCount = 1;
  if (isAsyncBlock) {
    b.newLocal({ ty: Ty.unit, kind: "arg", span });
    argCount = 2;
  }
  // Captured variables are fields of the environment: by value, or a reference to the variable.
  (info?.captures ?? []).forEach((cap, i) => {
    const l = program.locals[cap.local]!;
    const byRef = cap.mode !== "value";
    const ty = byRef ? Ty.ref(cap.ty, cap.mode === "refMut") : cap.ty;
    // rustc's names: `x`, `x__field` for a disjoint field, `_ref__…` when captured by reference.
    const base = [l.name, ...cap.path.map((f) => f.name)].join("__");
    b.upvars.push({ name: byRef ? `_ref__${base}` : base, ty, byRef, source: cap.local });
    const list = b.upvarPlaces.get(cap.local) ?? [];
    list.push({ path: cap.path.map((f) => f.index), place: projectPlace(place(env), { kind: "field", index: i, ty }), byRef, mutable: cap.mode === "refMut" });
    b.upvarPlaces.set(cap.local, list);
  });
  const closureParams: { pat: ast.Pat; ty: Ty; place: Place }[] = [];
  if (!isAsyncBlock) {
    const cl = node as ast.ClosureExpr;
    const ct = program.exprTypes.get(node.id);
    cl.params.forEach((p, i) => {
      const ty = ct?.k === "closure" ? ct.params[i] ?? Ty.error : Ty.error;
      const simple = p.pat.kind === "IdentPat" && p.pat.byRef === "none" && !p.pat.sub ? program.bindings.get(p.pat.id) : undefined;
      if (simple !== undefined) {
        b.declareVar(simple);
      } else {
        const a = b.newLocal({ ty, kind: "arg", span: p.span });
        closureParams.push({ pat: p.pat, ty, place: place(a) });
      }
      argCount++;
    });
  }
  const entry = b.newBlock();
  wrapFnBody(b, entry, span, (bb) => {
    for (const p of closureParams) {
      const fail = b.newBlock();
      b.terminate(fail, { kind: "unreachable", span });
      const bindings: Binding[] = [];
      const ok = c.pat.test(bb, p.pat, p.place, p.ty, fail, bindings);
      bb = c.pat.bind(ok, bindings, b.topScope);
    }
    if (isAsyncBlock) return c.block(place(RETURN_PLACE), bb, (node as ast.AsyncBlockExpr).block);
    return x.into(place(RETURN_PLACE), bb, x.mirror((node as ast.ClosureExpr).body));
  });
  const body = b.finish({ node: node.id, def: undefined, name, span, argCount, output });
  return { body, pending: b.pending };
}

function simpleName(p: ast.Pat): string | undefined {
  return p.kind === "IdentPat" && p.byRef === "none" && !p.sub ? p.name.name : undefined;
}

/** Body names as rustc prints them: `foo`, `Counter::bump`, `main::nested`, `{async block@12:5}`. */
class BodyNames {
  private readonly fnOfBlockScope = new Map<DefId, DefId>();
  constructor(private readonly program: Program) {
    // Items declared inside a fn body belong to the innermost fn whose span contains them.
    const fns = program.bodies.map((b) => b.def);
    for (const [, scope] of program.table.blockScopes) {
      const sd = program.table.defs[scope]!;
      let best: DefId | undefined;
      let bestLen = Infinity;
      for (const f of fns) {
        const n = (program.table.defs[f] as { node: ast.FnItem }).node;
        if (n.span.lo <= sd.span.lo && sd.span.hi <= n.span.hi && n.span.hi - n.span.lo < bestLen) {
          best = f;
          bestLen = n.span.hi - n.span.lo;
        }
      }
      if (best !== undefined) this.fnOfBlockScope.set(scope, best);
    }
  }

  fnName(def: DefId): string {
    const tcx = this.program.tcx;
    const d = tcx.def(def);
    if (d.kind !== "fn") return d.name;
    let prefix = this.modulePrefix(d.module);
    if (d.container.kind === "impl") {
      const h = tcx.implHeader(d.container.impl);
      const selfName = stripGenerics(printTy(tcx, h.selfTy));
      if (h.traitRef) return `${prefix}<${selfName} as ${tcx.def(h.traitRef.trait).name}>::${d.name}`;
      return `${prefix}${selfName}::${d.name}`;
    }
    if (d.container.kind === "trait") prefix += `${tcx.def(d.container.trait).name}::`;
    return `${prefix}${d.name}`;
  }

  /** `main::` for items inside `main`, `a::b::` for items in modules. */
  private modulePrefix(mod: DefId): string {
    const parts: string[] = [];
    let cur: DefId | undefined = mod;
    while (cur !== undefined) {
      const md: import("../resolve/defs.js").Def = this.program.table.defs[cur]!;
      if (md.kind !== "mod" || md.parent === undefined) break;
      if (md.anonymous) {
        const f = this.fnOfBlockScope.get(cur);
        if (f !== undefined) {
          parts.push(this.fnName(f));
          break;
        }
      } else parts.push(md.name);
      cur = md.parent;
    }
    return parts.length ? parts.reverse().join("::") + "::" : "";
  }

  nestedName(node: ast.ClosureExpr | ast.AsyncBlockExpr): string {
    const lc = this.program.file.lineCol(node.span.lo);
    return node.kind === "AsyncBlock" ? `{async block@${lc.line}:${lc.column}}` : `{closure@${lc.line}:${lc.column}}`;
  }
}

function stripGenerics(s: string): string {
  let depth = 0;
  let out = "";
  for (const ch of s) {
    if (ch === "<") depth++;
    else if (ch === ">") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
