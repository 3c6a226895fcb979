#!/usr/bin/env node
// Time per `.await` of generated futures against the same programs written with native async/await
// (DESIGN.md "Performance": generated futures at least 2× faster, in the default tracked-memory mode).
//
//   $ npm run bench                         (builds, then runs this script)
//   $ node bench/run.mjs --rounds 31 --warmup 10 --scale 2 --only deep_chain --json
//
// The workloads are Rust programs in bench/workloads/, each with its own hand-written `block_on`:
//
//   ready_heavy     `total += leaf(i).await` n times; `leaf` is an async fn that returns at once
//   pending_heavy   `total += yield_once(i & 7).await` n times; the hand-written future is Pending once
//   deep_chain      `total += d12(i).await` n times; d12 awaits d11 … d1 awaits a Pending-once future
//                   (13 awaits per iteration, and each iteration polls the chain twice from the top)
//
// The generated side is what `pinion run` executes: the program is compiled through the library
// (`emitProgram`, flavour "js", tracked memory, no step counting) and evaluated with the runtime; the
// script then calls the emitted `block_on(workload(n))` directly instead of `main`, so that printing
// does not dominate. The native side is the same logic with JS async/await (a Pending-once future is
// a promise resolved from a microtask), awaited to completion. Both sides run in this one process,
// interleaved round by round so that a busy machine slows both alike (which side goes first
// alternates). Each run is timed twice: on the wall clock and in CPU time of this process
// (`process.cpuUsage`, which other processes on a loaded machine do not inflate; it includes V8's
// helper threads, i.e. concurrent GC work, which is a cost of the program too). The ratio native /
// generated (above 1: generated code is faster) is the median over the rounds of each round's pair,
// reported with its quartiles and extremes; the load average is printed so that a noisy run shows.
// Warm-up: V8 needs several runs of 200k awaits before both sides are optimised (the first runs are
// 2-4× slower), so the warm-up rounds are not timed. Nothing here asserts a time: the script fails
// only when a program computes a wrong result.
//
// Before timing, each workload is checked once: the generated `main` prints what the native functions
// compute, and what the rustc binary prints (when `rustc` is on PATH; otherwise the reason is printed).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session, sourceFile } from "../dist/pipeline.js";
import { emitProgram } from "../dist/emit/index.js";
import * as rt from "../dist/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const ROUNDS = Number(option("--rounds", 21)); // timed rounds; the median is reported
const WARMUP = Number(option("--warmup", 8)); // untimed rounds first, so that both sides are optimised
const SCALE = Number(option("--scale", 1)); // multiplies the iteration counts below
const ONLY = option("--only", null);
const JSON_OUT = args.includes("--json");

// ---- the native side: the workloads of bench/workloads/*.rs with async/await

/** `YieldOnce { value, yielded: false }`: not ready at once; ready after a turn of the microtask queue. */
function yieldOnce(value) {
  return new Promise((resolve) => queueMicrotask(() => resolve(value)));
}

async function leaf(i) {
  return i & 7;
}
async function readyHeavy(n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += await leaf(i);
  return total;
}

async function pendingHeavy(n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += await yieldOnce(i & 7);
  return total;
}

async function d1(x) { return (await yieldOnce(x & 7)) + 1; }
async function d2(x) { return (await d1(x)) + 1; }
async function d3(x) { return (await d2(x)) + 1; }
async function d4(x) { return (await d3(x)) + 1; }
async function d5(x) { return (await d4(x)) + 1; }
async function d6(x) { return (await d5(x)) + 1; }
async function d7(x) { return (await d6(x)) + 1; }
async function d8(x) { return (await d7(x)) + 1; }
async function d9(x) { return (await d8(x)) + 1; }
async function d10(x) { return (await d9(x)) + 1; }
async function d11(x) { return (await d10(x)) + 1; }
async function d12(x) { return (await d11(x)) + 1; }
async function deepChain(n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += await d12(i);
  return total;
}

// `entry`: the Rust async fn the script drives; `n`: iterations per timed run; `awaitsPer`: `.await`s
// evaluated per iteration (the same on both sides).
const WORKLOADS = [
  { name: "ready_heavy", entry: "ready_heavy", n: 200_000, awaitsPer: 1, native: readyHeavy },
  { name: "pending_heavy", entry: "pending_heavy", n: 200_000, awaitsPer: 1, native: pendingHeavy },
  { name: "deep_chain", entry: "deep_chain", n: 20_000, awaitsPer: 13, native: deepChain },
].filter((w) => ONLY === null || ONLY.split(",").includes(w.name));

