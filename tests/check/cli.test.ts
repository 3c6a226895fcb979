// `pinion check` as users run it: the built bin/pinion.js (run `npm run build` first; `npm test` does),
// its formats, exit codes, directory walking, `--deny warnings`, colour, inline expectations, and
// what it loads.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = resolve("bin/pinion.js");

function pinion(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "", ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const clean = "tests/ui/ok_pin_macro_poll_loop.rs";
const wrong = "tests/ub/move_let_after_poll.rs";
/** A program with annotations (its warnings are expected ones). */
const warnOnly = "tests/ui/p0201_self_pointer_never_moved.rs";

let tmp = "";
beforeAll(() => {
  if (!existsSync("dist/cli/check.js")) throw new Error("dist/ is not built: run `npm run build` before these tests");
  tmp = mkdtempSync(join(tmpdir(), "pinion-check-cli-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const p = join(tmp, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** A self-pointing struct never moved: one P0201 warning, no error. */
const WARNING_PROGRAM = `struct Node {
    value: String,
    me: *const String,
}

fn main() {
    let mut n = Node { value: String::from("x"), me: std::ptr::null() };
    n.me = &n.value;
    println!("{}", n.value);
}
`;

describe("exit codes", () => {
  it("0 and no output for a clean file", () => {
    const r = pinion(["check", clean]);
    expect(r).toEqual({ code: 0, out: "", err: "" });
  });
  it("1 with errors; human output on stderr, nothing on stdout", () => {
    const r = pinion(["check", wrong]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("error[P0101]: `a` is moved after it was pinned and polled");
    expect(r.err).toContain("error: aborting due to 1 previous error; 2 warnings emitted");
    expect(r.err).toContain("For more information about an error, try `pinion explain P0101`.");
  });
  it("0 for warnings only, 1 with --deny warnings", () => {
    const p = write("deny/warn.rs", WARNING_PROGRAM);
    expect(pinion(["check", p])).toMatchObject({ code: 0, err: expect.stringContaining("warning: 1 warning emitted") });
    expect(pinion(["check", "--deny", "warnings", p]).code).toBe(1);
    expect(pinion(["check", "--deny", "warnings", clean]).code).toBe(0);
    // Warnings an annotation expects do not count.
    expect(pinion(["check", "--deny", "warnings", warnOnly]).code).toBe(0);
  });
  it("2 for usage and I/O errors", () => {
    expect(pinion(["check", "--format", "xml", clean])).toMatchObject({ code: 2, err: expect.stringContaining("unknown format `xml`") });
    expect(pinion(["check", "--color", "sometimes", clean])).toMatchObject({ code: 2, err: expect.stringContaining("unknown colour choice") });
    expect(pinion(["check", "--deny", "errors", clean])).toMatchObject({ code: 2, err: expect.stringContaining("only `--deny warnings`") });
    expect(pinion(["check"]).code).toBe(2);
    expect(pinion(["check", "no/such/file.rs"])).toMatchObject({ code: 2, err: expect.stringContaining("cannot read `no/such/file.rs`: ENOENT") });
    // An unreadable path does not stop the others from being checked; 2 wins over 1.
    const r = pinion(["check", "--format", "short", "no/such/file.rs", wrong]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${wrong}:34:17: error[P0101]`);
  });
});

describe("formats", () => {
  it("json: DESIGN.md's shape on stdout, 1-based lines and columns", () => {
    const r = pinion(["check", "--format", "json", wrong]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const doc = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    const d = doc.diagnostics.find((x) => x["code"] === "P0101")!;
    expect(Object.keys(d)).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "labels", "notes", "help"]);
    expect(d).toMatchObject({ severity: "error", file: wrong, line: 34, column: 17, endLine: 34, endColumn: 18 });
    const labels = d["labels"] as { primary: boolean; line: number }[];
    expect(labels[0]).toMatchObject({ primary: true, line: 34 });
    expect(labels.slice(1).every((l) => !l.primary)).toBe(true);
    expect((d["notes"] as string[]).length).toBeGreaterThan(0);
    expect((d["help"] as string[]).length).toBeGreaterThan(0);
  });
  it("json: an empty document for a clean file", () => {
    expect(pinion(["check", "--format", "json", clean])).toEqual({ code: 0, out: '{"diagnostics":[]}\n', err: "" });
  });
  it("sarif: 2.1.0 with the schema's required fields", () => {
    const r = pinion(["check", "--format", "sarif", wrong]);
    const log = JSON.parse(r.out) as { version: string; $schema: string; runs: { tool: { driver: { name: string } }; results: Record<string, unknown>[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toContain("sarif");
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver.name).toBe("pinion");
    const result = log.runs[0]!.results.find((x) => x["ruleId"] === "P0101")!;
    expect(result).toMatchObject({ level: "error", message: { text: expect.stringContaining("moved") } });
    const loc = (result["locations"] as { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[])[0]!;
    expect(loc.physicalLocation.artifactLocation.uri).toContain("move_let_after_poll.rs");
    expect(loc.physicalLocation.region.startLine).toBe(34);
  });
  it("github: workflow commands", () => {
    const r = pinion(["check", "--format", "github", wrong]);
    expect(r.out).toMatch(new RegExp(`^::error file=${wrong.replace(/[.]/g, "\\.")},line=34,col=17,endLine=34,endColumn=18,title=P0101::`, "m"));
    expect(r.out).toMatch(/^::warning file=.*title=P0102::/m);
  });
  it("short: one line per diagnostic, then the summary", () => {
    const r = pinion(["check", "--format", "short", wrong]);
    const lines = r.err.trim().split("\n");
    expect(lines).toContain(`${wrong}:34:17: error[P0101]: \`a\` is moved after it was pinned and polled: moved here, while it points into itself`);
    expect(lines.filter((l) => l.startsWith(wrong)).length).toBe(3);
  });
});

describe("colour", () => {
  it("only when asked or on a terminal", () => {
    expect(pinion(["check", "--color", "always", wrong]).err).toContain("\u001b[");
    expect(pinion(["check", "--color", "never", wrong]).err).not.toContain("\u001b[");
    // The tests' stderr is a pipe: `auto` means no colour.
    expect(pinion(["check", wrong]).err).not.toContain("\u001b[");
    expect(pinion(["check", "--format", "json", "--color", "always", wrong]).out).not.toContain("\u001b[");
  });
});

describe("paths", () => {
  it("walks directories for .rs files in sorted order, skipping hidden ones", () => {
    write("walk/b.rs", WARNING_PROGRAM);
    write("walk/a/c.rs", WARNING_PROGRAM);
    write("walk/a.rs", WARNING_PROGRAM);
    write("walk/.hidden/x.rs", "fn main( {");
    write("walk/notes.txt", "fn main( {");
    const r = pinion(["check", "--format", "json", join(tmp, "walk")]);
    expect(r.code).toBe(0);
    const files = (JSON.parse(r.out) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file.slice(tmp.length + 1));
    expect(files).toEqual(["walk/a/c.rs", "walk/a.rs", "walk/b.rs"]);
  });
  it("checks many files in one run, in the order given", () => {
    const r = pinion(["check", "--format", "short", warnOnly, wrong]);
    const first = r.err.indexOf(warnOnly);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(r.err.indexOf(wrong));
  });
});

describe("inline expectations", () => {
  it("an annotated file passes when its diagnostics match", () => {
    const r = pinion(["check", "tests/ui/p0101_let_move_after_poll.rs"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("error[P0101]");
    expect(r.err).toContain("note: 4 expected diagnostics matched the `//~` annotations of 1 file");
    expect(r.err).not.toContain("aborting");
  });
  it("reports each mismatch, both ways, and fails", () => {
    const text = readFileSync("tests/ui/p0101_let_move_after_poll.rs", "utf8").replace("let mut moved = fut; //~ ERROR P0101", "let mut moved = fut;").replace("fn main() {", "fn main() { //~ WARN P0201");
    const p = write("expect/mismatch.rs", text);
    const r = pinion(["check", "--format", "short", p]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: `P0101` is reported here, but no `//~ ERROR P0101` annotation expects it");
    expect(r.err).toMatch(/mismatch\.rs:\d+:\d+: error: expected `WARN P0201` on line \d+, but it is not reported there/);
    expect(r.err).toContain("error: aborting due to 2 previous errors");
  });
  it("--verbose adds the P0001 notes", () => {
    const quiet = pinion(["check", "--format", "short", wrong]).err;
    const verbose = pinion(["check", "--format", "short", "--verbose", wrong]).err;
    expect(quiet).not.toContain("note[P0001]");
    expect(verbose).toMatch(/note\[P0001\]: `\w+` holds a reference to `\w+` across an `\.await`/);
  });
});

describe("what `check` loads", () => {
  it("never imports typescript or prettier (statically, from the CLI entry)", () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/^\s*import\s[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
        else bare.add(spec.replace(/^node:/, ""));
      }
    };
    visit(resolve("dist/cli/index.js"));
    expect([...bare].filter((s) => s === "typescript" || s === "prettier" || s.startsWith("typescript/") || s.startsWith("prettier/"))).toEqual([]);
  });
});
