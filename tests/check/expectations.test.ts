// Inline expectations (src/check/expectations.ts): reading `//~` annotations, and holding a file's
// diagnostics to them — every mismatch reported, with a span, both ways.

import { describe, expect, it } from "vitest";
import { diagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../src/syntax/source.js";
import { matchExpectations, parseAnnotations } from "../../src/check/expectations.js";

function file(text: string): SourceFile {
  return new SourceFile("t.rs", text);
}

/** A diagnostic whose primary span is the first occurrence of `at` in the file. */
function diag(f: SourceFile, code: string, severity: Diagnostic["severity"], at: string): Diagnostic {
  const lo = f.text.indexOf(at);
  if (lo < 0) throw new Error(`no ${at}`);
  return diagnostic(code, severity, `a ${code}`, { lo, hi: lo + at.length }, "here");
}

describe("parseAnnotations", () => {
  it("reads the kind, the code and the line, with ^ and |", () => {
    const f = file(["fn main() {", "    let b = fut; //~ ERROR P0101 moved", "    //~^ WARN P0102", "    //~| NOTE P0001", "    x; //~^^^ ERROR P0103", "}"].join("\n"));
    const a = parseAnnotations(f);
    expect(a.problems).toEqual([]);
    expect(a.annotations.map((x) => [x.line, x.kind, x.code, x.message])).toEqual([
      [2, "ERROR", "P0101", "moved"],
      [2, "WARN", "P0102", ""],
      [2, "NOTE", "P0001", ""],
      [2, "ERROR", "P0103", ""],
    ]);
    // The span is the comment itself.
    expect(f.snippet(a.annotations[0]!.span)).toBe("//~ ERROR P0101 moved");
  });

  it("reports an annotation it cannot read, and a `//~|` with nothing before it", () => {
    const f = file("let a = 1; //~ ERR P0101\nlet b = 2; //~| WARN P0102\n");
    const a = parseAnnotations(f);
    expect(a.annotations).toEqual([]);
    expect(a.problems.map((d) => [d.severity, d.message])).toEqual([
      ["error", "cannot read this `//~` annotation"],
      ["error", "`//~|` has no annotation before it to take its line from"],
    ]);
    expect(f.lineCol(a.problems[0]!.span.lo)).toEqual({ line: 1, column: 12 });
  });

  it("finds nothing in a file without annotations", () => {
    expect(parseAnnotations(file("fn main() {}\n"))).toEqual({ annotations: [], problems: [] });
  });
});

describe("matchExpectations", () => {
  const text = ["fn main() {", "    let b = fut; //~ ERROR P0101", "    pin(); //~ WARN P0102", "    other();", "}"].join("\n");

  it("passes when every diagnostic is annotated and every annotation matched", () => {
    const f = file(text);
    const ds = [diag(f, "P0101", "error", "fut"), diag(f, "P0102", "warning", "pin()")];
    const r = matchExpectations(f, parseAnnotations(f), ds);
    expect(r.mismatches).toEqual([]);
    expect(r.matched).toEqual(ds);
  });

  it("reports an annotation that is not matched, at the annotation", () => {
    const f = file(text);
    const r = matchExpectations(f, parseAnnotations(f), [diag(f, "P0101", "error", "fut")]);
    expect(r.mismatches.map((d) => d.message)).toEqual(["expected `WARN P0102` on line 3, but it is not reported there"]);
    expect(f.snippet(r.mismatches[0]!.span)).toBe("//~ WARN P0102");
    expect(r.mismatches[0]!.notes).toEqual(["pinion reports nothing on line 3"]);
  });

  it("reports a diagnostic that is not expected, at the diagnostic, with the annotation to add", () => {
    const f = file(text);
    const ds = [diag(f, "P0101", "error", "fut"), diag(f, "P0102", "warning", "pin()"), diag(f, "P0105", "error", "other()")];
    const r = matchExpectations(f, parseAnnotations(f), ds);
    expect(r.mismatches.map((d) => d.message)).toEqual(["`P0105` is reported here, but no `//~ ERROR P0105` annotation expects it"]);
    expect(f.snippet(r.mismatches[0]!.span)).toBe("other()");
    expect(r.mismatches[0]!.help).toEqual(["if the example is meant to show this, add `//~ ERROR P0105` at the end of line 4"]);
  });

  it("compares code, line and severity", () => {
    const f = file(text);
    // The right code on the wrong line, and a warning where an error is expected.
    const ds = [diag(f, "P0101", "error", "pin()"), diag(f, "P0102", "error", "pin()")];
    const r = matchExpectations(f, parseAnnotations(f), ds);
    expect(r.mismatches).toHaveLength(4);
  });

  it("needs two annotations for two diagnostics on one line", () => {
    const f = file("fn main() {\n    swap(alpha, beta); //~ ERROR P0103\n}\n");
    const ds = [diag(f, "P0103", "error", "alpha"), diag(f, "P0103", "error", "beta")];
    expect(matchExpectations(f, parseAnnotations(f), ds).mismatches).toHaveLength(1);
    const g = file("fn main() {\n    swap(alpha, beta); //~ ERROR P0103\n    //~| ERROR P0103\n}\n");
    expect(matchExpectations(g, parseAnnotations(g), [diag(g, "P0103", "error", "alpha"), diag(g, "P0103", "error", "beta")]).mismatches).toEqual([]);
  });

  it("compares notes only in a file that carries a NOTE annotation", () => {
    const f = file(text);
    const note = diag(f, "P0001", "note", "other()");
    expect(matchExpectations(f, parseAnnotations(f), [diag(f, "P0101", "error", "fut"), diag(f, "P0102", "warning", "pin()"), note]).mismatches).toEqual([]);
    const g = file(text.replace("other();", "other(); //~ NOTE P0001") + "\n// r //~ NOTE P0001");
    const r = matchExpectations(g, parseAnnotations(g), [diag(g, "P0101", "error", "fut"), diag(g, "P0102", "warning", "pin()"), diag(g, "P0001", "note", "other()")]);
    expect(r.mismatches.map((d) => d.message)).toEqual(["expected `NOTE P0001` on line 6, but it is not reported there"]);
  });

  it("turns an unreadable annotation into a mismatch", () => {
    const f = file("fn main() {} //~ ERROR\n");
    const r = matchExpectations(f, parseAnnotations(f), []);
    expect(r.mismatches.map((d) => d.message)).toEqual(["cannot read this `//~` annotation"]);
  });
});
