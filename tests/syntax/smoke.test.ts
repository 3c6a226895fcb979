import { describe, expect, it } from "vitest";
import { parseClean, exprDump } from "./helpers.js";
describe("smoke", () => {
  it("parses", () => {
    expect(exprDump("1 + 2")).toBe('(Binary op="+" lhs=(Lit 1) rhs=(Lit 2))');
    parseClean("fn main() {}");
  });
});
