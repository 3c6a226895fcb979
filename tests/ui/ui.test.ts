// The checker's UI tests, in rustc's style: every tests/ui/X.rs is checked by `pinion check` (the
// command's own code, with its output captured), and
//
//   1. its diagnostics match its `//~` annotations exactly (the command exits 0: for an annotated
//      file only mismatches count; for an `ok_*` file, which carries none, nothing may be reported);
//   2. what the command prints (human format, no colour) equals the checked-in X.stderr snapshot —
//      no snapshot when it prints nothing. Bless mode writes the snapshots instead:
//          PINION_BLESS=1 npx vitest run tests/ui
//      Blessed snapshots are reviewed by reading them; the annotations keep them honest;
//   3. rustc agrees: X.rustc.json (rustc's verdict, checked in, regenerated and verified by
//      scripts/ui-rustc.mjs) rejects the program with E0277/E0596/E0594/E0507 exactly on the lines
//      where pinion reports P0103 and with E0599 exactly where it reports P0104, and accepts every
//      program where pinion reports neither. Nothing is skipped;
//   4. where rustc is installed, the checked-in verdicts are what rustc says today.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Session } from "../../src/pipeline.js";
import { runCheck } from "../../src/cli/check.js";
import { checkFile } from "../../src/check/index.js";

const dir = "tests/ui";
const bless = process.env["PINION_BLESS"] === "1";
const cases = readdirSync(dir)
  .filter((n) => n.endsWith(".rs"))
  .sort();
const session = new Session();

/**
 * Cases that fail today because of an earlier stage, each with the exact mismatches it shows. The test
 * holds them to these mismatches, so that a fix shows up (and this entry must then be removed). None today.
 */
const KNOWN_GAPS: Record<string, readonly string[]> = {};

function check(name: string): { exit: number; stderr: string } {
  let stderr = "";
  const exit = runCheck([join(dir, name)], { format: "human", color: "never" }, { stdout: () => {}, stderr: (s) => (stderr += s), isTTY: false, env: {} }, session);
  return { exit, stderr };
}

/** The mismatches of a case, in words. */
function mismatches(name: string): string[] {
  const r = checkFile(session, join(dir, name), readFileSync(join(dir, name), "utf8"), { verbose: false });
  return r.counted.map((d) => {
    const line = r.file.lineCol(d.span.lo).line;
    const missing = /^expected `(\w+) (P\d{4})` on line (\d+)/.exec(d.message);
    if (missing) return `missing ${missing[1]} ${missing[2]} on line ${missing[3]}`;
    const unexpected = /^`(P\d{4})` is reported here/.exec(d.message);
    if (unexpected) return `unexpected ${unexpected[1]} on line ${line}`;
    return `${d.code || "error"} on line ${line}: ${d.message}`;
  });
}

describe("tests/ui: diagnostics match the annotations", () => {
  it("has the corpus README describes (at least 60 cases, 20 of them not flagged)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.startsWith("ok_")).length).toBeGreaterThanOrEqual(20);
  });
  for (const name of cases) {
    it(name, () => {
      const got = mismatches(name);
      expect(got.sort()).toEqual([...(KNOWN_GAPS[name] ?? [])].sort());
      if (name.startsWith("ok_")) expect(readFileSync(join(dir, name), "utf8")).not.toContain("//~");
    });
  }
});

describe("tests/ui: the human output equals the .stderr snapshot", () => {
  for (const name of cases) {
    it(name, () => {
      const { exit, stderr } = check(name);
      const snapshot = join(dir, name.replace(/\.rs$/, ".stderr"));
      if (bless) {
        if (stderr) writeFileSync(snapshot, stderr);
        else if (existsSync(snapshot)) rmSync(snapshot);
      }
      if (!stderr) expect(existsSync(snapshot), `${snapshot} exists but pinion prints nothing`).toBe(false);
      else expect(stderr).toBe(existsSync(snapshot) ? readFileSync(snapshot, "utf8") : `<no snapshot ${snapshot}: bless with PINION_BLESS=1>`);
      expect(exit).toBe(KNOWN_GAPS[name] ? 1 : 0);
    });
  }
  it("every snapshot belongs to a case", () => {
    for (const s of readdirSync(dir).filter((n) => n.endsWith(".stderr"))) expect(cases).toContain(s.replace(/\.stderr$/, ".rs"));
  });
});

interface Verdict {
  readonly accepted: boolean;
  readonly errors: readonly { readonly code: string | null; readonly line: number | null }[];
}

const FAMILY: Record<string, string> = { E0277: "P0103", E0596: "P0103", E0594: "P0103", E0507: "P0103", E0599: "P0104" };

describe("tests/ui: rustc rejects exactly where pinion reports P0103 / P0104", () => {
  for (const name of cases) {
    it(name, () => {
      const verdict = JSON.parse(readFileSync(join(dir, name.replace(/\.rs$/, ".rustc.json")), "utf8")) as Verdict;
      const r = checkFile(session, join(dir, name), readFileSync(join(dir, name), "utf8"), { verbose: false });
      // Where an earlier stage stands in for P0104 (KNOWN_GAPS), compare what pinion should report.
      const pinion = KNOWN_GAPS[name]
        ? KNOWN_GAPS[name]!.flatMap((g) => {
            const m = /^missing ERROR (P010[34]) on line (\d+)$/.exec(g);
            return m ? [`${m[1]}@${m[2]}`] : [];
          })
        : r.diagnostics.filter((d) => d.code === "P0103" || d.code === "P0104").map((d) => `${d.code}@${r.file.lineCol(d.span.lo).line}`);
      const rustc = verdict.errors.map((e) => `${(e.code && FAMILY[e.code]) ?? `other ${e.code}`}@${e.line}`);
      expect(rustc.sort()).toEqual(pinion.sort());
      expect(verdict.accepted).toBe(pinion.length === 0);
    });
  }
});

function rustcVersion(): string | undefined {
  const r = spawnSync("rustc", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe("tests/ui: the checked-in rustc verdicts are rustc's", () => {
  const version = rustcVersion();
  if (!version) {
    it("needs rustc", () => {
      console.log("skipped: rustc is not installed, so tests/ui/*.rustc.json cannot be verified (scripts/ui-rustc.mjs --check)");
    });
    return;
  }
  it(`scripts/ui-rustc.mjs --check with ${version}`, () => {
    const r = spawnSync(process.execPath, ["scripts/ui-rustc.mjs", "--check"], { encoding: "utf8", timeout: 600_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 600_000);
});
