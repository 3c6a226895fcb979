// The SARIF renderer: a SARIF 2.1.0 log, the format code-scanning services (GitHub code scanning,
// Azure DevOps, IDE viewers) read.
//
// In:  the P0101 diagnostic of the human renderer's example, in src/main.rs.
// Out (abridged):
//
//   { "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
//     "runs": [{
//       "tool": { "driver": { "name": "pinion", "informationUri": …,
//         "rules": [ …, { "id": "P0101",
//                         "shortDescription": { "text": "a pinned value is moved after it was pinned and used" },
//                         "fullDescription": { "text": <the first paragraph of the explanation> },
//                         "help": { "text": <the explanation>, "markdown": <the explanation> },
//                         "helpUri": …, "defaultConfiguration": { "level": "error" } }, … ] } },
//       "columnKind": "unicodeCodePoints",
//       "results": [{ "ruleId": "P0101", "ruleIndex": 6, "level": "error",
//         "message": { "text": "`fut` is moved after it was pinned and polled" },
//         "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "src/main.rs" },
//             "region": { "startLine": 31, "startColumn": 21, "endLine": 31, "endColumn": 24 } },
//           "message": { "text": "moved here while pinned" } }],
//         "relatedLocations": [{ "id": 1, "physicalLocation": { …line 21… },
//           "message": { "text": "this borrow is held across an await" } }, …] }] }] }
//
// One rule per catalog code, from the catalog. Levels: error → `error`, warning → `warning`, note and
// help → `note`. Notes and help are appended to the message text (`note: …` lines): SARIF has no
// place of their own for them. Columns count characters (`columnKind` says so) and `endColumn` is one
// past the last character, as SARIF defines it. The URI of a file is its name with `/` separators,
// percent-encoded; absolute names become `file://` URIs.
//
// `informationUri` and each rule's `helpUri` must be absolute URIs of pages about pinion; they are
// written when the caller gives them (SARIF does not require them).

import { assertNever, type Diagnostic, type FileDiagnostics, type Severity } from "./diagnostic.js";
import { CATALOG } from "./catalog.js";
import { locateSpan } from "./position.js";
import type { SourceFile, Span } from "../syntax/source.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export interface SarifOptions {
  /** The tool's home page: `runs[0].tool.driver.informationUri`. */
  readonly informationUri?: string;
  /** The page that documents a code: each rule's `helpUri`. */
  readonly helpUri?: (code: string) => string;
  /** pinion's version: `runs[0].tool.driver.version`. */
  readonly toolVersion?: string;
}

type SarifLevel = "error" | "warning" | "note";

function level(severity: Severity): SarifLevel {
  switch (severity) {
    case "error":
      return "error";
    case "warning":
      return "warning";
    case "note":
    case "help":
      return "note";
    default:
      return assertNever(severity, "severity");
  }
}

/** The SARIF log as a value. */
export function toSarif(batches: readonly FileDiagnostics[], options: SarifOptions = {}): Record<string, unknown> {
  const rules = CATALOG.map((info) => {
    const markdown = info.explanation.replace(/^```rust[^\n]*$/gm, "```rust");
    return {
      id: info.code,
      shortDescription: { text: info.title },
      fullDescription: { text: firstParagraph(info.explanation) },
      help: { text: info.explanation.replace(/^```[^\n]*$/gm, "```"), markdown },
      ...(options.helpUri ? { helpUri: options.helpUri(info.code) } : {}),
      defaultConfiguration: { level: level(info.severity) },
    };
  });
  const ruleIndex = new Map(CATALOG.map((info, i) => [info.code, i]));
  const results: Record<string, unknown>[] = [];
  for (const { file, diagnostics } of batches) {
    for (const d of diagnostics) results.push(result(d, file, ruleIndex));
  }
  const driver: Record<string, unknown> = { name: "pinion" };
  if (options.toolVersion !== undefined) driver.version = options.toolVersion;
  if (options.informationUri !== undefined) driver.informationUri = options.informationUri;
  driver.rules = rules;
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{ tool: { driver }, columnKind: "unicodeCodePoints", results }],
  };
}

/** The SARIF log as text, pretty-printed, ending with a newline. */
export function renderSarif(batches: readonly FileDiagnostics[], options: SarifOptions = {}): string {
  return JSON.stringify(toSarif(batches, options), null, 2) + "\n";
}

function result(d: Diagnostic, file: SourceFile, ruleIndex: ReadonlyMap<string, number>): Record<string, unknown> {
  const text = [d.message, ...d.notes.map((n) => `note: ${n}`), ...d.help.map((h) => `help: ${h}`)].join("\n");
  const primary = d.labels.find((l) => l.primary && l.message !== "");
  const location: Record<string, unknown> = { physicalLocation: physicalLocation(file, d.span) };
  if (primary !== undefined) location.message = { text: primary.message };
  const out: Record<string, unknown> = {};
  if (d.code !== "") out.ruleId = d.code;
  const index = ruleIndex.get(d.code);
  if (index !== undefined) out.ruleIndex = index;
  out.level = level(d.severity);
  out.message = { text };
  out.locations = [location];
  const related = d.labels
    .filter((l) => !l.primary)
    .map((l, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(file, l.span),
      ...(l.message !== "" ? { message: { text: l.message } } : {}),
    }));
  if (related.length > 0) out.relatedLocations = related;
  return out;
}

function physicalLocation(file: SourceFile, span: Span): Record<string, unknown> {
  const { start, end } = locateSpan(file, span);
  return {
    artifactLocation: { uri: fileUri(file.name) },
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
  };
}

/** A file name as a URI reference: relative names stay relative; absolute ones become `file:` URIs. */
export function fileUri(name: string): string {
  const path = name.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:\//.exec(path);
  const segments = (drive ? path.slice(3) : path).split("/").map((s) => encodeURIComponent(s));
  if (drive) return `file:///${path.slice(0, 2)}/${segments.join("/")}`;
  if (path.startsWith("/")) return `file://${segments.join("/")}`;
  return segments.join("/");
}

/** The first paragraph of an explanation, on one line. */
function firstParagraph(markdown: string): string {
  const para = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  return para.replace(/\s*\n\s*/g, " ");
}
