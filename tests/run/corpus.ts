// Shared by the behaviour harnesses (run-pass.test.ts, ub.test.ts, tsc.test.ts): where the programs
// are, what rustc recorded next to them, and the known-failures mechanism.
//
// A worked example. tests/run-pass/overflow_u8_add.rs has, next to it, what the rustc-built binary did
// (scripts/run-pass.mjs): `.stdout` byte for byte, `.exitcode` (`101`), `.stderr` (the panic message).
// run-pass.test.ts runs the program in-process and compares each; a difference is a `Problem`:
//
//   { summary: "stdout line 3: got \"level 20\", want \"level 220\"", detail: "<the whole stdout, both ways>" }
//
// `summary` is one line: it is what tests/run/known-failures.json records as the reason a program is
// known to fail. A program listed there runs under `it.fails` (the suite stays green while the emitter
// catches up); once it passes, its `it.fails` fails, and the list has to shrink. The list is rewritten
// from a run of the harnesses by `node scripts/known-failures.mjs --write`: in that mode
// (PINION_KNOWN_FAILURES_OUT=DIR) no test fails, and each harness writes `DIR/<section>.json`, its
// observed failures, for the script to merge.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Session } from "../../src/pipeline.js";
import { run } from "../../src/compile.js";
import { renderDiagnostics } from "../../src/diagnostics/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { SourceFile } from "../../src/syntax/source.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const KNOWN_FAILURES_FILE = join(ROOT, "tests/run/known-failures.json");
/** The step budget of an in-process run: the corpus programs need far fewer; a runaway loop stops. */
export const MAX_STEPS = 5_000_000;

/** A Rust program of a corpus. `key` is its path relative to the repository root (`../shared/...` too). */
export interface Program {
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly expect: Readonly<Record<string, string>>;
  readonly isUb: boolean;
}

/** `key: value` lines of an `X.expect` file (the format of ../shared/acceptance/ub/*.expect). */
export function readExpect(rsPath: string): Record<string, string> {
  const e: Record<string, string> = {};
  const path = rsPath.replace(/\.rs$/, ".expect");
  if (!existsSync(path)) return e;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = line.match(/^([\w-]+):\s*(.*)$/);
    if (m) e[m[1]!] = m[2]!.trim();
  }
  return e;
}

/**
 * The `.rs` programs of a folder (relative to the repository root), sorted; `undefined` when the folder
 * does not exist (../shared/acceptance is not in every checkout).
 */
export function programsIn(dir: string): Program[] | undefined {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return undefined;
  return readdirSync(abs)
    .filter((n) => n.endsWith(".rs"))
    .sort()
    .map((name) => {
      const path = join(abs, name);
      const expect = readExpect(path);
      return { key: relative(ROOT, path), path, name, expect, isUb: expect["ub-at"] !== undefined };
    });
}

/** Reads a sibling file of a program (`.stdout`, `.exitcode`, `.stderr`), or undefined. */
export function sibling(p: Program, ext: string): string | undefined {
  const file = p.path.replace(/\.rs$/, ext);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Running a program in-process

export interface Outcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Why pinion refused to run it (empty when it ran). */
  readonly diagnostics: readonly Diagnostic[];
  /** The compiler or runtime threw (an internal error): its message and the top of its stack. */
  readonly crash?: string;
  /** The analysed file (for rendering the diagnostics); absent after a crash. */
  readonly file?: SourceFile;
}

/** `pinion run`, in-process, on one program: stdout and stderr captured. */
export function runProgram(session: Session, p: Program): Outcome {
  const text = readFileSync(p.path, "utf8");
  let stdout = "";
  let stderr = "";
  try {
    // The path as the CLI gets it from the repository root; reports name its file part (`X.rs`), as
    // rustc does when it is run on the bare file name.
    const r = run(session, p.key, text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), maxSteps: MAX_STEPS });
    return { exitCode: r.exitCode, stdout, stderr, diagnostics: r.diagnostics, file: r.analysis.file };
  } catch (e) {
    const crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { exitCode: -1, stdout, stderr, diagnostics: [], crash };
  }
}

/** One difference from what was expected: a one-line summary and, for the test's message, the details. */
export interface Problem {
  readonly summary: string;
  readonly detail?: string;
}

/** The problems an outcome has before its output can be compared: a crash or a refusal. */
export function refusedOrCrashed(o: Outcome): Problem[] {
  if (o.crash !== undefined) {
    const lines = o.crash.split("\n");
    return [{ summary: `crashed: ${oneLine(lines[0]!)}`, detail: lines.slice(0, 12).join("\n") }];
  }
  if (o.diagnostics.length && o.file) {
    const human = renderDiagnostics("human", [{ file: o.file, diagnostics: [...o.diagnostics] }], { color: false });
    const first = o.diagnostics.find((d) => d.severity === "error") ?? o.diagnostics[0]!;
    return [{ summary: `refused: ${first.code ? `${first.code} ` : ""}${oneLine(first.message)}`, detail: human }];
  }
  return [];
}

