// The JSON renderer: one document for all files, in the shape DESIGN.md gives for
// `pinion check --format json`.
//
// In:  the P0101 diagnostic of the human renderer's example, in src/main.rs.
// Out (one line; spread out here):
//
//   {"diagnostics":[{"code":"P0101","severity":"error",
//     "message":"`fut` is moved after it was pinned and polled",
//     "file":"src/main.rs","line":31,"column":21,"endLine":31,"endColumn":24,
//     "labels":[{"message":"moved here while pinned","primary":true,"line":31,"column":21,"endLine":31,"endColumn":24},
//               {"message":"this borrow is held across an await","primary":false,"line":21,…}],
//     "notes":["…"],"help":["…"]}]}
//
// Lines and columns are 1-based; columns count characters; `endLine`/`endColumn` are where the span
// ends, one past its last character (as rustc's `line_end`/`column_end`). `line`/`column` are the
// primary span's start — the place rustc's `-->` names. Labels are in the diagnostic's order.

import type { Diagnostic, FileDiagnostics, Label } from "./diagnostic.js";
import { locateSpan } from "./position.js";
import type { SourceFile, Span } from "../syntax/source.js";

export interface JsonRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonLabel extends JsonRange {
  readonly message: string;
  readonly primary: boolean;
}

export interface JsonDiagnostic extends JsonRange {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly labels: readonly JsonLabel[];
  readonly notes: readonly string[];
  readonly help: readonly string[];
}

export interface JsonDocument {
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** The document as a value (for tests and the library API). */
export function toJson(batches: readonly FileDiagnostics[]): JsonDocument {
  const diagnostics: JsonDiagnostic[] = [];
  for (const { file, diagnostics: ds } of batches) for (const d of ds) diagnostics.push(jsonDiagnostic(d, file));
  return { diagnostics };
}

/** The document as text: one line, then a newline. */
export function renderJson(batches: readonly FileDiagnostics[]): string {
  return JSON.stringify(toJson(batches)) + "\n";
}

function range(file: SourceFile, span: Span): JsonRange {
  const { start, end } = locateSpan(file, span);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function jsonLabel(l: Label, file: SourceFile): JsonLabel {
  // Key order as in DESIGN.md: message, primary, then the range.
  return { message: l.message, primary: l.primary, ...range(file, l.span) };
}

function jsonDiagnostic(d: Diagnostic, file: SourceFile): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: file.name,
    ...range(file, d.span),
    labels: d.labels.map((l) => jsonLabel(l, file)),
    notes: d.notes,
    help: d.help,
  };
}
