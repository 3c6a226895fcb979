// Every generated TypeScript file type-checks strictly (DESIGN.md "Generated TypeScript").
//
// Each program of tests/run-pass, tests/ub, examples and tests/lower/cases is compiled to TypeScript
// as `pinion compile FILE` prints it (flavour "ts", formatted with prettier, importing
// `pinion/runtime`), and all of them are checked by the TypeScript compiler in one Program — loading
// typescript and the runtime's types once — with `strict: true, noEmit: true`. `paths` maps
// `pinion/runtime` to src/runtime/index.ts, so the code is checked against the runtime being
// developed, not a stale dist/.
//
//   tests/run-pass/foo.rs  ──compile──▶  <root>/.pinion-tsc/tests/run-pass/foo.ts (in memory only)
//                                        import * as rt from "pinion/runtime";  → src/runtime/index.ts
//
// A file with errors fails with every error and its generated line:
//
//   TS2345 at foo.ts:41:17: Argument of type 'number' is not assignable to parameter of type 'bigint'.
//       41 |   const n: bigint = rt.add_u64(a, 1, "7:13");
//
// Files that do not type-check yet are listed in tests/run/known-failures.json (section "tsc", with the
// first error as the reason) and run under `it.fails`; see corpus.ts. The afterAll prints the errors
// by kind (TS code), the most frequent first, for whoever fixes the emitter; with PINION_TSC_DUMP=FILE
// it also writes every error as a JSON line.

import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import prettier from "prettier";
import ts from "typescript";
import { afterAll, beforeAll } from "vitest";
import { compile } from "../../src/compile.js";
import { Session } from "../../src/pipeline.js";
import { ROOT, corpusTests, group, oneLine, type Problem } from "./corpus.js";

const groups = [group("tests/run-pass"), group("tests/ub"), group("examples"), group("tests/lower/cases")];
const programs = groups.flatMap((g) => g.programs);

/** Where the generated files would be: under the repository root, so that its package.json ("type": "module") applies. */
const VIRTUAL_DIR = join(ROOT, ".pinion-tsc");
const virtualPath = (key: string) => join(VIRTUAL_DIR, key.replace(/\.rs$/, ".ts"));

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ["node"], // the runtime's entry point writes to process.stdout
  skipLibCheck: true,
  // As the runtime itself is compiled (tsconfig.json).
  useDefineForClassFields: false,
  esModuleInterop: true,
  baseUrl: ROOT,
  paths: { "pinion/runtime": ["src/runtime/index.ts"] },
};

interface FileError {
  readonly code: number;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly text: string;
}

interface Checked {
  /** Why there is no TypeScript (pinion refused or crashed); otherwise undefined. */
  readonly refused?: Problem;
  readonly errors: readonly FileError[];
}

const results = new Map<string, Checked>();
/** Errors in files that are not generated (the runtime's sources), by file. */
const elsewhere = new Map<string, FileError[]>();
const RUNTIME_KEY = "src/runtime";

