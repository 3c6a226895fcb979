// The short renderer: one line per diagnostic, as `rustc --error-format=short` prints them.
//
// In:  the P0101 diagnostic of the human renderer's example (primary label "moved here while pinned").
// Out: src/main.rs:31:21: error[P0101]: `fut` is moved after it was pinned and polled: moved here while pinned
//
// `file:line:col` is where the primary span starts (1-based, columns in characters). Like rustc, the
// texts of the primary labels follow the message, after `: ` (in the order of the file, joined with
// `, ` if there are several); notes, help and secondary labels are left out. A message of several
// lines is joined into one.
// With `{ color: true }`, `error[P0101]` is coloured as rustc colours it; nothing else is.

import type { Diagnostic, FileDiagnostics } from "./diagnostic.js";
import { locate } from "./position.js";
import { summaryLine } from "./render-human.js";
import { StyledBuffer } from "./styled-buffer.js";
import type { SourceFile } from "../syntax/source.js";

export interface ShortOptions {
  readonly color: boolean;
}

export function renderShort(batches: readonly FileDiagnostics[], options: ShortOptions): string {
  let out = "";
  for (const { file, diagnostics } of batches) for (const d of diagnostics) out += renderShortDiagnostic(d, file, options);
  return out;
}

/** One line, ending with a newline. */
export function renderShortDiagnostic(d: Diagnostic, file: SourceFile, options: ShortOptions): string {
  const { line, column } = locate(file, d.span.lo);
  const buffer = new StyledBuffer();
  buffer.append(0, `${file.name}:${line}:${column}: `, "none");
  buffer.append(0, d.code === "" ? d.severity : `${d.severity}[${d.code}]`, "level");
  let text = `: ${oneLine(d.message)}`;
  // In the order of the file, as rustc lists them.
  const labels = d.labels
    .filter((l) => l.primary && l.message.trim() !== "")
    .sort((a, b) => a.span.lo - b.span.lo)
    .map((l) => oneLine(l.message));
  if (labels.length > 0) text += `: ${labels.join(", ")}`;
  buffer.append(0, text, "none");
  return buffer.render({ color: options.color, level: d.severity });
}

/** rustc's short summary: the count line alone (`error: aborting due to 2 previous errors`). */
export function renderShortSummary(batches: readonly FileDiagnostics[], options: ShortOptions): string {
  const line = summaryLine(batches);
  if (line === undefined) return "";
  const buffer = new StyledBuffer();
  buffer.append(0, line.level, "level");
  buffer.append(0, `: ${line.text}`, "none");
  return buffer.render({ color: options.color, level: line.level });
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, " ");
}
