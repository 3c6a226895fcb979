#!/usr/bin/env node
// Regenerates (or, with --check, verifies) what rustc prints for the fixtures in this folder: the
// oracle for the human renderer's layout and colours.
//
//   node tests/diagnostics/rustc-layout/regen.mjs           rewrite every X.rustc.json
//   node tests/diagnostics/rustc-layout/regen.mjs --check   exit 1 if any X.rustc.json differs from
//                                                           what the installed rustc prints now
//
// Each fixture X.rs is compiled with `rustc --edition 2021 --emit=metadata --error-format=json`, once
// plain and once with `--json=diagnostic-rendered-ansi`; X.rustc.json keeps, for every message rustc
// emitted, its level, code, message, spans (UTF-8 byte offsets, primary or not, label), children (and
// whether they have spans), and the two renderings; and the lines of `--error-format=short`, plain and
// with `--color=always`. tests/diagnostics/rustc-layout.test.ts turns each
// message back into a pinion `Diagnostic` and checks that render-human prints the same bytes.
// The rustc version is recorded: another version may lay things out differently (rustc 1.95 aligns
// line numbers right, older versions left).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes("--check");

function rustcVersion() {
  const r = spawnSync("rustc", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function messages(name, outDir, ansi) {
  const args = ["--edition", "2021", "--emit=metadata", "--crate-type", "bin", "--error-format=json", "--out-dir", outDir, name];
  if (ansi) args.push("--json=diagnostic-rendered-ansi");
  const r = spawnSync("rustc", args, { cwd: here, encoding: "utf8", env: { ...process.env, RUST_BACKTRACE: "0" } });
  return r.stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .filter((m) => m.$message_type === "diagnostic");
}

/** `--error-format=short`: one line per diagnostic, then the summary. */
function short(name, outDir, color) {
  const args = ["--edition", "2021", "--emit=metadata", "--crate-type", "bin", "--error-format=short", `--color=${color}`, "--out-dir", outDir, name];
  const r = spawnSync("rustc", args, { cwd: here, encoding: "utf8", env: { ...process.env, RUST_BACKTRACE: "0" } });
  return r.stderr.split("\n").filter((l) => l !== "");
}

function simplify(m, ansi) {
  return {
    level: m.level,
    code: m.code?.code ?? null,
    message: m.message,
    spans: m.spans.map((s) => ({
      file: s.file_name,
      byteStart: s.byte_start,
      byteEnd: s.byte_end,
      primary: s.is_primary,
      label: s.label,
      fromMacro: s.expansion !== null,
    })),
    children: m.children.map((c) => ({ level: c.level, message: c.message, hasSpans: c.spans.length > 0 })),
    rendered: m.rendered,
    renderedAnsi: ansi.rendered,
  };
}

function generate(version) {
  const outDir = mkdtempSync(join(tmpdir(), "pinion-rustc-layout-"));
  const results = new Map();
  try {
    for (const name of readdirSync(here).filter((n) => n.endsWith(".rs")).sort()) {
      const plain = messages(name, outDir, false);
      const ansi = messages(name, outDir, true);
      if (plain.length !== ansi.length) throw new Error(`${name}: rustc printed ${plain.length} plain and ${ansi.length} coloured messages`);
      const doc = {
        rustc: version,
        file: name,
        messages: plain.map((m, i) => simplify(m, ansi[i])),
        short: short(name, outDir, "never"),
        shortAnsi: short(name, outDir, "always"),
      };
      results.set(name.replace(/\.rs$/, ".rustc.json"), JSON.stringify(doc, null, 2) + "\n");
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}

const version = rustcVersion();
if (version === undefined) {
  console.log("rustc is not installed: nothing to regenerate or check");
  process.exit(0);
}
let stale = 0;
for (const [file, text] of generate(version)) {
  const path = join(here, file);
  if (check) {
    let old = "";
    try {
      old = readFileSync(path, "utf8");
    } catch {}
    if (old !== text) {
      stale++;
      const recorded = old ? JSON.parse(old).rustc : "nothing";
      console.log(`stale: ${file} (recorded with ${recorded}, installed ${version})`);
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
if (check) {
  console.log(stale ? `${stale} file(s) differ from what ${version} prints` : `all fixtures match ${version}`);
  process.exit(stale ? 1 : 0);
}
