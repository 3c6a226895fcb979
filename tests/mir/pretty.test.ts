// The MIR printer (`pinion inspect --dump mir`) on a small hand-built body, compared with the whole
// expected text.

import { describe, expect, it } from "vitest";
import { prettyBody, prettyPlace } from "../../src/mir/pretty.js";
import { SourceFile } from "../../src/syntax/source.js";
import { assign, awaitT, call, copy, cunit, dead, deref, downcast, drop, field, FUT, live, pl, ref, refTo, resume, ret, STRING, TestMir, UNIT, use } from "../coroutine/mir-builder.js";

describe("prettyBody", () => {
  it("prints locals, blocks, statements and terminators as rustc's -Zdump-mir does", () => {
    const m = new TestMir("foo");
    const s = m.var("s", STRING, { lo: 23, hi: 24 }); // the `s` of line 2
    const r = m.var("r", refTo(STRING));
    const aw = m.named("__awaitee", FUT);
    const v = m.temp(UNIT);
    m.block([live(s)], call(s, "String::from", [], 1, 4));
    m.block([assign(r, ref(s)), live(aw)], call(aw, "bar", [copy(r)], 2, 4));
    m.block([], awaitT(aw, v, 3, { drop: 5, unwind: 4 }));
    m.block([dead(aw), assign(0, use(cunit))], drop(s, 6, 4));
    m.block([], resume(), { cleanup: true });
    m.block([], { kind: "coroutineDrop", span: { lo: 0, hi: 0 } });
    m.block([dead(s)], ret());
    const source = new SourceFile("main.rs", "async fn foo() {\n  let s = 1;\n}\n");
    const text = prettyBody(m.finish(), { printTy: (t) => (t.k === "adt" ? "String" : t.k === "ref" ? "&String" : t.k === "future" ? "{fut}" : "()"), source, commentColumn: 40 });
    expect(text).toBe(
      [
        "async fn foo() -> () {",
        "    let mut _0: ();                     // return place",
        "    let mut _1: {fut};                  // arg",
        "    let mut _2: ();                     // arg",
        "    let mut _3: String;                 // s  main.rs:2:7",
        "    let mut _4: &String;                // r",
        "    let mut _5: {fut};                  // __awaitee",
        "    let mut _6: ();",
        "",
        "    bb0: {",
        "        StorageLive(_3);",
        "        _3 = String::from() -> [return: bb1, unwind: bb4];",
        "    }",
        "",
        "    bb1: {",
        "        _4 = &_3;",
        "        StorageLive(_5);",
        "        _5 = bar(copy _4) -> [return: bb2, unwind: bb4];",
        "    }",
        "",
        "    bb2: {",
        "        _6 = await _5 -> [resume: bb3, drop: bb5, unwind: bb4]; // Suspend point, await #0",
        "    }",
        "",
        "    bb3: {",
        "        StorageDead(_5);",
        "        _0 = const ();",
        "        drop(_3) -> [return: bb6, unwind: bb4];",
        "    }",
        "",
        "    bb4 (cleanup): {",
        "        resume;",
        "    }",
        "",
        "    bb5: {",
        "        coroutine_drop;",
        "    }",
        "",
        "    bb6: {",
        "        StorageDead(_3);",
        "        return;",
        "    }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("prints projections inside out, with field types", () => {
    const p = pl(3, deref, downcast(1, "Some"), field(0, STRING));
    expect(prettyPlace(p, { printTy: () => "String" })).toBe("(((*_3) as Some).0: String)");
  });

  it("falls back to a structural type printer", () => {
    const m = new TestMir("g", "fn");
    m.block([], ret());
    expect(prettyBody(m.finish()).split("\n")[0]).toBe("fn g() -> () {");
  });
});
