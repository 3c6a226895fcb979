// rustc as the oracle for the human renderer. Each fixture in rustc-layout/ was compiled by rustc
// (regen.mjs records its JSON output in X.rustc.json); every diagnostic rustc printed is turned back
// into a pinion `Diagnostic` — same spans, labels, notes — and render-human must print exactly the
// bytes rustc printed, plain and with colour. The recorded files need no rustc to run; the last test
// checks, where rustc is installed, that they are still what it prints.
//
// What is compared: the diagnostic itself and its span-less notes and help. rustc's sub-diagnostics
// that carry their own spans (`note: required by a bound in …` with a snippet, `help:` with a code
// suggestion) are not part of pinion's `Diagnostic`, so the comparison stops where the first one
// starts. Diagnostics from macro expansions, with spans in other files, or whose suggestion rustc
// inlines into a label are skipped (and counted: the test fails if too few are left).

import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic, Label, Severity } from "../../src/diagnostics/diagnostic.js";
import { renderHumanDiagnostic, renderSummary } from "../../src/diagnostics/render-human.js";
import { renderShortDiagnostic, renderShortSummary } from "../../src/diagnostics/render-short.js";
import { SourceFile } from "../../src/syntax/source.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "rustc-layout");

interface RecordedSpan {
  file: string;
  byteStart: number;
  byteEnd: number;
  primary: boolean;
  label: string | null;
  fromMacro: boolean;
}
interface RecordedMessage {
  level: string;
  code: string | null;
  message: string;
  spans: RecordedSpan[];
  children: { level: string; message: string; hasSpans: boolean }[];
  rendered: string;
  renderedAnsi: string;
}
interface Recorded {
  rustc: string;
  file: string;
  messages: RecordedMessage[];
  /** `--error-format=short`: one line per diagnostic (in the order of `messages`), then the summary. */
  short: string[];
  shortAnsi: string[];
}

/** UTF-8 byte offset → UTF-16 offset, for rustc's spans. */
function byteToUtf16(text: string): (byte: number) => number {
  const map: number[] = [];
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map[b + k] = i;
    b += bytes;
    i += units;
  }
  map[b] = text.length;
  return (byte) => map[byte]!;
}

interface Case {
  name: string;
  diagnostic: Diagnostic;
  file: SourceFile;
  plain: string;
  ansi: string;
  short: string;
  shortAnsi: string;
}

