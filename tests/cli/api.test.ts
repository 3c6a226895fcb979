// The library API (src/index.ts) as a user of the package sees it: imported from the built
// `dist/index.js` (what `import … from "pinion"` resolves to), one Session for every call, no I/O —
// source text in, values and diagnostics out, a program's output through callbacks. Also the package's
// `exports`: both entry points resolve, by name, to files the build produced.
//
// Expected values: SUM's output is reasoned in tests/cli/programs.ts; examples/03's diagnostics are its
// .expect file's `check-codes`; the inspect text of examples/01's `foo` is the one README.md shows; the
// panic is tests/run-pass/async_panic_unwrap's recorded rustc output.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as pinion from "../../dist/index.js";
import { SUM } from "./programs.js";

const { Session, compile, run, checkFile, checkPinning, renderDiagnostics, inspect, explain, sourceFile, OUTPUT_FORMATS } = pinion;

let session: InstanceType<typeof Session>;
beforeAll(() => {
  session = new Session();
});

const read = (p: string) => readFileSync(p, "utf8");

function runCaptured(name: string, text: string) {
  let stdout = "";
  let stderr = "";
  const r = run(session, name, text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { exitCode: r.exitCode, stdout, stderr, diagnostics: r.diagnostics };
}

describe("the surface", () => {
  it("exports what src/index.ts's header documents", () => {
    for (const name of ["Session", "sourceFile", "SourceFile", "compile", "run", "checkFile", "checkPinning", "renderDiagnostics", "OUTPUT_FORMATS", "inspect", "explain", "listCodes", "codeInfo", "CATALOG"]) {
      expect(pinion, name).toHaveProperty(name);
    }
    expect(OUTPUT_FORMATS).toEqual(["human", "short", "json", "sarif", "github"]);
  });
});

describe("compile", () => {
  it("TypeScript text for a program, no diagnostics", () => {
    const r = compile(session, "sum.rs", SUM, { flavour: "ts" });
    expect(r.diagnostics).toEqual([]);
    expect(r.code).toContain('import * as rt from "pinion/runtime";');
    expect(r.code).toContain("export class AddFuture");
    for (const state of ["// Unresumed", "// Suspend0", "// Returned", "// Panicked"]) expect(r.code).toContain(state);
  });

  it("JavaScript, and a runtime specifier of the caller's choice", () => {
    const r = compile(session, "sum.rs", SUM, { flavour: "js", runtimeImport: "./rt.js" });
    expect(r.code).toContain('import * as rt from "./rt.js";');
    expect(r.code).toContain("export function add($p0, $p1) {");
  });

  it("no code and the reasons for a program that does not compile", () => {
    const r = compile(session, "bad.rs", "fn main() {\n    let x: i32 = 1 +;\n}\n");
    expect(r.code).toBeUndefined();
    expect(r.diagnostics[0]?.code).toBe("P0002");
    expect(r.diagnostics[0]?.severity).toBe("error");
  });
});

describe("run", () => {
  it("the program's stdout through the callback, exit 0", () => {
    expect(runCaptured("sum.rs", SUM)).toEqual({ exitCode: 0, stdout: "sum 5 after 2 polls\n", stderr: "", diagnostics: [] });
  });

  it("a panic: exit 101, rustc's message through the stderr callback", () => {
    const r = runCaptured("async_panic_unwrap.rs", read("tests/run-pass/async_panic_unwrap.rs"));
    expect(r.exitCode).toBe(101);
    expect(r.stdout).toBe(read("tests/run-pass/async_panic_unwrap.stdout"));
    expect(r.stderr).toBe(read("tests/run-pass/async_panic_unwrap.stderr").replace(/^\n(?=thread ')/, ""));
  });

  it("a program with errors is not run: exit 1, the diagnostics returned (not printed)", () => {
    const r = runCaptured("bad.rs", 'fn main() {\n    println!("never");\n    let x: i32 = 1 +;\n}\n');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
    expect(r.diagnostics.map((d) => d.code)).toContain("P0002");
  });

  it("one Session, many files: a file's result does not depend on what ran before", () => {
    const first = runCaptured("sum.rs", SUM);
    runCaptured("async_panic_unwrap.rs", read("tests/run-pass/async_panic_unwrap.rs"));
    expect(runCaptured("sum.rs", SUM)).toEqual(first);
  });
});

describe("check and renderDiagnostics", () => {
  const name = "examples/03_self_ref_struct_moved.rs";
  const wantCodes = /^check-codes: (.*)$/m.exec(read("examples/03_self_ref_struct_moved.expect"))![1]!.trim().split(/\s+/);

  it("checkFile: the codes and lines of the example's .expect", () => {
    expect(wantCodes).toEqual(["P0201:14", "P0101:37"]);
    const report = checkFile(session, name, read(name), { verbose: false });
    expect(report.annotated).toBe(false);
    const lines = report.diagnostics.map((d) => `${d.code}:${report.file.lineCol(d.span.lo).line}`);
    expect(lines).toEqual(wantCodes);
    expect(report.counted).toEqual(report.diagnostics);
  });

  it("checkPinning on an analysis: the checker's diagnostics; with notes, P0001 too", () => {
    const analysis = session.analyze(sourceFile(name, read(name)));
    expect(checkPinning(analysis, { notes: false }).map((d) => d.code)).toEqual(["P0201", "P0101"]);
    // examples/01 is correct, but both of its futures hold a borrow of a local across an `.await`:
    // `&s` at 34:13 in `foo`, `&x` at 42:19 in `print_pair` — P0001 notes, shown only when asked for.
    const ok = session.analyze(sourceFile("examples/01_self_referential_future.rs", read("examples/01_self_referential_future.rs")));
    expect(checkPinning(ok, { notes: false })).toEqual([]);
    const notes = checkPinning(ok, { notes: true }).map((d) => {
      const { line, column } = ok.file.lineCol(d.span.lo);
      return `${d.code}:${line}:${column} ${d.severity}`;
    });
    expect(notes).toEqual(["P0001:34:13 note", "P0001:42:19 note"]);
  });

  describe("each format", () => {
    const batches = () => {
      const report = checkFile(session, name, read(name), { verbose: false });
      return [{ file: report.file, diagnostics: report.diagnostics }];
    };

    it("human: rustc's layout and summary", () => {
      const text = renderDiagnostics("human", batches(), { color: false });
      expect(text).toMatch(/^warning\[P0201\]: .*\n  --> examples\/03_self_ref_struct_moved\.rs:14:8\n/);
      expect(text).toContain("error[P0101]: ");
      expect(text).toContain("  --> examples/03_self_ref_struct_moved.rs:37:17\n");
      expect(text).toContain("error: aborting due to 1 previous error; 1 warning emitted\n");
      expect(text).not.toContain("\x1b[");
      expect(renderDiagnostics("human", batches(), { color: true })).toContain("\x1b[");
    });

    it("short: one line each, then the summary", () => {
      const lines = renderDiagnostics("short", batches(), { color: false }).trimEnd().split("\n");
      expect(lines.map((l) => l.replace(/\]: .*/, "]"))).toEqual([
        "examples/03_self_ref_struct_moved.rs:14:8: warning[P0201]",
        "examples/03_self_ref_struct_moved.rs:37:17: error[P0101]",
        "error: aborting due to 1 previous error; 1 warning emitted",
      ]);
    });

    it("json: DESIGN.md's document, 1-based lines and columns", () => {
      const doc = JSON.parse(renderDiagnostics("json", batches(), { color: false }));
      expect(doc.diagnostics.map((d: { code: string; severity: string; file: string; line: number; column: number }) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
        ["P0201", "warning", name, 14, 8],
        ["P0101", "error", name, 37, 17],
      ]);
      for (const d of doc.diagnostics) expect(Object.keys(d)).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "labels", "notes", "help"]);
    });

    it("sarif: SARIF 2.1.0 with one result each", () => {
      const doc = JSON.parse(renderDiagnostics("sarif", batches(), { color: false }));
      expect(doc.version).toBe("2.1.0");
      const results = doc.runs[0].results;
      expect(results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
        ["P0201", "warning"],
        ["P0101", "error"],
      ]);
      expect(results[1].locations[0].physicalLocation.region.startLine).toBe(37);
    });

    it("github: one workflow command each", () => {
      const lines = renderDiagnostics("github", batches(), { color: false }).trimEnd().split("\n");
      expect(lines.map((l) => l.replace(/,endLine.*/, ""))).toEqual([
        `::warning file=${name},line=14,col=8`,
        `::error file=${name},line=37,col=17`,
      ]);
    });

    it("nothing to render: empty human output", () => {
      expect(renderDiagnostics("human", [{ file: sourceFile("sum.rs", SUM), diagnostics: [] }], { color: false })).toBe("");
    });
  });
});

