// grammar-fixtures/*.rs: a Rust snippet for every construct of the subset, grouped by area, each
// with the tree the installed tree-sitter-rust produces (`.tree`, written by grammar-fixtures/regen.mjs).
// A grammar upgrade shows up as a failure here and a diff of the .tree files; every fixture must also
// lower with no diagnostics, and (checked by regen.mjs where rustc exists) be valid Rust.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grammarTree } from "../../src/syntax/index.js";
import { diagLines, parseText } from "./helpers.js";

const dir = join(process.cwd(), "grammar-fixtures");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".rs"))
  .sort();
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("grammar fixtures", () => {
  it("exist", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(fixtures)("%s", (f) => {
    const src = readFileSync(join(dir, f), "utf8");
    it("the installed grammar still produces the checked-in tree", () => {
      const treeFile = join(dir, f.replace(/\.rs$/, ".tree"));
      expect(existsSync(treeFile), "run node grammar-fixtures/regen.mjs").toBe(true);
      expect(squash(grammarTree(src))).toBe(squash(readFileSync(treeFile, "utf8")));
    });
    it("lowers with no diagnostics", () => {
      expect(diagLines(parseText(src, f))).toEqual([]);
    });
  });

  let rustc = "";
  try {
    rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    console.log("grammar fixtures: rustc not found, skipping the check that every fixture is valid Rust");
  }
  it.skipIf(rustc === "")(`are valid Rust and current (regen.mjs --check, ${rustc || "no rustc"})`, () => {
    const out = execFileSync("node", [join(dir, "regen.mjs"), "--check"], { encoding: "utf8" });
    expect(out).toContain("grammar fixtures are current");
  }, 120_000);
});
