// `pinion inspect FILE [--fn NAME] [--format text|json|mermaid|dot] [--dump mir|liveness]`: the state
// machine of every async fn and async block — its states, the locals each state stores, and the
// self-references between them — or, with `--dump`, a stage of the pipeline behind it.
//
//   $ pinion inspect main.rs                   every machine, as rustc's -Zprint-type-sizes lists it
//   $ pinion inspect main.rs --fn foo          only `foo` (also matches `Foo::foo`, `m::foo`)
//   $ pinion inspect main.rs --format json     {"file","machines":[…]} (the shape tests/layout reads)
//   $ pinion inspect main.rs --dump mir        the MIR of every fn, closure and async body
//   $ pinion inspect main.rs --dump liveness   the dataflow behind each layout, block by block
//
// Rendering is coroutine/render.ts (`renderLayouts`), mir/pretty.ts (`prettyBody`) and
// coroutine/dump.ts (`dumpLiveness`); this file only reads the file, runs the pipeline and picks.
// Exit codes: 0 done; 1 the file has errors (they go to stderr, and whatever could be analysed is still
// printed); 2 usage or I/O errors (unknown format or dump, unreadable file, no machine named by --fn);
// 70 an internal error in pinion.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { Session, sourceFile, type Analysis } from "../pipeline.js";
import { printTy } from "../resolve/print.js";
import type { DefId } from "../resolve/ty.js";
import { renderLayouts, type InspectFormat } from "../coroutine/render.js";
import { analyzeSuspendPoints } from "../coroutine/layout.js";
import { dumpLiveness } from "../coroutine/dump.js";
import { prettyBody } from "../mir/pretty.js";
import type { Body } from "../mir/types.js";
import { renderDiagnostics } from "../diagnostics/index.js";

const FORMATS: readonly InspectFormat[] = ["text", "json", "mermaid", "dot"];
const DUMPS = ["mir", "liveness"] as const;
type Dump = (typeof DUMPS)[number];

export interface InspectCliOptions {
  /** Only the machines (or, with `dump`, bodies) with this name or whose path ends in `::NAME`. */
  readonly fn?: string;
  /** Default `text`. */
  readonly format?: string;
  readonly dump?: string;
}

export interface InspectIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export function registerInspect(program: Command, setExit: (code: number) => void): void {
  program
    .command("inspect")
    .description("show the state machine of each async fn and async block: states, stored locals, self-references")
    .argument("<file>", "a Rust source file")
    .option("--fn <name>", "only the machine with this name (`foo`, `Foo::bar`, `{async block@12:5}`)")
    .option("--format <format>", "text, json, mermaid or dot", "text")
    .option("--dump <what>", "print a pipeline stage instead: mir or liveness")
    .action((path: string, opts: InspectCliOptions) => {
      setExit(runInspect(path, opts, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }));
    });
}

/** The whole command, with its I/O passed in; returns the exit code. Pass a `session` to share the
 *  parsed std stubs across calls (tests, benchmarks). */
export function runInspect(path: string, opts: InspectCliOptions, io: InspectIo, session?: Session): number {
  const format = opts.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr(`error: unknown format \`${format}\` (expected ${FORMATS.join(", ")})\n`);
    return 2;
  }
  if (opts.dump !== undefined && !(DUMPS as readonly string[]).includes(opts.dump)) {
    io.stderr(`error: unknown dump \`${opts.dump}\` (expected ${DUMPS.join(" or ")})\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    io.stderr(`error: cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }

  let analysis: Analysis;
  let out: string;
  try {
    analysis = (session ?? new Session()).analyze(sourceFile(path, text));
    const found = opts.dump !== undefined ? dumpStage(analysis, opts.dump as Dump, opts.fn) : machines(analysis, format as InspectFormat, opts.fn);
    if (found.missing) {
      reportErrors(analysis, io);
      io.stderr(`error: no ${found.what} named \`${opts.fn}\` in \`${path}\`${found.names.length ? `; there ${found.names.length === 1 ? "is" : "are"} ${found.names.map((n) => `\`${n}\``).join(", ")}` : ""}\n`);
      return 2;
    }
    out = found.text;
  } catch (e) {
    io.stderr(`error: internal error while inspecting \`${path}\`: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nplease report this as a bug in pinion\n`);
    return 70;
  }
  const errors = reportErrors(analysis, io);
  if (format === "text" && opts.dump === undefined && analysis.layouts.length === 0) io.stderr(`note: \`${path}\` has no async fn or async block\n`);
  else io.stdout(out);
  return errors ? 1 : 0;
}

