#!/usr/bin/env node
// rustc's coroutine layouts, as checked-in oracles.
//
// For every `async fn` and `async` block, rustc decides which locals the generated coroutine stores in
// each suspend state (compiler/rustc_mir_transform/src/coroutine.rs: a local is stored in SuspendN if it
// is used after that suspend point — a drop counts — or if it is storage-live there and was borrowed
// before). `rustc +nightly -Zprint-type-sizes` prints those layouts. This script turns them into the
// `.layout.json` files that pinion's `inspect` is compared against (tests/layout/layout.test.ts).
//
// Worked example. For tests/layout/X.rs containing, at line 7,
//
//     async fn double(x: u64) -> u64 { yield_now().await; x * 2 }
//
// rustc prints (among a few hundred lines about other types)
//
//     print-type-size type: `{async fn body of double()}`: 24 bytes, alignment: 8 bytes
//     print-type-size     discriminant: 1 bytes
//     print-type-size     variant `Unresumed`: 8 bytes
//     print-type-size         upvar `.x`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
//     print-type-size     variant `Suspend0`: 18 bytes
//     print-type-size         upvar `.x`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
//     print-type-size         local `.x`: 8 bytes
//     print-type-size         local `.__awaitee`: 2 bytes, type: {async fn body of yield_now()}
//     print-type-size     variant `Returned`: 8 bytes
//     ...
//
// and X.layout.json gets
//
//     { "double": { "Panicked": ["upvar x"], "Returned": ["upvar x"],
//                   "Suspend0": ["upvar x", "local x", "local __awaitee"], "Unresumed": ["upvar x"] } }
//
// Fields keep rustc's order; an unnamed field (`..coroutine_fieldN`, a temporary) is "temp"; `padding`,
// `discriminant` and `end padding` lines are not fields. Machine names are the fn's path as rustc prints
// it with generic arguments removed (`g` for `g<u8>`, `S::m` for `S<i32>::m`, `main::nested` for a fn
// declared inside `main`); an async block is `{async block@LINE:COL}`, the position of its `async`
// keyword. A generic async fn instantiated twice is printed twice: which locals it stores is decided
// before monomorphization, so both must store the same fields (checked here; their order may differ, as
// rustc prints fields by offset and offsets depend on sizes) and the first one printed is kept. Keys are
// sorted (digits compared as numbers, so Suspend10 follows Suspend9); the JSON is indented by one space.
//
// Usage (from the project root):
//   node scripts/layouts.mjs --write [FILTER...]   regenerate tests/layout/*.layout.json
//   node scripts/layouts.mjs --check [FILTER...]   regenerate in a temp dir, fail (exit 1, with a diff)
//                                                  if a checked-in file differs
//   node scripts/layouts.mjs --acceptance [DIR]    only compare with ../shared/acceptance/*/X.layout.json
//                                                  (validates this parser against files made elsewhere)
//   node scripts/layouts.mjs --print FILE.rs...    print the layouts of any files (for experiments)
//   node scripts/layouts.mjs --temps [FILTER...]   list the type of every temporary in the corpus, as
//                                                  rustc prints it (`bool` is a drop flag; see README)
// --write and --check also: fail on any rustc warning (an unused async fn is never laid out, and an
// unused value usually means the case does not test what its comment says), check that every `async fn`
// and `async` block in the source has a layout, and run each binary, which must exit 0.
// Without `rustc +nightly` the script says why and exits 0. Set PINION_RUSTC_NIGHTLY to use another
// command (e.g. PINION_RUSTC_NIGHTLY="rustc" with RUSTC_BOOTSTRAP=1).

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = join(root, "tests", "layout");

// ---------------------------------------------------------------------------------------------------
// Parsing -Zprint-type-sizes output

