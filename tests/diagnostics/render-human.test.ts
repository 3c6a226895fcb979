// The human renderer, one layout rule per test, with the expected text written out by hand.
//
// Each expected text was worked out from what rustc 1.95 prints for the same shape of spans — the
// fixtures in rustc-layout/ (e.g. `takes(&mut x, &x)` in labels_on_one_line.rs for several labels on
// one line, multiline.rs for `/` and `_____^`, tabs_and_wide.rs, eof_after_newline.rs) — and the
// comment on each test names the rustc output it mirrors. rustc-layout.test.ts checks the renderer
// against rustc's bytes directly; these tests keep the rules readable and run without the recordings.

import { describe, expect, it } from "vitest";
import type { Diagnostic, Label, Severity } from "../../src/diagnostics/diagnostic.js";
import { renderHuman, renderHumanDiagnostic, renderSummary } from "../../src/diagnostics/render-human.js";
import { SourceFile, type Span } from "../../src/syntax/source.js";

/** The span of the `nth` (1-based) occurrence of `needle` in the file. */
function at(file: SourceFile, needle: string, nth = 1): Span {
  let from = 0;
  for (let i = 0; ; i++) {
    const lo = file.text.indexOf(needle, from);
    if (lo < 0) throw new Error(`\`${needle}\` (#${nth}) not in ${file.name}`);
    if (i === nth - 1) return { lo, hi: lo + needle.length };
    from = lo + 1;
  }
}

/** The span of `part` inside the first occurrence of `context`. */
function atIn(file: SourceFile, context: string, part: string): Span {
  const outer = at(file, context);
  const lo = outer.lo + context.indexOf(part);
  return { lo, hi: lo + part.length };
}

function diag(
  code: string,
  severity: Severity,
  message: string,
  primary: Span,
  primaryLabel: string,
  more: { labels?: Label[]; notes?: string[]; help?: string[] } = {},
): Diagnostic {
  return {
    code,
    severity,
    message,
    span: primary,
    labels: [{ span: primary, message: primaryLabel, primary: true }, ...(more.labels ?? [])],
    notes: more.notes ?? [],
    help: more.help ?? [],
  };
}

const sec = (span: Span, message: string): Label => ({ span, message, primary: false });
const plain = (d: Diagnostic, f: SourceFile) => renderHumanDiagnostic(d, f, { color: false });
const lines = (...ls: string[]) => ls.join("\n") + "\n\n";

// The acceptance case ub/move_after_poll.rs, as src/main.rs.
const moveAfterPoll = new SourceFile(
  "src/main.rs",
  `// A self-referential future is polled once, then moved to a new place and polled again.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| {
        if done {
            Poll::Ready(())
        } else {
            done = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);
    println!("first: {:?}", first);
    let mut moved = fut;
    let second = unsafe { Pin::new_unchecked(&mut moved) }.poll(&mut cx);
    println!("second: {:?}", second);
}
`,
);

