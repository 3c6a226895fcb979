// The emitter's entry: an analysed program → one TypeScript (or JavaScript) module.
//
//   [rust]                                   [emitted, entry "standalone"]
//   async fn add(a: i32) -> i32 { … }        import * as rt from "pinion/runtime";
//   fn main() { … block_on(add(1)) … }       export class AddFuture { … }        (items.ts, coroutine.ts)
//                                            export function add(a) { return new AddFuture(a); }
//                                            export function main() { … }
//                                            rt.run_main(main, { file: "add.rs" });
//
// Entry "function" (what `pinion run` executes) leaves the import and the call out and ends with
// `return [main, spec]`: the code is the body of a `function (rt)`, so it runs without writing a file.
// Flavour "ts" annotates every binding for `tsc --strict`; flavour "js" is the same code without them.

import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Analysis } from "../pipeline.js";
import { def as defOf } from "../resolve/defs.js";
import { EmitContext } from "./context.js";
import { descOf } from "./desc.js";
import { deferredClasses, emitModule } from "./items.js";
import { jsString, type Flavour } from "./writer.js";

export interface EmitOptions {
  readonly flavour: Flavour;
  /** "standalone": a module that imports the runtime and runs `main`; "function": a function body. */
  readonly entry: "standalone" | "function" | "library";
  /** Count steps (`rt.tick`) so that `--max-steps` can stop a runaway program. */
  readonly instrument: boolean;
  /** Where a standalone module imports the runtime from. */
  readonly runtimeImport?: string;
  /** The runtime's text to carry instead of the import (`--runtime inline`). */
  readonly inlineRuntime?: string;
}

export interface Emitted {
  /** Undefined when the program cannot be emitted (errors in `diagnostics`). */
  readonly code: string | undefined;
  readonly diagnostics: Diagnostic[];
}

export function emitProgram(analysis: Analysis, opts: EmitOptions): Emitted {
  const diagnostics: Diagnostic[] = [];
  if (!analysis.program || hasErrors(analysis.diagnostics)) return { code: undefined, diagnostics };
  const ctx = new EmitContext(analysis, { flavour: opts.flavour, instrument: opts.instrument });
  let code: string;
  try {
    code = emitModule(ctx) + deferredClasses(ctx).join("\n") + "\n";
  } catch (e) {
    // A construct the emitter does not handle and did not report: never emit half a program.
    if (!ctx.diagnostics.length) throw e;
    code = "";
  }
  diagnostics.push(...ctx.diagnostics);
  if (opts.entry !== "library") {
    const main = mainEntry(ctx);
    if (typeof main !== "string") diagnostics.push(main);
    else if (opts.entry === "function") code += `return [main, ${main}];\n`;
    else code += `\nrt.run_main(main, ${main});\n`;
  }
  if (hasErrors(diagnostics)) return { code: undefined, diagnostics };
  if (opts.entry === "standalone" && opts.inlineRuntime !== undefined) {
    // A function replacement: the runtime's text contains `$` patterns a replacement string expands.
    const runtime = opts.inlineRuntime;
    code = code.replace(`import * as rt from "pinion/runtime";`, () => runtime);
  } else if (opts.entry === "standalone") {
    code = code.replace(`import * as rt from "pinion/runtime";`, `import * as rt from ${jsString(opts.runtimeImport ?? "pinion/runtime")};`);
  } else {
    code = code.replace(/^import \* as rt from "pinion\/runtime";\n/m, "");
    if (opts.entry === "function") code = code.replace(/^(\s*)export /gm, "$1");
  }
  return { code, diagnostics };
}

/** The `MainSpec` literal for `fn main`, or the diagnostic when there is none (rustc's E0601). */
function mainEntry(ctx: EmitContext): string | Diagnostic {
  const p = ctx.program;
  const body = p.bodies.find((b) => {
    const d = defOf(p.table, b.def, "fn");
    return d.container.kind === "free" && d.name === "main" && !d.std;
  });
  const file = ctx.file.name.split("/").pop()!;
  if (!body) {
    return diagnostic("P0005", "error", "`main` function not found in crate", { lo: 0, hi: 0 }, "", {
      notes: [`consider adding a \`main\` function to \`${file}\` (rustc: E0601)`],
    });
  }
  if (ctx.itemNames.get(body.def) !== "main") throw new Error("internal error: `main` was renamed");
  const fields = [`file: ${jsString(file)}`, `loc: ${ctx.loc(body.node.span)}`];
  if (body.node.isAsync) fields.push("async: true");
  const ret = ctx.tcx.fnSig(body.def).output;
  if (ret.k === "adt" && ret.def === ctx.lang.Result) fields.push(`errType: ${descOf(ctx, ret.args[1]!)}`);
  return `{ ${fields.join(", ")} }`;
}
