// `pinion inspect FILE [--fn NAME] [--format text|json|mermaid|dot] [--dump mir|liveness]`: the state
// machine of every async fn and async block — its states, the locals each state stores, and the
// self-references between them.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { Session, sourceFile, type Analysis } from "../pipeline.js";
import { printTy } from "../resolve/print.js";
import type { Layout } from "../coroutine/layout.js";
import { renderDiagnostics } from "../diagnostics/index.js";

export function registerInspect(program: Command, setExit: (code: number) => void): void {
  program
    .command("inspect")
    .description("show the state machine of each async fn and async block: states, stored locals, self-references")
    .argument("<file>", "a Rust source file")
    .option("--fn <name>", "only the machine with this name (`foo`, `Foo::bar`, `{async block@12:5}`)")
    .option("--format <format>", "text, json, mermaid or dot", "text")
    .option("--dump <what>", "print a pipeline stage instead: mir or liveness")
    .action((path: string, opts: { fn?: string; format: string; dump?: string }) => {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (e) {
        process.stderr.write(`error: cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
        setExit(2);
        return;
      }
      if (!["text", "json", "mermaid", "dot"].includes(opts.format)) {
        process.stderr.write(`error: unknown format \`${opts.format}\` (expected text, json, mermaid or dot)\n`);
        setExit(2);
        return;
      }
      const session = new Session();
      const analysis = session.analyze(sourceFile(path, text));
      const errors = analysis.diagnostics.filter((d) => d.severity === "error");
      if (errors.length) {
        process.stderr.write(renderDiagnostics("human", [{ file: analysis.file, diagnostics: errors }], { color: false }));
      }
      let layouts = analysis.layouts;
      if (opts.fn) layouts = layouts.filter((l) => l.name === opts.fn || l.name.endsWith(`::${opts.fn}`));
      if (opts.format === "json") process.stdout.write(JSON.stringify(inspectJson(analysis, layouts), null, 2) + "\n");
      else process.stdout.write(inspectText(analysis, layouts));
      if (errors.length) setExit(1);
    });
}

/** The JSON shape `../shared/acceptance/check.mjs` reads. */
export function inspectJson(a: Analysis, layouts: readonly Layout[]): unknown {
  const tcx = a.program?.tcx;
  const ty = (t: Parameters<typeof printTy>[1]) => (tcx ? printTy(tcx, t) : "?");
  const line = (lo: number) => a.file.lineCol(lo).line;
  return {
    file: a.file.name,
    machines: layouts.map((m) => {
      const lc = a.file.lineCol(m.span.lo);
      return {
        name: m.name,
        kind: m.kind,
        line: lc.line,
        column: lc.column,
        states: m.states.map((s) => ({
          name: s.name,
          awaitLine: s.await ? line(s.await.span.lo) : null,
          locals: [
            ...m.upvars.map((u) => ({ name: u.name, kind: "upvar", type: ty(u.ty), line: lc.line })),
            ...s.locals.map((l) => ({ name: l.kind === "temp" ? `_${l.local}` : l.name ?? `_${l.local}`, kind: l.kind, type: ty(l.ty), line: line(l.span.lo) })),
          ],
          selfRefs: s.selfRefs.map((r) => ({
            from: nameOf(s.locals, r.from),
            to: nameOf(s.locals, r.to),
          })),
        })),
      };
    }),
  };
}

function nameOf(locals: Layout["states"][number]["locals"], local: number): string {
  const l = locals.find((x) => x.local === local);
  return l?.name ?? `_${local}`;
}

function inspectText(a: Analysis, layouts: readonly Layout[]): string {
  const tcx = a.program?.tcx;
  const out: string[] = [];
  for (const m of layouts) {
    out.push(`type: \`${m.kind === "async fn" ? `{async fn body of ${m.name}()}` : m.name}\``);
    for (const s of m.states) {
      const at = s.await ? ` (\`.await\` at ${a.file.location(s.await.awaitSpan)})` : "";
      out.push(`    variant \`${s.name}\`${at}`);
      for (const u of m.upvars) out.push(`        upvar \`.${u.name}\`: ${tcx ? printTy(tcx, u.ty) : "?"}`);
      for (const l of s.locals) {
        const where = a.file.lineCol(l.span.lo).line;
        out.push(`        ${l.kind === "temp" ? "temp" : `local \`.${l.name}\``}: ${tcx ? printTy(tcx, l.ty) : "?"} (line ${where})`);
      }
      for (const r of s.selfRefs) out.push(`        ${nameOf(s.locals, r.from)} ──▶ ${nameOf(s.locals, r.to)}`);
    }
    out.push("");
  }
  return out.join("\n");
}
