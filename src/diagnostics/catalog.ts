// The catalog of diagnostic codes: one entry per code, with its severity and the long explanation
// printed by `pinion explain`. Codes are stable; never reuse a retired one.

import type { Severity } from "./diagnostic.js";

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  /** One line, lowercase. */
  readonly title: string;
  /** The long explanation: what it means, an erroneous example, the fix, rustc's related code. */
  readonly explanation: string;
}

export const CATALOG: readonly CodeInfo[] = [];

export function codeInfo(code: string): CodeInfo | undefined {
  const c = code.trim().toUpperCase();
  return CATALOG.find((i) => i.code === c);
}

export function explain(code: string): string | undefined {
  const info = codeInfo(code);
  return info && `${info.code}: ${info.title}\n\n${info.explanation}`;
}
