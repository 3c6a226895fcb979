// The lexer used for macro token trees and lexical errors.
import { describe, expect, it } from "vitest";
import { buildTrees, isGroup, lex, type TokenTree } from "../../src/syntax/tokens.js";

const texts = (src: string): string[] => lex(src).tokens.map((t) => t.text);
const kinds = (src: string): string[] => lex(src).tokens.map((t) => `${t.kind}:${t.text}`);

describe("lex", () => {
  it("maximal munch for punctuation", () => {
    expect(texts("a::b => c..=d ..e <<= >>= != -> && || ... $x")).toEqual(["a", "::", "b", "=>", "c", "..=", "d", "..", "e", "<<=", ">>=", "!=", "->", "&&", "||", "...", "$", "x"]);
  });
  it("numbers: ranges, fields and methods are not floats", () => {
    expect(texts("1..2 1.5 1. x.0.1 1.max(2) 1e5 2.5E-3f32 0x1F_u8 1_000i64")).toEqual(["1", "..", "2", "1.5", "1.", "x", ".", "0.1", "1", ".", "max", "(", "2", ")", "1e5", "2.5E-3f32", "0x1F_u8", "1_000i64"]);
  });
  it("lifetimes, labels and chars", () => {
    expect(kinds("'a 'static 'x' '\\n' '\\'' 'outer: b'z'")).toEqual(["lifetime:'a", "lifetime:'static", "lit:'x'", "lit:'\\n'", "lit:'\\''", "lifetime:'outer", "punct::", "lit:b'z'"]);
  });
  it("strings of every kind", () => {
    expect(kinds('"a\\"b" r"x" r#"y "q""# b"z" br"w" c"v" "multi\nline"')).toEqual(['lit:"a\\"b"', 'lit:r"x"', 'lit:r#"y "q""#', 'lit:b"z"', 'lit:br"w"', 'lit:c"v"', 'lit:"multi\nline"']);
  });
  it("raw identifiers and unicode identifiers", () => {
    expect(kinds("r#type héllo _x")).toEqual(["ident:r#type", "ident:héllo", "ident:_x"]);
  });
  it("comments are skipped, block comments nest", () => {
    expect(texts("a // c\n b /* x /* y */ z */ c")).toEqual(["a", "b", "c"]);
  });
  it("errors: unknown characters with a hint, unterminated literals and comments", () => {
    expect(lex("a \u201cb\u201d").errors.map((e) => [e.message, e.lo, e.help !== undefined])).toEqual([
      ["unknown start of token: \\u{201c}", 2, true],
      ["unknown start of token: \\u{201d}", 4, true],
    ]);
    expect(lex('"abc').errors[0]?.message).toBe("unterminated double quote string");
    expect(lex("/* x").errors[0]?.message).toBe("unterminated block comment");
    expect(lex("r#\"x\"").errors[0]?.message).toBe("unterminated raw string");
  });
  it("offsets are UTF-16 code units", () => {
    const t = lex('"😀" x').tokens;
    expect(t.map((x) => [x.lo, x.hi])).toEqual([
      [0, 4],
      [5, 6],
    ]);
  });
});

describe("token trees", () => {
  const shape = (ts: readonly TokenTree[]): string => ts.map((t) => (isGroup(t) ? `${t.delim}${shape(t.inner)}${t.close ? t.close.text : "…"}` : t.text)).join(" ");
  it("groups delimiters", () => {
    const { trees, errors } = buildTrees(lex("f(a, [b]) { c }").tokens, { maxDepth: 256 });
    expect(errors).toEqual([]);
    expect(shape(trees)).toBe("f (a , [b]) {c}");
  });
  it("a mismatched closer closes the outer group it matches, like rustc", () => {
    const { trees, errors } = buildTrees(lex("{ f(1; }").tokens, { maxDepth: 256 });
    expect(errors.map((e) => e.message)).toEqual(["mismatched closing delimiter: `}`"]);
    expect(shape(trees)).toBe("{f (1 ;…}");
  });
  it("unclosed and stray delimiters", () => {
    expect(buildTrees(lex("(a").tokens, { maxDepth: 256 }).errors.map((e) => e.message)).toEqual(["this file contains an unclosed delimiter"]);
    expect(buildTrees(lex("a)").tokens, { maxDepth: 256 }).errors.map((e) => e.message)).toEqual(["unexpected closing delimiter: `)`"]);
  });
  it("reports nesting beyond the limit once", () => {
    const { errors } = buildTrees(lex("(".repeat(300) + ")".repeat(300)).tokens, { maxDepth: 256 });
    expect(errors.map((e) => e.message)).toEqual(["token trees nested too deeply"]);
  });
});
