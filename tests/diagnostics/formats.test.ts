// The machine formats and the short form: JSON (DESIGN.md's shape), SARIF 2.1.0 (checked by a small
// structural validator written from the SARIF schema: required properties, enums, integer ranges, and
// no properties the schema does not define — its objects do not allow extra ones), GitHub workflow
// commands (with GitHub's escaping), and `file:line:col: error[P0101]: message` lines.

import { describe, expect, it } from "vitest";
import type { Diagnostic, FileDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { CATALOG } from "../../src/diagnostics/catalog.js";
import { OUTPUT_FORMATS, renderDiagnostics } from "../../src/diagnostics/index.js";
import { escapeData, escapeProperty, renderGithub } from "../../src/diagnostics/render-github.js";
import { renderJson, toJson } from "../../src/diagnostics/render-json.js";
import { fileUri, renderSarif, toSarif } from "../../src/diagnostics/render-sarif.js";
import { renderShort, renderShortSummary } from "../../src/diagnostics/render-short.js";
import { SourceFile, type Span } from "../../src/syntax/source.js";

const main = new SourceFile(
  "src/main.rs",
  "fn main() {\n    let mut fut = greet();\n    let r = &name;\n    let mut moved = fut;\n}\n",
);
const other = new SourceFile("src/日本.rs", "struct S { p: *const u8 }\n");

function at(file: SourceFile, needle: string, part = needle): Span {
  const lo = file.text.indexOf(needle) + needle.indexOf(part);
  return { lo, hi: lo + part.length };
}

const p0101: Diagnostic = {
  code: "P0101",
  severity: "error",
  message: "`fut` is moved after it was pinned and polled",
  span: at(main, "= fut;", "fut"),
  labels: [
    { span: at(main, "= fut;", "fut"), message: "moved here while pinned", primary: true },
    { span: at(main, "&name"), message: "this borrow is held across an await", primary: false },
    { span: at(main, "greet()"), message: "", primary: false },
  ],
  notes: ["a note: with a colon, 100% sure"],
  help: ["use `Box::pin`"],
};
const p0201: Diagnostic = {
  code: "P0201",
  severity: "warning",
  message: "struct `S` points to its own field\nbut is `Unpin`",
  span: at(other, "S"),
  labels: [{ span: at(other, "S"), message: "", primary: true }],
  notes: [],
  help: [],
};
const p0001: Diagnostic = { ...p0201, code: "P0001", severity: "note", message: "self-referential" };
const eof: Diagnostic = {
  code: "P0002",
  severity: "error",
  message: "unclosed delimiter",
  span: { lo: main.text.length, hi: main.text.length },
  labels: [{ span: { lo: main.text.length, hi: main.text.length }, message: "", primary: true }],
  notes: [],
  help: [],
};

const batches: FileDiagnostics[] = [
  { file: main, diagnostics: [p0101, eof] },
  { file: other, diagnostics: [p0201, p0001] },
];

describe("json", () => {
  it("is one document for all files, in DESIGN.md's shape", () => {
    const text = renderJson(batches);
    expect(text.endsWith("\n")).toBe(true);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(["diagnostics"]);
    expect(doc.diagnostics).toHaveLength(4);
    for (const d of doc.diagnostics) {
      expect(Object.keys(d)).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "labels", "notes", "help"]);
      for (const l of d.labels) expect(Object.keys(l)).toEqual(["message", "primary", "line", "column", "endLine", "endColumn"]);
    }
  });

  it("gives 1-based lines and character columns, the end one past the last character", () => {
    const [d, e, w] = toJson(batches).diagnostics;
    expect(d).toMatchObject({ code: "P0101", severity: "error", file: "src/main.rs", line: 4, column: 21, endLine: 4, endColumn: 24 });
    expect(d!.labels).toEqual([
      { message: "moved here while pinned", primary: true, line: 4, column: 21, endLine: 4, endColumn: 24 },
      { message: "this borrow is held across an await", primary: false, line: 3, column: 13, endLine: 3, endColumn: 18 },
      { message: "", primary: false, line: 2, column: 19, endLine: 2, endColumn: 26 },
    ]);
    expect(d!.notes).toEqual(["a note: with a colon, 100% sure"]);
    expect(d!.help).toEqual(["use `Box::pin`"]);
    // The end of a file that ends with a newline is on its last line, one past the newline (rustc).
    expect(e).toMatchObject({ line: 5, column: 3, endLine: 5, endColumn: 3 });
    expect(w).toMatchObject({ file: "src/日本.rs", severity: "warning", line: 1, column: 8, endColumn: 9, message: "struct `S` points to its own field\nbut is `Unpin`" });
  });

  it("is an empty list without diagnostics", () => {
    expect(renderJson([])).toBe('{"diagnostics":[]}\n');
  });
});

