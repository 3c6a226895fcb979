// `pinion check` on the programs of the other corpora:
//
//   tests/run-pass/*.rs   behaviour tests: correct programs, rustc runs them — no error
//   examples/*.rs         teaching programs; their X.expect says `check-codes: P0201:14 P0101:37` for the
//                         ones meant to be wrong: exactly those errors (warnings besides are fine), and
//                         no error at all for the others
//   tests/ub/*.rs         undefined behavior caught at run time: `check-codes` likewise
//   ../shared/acceptance  the acceptance cases (when the folder is there), the same way

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Session } from "../../src/pipeline.js";
import { checkFile } from "../../src/check/index.js";

const session = new Session();

/**
 * Programs an earlier stage rejects although rustc accepts them, with the errors it reports. The test
 * holds them to exactly these, so that a fix shows up (and the entry must then go). None today.
 */
const KNOWN_GAPS: Record<string, readonly string[]> = {};

function wantedCodes(path: string): string[] {
  const expect = path.replace(/\.rs$/, ".expect");
  if (!existsSync(expect)) return [];
  const m = /^check-codes:(.*)$/m.exec(readFileSync(expect, "utf8"));
  return m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

function errorsOf(path: string): { errors: string[]; all: string[] } {
  const r = checkFile(session, path, readFileSync(path, "utf8"), { verbose: false });
  const at = (d: (typeof r.diagnostics)[number]) => `${d.code}:${r.file.lineCol(d.span.lo).line}`;
  return { errors: r.diagnostics.filter((d) => d.severity === "error").map(at), all: r.diagnostics.filter((d) => d.severity !== "note").map(at) };
}

function corpus(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".rs"))
    .sort()
    .map((n) => join(dir, n));
}

describe("no error on correct programs", () => {
  for (const path of corpus("tests/run-pass")) {
    it(path, () => {
      expect(errorsOf(path).errors).toEqual(KNOWN_GAPS[path] ?? []);
    });
  }
});

describe("exactly the expected codes on the programs meant to be wrong", () => {
  const acceptance = join("..", "shared", "acceptance");
  const paths = [...corpus("examples"), ...corpus("tests/ub"), ...["run", "ub", "compile-fail"].flatMap((k) => corpus(join(acceptance, k)))];
  for (const path of paths) {
    const wanted = wantedCodes(path);
    it(`${path}: ${wanted.length ? wanted.join(" ") : "no error"}`, () => {
      const { errors, all } = errorsOf(path);
      for (const w of wanted) expect(all).toContain(w);
      // Every error is one of the expected ones (P0102 and P0201, warnings, may come besides).
      expect(errors.filter((e) => !wanted.includes(e))).toEqual([]);
    });
  }
});

describe("no crash on any Rust file of the repository", () => {
  // Programs that are not meant to type-check (grammar fixtures, syntax tests), empty and broken ones:
  // the checker reports what it can and never throws (STYLE.md: no stage throws on user input).
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".rs") ? [join(dir, e.name)] : []))
      : [];
  const files = [...walk("grammar-fixtures"), ...walk("tests/syntax"), ...walk("tests/layout"), ...walk("tests/runtime")].sort();
  it(`${files.length} files, and three odd ones`, () => {
    for (const f of files) expect(() => checkFile(session, f, readFileSync(f, "utf8"), { verbose: true })).not.toThrow();
    for (const text of ["", "fn main( {", "async fn f() { let x = &y; g().await; }\nfn main() { let f = f(); let g = f; }"]) {
      expect(() => checkFile(session, "odd.rs", text, { verbose: true })).not.toThrow();
    }
  }, 120_000);
});
