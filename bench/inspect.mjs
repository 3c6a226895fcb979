// How long `pinion inspect` takes: the start-up of one process, and the work per file when many files
// are analysed in one process (DESIGN.md "Performance": pinion wins by doing many files in one process).
//
//   $ npm run build && node bench/inspect.mjs                  the acceptance programs (../shared/acceptance)
//   $ node bench/inspect.mjs --runs 20 --rounds 10 tests/layout examples
//   $ node bench/inspect.mjs --pinion /tmp/old-pinion         another build (a copy with bin/, dist/ and
//                                                              node_modules/), to compare before/after
//
// Start-up is measured against a baseline run in the same script, interleaved with it so that a busy
// machine slows both alike: `node -e ''` (Node's own start-up), then `pinion --help` (loading pinion's
// modules), then `pinion inspect` on the smallest file (modules + parsing the std stubs + one file).
// Wall-clock medians (and minimums) of `--runs` processes each.
//
// Per-file work runs in a child process (fresh JIT, like a real run): it imports the CLI module, builds
// one `Session` and runs `runInspect` on every file, `--rounds` times. The first round is what one
// `pinion` process pays for a batch (code not yet optimised); later rounds show the steady state.
// Both wall-clock and CPU time (user + system, which another busy process disturbs less) are reported.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// The pinion build to measure: this checkout, or `--pinion DIR` (passed on to the child as PINION_ROOT).
let root = process.env.PINION_ROOT ?? here;

function rsFiles(path) {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out = [];
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...rsFiles(p));
    else if (e.name.endsWith(".rs")) out.push(p);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

// ---------------------------------------------------------------------------------------------------
// The child: per-file work in one process.

if (process.argv[2] === "--child") {
  const rounds = Number(process.argv[3]);
  const files = process.argv.slice(4);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = performance.now();
  const c0 = cpu();
  const { runInspect } = await import(pathToFileURL(join(root, "dist", "cli", "inspect.js")).href);
  const { Session } = await import(pathToFileURL(join(root, "dist", "pipeline.js")).href);
  const t1 = performance.now();
  const c1 = cpu();
  const session = new Session();
  const t2 = performance.now();
  const c2 = cpu();
  const io = { stdout: () => {}, stderr: () => {} };
  const passes = [];
  for (let r = 0; r < rounds; r++) {
    const w = performance.now();
    const c = cpu();
    const perFile = [];
    for (const f of files) {
      const a = performance.now();
      runInspect(f, { format: "json" }, io, session);
      perFile.push(performance.now() - a);
    }
    passes.push({ wall: performance.now() - w, cpu: cpu() - c, max: Math.max(...perFile) });
  }
  process.stdout.write(JSON.stringify({ importWall: t1 - t0, importCpu: c1 - c0, sessionWall: t2 - t1, sessionCpu: c2 - c1, passes }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------
// The parent.

const args = process.argv.slice(2);
const take = (flag, dflt) => {
  const i = args.indexOf(flag);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const runs = Number(take("--runs", 15));
const rounds = Number(take("--rounds", 5));
root = resolve(take("--pinion", root));
const bin = join(root, "bin", "pinion.js");
const dirs = args.length ? args : [join(here, "..", "shared", "acceptance")];
if (!existsSync(join(root, "dist", "cli", "inspect.js"))) {
  console.error("bench/inspect.mjs: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
const files = dirs.flatMap((d) => rsFiles(resolve(d)));
if (!files.length) {
  console.error(`bench/inspect.mjs: no .rs files under ${dirs.join(", ")}`);
  process.exit(2);
}
const smallest = [...files].sort((a, b) => statSync(a).size - statSync(b).size)[0];

// Each measured process also reports its own CPU time (user + system, Node's start-up included) on
// exit, through a module preloaded with --import.
const CPU_MARK = "@@pinion-bench-cpu ";
const reportCpu = `import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeSync(2, "\\n${CPU_MARK}" + (u.user + u.system) / 1000 + "\\n"); });`;
const preload = `--import=data:text/javascript,${encodeURIComponent(reportCpu)}`;

function measure(argv) {
  const a = performance.now();
  const r = spawnSync(process.execPath, [preload, ...argv], { encoding: "utf8" });
  const wallMs = performance.now() - a;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  const m = r.stderr.lastIndexOf(CPU_MARK);
  return { wall: wallMs, cpu: m >= 0 ? Number(r.stderr.slice(m + CPU_MARK.length).trim()) : NaN };
}

const startup = { node: [], help: [], inspect: [] };
measure(["-e", ""]); // warm the file cache
measure([bin, "inspect", smallest]);
for (let i = 0; i < runs; i++) {
  startup.node.push(measure(["-e", ""]));
  startup.help.push(measure([bin, "--help"]));
  startup.inspect.push(measure([bin, "inspect", "--format", "json", smallest]));
}
const base = median(startup.node.map((x) => x.wall));
const baseCpu = median(startup.node.map((x) => x.cpu));
const row = (label, xs, note) => {
  const w = median(xs.map((x) => x.wall));
  const c = median(xs.map((x) => x.cpu));
  const min = Math.min(...xs.map((x) => x.wall));
  return `  ${label.padEnd(36)}${ms(w).padStart(8)} (min ${ms(min).padStart(7)}) ${(w / base).toFixed(1).padStart(4)}×   cpu ${ms(c).padStart(7)} ${(c / baseCpu).toFixed(1).padStart(4)}×${note ? `   ${note}` : ""}`;
};
console.log(`pinion inspect (${relative(process.cwd(), root) || "."}), Node ${process.version}, ${runs} processes each (medians; × node -e '')`);
console.log("start-up");
console.log(row("node -e ''", startup.node, "the baseline"));
console.log(row("pinion --help", startup.help, "loading pinion's modules"));
console.log(row(`pinion inspect ${basename(smallest)}`, startup.inspect, "+ std stubs + one file"));

const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", String(rounds), ...files], {
  encoding: "utf8",
  maxBuffer: 1 << 24,
  env: { ...process.env, PINION_ROOT: root },
});
if (child.status !== 0) {
  console.error(child.stderr);
  process.exit(1);
}
const r = JSON.parse(child.stdout);
const n = files.length;
console.log(`in one process: ${n} files under ${dirs.map((d) => relative(process.cwd(), resolve(d)) || ".").join(", ")}`);
console.log(`  ${"import the CLI module".padEnd(44)}${ms(r.importWall).padStart(9)}  (cpu ${ms(r.importCpu)})`);
console.log(`  ${"new Session() (std stubs)".padEnd(44)}${ms(r.sessionWall).padStart(9)}  (cpu ${ms(r.sessionCpu)})`);
const p0 = r.passes[0];
console.log(`  ${"first pass over the files".padEnd(44)}${ms(p0.wall).padStart(9)}  (cpu ${ms(p0.cpu)}; ${ms(p0.wall / n)} per file, slowest ${ms(p0.max)})`);
if (r.passes.length > 1) {
  const rest = r.passes.slice(1);
  const w = median(rest.map((p) => p.wall));
  const c = median(rest.map((p) => p.cpu));
  console.log(`  ${`later passes (median of ${rest.length})`.padEnd(44)}${ms(w).padStart(9)}  (cpu ${ms(c)}; ${ms(w / n)} per file)`);
}
