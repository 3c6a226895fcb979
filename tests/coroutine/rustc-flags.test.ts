// Drop elaboration against rustc's own: for every async fn and async block of the layout corpus, pinion
// adds as many drop flags as rustc's `ElaborateDrops` does. rustc is run here (`rustc +nightly
// -Zdump-mir=ElaborateDrops`, or PINION_RUSTC_NIGHTLY as in scripts/layouts.mjs) and its `.before` /
// `.after` dumps of each coroutine body are compared: the flags are the `bool` locals the pass adds.
// Where nightly rustc is absent, the test is skipped and says why.
//
// The layouts (tests/layout/*.layout.json) only show the flags that are live at an await; this checks
// the others too — a flag too many that happens to be dead at every await is still a difference in
// the MIR that emit/ runs.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline } from "./pipeline.js";

const here = dirname(fileURLToPath(import.meta.url));
const layoutDir = resolve(here, "..", "layout");
const files = readdirSync(layoutDir).filter((f) => f.endsWith(".rs")).sort();

const [cmd, ...pre] = (process.env.PINION_RUSTC_NIGHTLY ?? "rustc +nightly").split(/\s+/).filter(Boolean);
const version = spawnSync(cmd!, [...pre, "--version"], { encoding: "utf8" });
const missing = version.error || version.status !== 0 ? `\`${[cmd, ...pre].join(" ")} --version\` failed: ${version.error?.message ?? version.stderr.trim()}` : undefined;
if (missing) console.log(`rustc-flags.test.ts skipped: needs nightly rustc for -Zdump-mir (${missing})`);

/** Machine name → number of drop flags rustc's ElaborateDrops added, for one source file. */
function rustcFlags(file: string, dir: string): Map<string, number> {
  const r = spawnSync(cmd!, [...pre, "--edition", "2021", "-Zdump-mir=ElaborateDrops & {closure", `-Zdump-mir-dir=${dir}`, "--emit=mir", "-o", join(dir, "out.mir"), file], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`rustc failed on ${file}: ${r.stderr}`);
  const out = new Map<string, number>();
  const bools = (s: string) => (s.match(/^ {4}let (mut )?_\d+: bool;$/gm) ?? []).length;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".ElaborateDrops.after.mir"))) {
    const after = readFileSync(join(dir, f), "utf8");
    const before = readFileSync(join(dir, f.replace(".after.", ".before.")), "utf8");
    const coroutine = /\(_1: (.*?), _2: /.exec(after)?.[1];
    if (!coroutine) continue;
    let name: string;
    const fnBody = /^\{async fn body of (.*)\(\)\}$/.exec(coroutine);
    const block = /^\{async block@[^:]*:(\d+):(\d+): .*\}$/.exec(coroutine);
    if (fnBody) {
      name = fnBody[1]!;
      while (/<[^<>]*>/.test(name)) name = name.replace(/<[^<>]*>/g, "");
    } else if (block) name = `{async block@${block[1]}:${block[2]}}`;
    else continue;
    out.set(name, bools(after) - bools(before));
  }
  return out;
}

describe.skipIf(missing !== undefined)("drop flags: pinion's elaboration adds the flags rustc's does", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  for (const f of files) {
    it(f, () => {
      const dir = mkdtempSync(join(tmpdir(), "pinion-flags-"));
      dirs.push(dir);
      const theirs = rustcFlags(join(layoutDir, f), dir);
      const r = runPipeline(f, readFileSync(join(layoutDir, f), "utf8"));
      const ours = new Map<string, number>();
      for (const b of r.bodies)
        if (b.kind === "asyncFn" || b.kind === "asyncBlock") ours.set(b.name, b.locals.filter((l) => l.kind === "dropflag").length);
      expect(theirs.size).toBeGreaterThan(0);
      const diffs: string[] = [];
      for (const [name, n] of theirs) {
        const m = ours.get(name);
        if (m === undefined) diffs.push(`${name}: no such body in pinion`);
        else if (m !== n) diffs.push(`${name}: rustc adds ${n} drop flags, pinion ${m}`);
      }
      expect(diffs).toEqual([]);
    });
  }
});
