// The pipeline from Rust text to coroutine layouts for tests that run on real programs, without the
// CLI: src/pipeline.ts's Session (parse → resolve → build MIR → elaborate drops → layout), one Session
// per test process so pinion's std stubs are parsed once.

import { Session, type Analysis } from "../../src/pipeline.js";
import { SourceFile } from "../../src/syntax/source.js";
import type { Program } from "../../src/resolve/index.js";

let session: Session | undefined;

export interface PipelineResult extends Analysis {
  readonly program: Program;
  /** Error diagnostics, as `CODE file:line:col message`. */
  readonly errors: string[];
}

export function runPipeline(name: string, text: string): PipelineResult {
  session ??= new Session();
  const file = new SourceFile(name, text);
  const a = session.analyze(file);
  const errors = a.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${file.location(d.span)} ${d.message}`);
  if (!a.program) throw new Error(`${name} did not parse: ${errors.join("; ")}`);
  return { ...a, program: a.program, errors };
}
