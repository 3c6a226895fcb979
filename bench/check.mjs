// `pinion check` on a batch of teaching files against `rustc --emit=metadata` on the same files — the
// goal of DESIGN.md "Performance": pinion at least 20× faster, each side using both cores.
//
//   $ npm run build && node bench/check.mjs                  the checker's cases (tests/ui, ~110 files)
//   $ node bench/check.mjs examples tests/run-pass
//
// Both sides are whole processes, timed on the wall clock, run one after the other and repeated
// (`--rounds`, median), so a busy machine disturbs both alike:
//   rustc   `rustc --edition 2021 --emit=metadata` once per file, two at a time (both cores)
//   pinion  `pinion check FILES…` split in two halves, two processes at a time (both cores); each process
//           pays its start-up (the std stubs) once, as a CI job would
// Without rustc, only pinion's time is printed.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let rounds = 3;
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--rounds") rounds = Number(args[++i]);
  else paths.push(args[i]);
}
if (paths.length === 0) paths.push(join(root, "tests", "ui"));

function rsFiles(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? rsFiles(join(path, e.name)) : e.name.endsWith(".rs") ? [join(path, e.name)] : []));
}

const files = paths.flatMap(rsFiles);

/** Runs the commands `jobs` at a time; resolves with the wall time in ms. */
function pool(commands, jobs) {
  const t0 = performance.now();
  return new Promise((done) => {
    let next = 0;
    let running = 0;
    const start = () => {
      if (next === commands.length && running === 0) return done(performance.now() - t0);
      while (running < jobs && next < commands.length) {
        const [cmd, argv] = commands[next++];
        running++;
        spawn(cmd, argv, { stdio: "ignore" }).on("close", () => {
          running--;
          start();
        });
      }
    };
    start();
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasRustc = spawnSync("rustc", ["--version"]).status === 0;
const out = mkdtempSync(join(tmpdir(), "pinion-bench-check-"));
const half = Math.ceil(files.length / 2);
const pinionCmds = [files.slice(0, half), files.slice(half)].filter((f) => f.length).map((f) => [process.execPath, [join(root, "bin", "pinion.js"), "check", "--format", "short", ...f]]);
const rustcCmds = files.map((f, i) => ["rustc", ["--edition", "2021", "--emit=metadata", "--crate-type", "bin", "-o", join(out, `m${i}.rmeta`), f]]);

const times = { pinion: [], rustc: [] };
for (let r = 0; r < rounds; r++) {
  times.pinion.push(await pool(pinionCmds, 2));
  if (hasRustc) times.rustc.push(await pool(rustcCmds, 2));
}
rmSync(out, { recursive: true, force: true });

const p = median(times.pinion);
console.log(`check of ${files.length} files, both cores, median of ${rounds} rounds`);
console.log(`  pinion check   ${p.toFixed(0).padStart(6)} ms   ${(p / files.length).toFixed(1)} ms per file`);
if (hasRustc) {
  const q = median(times.rustc);
  console.log(`  rustc metadata ${q.toFixed(0).padStart(6)} ms   ${(q / files.length).toFixed(1)} ms per file`);
  console.log(`  pinion is ${(q / p).toFixed(1)}× faster (goal: 20×)`);
} else console.log("  rustc is not installed here: no baseline");