describe("short", () => {
  it("prints `file:line:col: severity[code]: message: primary label`, one line each", () => {
    expect(renderShort(batches, { color: false })).toBe(
      [
        "src/main.rs:4:21: error[P0101]: `fut` is moved after it was pinned and polled: moved here while pinned",
        "src/main.rs:5:3: error[P0002]: unclosed delimiter",
        "src/日本.rs:1:8: warning[P0201]: struct `S` points to its own field but is `Unpin`",
        "src/日本.rs:1:8: note[P0001]: self-referential",
        "",
      ].join("\n"),
    );
    expect(renderShortSummary(batches, { color: false })).toBe("error: aborting due to 2 previous errors; 1 warning emitted\n");
  });

  it("colours only the severity and code, and only when asked", () => {
    expect(renderShort(batches, { color: false })).not.toContain("\x1b");
    const first = renderShort(batches, { color: true }).split("\n")[0];
    expect(first).toBe("src/main.rs:4:21: \x1b[1m\x1b[91merror[P0101]\x1b[0m: `fut` is moved after it was pinned and polled: moved here while pinned");
  });
});

describe("github", () => {
  it("prints one workflow command per diagnostic", () => {
    const lines = renderGithub(batches).split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "::error file=src/main.rs,line=4,col=21,endLine=4,endColumn=24,title=P0101::" +
        "`fut` is moved after it was pinned and polled%0A" +
        "src/main.rs:3:13: this borrow is held across an await%0A" +
        "note: a note: with a colon, 100%25 sure%0A" +
        "help: use `Box::pin`",
    );
    expect(lines[2]).toBe("::warning file=src/日本.rs,line=1,col=8,endLine=1,endColumn=9,title=P0201::struct `S` points to its own field%0Abut is `Unpin`");
    expect(lines[3]).toMatch(/^::notice file=/);
    expect(lines[4]).toBe("");
  });

  it("escapes as GitHub does: %, CR, LF in data; also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
    expect(escapeProperty("C:\\dir,x\n%")).toBe("C%3A\\dir%2Cx%0A%25");
    const odd = new SourceFile("a,b:c.rs", "fn main() {}\n");
    const d: Diagnostic = { ...p0001, severity: "help", span: { lo: 3, hi: 7 }, labels: [] };
    expect(renderGithub([{ file: odd, diagnostics: [d] }])).toBe("::notice file=a%2Cb%3Ac.rs,line=1,col=4,endLine=1,endColumn=8,title=P0001::self-referential\n");
  });
});

// ------------------------------------------------------------------------------------------------
// SARIF

/** The properties the SARIF 2.1.0 schema defines for the objects pinion writes (none allows others). */
const SARIF_PROPERTIES: Record<string, readonly string[]> = {
  log: ["$schema", "version", "runs", "inlineExternalProperties", "properties"],
  run: ["tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"],
  tool: ["driver", "extensions", "properties"],
  toolComponent: ["guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"],
  reportingDescriptor: ["id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties"],
  reportingConfiguration: ["enabled", "level", "rank", "parameters", "properties"],
  multiformatMessageString: ["text", "markdown", "properties"],
  result: ["ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"],
  message: ["text", "markdown", "id", "arguments", "properties"],
  location: ["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"],
  physicalLocation: ["address", "artifactLocation", "region", "contextRegion", "properties"],
  artifactLocation: ["uri", "uriBaseId", "index", "description", "properties"],
  region: ["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"],
};

const LEVELS = ["none", "note", "warning", "error"];

