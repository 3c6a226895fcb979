#!/usr/bin/env node
// Regenerates (--bless) or verifies the rustc outputs of the Rust twins in this folder.
// Each X.rs is compiled with the installed rustc (debug) and run; its stdout must equal X.stdout.
//   node tests/runtime/rust/check.mjs          verify (exit 1 on a difference)
//   node tests/runtime/rust/check.mjs --bless  rewrite the .stdout files
// Without rustc it prints why and exits 0 (the TypeScript tests still compare with the checked-in files).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const bless = process.argv.includes("--bless");
if (spawnSync("rustc", ["--version"]).status !== 0) {
  console.log("rustc is not installed: skipping the check of the Rust twins");
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), "pinion-twins-"));
let failed = 0;
for (const f of readdirSync(here).filter((f) => f.endsWith(".rs")).sort()) {
  const bin = join(out, f.replace(/\.rs$/, ""));
  const c = spawnSync("rustc", ["--edition", "2021", "-o", bin, join(here, f)], { encoding: "utf8" });
  if (c.status !== 0) {
    console.log(`FAIL ${f}: rustc failed\n${c.stderr}`);
    failed++;
    continue;
  }
  const r = spawnSync(bin, [], { encoding: "utf8" });
  const expected = join(here, f.replace(/\.rs$/, ".stdout"));
  if (bless) {
    writeFileSync(expected, r.stdout);
    console.log(`blessed ${f}`);
  } else if (readFileSync(expected, "utf8") !== r.stdout) {
    console.log(`FAIL ${f}: the rustc binary's stdout differs from ${expected}`);
    failed++;
  } else console.log(`ok ${f}`);
}
process.exit(failed ? 1 : 0);
