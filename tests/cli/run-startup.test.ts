// What each command loads (DESIGN.md "Performance": `node -e 0` is ~150 ms, typescript adds ~370 ms, so
// `check`, `inspect` and `run` must not load it, nor prettier unless formatted output is asked for).
// src/cli/index.ts imports a command's module only inside its action; this test holds it to that, and
// to its table of what each command pulls in.
//
// How: the built binary runs under `node --import register.mjs`, which registers a module hook
// (`module.register`, Node ≥ 20.6) whose `resolve` appends every URL it resolves — each static and
// dynamic `import` — to a log file. CommonJS modules (tree-sitter, typescript) are loaded by `require`,
// which does not go through the hook in Node 20, so at exit the preload also appends the keys of
// `require.cache`. Positive controls keep the method honest: `check` must be seen loading tree-sitter
// (CommonJS) and the pipeline, `compile` prettier (a dynamic import of a package).

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(".");
const bin = resolve("bin/pinion.js");
const example = "examples/01_self_referential_future.rs";

const HOOKS = `import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(log, r.url + "\\n");
  return r;
}
`;

const REGISTER = `import { register, createRequire } from "node:module";
import { appendFileSync } from "node:fs";
const log = process.env.PINION_LOAD_LOG;
register(new URL("./hooks.mjs", import.meta.url), { data: { log } });
const require = createRequire(import.meta.url);
process.on("exit", () => appendFileSync(log, Object.keys(require.cache).map((k) => "cjs " + k + "\\n").join("")));
`;

/** Commands, each with the modules it loads (filled in beforeAll). */
const COMMANDS: Record<string, string[]> = {
  explain: ["explain", "P0101"],
  check: ["check", example],
  inspect: ["inspect", example],
  run: ["run", example],
  "compile --no-format": ["compile", "--no-format", example],
  compile: ["compile", example],
};

interface Loaded {
  readonly code: number;
  readonly stderr: string;
  /** `dist/cli/index.js`-style paths of pinion's modules, package names, `node:` builtins. */
  readonly modules: Set<string>;
}
const loaded = new Map<string, Loaded>();

let tmp = "";

/** A resolved URL or CommonJS path, as a short name: `dist/emit/`, `dist/compile.js`, `tree-sitter`, `node:fs`. */
function shortName(entry: string): string {
  const path = entry.startsWith("cjs ") ? entry.slice(4) : entry.startsWith("file:") ? new URL(entry).pathname : entry;
  if (path.startsWith("node:")) return path;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith(root + "/")) {
    const rel = path.slice(root.length + 1);
    const dir = /^dist\/([^/]+)\//.exec(rel);
    return dir ? `dist/${dir[1]}/` : rel;
  }
  return path;
}

function load(args: string[], log: string): Promise<Loaded> {
  const register = pathToFileURL(join(tmp, "register.mjs")).href;
  return new Promise((done) => {
    execFile(process.execPath, ["--import", register, bin, ...args], { cwd: root, env: { ...process.env, PINION_LOAD_LOG: log, NO_COLOR: "1" }, maxBuffer: 1 << 26 }, (error, _stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? -1) : 0;
      const entries = existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
      done({ code: typeof code === "number" ? code : -1, stderr, modules: new Set(entries.map(shortName)) });
    });
  });
}

beforeAll(async () => {
  if (!existsSync("dist/cli/index.js")) throw new Error("dist/ is not built: run `npm run build` before these tests");
  tmp = mkdtempSync(join(tmpdir(), "pinion-startup-"));
  writeFileSync(join(tmp, "hooks.mjs"), HOOKS);
  writeFileSync(join(tmp, "register.mjs"), REGISTER);
  const names = Object.keys(COMMANDS);
  const results = await Promise.all(names.map((name, i) => load(COMMANDS[name]!, join(tmp, `load-${i}.log`))));
  names.forEach((name, i) => loaded.set(name, results[i]!));
}, 120_000);
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function modulesOf(name: string): Set<string> {
  const l = loaded.get(name)!;
  // Every command succeeds on the example (it is correct): its whole path ran.
  expect(l.stderr).toBe("");
  expect(l.code).toBe(0);
  return l.modules;
}

const heavy = ["typescript", "prettier"];
const compiler = ["dist/syntax/", "dist/resolve/", "dist/mir/", "dist/coroutine/", "dist/check/", "dist/emit/", "dist/runtime/", "dist/pipeline.js", "dist/compile.js", "dist/index.js", "tree-sitter", "tree-sitter-rust"];

describe("what each command loads", () => {
  it("the hook sees ESM imports, dynamic imports and CommonJS requires (positive controls)", () => {
    const check = modulesOf("check");
    for (const m of ["bin/pinion.js", "dist/cli/", "commander", "dist/pipeline.js", "dist/syntax/", "dist/check/", "tree-sitter", "tree-sitter-rust"]) expect(check, m).toContain(m);
    const compile = modulesOf("compile");
    for (const m of ["dist/emit/", "prettier"]) expect(compile, m).toContain(m);
  });

  it("explain: the catalog and commander, no compiler", () => {
    const mods = modulesOf("explain");
    expect(mods).toContain("dist/diagnostics/");
    for (const m of [...compiler, ...heavy]) expect(mods, m).not.toContain(m);
    // Nothing else of pinion's, and no package but commander.
    const ours = [...mods].filter((m) => m.startsWith("dist/") || !m.includes(":") && !m.includes("/")).sort();
    expect(ours).toEqual(["commander", "dist/cli/", "dist/diagnostics/"]);
  });

  it.each(["check", "inspect"])("%s: the pipeline, but not the emitter, the runtime, typescript or prettier", (name) => {
    const mods = modulesOf(name);
    expect(mods).toContain("dist/coroutine/");
    for (const m of ["dist/emit/", "dist/runtime/", "dist/compile.js", "dist/index.js", ...heavy]) expect(mods, m).not.toContain(m);
  });

  it("run: the emitter and the runtime, but not typescript or prettier", () => {
    const mods = modulesOf("run");
    for (const m of ["dist/emit/", "dist/runtime/"]) expect(mods, m).toContain(m);
    for (const m of heavy) expect(mods, m).not.toContain(m);
  });

  it("compile --no-format: no prettier (and never typescript)", () => {
    const mods = modulesOf("compile --no-format");
    expect(mods).toContain("dist/emit/");
    for (const m of heavy) expect(mods, m).not.toContain(m);
  });

  it("compile: prettier, but not typescript", () => {
    expect(modulesOf("compile")).not.toContain("typescript");
  });
});
