// Source files and spans.
//
// A span is a pair of offsets into the text of one source file, counted in UTF-16 code units (the way
// JavaScript strings and the tree-sitter binding count). Line and column are computed on demand, the
// way rustc does: lines are 1-based, columns are 1-based and count characters (Unicode scalar values),
// not bytes or code units.

export interface Span {
  readonly lo: number;
  readonly hi: number;
}

export const DUMMY_SPAN: Span = { lo: 0, hi: 0 };

export function span(lo: number, hi: number): Span {
  return { lo, hi };
}

/** The smallest span that covers both. */
export function joinSpans(a: Span, b: Span): Span {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export interface LineCol {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters. */
  readonly column: number;
}

export class SourceFile {
  /** Offsets (UTF-16) at which each line starts; lineStarts[0] === 0. */
  private readonly lineStarts: number[];

  constructor(
    /** The name used in diagnostics, e.g. `examples/foo.rs`. */
    readonly name: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line index of an offset. */
  lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineCol(offset: number): LineCol {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const li = this.lineIndex(off);
    const start = this.lineStarts[li]!;
    // Count characters, not UTF-16 code units: a surrogate pair is one column.
    let column = 1;
    for (let i = start; i < off; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < off) i++;
      column++;
    }
    return { line: li + 1, column };
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** `file.rs:LINE:COL` of a span's start, the way rustc prints locations. */
  location(sp: Span): string {
    const { line, column } = this.lineCol(sp.lo);
    return `${this.name}:${line}:${column}`;
  }

  snippet(sp: Span): string {
    return this.text.slice(sp.lo, sp.hi);
  }
}
