// Where a span offset lands, counted the way rustc reports it — shared by every renderer, so the
// human, short, JSON, SARIF and GitHub outputs always name the same line and column.
//
// Offsets are UTF-16 code units into `SourceFile.text`; lines are 1-based; columns are 1-based and
// count characters (code points). Two details follow rustc's source map rather than a naive split:
//
//   text "fn main() {\n    let x = 1;\n"      (27 code units, ends with a newline)
//   offset 27 (end of file)  → line 2, column 16: the end of the file belongs to the last line, one
//                              past its newline — rustc reports `--> main.rs:2:16` for an unclosed
//                              delimiter there, and draws the `^` just after `;`.
//   offset 10                → line 1, column 11.
//
// and a `\r` that ends a line (CRLF files) is not counted: rustc normalises CRLF to LF before anything.

import type { SourceFile, Span } from "../syntax/source.js";
import { charWidth } from "./width.js";

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters. */
  readonly column: number;
}

/** The number of lines rustc sees: a final newline does not start a new (empty) line. */
export function lineCount(file: SourceFile): number {
  const n = file.lineCount;
  return n > 1 && file.text.endsWith("\n") ? n - 1 : n;
}

/** The line and column of an offset, rustc's way (see the header). */
export function locate(file: SourceFile, offset: number): Position {
  const text = file.text;
  const off = Math.max(0, Math.min(offset, text.length));
  const line = Math.min(file.lineIndex(off) + 1, lineCount(file));
  const start = lineStart(file, line);
  let column = 1;
  for (let i = start; i < off; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < off) i++;
    else if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    column++;
  }
  return { line, column };
}

/** The offset at which a 1-based line starts. */
export function lineStart(file: SourceFile, line: number): number {
  // SourceFile keeps its line starts private; `lineIndex` is monotone in the offset, so search for the
  // first offset on the line.
  const want = line - 1;
  if (want <= 0) return 0;
  let lo = 0;
  let hi = file.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (file.lineIndex(mid) < want) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Both ends of a span. */
export function locateSpan(file: SourceFile, span: Span): { readonly start: Position; readonly end: Position } {
  return { start: locate(file, span.lo), end: locate(file, span.hi) };
}

/**
 * The text of a 1-based line split into characters (code points), without its terminator, and the
 * display column at which each character starts (the last entry is the width of the whole line).
 */
export interface LineChars {
  readonly chars: readonly string[];
  /** `displayBefore[i]` is the width of `chars[0..i]`; its length is `chars.length + 1`. */
  readonly displayBefore: readonly number[];
}

export function lineChars(file: SourceFile, line: number): LineChars {
  const chars = Array.from(file.lineText(line));
  const displayBefore = [0];
  let w = 0;
  for (const ch of chars) {
    w += charWidth(ch);
    displayBefore.push(w);
  }
  return { chars, displayBefore };
}

/** Display width of the first `n` characters of a line; characters past its end count 1 each. */
export function displayColumn(lc: LineChars, n: number): number {
  if (n <= lc.chars.length) return lc.displayBefore[n]!;
  return lc.displayBefore[lc.chars.length]! + (n - lc.chars.length);
}
