// `--runtime inline`: the runtime as one `namespace rt` (scripts/bundle-runtime.mjs), put in front of
// code that uses `rt.X`, makes one file that type-checks with `tsc --strict` — without @types/node or
// the DOM library — and runs under node once transpiled (tsc's transpileModule, as tsx would).
//
//   [the program below]                      [the file checked and run]
//   function main(): void { … rt.print … }   // The pinion runtime, inline. …  namespace rt { … } …
//   rt.run_main(main, { file: "inline.rs" }) function main(): void { … rt.print … }
//                                            rt.run_main(main, { file: "inline.rs" })
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { INLINE_RUNTIME } from "../../src/emit/inline-runtime.generated.js";
import { inlineRuntime } from "../../src/emit/inline-runtime.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

// fn main() {
//     let mut x = 41;
//     let p = &mut x;
//     *p += 1;
//     let n = futures::executor::block_on(std::future::ready(x));
//     let v = vec![1, 2, 3];
//     println!("{n:>5}|{v:?}|{}", String::from("héllo").len());
// }
const OK_PROGRAM = `
function main(): void {
  const $f = rt.frame("main", { x: 41 });
  const p: rt.Ptr<number> = rt.Ptr.to($f, "x", "3:13");
  p.set(p.get("4:5") + 1, "4:5");
  const n: number = rt.block_on(rt.ready($f.x), "5:13");
  const v: rt.RVec<number> = rt.vec_of([1, 2, 3], 4);
  const P: rt.FmtPiece[] = ["", { arg: 0, spec: { align: ">", width: rt.lit(5) } }, "|", { arg: 1, spec: { trait: "?" } }, "|", { arg: 2 }, "\\n"];
  rt.print(rt.fmt_args(P, [rt.arg(n, rt.T.i32), rt.arg(v, rt.T.vec(rt.T.i32)), rt.arg(rt.String_from("héllo").len(), rt.T.usize)]));
  rt.drop_in_place(v, "8:1");
  $f.$exit("8:1");
}
rt.run_main(main, { file: "inline.rs" });
`;

// fn main() { let o: Option<i32> = None; o.unwrap(); }
const PANIC_PROGRAM = `
function main(): void {
  const o: rt.Option<number> = rt.None();
  o.unwrap("1:42");
}
rt.run_main(main, { file: "panic.rs" });
`;

const PROGRAMS = {
  ok: OK_PROGRAM,
  panic: PANIC_PROGRAM,
  // A type error in the program: the check sees rt's types.
  wrong: `const n: string = rt.block_on(rt.ready(1), "1:1");\n`,
};

/**
 * Type-checks each program, behind the runtime, as one file (a module, as emitted code is) with
 * `tsc --strict` options, all in one program; the formatted errors by program.
 */
const typeErrors = memo((): Record<keyof typeof PROGRAMS, string> => {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    noUnusedLocals: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    lib: ["lib.es2022.d.ts"],
    types: [], // no @types/node: the bundle declares the Node globals it uses
  };
  const files = new Map(Object.entries(PROGRAMS).map(([name, code]) => [join(root, `inline-${name}.ts`), INLINE_RUNTIME + code + "export {};\n"]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const format = (diags: readonly ts.Diagnostic[]): string =>
    ts.formatDiagnostics(diags, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" });
  const global = format([...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()]);
  const byName = (name: string): string => {
    const sf = program.getSourceFile(join(root, `inline-${name}.ts`))!;
    return global + format([...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]);
  };
  return { ok: byName("ok"), panic: byName("panic"), wrong: byName("wrong") };
});

function memo<T>(f: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
}

/** Transpiles the file as tsx / transpileModule would and runs it with node. */
function run(program: string, useDefineForClassFields: boolean): { status: number | null; stdout: string; stderr: string } {
  const js = ts.transpileModule(INLINE_RUNTIME + program, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields },
    reportDiagnostics: true,
  });
  expect(js.diagnostics ?? []).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), "pinion-inline-"));
  const out = join(dir, "main.mjs");
  writeFileSync(out, js.outputText);
  const r = spawnSync(process.execPath, [out], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the inline runtime", () => {
  it("is up to date with src/runtime (scripts/bundle-runtime.mjs --check)", () => {
    execFileSync(process.execPath, [join(root, "scripts", "bundle-runtime.mjs"), "--check"], { cwd: root, stdio: "pipe" });
  });

  it("is what inlineRuntime() returns, one `namespace rt` block per module, no imports left", () => {
    expect(inlineRuntime()).toBe(INLINE_RUNTIME);
    expect(INLINE_RUNTIME).toMatch(/^\/\/ The pinion runtime, inline\. Generated by scripts\/bundle-runtime\.mjs/);
    expect(INLINE_RUNTIME).toContain("// ── src/runtime/memory.ts ");
    expect(INLINE_RUNTIME).not.toMatch(/^import /m);
    expect(INLINE_RUNTIME).not.toMatch(/^export \* from/m);
    // In node's evaluation order: memory.ts (Composite) before drop.ts, which wires itself into it, and
    // before the modules whose classes extend Composite.
    const at = (m: string): number => INLINE_RUNTIME.indexOf(`// ── src/runtime/${m} `);
    expect(at("memory.ts")).toBeLessThan(at("drop.ts"));
    expect(at("drop.ts")).toBeLessThan(at("task.ts"));
    expect(at("task.ts")).toBeLessThan(at("executor.ts"));
  });

  it("type-checks with a program using rt.*, under --strict, without @types/node", () => {
    expect(typeErrors().ok).toBe("");
  });

  it("reports a type error in the program (the check sees rt's types)", () => {
    expect(typeErrors().wrong).toMatch(/inline-wrong\.ts\(\d+,7\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it.each([true, false])("runs under node (useDefineForClassFields: %s)", (useDefine) => {
    expect(run(OK_PROGRAM, useDefine)).toEqual({ status: 0, stdout: "   42|[1, 2, 3]|6\n", stderr: "" });
  });

  it("ends a panicking program as rustc's binary does (stderr, exit 101)", () => {
    expect(typeErrors().panic).toBe("");
    const r = run(PANIC_PROGRAM, true);
    expect(r.status).toBe(101);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("thread 'main' panicked at panic.rs:1:42:\ncalled `Option::unwrap()` on a `None` value\n");
  });
});