/** Removes every balanced `<…>` group: `Foo<i32>::bar` → `Foo::bar`, `g<Vec<u8>>` → `g`. */
export function stripGenericArgs(path) {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "<") depth++;
    else if (ch === ">") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * The machine name for a type printed by rustc, or null if the type is not a coroutine of `fileBase`.
 * `{async fn body of S<i32>::m()}` → `S::m`; `{async block@x.rs:7:13: 7:18}` → `{async block@7:13}`.
 */
export function machineName(typeName, fileBase) {
  const fnBody = /^\{async fn body of (.+)\(\)\}$/.exec(typeName);
  if (fnBody) return { name: stripGenericArgs(fnBody[1]) };
  const block = /^\{async block@(.+):(\d+):(\d+): \d+:\d+\}$/.exec(typeName);
  if (block) {
    if (basename(block[1]) !== fileBase) return { foreign: typeName };
    return { name: `{async block@${block[2]}:${block[3]}}` };
  }
  if (/^\{async (closure|gen|fn|block)/.test(typeName)) return { unsupported: typeName };
  return null;
}

/**
 * Parses the whole stdout of `rustc -Zprint-type-sizes` into `{ layouts, tempTypes, problems }` where
 * layouts maps machine name → { variant → entries } and tempTypes machine name → { variant → the type
 * of each temp, in order }. Problems are strings: unknown line shapes inside a coroutine, generic
 * instantiations that disagree, coroutines from other files or of unsupported kinds.
 */
export function parseTypeSizes(text, fileBase) {
  const layouts = new Map();
  const tempTypes = new Map();
  const problems = [];
  let current = null; // { name, variants: Map } while inside a coroutine type
  let variant = null; // entries array of the current variant
  let temps = null; // types of the current variant's temps
  const finish = () => {
    if (!current) return;
    const before = layouts.get(current.name);
    if (before === undefined) {
      layouts.set(current.name, current.variants);
      tempTypes.set(current.name, current.temps);
    }
    else if (stableJson(sortedEntries(before)) !== stableJson(sortedEntries(current.variants)))
      problems.push(
        `${current.name}: two instantiations have different layouts (rustc lays coroutines out before ` +
          `monomorphization, so this is unexpected):\n  ${stableJson(mapToObject(before))}\n  ${stableJson(mapToObject(current.variants))}`,
      );
    current = null;
    variant = null;
  };
  for (const line of text.split("\n")) {
    if (!line.startsWith("print-type-size ")) continue;
    const rest = line.slice("print-type-size ".length);
    const type = /^type: `(.*)`: \d+ bytes, alignment: \d+ bytes$/.exec(rest);
    if (type) {
      finish();
      const m = machineName(type[1], fileBase);
      if (m === null) continue;
      if (m.foreign) problems.push(`coroutine from another file: ${m.foreign}`);
      else if (m.unsupported) problems.push(`coroutine of a kind this script does not know: ${m.unsupported}`);
      else current = { name: m.name, variants: new Map(), temps: new Map() };
      continue;
    }
    if (!current) continue;
    if (/^ {4}(discriminant|end padding): \d+ bytes$/.test(rest)) continue;
    const v = /^ {4}variant `(\w+)`: \d+ bytes$/.exec(rest);
    if (v) {
      variant = [];
      temps = [];
      current.variants.set(v[1], variant);
      current.temps.set(v[1], temps);
      continue;
    }
    if (/^ {8}padding: \d+ bytes$/.test(rest)) continue;
    const field = /^ {8}(upvar|local) `\.(.*?)`: \d+ bytes(, .*)?$/.exec(rest);
    if (field && variant) {
      const [, kind, name, details] = field;
      if (/^\.coroutine_field\d+$/.test(name)) {
        variant.push("temp");
        temps.push(/, type: (.*)$/.exec(details ?? "")?.[1] ?? "?");
      }
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) variant.push(`${kind} ${name}`);
      else problems.push(`${current.name}: a field name this script does not know: ${line}`);
      continue;
    }
    problems.push(`${current.name}: a line this script does not know: ${line}`);
  }
  finish();
  return { layouts, tempTypes, problems };
}