describe("inspect", () => {
  const name = "examples/01_self_referential_future.rs";

  it("json: the machines, the locals each state stores, the self-references", () => {
    const r = inspect(session, name, read(name), { format: "json" });
    expect(r.diagnostics).toEqual([]);
    expect(r.machines).toEqual(["some_async_op", "foo", "print_pair"]);
    const doc = JSON.parse(r.text);
    expect(doc.file).toBe(name);
    const foo = doc.machines.find((m: { name: string }) => m.name === "foo");
    expect(foo.states.map((s: { name: string }) => s.name)).toEqual(["Unresumed", "Returned", "Panicked", "Suspend0"]);
    const suspend0 = foo.states[3];
    expect(suspend0.awaitLine).toBe(35);
    expect(suspend0.locals.map((l: { name: string; type: string }) => `${l.name}: ${l.type}`)).toEqual(["s: String", "r: &String", "__awaitee: {async fn body of some_async_op()}"]);
    expect(suspend0.selfRefs).toEqual([{ from: "r", to: "s" }]);
  });

  it("text with `fn`: the block README.md shows for `pinion inspect … --fn foo`", () => {
    const readme = read("README.md");
    const start = readme.indexOf(`$ npx pinion inspect ${name} --fn foo\n`);
    expect(start).toBeGreaterThan(-1);
    const block = readme.slice(readme.indexOf("\n", start) + 1, readme.indexOf("```", start));
    const r = inspect(session, name, read(name), { fn: "foo" });
    expect(r.text).toBe(block);
    expect(r.machines).toEqual(["some_async_op", "foo", "print_pair"]);
  });
});

