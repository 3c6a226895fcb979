// `pinion compile FILE [-o OUT] [--runtime import|inline] [--lang ts|js]`: the program as TypeScript —
// one state-machine class per async fn and async block, the rest of the program as plain functions and
// classes — formatted with prettier.
//
//   $ pinion compile examples/01_self_referential_future.rs            the module on stdout
//   $ pinion compile foo.rs -o out/                                   out/foo.ts
//   $ pinion compile foo.rs -o foo.ts --runtime import:../pinion/runtime
//
// The module imports `pinion/runtime` and ends by running `main`. Exit codes: 0 written, 1 the program
// has errors (diagnostics on stderr, nothing written), 2 usage or I/O errors.

import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Session } from "../pipeline.js";
import { compile } from "../compile.js";
import { renderDiagnostics } from "../diagnostics/index.js";

export interface CompileCliOptions {
  readonly output?: string;
  readonly runtime: string;
  readonly lang: string;
  readonly format?: boolean;
}

/** The whole command with its I/O passed in; returns the exit code. src/cli/index.ts imports this
 *  module only when `compile` is asked for, and prettier is imported only when the output is formatted. */
export async function compileFile(path: string, opts: CompileCliOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void }, session = new Session()): Promise<number> {
  if (opts.lang !== "ts" && opts.lang !== "js") {
    io.stderr(`error: unknown language \`${opts.lang}\` (expected ts or js)\n`);
    return 2;
  }
  const inline = opts.runtime === "inline";
  if (!inline && opts.runtime !== "import" && !opts.runtime.startsWith("import:")) {
    io.stderr(`error: unknown runtime mode \`${opts.runtime}\` (expected import, import:SPECIFIER or inline)\n`);
    return 2;
  }
  const runtimeImport = opts.runtime.startsWith("import:") ? opts.runtime.slice("import:".length) : undefined;
  if (runtimeImport !== undefined && runtimeImport.trim() === "") {
    // `import * as rt from ""` would be written and fail only when the output is run.
    io.stderr("error: `--runtime import:` needs a module specifier after the colon, e.g. `import:../runtime/index.js`\n");
    return 2;
  }
  const flavour = opts.lang;
  if (inline && flavour !== "ts") {
    io.stderr("error: `--runtime inline` carries the runtime as TypeScript; use it with `--lang ts`\n");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    io.stderr(`error: cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const r = compile(session, path, text, {
    flavour,
    runtimeImport,
    inlineRuntime: inline ? (await import("../emit/inline-runtime.js")).inlineRuntime() : undefined,
  });
  if (r.diagnostics.length) io.stderr(renderDiagnostics("human", [{ file: r.analysis.file, diagnostics: [...r.diagnostics] }], { color: false }));
  if (r.code === undefined) return 1;
  let code = r.code;
  if (opts.format !== false) {
    const prettier = await import("prettier");
    code = await prettier.format(code, { parser: flavour === "ts" ? "typescript" : "babel", printWidth: 110 });
  }
  if (opts.output === undefined) {
    io.stdout(code);
    return 0;
  }
  let out = opts.output;
  const isDir = out.endsWith("/") || (exists(out) && statSync(out).isDirectory());
  if (isDir) {
    mkdirSync(out, { recursive: true });
    out = join(out, basename(path).replace(/\.rs$/, "") + `.${flavour}`);
  }
  try {
    writeFileSync(out, code);
  } catch (e) {
    io.stderr(`error: cannot write \`${out}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  return 0;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
