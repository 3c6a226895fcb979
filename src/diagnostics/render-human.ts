// The human renderer: a diagnostic drawn over its source the way rustc draws one — the same layout,
// character for character, and with `{ color: true }` the same ANSI escapes as `rustc --color=always`.
//
// In:  a diagnostic (code P0101, message, primary span on `fut` at line 31, secondary labels at lines 21
//      and 29, a note, a help) and the `SourceFile` its spans point into.
// Out:
//
//   error[P0101]: `fut` is moved after it was pinned and polled
//     --> src/main.rs:31:21
//      |
//   21 |     let r = &name;
//      |             ----- this borrow is held across an await
//   ...
//   29 |     let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);
//      |                          ---------------------------- pinned here
//   30 |     println!("first: {:?}", first);
//   31 |     let mut moved = fut;
//      |                     ^^^ moved here while pinned
//      |
//      = note: …
//      = help: …
//
// This is a port of rustc's emitter (`rustc_errors::emitter::HumanEmitter`, rustc 1.95), in its steps:
//
// 1. Collect annotations (`collectAnnotations`): every label becomes an annotation on the line it
//    starts on; a label spanning lines becomes a *multi-line annotation*: a start (`MultilineStart`) on
//    its first line, an end carrying the label (`MultilineEnd`) on its last, and `MultilineLine`
//    placeholders for up to four lines after the start, so they are shown. Overlapping multi-line
//    annotations get different depths: the gutter columns their `|` runs down.
// 2. Lay out each annotated line (`renderSourceLine`): the rightmost label goes inline after its
//    underline when nothing overlaps it; every other label hangs below, at the start of its underline,
//    joined to it by `|`. Multi-line spans are drawn rustc's way: `/` when the span starts at the first
//    non-blank character of its line, otherwise a `_____^` line from the gutter to the start; then
//    `|` down the gutter and `|_____^ label` at the end.
// 3. Between annotated lines, a gap of one line prints that line; a longer gap prints `...`.
// 4. Long lines are cut to fit 140 columns around the spans, and very deep indentation is elided, with
//    `...` marking the cut (rustc's `Margin`).
// 5. Notes and help follow as `= note: …` / `= help: …`, continuation lines aligned under the text.
//
// tests/diagnostics/rustc-layout.test.ts checks this against what rustc 1.95 prints for the same spans,
// byte for byte, plain and coloured.
//
// Widths: the gutter is as wide as the largest line number any span ends on; tabs show as four spaces;
// wide characters take two columns (width.ts); an empty span is drawn as one `^` (at the end of a line
// or of the file, just past the last character). A label is one line: a newline in it is shown as a
// space. The summary line (`error: aborting due to 2 previous errors; 1 warning emitted`) is a
// separate function, `renderSummary`, which the CLI prints once after all files.

import type { SourceFile } from "../syntax/source.js";
import { assertNever, type Diagnostic, type FileDiagnostics, type Label, type Severity } from "./diagnostic.js";
import { codeInfo } from "./catalog.js";
import { displayColumn, lineChars, lineCount, locate, type LineChars } from "./position.js";
import { StyledBuffer, type Style } from "./styled-buffer.js";
import { charWidth, normalizeWhitespace, utf8Length } from "./width.js";

export interface HumanOptions {
  /** ANSI colours as rustc's `--color=always`; never any escape when false. */
  readonly color: boolean;
  /**
   * The terminal width long lines are cut to. rustc uses the terminal's width, or 140 columns when
   * its output is not a terminal; the default here is the latter.
   */
  readonly terminalWidth?: number;
}

/** rustc's `DEFAULT_COLUMN_WIDTH`. */
const DEFAULT_COLUMN_WIDTH = 140;

/** Every diagnostic of every file, in order, each followed by an empty line (as rustc prints them). */
export function renderHuman(batches: readonly FileDiagnostics[], options: HumanOptions): string {
  let out = "";
  for (const { file, diagnostics } of batches) {
    for (const d of diagnostics) out += renderHumanDiagnostic(d, file, options);
  }
  return out;
}

/** One diagnostic, ending with an empty line. */
export function renderHumanDiagnostic(d: Diagnostic, file: SourceFile, options: HumanOptions): string {
  const buffer = new StyledBuffer();
  const labels = labelsOf(d);
  const maxLineNumLen = String(maxLineNum(file, d, labels)).length;
  writeHeader(buffer, d);
  writeSnippet(buffer, file, d, labels, maxLineNumLen, options);
  writeChildren(buffer, d, maxLineNumLen);
  return buffer.render({ color: options.color, level: d.severity }) + "\n";
}

export interface SummaryOptions {
  readonly color: boolean;
  /** The command the last line points to; `pinion explain` unless stated. */
  readonly explainCommand?: string;
  /** Which codes have a long explanation; the catalog's codes unless stated. */
  readonly hasExplanation?: (code: string) => boolean;
}

