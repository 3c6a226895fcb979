// tree-sitter-rust 0.24 parses `break 'a *x` as `(break 'a) * x`; the lowering must give the break its
// value back (found by tests/layout/loops.rs `labelled_break_value`, where `x` must be stored).
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";
import type { Expr } from "../../src/syntax/ast.js";

function breakIn(src: string): Expr {
  const file = new SourceFile("t.rs", `fn f(x: &i32) -> i32 { ${src} }`);
  const r = parse(file);
  expect(r.diagnostics).toEqual([]);
  const f = r.value.items[0]!;
  if (f.kind !== "Fn" || !f.body) throw new Error("no fn");
  const stmt = f.body.tail ?? (f.body.stmts[0]!.kind === "ExprStmt" ? f.body.stmts[0]!.expr : undefined);
  if (!stmt || stmt.kind !== "Loop") throw new Error("no loop");
  const inner = stmt.body.stmts[0]!;
  if (inner.kind !== "ExprStmt") throw new Error("no statement");
  return inner.expr;
}

describe("labelled break with a prefix-operator value", () => {
  it.each([
    ["*x", "deref"],
    ["-*x", "neg"],
  ])("`break 'a %s` is a break with that value", (value, op) => {
    const e = breakIn(`'a: loop { break 'a ${value}; }`);
    expect(e.kind).toBe("Break");
    if (e.kind !== "Break") return;
    expect(e.label?.name).toBe("'a");
    expect(e.value?.kind).toBe("Unary");
    if (e.value?.kind === "Unary") expect(e.value.op).toBe(op);
  });

  it("keeps the rest of the expression in the value: `break 'a *x + 1`", () => {
    const e = breakIn(`'a: loop { break 'a *x + 1; }`);
    expect(e.kind).toBe("Break");
    if (e.kind !== "Break") return;
    expect(e.value?.kind).toBe("Binary");
  });

  it("leaves a real multiplication alone: `(break 'a) * 2` never arises, `a * b` stays binary", () => {
    const file = new SourceFile("t.rs", "fn f(a: i32, b: i32) -> i32 { a * b }");
    const r = parse(file);
    const f = r.value.items[0]!;
    if (f.kind !== "Fn" || !f.body?.tail) throw new Error("no tail");
    expect(f.body.tail.kind).toBe("Binary");
  });
});
