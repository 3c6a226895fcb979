// pinion's library API. No I/O: every function takes source text and returns values and diagnostics;
// output a program prints goes to callbacks. The CLI's commands (src/cli/) are these functions plus
// reading files and writing to the terminal.
//
//   import { Session, checkFile, compile, inspect, run, renderDiagnostics, explain } from "pinion";
//
//   const session = new Session();                      // pinion's std stubs, parsed once for every file
//   const text = readFileSync("main.rs", "utf8");
//
//   inspect(session, "main.rs", text, { format: "text" }).text     // the state machines (pinion inspect)
//   checkFile(session, "main.rs", text, { verbose: false })         // pinning diagnostics (pinion check)
//   compile(session, "main.rs", text, { flavour: "ts" }).code       // TypeScript (pinion compile), or
//                                                                   //   undefined and the reasons
//   run(session, "main.rs", text, { stdout, stderr }).exitCode      // the program's exit code (pinion run)
//   renderDiagnostics("human", [{ file, diagnostics }], { color: false })   // rustc's layout, json, sarif…
//   explain("P0101")                                                // the long explanation (pinion explain)
//
// One `Session` serves any number of files, and a file's result does not depend on the files analysed
// before it. Importing this module loads the whole compiler (the emitter and the runtime included); the
// CLI imports the modules behind each command directly, so that `check`, `inspect` and `explain` start
// without them (DESIGN.md "Performance").

import { printTy } from "./resolve/print.js";
import { renderLayouts, type InspectFormat } from "./coroutine/render.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { Session, sourceFile, type Analysis } from "./pipeline.js";

export { SourceFile } from "./syntax/source.js";
export type { Span } from "./syntax/source.js";
export type { Diagnostic, Label, Severity, FileDiagnostics } from "./diagnostics/diagnostic.js";

// The pipeline: parse → resolve → MIR → drop elaboration → coroutine layouts, one `Analysis` per file.
export { Session, sourceFile, type Analysis } from "./pipeline.js";

// `pinion compile` and `pinion run`: TypeScript (or JavaScript) text, and the program run on the
// simulated machine with its stdout, stderr and exit code.
export { compile, run, type CompileOptions, type CompileResult, type RunOptions, type RunResult } from "./compile.js";

// `pinion check`: the pinning checker on an analysis (`checkPinning`), or on a file with the earlier
// stages' diagnostics and its `//~ ERROR` expectations (`checkFile`).
export { checkFile, checkPinning, type CheckOptions, type FileCheckOptions, type FileReport } from "./check/index.js";

// Diagnostics as text: rustc's human layout, one line each, JSON, SARIF or GitHub workflow commands.
export { renderDiagnostics, OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from "./diagnostics/index.js";

// `pinion explain`: the long explanation of a code (undefined for an unknown code), the catalog.
export { explain, listCodes, codeInfo, CATALOG, type CodeInfo } from "./diagnostics/catalog.js";

export type { InspectFormat } from "./coroutine/render.js";

export interface InspectOptions {
  /** `text` (rustc's `-Zprint-type-sizes` shape), `json`, `mermaid` or `dot`. Default `text`. */
  readonly format?: InspectFormat;
  /** Only the machines named this, or whose path ends in `::NAME` (`bump` matches `Counter::bump`). */
  readonly fn?: string;
}

export interface InspectResult {
  readonly analysis: Analysis;
  /** The rendered state machines (empty for a text rendering of no machines). */
  readonly text: string;
  /** The pipeline's diagnostics: the layouts of a file with errors may be incomplete. */
  readonly diagnostics: readonly Diagnostic[];
  /** The names of every machine in the file, whether or not `fn` picked it. */
  readonly machines: readonly string[];
}

/**
 * `pinion inspect`: the state machine of every async fn and async block of a file — its states, the
 * locals stored in each, the self-references between them — rendered in one format.
 *
 *   inspect(session, "main.rs", text, { fn: "foo" }).text
 *   // type: `{async fn body of foo()}`                              main.rs:32:1
 *   //     variant `Unresumed`
 *   //     variant `Suspend0`: suspended at `.await`                 main.rs:35:20
 *   //         local `.s`: String                                    main.rs:33:9
 *   //     …
 */
export function inspect(session: Session, name: string, text: string, options: InspectOptions = {}): InspectResult {
  const analysis = session.analyze(sourceFile(name, text));
  const wanted = options.fn;
  const layouts = analysis.layouts.filter((l) => wanted === undefined || l.name === wanted || l.name.endsWith(`::${wanted}`));
  const tcx = analysis.program?.tcx;
  const rendered = renderLayouts(layouts, options.format ?? "text", {
    source: analysis.file,
    printTy: (ty) => (tcx ? printTy(tcx, ty) : "{unknown}"),
  });
  return { analysis, text: rendered, diagnostics: analysis.diagnostics, machines: analysis.layouts.map((l) => l.name) };
}