describe("the layout of rustc", () => {
  it("header, location, gutter, `...` for a long gap, a skipped single line printed, notes and help", () => {
    // As rustc's E0382 in gaps.rs: labels on lines 10, 11 and 14 print `...` between 11 and 14; as
    // E0382 in c.rs, a one-line gap (line 14 between 13 and 15) prints the line.
    const f = moveAfterPoll;
    const d = diag("P0101", "error", "`fut` is moved after it was pinned and polled", atIn(f, "= fut;", "fut"), "moved here while pinned", {
      labels: [sec(at(f, "&name"), "this borrow is held across an await"), sec(at(f, "Pin::new_unchecked(&mut fut)"), "pinned here")],
      notes: ["the future of `greet` holds `r`, a reference to `name`, across the await at line 22"],
      help: ["pin the future with `Box::pin` or `std::pin::pin!` so that it cannot be moved"],
    });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0101]: `fut` is moved after it was pinned and polled",
        "  --> src/main.rs:31:21",
        "   |",
        "21 |     let r = &name;",
        "   |             ----- this borrow is held across an await",
        "...",
        "29 |     let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);",
        "   |                          ---------------------------- pinned here",
        "30 |     println!(\"first: {:?}\", first);",
        "31 |     let mut moved = fut;",
        "   |                     ^^^ moved here while pinned",
        "   |",
        "   = note: the future of `greet` holds `r`, a reference to `name`, across the await at line 22",
        "   = help: pin the future with `Box::pin` or `std::pin::pin!` so that it cannot be moved",
      ),
    );
  });

  it("the gutter is as wide as the largest line number, numbers right-aligned", () => {
    // As rustc's E0382 in gaps.rs (` 4 | struct S;` next to `11 |`).
    const f = new SourceFile("w.rs", "fn main() {\n" + "    let a = 1;\n".repeat(7) + "    let s = 2;\n    let t = s;\n}\n");
    const d = diag("P0005", "error", "unresolved name", atIn(f, "= s;", "s"), "used here", { labels: [sec(atIn(f, "s = 2", "s"), "defined here")] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0005]: unresolved name",
        "  --> w.rs:10:13",
        "   |",
        " 9 |     let s = 2;",
        "   |         - defined here",
        "10 |     let t = s;",
        "   |             ^ used here",
      ),
    );
  });

  it("a gap of exactly one line prints it; two lines become `...`", () => {
    const f = new SourceFile("g.rs", "a1\nb2\nc3\nd4\ne5\nf6\n");
    const one = diag("P0005", "error", "m", at(f, "c3"), "here", { labels: [sec(at(f, "a1"), "there")] });
    expect(plain(one, f)).toBe(lines("error[P0005]: m", " --> g.rs:3:1", "  |", "1 | a1", "  | -- there", "2 | b2", "3 | c3", "  | ^^ here"));
    const two = diag("P0005", "error", "m", at(f, "d4"), "here", { labels: [sec(at(f, "a1"), "there")] });
    expect(plain(two, f)).toBe(lines("error[P0005]: m", " --> g.rs:4:1", "  |", "1 | a1", "  | -- there", "...", "4 | d4", "  | ^^ here"));
  });

  it("several labels on one line: the rightmost inline, the others hanging with `|` connectors", () => {
    // rustc's E0502 on `takes(&mut x, &x);` (labels_on_one_line.rs).
    const f = new SourceFile("l.rs", "fn main() {\n    takes(&mut x, &x);\n}\n");
    const d = diag("P0103", "error", "m", at(f, "&x"), "immutable borrow occurs here", {
      labels: [sec(at(f, "takes"), "mutable borrow later used by call"), sec(at(f, "&mut x"), "mutable borrow occurs here")],
    });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0103]: m",
        " --> l.rs:2:19",
        "  |",
        "2 |     takes(&mut x, &x);",
        "  |     ----- ------  ^^ immutable borrow occurs here",
        "  |     |     |",
        "  |     |     mutable borrow occurs here",
        "  |     mutable borrow later used by call",
      ),
    );
  });

  it("overlapping labels: inner spans stay visible in the outer one, every label hangs", () => {
    // rustc's E0499 on `x.m(&mut x);` (labels_on_one_line.rs): `^^-^------^`.
    const f = new SourceFile("o.rs", "fn main() {\n    x.m(&mut x);\n}\n");
    const d = diag("P0101", "error", "m", at(f, "x.m(&mut x)"), "second mutable borrow occurs here", {
      labels: [sec(atIn(f, "m(", "m"), "first borrow later used by call"), sec(at(f, "&mut x"), "first mutable borrow occurs here")],
    });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0101]: m",
        " --> o.rs:2:5",
        "  |",
        "2 |     x.m(&mut x);",
        "  |     ^^-^------^",
        "  |     | | |",
        "  |     | | first mutable borrow occurs here",
        "  |     | first borrow later used by call",
        "  |     second mutable borrow occurs here",
      ),
    );
  });

  const structs = new SourceFile(
    "s.rs",
    "fn main() {\n    let n: i32 = P {\n        a: 1,\n    };\n    let m: i32 =\n        P {\n            a: 1,\n        };\n}\n",
  );

  it("a multi-line span starting mid-line: `_____^` from the gutter, `|` down, `|_____^` at the end", () => {
    // rustc's E0308 on `let n: i32 = P {…};` (multiline.rs): the code moves right to make room.
    const f = structs;
    const span = { lo: at(f, "P {").lo, hi: at(f, "}").hi };
    const d = diag("P0006", "error", "mismatched types", span, "expected `i32`, found `P`", { labels: [sec(at(f, "i32"), "expected due to this")] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0006]: mismatched types",
        " --> s.rs:2:18",
        "  |",
        "2 |       let n: i32 = P {",
        "  |  ____________---___^",
        "  | |            |",
        "  | |            expected due to this",
        "3 | |         a: 1,",
        "4 | |     };",
        "  | |_____^ expected `i32`, found `P`",
      ),
    );
  });

  it("a multi-line span starting at the first character of its line: `/`", () => {
    // rustc's E0308 on `let m: i32 =\n P {…};` (multiline.rs).
    const f = structs;
    const span = { lo: at(f, "P {", 2).lo, hi: at(f, "}", 2).hi };
    const d = diag("P0006", "error", "mismatched types", span, "expected `i32`, found `P`", { labels: [sec(at(f, "i32", 2), "expected due to this")] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0006]: mismatched types",
        " --> s.rs:6:9",
        "  |",
        "5 |       let m: i32 =",
        "  |              --- expected due to this",
        "6 | /         P {",
        "7 | |             a: 1,",
        "8 | |         };",
        "  | |_________^ expected `i32`, found `P`",
      ),
    );
  });

  it("a long multi-line span shows its first lines, then `...` with the `|` carried through", () => {
    // rustc's E0308 `match` arms (multiline.rs): lines after the fourth are elided.
    const f = new SourceFile("long.rs", "fn f() {\n    g(\n" + [1, 2, 3, 4, 5, 6, 7].map((n) => `        ${n},\n`).join("") + "    );\n}\n");
    const d = diag("P0006", "error", "m", { lo: at(f, "g(").lo, hi: atIn(f, ");", ")").hi }, "this call");
    // Lines 3–5 follow the start, line 9 precedes the end; 6–8 are elided.
    expect(plain(d, f)).toBe(
      lines(
        "error[P0006]: m",
        "  --> long.rs:2:5",
        "   |",
        " 2 | /     g(",
        " 3 | |         1,",
        " 4 | |         2,",
        " 5 | |         3,",
        "...  |",
        " 9 | |         7,",
        "10 | |     );",
        "   | |_____^ this call",
      ),
    );
    // With one line fewer, the gap is a single line, and it is printed.
    const g = new SourceFile("long.rs", "fn f() {\n    g(\n" + [1, 2, 3, 4, 5].map((n) => `        ${n},\n`).join("") + "    );\n}\n");
    const d2 = diag("P0006", "error", "m", { lo: at(g, "g(").lo, hi: atIn(g, ");", ")").hi }, "this call");
    expect(plain(d2, g)).toContain("5 | |         3,\n6 | |         4,\n7 | |         5,\n8 | |     );\n");
  });

  it("tabs are shown as four spaces, and underlines follow", () => {
    // rustc's E0308 on `\tlet y: i32 = "tab";` (tabs_and_wide.rs); the column counts the tab as one.
    const f = new SourceFile("t.rs", 'fn main() {\n\tlet y: i32 =\t"tab";\n}\n');
    const d = diag("P0006", "error", "mismatched types", at(f, '"tab"'), "expected `i32`, found `&str`", {
      labels: [sec(at(f, "i32"), "expected due to this")],
    });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0006]: mismatched types",
        " --> t.rs:2:15",
        "  |",
        '2 |     let y: i32 =    "tab";',
        "  |            ---      ^^^^^ expected `i32`, found `&str`",
        "  |            |",
        "  |            expected due to this",
      ),
    );
  });

  it("wide characters take two columns", () => {
    // rustc's E0308 on `let 日本 = "漢字"; let z: i32 = "x";` (tabs_and_wide.rs); the column in `-->`
    // counts characters, the underline display columns.
    const f = new SourceFile("u.rs", 'fn main() {\n    let 日本 = "漢字"; let z: i32 = "x";\n}\n');
    const d = diag("P0006", "error", "mismatched types", at(f, '"x"'), "expected `i32`, found `&str`", { labels: [sec(at(f, "i32"), "expected due to this")] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0006]: mismatched types",
        " --> u.rs:2:33",
        "  |",
        '2 |     let 日本 = "漢字"; let z: i32 = "x";',
        "  |                               ---   ^^^ expected `i32`, found `&str`",
        "  |                               |",
        "  |                               expected due to this",
      ),
    );
  });

  it("a span at the end of the file is one `^` just past the last character", () => {
    // rustc's unclosed delimiter (eof_after_newline.rs): `--> 2:16`, the `^` after `;`.
    const f = new SourceFile("e.rs", "fn main() {\n    let x = 1;\n");
    const eof = { lo: f.text.length, hi: f.text.length };
    const d = diag("P0002", "error", "this file contains an unclosed delimiter", eof, "", { labels: [sec(at(f, "{"), "unclosed delimiter")] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0002]: this file contains an unclosed delimiter",
        " --> e.rs:2:16",
        "  |",
        "1 | fn main() {",
        "  |           - unclosed delimiter",
        "2 |     let x = 1;",
        "  |               ^",
      ),
    );
    // Without a final newline the end of the file is on the last line, after its last character.
    const g = new SourceFile("e.rs", "fn main() {\n    let x = 1");
    const d2 = { ...d, span: { lo: g.text.length, hi: g.text.length }, labels: [{ span: { lo: g.text.length, hi: g.text.length }, message: "", primary: true }] };
    expect(plain(d2, g)).toBe(lines("error[P0002]: this file contains an unclosed delimiter", " --> e.rs:2:14", "  |", "2 |     let x = 1", "  |              ^"));
  });

  it("an empty span inside a line is one `^`, its label one space after it", () => {
    // rustc's "expected `;`" at the end of `let x = 1` and its `^ help: add `;` here`.
    const f = new SourceFile("z.rs", "fn main() {\n    let x = 1\n    foo(1 2);\n}\n");
    const endOfLine = at(f, "1\n").lo + 1;
    const d = diag("P0002", "error", "expected `;`, found `foo`", { lo: endOfLine, hi: endOfLine }, "expected `;`", {
      labels: [sec(at(f, "foo"), "unexpected token")],
    });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0002]: expected `;`, found `foo`",
        " --> z.rs:2:14",
        "  |",
        "2 |     let x = 1",
        "  |              ^ expected `;`",
        "3 |     foo(1 2);",
        "  |     --- unexpected token",
      ),
    );
    const between = at(f, "1 2").lo + 1;
    const d2 = diag("P0002", "error", "expected `,`", { lo: between, hi: between }, "expected `,`");
    expect(plain(d2, f)).toBe(lines("error[P0002]: expected `,`", " --> z.rs:3:10", "  |", "3 |     foo(1 2);", "  |          ^ expected `,`"));
  });

  it("labels with empty text are underlined without text or connectors", () => {
    // rustc's dead-code warning (warnings.rs): `^^^^^^` alone.
    const f = new SourceFile("n.rs", "fn main() {\n    let value = compute(input);\n}\n");
    const d = diag("P0102", "warning", "m", at(f, "compute"), "", { labels: [sec(at(f, "input"), "the argument"), sec(at(f, "value"), "")] });
    expect(plain(d, f)).toBe(
      lines("warning[P0102]: m", " --> n.rs:2:17", "  |", "2 |     let value = compute(input);", "  |         -----   ^^^^^^^ ----- the argument"),
    );
  });

  it("warning and note headers; a diagnostic without labels underlines its span", () => {
    const f = new SourceFile("h.rs", "fn main() {}\n");
    const bare: Diagnostic = { code: "P0001", severity: "note", message: "m", span: at(f, "main"), labels: [], notes: [], help: [] };
    expect(plain(bare, f)).toBe(lines("note[P0001]: m", " --> h.rs:1:4", "  |", "1 | fn main() {}", "  |    ^^^^"));
    expect(plain({ ...bare, severity: "warning", code: "P0201" }, f)).toMatch(/^warning\[P0201\]: m\n/);
    expect(plain({ ...bare, severity: "help" }, f)).toMatch(/^help\[P0001\]: m\n/);
  });

  it("messages and notes of several lines are aligned under their first line", () => {
    // rustc's E0277 `= note: consider using the `pin!` macro\n        consider using `Box::pin` …` (notes.rs).
    const f = new SourceFile("a.rs", "fn main() {}\n");
    const d = diag("P0103", "error", "first line\nsecond line", at(f, "main"), "", { notes: ["a note\nwith two lines"], help: ["a help"] });
    expect(plain(d, f)).toBe(
      lines(
        "error[P0103]: first line",
        "              second line",
        " --> a.rs:1:4",
        "  |",
        "1 | fn main() {}",
        "  |    ^^^^",
        "  |",
        "  = note: a note",
        "          with two lines",
        "  = help: a help",
      ),
    );
  });

  it("CRLF line ends are not shown and do not count as columns", () => {
    const f = new SourceFile("c.rs", 'fn main() {\r\n    let x: i32 = "a";\r\n}\r\n');
    const d = diag("P0006", "error", "m", at(f, '"a"'), "here");
    expect(plain(d, f)).toBe(lines("error[P0006]: m", " --> c.rs:2:18", "  |", '2 |     let x: i32 = "a";', "  |                  ^^^ here"));
  });

  it("renderHuman prints every diagnostic of every file, each followed by an empty line", () => {
    const f = new SourceFile("a.rs", "fn a() {}\n");
    const g = new SourceFile("b.rs", "fn b() {}\n");
    const d = (file: SourceFile, name: string) => diag("P0005", "error", name, at(file, name), "");
    const out = renderHuman(
      [
        { file: f, diagnostics: [d(f, "a")] },
        { file: g, diagnostics: [d(g, "b")] },
      ],
      { color: false },
    );
    expect(out).toBe(lines("error[P0005]: a", " --> a.rs:1:4", "  |", "1 | fn a() {}", "  |    ^") + lines("error[P0005]: b", " --> b.rs:1:4", "  |", "1 | fn b() {}", "  |    ^"));
  });
});

