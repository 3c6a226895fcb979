// The catalog of diagnostic codes: one entry per code, with its severity, a one-line title, the
// rustc error codes it corresponds to, and the long explanation `pinion explain` prints. Codes are
// stable; never reuse a retired one.
//
//   P00xx  the program cannot be processed: syntax, the subset, macros, names, types
//   P01xx  pinning: a future or struct that points into itself, and the moves that break it
//   P02xx  latent pinning bugs in type definitions
//
// Worked example: `pinion explain p0104` → `codeInfo("p0104")` finds
//
//   { code: "P0104", severity: "error", title: "`poll` is called on a future that is not pinned",
//     rustcCodes: ["E0599"], explanation: "`.poll(cx)` is called on a future that is not …" }
//
// and `explain` prints the title, then the explanation with the fences' tags removed, as `rustc
// --explain` does.
//
// The explanations are Markdown, in explanations/PXXXX.md (inlined into explanations.ts by
// tests/diagnostics/gen-explanations.mjs). Each teaches: what the code means, why — for the pinning
// codes what the future or struct holds and what a move does to it — an erroneous example, the fixed
// one, and what rustc does with the same program. Every example is a complete program, in a fence
// whose tag says what it must do; tests/diagnostics/explain.test.ts compiles each with rustc:
//
//   ```rust                               pinion and rustc accept it (without warnings)
//   ```rust,compile_fail,P0101            pinion reports P0101 (an error, a warning, or for P0001 a
//                                         note); rustc compiles it — the bug is undefined behavior
//                                         in unsafe code, or latent
//   ```rust,compile_fail,P0103,E0277      pinion reports P0103; rustc rejects it with E0277
//   ```rust,compile_fail,P0002,rustc_error  pinion reports P0002; rustc rejects it with an error that
//                                         has no code (syntax and macro errors)
//   ```text                               a picture or a fragment: not compiled

import type { Severity } from "./diagnostic.js";
import { EXPLANATIONS } from "./explanations.js";

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  /** One line, lowercase. */
  readonly title: string;
  /** The rustc error codes for the same mistake; empty when rustc compiles the program. */
  readonly rustcCodes: readonly string[];
  /** The long explanation, as Markdown: what it means, an erroneous example, the fix, rustc's code. */
  readonly explanation: string;
}

function entry(code: string, severity: Severity, title: string, rustcCodes: readonly string[]): CodeInfo {
  const explanation = EXPLANATIONS[code];
  if (explanation === undefined) throw new Error(`internal error: no explanation for ${code} (please report this as a bug in pinion)`);
  return { code, severity, title, rustcCodes, explanation };
}

export const CATALOG: readonly CodeInfo[] = [
  entry("P0001", "note", "a reference to a local is held across an `.await`: the future is self-referential", []),
  entry("P0002", "error", "syntax error", []),
  entry("P0003", "error", "a construct outside pinion's Rust subset", []),
  entry("P0004", "error", "a macro could not be expanded", []),
  entry("P0005", "error", "unresolved name", ["E0425", "E0412", "E0433", "E0599", "E0609"]),
  entry("P0006", "error", "a type error, or a type pinion could not infer", ["E0308"]),
  entry("P0101", "error", "a pinned value is moved after it was pinned and used", []),
  entry("P0102", "warning", "`Pin::new_unchecked` on a local that stays reachable by name", []),
  entry("P0103", "error", "an operation that needs `Unpin` on a `!Unpin` value", ["E0277", "E0594", "E0596", "E0507"]),
  entry("P0104", "error", "`poll` is called on a future that is not pinned", ["E0599"]),
  entry("P0105", "error", "a pinned value is moved out through `get_unchecked_mut`", []),
  entry("P0201", "warning", "a struct points to its own field but does not opt out of `Unpin`", []),
];

/** The entry of a code: `P0101`, `p0101` and `0101` all name P0101. */
export function codeInfo(code: string): CodeInfo | undefined {
  let c = code.trim().toUpperCase();
  if (/^\d{4}$/.test(c)) c = "P" + c;
  return CATALOG.find((i) => i.code === c);
}

/**
 * What `pinion explain CODE` prints: the code and title, then the explanation, with the fences'
 * tags (`rust,compile_fail,P0101`) removed as `rustc --explain` removes them. Ends with a newline.
 */
export function explain(code: string): string | undefined {
  const info = codeInfo(code);
  if (info === undefined) return undefined;
  const body = info.explanation.replace(/^```[^\n]*$/gm, "```");
  return `${info.code}: ${info.title}\n\n${body.endsWith("\n") ? body : body + "\n"}`;
}

/** `pinion explain --list`: one line per code, `P0101  error    a pinned value is moved …`. */
export function listCodes(): string {
  return CATALOG.map((i) => `${i.code}  ${i.severity.padEnd(7)}  ${i.title}\n`).join("");
}
