// `pinion inspect`, run in-process through `runInspect` (one Session for the whole file, so the std
// stubs are parsed once), on a small program whose layouts rustc has already told us:
//
//   - `shared_ref_across` is tests/layout/borrows.rs's case of the same name: rustc's -Zprint-type-sizes
//     stores `s`, `r` and `__awaitee` in Suspend0 (borrows.layout.json), and `r` points at `s`;
//   - `Counter::bump` is tests/layout/signatures.rs's: `self` (a `&mut Counter`) is an upvar in every
//     state and, moved into a local of the same name, stored in Suspend0 with `__awaitee`;
//   - `yield_now` stores only `__awaitee` (the `poll_fn` future; `yielded` moved into its closure).
//
// The expected texts below are written from those facts and from the formats' definitions (render.ts
// pads the location to column 67; an `.await`'s position is that of its dot, an awaitee's that of the
// awaited expression), with line and column numbers read off the program. The test also
// re-reads the two .layout.json files, so a change to rustc's oracle would show up here.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInspect, type InspectCliOptions } from "../../src/cli/inspect.js";
import { Session } from "../../src/pipeline.js";

const PROGRAM = `use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

async fn shared_ref_across() -> usize {
    let s = String::from("self-ref");
    let r = &s;
    yield_now().await;
    r.len()
}

struct Counter {
    hits: u32,
}

impl Counter {
    async fn bump(&mut self) -> u32 {
        self.hits += 1;
        yield_now().await;
        self.hits += 1;
        self.hits
    }
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    assert_eq!(block_on(shared_ref_across()), 8);
    let mut c = Counter { hits: 0 };
    assert_eq!(block_on(c.bump()), 2);
}
`;

let dir = "";
let session: Session;
let main = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pinion-inspect-"));
  main = join(dir, "main.rs");
  writeFileSync(main, PROGRAM);
  session = new Session();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function inspect(path: string, opts: InspectCliOptions = {}): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runInspect(path, opts, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, session);
  return { code, out, err };
}

function write(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** render.ts's text layout: the location starts at column 67 (at least two spaces after the text). */
const at = (text: string, loc: string) => `${text}${" ".repeat(Math.max(2, 66 - text.length))}${main}:${loc}`;

/** The line of PROGRAM that contains `needle` (1-based), to check the hand-written positions. */
const lineOf = (needle: string) => PROGRAM.slice(0, PROGRAM.indexOf(needle)).split("\n").length;

describe("the program's positions", () => {
  it("are where the expectations say", () => {
    expect(lineOf("async fn shared_ref_across")).toBe(19);
    expect(lineOf('let s = String::from("self-ref")')).toBe(20);
    expect(lineOf("let r = &s;")).toBe(21);
    expect(lineOf("    yield_now().await;\n    r.len()")).toBe(22);
    expect(lineOf("async fn bump")).toBe(31);
    expect(lineOf("        yield_now().await;\n        self.hits")).toBe(33);
  });
});

describe("the oracle", () => {
  it("rustc stores what these expectations say", () => {
    const borrows = JSON.parse(readFileSync(resolve("tests/layout/borrows.layout.json"), "utf8"));
    const sigs = JSON.parse(readFileSync(resolve("tests/layout/signatures.layout.json"), "utf8"));
    expect(borrows.shared_ref_across.Suspend0).toEqual(["local s", "local r", "local __awaitee"]);
    expect(borrows.yield_now.Suspend0).toEqual(["local __awaitee"]);
    expect(sigs["Counter::bump"]).toEqual({
      Unresumed: ["upvar self"],
      Suspend0: ["upvar self", "local self", "local __awaitee"],
      Returned: ["upvar self"],
      Panicked: ["upvar self"],
    });
  });
});

describe("--format text", () => {
  it("one machine, in the shape of -Zprint-type-sizes, with the self-reference", () => {
    const r = inspect(main, { fn: "shared_ref_across" });
    expect(r).toEqual({
      code: 0,
      err: "",
      out:
        [
          at("type: `{async fn body of shared_ref_across()}`", "19:1"),
          "    variant `Unresumed`",
          at("    variant `Suspend0`: suspended at `.await`", "22:16"),
          at("        local `.s`: String", "20:9"),
          at("        local `.r`: &String", "21:9"),
          at("        local `.__awaitee`: {async fn body of yield_now()}", "22:5"),
          "        self-reference: r ──▶ s",
          "    variant `Returned`",
          "    variant `Panicked`",
        ].join("\n") + "\n",
    });
  });

  it("--fn matches the last segment of a path, and upvars are in every state", () => {
    const r = inspect(main, { fn: "bump", format: "text" });
    const self = at("        upvar `.self`: &mut Counter", "31:19");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        at("type: `{async fn body of Counter::bump()}`", "31:5"),
        "    variant `Unresumed`",
        self,
        at("    variant `Suspend0`: suspended at `.await`", "33:20"),
        self,
        at("        local `.self`: &mut Counter", "31:19"),
        at("        local `.__awaitee`: {async fn body of yield_now()}", "33:9"),
        "    variant `Returned`",
        self,
        "    variant `Panicked`",
        self,
      ].join("\n") + "\n",
    );
  });

  it("every machine in source order, separated by a blank line", () => {
    const r = inspect(main);
    const heads = r.out.split("\n").filter((l) => l.startsWith("type: "));
    expect(heads.map((l) => l.replace(/\s+\S+$/, ""))).toEqual([
      "type: `{async fn body of yield_now()}`",
      "type: `{async fn body of shared_ref_across()}`",
      "type: `{async fn body of Counter::bump()}`",
    ]);
    expect(r.out.split("\n\ntype: ").length).toBe(3);
  });
});