/** Checks a SARIF log against the schema's rules for what pinion writes; returns the problems. */
function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const isInt = (v: unknown, min: number) => typeof v === "number" && Number.isInteger(v) && v >= min;
  const obj = (v: unknown, kind: string, path: string, required: string[] = []): Record<string, unknown> | undefined => {
    if (!isObj(v)) {
      problems.push(`${path}: not an object`);
      return undefined;
    }
    for (const k of Object.keys(v)) if (!SARIF_PROPERTIES[kind]!.includes(k)) problems.push(`${path}.${k}: not a property of ${kind}`);
    for (const k of required) if (!(k in v)) problems.push(`${path}: ${kind} requires ${k}`);
    return v;
  };
  const text = (v: unknown, kind: "message" | "multiformatMessageString", path: string) => {
    const m = obj(v, kind, path);
    if (m && typeof m.text !== "string" && (kind === "multiformatMessageString" || typeof m.id !== "string")) problems.push(`${path}: needs text`);
  };
  const absoluteUri = (v: unknown, path: string) => {
    if (typeof v !== "string" || !/^[a-z][a-z0-9+.-]*:/i.test(v)) problems.push(`${path}: not an absolute URI: ${String(v)}`);
  };
  const uriReference = (v: unknown, path: string) => {
    // No spaces, no backslashes, every `%` an escape.
    if (typeof v !== "string" || /[\s\\]|%(?![0-9A-Fa-f]{2})/.test(v)) problems.push(`${path}: not a URI reference: ${String(v)}`);
  };
  const location = (v: unknown, path: string, needsId: boolean) => {
    const l = obj(v, "location", path);
    if (!l) return;
    if (needsId && !isInt(l.id, -1)) problems.push(`${path}.id: not an integer ≥ -1`);
    if (l.message !== undefined) text(l.message, "message", `${path}.message`);
    const p = obj(l.physicalLocation, "physicalLocation", `${path}.physicalLocation`);
    if (!p) return;
    if (!("artifactLocation" in p) && !("address" in p)) problems.push(`${path}.physicalLocation: needs artifactLocation or address`);
    const a = obj(p.artifactLocation, "artifactLocation", `${path}.physicalLocation.artifactLocation`);
    if (a) uriReference(a.uri, `${path}.physicalLocation.artifactLocation.uri`);
    const r = p.region === undefined ? undefined : obj(p.region, "region", `${path}.physicalLocation.region`);
    if (r) {
      for (const k of ["startLine", "startColumn", "endLine", "endColumn"]) if (!isInt(r[k], 1)) problems.push(`${path}.region.${k}: not an integer ≥ 1`);
      if ((r.endLine as number) < (r.startLine as number)) problems.push(`${path}.region: ends before it starts`);
    }
  };

  const root = obj(log, "log", "log", ["version", "runs"]);
  if (!root) return problems;
  if (root.version !== "2.1.0") problems.push(`version: ${String(root.version)}`);
  if (root.$schema !== undefined) absoluteUri(root.$schema, "$schema");
  if (!Array.isArray(root.runs)) return [...problems, "runs: not an array"];
  root.runs.forEach((run: unknown, ri: number) => {
    const rp = `runs[${ri}]`;
    const r = obj(run, "run", rp, ["tool"]);
    if (!r) return;
    if (r.columnKind !== undefined && !["utf16CodeUnits", "unicodeCodePoints"].includes(r.columnKind as string)) problems.push(`${rp}.columnKind`);
    const tool = obj(r.tool, "tool", `${rp}.tool`, ["driver"]);
    const driver = tool && obj(tool.driver, "toolComponent", `${rp}.tool.driver`, ["name"]);
    if (driver && typeof driver.name !== "string") problems.push(`${rp}.tool.driver.name`);
    if (driver?.informationUri !== undefined) absoluteUri(driver.informationUri, `${rp}.tool.driver.informationUri`);
    const rules = (driver?.rules ?? []) as unknown[];
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const p = `${rp}.tool.driver.rules[${i}]`;
      const d = obj(rule, "reportingDescriptor", p, ["id"]);
      if (!d) return;
      if (typeof d.id !== "string" || ids.has(d.id)) problems.push(`${p}.id: missing or repeated`);
      ids.add(d.id as string);
      for (const k of ["shortDescription", "fullDescription", "help"]) if (d[k] !== undefined) text(d[k], "multiformatMessageString", `${p}.${k}`);
      if (d.helpUri !== undefined) absoluteUri(d.helpUri, `${p}.helpUri`);
      const c = d.defaultConfiguration === undefined ? undefined : obj(d.defaultConfiguration, "reportingConfiguration", `${p}.defaultConfiguration`);
      if (c && !LEVELS.includes(c.level as string)) problems.push(`${p}.defaultConfiguration.level`);
    });
    if (!Array.isArray(r.results)) return;
    r.results.forEach((res: unknown, i: number) => {
      const p = `${rp}.results[${i}]`;
      const x = obj(res, "result", p, ["message"]);
      if (!x) return;
      text(x.message, "message", `${p}.message`);
      if (x.level !== undefined && !LEVELS.includes(x.level as string)) problems.push(`${p}.level`);
      if (x.ruleIndex !== undefined) {
        if (!isInt(x.ruleIndex, -1)) problems.push(`${p}.ruleIndex`);
        else if ((rules[x.ruleIndex as number] as { id?: string } | undefined)?.id !== x.ruleId) problems.push(`${p}.ruleIndex: not the rule ${String(x.ruleId)}`);
      }
      ((x.locations ?? []) as unknown[]).forEach((l, j) => location(l, `${p}.locations[${j}]`, false));
      const seen = new Set<number>();
      ((x.relatedLocations ?? []) as unknown[]).forEach((l, j) => {
        location(l, `${p}.relatedLocations[${j}]`, true);
        const id = (l as { id?: number }).id!;
        if (seen.has(id)) problems.push(`${p}.relatedLocations[${j}].id: repeated`);
        seen.add(id);
      });
    });
  });
  return problems;
}

