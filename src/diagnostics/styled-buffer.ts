// A grid of characters, each with a style: the canvas the human renderer draws on, as rustc's emitter
// draws on its `StyledBuffer`. Drawing a label at column 20 of row 3 pads with unstyled spaces; the
// renderer then reads the grid row by row, one run of same-styled characters at a time.
//
//   row 0  "error[P0101]: `fut` is moved…"   "error[P0101]" in style `level`, the rest `mainHeaderMsg`
//   row 1  "  --> src/main.rs:31:21"           "-->" and its space in `lineNumber`
//
// With colour on, a run is written as rustc 1.95 writes it (through anstyle): the style's escape
// sequences, the text, then `ESC[0m`; unstyled runs are written bare. With colour off, only the text.
// One character per cell: a wide character takes one cell and two terminal columns, as in rustc.

import { assertNever, type Severity } from "./diagnostic.js";

export type Style =
  | "none"
  /** Line numbers, the `|` gutter, `-->`, `...`, `= `. */
  | "lineNumber"
  /** The severity and code in a header, e.g. `error[P0101]`. */
  | "level"
  /** The message of a top-level header, and `note`/`help` in `= note:` lines. */
  | "mainHeaderMsg"
  | "underlinePrimary"
  | "underlineSecondary"
  | "labelPrimary"
  | "labelSecondary";

interface Cell {
  readonly ch: string;
  readonly style: Style;
}

const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/** The colour rustc gives a severity: bright red, yellow, bright green, bright cyan. */
function levelColor(level: Severity): string {
  switch (level) {
    case "error":
      return "\x1b[91m";
    case "warning":
      return "\x1b[33m";
    case "note":
      return "\x1b[92m";
    case "help":
      return "\x1b[96m";
    default:
      return assertNever(level, "severity");
  }
}

/** The escape sequence that starts a run in this style, in a diagnostic of this severity. */
export function ansiStyle(style: Style, level: Severity): string {
  switch (style) {
    case "none":
      return "";
    case "lineNumber":
    case "underlineSecondary":
    case "labelSecondary":
      return BOLD + "\x1b[94m";
    case "level":
    case "underlinePrimary":
    case "labelPrimary":
      return BOLD + levelColor(level);
    case "mainHeaderMsg":
      return BOLD;
    default:
      return assertNever(style, "style");
  }
}

export class StyledBuffer {
  private readonly rows: Cell[][] = [];

  get numLines(): number {
    return this.rows.length;
  }

  private ensureRow(line: number): Cell[] {
    while (this.rows.length <= line) this.rows.push([]);
    return this.rows[line]!;
  }

  /** Writes one character at (line, col), padding the row with unstyled spaces. */
  putc(line: number, col: number, ch: string, style: Style): void {
    const row = this.ensureRow(line);
    while (row.length < col) row.push({ ch: " ", style: "none" });
    row[col] = { ch, style };
  }

  /** Writes a string starting at (line, col), one cell per character. */
  puts(line: number, col: number, s: string, style: Style): void {
    let n = col;
    for (const ch of s) this.putc(line, n++, ch, style);
  }

  /** Writes a string after the last cell of a row. */
  append(line: number, s: string, style: Style): void {
    const row = this.ensureRow(line);
    this.puts(line, row.length, s, style);
  }

  /** Writes a string before the first cell of a row, shifting the row right. */
  prepend(line: number, s: string, style: Style): void {
    const row = this.ensureRow(line);
    const cells = Array.from(s, (ch) => ({ ch, style }));
    row.unshift(...cells);
  }

  /**
   * Replaces the cells [start, end) of a row with a marker such as `...`, in the gutter's style (used
   * to elide the middle of very long spans). Nothing happens if the row is shorter than `end`.
   */
  replace(line: number, start: number, end: number, marker: string): void {
    const row = this.ensureRow(line);
    const cells = Array.from(marker, (ch): Cell => ({ ch, style: "lineNumber" }));
    if (start === end || start > row.length || end > row.length) return;
    row.splice(start, end - start, ...cells);
  }

  /** The text of every row, each followed by a newline. */
  render(options: { readonly color: boolean; readonly level: Severity }): string {
    let out = "";
    for (const row of this.rows) {
      let i = 0;
      while (i < row.length) {
        const style = row[i]!.style;
        let text = "";
        while (i < row.length && row[i]!.style === style) text += row[i++]!.ch;
        const start = options.color ? ansiStyle(style, options.level) : "";
        out += start === "" ? text : start + text + RESET;
      }
      out += "\n";
    }
    return out;
  }
}