describe("--format json", () => {
  it("the shape ../shared/acceptance/check.mjs reads, with what rustc stores", () => {
    const r = inspect(main, { format: "json" });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.file).toBe(main);
    expect(json.machines.map((m: { name: string; kind: string; line: number; column: number }) => [m.name, m.kind, m.line, m.column])).toEqual([
      ["yield_now", "async fn", 5, 1],
      ["shared_ref_across", "async fn", 19, 1],
      ["Counter::bump", "async fn", 31, 5],
    ]);
    const shared = json.machines[1];
    expect(shared.states).toEqual([
      { name: "Unresumed", awaitLine: null, locals: [], selfRefs: [] },
      { name: "Returned", awaitLine: null, locals: [], selfRefs: [] },
      { name: "Panicked", awaitLine: null, locals: [], selfRefs: [] },
      {
        name: "Suspend0",
        awaitLine: 22,
        locals: [
          { name: "s", kind: "local", type: "String", line: 20 },
          { name: "r", kind: "local", type: "&String", line: 21 },
          { name: "__awaitee", kind: "local", type: "{async fn body of yield_now()}", line: 22 },
        ],
        selfRefs: [{ from: "r", to: "s" }],
      },
    ]);
    const bump = json.machines[2];
    const suspend0 = bump.states.find((s: { name: string }) => s.name === "Suspend0");
    expect(suspend0.locals.map((l: { kind: string; name: string }) => `${l.kind} ${l.name}`)).toEqual(["upvar self", "local self", "local __awaitee"]);
    const yieldNow = json.machines[0].states.find((s: { name: string }) => s.name === "Suspend0");
    expect(yieldNow.locals.map((l: { name: string }) => l.name)).toEqual(["__awaitee"]);
    expect(yieldNow.awaitLine).toBe(16); // `.await` on its own line after the poll_fn call
  });

  it("a file without async code has no machines", () => {
    const p = write("sync.rs", "fn main() {\n    println!(\"hi\");\n}\n");
    expect(JSON.parse(inspect(p, { format: "json" }).out)).toEqual({ file: p, machines: [] });
  });
});

