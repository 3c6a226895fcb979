// `pinion run`, in-process through `runFile` (one Session for the whole file: parsing the std stubs is
// the expensive part) and, for the cases where the process matters (exit status, the order of stdout and
// stderr, buffering), through the built binary `node bin/pinion.js` (run `npm run build` first; `npm
// test` does).
//
// Where the expected output comes from:
//   - examples/01_self_referential_future.rs and tests/run-pass/async_panic_unwrap.rs: the rustc-built
//     binary's output, checked in next to them (.stdout, .exitcode, .stderr; rustc 1.95 prints an empty
//     line before `thread 'main' panicked`, which is not part of the contract, see
//     tests/run/run-pass.test.ts);
//   - examples/09_memory_demo_address_experiment.rs: undefined behavior; its .stdout holds the lines
//     printed before the bad access and its .expect the lines of the access and of the move (`ub-at`);
//   - SUM (tests/cli/programs.ts): reasoned in its comment; the small programs below likewise.

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runFile, type RunCliOptions } from "../../src/cli/run.js";
import { Session } from "../../src/pipeline.js";
import { SUM } from "./programs.js";

const bin = resolve("bin/pinion.js");

// Never ends: the only statement of the loop body is on line 4, so whichever step exhausts a budget,
// it is that statement's (4:9).
const FOREVER = `fn main() {
    let mut i: u64 = 0;
    loop {
        i = i.wrapping_add(1);
    }
}
`;

// A syntax error: the right operand of `+` is missing; the token found instead is the `;` at 2:21.
const SYNTAX_ERROR = `fn main() {
    let x: i32 = 1 +;
    println!("{}", x);
}
`;

// `union` is outside pinion's subset (DESIGN.md "The Rust subset"): named, at the keyword.
const UNSUPPORTED = `union U { a: u32, b: f32 }

fn main() {
    let u = U { a: 1 };
    println!("{}", unsafe { u.a });
}
`;

// Prints, then ends with `std::process::exit(3)`: what was printed is kept, the exit code is 3.
const EXIT_3 = `fn main() {
    println!("before exit");
    std::process::exit(3);
}
`;

const PANIC_NOTE = "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";

let tmp = "";
let session: Session;
const files: Record<string, string> = {};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "pinion-run-cli-"));
  session = new Session();
  for (const [name, text] of Object.entries({ "sum.rs": SUM, "forever.rs": FOREVER, "syntax.rs": SYNTAX_ERROR, "union.rs": UNSUPPORTED, "exit3.rs": EXIT_3, "empty.rs": "" })) {
    files[name] = join(tmp, name);
    writeFileSync(files[name]!, text);
  }
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `runFile` in-process with stdout and stderr captured. */
function run(path: string, opts: RunCliOptions = {}): Ran {
  let out = "";
  let err = "";
  const code = runFile(path, opts, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false }, session);
  return { code, out, err };
}

