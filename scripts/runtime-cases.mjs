#!/usr/bin/env node
// Regenerates (--write) or verifies (--check) the expected outputs of the std runtime tests.
//
// The case lists live in tests/runtime/std-cases/*.cases.mjs. For each list this script writes the
// Rust program (fmt_cases.rs, ops_cases.rs, float_cases.rs), builds it with rustc (a debug build: overflow checks on,
// as `pinion run` promises) and records its stdout next to it (.stdout). --check rebuilds and compares
// instead of writing. Without rustc it says so and exits 0: the checked-in .stdout files stay the
// reference the vitest tests compare against.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { floatProgram, fmtProgram, opsProgram } from "../tests/runtime/std-cases/generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "..", "tests", "runtime", "std-cases");
const mode = process.argv[2];
if (mode !== "--write" && mode !== "--check") {
  console.error("usage: node scripts/runtime-cases.mjs --write|--check");
  process.exit(2);
}

const rustc = spawnSync("rustc", ["--version"], { encoding: "utf8" });
if (rustc.status !== 0) {
  console.log("runtime-cases: rustc not found; skipping (the checked-in .stdout files are unchanged)");
  process.exit(0);
}
console.log(`runtime-cases: using ${rustc.stdout.trim()}`);

const tmp = mkdtempSync(join(tmpdir(), "pinion-runtime-cases-"));
let failed = false;
for (const [name, source] of [
  ["fmt_cases", fmtProgram()],
  ["ops_cases", opsProgram()],
  ["float_cases", floatProgram()],
]) {
  const rs = join(dir, `${name}.rs`);
  const out = join(dir, `${name}.stdout`);
  const bin = join(tmp, name);
  const srcForBuild = join(tmp, `${name}.rs`);
  writeFileSync(srcForBuild, source);
  execFileSync("rustc", ["--edition", "2021", "-o", bin, srcForBuild], { stdio: "inherit" });
  const stdout = execFileSync(bin, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (mode === "--write") {
    writeFileSync(rs, source);
    writeFileSync(out, stdout);
    console.log(`runtime-cases: wrote ${name}.rs and ${name}.stdout`);
  } else {
    const rsOk = existsSync(rs) && readFileSync(rs, "utf8") === source;
    const outOk = existsSync(out) && readFileSync(out, "utf8") === stdout;
    if (!rsOk) console.error(`runtime-cases: ${name}.rs is stale (run with --write)`);
    if (!outOk) console.error(`runtime-cases: ${name}.stdout differs from rustc's output (run with --write)`);
    if (rsOk && outOk) console.log(`runtime-cases: ${name} matches rustc`);
    failed ||= !rsOk || !outOk;
  }
}
process.exit(failed ? 1 : 0);
