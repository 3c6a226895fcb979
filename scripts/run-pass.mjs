#!/usr/bin/env node
// The behaviour corpus, with rustc as the oracle.
//
// Every Rust program in tests/run-pass/, tests/ub/ and examples/ is compiled by rustc (edition 2021,
// stable, debug build: overflow checks on) and run; what the binary does is written next to it, so that
// `pinion run` can be held to it byte for byte.
//
//   node scripts/run-pass.mjs --write [FILTER...]   regenerate the recorded results
//   node scripts/run-pass.mjs --check [FILTER...]   recompile, re-run, fail with a diff on any difference
//   options: --jobs N (default: the number of cores)
//
// A worked example. tests/run-pass/overflow_u8_add.rs prints four lines and then panics; `--write`
// leaves next to it
//   overflow_u8_add.stdout    "250 + 5 = 255\nu8::MAX = 255\nlevel 220\nlevel 240\n"   (byte for byte)
//   overflow_u8_add.exitcode  "101\n"                                 (0, or 101 for a panic)
//   overflow_u8_add.stderr    "\nthread 'main' panicked at overflow_u8_add.rs:15:9:\n
//                              attempt to add with overflow\nnote: run with `RUST_BACKTRACE=1` …\n"
// rustc is run from the program's own folder on the bare file name, so a panic names `X.rs:LINE:COL`,
// the way pinion's reports name the file; the binary runs without RUST_BACKTRACE. `.stderr` exists
// exactly for the programs that panic, and is rustc's stderr minus the OS thread id (see
// normalizePanic).
//
// Undefined-behavior programs (those with an `X.expect` that has `ub-at:`) are different: after the
// violation the binary's behaviour means nothing. The contract is `X.expect` (see
// ../shared/acceptance/ub/*.expect): `stdout-before-ub` (the lines printed before the bad access, joined
// by ` | `), `ub-at` (the line of the bad access, then the line of the move or scope end that invalidated
// the pointer) and `check-codes` (`CODE:LINE` that `pinion check` must report). The script verifies what
// rustc can verify — the binary's first lines are exactly `stdout-before-ub` — and writes them (only
// them) to `X.stdout`. rustc cannot see the lines in `ub-at` and `check-codes`; they are reasoned in
// comments in the program, and the script checks that the comments are where the numbers say: each
// `ub-at` line carries a comment containing `UB`, each `CODE:LINE` line a comment naming `CODE`. So a
// program edited without updating its `.expect` fails here, not silently later.
//
// House rules checked for every program: it starts with a `//` comment saying what it exercises, it is
// 20–120 lines long, and examples are named `NN_topic.rs`. A program rustc rejects is an error. Without
// rustc the script says why and exits 0.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIRS = ["tests/run-pass", "tests/ub", "examples"];
const RUSTC = process.env.RUSTC || "rustc";
const RUN_TIMEOUT_MS = 10_000;
const MIN_LINES = 20;
const MAX_LINES = 120;

function usage(message) {
  if (message) process.stderr.write(`run-pass: ${message}\n`);
  process.stderr.write("usage: node scripts/run-pass.mjs --write|--check [--jobs N] [FILTER...]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { mode: "", jobs: availableParallelism(), filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--write" || a === "--check") {
      if (opts.mode && opts.mode !== a.slice(2)) usage("choose one of --write and --check");
      opts.mode = a.slice(2);
    } else if (a === "--jobs") {
      opts.jobs = Number(argv[++i]);
      if (!Number.isInteger(opts.jobs) || opts.jobs < 1) usage("--jobs takes a positive number");
    } else if (a.startsWith("-")) usage(`unknown option ${a}`);
    else opts.filters.push(a);
  }
  if (!opts.mode) usage("");
  return opts;
}

