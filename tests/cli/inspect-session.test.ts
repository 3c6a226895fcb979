// One Session for many files (what `inspect`, `check` and the benchmarks do) must give each file what
// it would get alone. The Session prepares the std stubs once (resolve/'s `prepareStd`: their
// definitions, and the headers of their impls, shared by every file's tables); these tests check that
// nothing a file does leaks into the next one through what is shared:
//
//   - resolving a file with the prepared stubs gives the same diagnostics, expression types, method
//     callees and name resolutions as resolving it with the stubs' crate (collected afresh);
//   - `pinion inspect` (JSON and the MIR dump) gives the same output for every file whether the files
//     go through one Session forwards or backwards.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInspect } from "../../src/cli/inspect.js";
import { Session } from "../../src/pipeline.js";
import { prepareStd, printTy, resolveProgram, stdStubsFile, type Program } from "../../src/resolve/index.js";
import { parse } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";

function rsFiles(dir: string): string[] {
  const out: string[] = [];
  // ../shared/ is beside the checkout on a developer's machine, not necessarily on CI's.
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...rsFiles(p));
    else if (name.endsWith(".rs")) out.push(p);
  }
  return out;
}

const FILES = [...rsFiles("tests/layout"), ...rsFiles("tests/run-pass"), ...rsFiles("examples"), ...rsFiles("../shared/acceptance")];

/** What resolution decided, in a form two runs can be compared by. */
function summary(p: Program, diagnostics: readonly { code: string; message: string; span: { lo: number } }[]): string[] {
  const ty = (t: Parameters<typeof printTy>[1]) => printTy(p.tcx, t);
  const out = diagnostics.map((d) => `diag ${d.code} ${d.span.lo} ${d.message}`);
  for (const [id, t] of p.exprTypes) out.push(`expr ${id}: ${ty(t)}`);
  for (const [id, t] of p.patTypes) out.push(`pat ${id}: ${ty(t)}`);
  for (const [id, m] of p.methods) out.push(`method ${id}: ${p.tcx.path(m.def)} [${m.args.map(ty).join(", ")}] impl ${m.impl ?? "-"}`);
  for (const [id, r] of p.res) out.push(`res ${id}: ${r.kind} ${"def" in r ? p.tcx.path(r.def) : "local" in r ? r.local : ""}`);
  return out;
}

describe("the std stubs prepared once", () => {
  it("resolve every file as the stubs' crate does", () => {
    const std = parse(stdStubsFile()).value;
    const prepared = prepareStd(std);
    expect(prepared.tyCache).toBeDefined();
    expect(FILES.length).toBeGreaterThan(50);
    for (const path of FILES) {
      const file = new SourceFile(path, readFileSync(path, "utf8"));
      const crate = parse(file).value;
      const alone = resolveProgram(file, crate, std);
      const shared = resolveProgram(file, crate, prepared);
      expect(summary(shared.value, shared.diagnostics), path).toEqual(summary(alone.value, alone.diagnostics));
    }
  });
});

describe("one Session for many files", () => {
  it("inspects each file the same, whatever came before it", () => {
    const files = FILES.filter((f) => !f.includes("run-pass")); // the async-heavy ones
    const run = (order: readonly string[]) => {
      const session = new Session();
      const outputs = new Map<string, string>();
      for (const path of order) {
        let out = "";
        const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) };
        runInspect(path, { format: "json" }, io, session);
        runInspect(path, { dump: "mir" }, io, session);
        outputs.set(path, out);
      }
      return outputs;
    };
    const forwards = run(files);
    const backwards = run([...files].reverse());
    for (const f of files) expect(backwards.get(f), f).toBe(forwards.get(f));
  });
});
