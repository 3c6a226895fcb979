// Every Rust program of the acceptance suite parses with zero diagnostics, and its AST has the
// shape later stages rely on (each async fn has a body; every `.await` is found by the walker).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/syntax/ast.js";
import { walkCrate } from "../../src/syntax/index.js";
import { diagLines, parseText } from "./helpers.js";

const ROOT = "/work/shared/acceptance";

function rustFiles(d: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(d);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) out = out.concat(rustFiles(p));
    else if (p.endsWith(".rs")) out.push(p);
  }
  return out.sort();
}

const files = rustFiles(ROOT);

describe("acceptance programs", () => {
  it("are there", () => {
    if (files.length === 0) console.log(`no .rs files under ${ROOT}`);
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))("%s parses with no diagnostics", (_n, path) => {
    const text = readFileSync(path, "utf8");
    const p = parseText(text, path);
    expect(diagLines(p)).toEqual([]);
    // Every `.await` in the text is an Await node.
    const awaits: Expr[] = [];
    walkCrate(p.crate, { expr: (e) => e.kind === "Await" && awaits.push(e) });
    const written = (text.replace(/\/\/[^\n]*/g, "").match(/\.await\b/g) ?? []).length;
    expect(awaits.length).toBe(written);
    for (const a of awaits) if (a.kind === "Await") expect(p.file.snippet(a.awaitSpan)).toBe(".await");
  });
});