/**
 * rustc's closing lines, after all diagnostics:
 *
 *   error: aborting due to 2 previous errors; 1 warning emitted
 *
 *   For more information about this error, try `pinion explain P0101`.
 *
 * (The first line is followed by an empty line, as every diagnostic is.)
 * Only errors and warnings are counted; nothing is printed when there are neither. With several
 * codes: `Some errors have detailed explanations: P0101, P0103.` and `For more information about an
 * error, try …` naming the first. Unlike rustc, the codes of warnings are listed too (rustc's
 * warnings, lints, have no codes; pinion's P0102 and P0201 have explanations worth reading), and with
 * warnings only, the words are about warnings.
 * Ends with a newline.
 */
export function renderSummary(batches: readonly FileDiagnostics[], options: SummaryOptions): string {
  const explainCommand = options.explainCommand ?? "pinion explain";
  const hasExplanation = options.hasExplanation ?? ((code: string) => codeInfo(code) !== undefined);
  const line = summaryLine(batches);
  if (line === undefined) return "";
  const codes = new Set<string>();
  for (const { diagnostics } of batches) {
    for (const d of diagnostics) {
      if ((d.severity === "error" || d.severity === "warning") && d.code !== "" && hasExplanation(d.code)) codes.add(d.code);
    }
  }
  const { level, text } = line;
  const buffer = new StyledBuffer();
  buffer.append(0, level, "level");
  buffer.append(0, `: ${text}`, "mainHeaderMsg");
  // Like every diagnostic, the line is followed by an empty line.
  let out = buffer.render({ color: options.color, level }) + "\n";
  const sorted = [...codes].sort();
  if (sorted.length > 0) {
    const more = new StyledBuffer();
    // rustc's words; with only warnings (rustc's have no codes), about warnings.
    const [these, some, an] = level === "error" ? ["this error", "Some errors", "an error"] : ["this warning", "Some warnings", "a warning"];
    if (sorted.length > 1) {
      const shown = sorted.slice(0, 9).join(", ");
      more.append(0, `${some} have detailed explanations: ${shown}${sorted.length > 9 ? "..." : "."}`, "mainHeaderMsg");
      more.append(1, `For more information about ${an}, try \`${explainCommand} ${sorted[0]}\`.`, "mainHeaderMsg");
    } else {
      more.append(0, `For more information about ${these}, try \`${explainCommand} ${sorted[0]}\`.`, "mainHeaderMsg");
    }
    out += more.render({ color: options.color, level });
  }
  return out;
}

/**
 * The count line, `error: aborting due to 2 previous errors; 1 warning emitted` or `warning: 1
 * warning emitted`, as a severity and a text; undefined when there are no errors and no warnings.
 */
export function summaryLine(batches: readonly FileDiagnostics[]): { readonly level: Severity; readonly text: string } | undefined {
  let errors = 0;
  let warnings = 0;
  for (const { diagnostics } of batches) {
    for (const d of diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
    }
  }
  if (errors === 0 && warnings === 0) return undefined;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (errors === 0) return { level: "warning", text: `${plural(warnings, "warning")} emitted` };
  const text = `aborting due to ${plural(errors, "previous error")}`;
  return { level: "error", text: warnings > 0 ? `${text}; ${plural(warnings, "warning")} emitted` : text };
}

// ---------------------------------------------------------------------------------------------------
// The header and the children

function writeHeader(buffer: StyledBuffer, d: Diagnostic): void {
  // error[E0382]: borrow of moved value: `v`
  buffer.append(0, d.severity, "level");
  let labelWidth = d.severity.length;
  if (d.code !== "") {
    buffer.append(0, `[${d.code}]`, "level");
    labelWidth += 2 + d.code.length;
  }
  buffer.append(0, ": ", "mainHeaderMsg");
  labelWidth += 2;
  // A message of several lines: the later lines are aligned under the first.
  normalizeMessage(d.message)
    .split("\n")
    .forEach((text, i) => buffer.append(i, (i === 0 ? "" : " ".repeat(labelWidth)) + text, "mainHeaderMsg"));
}

function writeChildren(buffer: StyledBuffer, d: Diagnostic, maxLineNumLen: number): void {
  const children: [string, string][] = [...d.notes.map((n): [string, string] => ["note", n]), ...d.help.map((h): [string, string] => ["help", h])];
  if (children.length === 0) return;
  //    |
  //    = note: a note
  //            continued
  buffer.putc(buffer.numLines, maxLineNumLen + 1, "|", "lineNumber");
  for (const [kind, text] of children) {
    const row = buffer.numLines;
    buffer.puts(row, maxLineNumLen + 1, "= ", "lineNumber");
    buffer.append(row, kind, "mainHeaderMsg");
    buffer.append(row, ": ", "none");
    // rustc pads continuation lines to the width of "note: " (both kinds have four letters).
    const padding = " ".repeat(maxLineNumLen + "note".length + 5);
    normalizeMessage(text)
      .split("\n")
      .forEach((line, i) => buffer.append(row + i, (i === 0 ? "" : padding) + line, "none"));
  }
}

