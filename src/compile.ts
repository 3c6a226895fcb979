// compile and run: the pipeline, the pinning checker's verdict on what rustc would reject, the emitter,
// and (for run) executing the emitted code on a fresh simulated machine.
//
//   pinion run foo.rs
//     analyze (pipeline.ts) ──▶ errors? print them, exit 1 (rustc would not build this program)
//     checkPinning          ──▶ an error rustc reports too (P0103 Pin::new on !Unpin, P0104 poll on an
//                               unpinned future)? exit 1. P0101/P0105 compile in rustc: run, and let the
//                               memory model catch the dangling pointer.
//     emitProgram (entry "function", flavour "js") ──▶ new Function("rt", code) ──▶ [main, spec]
//     runMain(main, spec, machine) ──▶ exit code; stdout and stderr through the machine's callbacks
//
// Nothing here does I/O: output goes to callbacks, files are the caller's business.

import { CATALOG } from "./diagnostics/catalog.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { Session, sourceFile, type Analysis } from "./pipeline.js";
import { checkPinning } from "./check/index.js";
import { emitProgram } from "./emit/index.js";
import type { Flavour } from "./emit/writer.js";
import * as runtime from "./runtime/index.js";
import type { MainSpec } from "./runtime/entry.js";

export interface CompileOptions {
  /** "ts" (annotated, for reading and tsc) or "js". */
  readonly flavour?: Flavour;
  /** Where the module imports the runtime from (default `pinion/runtime`). */
  readonly runtimeImport?: string;
  /** The runtime's text (`inlineRuntime()` of emit/inline-runtime.ts, loaded by the caller only when
   *  asked for: it is large) to carry in the module instead of importing it. */
  readonly inlineRuntime?: string;
}

export interface CompileResult {
  readonly analysis: Analysis;
  /** Undefined when the program cannot be compiled; the reasons are in `diagnostics`. */
  readonly code: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** `pinion compile`: a standalone module that imports the runtime and runs `main`. */
export function compile(session: Session, name: string, text: string, opts: CompileOptions = {}): CompileResult {
  const analysis = session.analyze(sourceFile(name, text));
  const refused = refusals(analysis);
  if (refused.length) return { analysis, code: undefined, diagnostics: refused };
  const e = emitProgram(analysis, { flavour: opts.flavour ?? "ts", entry: "standalone", instrument: false, runtimeImport: opts.runtimeImport, inlineRuntime: opts.inlineRuntime });
  return { analysis, code: e.code, diagnostics: [...analysis.diagnostics, ...e.diagnostics] };
}

export interface RunOptions {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly maxSteps?: number;
  readonly trace?: (event: runtime.TraceEvent) => void;
}

export interface RunResult {
  /** The process's exit code: as the rustc-built binary's, or 1 when the program was not run. */
  readonly exitCode: number;
  /** Why the program was not run (empty when it ran). */
  readonly diagnostics: readonly Diagnostic[];
  readonly analysis: Analysis;
}

/** `pinion run`: compiles and runs `main`, as the rustc-built binary would. */
export function run(session: Session, name: string, text: string, opts: RunOptions): RunResult {
  const analysis = session.analyze(sourceFile(name, text));
  const refused = refusals(analysis);
  if (refused.length) return { exitCode: 1, diagnostics: refused, analysis };
  const e = emitProgram(analysis, { flavour: "js", entry: "function", instrument: true });
  if (e.code === undefined) return { exitCode: 1, diagnostics: e.diagnostics, analysis };
  const [main, spec] = new Function("rt", e.code)(runtime) as [() => unknown, MainSpec];
  const m = new runtime.Machine({ file: spec.file, stdout: opts.stdout, stderr: opts.stderr, maxSteps: opts.maxSteps, trace: opts.trace });
  const exitCode = runtime.runMain(main, { ...spec, source: text }, m);
  return { exitCode, diagnostics: [], analysis };
}

/**
 * The errors that keep a program from being built: everything the pipeline reports as an error, and
 * the checker's errors for which rustc has an error code of its own (it rejects those programs too).
 * The returned list holds every diagnostic (warnings included) when there is at least one error.
 */
function refusals(analysis: Analysis): Diagnostic[] {
  const ds = [...analysis.diagnostics];
  if (analysis.program && !ds.some((d) => d.severity === "error")) {
    ds.push(...checkPinning(analysis, { notes: false }).filter((d) => d.severity === "error" && rustcRejects(d.code)));
  }
  return ds.some((d) => d.severity === "error") ? ds : [];
}

function rustcRejects(code: string): boolean {
  const info = CATALOG.find((c) => c.code === code);
  return !!info && (code.startsWith("P00") || info.rustcCodes.length > 0);
}