/** Runs a command to completion; never rejects. `stdout`/`stderr` are Buffers (byte for byte). */
function run(cmd, args, { cwd, env, timeoutMs }) {
  return new Promise((done) => {
    const out = [];
    const err = [];
    let timedOut = false;
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, timeoutMs)
      : undefined;
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      done({ status: null, signal: null, error: e, timedOut, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, error: undefined, timedOut, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

/** `key: value` lines of an `X.expect` file. */
function readExpect(path) {
  const e = {};
  if (!existsSync(path)) return e;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = line.match(/^([\w-]+):\s*(.*)$/);
    if (m) e[m[1]] = m[2].trim();
  }
  return e;
}

/** The comment part of a source line (after the first `//` that is not inside a string), or "". */
function commentOf(line) {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && line[i + 1] === "/") return line.slice(i);
  }
  return "";
}

/** Problems with the house rules and with the line numbers an `.expect` promises. */
function lint(dir, name, source, expect) {
  const problems = [];
  const lines = source.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (!lines[0]?.startsWith("//")) problems.push("the first line must be a `//` comment saying what the program exercises");
  if (lines.length < MIN_LINES || lines.length > MAX_LINES)
    problems.push(`${lines.length} lines; programs are ${MIN_LINES}–${MAX_LINES} lines long`);
  if (dir === "examples" && !/^\d\d_[a-z0-9_]+\.rs$/.test(name)) problems.push("examples are named NN_topic.rs");
  if (dir === "tests/ub" && !expect["ub-at"]) problems.push("a tests/ub program needs an X.expect with `ub-at:`");
  const lineText = (n) => (Number.isInteger(n) && n >= 1 && n <= lines.length ? lines[n - 1] : undefined);
  if (expect["ub-at"] !== undefined) {
    const at = expect["ub-at"].split(/\s+/).filter(Boolean).map(Number);
    if (at.length !== 2) problems.push("`ub-at:` takes two line numbers: the bad access, then the move");
    for (const n of at) {
      const text = lineText(n);
      if (text === undefined) problems.push(`ub-at: line ${n} does not exist`);
      else if (!/\bUB\b/.test(commentOf(text))) problems.push(`ub-at: line ${n} has no comment saying \`UB\`: ${text.trim()}`);
    }
    if (!("stdout-before-ub" in expect)) problems.push("`stdout-before-ub:` is missing (leave it empty if nothing is printed)");
    if (!("check-codes" in expect)) problems.push("`check-codes:` is missing (leave it empty if none is expected)");
  }
  for (const want of (expect["check-codes"] ?? "").split(/\s+/).filter(Boolean)) {
    const m = want.match(/^(P\d{4}):(\d+)$/);
    if (!m) {
      problems.push(`check-codes: \`${want}\` is not CODE:LINE`);
      continue;
    }
    const text = lineText(Number(m[2]));
    if (text === undefined) problems.push(`check-codes: line ${m[2]} does not exist`);
    else if (!commentOf(text).includes(m[1])) problems.push(`check-codes: line ${m[2]} has no comment naming ${m[1]}: ${text.trim()}`);
  }
  return problems;
}

/** Compiles and runs one program; returns the files that should sit next to it, or problems. */
async function oracle(program, tmp) {
  const { dir, name, path } = program;
  const source = readFileSync(path, "utf8");
  const expectPath = path.replace(/\.rs$/, ".expect");
  const expect = readExpect(expectPath);
  const isUb = expect["ub-at"] !== undefined;
  const problems = lint(dir, name, source, expect);
  const stem = name.replace(/\.rs$/, "");
  const exe = join(tmp, `${dir.replace(/\W/g, "_")}__${stem}`);
  const crateName = `t_${stem.replace(/\W/g, "_")}`;
  const compiled = await run(RUSTC, ["--edition", "2021", "--crate-name", crateName, "-o", exe, name], {
    cwd: dirname(path),
    env: process.env,
  });
  if (compiled.error || compiled.status !== 0) {
    const why = compiled.error ? String(compiled.error) : compiled.stderr.toString("utf8");
    return { program, isUb, problems: [...problems, `rustc could not compile it:\n${why}`], files: {} };
  }
  const env = { ...process.env };
  delete env.RUST_BACKTRACE;
  delete env.RUST_LIB_BACKTRACE;
  const r = await run(exe, [], { cwd: dirname(path), env, timeoutMs: RUN_TIMEOUT_MS });
  const stdout = r.stdout.toString("utf8");
  const stderr = normalizePanic(r.stderr.toString("utf8"));
  const files = {};
  if (isUb) {
    // Only the lines before the violation mean anything; they must be the ones `.expect` promises.
    const before = (expect["stdout-before-ub"] ?? "").split("|").map((s) => s.trim()).filter(Boolean);
    const got = stdout.split("\n").slice(0, before.length);
    if (got.join("\n") !== before.join("\n"))
      problems.push(
        `stdout-before-ub disagrees with rustc:\n  .expect: ${before.join(" | ")}\n  rustc:   ${got.join(" | ")}`,
      );
    files[".stdout"] = before.length ? `${before.join("\n")}\n` : "";
  } else {
    if (r.timedOut) problems.push(`the binary ran longer than ${RUN_TIMEOUT_MS / 1000}s`);
    else if (r.error) problems.push(`the binary did not start: ${r.error}`);
    else if (r.status !== 0 && r.status !== 101)
      problems.push(`the binary ended with ${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`}; expected 0 or 101\n${stderr}`);
    else if (r.status === 101 && !/^\n?thread 'main' panicked at /.test(stderr))
      problems.push(`exit code 101 without a panic message on stderr:\n${stderr}`);
    files[".stdout"] = stdout;
    files[".exitcode"] = `${r.status}\n`;
    if (r.status === 101) files[".stderr"] = stderr;
  }
  return { program, isUb, status: r.status, problems, files };
}

/**
 * Recent rustc (1.95 here)'s panic hook names the thread with its OS id, `thread 'main' (48211) panicked at`,
 * which changes on every run; the id is dropped so the recorded `.stderr` is stable (pinion prints no
 * id). Everything else, including the empty line the hook prints first, is kept as rustc printed it.
 */
function normalizePanic(stderr) {
  return stderr.replace(/^(\n?thread '[^']*') \(\d+\) panicked at /gm, "$1 panicked at ");
}

/** The files a result manages; the ones not in `files` must not exist. */
const MANAGED = [".stdout", ".exitcode", ".stderr"];

function diff(label, want, got, tmp) {
  const a = join(tmp, "want");
  const b = join(tmp, "got");
  writeFileSync(a, want);
  writeFileSync(b, got);
  const d = spawnSync("diff", ["-u", "--label", `${label} (checked in)`, "--label", `${label} (rustc now)`, a, b], {
    encoding: "utf8",
  });
  if (d.status === 1) return d.stdout;
  return `--- ${label} (checked in)\n${want}--- ${label} (rustc now)\n${got}`;
}

function findPrograms(filters) {
  const programs = [];
  for (const dir of DIRS) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).filter((n) => n.endsWith(".rs")).sort()) {
      const path = join(abs, name);
      const rel = relative(ROOT, path);
      if (filters.length && !filters.some((f) => rel.includes(f))) continue;
      programs.push({ dir, name, path, rel });
    }
  }
  return programs;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const version = spawnSync(RUSTC, ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) {
    const why = version.error ? version.error.message : version.stderr.trim();
    console.log(`run-pass: skipped: rustc is not available (${why}); nothing was ${opts.mode === "write" ? "written" : "checked"}`);
    return 0;
  }
  const programs = findPrograms(opts.filters);
  console.log(`run-pass: ${opts.mode} ${programs.length} programs with ${version.stdout.trim()} (--edition 2021, debug)`);
  const tmp = mkdtempSync(join(tmpdir(), "pinion-run-pass-"));
  try {
    const results = new Array(programs.length);
    let next = 0;
    const worker = async () => {
      while (next < programs.length) {
        const i = next++;
        results[i] = await oracle(programs[i], tmp);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.jobs, programs.length) }, worker));

    let failed = 0;
    const tally = {};
    for (const res of results) {
      const { program } = res;
      const problems = [...res.problems];
      const stem = program.path.replace(/\.rs$/, "");
      if (problems.length === 0) {
        for (const ext of MANAGED) {
          const file = stem + ext;
          const want = res.files[ext];
          if (opts.mode === "write") {
            if (want === undefined) {
              if (existsSync(file)) unlinkSync(file);
            } else writeFileSync(file, want);
          } else if (want === undefined) {
            if (existsSync(file)) problems.push(`${basename(file)} should not exist (rustc's run does not produce it)`);
          } else if (!existsSync(file)) problems.push(`${basename(file)} is missing (run --write)`);
          else {
            const have = readFileSync(file, "utf8");
            if (have !== want) problems.push(diff(basename(file), have, want, tmp));
          }
        }
      }
      const t = (tally[program.dir] ??= { programs: 0, exit0: 0, panics: 0, ub: 0 });
      t.programs++;
      if (res.isUb) t.ub++;
      else if (res.status === 0) t.exit0++;
      else if (res.status === 101) t.panics++;
      if (problems.length) {
        failed++;
        console.log(`FAIL ${program.rel}\n  ${problems.join("\n").replace(/\n/g, "\n  ")}`);
      }
    }
    for (const [dir, t] of Object.entries(tally))
      console.log(`  ${dir}: ${t.programs} programs (${t.exit0} exit 0, ${t.panics} panic with exit 101, ${t.ub} undefined behavior)`);
    console.log(`run-pass: ${programs.length - failed} ok, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