/** rustc's `normalize_whitespace` for messages: tabs and control characters, but newlines kept. */
function normalizeMessage(s: string): string {
  return s
    .split("\n")
    .map((l) => normalizeWhitespace(l))
    .join("\n");
}

/** The labels to draw: the diagnostic's own, plus its primary span if no label carries it. */
function labelsOf(d: Diagnostic): readonly Label[] {
  if (d.labels.some((l) => l.primary)) return d.labels;
  return [{ span: d.span, message: "", primary: true }, ...d.labels];
}

/** The largest line number any span ends on: it sets the width of the gutter. */
function maxLineNum(file: SourceFile, d: Diagnostic, labels: readonly Label[]): number {
  let max = locate(file, d.span.hi).line;
  for (const l of labels) max = Math.max(max, locate(file, l.span.hi).line);
  return max;
}

// ---------------------------------------------------------------------------------------------------
// Step 1: annotations

/** A column as rustc keeps it: the character index in the line, and the display column. */
interface Column {
  readonly file: number;
  readonly display: number;
}

type AnnotationType =
  | { readonly kind: "singleline" }
  | { readonly kind: "multilineStart"; readonly depth: number }
  | { readonly kind: "multilineEnd"; readonly depth: number }
  | { readonly kind: "multilineLine"; readonly depth: number };

interface Annotation {
  readonly startCol: Column;
  readonly endCol: Column;
  readonly isPrimary: boolean;
  /** Undefined when the label has no text. */
  readonly label: string | undefined;
  readonly type: AnnotationType;
}

interface AnnotatedLine {
  /** 1-based. */
  readonly lineIndex: number;
  readonly annotations: Annotation[];
}

interface MultilineAnnotation {
  depth: number;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly startCol: Column;
  readonly endCol: Column;
  readonly isPrimary: boolean;
  readonly label: string | undefined;
  overlapsExactly: boolean;
}

function hasLabel(a: Annotation): boolean {
  return a.label !== undefined && a.label !== "";
}

/** Multi-line starts and ends always keep vertical space for their horizontal line. */
function takesSpace(a: Annotation): boolean {
  return a.type.kind === "multilineStart" || a.type.kind === "multilineEnd";
}

/** Display length of an annotation. */
function annLength(a: Annotation): number {
  return Math.abs(a.endCol.display - a.startCol.display);
}

function isLine(a: Annotation): boolean {
  return a.type.kind === "multilineLine";
}

/** rustc measures label lengths in bytes (`str::len`). */
function byteLen(s: string | undefined): number {
  return s === undefined ? 0 : utf8Length(s);
}

function numOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number, options: { inclusive: boolean }): boolean {
  const extra = options.inclusive ? 1 : 0;
  return (bStart <= aStart && aStart < bEnd + extra) || (aStart <= bStart && bStart < aEnd + extra);
}

function overlaps(a1: Annotation, a2: Annotation, padding: number): boolean {
  return numOverlap(a1.startCol.display, a1.endCol.display + padding, a2.startCol.display, a2.endCol.display, { inclusive: false });
}

function sameSpan(a: MultilineAnnotation, b: MultilineAnnotation): boolean {
  return (
    a.lineStart === b.lineStart &&
    a.lineEnd === b.lineEnd &&
    a.startCol.file === b.startCol.file &&
    a.startCol.display === b.startCol.display &&
    a.endCol.file === b.endCol.file &&
    a.endCol.display === b.endCol.display
  );
}

function multilineEqual(a: MultilineAnnotation, b: MultilineAnnotation): boolean {
  return sameSpan(a, b) && a.depth === b.depth && a.isPrimary === b.isPrimary && a.label === b.label && a.overlapsExactly === b.overlapsExactly;
}

function asStart(ml: MultilineAnnotation): Annotation {
  return {
    startCol: ml.startCol,
    endCol: { file: ml.startCol.file + 1, display: ml.startCol.display + 1 },
    isPrimary: ml.isPrimary,
    label: undefined,
    type: { kind: "multilineStart", depth: ml.depth },
  };
}

function asEnd(ml: MultilineAnnotation): Annotation {
  return {
    startCol: { file: Math.max(0, ml.endCol.file - 1), display: Math.max(0, ml.endCol.display - 1) },
    endCol: ml.endCol,
    isPrimary: ml.isPrimary,
    label: ml.label,
    type: { kind: "multilineEnd", depth: ml.depth },
  };
}