beforeAll(async () => {
  const session = new Session();
  const files = new Map<string, string>();
  for (const p of programs) {
    try {
      const r = compile(session, p.key, readFileSync(p.path, "utf8"), { flavour: "ts" });
      if (r.code === undefined) {
        const first = r.diagnostics.find((d) => d.severity === "error") ?? r.diagnostics[0];
        results.set(p.key, { refused: { summary: `pinion compile refused: ${first ? `${first.code} ${oneLine(first.message)}` : "no code"}` }, errors: [] });
        continue;
      }
      // As `pinion compile` prints it, so that line numbers in the errors are the lines a reader sees.
      const code = await prettier.format(r.code, { parser: "typescript", printWidth: 110 });
      files.set(virtualPath(p.key), code);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      results.set(p.key, { refused: { summary: `crashed: ${oneLine(msg)}`, detail: e instanceof Error ? e.stack : undefined }, errors: [] });
    }
  }

  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, lang, true) : getSourceFile(name, lang, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host });
  // The generated code must have been checked against src/runtime, not dist/ nor nothing.
  if (files.size && !program.getSourceFile(join(ROOT, "src/runtime/index.ts")))
    throw new Error("`pinion/runtime` did not resolve to src/runtime/index.ts: the type-check would mean nothing");

  const byFile = new Map<string, FileError[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? "(global)";
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    const text = d.file ? (d.file.text.split("\n")[pos.line] ?? "") : "";
    const e = { code: d.code, line: pos.line + 1, col: pos.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, "\n"), text };
    byFile.set(name, [...(byFile.get(name) ?? []), e]);
  }
  for (const p of programs) {
    if (results.has(p.key)) continue;
    results.set(p.key, { errors: byFile.get(virtualPath(p.key)) ?? [] });
    byFile.delete(virtualPath(p.key));
  }
  for (const [name, errs] of byFile) elsewhere.set(name.startsWith(ROOT) ? relative(ROOT, name) : name, errs);
}, 600_000);

function describeError(file: string, e: FileError): string {
  return `TS${e.code} at ${file}:${e.line}:${e.col}: ${e.message}\n    ${String(e.line).padStart(4)} | ${e.text}`;
}

function check(key: string): Problem[] {
  if (key === RUNTIME_KEY) {
    const all = [...elsewhere].flatMap(([file, errs]) => errs.map((e) => ({ file, e })));
    if (!all.length) return [];
    const { file, e } = all[0]!;
    return [
      {
        summary: oneLine(`TS${e.code} at ${file}:${e.line}: ${e.message}`, 200),
        detail: all.slice(0, 30).map(({ file: f, e: x }) => describeError(f, x)).join("\n"),
      },
    ];
  }
  const r = results.get(key);
  if (!r) return [{ summary: "not checked (the type-check did not run)" }];
  if (r.refused) return [r.refused];
  if (!r.errors.length) return [];
  const name = key.split("/").pop()!.replace(/\.rs$/, ".ts");
  const e = r.errors[0]!;
  return [
    {
      summary: oneLine(`TS${e.code} at line ${e.line}: ${e.message}`, 200),
      detail: `${r.errors.length} error(s) in the TypeScript of ${key}:\n${r.errors.slice(0, 30).map((x) => describeError(name, x)).join("\n")}`,
    },
  ];
}

corpusTests(
  "tsc",
  [...groups, { name: "the runtime", cases: [{ key: RUNTIME_KEY, title: "src/runtime (errors in files the generated code imports)" }] }],
  check,
);

afterAll(() => {
  // PINION_TSC_DUMP=FILE: every error as JSON lines ({ file, code, line, col, message, text }), for triage.
  const dump = process.env.PINION_TSC_DUMP;
  if (dump) {
    const rows = [...results].flatMap(([file, r]) => r.errors.map((e) => JSON.stringify({ file, ...e })));
    writeFileSync(dump, rows.map((r) => `${r}\n`).join(""));
  }
  // The errors by kind, for whoever fixes the emitter: count, files, one example each.
  const kinds = new Map<number, { count: number; files: Set<string>; example: string }>();
  for (const [key, r] of results) {
    for (const e of r.errors) {
      const k = kinds.get(e.code) ?? { count: 0, files: new Set<string>(), example: describeError(key.replace(/\.rs$/, ".ts"), e) };
      k.count++;
      k.files.add(key);
      kinds.set(e.code, k);
    }
  }
  if (!kinds.size) return;
  const total = [...kinds.values()].reduce((n, k) => n + k.count, 0);
  const lines = [...kinds]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([code, k]) => `TS${code}: ${k.count} errors in ${k.files.size} files, e.g.\n  ${k.example.replace(/\n/g, "\n  ")}`);
  console.log(`tsc: ${total} errors in ${new Set([...results].filter(([, r]) => r.errors.length).map(([k]) => k)).size} generated files, by kind:\n${lines.join("\n")}`);
});