// ---- the generated side

/**
 * Compiles `bench/workloads/NAME.rs` as `pinion run` does and returns its `main`, its `block_on` and
 * the workload's async fn. Entry "function" ends the code with `return [main, spec]`; the script asks
 * for the two functions it drives too.
 */
function compileWorkload(w) {
  const file = join(here, "workloads", `${w.name}.rs`);
  const session = new Session();
  const analysis = session.analyze(sourceFile(basename(file), readFileSync(file, "utf8")));
  const { code, diagnostics } = emitProgram(analysis, { flavour: "js", entry: "function", instrument: false });
  if (code === undefined) {
    const all = [...analysis.diagnostics, ...diagnostics];
    throw new Error(`pinion cannot compile it:\n` + all.map((d) => `  ${d.severity}[${d.code}]: ${d.message}`).join("\n"));
  }
  const tail = /return \[main, ([^\n]*)\];\n$/;
  if (!tail.test(code)) throw new Error(`the emitted code does not end with \`return [main, spec]\``);
  const body = code.replace(tail, (_, spec) => `return [main, ${spec}, { block_on, ${w.entry} }];\n`);
  const [main, spec, fns] = new Function("rt", body)(rt);
  return { file, main, spec, blockOn: fns.block_on, entry: fns[w.entry] };
}

function freshMachine(file, stdout = () => {}) {
  rt.install(new rt.Machine({ file, stdout }));
}

// ---- checks, once, outside the timing

/** The lines each program's `main` prints: `NAME(1000) = …` and `NAME(100000) = …`. */
async function nativeMainOutput(w) {
  let out = "";
  for (const n of [1000, 100000]) out += `${w.name}(${n}) = ${await w.native(n)}\n`;
  return out;
}

function generatedMainOutput(w, g) {
  let out = "";
  freshMachine(basename(g.file), (s) => (out += s));
  g.main();
  return out;
}

/**
 * Compiles each workload with `rustc --edition 2021 -O` and runs it. `output` returns null (and `why`
 * says why) when there is no rustc, or one too old for the workloads (`Waker::noop` is Rust 1.85).
 */
function rustcRunner() {
  const dir = mkdtempSync(join(tmpdir(), "pinion-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const self = {
    why: null,
    output(file) {
      if (self.why) return null;
      const exe = join(dir, basename(file, ".rs"));
      const c = spawnSync("rustc", ["--edition", "2021", "-O", "-o", exe, file], { encoding: "utf8" });
      if (c.error) {
        self.why = `rustc not found (${c.error.code ?? c.error.message})`;
        return null;
      }
      if (c.status !== 0) {
        self.why = `rustc could not compile ${basename(file)}: ${c.stderr.split("\n")[0]}`;
        return null;
      }
      const r = spawnSync(exe, [], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`the rustc binary of ${basename(file)} exited with ${r.status}`);
      return r.stdout;
    },
  };
  return self;
}

// ---- timing

const median = (xs) => quantile(xs, 0.5);

/** The `q`-quantile of `xs` (linear interpolation between the two nearest ranks). */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return lo + 1 < s.length ? s[lo] + (s[lo + 1] - s[lo]) * (at - lo) : s[lo];
}

/** Wall-clock and CPU nanoseconds of one run. */
function clocks() {
  return { wall: process.hrtime.bigint(), cpu: process.cpuUsage() };
}
function elapsed(t0) {
  const wall = Number(process.hrtime.bigint() - t0.wall);
  const c = process.cpuUsage(t0.cpu);
  return { wall, cpu: (c.user + c.system) * 1000 };
}

function timeGenerated(w, g, n, expected) {
  const t0 = clocks();
  const r = g.blockOn(g.entry(n));
  const t = elapsed(t0);
  if (r !== expected) throw new Error(`generated block_on(${w.entry}(${n})) = ${r}, native says ${expected}`);
  return t;
}

async function timeNative(w, n, expected) {
  const t0 = clocks();
  const r = await w.native(n);
  const t = elapsed(t0);
  if (r !== expected) throw new Error(`native ${w.native.name}(${n}) = ${r}, expected ${expected}`);
  return t;
}

/** Median, quartiles and extremes of the per-round ratios native / generated on one clock. */
function ratios(gen, nat, clock, awaits) {
  const pairs = gen.map((t, i) => nat[i][clock] / t[clock]);
  const r2 = (x) => +x.toFixed(2);
  return {
    generatedNsPerAwait: +(median(gen.map((t) => t[clock])) / awaits).toFixed(1),
    nativeNsPerAwait: +(median(nat.map((t) => t[clock])) / awaits).toFixed(1),
    ratio: r2(median(pairs)),
    ratioQ1: r2(quantile(pairs, 0.25)),
    ratioQ3: r2(quantile(pairs, 0.75)),
    ratioMin: r2(Math.min(...pairs)),
    ratioMax: r2(Math.max(...pairs)),
  };
}