describe("--format mermaid and dot", () => {
  it("mermaid: the states, the awaits between them, what each state holds", () => {
    const r = inspect(main, { fn: "shared_ref_across", format: "mermaid" });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "stateDiagram-v2",
        '    state "#123;async fn body of shared_ref_across()#125;" as m0 {',
        '        state "Unresumed" as m0_Unresumed',
        '        state "Suspend0: .await at line 22" as m0_Suspend0',
        '        state "Returned" as m0_Returned',
        '        state "Panicked" as m0_Panicked',
        "        [*] --> m0_Unresumed",
        "        m0_Unresumed --> m0_Suspend0: .await at line 22",
        "        m0_Suspend0 --> m0_Returned: returns",
        "        m0_Returned --> [*]",
        "        note right of m0_Suspend0",
        "            s: String",
        "            r: &String",
        "            __awaitee: #123;async fn body of yield_now()#125;",
        "            r ──▶ s",
        "        end note",
        "        note right of m0_Panicked",
        "            (after a panic in poll)",
        "        end note",
        "    }",
      ].join("\n") + "\n",
    );
  });

  it("dot: one cluster per machine, a box per state", () => {
    const r = inspect(main, { fn: "shared_ref_across", format: "dot" });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        `digraph "${main}" {`,
        "    rankdir=LR;",
        '    node [shape=box, fontname="monospace"];',
        "    subgraph cluster_0 {",
        '        label="{async fn body of shared_ref_across()}";',
        '        "m0_start" [shape=point];',
        '        "m0_Unresumed" [label="Unresumed\\l"];',
        '        "m0_Suspend0" [label="Suspend0: .await at line 22\\ls: String\\lr: &String\\l__awaitee: {async fn body of yield_now()}\\lr ──▶ s\\l"];',
        '        "m0_Returned" [label="Returned\\l"];',
        '        "m0_Panicked" [label="Panicked\\l"];',
        '        "m0_start" -> "m0_Unresumed";',
        '        "m0_Unresumed" -> "m0_Suspend0" [label=".await at line 22"];',
        '        "m0_Suspend0" -> "m0_Returned" [label="returns"];',
        "    }",
        "}",
      ].join("\n") + "\n",
    );
  });
});

