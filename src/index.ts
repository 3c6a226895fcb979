// pinion's library API. No I/O: every function takes source text and returns values and diagnostics.
// The CLI and the tests use this surface.

export { SourceFile } from "./syntax/source.js";
export type { Span } from "./syntax/source.js";
export type { Diagnostic, Label, Severity } from "./diagnostics/diagnostic.js";
export { explain, codeInfo, CATALOG } from "./diagnostics/catalog.js";