/** The first line where two texts differ, as a summary, and both texts in full as the detail. */
export function textDiff(label: string, got: string, want: string): Problem {
  const a = got.split("\n");
  const b = want.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const g = i < a.length ? JSON.stringify(a[i]) : "end of output";
  const w = i < b.length ? JSON.stringify(b[i]) : "end of output";
  const from = Math.max(0, i - 3);
  const show = (xs: string[]) => xs.slice(from, i + 4).map((l, k) => `${String(from + k + 1).padStart(4)} | ${l}`).join("\n");
  return {
    summary: oneLine(`${label} line ${i + 1}: got ${g}, want ${w}`),
    detail: `--- ${label} (want, recorded from rustc)\n${show(b)}\n--- ${label} (got, pinion)\n${show(a)}`,
  };
}

/** Squeezes a message onto one line of at most `max` characters. */
export function oneLine(s: string, max = 160): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The message a failing test throws: the summaries, then the details. */
export function report(problems: readonly Problem[]): string {
  return [...problems.map((p) => p.summary), ...problems.flatMap((p) => (p.detail ? ["", p.detail] : []))].join("\n");
}

// ---------------------------------------------------------------------------------------------------
// The known-failures mechanism

export type Section = "run" | "ub" | "tsc";

/** tests/run/known-failures.json: per harness, program key → the one-line reason it fails. */
export function loadKnownFailures(section: Section): Record<string, string> {
  if (!existsSync(KNOWN_FAILURES_FILE)) return {};
  const all = JSON.parse(readFileSync(KNOWN_FAILURES_FILE, "utf8")) as Partial<Record<Section, Record<string, string>>>;
  return all[section] ?? {};
}

/** Set by scripts/known-failures.mjs --write: record the failures instead of asserting. */
const RECORD_DIR = process.env.PINION_KNOWN_FAILURES_OUT;

/** The cases of one folder, or why the folder is skipped. */
export interface Group {
  readonly name: string;
  readonly cases: readonly { key: string; title?: string }[];
  /** When set, the folder is skipped with this reason (printed). */
  readonly skipped?: string;
}

/**
 * Defines one test per case, in a describe block per group. A case whose key is in the known-failures
 * list runs under `it.fails`; the others must pass. In record mode every test passes and the observed
 * failures are written for scripts/known-failures.mjs.
 */
export function corpusTests(section: Section, groups: readonly Group[], check: (key: string) => Problem[] | Promise<Problem[]>): void {
  const known = loadKnownFailures(section);
  const observed: Record<string, string> = {};
  const keys = new Set(groups.flatMap((g) => g.cases.map((c) => c.key)));

  if (RECORD_DIR) {
    afterAll(() => {
      mkdirSync(RECORD_DIR, { recursive: true });
      const failures = Object.fromEntries(Object.keys(observed).sort().map((k) => [k, observed[k]!]));
      const skipped = groups.filter((g) => g.skipped !== undefined).map((g) => g.name);
      writeFileSync(join(RECORD_DIR, `${section}.json`), `${JSON.stringify({ cases: [...keys].sort(), skipped, failures }, null, 2)}\n`);
    });
  }

  for (const g of groups) {
    if (g.skipped !== undefined) {
      console.log(`[${section}] skipping ${g.name}: ${g.skipped}`);
      it.skip(`${g.name}: skipped, ${g.skipped}`, () => {});
      continue;
    }
    describe(g.name, () => {
      for (const c of g.cases) {
        const title = c.title ?? c.key;
        const reason = known[c.key];
        if (RECORD_DIR) {
          it(title, async () => {
            const problems = await check(c.key);
            if (problems.length) observed[c.key] = problems[0]!.summary;
          });
        } else if (reason === undefined) {
          it(title, async () => {
            const problems = await check(c.key);
            if (problems.length) throw new Error(report(problems));
          });
        } else {
          // FIXME: a known failure, listed with its reason in tests/run/known-failures.json. When this
          // `it.fails` fails, the program passes now: remove its entry (or run
          // `node scripts/known-failures.mjs --write`) so that it is tested for real.
          it.fails(`${title} [known failure: ${reason}]`, async () => {
            const problems = await check(c.key);
            if (problems.length) throw new Error(report(problems));
            console.error(
              `STALE known failure: ${c.key} passes now. Remove it from section "${section}" of ` +
                `tests/run/known-failures.json (or run \`node scripts/known-failures.mjs --write\`). ` +
                `It was listed because: ${reason}`,
            );
          });
        }
      }
    });
  }

  if (!RECORD_DIR) {
    it(`known-failures.json: section "${section}" names only programs of this harness`, () => {
      // A folder skipped in this checkout keeps its entries.
      const skippedDirs = groups.filter((g) => g.skipped !== undefined).map((g) => g.name);
      const gone = Object.keys(known).filter((k) => !keys.has(k) && !skippedDirs.some((d) => k.startsWith(`${d}/`)));
      expect(
        gone,
        `STALE entries in section "${section}" of tests/run/known-failures.json: these programs are no longer in the ` +
          "corpus; remove them (or run `node scripts/known-failures.mjs --write`)",
      ).toEqual([]);
    });
  }
}

/** A group per folder: its programs (those `filter` keeps), or skipped when the folder is absent. */
export function group(dir: string, filter: (p: Program) => boolean = () => true): Group & { programs: Program[] } {
  const programs = programsIn(dir);
  if (programs === undefined) return { name: dir, cases: [], programs: [], skipped: "the folder does not exist in this checkout" };
  const kept = programs.filter(filter);
  return { name: dir, cases: kept.map((p) => ({ key: p.key, title: p.name })), programs: kept };
}
