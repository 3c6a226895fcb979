// Diagnostics of syntax/: code, message and line:col, for syntax errors (P0002), constructs outside
// the subset (P0003) and macro problems (P0004). rustc's own messages for the cases where pinion
// follows rustc are checked in oracle.test.ts; these are pinion's own.
import { describe, expect, it } from "vitest";
import { at, diagLines, parseText } from "./helpers.js";

describe("constructs outside the subset (P0003)", () => {
  it.each([
    ["union U { a: u8, b: u16 }", ["P0003 1:1 `union` types are not supported by pinion"]],
    ['extern "C" {\n    fn abs(x: i32) -> i32;\n}', ['P0003 1:1 `extern "C"` blocks are not supported by pinion']],
    ["mod network;", ["P0003 1:1 out-of-line modules (`mod name;`) are not supported by pinion"]],
    ["fn f() {\n    let g = gen { 1 };\n}", ["P0003 2:13 `gen` blocks are not supported by pinion"]],
    ["fn f() {\n    let t = try { 1 };\n}", ["P0003 2:13 `try` blocks are not supported by pinion"]],
    ["fn f() {\n    yield 1;\n}", ["P0003 2:5 `yield` expressions are not supported by pinion"]],
    ["fn f(b: Box<u8>) {\n    match b { box x => {} }\n}", ["P0003 2:15 `box` patterns are not supported by pinion"]],
    ['fn f() { let s = c"x"; }', ["P0003 1:18 C string literals are not supported by pinion"]],
    ["fn f(x: u8, ...) {}", ["P0003 1:13 C-variadic parameters are not supported by pinion"]],
    ["impl const Default for S {}", ["P0003 1:1 `impl const` blocks are not supported by pinion"]],
    ["fn f() { let c = static || 1; }", ["P0003 1:18 `static` closures (coroutines) are not supported by pinion"]],
  ])("%s", (src, lines) => {
    expect(diagLines(parseText(src))).toEqual(lines);
  });

  it("the lowering goes on after an unsupported construct, so every problem is reported", () => {
    const p = parseText("union U { a: u8 }\nmod m;\nfn main() {\n    let x = try { 1 };\n    foo!();\n}\n");
    expect(diagLines(p)).toEqual([
      "P0003 1:1 `union` types are not supported by pinion",
      "P0003 2:1 out-of-line modules (`mod name;`) are not supported by pinion",
      "P0003 4:13 `try` blocks are not supported by pinion",
      "P0004 5:5 cannot find macro `foo` in this scope",
    ]);
    // `main` is still there, with an Error stand-in for the `try` block.
    const main = p.crate.items.find((i) => i.kind === "Fn");
    expect(main?.kind === "Fn" && main.body?.stmts.map((s) => (s.kind === "Let" ? s.init?.kind : s.kind))).toEqual(["Error", "ExprStmt"]);
  });
});

