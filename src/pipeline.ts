// The pipeline, as one function per stage, run in order on one source file:
//
//   parse (syntax/) → resolve + type check (resolve/) → build MIR (mir/) → elaborate drops →
//   coroutine layouts (coroutine/)
//
// A `Session` holds what every file shares — pinion's std stubs, parsed once, their definitions
// collected and the headers of their impls computed once (resolve/'s `prepareStd`) — so that many
// files are analysed in one process without paying for it again (DESIGN.md "Performance": pinion wins
// by doing many files in one process). Nothing here does I/O, but for reading the std stubs' AST that
// the build cached (std-cache.ts).

import type * as ast from "./syntax/ast.js";
import { parse } from "./syntax/index.js";
import { SourceFile } from "./syntax/source.js";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { prepareStd, resolveProgram, solverFor, stdStubsFile, type Program, type StdContext } from "./resolve/index.js";
import { buildBodies } from "./mir/build.js";
import { dropElabContext } from "./mir/context.js";
import { elaborateDrops } from "./mir/elaborate.js";
import type { Body } from "./mir/types.js";
import { computeLayout, type Layout } from "./coroutine/layout.js";
import { readStdCache } from "./std-cache.js";

export interface Analysis {
  readonly file: SourceFile;
  readonly crate: ast.Crate;
  /** Undefined when parsing failed too badly to go on. */
  readonly program: Program | undefined;
  /** MIR after drop elaboration, one per fn / closure / async body. */
  readonly bodies: readonly Body[];
  /** The layout of every async fn and async block, in source order. */
  readonly layouts: readonly Layout[];
  readonly diagnostics: Diagnostic[];
}

export class Session {
  private readonly std: StdContext;

  constructor() {
    const stubs = stdStubsFile();
    // Parsed when pinion was built (std-cache.ts), or now.
    const std = readStdCache(stubs.text) ?? parse(stubs);
    // The stubs declare signatures without bodies, which user code may not do; nothing else is allowed.
    const real = std.diagnostics.filter((d) => !/without (a )?body/.test(d.message));
    if (real.length) throw new Error(`internal error: pinion's std stubs do not parse: ${real[0]!.message} (please report this as a bug in pinion)`);
    // Their definitions and impl headers too, once: each file's resolution starts from a copy.
    this.std = prepareStd(std.value);
  }

  /** Parses a file: the AST and the syntax diagnostics. */
  parse(file: SourceFile): { crate: ast.Crate; diagnostics: Diagnostic[] } {
    const r = parse(file);
    return { crate: r.value, diagnostics: r.diagnostics };
  }

  /** Runs the pipeline up to the coroutine layouts. */
  analyze(file: SourceFile): Analysis {
    const parsed = parse(file);
    const diagnostics = [...parsed.diagnostics];
    if (hasErrors(parsed.diagnostics) && parsed.value.items.length === 0) {
      return { file, crate: parsed.value, program: undefined, bodies: [], layouts: [], diagnostics };
    }
    const resolved = resolveProgram(file, parsed.value, this.std);
    // After a syntax error the tree has holes (a missing operand, a cut-off call) that later stages
    // would report again as unknown names and uninferable types: rustc stops at such errors, and so do
    // the diagnostics here. Analysis goes on, for `inspect` to show what it can.
    diagnostics.push(...(hasErrors(parsed.diagnostics) ? resolved.diagnostics.filter((d) => d.code === "P0003") : resolved.diagnostics));
    const program = resolved.value;
    const built = buildBodies(program);
    const bodies: Body[] = [];
    const layouts: Layout[] = [];
    for (const b of built) {
      const elaborated = elaborateDrops(b, dropElabContext(program, solverFor(program, b.def)));
      bodies.push(elaborated);
      if (b.kind === "asyncFn" || b.kind === "asyncBlock") layouts.push(computeLayout(elaborated));
    }
    layouts.sort((a, b) => a.span.lo - b.span.lo);
    return { file, crate: parsed.value, program, bodies, layouts, diagnostics };
  }
}

export function sourceFile(name: string, text: string): SourceFile {
  return new SourceFile(name, text);
}