describe("colour", () => {
  const f = moveAfterPoll;
  const d = diag("P0101", "error", "`fut` is moved", atIn(f, "= fut;", "fut"), "moved here", {
    labels: [sec(at(f, "&name"), "borrowed here")],
    notes: ["n"],
  });

  it("is never used when off", () => {
    expect(renderHumanDiagnostic(d, f, { color: false })).not.toContain("\x1b");
    expect(renderSummary([{ file: f, diagnostics: [d] }], { color: false })).not.toContain("\x1b");
  });

  it("is rustc's when on: bold red `error`, bold blue gutter and secondary labels", () => {
    // As rustc --color=always prints E0382 (gaps.rs), escape for escape.
    const B = "\x1b[1m";
    const R = "\x1b[0m";
    const red = B + "\x1b[91m";
    const blue = B + "\x1b[94m";
    expect(renderHumanDiagnostic(d, f, { color: true })).toBe(
      lines(
        `${red}error[P0101]${R}${B}: \`fut\` is moved${R}`,
        `  ${blue}--> ${R}src/main.rs:31:21`,
        `   ${blue}|${R}`,
        `${blue}21${R} ${blue}|${R}     let r = &name;`,
        `   ${blue}|${R}             ${blue}-----${R} ${blue}borrowed here${R}`,
        `${blue}...${R}`,
        `${blue}31${R} ${blue}|${R}     let mut moved = fut;`,
        `   ${blue}|${R}                     ${red}^^^${R} ${red}moved here${R}`,
        `   ${blue}|${R}`,
        `   ${blue}= ${R}${B}note${R}: n`,
      ),
    );
  });

  it("a warning's primary underline is bold yellow", () => {
    const out = renderHumanDiagnostic({ ...d, severity: "warning", code: "P0102" }, f, { color: true });
    expect(out.startsWith("\x1b[1m\x1b[33mwarning[P0102]\x1b[0m")).toBe(true);
    expect(out).toContain("\x1b[1m\x1b[33m^^^\x1b[0m");
    expect(out).toContain("\x1b[1m\x1b[94m-----\x1b[0m");
  });

  it("a note's header is bold green", () => {
    expect(renderHumanDiagnostic({ ...d, severity: "note", code: "P0001" }, f, { color: true })).toMatch(/^\x1b\[1m\x1b\[92mnote\[P0001\]\x1b\[0m/);
  });
});

describe("the summary", () => {
  const f = new SourceFile("a.rs", "fn main() {}\n");
  const mk = (severity: Severity, code: string): Diagnostic => ({ code, severity, message: "m", span: at(f, "main"), labels: [], notes: [], help: [] });
  const summary = (...ds: Diagnostic[]) => renderSummary([{ file: f, diagnostics: ds }], { color: false });

  it("counts errors and warnings as rustc does", () => {
    // rustc: `error: aborting due to 5 previous errors; 3 warnings emitted` (c.rs) and the lines after.
    expect(summary(mk("error", "P0101"), mk("error", "P0103"), mk("warning", "P0102"))).toBe(
      "error: aborting due to 2 previous errors; 1 warning emitted\n\n" +
        "Some errors have detailed explanations: P0101, P0102, P0103.\n" +
        "For more information about an error, try `pinion explain P0101`.\n",
    );
    expect(summary(mk("error", "P0101"), mk("error", "P0101"))).toBe(
      "error: aborting due to 2 previous errors\n\nFor more information about this error, try `pinion explain P0101`.\n",
    );
    expect(summary(mk("error", "P0104"))).toBe("error: aborting due to 1 previous error\n\nFor more information about this error, try `pinion explain P0104`.\n");
  });

  it("with warnings only, speaks of warnings", () => {
    expect(summary(mk("warning", "P0201"), mk("warning", "P0201"))).toBe(
      "warning: 2 warnings emitted\n\nFor more information about this warning, try `pinion explain P0201`.\n",
    );
  });

  it("is empty without errors or warnings, and leaves out codes without an explanation", () => {
    expect(summary(mk("note", "P0001"))).toBe("");
    expect(summary()).toBe("");
    expect(summary(mk("error", "X1234"))).toBe("error: aborting due to 1 previous error\n\n");
  });

  it("lists at most nine codes", () => {
    const many = Array.from({ length: 11 }, (_, i) => mk("error", `E${String(i).padStart(4, "0")}`));
    const out = renderSummary([{ file: f, diagnostics: many }], { color: false, hasExplanation: () => true, explainCommand: "rustc --explain" });
    expect(out).toContain("Some errors have detailed explanations: E0000, E0001, E0002, E0003, E0004, E0005, E0006, E0007, E0008...\n");
  });
});

describe("any input", () => {
  // A seeded generator: the same cases on every run.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pieces = ["fn main() {", "\n", "    ", "\t", "let x = 1;", "日本", "🦀", "é", "\r\n", "\u0000", "\u200d", "}", "a".repeat(150), " "];

  it("renders every span of every text without throwing, plain and coloured alike", () => {
    const rand = rng(42);
    for (let n = 0; n < 400; n++) {
      let text = "";
      const len = Math.floor(rand() * 12);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)];
      const f = new SourceFile("f.rs", text);
      const span = (): Span => {
        const a = Math.floor(rand() * (text.length + 1));
        const b = Math.floor(rand() * (text.length + 1));
        return { lo: Math.min(a, b), hi: Math.max(a, b) };
      };
      const labels: Label[] = Array.from({ length: Math.floor(rand() * 5) }, (_, i) => ({ span: span(), message: rand() < 0.3 ? "" : `label ${i}`, primary: rand() < 0.3 }));
      const d: Diagnostic = { code: "P0002", severity: "error", message: "m", span: span(), labels, notes: rand() < 0.5 ? ["n"] : [], help: [] };
      const plainText = renderHumanDiagnostic(d, f, { color: false });
      const coloured = renderHumanDiagnostic(d, f, { color: true });
      expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(plainText);
      expect(plainText.startsWith("error[P0002]: m\n")).toBe(true);
      expect(plainText.endsWith("\n\n")).toBe(true);
    }
  });

  it("renders an empty file", () => {
    const f = new SourceFile("empty.rs", "");
    const d = diag("P0002", "error", "expected an item", { lo: 0, hi: 0 }, "");
    expect(plain(d, f)).toBe(lines("error[P0002]: expected an item", " --> empty.rs:1:1", "  |", "1 |", "  | ^"));
  });
});
