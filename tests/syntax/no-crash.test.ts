// parse() never throws and never overflows the stack: empty files, binary garbage, 1 MB of random
// bytes, every acceptance program cut off at every line (and mutated), and 10 000-deep nesting.
// Every diagnostic it returns has a span inside the file.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText, type Parsed } from "./helpers.js";

const ACCEPTANCE = "/work/shared/acceptance";

function rustFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(rustFiles(p));
    else if (p.endsWith(".rs")) out.push(p);
  }
  return out.sort();
}

/** Parses and checks the invariants that hold for any input. */
function survive(text: string): Parsed {
  const p = parseText(text);
  for (const d of p.diagnostics) {
    expect(d.span.lo).toBeGreaterThanOrEqual(0);
    expect(d.span.hi).toBeLessThanOrEqual(text.length);
    expect(d.span.lo).toBeLessThanOrEqual(d.span.hi);
    for (const l of d.labels) expect(l.span.hi).toBeLessThanOrEqual(text.length);
  }
  return p;
}

// A deterministic generator, so failures reproduce.
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

const files = rustFiles(ACCEPTANCE);

describe("never crashes", () => {
  it("finds the acceptance programs", () => {
    if (files.length === 0) console.log(`no .rs files under ${ACCEPTANCE}: the truncation tests have nothing to cut`);
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.slice(ACCEPTANCE.length + 1), f]))("%s cut off at every line and every 5th character", (_name, path) => {
    const text = readFileSync(path, "utf8");
    const lines = text.split("\n");
    for (let i = 0; i <= lines.length; i++) survive(lines.slice(0, i).join("\n"));
    for (let i = 0; i < text.length; i += 5) survive(text.slice(0, i));
  });

  it.each(files.map((f) => [f.slice(ACCEPTANCE.length + 1), f]))("%s with random edits", (_name, path) => {
    const text = readFileSync(path, "utf8");
    const r = rng(text.length);
    const chars = "(){}[]<>;,.:!?&|'\"#$@=+-*/ \nabc0_\\";
    for (let k = 0; k < 150; k++) {
      const pos = r(text.length);
      const op = r(3);
      const t =
        op === 0 ? text.slice(0, pos) + text.slice(pos + 1 + r(5)) : op === 1 ? text.slice(0, pos) + chars[r(chars.length)] + text.slice(pos) : text.slice(0, pos) + text.slice(r(text.length));
      survive(t);
    }
  });

  it("empty and whitespace-only files", () => {
    expect(survive("").diagnostics).toEqual([]);
    expect(survive(" \n\t\r\n").diagnostics).toEqual([]);
    expect(survive("// only a comment").diagnostics).toEqual([]);
    expect(survive("\ufefffn main() {}").diagnostics).toEqual([]);
    expect(survive("#!/usr/bin/env run-cargo-script\nfn main() {}").diagnostics).toEqual([]);
  });

  it("binary garbage and 1 MB of random bytes, quickly", () => {
    survive("\u0000\u0001\u0002\u00ff");
    for (const enc of ["latin1", "utf8"] as const) {
      const t0 = performance.now();
      const p = survive(randomBytes(1 << 20).toString(enc));
      expect(p.diagnostics.length).toBeGreaterThan(0);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it("1 MB of random printable ASCII and of random Rust tokens", () => {
    const r = rng(7);
    let ascii = "";
    while (ascii.length < 1 << 20) ascii += String.fromCharCode(32 + r(95));
    survive(ascii);
    const toks = ["fn", "(", ")", "{", "}", "let", "x", "=", "1", ";", "<", ">", "::", "!", "[", "]", "'a", '"s"', ",", "match", "=>", "if", "async", ".await", "&", "mut", "|", "macro_rules!", "$x", ":expr", "#", "impl", "for", "where", "println!"];
    let soup = "";
    while (soup.length < 1 << 20) soup += toks[r(toks.length)] + " ";
    const t0 = performance.now();
    survive(soup);
    // Thousands of mismatched delimiters once made the lexer quadratic (20 s for this input); the
    // bound is loose, it only catches that kind of regression.
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 60_000);

  it("lone surrogates, emoji identifiers, CRLF", () => {
    survive('fn main() { let s = "\ud800"; }');
    survive("fn main() { let 😀 = 1; }");
    expect(survive('fn main() {\r\n    println!("{}", 1);\r\n}\r\n').diagnostics).toEqual([]);
  });
});

describe("deep nesting: one diagnostic, no stack overflow", () => {
  const N = 10_000;
  it.each([
    ["parentheses", `fn f() { let x = ${"(".repeat(N)}1${")".repeat(N)}; }`],
    ["blocks", `fn f() { ${"{".repeat(N)}${"}".repeat(N)} }`],
    ["unary minus", `fn f() { let x = ${"-".repeat(N)}1; }`],
    ["binary operators", `fn f() { let x = 1${" + 1".repeat(N)}; }`],
    ["method chains", `fn f() { x${".f()".repeat(N)}; }`],
    ["else-if chains", `fn f() { ${"if a { 1 } else ".repeat(3000)}{ 2 } }`],
    ["closures", `fn f() { let c = ${"|x| ".repeat(N)}1; }`],
    ["types", `type T = ${"Vec<".repeat(N)}u8${">".repeat(N)};`],
    ["patterns", `fn f() { let ${"(".repeat(N)}x${")".repeat(N)} = 1; }`],
    ["arrays", `fn f() { let a = ${"[".repeat(N)}1${"]".repeat(N)}; }`],
    ["macro arguments", `fn f() { println!("{}", ${"(".repeat(N)}1${")".repeat(N)}); }`],
    ["macro_rules token trees", `macro_rules! m { ($($t:tt)*) => { 1 } } fn f() { m!(${"(".repeat(N)}${")".repeat(N)}); }`],
    ["unclosed", `fn f() { ${"(".repeat(N)}`],
  ])("%s", (_name, src) => {
    const p = survive(src);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    expect(p.diagnostics.length).toBeLessThan(25);
  });

  it("a macro_rules! repetition with 5000 arguments is a loop, not a deep recursion", () => {
    const args = Array.from({ length: 5000 }, (_, i) => String(i)).join(", ");
    const p = survive(`macro_rules! my_vec { ($($x:expr),* $(,)?) => {{ let mut v = Vec::new(); $( v.push($x); )* v }}; }\nfn main() { let v = my_vec![${args}]; }`);
    expect(p.diagnostics).toEqual([]);
  }, 60_000);

  it("many statements and items are not nesting", () => {
    const body = "let x = 1;\n".repeat(20_000);
    expect(survive(`fn main() {\n${body}}`).diagnostics).toEqual([]);
    expect(survive("fn f() {}\n".repeat(5_000)).diagnostics).toEqual([]);
  });
});

describe("large inputs", () => {
  it("a 1 MB valid program parses (inputs over 32 KiB are handed to tree-sitter in chunks)", () => {
    const unit = 'fn f{N}(x: u32) -> u32 {\n    let v = vec![x, x + 1];\n    println!("{} {:?}", x, v);\n    x * 2\n}\n';
    let text = "";
    for (let i = 0; text.length < 1 << 20; i++) text += unit.replace("{N}", String(i));
    const t0 = performance.now();
    const p = survive(text);
    expect(p.diagnostics).toEqual([]);
    expect(p.crate.items.length).toBeGreaterThan(10_000);
    // Far below this in practice; the bound only catches accidental quadratic behaviour.
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);
});
