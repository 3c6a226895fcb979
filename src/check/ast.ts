// The few AST facts the checker needs that MIR does not keep: the block structure around a call (for
// P0102's "reachable by name"), the expressions behind `.poll` calls that resolve/ flagged (P0104),
// and the nodes behind MIR spans (a call's callee and arguments, for smaller spans).
//
//   exprChildren(`a.poll(&mut cx)`)  →  [a, &mut cx]          the direct sub-expressions and blocks
//   index.callAt(span)               →  the Call / MethodCall expression with exactly that span
//   index.enclosingFn(closureNode)   →  the fn item whose body contains it (for its where-clauses)

import { assertNever } from "../diagnostics/diagnostic.js";
import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { Program } from "../resolve/index.js";
import type { DefId } from "../resolve/ty.js";

export type Child = { readonly kind: "expr"; readonly expr: ast.Expr } | { readonly kind: "block"; readonly block: ast.Block };

function e(x: ast.Expr | undefined): Child[] {
  return x ? [{ kind: "expr", expr: x }] : [];
}
function b(x: ast.Block | undefined): Child[] {
  return x ? [{ kind: "block", block: x }] : [];
}
function fmt(f: ast.FormatArgs | undefined): Child[] {
  return f ? f.args.flatMap((a) => e(a)) : [];
}

/** The direct sub-expressions and blocks of an expression, in evaluation order. */
export function exprChildren(x: ast.Expr): Child[] {
  switch (x.kind) {
    case "Lit":
    case "Path":
    case "Continue":
    case "Error":
      return [];
    case "Unary":
    case "Ref":
    case "Try":
    case "Await":
    case "Cast":
      return e(x.operand);
    case "Binary":
    case "Assign":
    case "CompoundAssign":
      return [...e(x.lhs), ...e(x.rhs)];
    case "Call":
      return [...e(x.callee), ...x.args.flatMap((a) => e(a))];
    case "MethodCall":
      return [...e(x.receiver), ...x.args.flatMap((a) => e(a))];
    case "Field":
      return e(x.object);
    case "Index":
      return [...e(x.object), ...e(x.index)];
    case "Tuple":
    case "Array":
      return x.elems.flatMap((a) => e(a));
    case "ArrayRepeat":
      return [...e(x.elem), ...e(x.len)];
    case "Struct":
      return [...x.fields.flatMap((f) => e(f.value)), ...e(x.base)];
    case "BlockExpr":
    case "AsyncBlock":
      return b(x.block);
    case "Closure":
      return e(x.body);
    case "If":
      return [...e(x.cond), ...b(x.then), ...e(x.else)];
    case "LetCond":
      return e(x.scrutinee);
    case "While":
      return [...e(x.cond), ...b(x.body)];
    case "Loop":
      return b(x.body);
    case "For":
      return [...e(x.iter), ...b(x.body)];
    case "Match":
      return [...e(x.scrutinee), ...x.arms.flatMap((a) => [...e(a.guard), ...e(a.body)])];
    case "Break":
    case "Return":
      return e(x.value);
    case "Range":
      return [...e(x.lo), ...e(x.hi)];
    case "MacroCall":
      return macroChildren(x.call);
    default:
      return assertNever(x, "expression");
  }
}

function macroChildren(c: ast.MacroCall): Child[] {
  switch (c.macro) {
    case "print":
    case "println":
    case "eprint":
    case "eprintln":
    case "format":
    case "panic":
    case "unreachable":
    case "todo":
    case "unimplemented":
      return fmt(c.fmt);
    case "write":
    case "writeln":
      return [...e(c.dest), ...fmt(c.fmt)];
    case "assert":
    case "debug_assert":
      return [...e(c.cond), ...fmt(c.fmt)];
    case "assert_eq":
    case "assert_ne":
    case "debug_assert_eq":
    case "debug_assert_ne":
      return [...e(c.left), ...e(c.right), ...fmt(c.fmt)];
    case "vec":
      return c.elems.flatMap((a) => e(a));
    case "vecRepeat":
      return [...e(c.elem), ...e(c.len)];
    case "matches":
      return [...e(c.scrutinee), ...e(c.guard)];
    case "dbg":
      return c.args.flatMap((a) => e(a));
    case "pin":
      return e(c.value);
    case "join":
      return c.futures.flatMap((a) => e(a));
    case "select":
      return c.arms.flatMap((a) => [...e(a.future), ...e(a.body)]);
    case "line":
    case "column":
    case "file":
    case "stringify":
      return [];
    case "concat":
      return c.parts.flatMap((a) => e(a));
    case "addr_of":
    case "addr_of_mut":
      return e(c.place);
    default:
      return assertNever(c, "macro call");
  }
}

/** The expressions of a statement. */
export function stmtChildren(s: ast.Stmt): Child[] {
  switch (s.kind) {
    case "Let":
      return [...e(s.init), ...b(s.else)];
    case "ExprStmt":
      return e(s.expr);
    case "ItemStmt":
    case "EmptyStmt":
      return [];
    default:
      return assertNever(s, "statement");
  }
}

function spanKey(s: Span): string {
  return `${s.lo}:${s.hi}`;
}

/** Lookups from MIR spans and node ids back to the AST. */
export class AstIndex {
  private readonly calls = new Map<string, ast.CallExpr | ast.MethodCallExpr>();
  private readonly exprs = new Map<ast.NodeId, ast.Expr>();
  private readonly owner = new Map<ast.NodeId, DefId>();

  constructor(program: Program) {
    for (const body of program.bodies) {
      const visitExpr = (x: ast.Expr): void => {
        this.exprs.set(x.id, x);
        if (x.kind === "Call" || x.kind === "MethodCall") this.calls.set(spanKey(x.span), x);
        if (x.kind === "Closure" || x.kind === "AsyncBlock") this.owner.set(x.id, body.def);
        for (const c of exprChildren(x)) (c.kind === "expr" ? visitExpr(c.expr) : visitBlock(c.block));
      };
      const visitBlock = (blk: ast.Block): void => {
        for (const s of blk.stmts) for (const c of stmtChildren(s)) (c.kind === "expr" ? visitExpr(c.expr) : visitBlock(c.block));
        if (blk.tail) visitExpr(blk.tail);
      };
      this.owner.set(body.node.id, body.def);
      if (body.node.body) visitBlock(body.node.body);
    }
  }

  callAt(span: Span): ast.CallExpr | ast.MethodCallExpr | undefined {
    return this.calls.get(spanKey(span));
  }

  expr(id: ast.NodeId): ast.Expr | undefined {
    return this.exprs.get(id);
  }

  /** The fn item whose body holds this body (itself for a fn item). */
  enclosingFn(node: ast.NodeId): DefId | undefined {
    return this.owner.get(node);
  }
}