/** The built binary, as a user runs it. */
function pinion(args: string[], cwd = process.cwd()): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const read = (p: string) => readFileSync(p, "utf8");
/** rustc 1.95's panic hook prints an empty line first; pinion does not (tests/run/run-pass.test.ts). */
const rustcStderr = (p: string) => read(p).replace(/^\n(?=thread ')/, "");

describe("a program that runs to the end", () => {
  it("prints what the rustc-built binary printed (examples/01), exit 0", () => {
    const r = run("examples/01_self_referential_future.rs");
    expect(r.err).toBe("");
    expect(r.out).toBe(read("examples/01_self_referential_future.stdout"));
    expect(r.code).toBe(Number(read("examples/01_self_referential_future.exitcode").trim()));
  });

  it("prints the reasoned output of a small program, exit 0", () => {
    expect(run(files["sum.rs"]!)).toEqual({ code: 0, out: "sum 5 after 2 polls\n", err: "" });
  });

  it("exits with the code the program passes to process::exit, keeping its output", () => {
    expect(run(files["exit3.rs"]!)).toEqual({ code: 3, out: "before exit\n", err: "" });
  });

  it("through the binary: stdout byte for byte, exit 0, nothing on stderr", () => {
    const r = pinion(["run", "examples/01_self_referential_future.rs"]);
    expect(r).toEqual({ code: 0, out: read("examples/01_self_referential_future.stdout"), err: "" });
  });
});

describe("a panic", () => {
  const path = "tests/run-pass/async_panic_unwrap.rs";

  it("exits 101 with rustc's panic message, after the output printed before it", () => {
    const r = run(path);
    expect(read("tests/run-pass/async_panic_unwrap.exitcode").trim()).toBe("101");
    expect(r.code).toBe(101);
    expect(r.out).toBe(read("tests/run-pass/async_panic_unwrap.stdout"));
    // The recorded file, spelled out, so that the test says what it checks:
    const want = "thread 'main' panicked at async_panic_unwrap.rs:23:41:\ncalled `Option::unwrap()` on a `None` value\n" + PANIC_NOTE;
    expect(rustcStderr("tests/run-pass/async_panic_unwrap.stderr")).toBe(want);
    expect(r.err).toBe(want);
  });

  it("through the binary: the same streams and exit status 101", () => {
    const r = pinion(["run", path]);
    expect(r.code).toBe(101);
    expect(r.out).toBe(read("tests/run-pass/async_panic_unwrap.stdout"));
    expect(r.err).toBe(rustcStderr("tests/run-pass/async_panic_unwrap.stderr"));
  });
});

describe("undefined behavior", () => {
  const path = "examples/09_memory_demo_address_experiment.rs";

  it("stops at the bad access: exit 101, the output before it, a report naming the access, the borrow and the move", () => {
    const expectFile = read("examples/09_memory_demo_address_experiment.expect");
    const [access, move] = /^ub-at: (\d+) (\d+)$/m.exec(expectFile)!.slice(1).map(Number);
    expect([access, move]).toEqual([32, 39]);

    const r = run(path);
    expect(r.code).toBe(101);
    expect(r.out).toBe(read("examples/09_memory_demo_address_experiment.stdout"));
    const file = "09_memory_demo_address_experiment.rs";
    // The header and the three places, in order: the access (line 32: `&*self.self_pointer`), where the
    // pointer was made (line 25: `&self.value`), the move (line 39: `let my_future_2 = my_future;`).
    const locations = [...r.err.matchAll(/^ *--> (\S+)$/gm)].map((m) => m[1]);
    expect(r.err.split("\n")[0]).toBe("error: undefined behavior: reborrow through a dangling pointer");
    expect(locations).toEqual([`${file}:${access}:18`, `${file}:25:39`, `${file}:${move}:27`]);
    expect(r.err).toContain("note: the pointer was created here\n");
    expect(r.err).toContain("note: the value it points into was moved here, which left the pointer dangling\n");
    expect(r.err).toContain(`${move} |         let my_future_2 = my_future; // UB: the move that leaves self_pointer behind; P0101\n`);
  });
});

describe("--max-steps", () => {
  it("stops an endless loop with exit 124 and says why and how to raise the budget", () => {
    const r = run(files["forever.rs"]!, { maxSteps: "1000" });
    expect(r).toEqual({
      code: 124,
      out: "",
      err:
        "error: the program ran for more than 1000 steps and was stopped\n" +
        "  --> forever.rs:4:9\n" +
        "  = help: raise the budget with `--max-steps N` if the program is meant to run this long\n",
    });
  });

  it("a budget the program stays within changes nothing", () => {
    expect(run(files["sum.rs"]!, { maxSteps: "100000" })).toEqual({ code: 0, out: "sum 5 after 2 polls\n", err: "" });
  });

  it.each(["0", "-5", "abc", "1.5", ""])("rejects `%s` with exit 2, before reading the file", (n) => {
    expect(run(join(tmp, "does-not-exist.rs"), { maxSteps: n })).toEqual({
      code: 2,
      out: "",
      err: `error: --max-steps expects a positive whole number, not \`${n}\`\n`,
    });
  });

  it("through the binary: exit status 124", () => {
    const r = pinion(["run", "--max-steps", "500", "forever.rs"], tmp);
    expect(r.code).toBe(124);
    expect(r.out).toBe("");
    expect(r.err.split("\n")[0]).toBe("error: the program ran for more than 500 steps and was stopped");
  });
});

describe("--trace", () => {
  it("prints each poll with the state the future starts in and the one it leaves it in, interleaved with stdout", () => {
    const r = pinion(["run", "--trace", "sum.rs"], tmp);
    expect(r.code).toBe(0);
    expect(r.out).toBe("sum 5 after 2 polls\n");
    // The events of the two futures (SUM's comment says why: one Pending, then Ready). Locations: a
    // poll names the async fn (19:1, 5:1); Pending names the `.await` it stopped at (20:17 in `add`,
    // 16:5 in `yield_once`); Ready names where the body's value comes from (`a + b` at 21:5; the awaited
    // poll_fn at 7:5).
    const futureEvents = r.err
      .split("\n")
      .filter((l) => /the future of `(add|yield_once)` (\(in|→)/.test(l))
      .map((l) => l.replace(/ +/g, " "));
    expect(futureEvents).toEqual([
      "poll sum.rs:19:1 poll the future of `add` (in Unresumed)",
      "poll sum.rs:5:1 poll the future of `yield_once` (in Unresumed)",
      "pending sum.rs:16:5 the future of `yield_once` → Pending, leaves it in Suspend0",
      "pending sum.rs:20:17 the future of `add` → Pending, leaves it in Suspend0",
      "poll sum.rs:19:1 poll the future of `add` (in Suspend0)",
      "poll sum.rs:5:1 poll the future of `yield_once` (in Suspend0)",
      "ready sum.rs:7:5 the future of `yield_once` → Ready, leaves it in Returned",
      "ready sum.rs:21:5 the future of `add` → Ready, leaves it in Returned",
    ]);
    // Each event line is followed by its source line.
    expect(r.err).toContain("poll the future of `add` (in Unresumed)\n             19 | async fn add(a: u32, b: u32) -> u32 {\n");
  });

  it("without --trace nothing goes to stderr", () => {
    expect(run(files["sum.rs"]!).err).toBe("");
  });
});

describe("a program that is not run", () => {
  it("a syntax error: rustc's layout with file:line:col on stderr, nothing on stdout, exit 1", () => {
    const p = files["syntax.rs"]!;
    const r = run(p);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    // The wording of the message is the parser's business (rustc: "expected expression, found `;`");
    // what the CLI owes is the code, the place and the source line with the caret under the `;`.
    expect(r.err.split("\n").slice(0, 5)).toEqual([
      expect.stringMatching(/^error\[P0002\]: .*`;`/),
      ` --> ${p}:2:21`,
      "  |",
      "2 |     let x: i32 = 1 +;",
      expect.stringMatching(/^ {2}\| {21}\^ /),
    ]);
    // Only the syntax error, as rustc: the hole it leaves is not reported again as a type error.
    expect(r.err).toMatch(/^error: aborting due to 1 previous error$/m);
    expect(r.err).toContain("For more information about this error, try `pinion explain P0002`.\n");
  });

  it("an unsupported construct is named, at its place", () => {
    const p = files["union.rs"]!;
    const r = run(p);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err.startsWith(`error[P0003]: \`union\` types are not supported by pinion\n --> ${p}:1:1\n  |\n1 | union U { a: u32, b: f32 }\n  | ^^^^^ not supported\n`)).toBe(true);
  });

  it("a program rustc rejects for a pinning reason (P0103: Pin::new on an async fn's future)", () => {
    // From examples/07's header: `Pin::new(&mut fut)` on `count_to(3)` is rustc's E0277.
    const p = join(tmp, "pin_new.rs");
    writeFileSync(
      p,
      `use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn count_to(n: u32) -> u32 {
    n
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = count_to(3);
    let _ = Pin::new(&mut fut).poll(&mut cx);
    println!("not run");
}
`,
    );
    const r = run(p);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    // The primary label is the argument `&mut fut` (column 22 of line 12), as rustc's E0277 puts it.
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "error[P0103]: `{async fn body of count_to()}` cannot be unpinned, as `Pin::new` requires",
      `  --> ${p}:12:22`,
    ]);
    expect(r.err).toContain("= note: rustc rejects this with E0277 (the trait bound `Unpin` is not satisfied)\n");
  });

  it("through the binary: exit status 1, diagnostics on stderr only", () => {
    const r = pinion(["run", "syntax.rs"], tmp);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err.split("\n").slice(0, 2)).toEqual([expect.stringMatching(/^error\[P0002\]: .*`;`/), " --> syntax.rs:2:21"]);
  });
});