function asLine(ml: MultilineAnnotation): Annotation {
  return {
    startCol: { file: 0, display: 0 },
    endCol: { file: 0, display: 0 },
    isPrimary: ml.isPrimary,
    label: undefined,
    type: { kind: "multilineLine", depth: ml.depth },
  };
}

/** Lines of code a reader skips: blank, a plain comment, or a lone delimiter. */
function isBoringLine(s: string): boolean {
  const t = s.trim();
  const comment = t.startsWith("//") && !(t.startsWith("///") || t.startsWith("//!"));
  return comment || ["", "{", "}", "(", ")", "[", "]"].includes(t);
}

interface CollectedAnnotations {
  /** Annotated lines, sorted by line number. */
  readonly lines: AnnotatedLine[];
  /** How many multi-line annotations overlap at most: the gutter columns they need. */
  readonly multilineDepth: number;
}

function collectAnnotations(file: SourceFile, labels: readonly Label[], cache: LineCache): CollectedAnnotations {
  const lines: AnnotatedLine[] = [];
  const add = (lineIndex: number, ann: Annotation) => {
    const existing = lines.find((l) => l.lineIndex === lineIndex);
    if (existing) existing.annotations.push(ann);
    else {
      lines.push({ lineIndex, annotations: [ann] });
      lines.sort((a, b) => a.lineIndex - b.lineIndex);
    }
  };
  const multiline: MultilineAnnotation[] = [];
  for (const label of labels) {
    const lo = locate(file, label.span.lo);
    const hi = locate(file, label.span.hi);
    const startCol = column(cache.get(lo.line), lo.column - 1);
    let endCol = column(cache.get(hi.line), hi.column - 1);
    // An empty span (rustc's parser gives one at the end of the file) is drawn as one `^`.
    if (startCol.display === endCol.display && lo.line === hi.line) endCol = { file: endCol.file, display: endCol.display + 1 };
    const text = label.message === "" ? undefined : normalizeWhitespace(label.message.replace(/\r?\n/g, " "));
    if (lo.line !== hi.line) {
      multiline.push({
        depth: 1,
        lineStart: lo.line,
        lineEnd: hi.line,
        startCol,
        endCol,
        isPrimary: label.primary,
        label: text,
        overlapsExactly: false,
      });
    } else {
      add(lo.line, { startCol, endCol, isPrimary: label.primary, label: text, type: { kind: "singleline" } });
    }
  }

  // Overlapping multi-line annotations go to different depths.
  multiline.sort((a, b) => a.lineStart - b.lineStart || b.lineEnd - a.lineEnd);
  for (const ann of multiline.map((m) => ({ ...m }))) {
    for (const a of multiline) {
      if (!sameSpan(ann, a) && numOverlap(ann.lineStart, ann.lineEnd, a.lineStart, a.lineEnd, { inclusive: true })) {
        a.depth += 1;
      } else if (sameSpan(ann, a) && !multilineEqual(ann, a)) {
        a.overlapsExactly = true;
      } else {
        break;
      }
    }
  }
  let maxDepth = 0;
  for (const a of multiline) maxDepth = Math.max(maxDepth, a.depth);
  // The outermost span gets the leftmost column, to minimise crossings.
  for (const a of multiline) a.depth = maxDepth - a.depth + 1;

  for (const ml of multiline) {
    const endAnn = asEnd(ml);
    if (!ml.overlapsExactly) {
      add(ml.lineStart, asStart(ml));
      // Show up to four lines after the start, but not a tail of blank, comment or delimiter lines.
      const middle = Math.min(ml.lineStart + 4, ml.lineEnd);
      let until = ml.lineStart;
      for (let line = middle - 1; line >= ml.lineStart; line--) {
        if (line <= lineCount(file) && !isBoringLine(file.lineText(line))) {
          until = line + 1;
          break;
        }
      }
      for (let line = ml.lineStart + 1; line < until; line++) add(line, asLine(ml));
      const lineEnd = ml.lineEnd - 1;
      const endIsEmpty = lineEnd >= 1 && lineEnd <= lineCount(file) && isBoringLine(file.lineText(lineEnd));
      if (middle < lineEnd && !endIsEmpty) add(lineEnd, asLine(ml));
      add(ml.lineEnd, endAnn);
    } else {
      add(ml.lineEnd, { ...endAnn, type: { kind: "singleline" } });
    }
  }
  return { lines, multilineDepth: maxDepth };
}

function column(lc: LineChars, file: number): Column {
  return { file, display: displayColumn(lc, file) };
}

