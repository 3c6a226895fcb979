#!/usr/bin/env node
// Rewrites every grammar-fixtures/*.tree from its .rs: the S-expression that the installed
// tree-sitter-rust produces, one node per line. A grammar upgrade shows up as a diff of these files
// (tests/syntax/grammar-fixtures.test.ts compares them, ignoring whitespace).
// With rustc installed, also checks that every fixture is valid Rust (`rustc --emit=metadata`),
// except those whose first line says `// rustc: skip (…)`; `// rustc: --edition 2024` picks the edition.
// Usage: node grammar-fixtures/regen.mjs [--check]   (--check: report differences, write nothing)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const Parser = require("tree-sitter");
const Rust = require("tree-sitter-rust");
const parser = new Parser();
parser.setLanguage(Rust);
const check = process.argv.includes("--check");

/** One node per line, indented by depth; `field: (node …)` stays on one line. */
function pretty(sexp) {
  const toks = sexp.match(/\(|\)|[^\s()]+/g) ?? [];
  let out = "";
  let depth = 0;
  let afterField = false;
  for (const t of toks) {
    if (t === "(") {
      if (out !== "" && !afterField) out += "\n" + "  ".repeat(depth);
      out += "(";
      depth++;
      afterField = false;
    } else if (t === ")") {
      out += ")";
      depth--;
    } else if (t.endsWith(":")) {
      out += "\n" + "  ".repeat(depth) + t + " ";
      afterField = true;
    } else {
      if (!out.endsWith("(")) out += " ";
      out += t;
    }
  }
  return out + "\n";
}

let rustc = "";
try {
  rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim();
} catch {
  console.log("rustc not found: fixtures are not checked as Rust");
}
const work = rustc ? mkdtempSync(join(tmpdir(), "pinion-fixtures-")) : "";

let problems = 0;
for (const f of readdirSync(here).filter((f) => f.endsWith(".rs")).sort()) {
  const src = readFileSync(join(here, f), "utf8");
  const tree = parser.parse((i) => (i < src.length ? src.slice(i, i + 65536) : null), undefined, { bufferSize: 65536 });
  const text = pretty(tree.rootNode.toString());
  const out = join(here, f.replace(/\.rs$/, ".tree"));
  if (tree.rootNode.hasError) {
    console.error(`${f}: tree-sitter reports a syntax error`);
    problems++;
  }
  if (check) {
    if (!existsSync(out) || readFileSync(out, "utf8") !== text) {
      console.error(`${f}: .tree differs`);
      problems++;
    }
  } else writeFileSync(out, text);
  const first = src.split("\n")[0] ?? "";
  if (rustc && !first.includes("rustc: skip")) {
    const edition = /--edition (\d+)/.exec(first)?.[1] ?? "2021";
    const r = spawnSync("rustc", ["--edition", edition, "--emit=metadata", "-o", join(work, "x.rmeta"), join(here, f)], { encoding: "utf8" });
    if (r.status !== 0) {
      console.error(`${f}: rustc rejects it:\n${r.stderr}`);
      problems++;
    }
  }
}
if (problems > 0) process.exit(1);
console.log(check ? "grammar fixtures are current" : `grammar fixtures regenerated${rustc ? ` and checked with ${rustc}` : ""}`);
