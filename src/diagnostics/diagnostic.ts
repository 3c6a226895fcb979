// The diagnostic value. Every stage reports problems as these plain values; renderers (human, short,
// json, sarif, github) are functions of them, and colour is chosen only by the CLI.
//
// Shape, as rustc's: a code, a severity, a one-line message (lowercase, no final period, code in
// backticks), a primary span with a label saying *what*, secondary labels saying *why*, then notes
// and help lines.

import type { SourceFile, Span } from "../syntax/source.js";

export type Severity = "error" | "warning" | "note" | "help";

export interface Label {
  readonly span: Span;
  readonly message: string;
  /** The primary label is drawn with `^^^`, secondary ones with `---`. */
  readonly primary: boolean;
}

export interface Diagnostic {
  /** A stable code from the catalog (`P0101`, `P0002`, …). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The primary span; also carried by the primary label. */
  readonly span: Span;
  readonly labels: readonly Label[];
  readonly notes: readonly string[];
  readonly help: readonly string[];
}

/** Builds a diagnostic; labels after the first are secondary unless stated. */
export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  span: Span,
  primaryLabel = "",
  extra: { labels?: Label[]; notes?: string[]; help?: string[] } = {},
): Diagnostic {
  return {
    code,
    severity,
    message,
    span,
    labels: [{ span, message: primaryLabel, primary: true }, ...(extra.labels ?? [])],
    notes: extra.notes ?? [],
    help: extra.help ?? [],
  };
}

export function secondary(span: Span, message: string): Label {
  return { span, message, primary: false };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/**
 * The diagnostics of one source file, whose spans point into it: what every renderer takes, one entry
 * per file (a `Diagnostic` does not name its file).
 */
export interface FileDiagnostics {
  readonly file: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** A value computed by a stage together with what it had to say. No stage throws on user input. */
export interface WithDiagnostics<T> {
  readonly value: T;
  readonly diagnostics: Diagnostic[];
}

/** For compiler bugs only: never for problems in the user's program. */
export function internalError(message: string): never {
  throw new Error(`internal error: ${message} (please report this as a bug in pinion)`);
}

export function assertNever(x: never, what = "value"): never {
  throw new Error(`internal error: unexpected ${what}: ${JSON.stringify(x)} (please report this as a bug in pinion)`);
}