// ---------------------------------------------------------------------------------------------------
// Output format

/** Compares strings with runs of digits as numbers: Suspend2 < Suspend10, {async block@9:5} < {…@10:5}. */
export function naturalCompare(a, b) {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function mapToObject(map) {
  const out = {};
  for (const k of [...map.keys()].sort(naturalCompare)) {
    const v = map.get(k);
    out[k] = v instanceof Map ? mapToObject(v) : v;
  }
  return out;
}

/** The layout with each variant's entries sorted: field order follows offsets, which depend on sizes. */
function sortedEntries(variants) {
  const out = {};
  for (const k of [...variants.keys()].sort(naturalCompare)) out[k] = [...variants.get(k)].sort();
  return out;
}

function stableJson(obj) {
  return JSON.stringify(obj);
}

/** One line per suspend state that stores temporaries: `machine Suspend1: i32, &Vec<i32>`. */
export function formatTemps(tempTypes) {
  const lines = [];
  for (const name of [...tempTypes.keys()].sort(naturalCompare)) {
    const variants = tempTypes.get(name);
    for (const v of [...variants.keys()].sort(naturalCompare))
      if (variants.get(v).length) lines.push(`${name} ${v}: ${variants.get(v).join(", ")}`);
  }
  return lines;
}

export function formatLayouts(layouts) {
  return JSON.stringify(mapToObject(layouts), null, 1) + "\n";
}

// ---------------------------------------------------------------------------------------------------
// Which coroutines the source declares (so none is silently missing from rustc's output)

/** Blanks comments, string and char literals, keeping every line and column where it was. */
function blankNonCode(src) {
  let out = "";
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, " ");
  while (i < src.length) {
    const rest = src.slice(i);
    let m =
      /^\/\/[^\n]*/.exec(rest) ??
      /^r(#*)"[\s\S]*?"\1/.exec(rest) ??
      /^b?"(\\[\s\S]|[^"\\])*"/.exec(rest) ??
      /^b?'(\\.[^']*|[^'\\])'/.exec(rest);
    if (!m && rest.startsWith("/*")) {
      let depth = 0;
      let j = 0;
      for (; j < rest.length; j++) {
        if (rest.startsWith("/*", j)) { depth++; j++; }
        else if (rest.startsWith("*/", j)) { depth--; j++; if (depth === 0) { j++; break; } }
      }
      m = [rest.slice(0, j)];
    }
    if (m && (i === 0 || !/[A-Za-z0-9_]/.test(src[i - 1]) || m[0].startsWith("/"))) {
      out += blank(m[0]);
      i += m[0].length;
    } else {
      out += src[i];
      i++;
    }
  }
  return out;
}