describe("sarif", () => {
  const options = { informationUri: "https://example.org/pinion", helpUri: (code: string) => `https://example.org/pinion/explain/${code}`, toolVersion: "0.1.0" };

  it("passes the structural validator", () => {
    const log = JSON.parse(renderSarif(batches, options));
    expect(validateSarif(log)).toEqual([]);
    expect(validateSarif(JSON.parse(renderSarif(batches)))).toEqual([]);
    expect(validateSarif(JSON.parse(renderSarif([])))).toEqual([]);
  });

  it("the validator catches what it should", () => {
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toContain("runs[0].tool.driver: toolComponent requires name");
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ level: "fatal" }] }] })).toEqual([
      "runs[0].results[0]: result requires message",
      "runs[0].results[0].message: not an object",
      "runs[0].results[0].level",
    ]);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x", colour: 1 } } }] })).toEqual(["runs[0].tool.driver.colour: not a property of toolComponent"]);
    const badUri = { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a b\\c.rs" } } }] }] }] };
    expect(validateSarif(badUri)).toEqual(["runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: not a URI reference: a b\\c.rs"]);
  });

  it("describes the tool and one rule per code, from the catalog", () => {
    const log = toSarif(batches, options) as any;
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: "pinion", version: "0.1.0", informationUri: "https://example.org/pinion" });
    expect(driver.rules.map((r: any) => r.id)).toEqual(CATALOG.map((c) => c.code));
    const rule = driver.rules.find((r: any) => r.id === "P0102");
    expect(rule).toMatchObject({
      shortDescription: { text: "`Pin::new_unchecked` on a local that stays reachable by name" },
      helpUri: "https://example.org/pinion/explain/P0102",
      defaultConfiguration: { level: "warning" },
    });
    expect(rule.fullDescription.text).toMatch(/^`Pin::new_unchecked\(&mut x\)` is called on a local variable/);
    expect(rule.help.markdown).toContain("```rust\n");
    expect(rule.help.markdown).not.toContain("compile_fail");
    expect(driver.rules.find((r: any) => r.id === "P0001").defaultConfiguration.level).toBe("note");
  });

  it("reports results with their locations, related locations, levels and rule indexes", () => {
    const run = (toSarif(batches, options) as any).runs[0];
    expect(run.columnKind).toBe("unicodeCodePoints");
    expect(run.results.map((r: any) => [r.ruleId, r.level])).toEqual([
      ["P0101", "error"],
      ["P0002", "error"],
      ["P0201", "warning"],
      ["P0001", "note"],
    ]);
    const [r] = run.results;
    expect(r.ruleIndex).toBe(CATALOG.findIndex((c) => c.code === "P0101"));
    expect(r.message.text).toBe("`fut` is moved after it was pinned and polled\nnote: a note: with a colon, 100% sure\nhelp: use `Box::pin`");
    expect(r.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: "src/main.rs" }, region: { startLine: 4, startColumn: 21, endLine: 4, endColumn: 24 } },
        message: { text: "moved here while pinned" },
      },
    ]);
    expect(r.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: "src/main.rs" }, region: { startLine: 3, startColumn: 13, endLine: 3, endColumn: 18 } },
        message: { text: "this borrow is held across an await" },
      },
      { id: 2, physicalLocation: { artifactLocation: { uri: "src/main.rs" }, region: { startLine: 2, startColumn: 19, endLine: 2, endColumn: 26 } } },
    ]);
    expect(run.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe("src/%E6%97%A5%E6%9C%AC.rs");
  });

  it("turns file names into URI references", () => {
    expect(fileUri("src/main.rs")).toBe("src/main.rs");
    expect(fileUri("my dir\\a#b.rs")).toBe("my%20dir/a%23b.rs");
    expect(fileUri("/home/me/x.rs")).toBe("file:///home/me/x.rs");
    expect(fileUri("C:\\work\\x.rs")).toBe("file:///C:/work/x.rs");
  });
});

describe("renderDiagnostics", () => {
  it("renders every format; human and short end with the summary", () => {
    for (const format of OUTPUT_FORMATS) expect(renderDiagnostics(format, batches, { color: false }).length).toBeGreaterThan(0);
    expect(renderDiagnostics("human", batches, { color: false })).toMatch(/\n\nerror: aborting due to 2 previous errors; 1 warning emitted\n\n/);
    expect(renderDiagnostics("short", batches, { color: false }).split("\n").at(-2)).toBe("error: aborting due to 2 previous errors; 1 warning emitted");
    expect(renderDiagnostics("human", [], { color: false })).toBe("");
    expect(renderDiagnostics("json", [], { color: false })).toBe('{"diagnostics":[]}\n');
  });
});