/** Lines split into characters, computed once per line. */
class LineCache {
  private readonly lines = new Map<number, LineChars>();
  constructor(private readonly file: SourceFile) {}
  get(line: number): LineChars {
    let lc = this.lines.get(line);
    if (lc === undefined) {
      lc = lineChars(this.file, line);
      this.lines.set(line, lc);
    }
    return lc;
  }
}

// ---------------------------------------------------------------------------------------------------
// Step 4: the margin (rustc's `Margin`): which part of long lines is shown

interface Margin {
  readonly whitespaceLeft: number;
  readonly spanLeft: number;
  readonly spanRight: number;
  readonly labelRight: number;
  readonly columnWidth: number;
  readonly computedLeft: number;
  readonly computedRight: number;
}

function makeMargin(whitespaceLeftIn: number, spanLeftIn: number, spanRightIn: number, labelRightIn: number, columnWidth: number, maxLineLen: number): Margin {
  // The 6 is padding to give a bit of room for `...`.
  const whitespaceLeft = Math.max(0, whitespaceLeftIn - 6);
  const spanLeft = Math.max(0, spanLeftIn - 6);
  const spanRight = spanRightIn + 6;
  const labelRight = labelRightIn + 6;
  // When there's a lot of whitespace (>20), trim it: it is useless.
  let computedLeft = whitespaceLeft > 20 ? whitespaceLeft - 16 : 0;
  let computedRight = Math.max(maxLineLen, computedLeft);
  if (computedRight - computedLeft > columnWidth) {
    if (labelRight - whitespaceLeft <= columnWidth) {
      // Fit the window by trimming whitespace only.
      computedLeft = whitespaceLeft;
      computedRight = computedLeft + columnWidth;
    } else if (labelRight - spanLeft <= columnWidth) {
      // Fit the spans and their labels.
      const paddingLeft = Math.floor((columnWidth - (labelRight - spanLeft)) / 2);
      computedLeft = Math.max(0, spanLeft - paddingLeft);
      computedRight = computedLeft + columnWidth;
    } else if (spanRight - spanLeft <= columnWidth) {
      // Fit the spans, with some padding.
      const paddingLeft = Math.floor((columnWidth - (spanRight - spanLeft)) / 5) * 2;
      computedLeft = Math.max(0, spanLeft - paddingLeft);
      computedRight = computedLeft + columnWidth;
    } else {
      // Mostly give up, but still don't show the full line.
      computedLeft = spanLeft;
      computedRight = spanRight;
    }
  }
  return { whitespaceLeft, spanLeft, spanRight, labelRight, columnWidth, computedLeft, computedRight };
}

function marginLeft(m: Margin, lineLen: number): number {
  return Math.min(m.computedLeft, lineLen);
}

function marginRight(m: Margin, lineLen: number): number {
  return Math.max(0, lineLen - m.computedLeft) <= m.columnWidth ? lineLen : Math.min(lineLen, m.computedRight);
}

function wasCutRight(m: Margin, lineLen: number): boolean {
  const right = m.computedRight === m.spanRight || m.computedRight === m.labelRight ? m.computedRight - 6 : m.computedRight;
  return right < lineLen && m.computedLeft + m.columnWidth < lineLen;
}

/** rustc_lexer's whitespace (Pattern_White_Space). */
function isRustWhitespace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u200e\u200f\u2028\u2029]$/u.test(ch);
}

// ---------------------------------------------------------------------------------------------------
// Steps 2 and 3: the snippet