// ---- the run

/** Checks one workload, then times it; returns its row of the table. Throws when it cannot run or disagrees. */
async function benchWorkload(w, rustc) {
  const g = compileWorkload(w);
  const native = await nativeMainOutput(w);
  const generated = generatedMainOutput(w, g);
  const fromRustc = rustc.output(g.file);
  if (generated !== native || (fromRustc !== null && fromRustc !== generated)) {
    let msg = `the programs disagree\n  generated main:\n${indent(generated)}\n  native:\n${indent(native)}`;
    if (fromRustc !== null) msg += `\n  rustc:\n${indent(fromRustc)}`;
    throw new Error(msg);
  }

  const n = Math.max(1, Math.round(w.n * SCALE));
  const expected = await w.native(n);
  freshMachine(basename(g.file));
  const gen = [];
  const nat = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Alternate which side goes first, so that neither always runs right after the other's garbage.
    const generatedFirst = round % 2 === 0;
    let tg = generatedFirst ? timeGenerated(w, g, n, expected) : null;
    const tn = await timeNative(w, n, expected);
    if (!generatedFirst) tg = timeGenerated(w, g, n, expected);
    if (round >= WARMUP) {
      gen.push(tg);
      nat.push(tn);
    }
  }
  const awaits = n * w.awaitsPer;
  return {
    workload: w.name,
    awaits,
    cpu: ratios(gen, nat, "cpu", awaits),
    wall: ratios(gen, nat, "wall", awaits),
    checkedAgainst: fromRustc === null ? "native" : "native, rustc",
  };
}

const loadBefore = loadavg()[0];
const rustc = rustcRunner();
const rows = [];
const failures = [];
for (const w of WORKLOADS) {
  try {
    rows.push(await benchWorkload(w, rustc));
  } catch (e) {
    failures.push(w.name);
    console.error(`${w.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function indent(s) {
  return s.replace(/^/gm, "    ").trimEnd();
}

if (JSON_OUT) {
  console.log(JSON.stringify({ node: process.version, rounds: ROUNDS, warmup: WARMUP, loadBefore, loadAfter: loadavg()[0], rustc: rustc.why ?? "used", rows, failures }));
} else {
  console.log(`time per .await: generated futures (tracked memory) vs native async/await — node ${process.version}`);
  console.log(`${ROUNDS} rounds after ${WARMUP} warm-up rounds, both sides interleaved in one process; ratio = median of the rounds' native/generated, [quartiles], (extremes)`);
  const head = ["workload", "awaits", "clock", "ns/await generated", "ns/await native", "ratio native/generated", "quartiles", "extremes"];
  const body = rows.flatMap((r) =>
    ["cpu", "wall"].map((clock) => {
      const x = r[clock];
      return [
        clock === "cpu" ? r.workload : "",
        clock === "cpu" ? r.awaits.toLocaleString("en-US") : "",
        clock,
        x.generatedNsPerAwait.toFixed(1),
        x.nativeNsPerAwait.toFixed(1),
        `${x.ratio.toFixed(2)}×`,
        `${x.ratioQ1.toFixed(2)}–${x.ratioQ3.toFixed(2)}`,
        `${x.ratioMin.toFixed(2)}–${x.ratioMax.toFixed(2)}`,
      ];
    }),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const b of body) console.log(line(b));
  console.log(`results checked against native${rustc.why ? ` only — rustc skipped: ${rustc.why}` : " and the rustc binary's output"}`);
  const cores = availableParallelism();
  const loadAfter = loadavg()[0];
  const busy = Math.max(loadBefore, loadAfter) > cores - 1 ? " — the machine was busy: compare the cpu rows, and rerun if the quartiles are wide" : "";
  console.log(`load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cores} cores${busy}`);
  if (rows.length) {
    const worst = Math.min(...rows.map((r) => r.cpu.ratio));
    console.log(`goal (DESIGN.md "Performance"): generated ≥ 2× faster than native — ${worst >= 2 ? "met" : "not met"} (lowest ratio ${worst.toFixed(2)}×, cpu time)`);
  }
  if (failures.length) console.log(`failed: ${failures.join(", ")}`);
}
if (failures.length) process.exitCode = 1;
