// The examples in the long explanations, checked with rustc: every fixed example (```rust) compiles
// without a warning; every erroneous one (```rust,compile_fail,PXXXX…) does what its tag says —
// compiles (pinion's P01xx/P02xx bugs are undefined behavior or latent: rustc accepts them), fails
// with the E-code in the tag (P0103 ↔ E0277/E0594/E0596/E0507, P0104 ↔ E0599, …), or fails with an
// error that has no code (`rustc_error`: syntax and macro errors). The tag grammar is in catalog.ts.
// (Whether `pinion check` reports the tagged code on each erroneous example is a separate test.)
//
// Where rustc is not installed, the rustc tests are skipped with a printed reason; the structural
// tests still run.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/diagnostics/catalog.js";

interface Example {
  /** e.g. `P0103 example 3`. */
  readonly name: string;
  readonly entry: string;
  readonly code: string;
  /** The fence's tag split at commas: `["rust", "compile_fail", "P0103", "E0277"]`. */
  readonly tag: readonly string[];
}

/** Every fenced block of an explanation whose tag starts with `rust`. */
function examples(entry: string, markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = fence.exec(markdown)) !== null) {
    n++;
    const tag = m[1]!.split(",").map((t) => t.trim());
    if (tag[0] !== "rust") continue;
    out.push({ name: `${entry} example ${n}`, entry, code: m[2]!, tag });
  }
  return out;
}

const all = CATALOG.flatMap((i) => examples(i.code, i.explanation));

/** What rustc must do with an example, from its tag. */
type Expectation = { readonly kind: "compiles" } | { readonly kind: "fails"; readonly rustcCode: string | undefined };

function expectation(ex: Example): Expectation {
  if (!ex.tag.includes("compile_fail")) return { kind: "compiles" };
  const eCode = ex.tag.find((t) => /^E\d{4}$/.test(t));
  if (eCode !== undefined) return { kind: "fails", rustcCode: eCode };
  if (ex.tag.includes("rustc_error")) return { kind: "fails", rustcCode: undefined };
  return { kind: "compiles" };
}

describe("the examples in the explanations are well-formed", () => {
  for (const info of CATALOG) {
    const exs = all.filter((e) => e.entry === info.code);
    it(`${info.code} has an erroneous example tagged with its code and a fixed one`, () => {
      expect(exs.some((e) => e.tag.includes("compile_fail") && e.tag.includes(info.code))).toBe(true);
      expect(exs.some((e) => e.tag.length === 1)).toBe(true);
    });
    it(`${info.code}: every example is a complete program with a known tag`, () => {
      for (const e of exs) {
        expect(e.code, e.name).toMatch(/^fn main\(\)/m);
        for (const t of e.tag.slice(1)) expect(t, e.name).toMatch(/^(compile_fail|rustc_error|P\d{4}|E\d{4})$/);
        // An erroneous example names exactly one pinion code: the one pinion must report.
        if (e.tag.includes("compile_fail")) expect(e.tag.filter((t) => /^P\d{4}$/.test(t)), e.name).toHaveLength(1);
        const exp = expectation(e);
        if (exp.kind === "fails" && exp.rustcCode !== undefined) expect(info.rustcCodes, e.name).toContain(exp.rustcCode);
      }
    });
  }
  it("P0103 and P0104 examples name the rustc error they must produce", () => {
    for (const code of ["P0103", "P0104"]) {
      const erroneous = all.filter((e) => e.entry === code && e.tag.includes("compile_fail"));
      expect(erroneous.length).toBeGreaterThan(0);
      for (const e of erroneous) expect(expectation(e), e.name).toMatchObject({ kind: "fails", rustcCode: expect.stringMatching(/^E\d{4}$/) });
    }
  });
  it("the pinning codes that rustc compiles have compiling erroneous examples", () => {
    for (const code of ["P0001", "P0101", "P0102", "P0105", "P0201"]) {
      const erroneous = all.filter((e) => e.entry === code && e.tag.includes("compile_fail"));
      for (const e of erroneous) expect(expectation(e), e.name).toEqual({ kind: "compiles" });
    }
  });
});

describe("rustc agrees with the tags", () => {
  const version = spawnSync("rustc", ["--version"], { encoding: "utf8" });
  const haveRustc = version.status === 0;
  const dir = haveRustc ? mkdtempSync(join(tmpdir(), "pinion-explain-")) : "";
  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  for (const ex of all) {
    const exp = expectation(ex);
    const what = exp.kind === "compiles" ? "compiles without warnings" : `fails${exp.rustcCode ? ` with ${exp.rustcCode}` : " (an error without a code)"}`;
    it(`${ex.name} (${ex.tag.join(",")}) ${what}`, (ctx) => {
      if (!haveRustc) {
        console.log(`skipped: rustc is not installed, cannot check ${ex.name}`);
        ctx.skip();
        return;
      }
      const file = join(dir, `${ex.name.replace(/\W+/g, "_")}.rs`);
      writeFileSync(file, ex.code);
      const r = spawnSync("rustc", ["--edition", "2021", "--crate-type", "bin", "--emit=metadata", "--out-dir", dir, file], {
        encoding: "utf8",
      });
      if (exp.kind === "compiles") {
        expect(r.stderr, `${ex.name}: rustc said`).toBe("");
        expect(r.status).toBe(0);
      } else {
        expect(r.status, `${ex.name} compiled, but its tag says it must not`).not.toBe(0);
        const codes = [...r.stderr.matchAll(/^error\[(E\d{4})\]/gm)].map((m) => m[1]);
        if (exp.rustcCode !== undefined) expect(codes, r.stderr).toContain(exp.rustcCode);
        else expect(codes, r.stderr).toEqual([]);
      }
    });
  }
});