function writeSnippet(
  buffer: StyledBuffer,
  file: SourceFile,
  d: Diagnostic,
  labels: readonly Label[],
  maxLineNumLen: number,
  options: HumanOptions,
): void {
  //   --> src/main.rs:31:21
  const loc = locate(file, d.span.lo);
  let row = buffer.numLines;
  buffer.puts(row, maxLineNumLen, "--> ", "lineNumber");
  buffer.append(row, `${file.name}:${loc.line}:${loc.column}`, "none");
  //    |
  row = buffer.numLines;
  buffer.putc(row, maxLineNumLen + 1, "|", "lineNumber");

  const cache = new LineCache(file);
  const { lines, multilineDepth } = collectAnnotations(file, labels, cache);

  // The left margin: leading whitespace common to all shown lines, and the leftmost span.
  let whitespaceMargin = Number.MAX_SAFE_INTEGER;
  for (const line of lines) {
    if (line.lineIndex > lineCount(file)) continue;
    const chars = cache.get(line.lineIndex).chars;
    let leading = 0;
    while (leading < chars.length && isRustWhitespace(chars[leading]!)) leading++;
    if (leading < chars.length) whitespaceMargin = Math.min(whitespaceMargin, leading);
  }
  if (whitespaceMargin === Number.MAX_SAFE_INTEGER) whitespaceMargin = 0;
  let spanLeftMargin = Number.MAX_SAFE_INTEGER;
  let spanRightMargin = 0;
  let labelRightMargin = 0;
  let maxLineLen = 0;
  for (const line of lines) {
    maxLineLen = Math.max(maxLineLen, line.lineIndex <= lineCount(file) ? utf8Length(file.lineText(line.lineIndex)) : 0);
    for (const ann of line.annotations) {
      spanLeftMargin = Math.min(spanLeftMargin, ann.startCol.display, ann.endCol.display);
      spanRightMargin = Math.max(spanRightMargin, ann.startCol.display, ann.endCol.display);
      const labelRight = ann.label === undefined ? 0 : byteLen(ann.label) + 1;
      labelRightMargin = Math.max(labelRightMargin, ann.endCol.display + labelRight);
    }
  }
  if (spanLeftMargin === Number.MAX_SAFE_INTEGER) spanLeftMargin = 0;

  const widthOffset = 3 + maxLineNumLen;
  const codeOffset = multilineDepth === 0 ? widthOffset : widthOffset + multilineDepth + 1;
  const columnWidth = Math.max(0, (options.terminalWidth ?? DEFAULT_COLUMN_WIDTH) - codeOffset);
  const margin = makeMargin(whitespaceMargin, spanLeftMargin, spanRightMargin, labelRightMargin, columnWidth, maxLineLen);
  const layout: Layout = { widthOffset, codeOffset, margin };

  // The vertical lines of the multi-line spans that are open, by depth.
  const open = new Map<number, Style>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previousBufferLine = buffer.numLines;
    const depths = renderSourceLine(buffer, file, cache, line, layout);
    const toAdd = new Map<number, Style>();
    for (const [depth, style] of depths) {
      if (!open.delete(depth)) toAdd.set(depth, style);
    }
    // The `|` of the spans still open, to the left of this line's code and underlines.
    for (const [depth, style] of open) {
      for (let r = previousBufferLine; r < buffer.numLines; r++) drawMultilineLine(buffer, r, widthOffset, depth, style);
    }
    // Step 3: the gap to the next annotated line.
    const next = lines[i + 1];
    if (next !== undefined) {
      const delta = next.lineIndex - line.lineIndex;
      if (delta > 2) {
        const r = buffer.numLines;
        buffer.puts(r, 0, "...", "lineNumber");
        for (const [depth, style] of open) drawMultilineLine(buffer, r, widthOffset, depth, style);
        for (const ann of line.annotations) {
          if (ann.type.kind === "multilineStart") drawMultilineLine(buffer, r, widthOffset, ann.type.depth, underlineStyle(ann));
        }
      } else if (delta === 2) {
        const r = buffer.numLines;
        const between = line.lineIndex + 1;
        drawLine(buffer, file, between, r, layout);
        for (const [depth, style] of open) drawMultilineLine(buffer, r, widthOffset, depth, style);
        for (const ann of line.annotations) {
          if (ann.type.kind === "multilineStart") drawMultilineLine(buffer, r, widthOffset, ann.type.depth, underlineStyle(ann));
        }
      }
    }
    for (const [depth, style] of toAdd) open.set(depth, style);
  }
}

interface Layout {
  /** Where the `|` gutter ends: 3 + the width of the line numbers. */
  readonly widthOffset: number;
  /** Where code starts: after the gutter and the columns of multi-line spans. */
  readonly codeOffset: number;
  readonly margin: Margin;
}

function underlineStyle(a: Annotation): Style {
  return a.isPrimary ? "underlinePrimary" : "underlineSecondary";
}

function labelStyle(a: Annotation): Style {
  return a.isPrimary ? "labelPrimary" : "labelSecondary";
}

/** The characters a primary (`^`) or secondary (`-`) annotation is drawn with. */
function underlineChar(a: Annotation): string {
  return a.isPrimary ? "^" : "-";
}

function drawMultilineLine(buffer: StyledBuffer, row: number, widthOffset: number, depth: number, style: Style): void {
  buffer.putc(row, widthOffset + depth - 1, "|", style);
}

