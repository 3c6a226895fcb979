#!/usr/bin/env node
// The baselines of tests/lower: the TypeScript that `pinion compile` emits for each case of
// tests/lower/cases/ (a matrix of constructs × where the `.await` sits), checked in as X.ts.snap.
//
//   node scripts/lower-baselines.mjs                 compare (tests/lower/lower.test.ts)
//   node scripts/lower-baselines.mjs --write         rewrite every baseline from the sources in src/
//   node scripts/lower-baselines.mjs --cli [--write] the same through the built CLI: for each case,
//                                                    `node bin/pinion.js compile tests/lower/cases/X.rs`
//                                                    (uses dist/: run `npm run build` first)
//   node scripts/lower-baselines.mjs --rustc         check that every case compiles with rustc
//
// A worked example: after changing how `while` loops are lowered,
//   $ node scripts/lower-baselines.mjs --write && git diff tests/lower/cases/
// shows, case by case, the emitted code before and after. Without --cli the test itself produces the
// baselines (PINION_BLESS=1), through the same function as the CLI (`compileFile`), so src/ needs no
// build and the test and the baselines cannot disagree.

import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CASES = "tests/lower/cases";
const args = process.argv.slice(2);
const known = ["--write", "--cli", "--rustc"];
const unknown = args.filter((a) => !known.includes(a));
if (unknown.length) {
  process.stderr.write(`lower-baselines: unknown argument ${unknown[0]}\nusage: node scripts/lower-baselines.mjs [--write] [--cli] | --rustc\n`);
  process.exit(2);
}
const write = args.includes("--write");
const cases = readdirSync(join(ROOT, CASES))
  .filter((n) => n.endsWith(".rs"))
  .sort();

function viaTest() {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "tests/lower"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PINION_BLESS: write ? "1" : "" },
  });
  if (write && r.status === 0) console.log(`lower-baselines: wrote ${cases.length} baselines in ${CASES}/ (review with git diff)`);
  return r.status ?? 1;
}

function viaCli() {
  let differ = 0;
  for (const name of cases) {
    const rel = `${CASES}/${name}`;
    const r = spawnSync(process.execPath, [join(ROOT, "bin/pinion.js"), "compile", rel], { cwd: ROOT, encoding: "utf8" });
    // As tests/lower/lower.test.ts writes it: a case that does not compile keeps its diagnostics.
    let text = r.stdout;
    if (r.status !== 0 || r.stderr !== "") {
      const comment = `// pinion compile ${rel}: exit ${r.status}\n${r.stderr.replace(/^/gm, "// ").trimEnd()}\n`;
      text = r.status === 0 ? `${comment}\n${r.stdout}` : comment;
    }
    const snap = join(ROOT, CASES, name.replace(/\.rs$/, ".ts.snap"));
    if (write) writeFileSync(snap, text);
    else {
      let have = "";
      try {
        have = readFileSync(snap, "utf8");
      } catch {}
      if (have !== text) {
        differ++;
        console.log(`differs: ${rel}`);
      }
    }
  }
  if (write) console.log(`lower-baselines: wrote ${cases.length} baselines with bin/pinion.js (review with git diff)`);
  else console.log(`lower-baselines: ${cases.length - differ} match, ${differ} differ (bin/pinion.js, dist/)`);
  return differ ? 1 : 0;
}

function rustc() {
  const rustcBin = process.env.RUSTC || "rustc";
  const v = spawnSync(rustcBin, ["--version"], { encoding: "utf8" });
  if (v.error || v.status !== 0) {
    console.log("lower-baselines: rustc is not available; nothing checked");
    return 0;
  }
  let failed = 0;
  for (const name of cases) {
    const r = spawnSync(rustcBin, ["--edition", "2021", "--emit=metadata", "-o", "/dev/null", name], {
      cwd: join(ROOT, CASES),
      encoding: "utf8",
    });
    if (r.status !== 0 || /warning/.test(r.stderr)) {
      failed++;
      console.log(`${r.status !== 0 ? "FAIL" : "WARN"} ${CASES}/${name}\n${r.stderr}`);
    }
  }
  console.log(`lower-baselines: ${cases.length - failed} of ${cases.length} cases compile with ${v.stdout.trim()} without warnings`);
  return failed ? 1 : 0;
}

process.exitCode = args.includes("--rustc") ? rustc() : args.includes("--cli") ? viaCli() : viaTest();
