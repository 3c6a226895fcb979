#!/usr/bin/env node
// Runs every program of the behaviour corpus (tests/run-pass, tests/ub, examples, and
// ../shared/acceptance/{run,ub}) through `pinion run` in one process, and prints one line per program:
// ok, or what differs from the recorded rustc result. A development aid; the tests are
// tests/run/*.test.ts. Uses dist/ (run `npm run build` first).
//
//   node scripts/run-corpus.mjs [FILTER...] [-v]     -v prints the first difference in full

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Session } from "../dist/pipeline.js";
import { run } from "../dist/compile.js";
import { renderDiagnostics } from "../dist/diagnostics/index.js";

const args = process.argv.slice(2);
const verbose = args.includes("-v");
const filters = args.filter((a) => a !== "-v");
const dirs = ["tests/run-pass", "tests/ub", "examples", "../shared/acceptance/run", "../shared/acceptance/ub"];
const session = new Session();
let pass = 0;
let fail = 0;
for (const dir of dirs) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".rs")).sort()) {
    const path = join(dir, f);
    if (filters.length && !filters.some((x) => path.includes(x))) continue;
    const base = path.slice(0, -3);
    const expect = existsSync(`${base}.expect`) ? readFileSync(`${base}.expect`, "utf8") : "";
    const ub = /ub-at:/.test(expect);
    const wantOut = existsSync(`${base}.stdout`) ? readFileSync(`${base}.stdout`, "utf8") : undefined;
    const wantCode = existsSync(`${base}.exitcode`) ? Number(readFileSync(`${base}.exitcode`, "utf8")) : ub ? 101 : 0;
    let out = "";
    let err = "";
    let r;
    try {
      r = run(session, path, readFileSync(path, "utf8"), { stdout: (s) => (out += s), stderr: (s) => (err += s), maxSteps: 5_000_000 });
    } catch (e) {
      fail++;
      console.log(`CRASH ${path}: ${String(e.stack ?? e).split("\n").slice(0, verbose ? 8 : 2).join(" | ")}`);
      continue;
    }
    const problems = [];
    if (r.diagnostics.length) problems.push(`refused: ${renderDiagnostics("short", [{ file: r.analysis.file, diagnostics: [...r.diagnostics] }], { color: false }).split("\n").slice(0, verbose ? 20 : 2).join(" | ")}`);
    else {
      if (r.exitCode !== wantCode) problems.push(`exit ${r.exitCode}, want ${wantCode}${err ? `: ${err.split("\n").slice(0, verbose ? 30 : 3).join(" | ")}` : ""}`);
      if (wantOut !== undefined && !(ub ? wantOut.startsWith(out) || out.startsWith(wantOut) : out === wantOut)) {
        const a = out.split("\n");
        const b = wantOut.split("\n");
        const i = a.findIndex((l, k) => l !== b[k]);
        problems.push(`stdout line ${i + 1}: got ${JSON.stringify(a[i])}, want ${JSON.stringify(b[i])}`);
      }
    }
    if (problems.length) {
      fail++;
      console.log(`FAIL ${path}: ${problems.join("; ")}`);
    } else pass++;
  }
}
console.log(`${pass} ok, ${fail} failing`);
