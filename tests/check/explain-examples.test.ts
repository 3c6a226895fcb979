// Every example in a long explanation (src/diagnostics/explanations/*.md, what `pinion explain CODE`
// prints) is a test of `pinion check`: an erroneous one (```rust,compile_fail,PXXXX…) reports the
// tagged code, a fixed one (```rust) reports no error and no warning. (What rustc does with each
// example is tests/diagnostics/explain.test.ts.)

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Session } from "../../src/pipeline.js";
import { checkFile } from "../../src/check/index.js";

const dir = "src/diagnostics/explanations";

interface Example {
  readonly name: string;
  readonly code: string;
  readonly tag: readonly string[];
}

function examples(file: string): Example[] {
  const md = readFileSync(join(dir, file), "utf8");
  const out: Example[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = fence.exec(md)) !== null) {
    n++;
    const tag = m[1]!.split(",").map((t) => t.trim());
    if (tag[0] !== "rust") continue;
    out.push({ name: `${file.replace(/\.md$/, "")} example ${n}`, code: m[2]!, tag });
  }
  return out;
}

/** Examples pinion cannot check yet because of an earlier stage, with what it reports instead. None today. */
const KNOWN_GAPS: Record<string, readonly string[]> = {};

const all = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .flatMap(examples);
const session = new Session();

describe("pinion check on the examples of the explanations", () => {
  it("finds examples in every explanation", () => {
    expect(new Set(all.map((e) => e.name.split(" ")[0])).size).toBe(readdirSync(dir).filter((f) => f.endsWith(".md")).length);
  });
  for (const ex of all) {
    const wanted = ex.tag.includes("compile_fail") ? ex.tag.find((t) => /^P\d{4}$/.test(t)) : undefined;
    it(`${ex.name}: ${wanted ? `reports ${wanted}` : "reports no error or warning"}`, () => {
      const r = checkFile(session, `${ex.name.replace(/ /g, "_")}.rs`, ex.code, { verbose: wanted === "P0001" });
      const codes = r.diagnostics.map((d) => d.code);
      const gap = KNOWN_GAPS[ex.name];
      if (gap) {
        expect(codes).toEqual(gap);
        return;
      }
      if (wanted) expect(codes).toContain(wanted);
      else expect(r.diagnostics.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    });
  }
});