describe("--dump", () => {
  it("mir: the body of the fn, its locals with their names, types and positions, one await", () => {
    const r = inspect(main, { fn: "shared_ref_across", dump: "mir" });
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`async fn shared_ref_across() -> usize {`.padEnd(60) + `// ${main}:19:1`);
    // The return place, then the coroutine and the resume argument, as rustc numbers them.
    expect(lines[1]).toMatch(/^ {4}let mut _0: usize; +\/\/ return place$/);
    expect(lines[2]).toMatch(/^ {4}let mut _1: \{async fn body of shared_ref_across\(\)\}; +\/\/ arg$/);
    const decl = (name: string) => lines.find((l) => l.includes(`// ${name}  `));
    expect(decl("s")).toMatch(new RegExp(`^    let (mut )?_\\d+: String; +// s  ${escape(main)}:20:9$`));
    expect(decl("r")).toMatch(new RegExp(`^    let (mut )?_\\d+: &String; +// r  ${escape(main)}:21:9$`));
    expect(decl("__awaitee")).toMatch(new RegExp(`^    let mut _\\d+: \\{async fn body of yield_now\\(\\)\\}; +// __awaitee  ${escape(main)}:22:5$`));
    const awaits = lines.filter((l) => / = await _\d+ -> /.test(l));
    expect(awaits).toHaveLength(1);
    expect(awaits[0]).toMatch(new RegExp(`// Suspend point, await #0, ${escape(main)}:22:5$`));
    // Every block that is jumped to is printed.
    const defined = new Set(lines.flatMap((l) => /^ {4}(bb\d+)( \(cleanup\))?: \{$/.exec(l)?.[1] ?? []));
    const used = new Set(r.out.match(/\bbb\d+\b/g));
    expect([...used].filter((b) => !defined.has(b))).toEqual([]);
    expect(lines[lines.length - 2]).toBe("}");
  });

  it("mir without --fn: every fn, closure and async body, one after another", () => {
    const r = inspect(main, { dump: "mir" });
    const heads = r.out.split("\n").filter((l) => /^\S.*\{\s+\/\/|^\S.*\{$/.test(l)).map((l) => l.replace(/\s+\/\/.*$/, ""));
    expect(heads).toEqual(expect.arrayContaining(["async fn yield_now() -> () {", "async fn shared_ref_across() -> usize {", "fn main() -> () {"]));
    expect(heads.some((h) => h.includes("Counter::bump"))).toBe(true);
    expect(heads.some((h) => h.includes("{closure@7:26}"))).toBe(true);
  });

  it("liveness: the four sets at the await; what is saved is what the layout stores", () => {
    const r = inspect(main, { fn: "shared_ref_across", dump: "liveness" });
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("liveness of shared_ref_across (async fn)");
    const i = lines.findIndex((l) => l.startsWith("  await "));
    expect(lines[i]).toMatch(new RegExp(`^  await _\\d+ __awaitee → Suspend0 \\(${escape(main)}:22:16\\)$`));
    const set = (row: string) => {
      const l = lines.slice(i + 1, i + 5).find((x) => x.startsWith(`    ${row} `))!;
      return l.slice(l.indexOf("{") + 1, l.lastIndexOf("}")).split(", ").filter(Boolean).map((x) => x.split(" ")[1] ?? x);
    };
    // s is dropped after the await and r read: both live; the borrow `&s` makes s borrowed.
    expect(set("live")).toEqual(expect.arrayContaining(["s", "r", "__awaitee"]));
    expect(set("borrowed")).toContain("s");
    expect(set("saved")).toEqual(["s", "r", "__awaitee"]);
  });

  it("liveness covers only bodies with a layout", () => {
    const r = inspect(main, { dump: "liveness" });
    expect(r.out.split("\n").filter((l) => l.startsWith("liveness of "))).toEqual([
      "liveness of yield_now (async fn)",
      "liveness of shared_ref_across (async fn)",
      "liveness of Counter::bump (async fn)",
    ]);
  });
});

describe("errors", () => {
  it("usage: an unknown format or dump is exit 2, before reading the file", () => {
    expect(inspect(main, { format: "yaml" })).toEqual({ code: 2, out: "", err: "error: unknown format `yaml` (expected text, json, mermaid, dot)\n" });
    expect(inspect(main, { dump: "hir" })).toEqual({ code: 2, out: "", err: "error: unknown dump `hir` (expected mir or liveness)\n" });
  });

  it("an unreadable file is exit 2", () => {
    const p = join(dir, "missing.rs");
    expect(inspect(p)).toEqual({ code: 2, out: "", err: `error: cannot read \`${p}\`: ENOENT\n` });
  });

  it("--fn that names nothing is exit 2 and says what there is", () => {
    const r = inspect(main, { fn: "nope" });
    expect(r).toEqual({ code: 2, out: "", err: `error: no async fn or async block named \`nope\` in \`${main}\`; there are \`yield_now\`, \`shared_ref_across\`, \`Counter::bump\`\n` });
  });

  it("a file with an error: diagnostics on stderr, exit 1, the machines that could be analysed on stdout", () => {
    const text = PROGRAM.replace("fn main() {", "fn broken() -> u32 {\n    missing_value\n}\n\nfn main() {");
    const p = write("with_error.rs", text);
    const r = inspect(p, { fn: "shared_ref_across" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error\[P\d{4}\]: .*`missing_value`/);
    expect(r.err).toContain(`--> ${p}:${text.split("\n").indexOf("    missing_value") + 1}:5`);
    expect(r.out).toContain("self-reference: r ──▶ s");
  });

  it("a file cut off in the middle of an async fn: exit 1, no crash, the complete fns still laid out", () => {
    const cut = PROGRAM.slice(0, PROGRAM.indexOf("    r.len()"));
    const p = write("cut.rs", cut);
    const r = inspect(p, { format: "json" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error\[P\d{4}\]/);
    const names = JSON.parse(r.out).machines.map((m: { name: string }) => m.name);
    expect(names).toContain("yield_now");
  });

  it("an empty file: nothing to show, exit 0", () => {
    const p = write("empty.rs", "");
    expect(inspect(p)).toEqual({ code: 0, out: "", err: `note: \`${p}\` has no async fn or async block\n` });
    expect(inspect(p, { format: "mermaid" })).toEqual({ code: 0, out: "stateDiagram-v2\n", err: "" });
  });

  it("a binary file: a diagnostic, exit 1, no crash, in every format and dump", () => {
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    const p = write("random.rs", bytes);
    for (const opts of [{}, { format: "json" }, { format: "mermaid" }, { format: "dot" }, { dump: "mir" }, { dump: "liveness" }]) {
      const r = inspect(p, opts);
      expect(r.code, JSON.stringify(opts)).toBe(1);
      expect(r.err).toMatch(/^error\[P0002\]/);
    }
  });
});

describe("the built command", () => {
  it("bin/pinion.js inspect prints the same as runInspect and exits with its code", () => {
    const bin = resolve("bin/pinion.js");
    const r = spawnSync(process.execPath, [bin, "inspect", "--fn", "shared_ref_across", "--format", "json", main], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(inspect(main, { fn: "shared_ref_across", format: "json" }).out);
    const bad = spawnSync(process.execPath, [bin, "inspect", "--format", "yaml", main], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
