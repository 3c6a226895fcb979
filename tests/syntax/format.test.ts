// The format-string parser on its own: every part of the spec grammar, argument binding, errors.
// (oracle.test.ts checks the same parser end to end against rustc's output.)
import { describe, expect, it } from "vitest";
import { parseFormatString, resolveFormat, type RawPiece } from "../../src/syntax/format.js";
import { diagLines, parseText } from "./helpers.js";

function spec(s: string): RawPiece {
  const r = parseFormatString(s);
  expect(r.errors).toEqual([]);
  expect(r.pieces.length).toBe(1);
  return r.pieces[0]!;
}

const plain = { fill: " ", align: "", sign: "", alternate: false, zero: false, trait: "" };

describe("the spec grammar", () => {
  it("literal text and escaped braces", () => {
    expect(parseFormatString("a {{b}} c")).toEqual({ pieces: [{ kind: "lit", text: "a {b} c" }], errors: [] });
  });

  it("arguments: implicit, by index, by name", () => {
    expect(spec("{}")).toEqual({ kind: "arg", ref: { kind: "next" }, spec: plain, lo: 0, hi: 2 });
    expect(spec("{12}")).toMatchObject({ ref: { kind: "index", index: 12 } });
    expect(spec("{name_2}")).toMatchObject({ ref: { kind: "name", name: "name_2", lo: 1, hi: 7 } });
    expect(spec("{ünï}")).toMatchObject({ ref: { kind: "name", name: "ünï" } });
    expect(spec("{x }")).toMatchObject({ ref: { kind: "name", name: "x" } });
  });

  it.each([
    ["{:>5}", { align: ">", width: { kind: "literal", value: 5 } }],
    ["{:<}", { align: "<" }],
    ["{:^}", { align: "^" }],
    ["{:*^9}", { fill: "*", align: "^", width: { kind: "literal", value: 9 } }],
    ["{:😀>3}", { fill: "😀", align: ">" }],
    ["{:>>3}", { fill: ">", align: ">" }],
    ["{:+}", { sign: "+" }],
    ["{:-}", { sign: "-" }],
    ["{:#?}", { alternate: true, trait: "?" }],
    ["{:08.3}", { zero: true, width: { kind: "literal", value: 8 }, precision: { kind: "literal", value: 3 } }],
    ["{:0$}", { zero: false, width: { kind: "ref", ref: { kind: "index", index: 0 } } }],
    ["{:w$}", { width: { kind: "ref", ref: { kind: "name", name: "w", lo: 2, hi: 3 } } }],
    ["{:.p$}", { precision: { kind: "ref", ref: { kind: "name", name: "p", lo: 3, hi: 4 } } }],
    ["{:.*}", { precision: { kind: "star" } }],
    ["{:+#010x}", { sign: "+", alternate: true, zero: true, width: { kind: "literal", value: 10 }, trait: "x" }],
    ["{:X}", { trait: "X" }],
    ["{:o}", { trait: "o" }],
    ["{:b}", { trait: "b" }],
    ["{:e}", { trait: "e" }],
    ["{:E}", { trait: "E" }],
    ["{:p}", { trait: "p" }],
    ["{:x?}", { trait: "x?" }],
    ["{:#X?}", { alternate: true, trait: "X?" }],
  ])("%s", (src, fields) => {
    expect(spec(src)).toMatchObject({ spec: { ...plain, ...fields } });
  });
});

describe("binding arguments", () => {
  it("implicit positions count only `{}` and `.*`, and `.*` comes before the value", () => {
    const raw = parseFormatString("{} {0} {:.*} {}").pieces;
    const r = resolveFormat(raw, 4, [], (lo, hi) => ({ lo, hi }));
    const args = r.pieces.filter((p) => p.kind === "arg").map((p) => (p.kind === "arg" ? [p.arg, p.spec.precision] : []));
    expect(args).toEqual([
      [0, undefined],
      [0, undefined],
      [2, { kind: "arg", arg: 1 }],
      [3, undefined],
    ]);
    expect(r.unused).toEqual([]);
  });

  it("names: explicit named arguments first, then captures, each captured once", () => {
    const raw = parseFormatString("{a} {x} {a:x$} {y}").pieces;
    const r = resolveFormat(raw, 1, ["a"], (lo, hi) => ({ lo, hi }));
    expect(r.pieces.filter((p) => p.kind === "arg").map((p) => (p.kind === "arg" ? p.arg : -1))).toEqual([1, 2, 1, 3]);
    expect(r.captures.map((c) => c.name)).toEqual(["x", "y"]);
    // The positional argument 0 is unused.
    expect(r.unused).toEqual([0]);
  });
});

describe("errors, with their positions in the source", () => {
  it.each([
    ['println!("{")', "P0004 1:24 invalid format string: expected `}` but string was terminated"],
    ['println!("}")', "P0004 1:23 invalid format string: unmatched `}` found"],
    ['println!("{:q}", 1)', "P0004 1:25 unknown format trait `q`"],
    ['println!("{0 x}", 1)', "P0004 1:26 invalid format string: expected `}`, found `x`"],
    ['println!("{}")', "P0004 1:23 1 positional argument in format string, but no arguments were given"],
    ['println!("{2}", 1, 2)', "P0004 1:24 invalid reference to positional argument 2 (there are 2 arguments)"],
    ['println!("{}", 1, 2)', "P0004 1:31 argument never used"],
    ['println!("{a}", a = 1, a = 2)', "P0004 1:36 duplicate argument named `a`"],
    ['println!("{:.}", 1)', "P0004 1:25 invalid format string: expected a precision after `.`"],
    ['println!(r"{", 1)', "P0004 1:25 invalid format string: expected `}` but string was terminated"],
    ['println!("{}", 1,,)', "P0002 1:30 expected expression, found `,`"],
  ])("%s", (src, line) => {
    const p = parseText(`fn main() { ${src}; }`);
    expect(diagLines(p)[0]).toBe(line);
  });
});