/** `31 |     let mut moved = fut;` — returns the number of characters cut on the left. */
function drawLine(buffer: StyledBuffer, file: SourceFile, lineIndex: number, row: number, layout: Layout): number {
  const source = normalizeWhitespace(file.lineText(lineIndex));
  const lineLen = utf8Length(source);
  const { margin, codeOffset, widthOffset } = layout;
  const left = marginLeft(margin, lineLen);
  const right = marginRight(margin, lineLen);
  let taken = 0;
  let code = "";
  let skipped = 0;
  let complete = true;
  for (const ch of source) {
    if (skipped < left) {
      skipped++;
      continue;
    }
    const next = charWidth(ch);
    if (taken + next > right - left) {
      complete = false;
      break;
    }
    taken += next;
    code += ch;
  }
  buffer.puts(row, codeOffset, code, "none");
  if (margin.computedLeft > 0) buffer.puts(row, codeOffset, "...", "lineNumber");
  // (rustc 1.95 marks a right cut only where code was actually left out: a line whose end is shown
  // keeps it, even when the window was computed narrower.)
  if (!complete && wasCutRight(margin, lineLen)) buffer.puts(row, codeOffset + taken - 3, "...", "lineNumber");
  // Line numbers are right-aligned in the gutter (as rustc 1.95 does; older versions aligned them left).
  buffer.puts(row, 0, String(lineIndex).padStart(widthOffset - 3), "lineNumber");
  buffer.putc(row, widthOffset - 2, "|", "lineNumber");
  return left;
}

/**
 * Draws one annotated line: the code, then its underlines and labels below. Returns the multi-line
 * spans that start or end here (their depth and style), so the caller can open or close their `|`.
 */