describe("syntax errors (P0002)", () => {
  it.each([
    ["fn main() {\n    let x = 1\n    let y = 2;\n}", "P0002 2:14 expected `;`, found keyword `let`"],
    ["fn main() {\n    foo(1 2);\n}", "P0002 2:10 expected `,`, or `)`, found `2`"],
    ["fn main() {\n    foo(,);\n}", "P0002 2:9 expected expression, found `,`"],
    ["fn main() {\n    let v = [1, 2 3];\n}", "P0002 2:18 expected `,`, or `]`, found `3`"],
    ["fn main() {\n    a b\n}", "P0002 2:6 expected `;`, found `b`"],
    ["enum E { A B }", "P0002 1:11 expected `,`, or `}`, found `B`"],
    ["fn main() {}\nlet x = 1;", "P0002 2:1 expected item, found keyword `let`"],
    ["fn main() {}\n1 + 2;", "P0002 2:1 expected item, found expression"],
    ["fn f();", "P0002 1:1 free function without a body"],
    ["const X: u8;", "P0002 1:1 free constant item without body"],
    ["fn main() { let s = 'ab'; }", "P0002 1:21 character literal may only contain one codepoint"],
    ["fn main() { let x = 0xg; }", "P0002 1:21 no valid digits found for number"],
    ["fn main() { let s = \"\\u{110000}\"; }", "P0002 1:22 invalid unicode character escape"],
    ["fn main() { let b = b\"é\"; }", "P0002 1:23 non-ASCII character in byte string literal"],
    ["fn f(x: *u8) {}", "P0002 1:9 expected `mut` or `const` keyword in raw pointer type"],
    ["fn f(x: Box<Fn(u8)>) {}", "P0002 1:13 trait objects must include the `dyn` keyword"],
    ["fn f() { match x { 1...5 => {} } }", "P0002 1:20 `...` range patterns are deprecated"],
  ])("%s", (src, line) => {
    expect(diagLines(parseText(src))[0]).toBe(line);
  });

  it("a missing token is a zero-width span where it belongs", () => {
    const p = parseText("fn main() {\n    let x = 1\n}");
    const d = p.diagnostics[0]!;
    expect(d.span.lo).toBe(d.span.hi);
    expect(at(p, d.span)).toBe("2:14");
  });

  it("lexical errors are reported instead of the parse errors they cause", () => {
    const p = parseText("fn main() {\n    let s = \u201chi\u201d;\n    let t = 1 2;\n}");
    expect(diagLines(p)).toEqual(["P0002 2:13 unknown start of token: \\u{201c}", "P0002 2:16 unknown start of token: \\u{201d}"]);
    expect(p.diagnostics[0]!.help).toEqual(["Unicode character '\u201c' (Left Double Quotation Mark) looks like '\"', but it is not"]);
  });

  it("a mismatched delimiter names the delimiter it should have closed", () => {
    const p = parseText("fn main() {\n    foo(1;\n}\n");
    expect(diagLines(p)).toEqual(["P0002 3:1 mismatched closing delimiter: `}`"]);
    // rustc's three labels (checked against rustc's JSON in tests/diagnostics/rustc-layout/delimiters.rustc.json).
    expect(p.diagnostics[0]!.labels.map((l) => `${at(p, l.span)} ${l.message}`)).toEqual([
      "3:1 mismatched closing delimiter",
      "2:8 unclosed delimiter",
      "1:11 closing delimiter possibly meant for this",
    ]);
  });

  it("unclosed delimiters: one error at the end of the file, naming each open delimiter", () => {
    const text = "fn main() {\n    if x {\n        foo(\n";
    const p = parseText(text);
    expect(p.diagnostics.map((d) => d.message)).toEqual(["this file contains an unclosed delimiter"]);
    const d = p.diagnostics[0]!;
    expect(d.span).toEqual({ lo: text.length, hi: text.length });
    expect(d.labels.slice(1).map((l) => `${at(p, l.span)} ${l.message}`)).toEqual(["1:11 unclosed delimiter", "2:10 unclosed delimiter", "3:12 unclosed delimiter"]);
  });

  it("binary garbage stops after a bounded number of lexical errors", () => {
    const p = parseText("\u0000\u0001\u0002".repeat(1000));
    expect(p.diagnostics.length).toBe(21);
    expect(p.diagnostics.some((d) => d.message.startsWith("aborting: too many lexical errors"))).toBe(true);
    expect(p.crate.items).toEqual([]);
  });
});

describe("nesting limits", () => {
  it("expressions nested more deeply than the limit are one P0003", () => {
    const p = parseText(`fn main() { let x = ${"(".repeat(1000)}1${")".repeat(1000)}; }`);
    expect(diagLines(p)).toEqual(["P0003 1:276 expression nested too deeply"]);
  });
  it("nesting up to the limit is fine", () => {
    expect(diagLines(parseText(`fn main() { let x = ${"(".repeat(200)}1${")".repeat(200)}; }`))).toEqual([]);
  });
});

describe("diagnostic shape", () => {
  it("messages are lowercase without a final period, with a primary label at the span", () => {
    const srcs = ["union U {}", "fn main() { foo!(); }", "fn main() { let x = 1 }", 'fn main() { println!("{}"); }', "fn main() { let s = \u201c; }", "mod m;"];
    for (const src of srcs) {
      for (const d of parseText(src).diagnostics) {
        expect(d.message[0]).toBe(d.message[0]!.toLowerCase());
        expect(d.message.endsWith(".")).toBe(false);
        expect(d.severity).toBe("error");
        expect(["P0002", "P0003", "P0004"]).toContain(d.code);
        expect(d.labels[0]).toMatchObject({ span: d.span, primary: true });
      }
    }
  });

  it("diagnostics come in source order", () => {
    const p = parseText("fn b() { bar!(); }\nunion U {}\nfn a() { let x = 1 }");
    const los = p.diagnostics.map((d) => d.span.lo);
    expect(los).toEqual([...los].sort((x, y) => x - y));
  });
});
