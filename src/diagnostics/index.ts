// The diagnostics folder's public surface: the `Diagnostic` value, the catalog of codes with their
// long explanations, and the renderers — each a pure function of the diagnostics and the files their
// spans point into.
//
//   const batches = [{ file, diagnostics }];                 // one entry per source file
//   renderDiagnostics("human", batches, { color: false })   // rustc's layout, then the summary line
//   renderDiagnostics("json", batches, { color: false })    // {"diagnostics":[…]}
//
// Colour is decided by the caller (the CLI), never here: `color` is an explicit option.

import { assertNever, type FileDiagnostics } from "./diagnostic.js";
import { renderGithub } from "./render-github.js";
import { renderHuman, renderSummary } from "./render-human.js";
import { renderJson } from "./render-json.js";
import { renderSarif, type SarifOptions } from "./render-sarif.js";
import { renderShort, renderShortSummary } from "./render-short.js";

export {
  assertNever,
  diagnostic,
  hasErrors,
  internalError,
  secondary,
  type Diagnostic,
  type FileDiagnostics,
  type Label,
  type Severity,
  type WithDiagnostics,
} from "./diagnostic.js";
export { CATALOG, codeInfo, explain, listCodes, type CodeInfo } from "./catalog.js";
export { locate, locateSpan, type Position } from "./position.js";
export { renderHuman, renderHumanDiagnostic, renderSummary, summaryLine, type HumanOptions, type SummaryOptions } from "./render-human.js";
export { renderShort, renderShortDiagnostic, renderShortSummary, type ShortOptions } from "./render-short.js";
export { renderJson, toJson, type JsonDiagnostic, type JsonDocument, type JsonLabel } from "./render-json.js";
export { renderSarif, toSarif, fileUri, SARIF_SCHEMA, type SarifOptions } from "./render-sarif.js";
export { renderGithub, githubCommand, escapeData, escapeProperty } from "./render-github.js";

/** The output formats of `pinion check --format`. */
export type OutputFormat = "human" | "short" | "json" | "sarif" | "github";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["human", "short", "json", "sarif", "github"];

export interface RenderOptions {
  /** ANSI colours, for `human` and `short` only. */
  readonly color: boolean;
  /** For `sarif`. */
  readonly sarif?: SarifOptions;
}

/**
 * Everything `pinion check` prints for these diagnostics in one format: for `human` and `short`, the
 * diagnostics and then rustc's summary line (nothing at all when there are no diagnostics); for the
 * machine formats, one document (or one command per diagnostic).
 */
export function renderDiagnostics(format: OutputFormat, batches: readonly FileDiagnostics[], options: RenderOptions): string {
  switch (format) {
    case "human":
      return renderHuman(batches, { color: options.color }) + renderSummary(batches, { color: options.color });
    case "short":
      return renderShort(batches, { color: options.color }) + renderShortSummary(batches, { color: options.color });
    case "json":
      return renderJson(batches);
    case "sarif":
      return renderSarif(batches, options.sarif ?? {});
    case "github":
      return renderGithub(batches);
    default:
      return assertNever(format, "output format");
  }
}