describe("files", () => {
  it("a missing file: exit 2 and a message naming it", () => {
    const p = join(tmp, "missing.rs");
    expect(run(p)).toEqual({ code: 2, out: "", err: `error: cannot read \`${p}\`: ENOENT\n` });
  });

  it("through the binary: a missing file is exit status 2", () => {
    expect(pinion(["run", "missing.rs"], tmp)).toEqual({ code: 2, out: "", err: "error: cannot read `missing.rs`: ENOENT\n" });
  });

  it("a directory instead of a file: exit 2", () => {
    const r = run(tmp);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: cannot read \`${tmp}\`: EISDIR\n`);
  });

  it("an empty file: no crash, rustc's E0601 as P0005 (no `main`), exit 1", () => {
    const p = files["empty.rs"]!;
    const r = run(p);
    expect(r).toEqual({
      code: 1,
      out: "",
      err:
        "error[P0005]: `main` function not found in crate\n" +
        ` --> ${p}:1:1\n` +
        "  |\n" +
        "1 |\n" +
        "  | ^\n" +
        "  |\n" +
        "  = note: consider adding a `main` function to `empty.rs` (rustc: E0601)\n" +
        "\n" +
        "error: aborting due to 1 previous error\n" +
        "\n" +
        "For more information about this error, try `pinion explain P0005`.\n",
    });
  });
});

