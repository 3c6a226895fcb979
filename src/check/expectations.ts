// Inline expectations, the way rustc's UI tests write them, so that a teaching repository can keep
// examples that are *meant* to be wrong and still run `pinion check` over all of them in CI.
//
//   [rust]                                         [annotation]
//   let b = fut; //~ ERROR P0101                   {line: 7, kind: ERROR, code: P0101}
//   //~^ WARN P0102                                {line: 7, kind: WARN,  code: P0102}  (the line above)
//   //~| NOTE P0001                                the same line as the annotation before it
//
// A file that carries at least one annotation passes exactly when its diagnostics match them:
// every error and warning is annotated (same code, same line as its primary span; two on one line
// need two annotations) and every annotation is matched. Notes (P0001) are compared only in files
// that carry a NOTE annotation. Each mismatch becomes a diagnostic of its own, with a span, so it
// renders in every format:
//
//   error: expected `ERROR P0101` on line 33, but nothing like it is reported there     (at the `//~`)
//   error: `P0102` is reported here, but no `//~ WARN P0102` annotation expects it       (at the diagnostic)
//
// The text after the code is a free-form message and is not compared (tests/ui/README.md).

import { diagnostic, secondary, type Diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import type { SourceFile, Span } from "../syntax/source.js";

export type AnnotationKind = "ERROR" | "WARN" | "NOTE";

export interface Annotation {
  /** The line the expected diagnostic's primary span starts on. */
  readonly line: number;
  readonly kind: AnnotationKind;
  readonly code: string;
  readonly message: string;
  /** The `//~ …` comment itself. */
  readonly span: Span;
}

export interface Annotations {
  readonly annotations: readonly Annotation[];
  /** Annotations that could not be read. */
  readonly problems: readonly Diagnostic[];
}

const SEVERITY: Record<AnnotationKind, Severity> = { ERROR: "error", WARN: "warning", NOTE: "note" };

export function parseAnnotations(file: SourceFile): Annotations {
  const annotations: Annotation[] = [];
  const problems: Diagnostic[] = [];
  const text = file.text;
  let previous: number | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    lineNo++;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const source = text.slice(start, end);
    const at = source.indexOf("//~");
    if (at >= 0) {
      const span = { lo: start + at, hi: start + source.trimEnd().length };
      const m = source.slice(at + 3).match(/^(\^*|\|)\s*(ERROR|WARN|NOTE)\s+([A-Z]\d{4})\b\s*(.*?)\s*$/);
      if (!m) {
        problems.push(
          diagnostic("", "error", "cannot read this `//~` annotation", span, "expected `//~ ERROR P0101`, `//~^ WARN P0102` or `//~| NOTE P0001`", {
            notes: ["an annotation names a kind (ERROR, WARN or NOTE) and a code; `^` moves it one line up, `|` gives it the line of the annotation before it"],
          }),
        );
      } else {
        const [, adjust, kind, code, message] = m;
        let line: number | undefined;
        if (adjust === "|") {
          line = previous;
          if (line === undefined) problems.push(diagnostic("", "error", "`//~|` has no annotation before it to take its line from", span, "no annotation above"));
        } else {
          line = lineNo - adjust!.length;
        }
        if (line !== undefined) {
          annotations.push({ line, kind: kind as AnnotationKind, code: code!, message: message ?? "", span });
          previous = line;
        }
      }
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return { annotations, problems };
}

export interface ExpectationResult {
  /** The diagnostics the annotations expected. */
  readonly matched: readonly Diagnostic[];
  /** One diagnostic per mismatch (and per unreadable annotation). */
  readonly mismatches: readonly Diagnostic[];
}

/** Does the file compare notes (it carries at least one NOTE annotation)? */
export function comparesNotes(a: Annotations): boolean {
  return a.annotations.some((x) => x.kind === "NOTE");
}

export function matchExpectations(file: SourceFile, a: Annotations, diagnostics: readonly Diagnostic[]): ExpectationResult {
  const notes = comparesNotes(a);
  const open = [...a.annotations];
  const matched: Diagnostic[] = [];
  const unexpected: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity === "help" || (d.severity === "note" && !notes)) continue;
    const line = file.lineCol(d.span.lo).line;
    const i = open.findIndex((x) => x.line === line && x.code === d.code && SEVERITY[x.kind] === d.severity);
    if (i >= 0) {
      open.splice(i, 1);
      matched.push(d);
    } else {
      unexpected.push(d);
    }
  }
  const mismatches: Diagnostic[] = [...a.problems];
  for (const x of open) {
    const onLine = diagnostics.filter((d) => d.severity !== "help" && file.lineCol(d.span.lo).line === x.line);
    const labels = file.lineCol(x.span.lo).line !== x.line ? [secondary(lineSpan(file, x.line), `line ${x.line}`)] : [];
    const notesOut = onLine.length
      ? [`reported on line ${x.line}: ${onLine.map((d) => `${d.code || "(no code)"} (${d.severity})`).join(", ")}`]
      : [`pinion reports nothing on line ${x.line}`];
    mismatches.push(
      diagnostic("", "error", `expected \`${x.kind} ${x.code}\` on line ${x.line}, but it is not reported there`, x.span, "this annotation is not matched", {
        labels,
        notes: notesOut,
      }),
    );
  }
  for (const d of unexpected) {
    const line = file.lineCol(d.span.lo).line;
    const kind = d.severity === "error" ? "ERROR" : d.severity === "warning" ? "WARN" : "NOTE";
    const code = d.code || "(no code)";
    mismatches.push(
      diagnostic("", "error", `\`${code}\` is reported here, but no \`//~ ${kind} ${code}\` annotation expects it`, d.span, `not expected: ${d.message}`, {
        help: [`if the example is meant to show this, add \`//~ ${kind} ${code}\` at the end of line ${line}`],
      }),
    );
  }
  return { matched, mismatches };
}

/** The non-blank text of a 1-based line. */
function lineSpan(file: SourceFile, line: number): Span {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = file.text.indexOf("\n", start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const text = file.lineText(line);
  const lead = text.length - text.trimStart().length;
  return { lo: start + lead, hi: start + text.trimEnd().length };
}
