// The GitHub renderer: one workflow command per diagnostic, which GitHub Actions turns into an
// annotation on the line of the pull request.
//
// In:  the P0101 diagnostic of the human renderer's example, in src/main.rs.
// Out: ::error file=src/main.rs,line=31,col=21,endLine=31,endColumn=24,title=P0101::`fut` is moved after it was pinned and polled%0Asrc/main.rs:21:13: this borrow is held across an await%0A…%0Anote: …%0Ahelp: …
//
// `::error` for errors, `::warning` for warnings, `::notice` for notes and help. The message is the
// diagnostic's message, then one line per secondary label (`file:line:col: label`), per note
// (`note: …`) and per help (`help: …`). Escaping is GitHub's (@actions/core's `escapeData` and
// `escapeProperty`): `%`, `\r` and `\n` in the message become `%25`, `%0D`, `%0A`; in property values
// `:` and `,` also become `%3A` and `%2C`. Columns count characters; `endColumn` is one past the
// span's last character, as in the JSON output.

import { assertNever, type Diagnostic, type FileDiagnostics, type Severity } from "./diagnostic.js";
import { locate, locateSpan } from "./position.js";
import type { SourceFile } from "../syntax/source.js";

export function renderGithub(batches: readonly FileDiagnostics[]): string {
  let out = "";
  for (const { file, diagnostics } of batches) for (const d of diagnostics) out += githubCommand(d, file) + "\n";
  return out;
}

function command(severity: Severity): string {
  switch (severity) {
    case "error":
      return "error";
    case "warning":
      return "warning";
    case "note":
    case "help":
      return "notice";
    default:
      return assertNever(severity, "severity");
  }
}

/** One `::error …::message` line, without the newline. */
export function githubCommand(d: Diagnostic, file: SourceFile): string {
  const { start, end } = locateSpan(file, d.span);
  const properties: [string, string][] = [
    ["file", file.name],
    ["line", String(start.line)],
    ["col", String(start.column)],
    ["endLine", String(end.line)],
    ["endColumn", String(end.column)],
  ];
  if (d.code !== "") properties.push(["title", d.code]);
  const lines = [d.message];
  for (const l of d.labels) {
    if (l.primary || l.message === "") continue;
    const at = locate(file, l.span.lo);
    lines.push(`${file.name}:${at.line}:${at.column}: ${l.message}`);
  }
  for (const n of d.notes) lines.push(`note: ${n}`);
  for (const h of d.help) lines.push(`help: ${h}`);
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  return `::${command(d.severity)} ${props}::${escapeData(lines.join("\n"))}`;
}

/** GitHub's escaping of a command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** GitHub's escaping of a command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
