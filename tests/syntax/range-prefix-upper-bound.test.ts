// tree-sitter-rust 0.24 parses `0..*n` as `(0..) * n` and `lo..-1` as `(lo..) - 1`; rustc reads an
// open range's upper bound as the whole rest of the expression. Found by
// tests/run-pass/match_guards_at_bindings.rs (`for _ in 0..*n`, which ran as a multiplication).
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";
import type { Expr } from "../../src/syntax/ast.js";

function tailOf(src: string): Expr {
  const file = new SourceFile("t.rs", `fn f(n: &usize, lo: i32) { ${src} }`);
  const r = parse(file);
  expect(r.diagnostics).toEqual([]);
  const f = r.value.items[0]!;
  if (f.kind !== "Fn" || !f.body?.tail) throw new Error("no tail");
  return f.body.tail;
}

describe("an open range followed by a prefix operator", () => {
  it.each([
    ["0..*n", "deref", true],
    ["lo..-1", "neg", true],
    ["..*n", "deref", false],
    ["0..!0", "not", true],
  ])("`%s` is a range whose upper bound is a `%s`", (src, op, hasLo) => {
    const e = tailOf(src);
    expect(e.kind).toBe("Range");
    if (e.kind !== "Range") return;
    expect(e.lo !== undefined).toBe(hasLo);
    expect(e.inclusive).toBe(false);
    expect(e.hi?.kind).toBe("Unary");
    if (e.hi?.kind === "Unary") expect(e.hi.op).toBe(op);
  });

  it("keeps the rest of the expression in the bound: `0..*n + 1`", () => {
    const e = tailOf("0..*n + 1");
    expect(e.kind).toBe("Range");
    if (e.kind === "Range") expect(e.hi?.kind).toBe("Binary");
  });

  it("leaves a parenthesised range alone: `(0..) == (0..)` stays binary", () => {
    expect(tailOf("(0..) == (0..)").kind).toBe("Binary");
  });
});
