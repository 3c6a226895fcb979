// Small Rust programs checked through the whole pipeline, for resolve/'s tests: the errors pinion
// reports, the type it gave each named binding (printed as rustc prints types), and the program's
// output under `pinion run`. One Session per test process (parsing the std stubs is the slow part).

import { Session } from "../../src/pipeline.js";
import { run } from "../../src/compile.js";
import { SourceFile } from "../../src/syntax/source.js";
import { printTy } from "../../src/resolve/print.js";
import type { Program } from "../../src/resolve/index.js";

let session: Session | undefined;

function theSession(): Session {
  return (session ??= new Session());
}

export interface Checked {
  readonly program: Program;
  /** Error diagnostics as `CODE line:col message`. */
  readonly errors: string[];
  /** The type of the (last) binding of that name, as rustc prints it. */
  typeOf(name: string): string | undefined;
}

export function check(text: string): Checked {
  const file = new SourceFile("snippet.rs", text);
  const a = theSession().analyze(file);
  if (!a.program) throw new Error(`snippet did not parse: ${a.diagnostics.map((d) => d.message).join("; ")}`);
  const program = a.program;
  const errors = a.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${file.location(d.span).replace(/^snippet\.rs:/, "")} ${d.message}`);
  return {
    program,
    errors,
    typeOf(name) {
      const l = [...program.locals].reverse().find((x) => x.name === name);
      return l && printTy(program.tcx, l.ty);
    },
  };
}

/** `pinion run` on the snippet: stdout, stderr and the exit code. */
export function runSnippet(text: string): { stdout: string; stderr: string; exitCode: number; errors: string[] } {
  let stdout = "";
  let stderr = "";
  const r = run(theSession(), "snippet.rs", text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { stdout, stderr, exitCode: r.exitCode, errors: r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`) };
}