describe("the binary's buffered stdout", () => {
  it("is flushed before stderr, so that the streams interleave as the program wrote them", () => {
    // 5000 lines (more than the 4096 writes runCommand buffers), then `panic!` at 5:5. Both streams go
    // to one file, so the file shows the order in which they were written.
    const p = join(tmp, "many.rs");
    writeFileSync(p, `fn main() {\n    for i in 0..5000 {\n        println!("line {}", i);\n    }\n    panic!("done");\n}\n`);
    const both = join(tmp, "many.out");
    const fd = openSync(both, "w");
    try {
      const r = spawnSync(process.execPath, [bin, "run", "many.rs"], { cwd: tmp, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", fd, fd] });
      expect(r.status).toBe(101);
    } finally {
      closeSync(fd);
    }
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}\n`).join("");
    expect(read(both)).toBe(lines + "thread 'main' panicked at many.rs:5:5:\ndone\n" + PANIC_NOTE);
  });
});

describe("runCommand", () => {
  it("writes the program's buffered output also when pinion fails while running it (an internal error)", async () => {
    // A stand-in for a compiler bug: `run` prints a line, then throws. The CLI reports the throw as an
    // internal error (exit 70, bin/pinion.js); the line printed before it must not be lost.
    vi.resetModules();
    vi.doMock("../../src/pipeline.js", () => ({ Session: class {} }));
    vi.doMock("../../src/compile.js", () => ({
      run: (_session: unknown, _name: string, _text: string, o: { stdout: (s: string) => void }) => {
        o.stdout("printed before the bug\n");
        throw new Error("a compiler bug");
      },
    }));
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const { runCommand } = await import("../../src/cli/run.js");
      expect(() => runCommand(files["sum.rs"]!, {})).toThrow("a compiler bug");
    } finally {
      spy.mockRestore();
      vi.doUnmock("../../src/pipeline.js");
      vi.doUnmock("../../src/compile.js");
      vi.resetModules();
    }
    expect(writes).toEqual(["printed before the bug\n"]);
  });
});

it("dist/ is built (the binary tests run it)", () => {
  expect(existsSync("dist/cli/run.js")).toBe(true);
});