const ANSI = /\x1b\[[0-9;]*m/g;

function isSummary(m: RecordedMessage): boolean {
  return m.spans.length === 0 && (m.level === "failure-note" || /^aborting due to|^\d+ warnings? emitted$/.test(m.message));
}

/** The recorded diagnostics pinion's `Diagnostic` can express, with rustc's rendering cut to match. */
function cases(rec: Recorded, skipped: string[]): Case[] {
  const text = readFileSync(join(dir, rec.file), "utf8");
  const file = new SourceFile(rec.file, text);
  const toUtf16 = byteToUtf16(text);
  const out: Case[] = [];
  let shortIndex = 0;
  rec.messages.forEach((m, index) => {
    if (isSummary(m)) return;
    const short = rec.short[shortIndex]!;
    const shortAnsi = rec.shortAnsi[shortIndex++]!;
    const name = `${rec.file} #${index}: ${m.message}`;
    const skip = (why: string) => skipped.push(`${name}: ${why}`);
    if (!["error", "warning", "note", "help"].includes(m.level)) return skip(`level ${m.level}`);
    if (m.spans.length === 0) return skip("no spans");
    if (m.spans.some((s) => s.file !== rec.file)) return skip("a span in another file");
    if (m.rendered.includes("this error originates in the macro")) return skip("a macro backtrace note");
    const plainLines = m.rendered.replace(/\n\n$/, "").split("\n");
    const ansiLines = m.renderedAnsi.replace(/\n\n$/, "").split("\n");
    // Where the first sub-diagnostic with spans starts; a suggestion rustc inlined has no header.
    let cut = plainLines.length;
    let spanless = 0;
    for (const child of m.children) {
      if (!child.hasSpans) {
        if (cut < plainLines.length) return skip("a span-less child after one with spans");
        spanless++;
        continue;
      }
      const header = `${child.level}: ${child.message.split("\n")[0]}`;
      const at = plainLines.findIndex((l, i) => i > 0 && l === header);
      if (at < 0) return skip("a suggestion rendered inline");
      cut = Math.min(cut, at);
    }
    const notes = m.children.filter((c) => !c.hasSpans && c.level === "note").map((c) => c.message);
    const help = m.children.filter((c) => !c.hasSpans && c.level === "help").map((c) => c.message);
    const kinds = m.children.filter((c) => !c.hasSpans).map((c) => c.level);
    if (kinds.join(",") !== [...notes.map(() => "note"), ...help.map(() => "help")].join(",")) return skip("help before a note");
    // Without span-less children, the `|` line before the cut belonged to the sub-diagnostics.
    let keep = cut;
    if (cut < plainLines.length && spanless === 0) keep = cut - 1;
    const labels: Label[] = m.spans.map((s) => ({
      span: { lo: toUtf16(s.byteStart), hi: toUtf16(s.byteEnd) },
      message: s.label ?? "",
      primary: s.primary,
    }));
    // With several primary spans, rustc's `-->` names the first of its list of primary spans, an order
    // the JSON does not keep: take the one the `-->` line points at.
    const arrow = /--> .*:(\d+):(\d+)$/.exec(plainLines[1] ?? "");
    const points = (l: Label) => {
      const { line, column } = file.lineCol(l.span.lo);
      return arrow !== null && `${line}:${column}` === `${arrow[1]}:${arrow[2]}`;
    };
    const primary = labels.find((l) => l.primary && points(l)) ?? labels.find((l) => l.primary) ?? labels[0]!;
    out.push({
      name,
      file,
      diagnostic: {
        // rustc prints error codes in the header, not lint names.
        code: m.code !== null && /^E\d{4}$/.test(m.code) ? m.code : "",
        severity: m.level as Severity,
        message: m.message,
        span: primary.span,
        labels,
        notes,
        help,
      },
      plain: plainLines.slice(0, keep).join("\n") + "\n\n",
      ansi: ansiLines.slice(0, keep).join("\n") + "\n\n",
      short: short + "\n",
      shortAnsi: shortAnsi + "\n",
    });
  });
  return out;
}

const recorded: Recorded[] = readdirSync(dir)
  .filter((n) => n.endsWith(".rustc.json"))
  .sort()
  .map((n) => JSON.parse(readFileSync(join(dir, n), "utf8")) as Recorded);
const skipped: string[] = [];
const all = recorded.flatMap((r) => cases(r, skipped));

describe("render-human prints what rustc prints", () => {
  it("has enough cases", () => {
    // 10 fixtures, 30 diagnostics; the skipped ones are the inline suggestions of unused variables.
    expect(skipped, skipped.join("\n")).toHaveLength(0);
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(skipped, skipped.join("\n")).toHaveLength(0);
  });

  for (const c of all) {
    it(`plain: ${c.name}`, () => {
      expect(renderHumanDiagnostic(c.diagnostic, c.file, { color: false })).toBe(c.plain);
    });
    it(`colour: ${c.name}`, () => {
      const got = renderHumanDiagnostic(c.diagnostic, c.file, { color: true });
      // Same text first (a clearer failure), then the same escapes.
      expect(got.replace(ANSI, "")).toBe(c.ansi.replace(ANSI, ""));
      expect(JSON.stringify(got)).toBe(JSON.stringify(c.ansi));
    });
  }
});

describe("render-short prints what rustc --error-format=short prints", () => {
  for (const c of all) {
    it(`plain: ${c.name}`, () => {
      expect(renderShortDiagnostic(c.diagnostic, c.file, { color: false })).toBe(c.short);
    });
    it(`colour: ${c.name}`, () => {
      expect(JSON.stringify(renderShortDiagnostic(c.diagnostic, c.file, { color: true }))).toBe(JSON.stringify(c.shortAnsi));
    });
  }
  for (const rec of recorded) {
    const file = new SourceFile(rec.file, readFileSync(join(dir, rec.file), "utf8"));
    const diagnostics = countable(rec);
    it(`summary: ${rec.file}`, () => {
      expect(renderShortSummary([{ file, diagnostics }], { color: false })).toBe(rec.short.at(-1) + "\n");
      expect(JSON.stringify(renderShortSummary([{ file, diagnostics }], { color: true }))).toBe(JSON.stringify(rec.shortAnsi.at(-1) + "\n"));
    });
  }
});

/** One diagnostic per recorded error or warning: all the summary needs are their counts and codes. */
function countable(rec: Recorded): Diagnostic[] {
  return rec.messages
    .filter((m) => !isSummary(m) && (m.level === "error" || m.level === "warning"))
    .map((m) => ({
      code: m.code ?? "",
      severity: m.level as Severity,
      message: m.message,
      span: { lo: 0, hi: 0 },
      labels: [],
      notes: [],
      help: [],
    }));
}

describe("renderSummary prints rustc's closing lines", () => {
  for (const rec of recorded) {
    const summary = rec.messages.filter(isSummary);
    if (summary.length === 0) continue;
    const text = readFileSync(join(dir, rec.file), "utf8");
    const file = new SourceFile(rec.file, text);
    const diagnostics = countable(rec);
    const options = { explainCommand: "rustc --explain", hasExplanation: (code: string) => /^E\d{4}$/.test(code) };
    it(`plain: ${rec.file}`, () => {
      expect(renderSummary([{ file, diagnostics }], { ...options, color: false })).toBe(summary.map((m) => m.rendered).join(""));
    });
    it(`colour: ${rec.file}`, () => {
      const got = renderSummary([{ file, diagnostics }], { ...options, color: true });
      expect(JSON.stringify(got)).toBe(JSON.stringify(summary.map((m) => m.renderedAnsi).join("")));
    });
  }
});

describe("the recorded rustc output is current", () => {
  const version = spawnSync("rustc", ["--version"], { encoding: "utf8" });
  const installed = version.status === 0 ? version.stdout.trim() : undefined;
  const recordedWith = recorded[0]?.rustc;
  it("matches the installed rustc (regen.mjs --check)", (ctx) => {
    if (installed === undefined) {
      console.log("skipped: rustc is not installed; the recorded output was made by " + recordedWith);
      ctx.skip();
      return;
    }
    if (installed !== recordedWith) {
      console.log(`skipped: the fixtures were recorded with ${recordedWith}, the installed rustc is ${installed}; run regen.mjs to compare`);
      ctx.skip();
      return;
    }
    const r = spawnSync(process.execPath, [join(dir, "regen.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stdout).toContain("all fixtures match");
    expect(r.status).toBe(0);
  });
});
