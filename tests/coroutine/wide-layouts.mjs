#!/usr/bin/env node
// rustc's coroutine layouts for the async programs of the other test folders (tests/run-pass, tests/ub,
// the tests/ui cases rustc compiles), checked in as tests/coroutine/wide.layout.json so that
// wide.test.ts can compare pinion with them without rustc. Each file's entry records the SHA-1 of the
// source it was made from: when a program changes, the test reports it as stale instead of comparing.
//
//   node tests/coroutine/wide-layouts.mjs --write     regenerate (needs rustc +nightly, through scripts/layouts.mjs)
//   node tests/coroutine/wide-layouts.mjs --check     exit 1 if the checked-in file is not what rustc prints now
//
// The layouts come from `node scripts/layouts.mjs --print FILE` (rustc +nightly -Zprint-type-sizes,
// parsed the same way as tests/layout/*.layout.json). Without nightly the script says why and exits 0.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const out = join(here, "wide.layout.json");
const mode = process.argv[2];
if (mode !== "--write" && mode !== "--check") {
  console.error("usage: node tests/coroutine/wide-layouts.mjs --write|--check");
  process.exit(2);
}

/** The programs: async code that rustc compiles (ui cases rustc rejects — P0103, P0104 — are left out). */
export function widePrograms() {
  const pick = (dir, filter) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(".rs") && filter(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  const all = [
    ...pick("tests/run-pass", () => true),
    ...pick("tests/ub", () => true),
    ...pick("tests/ui", (f) => /^(ok_|p0101|p0102|p0105|p0201)/.test(f)),
  ];
  return all.filter((f) => /\basync\b/.test(readFileSync(join(root, f), "utf8")));
}

const sha1 = (text) => createHash("sha1").update(text).digest("hex");

const probe = spawnSync(process.execPath, [join(root, "scripts", "layouts.mjs"), "--print", join(here, "..", "layout", "moves.rs")], { cwd: root, encoding: "utf8" });
if (!probe.stdout.includes("{")) {
  console.log(`wide-layouts: no rustc layouts (${(probe.stdout + probe.stderr).trim().split("\n")[0]}); nothing done`);
  process.exit(0);
}

const result = {};
const problems = [];
for (const f of widePrograms()) {
  const text = readFileSync(join(root, f), "utf8");
  const r = spawnSync(process.execPath, [join(root, "scripts", "layouts.mjs"), "--print", f], { cwd: root, encoding: "utf8" });
  const json = r.stdout.slice(r.stdout.indexOf("{"), r.stdout.lastIndexOf("}") + 1);
  if (!json) {
    problems.push(`${f}: rustc gave no layouts: ${r.stderr.trim().split("\n").slice(-2).join(" ")}`);
    continue;
  }
  result[f] = { sha1: sha1(text), layouts: JSON.parse(json) };
}
const text = JSON.stringify(result, null, 1) + "\n";
for (const p of problems) console.log(p);
if (mode === "--write") {
  writeFileSync(out, text);
  console.log(`wide-layouts: wrote ${relative(root, out)} (${Object.keys(result).length} programs)`);
} else {
  const old = readFileSync(out, "utf8");
  if (old !== text) {
    console.log(`wide-layouts: ${relative(root, out)} is not what rustc prints now; run --write and read the diff`);
    process.exit(1);
  }
  console.log(`wide-layouts: ${Object.keys(result).length} programs ok`);
}