describe("explain", () => {
  it("the long explanation of a code, undefined for an unknown one", () => {
    const text = explain("P0101")!;
    expect(text.split("\n")[0]).toBe("P0101: a pinned value is moved after it was pinned and used");
    // The heading, then the Markdown that `pinion explain` is generated from (its first paragraph here;
    // the generator rewrites code fences).
    const firstParagraph = read("src/diagnostics/explanations/P0101.md").split("\n\n")[0]!;
    expect(text.startsWith(`P0101: a pinned value is moved after it was pinned and used\n\n${firstParagraph}\n\n`)).toBe(true);
    expect(explain("P9999")).toBeUndefined();
  });
});

describe("package.json exports", () => {
  const pkg = JSON.parse(read("package.json"));

  it("every entry point (and the types and the bin) is a file the build produced", () => {
    expect(pkg.exports).toEqual({ ".": "./dist/index.js", "./runtime": "./dist/runtime/index.js" });
    for (const target of [...Object.values(pkg.exports as Record<string, string>), pkg.main, pkg.types, pkg.bin.pinion]) {
      expect(existsSync(target), target).toBe(true);
    }
  });

  it("`pinion` and `pinion/runtime` resolve by name (as generated code imports the runtime)", () => {
    const script = `
      const api = await import("pinion");
      const rt = await import("pinion/runtime");
      console.log(JSON.stringify([import.meta.resolve("pinion"), import.meta.resolve("pinion/runtime"), typeof api.compile, typeof rt.run_main, typeof rt.Machine]));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: resolve("."), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([pathToFileURL(resolve("dist/index.js")).href, pathToFileURL(resolve("dist/runtime/index.js")).href, "function", "function", "function"]);
  });
});
