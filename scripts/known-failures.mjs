#!/usr/bin/env node
// tests/run/known-failures.json, regenerated from what the harnesses observe.
//
// The behaviour harnesses (tests/run/run-pass.test.ts, ub.test.ts, tsc.test.ts) run every program of
// their corpus; a program listed in known-failures.json runs under `it.fails`, so the suite is green
// while the emitter catches up, and a program that starts passing makes its `it.fails` fail. This
// script runs the harnesses in record mode (PINION_KNOWN_FAILURES_OUT: no test fails, each harness
// writes the failures it saw with a one-line reason) and compares them with the list:
//
//   node scripts/known-failures.mjs                  print what would change; exit 1 if anything would
//   node scripts/known-failures.mjs --write          rewrite tests/run/known-failures.json
//   node scripts/known-failures.mjs --only run,ub    only these sections (run, ub, tsc); the others are kept
//
// A worked example: after a fix to the emitter,
//   $ node scripts/known-failures.mjs --write
//   run: 47 known failures (was 48): fixed tests/run-pass/while_await_cond.rs
//   ub: 8 known failures (was 8)
//   tsc: …
// The harnesses run the sources in src/ through vitest (no build needed).

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LIST = join(ROOT, "tests/run/known-failures.json");
const HARNESSES = { run: "tests/run/run-pass.test.ts", ub: "tests/run/ub.test.ts", tsc: "tests/run/tsc.test.ts" };

function usage(message) {
  if (message) process.stderr.write(`known-failures: ${message}\n`);
  process.stderr.write("usage: node scripts/known-failures.mjs [--write] [--only run,ub,tsc]\n");
  process.exit(2);
}

const opts = { write: false, only: Object.keys(HARNESSES) };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--write") opts.write = true;
  else if (a === "--only") {
    opts.only = (argv[++i] ?? "").split(",").filter(Boolean);
    const bad = opts.only.filter((s) => !(s in HARNESSES));
    if (bad.length || !opts.only.length) usage(`--only takes a comma-separated list of ${Object.keys(HARNESSES).join(", ")}`);
  } else usage(`unknown argument ${a}`);
}

const old = existsSync(LIST) ? JSON.parse(readFileSync(LIST, "utf8")) : {};
const out = mkdtempSync(join(tmpdir(), "pinion-known-failures-"));
let exit = 0;
try {
  const files = opts.only.map((s) => HARNESSES[s]);
  console.log(`known-failures: running ${files.join(", ")} in record mode…`);
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...files], {
    cwd: ROOT,
    env: { ...process.env, PINION_KNOWN_FAILURES_OUT: out },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const next = { ...old };
  const changes = [];
  for (const section of opts.only) {
    const file = join(out, `${section}.json`);
    if (!existsSync(file)) {
      console.log(`${section}: the harness did not finish (vitest exit ${r.status}); its section is kept as it was\n${(r.stdout + r.stderr).slice(-3000)}`);
      exit = 1;
      continue;
    }
    const { cases, skipped, failures } = JSON.parse(readFileSync(file, "utf8"));
    const before = old[section] ?? {};
    // Entries of a folder this checkout does not have are kept: they were observed elsewhere.
    const kept = Object.entries(before).filter(([k]) => !cases.includes(k) && skipped.some((d) => k.startsWith(`${d}/`)));
    const merged = Object.fromEntries([...Object.entries(failures), ...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const fixed = Object.keys(before).filter((k) => !(k in merged));
    const broken = Object.keys(merged).filter((k) => !(k in before));
    const reworded = Object.keys(merged).filter((k) => k in before && before[k] !== merged[k]);
    console.log(`${section}: ${cases.length} programs, ${Object.keys(merged).length} known failures (was ${Object.keys(before).length})`);
    for (const k of fixed) console.log(`  fixed    ${k}`);
    for (const k of broken) console.log(`  failing  ${k}: ${merged[k]}`);
    for (const k of reworded) console.log(`  reason   ${k}: ${merged[k]}`);
    // A reworded reason alone does not make the list out of date (the emitter changes what fails first).
    if (fixed.length || broken.length) changes.push(section);
    next[section] = merged;
  }
  if (opts.write) {
    const ordered = Object.fromEntries(Object.keys(HARNESSES).filter((s) => next[s]).map((s) => [s, next[s]]));
    writeFileSync(LIST, `${JSON.stringify(ordered, null, 2)}\n`);
    console.log(`known-failures: wrote ${LIST.slice(ROOT.length + 1)}`);
  } else if (changes.length) {
    console.log(`known-failures: the list is out of date in ${changes.join(", ")}; run with --write to update it`);
    exit = 1;
  } else console.log("known-failures: the list is up to date");
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exitCode = exit;
