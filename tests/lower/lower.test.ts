// tests/lower: baselines of the emitted TypeScript for a matrix of constructs × await positions.
//
// Each case is a small Rust program under cases/ (it compiles with rustc and has a `fn main`) whose
// first comment says what it exercises and what to look for in the output. Its baseline,
// `cases/X.ts.snap`, is what `node bin/pinion.js compile tests/lower/cases/X.rs` prints (the
// TypeScript flavour, formatted with prettier); this test produces it through the same function as the
// CLI (`compileFile` of src/cli/compile.ts, on the sources in src/) and compares.
//
//   cases/await_let_init.rs       async fn let_init() -> i32 { let a = num(1).await; … }
//   cases/await_let_init.ts.snap  export class LetInitFuture { … switch (this.state) { case "Suspend0": … } }
//
// A difference fails with a diff. When the change is intended, rewrite the baselines and review them
// with `git diff`:
//
//   PINION_BLESS=1 npx vitest run tests/lower      (or: node scripts/lower-baselines.mjs --write)
//
// A case pinion cannot compile gets a baseline too: the exit code and diagnostics, as a comment.

import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileFile } from "../../src/cli/compile.js";
import { Session } from "../../src/pipeline.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CASES = join(ROOT, "tests/lower/cases");
const BLESS = process.env.PINION_BLESS === "1";

const cases = readdirSync(CASES)
  .filter((n) => n.endsWith(".rs"))
  .sort();

let session: Session | undefined;

/** What `pinion compile tests/lower/cases/X.rs` prints, or, when it fails, its exit code and stderr as a comment. */
async function baseline(name: string): Promise<string> {
  session ??= new Session();
  let out = "";
  let err = "";
  const path = relative(ROOT, join(CASES, name)); // as given on the command line, from the repository root
  const code = await compileFile(path, { runtime: "import", lang: "ts" }, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, session);
  if (code === 0 && err === "") return out;
  const comment = `// pinion compile ${path}: exit ${code}\n${err.replace(/^/gm, "// ").trimEnd()}\n`;
  return code === 0 ? `${comment}\n${out}` : comment;
}

describe("tests/lower/cases", () => {
  it.each(cases)("%s", async (name) => {
    const rs = readFileSync(join(CASES, name), "utf8");
    expect(rs.split("\n")[0], "a case starts with a comment saying what it exercises").toMatch(/^\/\/ Exercises: /);
    expect(rs, "a case says what to look for in the output").toMatch(/^\/\/ Look for: /m);
    expect(rs, "a case is a program: it has `fn main`").toMatch(/^fn main\(\)/m);

    const snap = join(CASES, name.replace(/\.rs$/, ".ts.snap"));
    const got = await baseline(name);
    if (BLESS) {
      writeFileSync(snap, got);
      return;
    }
    expect(existsSync(snap), `${relative(ROOT, snap)} is missing: run PINION_BLESS=1 npx vitest run tests/lower`).toBe(true);
    expect(got, `the emitted TypeScript differs from ${relative(ROOT, snap)}; if intended, rerun with PINION_BLESS=1 and review the diff`).toBe(
      readFileSync(snap, "utf8"),
    );
  });

  it("every baseline belongs to a case", () => {
    const orphans = readdirSync(CASES).filter((n) => n.endsWith(".ts.snap") && !cases.includes(n.replace(/\.ts\.snap$/, ".rs")));
    if (BLESS) for (const o of orphans) unlinkSync(join(CASES, o));
    else expect(orphans, "baselines without a case (remove them, or bless)").toEqual([]);
  });
});