/** `[{ kind: "fn", name, line, col } | { kind: "block", name: "{async block@L:C}", line, col }]`. */
export function declaredCoroutines(src) {
  const code = blankNonCode(src);
  const found = [];
  const lines = code.split("\n");
  lines.forEach((text, li) => {
    for (const m of text.matchAll(/\basync\b/g)) {
      const after = (text.slice(m.index + 5) + "\n" + lines.slice(li + 1, li + 3).join("\n")).trimStart();
      const line = li + 1;
      const col = m.index + 1;
      const fn = /^(?:unsafe\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(after);
      if (fn) found.push({ kind: "fn", name: fn[1], line, col });
      else if (/^(move\s*)?\{/.test(after)) found.push({ kind: "block", name: `{async block@${line}:${col}}`, line, col });
      else found.push({ kind: "other", name: `async at ${line}:${col}`, line, col });
    }
  });
  return found;
}

function missingCoroutines(src, layouts) {
  const problems = [];
  const names = [...layouts.keys()];
  const declared = declaredCoroutines(src);
  for (const d of declared) {
    if (d.kind === "other") problems.push(`${d.line}:${d.col}: \`async\` that is neither \`async fn\` nor an \`async\` block`);
    else if (d.kind === "fn" && !names.some((n) => n === d.name || n.endsWith(`::${d.name}`)))
      problems.push(`${d.line}:${d.col}: async fn ${d.name} has no layout: is it used from main?`);
    else if (d.kind === "block" && !layouts.has(d.name))
      problems.push(`${d.line}:${d.col}: async block has no layout: is it used from main?`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Running rustc

function nightlyCommand() {
  const cmd = (process.env.PINION_RUSTC_NIGHTLY ?? "rustc +nightly").split(/\s+/).filter(Boolean);
  return { cmd: cmd[0], pre: cmd.slice(1) };
}

function nightlyVersion() {
  const { cmd, pre } = nightlyCommand();
  const r = spawnSync(cmd, [...pre, "--version"], { encoding: "utf8" });
  if (r.error) return { missing: `${cmd} not found (${r.error.code ?? r.error.message})` };
  if (r.status !== 0) return { missing: `\`${[cmd, ...pre].join(" ")} --version\` failed: ${r.stderr.trim().split("\n")[0]}` };
  return { version: r.stdout.trim() };
}

function run(cmd, args, options) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : null;
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      done({ code: null, signal: null, stdout, stderr: stderr + String(e) });
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Compiles one file, returns { text (the .layout.json contents), problems }.
 * `strict`: rustc warnings are problems, every declared coroutine must be laid out, the binary must run.
 */
async function layoutOf(file, outDir, { strict }) {
  const { cmd, pre } = nightlyCommand();
  const base = basename(file);
  const stem = base.replace(/\.rs$/, "");
  const exe = join(outDir, stem);
  const problems = [];
  const r = await run(
    cmd,
    [...pre, "--edition", "2021", "-Zprint-type-sizes", "--crate-name", stem.replace(/[^A-Za-z0-9_]/g, "_"), "-o", exe, base],
    { cwd: dirname(file) },
  );
  if (r.code !== 0) return { text: null, problems: [`rustc failed (exit ${r.code}):\n${r.stderr}`] };
  if (strict && r.stderr.trim() !== "") problems.push(`rustc warned:\n${r.stderr.trimEnd()}`);
  const parsed = parseTypeSizes(r.stdout, base);
  problems.push(...parsed.problems);
  if (strict) {
    problems.push(...missingCoroutines(readFileSync(file, "utf8"), parsed.layouts));
    const ran = await run(exe, [], { cwd: outDir, timeoutMs: 20_000 });
    if (ran.code !== 0)
      problems.push(`the binary did not exit 0 (exit ${ran.code}${ran.signal ? `, signal ${ran.signal}` : ""}):\n${ran.stderr.slice(-2000)}`);
  }
  return { text: formatLayouts(parsed.layouts), temps: formatTemps(parsed.tempTypes), problems };
}

async function pool(items, limit, f) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------------
// A small line diff (longest common subsequence), enough for files of a few hundred lines

export function lineDiff(expected, actual, { expectedLabel, actualLabel }) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push([" ", a[i], i]); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push(["-", a[i], i]); i++; }
    else { ops.push(["+", b[j], i]); j++; }
  }
  const out = [`--- ${expectedLabel}`, `+++ ${actualLabel}`];
  const context = 3;
  let lastPrinted = -1;
  ops.forEach((op, k) => {
    if (op[0] === " ") return;
    const from = Math.max(k - context, lastPrinted + 1);
    if (from > lastPrinted + 1) out.push(`@@ near line ${op[2] + 1} of ${expectedLabel} @@`);
    for (let x = from; x <= k; x++) out.push(ops[x][0] + ops[x][1]);
    lastPrinted = k;
    for (let x = k + 1; x <= Math.min(k + context, ops.length - 1) && ops[x][0] === " "; x++) {
      out.push(" " + ops[x][1]);
      lastPrinted = x;
    }
  });
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------
// Main

function rustFiles(dir, filters) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rs"))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
}

async function main(argv) {
  const mode = argv.find((a) => ["--write", "--check", "--acceptance", "--print", "--temps"].includes(a));
  const rest = argv.filter((a) => a !== mode);
  if (!mode || rest.some((a) => a.startsWith("--")) || (mode === "--print" && rest.length === 0)) {
    process.stderr.write(
      "usage: node scripts/layouts.mjs --write|--check|--temps [FILTER...] | --acceptance [DIR] | --print FILE.rs...\n",
    );
    return 2;
  }
  const nightly = nightlyVersion();
  if (nightly.missing) {
    console.log(`layouts: skipped, rustc nightly is not available: ${nightly.missing}`);
    console.log("layouts: the checked-in .layout.json files were not regenerated or verified");
    return 0;
  }
  console.log(`layouts: using ${nightly.version}`);

  let files;
  if (mode === "--acceptance") {
    const dir = resolve(rest[0] ?? join(root, "..", "shared", "acceptance"));
    if (!existsSync(dir)) {
      process.stderr.write(`layouts: no acceptance directory at ${dir}\n`);
      return 2;
    }
    files = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => rustFiles(join(dir, d.name), []))
      .filter((f) => existsSync(f.replace(/\.rs$/, ".layout.json")));
  } else if (mode === "--print") {
    files = rest.map((f) => resolve(f));
  } else {
    files = rustFiles(corpusDir, rest);
    const stale = readdirSync(corpusDir)
      .filter((f) => f.endsWith(".layout.json") && !existsSync(join(corpusDir, f.replace(/\.layout\.json$/, ".rs"))))
      .filter((f) => rest.length === 0 || rest.some((x) => f.includes(x)));
    if (stale.length) {
      for (const f of stale) console.log(`layouts: ${f} has no .rs file next to it`);
      if (mode === "--check") return 1;
    }
  }
  if (files.length === 0) {
    process.stderr.write("layouts: no files\n");
    return 2;
  }

  const outDir = mkdtempSync(join(tmpdir(), "pinion-layouts-"));
  let failed = 0;
  try {
    const strict = mode === "--write" || mode === "--check";
    const results = await pool(files, Math.max(1, availableParallelism()), (f) => layoutOf(f, outDir, { strict }));
    files.forEach((file, k) => {
      const { text, temps, problems } = results[k];
      const rel = file.startsWith(root) ? file.slice(root.length + 1) : file;
      const jsonPath = file.replace(/\.rs$/, ".layout.json");
      const relJson = rel.replace(/\.rs$/, ".layout.json");
      for (const p of problems) console.log(`${rel}: ${p}`);
      if (problems.length) failed++;
      if (text === null) return;
      if (mode === "--print") {
        console.log(`${rel}:\n${text}`);
        return;
      }
      if (mode === "--temps") {
        for (const line of temps) console.log(`${rel} ${line}`);
        return;
      }
      const machines = Object.keys(JSON.parse(text)).length;
      if (mode === "--write") {
        const old = existsSync(jsonPath) ? readFileSync(jsonPath, "utf8") : null;
        if (old !== text) writeFileSync(jsonPath, text);
        console.log(`${relJson}: ${machines} machines${old === text ? "" : old === null ? " (new)" : " (updated)"}`);
        return;
      }
      const old = existsSync(jsonPath) ? readFileSync(jsonPath, "utf8") : "";
      if (old === text) {
        console.log(`${relJson}: ${machines} machines, same as rustc's`);
        return;
      }
      failed++;
      console.log(`${relJson}: differs from what rustc prints now`);
      console.log(lineDiff(old, text, { expectedLabel: relJson, actualLabel: "rustc" }));
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  if (failed) {
    console.log(`layouts: ${failed} of ${files.length} files failed`);
    if (mode === "--check") console.log("layouts: run `node scripts/layouts.mjs --write` if the change is intended");
    return 1;
  }
  console.log(`layouts: ${files.length} files ok`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