/** Writes the file's errors to stderr, as rustc lays them out; true if there were any. */
function reportErrors(a: Analysis, io: InspectIo): boolean {
  const errors = a.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) io.stderr(renderDiagnostics("human", [{ file: a.file, diagnostics: errors }], { color: false }));
  return errors.length > 0;
}

interface Picked {
  readonly text: string;
  /** `--fn` named nothing: `names` are what there is. */
  readonly missing: boolean;
  readonly what: string;
  readonly names: readonly string[];
}

function matches(name: string, wanted: string | undefined): boolean {
  return wanted === undefined || name === wanted || name.endsWith(`::${wanted}`);
}

function typePrinter(a: Analysis): (ty: Parameters<typeof printTy>[1]) => string {
  const tcx = a.program?.tcx;
  return (ty) => (tcx ? printTy(tcx, ty) : "{unknown}");
}

function machines(a: Analysis, format: InspectFormat, fn: string | undefined): Picked {
  const layouts = a.layouts.filter((l) => matches(l.name, fn));
  const missing = fn !== undefined && layouts.length === 0;
  return { text: renderLayouts(layouts, format, { source: a.file, printTy: typePrinter(a) }), missing, what: "async fn or async block", names: a.layouts.map((l) => l.name) };
}

function dumpStage(a: Analysis, dump: Dump, fn: string | undefined): Picked {
  // The liveness dump explains layouts: only the bodies that have one.
  const candidates = dump === "mir" ? a.bodies : a.bodies.filter(isCoroutine);
  const bodies = candidates.filter((b) => matches(b.name, fn));
  const missing = fn !== undefined && bodies.length === 0;
  const what = dump === "mir" ? "fn, closure or async body" : "async fn or async block";
  const names = candidates.map((b) => b.name);
  const printTy = typePrinter(a);
  const texts = bodies.map((b) => {
    switch (dump) {
      case "mir":
        return prettyBody(b, { printTy, defName: defNamer(a), source: a.file });
      case "liveness":
        return dumpLiveness(b, analyzeSuspendPoints(b), { source: a.file });
    }
  });
  return { text: texts.join("\n"), missing, what, names };
}

function isCoroutine(b: Body): boolean {
  return b.kind === "asyncFn" || b.kind === "asyncBlock";
}

/** How MIR names a fn, const or type: `<String as From<&str>>::from`, `Counter::bump`, `Vec`, `a::f`. */
function defNamer(a: Analysis): (def: DefId) => string {
  const program = a.program;
  if (!program) return (def) => `def#${def}`;
  const tcx = program.tcx;
  return (def) => {
    const d = tcx.def(def);
    if (d.kind === "fn" && d.container.kind === "impl") {
      const h = tcx.implHeader(d.container.impl);
      const self = printTy(tcx, h.selfTy);
      if (!h.traitRef) return `${self}::${d.name}`;
      const args = h.traitRef.args.map((t) => printTy(tcx, t));
      return `<${self} as ${tcx.def(h.traitRef.trait).name}${args.length ? `<${args.join(", ")}>` : ""}>::${d.name}`;
    }
    if (d.kind === "fn" && d.container.kind === "trait") return `${tcx.def(d.container.trait).name}::${d.name}`;
    return tcx.path(def);
  };
}