function renderSourceLine(buffer: StyledBuffer, file: SourceFile, cache: LineCache, line: AnnotatedLine, layout: Layout): [number, Style][] {
  if (line.lineIndex === 0 || line.lineIndex > lineCount(file)) return [];
  const { widthOffset, codeOffset, margin } = layout;
  const lc = cache.get(line.lineIndex);
  const lineOffset = buffer.numLines;
  const left = drawLine(buffer, file, line.lineIndex, lineOffset, layout);
  /** Display width of the line's characters [left, n). */
  const pre = (n: number) => Math.max(0, displayColumn(lc, Math.min(n, lc.chars.length)) - displayColumn(lc, Math.min(left, lc.chars.length)));

  // Special case: the only annotations start multi-line spans at the first non-blank character:
  //
  //   2 | / fn foo() {
  //   3 | |
  //   4 | | }
  //     | |_^ test
  {
    const ops: [number, number, string, Style][] = [];
    const result: [number, Style][] = [];
    let shortStart = true;
    for (const ann of line.annotations) {
      if (ann.type.kind === "multilineStart") {
        if (lc.chars.slice(0, ann.startCol.file).every((c) => /^\s$/u.test(c))) {
          result.push([ann.type.depth, underlineStyle(ann)]);
          ops.push([lineOffset, widthOffset + ann.type.depth - 1, "/", underlineStyle(ann)]);
        } else {
          shortStart = false;
          break;
        }
      } else if (ann.type.kind !== "multilineLine") {
        shortStart = false;
        break;
      }
    }
    if (shortStart) {
      for (const [y, x, c, s] of ops) buffer.putc(y, x, c, s);
      return result;
    }
  }

  // The rightmost span is laid out first: the `|` connectors of the others are on its left.
  // (A stable sort, so labels on the same span keep their order.)
  const annotations = [...line.annotations].sort((a, b) => b.startCol.display - a.startCol.display);

  // Where each label goes: 0 = inline after its underline, p > 0 = hanging p lines below.
  const overlap = annotations.map(() => false);
  const positions: [number, Annotation][] = [];
  let lineLen = 0;
  let p = 0;
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations[i]!;
    for (let j = 0; j < annotations.length; j++) {
      const next = annotations[j]!;
      if (overlaps(next, annotation, 0) && j > i) {
        overlap[i] = true;
        overlap[j] = true;
      }
      if (overlaps(next, annotation, 0) && hasLabel(annotation) && j > i && p === 0) {
        // An unlabelled annotation on the very same span merges with this one.
        if (next.startCol.display === annotation.startCol.display && next.endCol.display === annotation.endCol.display && !hasLabel(next)) continue;
        p += 1;
        break;
      }
    }
    positions.push([p, annotation]);
    for (let j = i + 1; j < annotations.length; j++) {
      const next = annotations[j]!;
      const l = next.label === undefined ? 0 : byteLen(next.label) + 2;
      if (
        // Two labels on one row must not run into each other, padding included.
        (overlaps(next, annotation, l) && hasLabel(annotation) && hasLabel(next)) ||
        // Multi-line starts and ends need their own row for the horizontal line.
        (takesSpace(annotation) && hasLabel(next)) ||
        (hasLabel(annotation) && takesSpace(next)) ||
        (takesSpace(annotation) && takesSpace(next)) ||
        (overlaps(next, annotation, l) && next.endCol.display <= annotation.endCol.display && hasLabel(next) && p === 0)
      ) {
        p += 1;
        break;
      }
    }
    lineLen = Math.max(lineLen, p);
  }
  if (lineLen !== 0) lineLen += 1;

  // Only `|` placeholders of multi-line spans on this line: the code is all there is to show.
  if (line.annotations.every(isLine)) return [];

  // Only multi-line starts: reverse their rows, so their horizontal lines do not cross.
  if (positions.every(([, a]) => a.type.kind === "multilineStart")) {
    const maxPos = Math.max(...positions.map(([pos]) => pos));
    for (const entry of positions) entry[0] = maxPos - entry[0];
    lineLen = Math.max(0, lineLen - 1);
  }

  // The gutter `|` on every row below the code.
  for (let pos = 0; pos <= lineLen; pos++) buffer.putc(lineOffset + pos + 1, widthOffset - 2, "|", "lineNumber");

  // The horizontal lines of multi-line spans: `_____` from the gutter to the start or end.
  for (const [pos0, annotation] of positions) {
    const pos = pos0 + 1;
    const t = annotation.type;
    if (t.kind === "multilineStart" || t.kind === "multilineEnd") {
      const to = codeOffset + pre(annotation.startCol.file);
      for (let col = widthOffset + t.depth; col < to; col++) buffer.putc(lineOffset + pos, col, "_", underlineStyle(annotation));
    }
  }

  // The vertical lines from an underline down to a label hanging below it, and the multi-line `|`.
  for (const [pos0, annotation] of positions) {
    const pos = pos0 + 1;
    const style = underlineStyle(annotation);
    const col = codeOffset + pre(annotation.startCol.file);
    const t = annotation.type;
    if (pos > 1 && (hasLabel(annotation) || takesSpace(annotation))) {
      for (let r = lineOffset + 1; r <= lineOffset + pos; r++) buffer.putc(r, col, "|", style);
    }
    switch (t.kind) {
      case "multilineStart":
        buffer.putc(lineOffset + pos, widthOffset + t.depth - 1, " ", style);
        for (let r = lineOffset + pos + 1; r < lineOffset + lineLen + 2; r++) buffer.putc(r, widthOffset + t.depth - 1, "|", style);
        break;
      case "multilineEnd":
        for (let r = lineOffset; r < lineOffset + pos; r++) buffer.putc(r, widthOffset + t.depth - 1, "|", style);
        buffer.putc(lineOffset + pos, widthOffset + t.depth - 1, "|", style);
        break;
      case "singleline":
      case "multilineLine":
        break;
      default:
        assertNever(t, "annotation type");
    }
  }

  // The labels: inline one column after the underline, or hanging at the underline's start.
  for (const [pos0, annotation] of positions) {
    let row: number;
    let col: number;
    if (pos0 === 0) {
      const end = pre(annotation.endCol.file);
      const pad = annotation.endCol.file === 0 || annotation.endCol.file === annotation.startCol.file ? 2 : 1;
      row = pos0 + 1;
      col = end + pad;
    } else {
      row = pos0 + 2;
      col = pre(annotation.startCol.file);
    }
    if (annotation.label !== undefined) buffer.puts(lineOffset + row, codeOffset + col, annotation.label, labelStyle(annotation));
  }

  // The underlines themselves, drawn last so they win over the connectors; longer spans first, and
  // of two spans as long, the primary last, so that nested spans stay visible: `^^-^------^`.
  const byLength = [...positions].sort(
    ([, a], [, b]) => annLength(b) - annLength(a) || Number(a.isPrimary) - Number(b.isPrimary),
  );
  for (const [pos0, annotation] of byLength) {
    const style = underlineStyle(annotation);
    const ch = underlineChar(annotation);
    const start = codeOffset + pre(annotation.startCol.file);
    for (let k = 0; k < annotation.endCol.display - annotation.startCol.display; k++) buffer.putc(lineOffset + 1, start + k, ch, style);
    const multi = annotation.type.kind === "multilineStart" || annotation.type.kind === "multilineEnd";
    // A multi-line start or end, or a hanging label: its first character points the way.
    if (multi || (pos0 !== 0 && hasLabel(annotation))) buffer.putc(lineOffset + 1, start, ch, style);
  }

  // A very long span is shortened in the middle: `^^^^^^...^^^^^^`.
  positions.forEach(([, annotation], i) => {
    if (overlap[i] || annotation.type.kind !== "singleline") return;
    const width = annotation.endCol.display - annotation.startCol.display;
    if (width > margin.columnWidth * 2 && width > 10) {
      const pad = Math.max(Math.floor(margin.columnWidth / 3), 5);
      buffer.replace(lineOffset, annotation.startCol.file + pad, annotation.endCol.file - pad, "...");
      buffer.replace(lineOffset + 1, annotation.startCol.file + pad, annotation.endCol.file - pad, "...");
    }
  });

  const result: [number, Style][] = [];
  for (const [, annotation] of positions) {
    if (annotation.type.kind === "multilineStart" || annotation.type.kind === "multilineEnd") {
      result.push([annotation.type.depth, underlineStyle(annotation)]);
    }
  }
  return result;
}
