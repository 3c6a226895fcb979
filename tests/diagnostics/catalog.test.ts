// The catalog: every code of DESIGN.md's table and of the brief, with the right severity, a one-line
// title in the house style, an explanation that teaches (erroneous example, fix, rustc), lookups that
// forgive case and a missing `P`, `pinion explain` and `pinion explain --list` through the CLI, and the
// generated explanations.ts in step with the Markdown files.

import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CATALOG, codeInfo, explain, listCodes } from "../../src/diagnostics/catalog.js";
import { main } from "../../src/cli/index.js";

const here = dirname(fileURLToPath(import.meta.url));

describe("the catalog", () => {
  it("has every code with its severity", () => {
    expect(CATALOG.map((i) => [i.code, i.severity])).toEqual([
      ["P0001", "note"],
      ["P0002", "error"],
      ["P0003", "error"],
      ["P0004", "error"],
      ["P0005", "error"],
      ["P0006", "error"],
      ["P0101", "error"],
      ["P0102", "warning"],
      ["P0103", "error"],
      ["P0104", "error"],
      ["P0105", "error"],
      ["P0201", "warning"],
    ]);
  });

  it("maps the codes rustc rejects to rustc's codes", () => {
    expect(codeInfo("P0103")!.rustcCodes).toEqual(["E0277", "E0594", "E0596", "E0507"]);
    expect(codeInfo("P0104")!.rustcCodes).toEqual(["E0599"]);
    // The undefined-behavior and latent-bug codes compile with rustc.
    for (const code of ["P0001", "P0101", "P0102", "P0105", "P0201"]) expect(codeInfo(code)!.rustcCodes).toEqual([]);
  });

  for (const info of CATALOG) {
    it(`${info.code}: a one-line lowercase title, and an explanation that teaches`, () => {
      expect(info.title).not.toMatch(/\n|\.$|^[A-Z]/);
      const e = info.explanation;
      expect(e.endsWith("\n")).toBe(true);
      expect(e).toMatch(/^rustc|\nrustc/); // the last part says what rustc does
      expect(e).toContain("```rust\n"); // a fixed example
      expect(e).toMatch(new RegExp("```rust,compile_fail," + info.code)); // an erroneous one
      // Long lines are wrapped (pictures in ```text blocks may be wider).
      const prose = e.replace(/```text\n[\s\S]*?```/g, "");
      for (const line of prose.split("\n")) expect(line.length, line).toBeLessThanOrEqual(104);
    });
  }

  it("explains the pinning codes with what the future or struct holds and what a move does", () => {
    for (const code of ["P0001", "P0101", "P0105", "P0201"]) {
      const e = codeInfo(code)!.explanation;
      expect(e, code).toContain("```text"); // a picture of the memory
      expect(e, code).toMatch(/0x1000/);
    }
  });

  it("finds codes whatever their case, with or without the P", () => {
    expect(codeInfo("P0101")?.code).toBe("P0101");
    expect(codeInfo(" p0101 ")?.code).toBe("P0101");
    expect(codeInfo("0101")?.code).toBe("P0101");
    expect(codeInfo("E0277")).toBeUndefined();
    expect(codeInfo("P9999")).toBeUndefined();
    expect(codeInfo("")).toBeUndefined();
  });

  it("explain prints the title, then the Markdown with the fences' tags removed", () => {
    const text = explain("p0104")!;
    expect(text.startsWith("P0104: `poll` is called on a future that is not pinned\n\n`.poll(cx)` is called")).toBe(true);
    expect(text).not.toMatch(/```\w/);
    expect(text.match(/^```$/gm)!.length % 2).toBe(0);
    expect(text.endsWith("```\n") || text.endsWith(".\n")).toBe(true);
    expect(explain("P9999")).toBeUndefined();
  });

  it("lists every code on one line", () => {
    const lines = listCodes().trimEnd().split("\n");
    expect(lines).toHaveLength(CATALOG.length);
    expect(lines[6]).toBe("P0101  error    a pinned value is moved after it was pinned and used");
    expect(lines[7]).toBe("P0102  warning  `Pin::new_unchecked` on a local that stays reachable by name");
  });

  it("explanations.ts is generated from the Markdown files", () => {
    const r = spawnSync(process.execPath, [join(here, "gen-explanations.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stdout).toContain("up to date");
    expect(r.status).toBe(0);
  });
});

describe("pinion explain", () => {
  let out = "";
  let err = "";
  const run = async (...argv: string[]) => {
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    try {
      return await main(argv);
    } finally {
      vi.restoreAllMocks();
    }
  };
  afterEach(() => vi.restoreAllMocks());

  it("prints the explanation of a code and exits 0", async () => {
    expect(await run("explain", "P0101")).toBe(0);
    expect(out).toBe(explain("P0101"));
    expect(err).toBe("");
  });

  it("exits 2 on an unknown code, naming the known ones", async () => {
    expect(await run("explain", "E0277")).toBe(2);
    expect(out).toBe("");
    expect(err).toBe("error: `E0277` is not a pinion diagnostic code; the codes are:\n\n" + listCodes());
  });

  it("exits 2 without a code, naming the known ones", async () => {
    expect(await run("explain")).toBe(2);
    expect(err).toContain("error: which code? try `pinion explain P0101`");
    expect(err).toContain(listCodes());
  });

  it("--list lists the codes and titles", async () => {
    expect(await run("explain", "--list")).toBe(0);
    expect(out).toBe(listCodes());
  });
});
