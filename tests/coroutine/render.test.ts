// The inspect formats (text, JSON, Mermaid, DOT) of one hand-made layout, compared with whole
// expected texts. The layout is what layout.ts makes for
//
//     async fn foo(x: u64) -> usize { let s = String::from("hi"); let r = &s; yield_now().await; r.len() + x as usize }
//
// (plus a drop flag for `s`, to show how temps print): `x` is an upvar in every state and a local in
// Suspend0, `r ──▶ s` a self-reference.

import { describe, expect, it } from "vitest";
import type { Layout } from "../../src/coroutine/layout.js";
import { inspectJson, renderLayouts, type RenderOptions } from "../../src/coroutine/render.js";
import type { Ty } from "../../src/resolve/ty.js";
import { SourceFile, type Span } from "../../src/syntax/source.js";

const text = `async fn foo(x: u64) -> usize {
    let s = String::from("hi");
    let r = &s;
    yield_now().await;
    r.len() + x as usize
}
`;
const at = (needle: string): Span => ({ lo: text.indexOf(needle), hi: text.indexOf(needle) + needle.length });
const U64: Ty = { k: "int", kind: "u64" };
const STR: Ty = { k: "adt", def: 1, args: [] };
const FUT: Ty = { k: "future", node: 9, def: 2, args: [], output: { k: "tuple", elems: [] } };
const layout: Layout = {
  name: "foo",
  kind: "async fn",
  span: at("async fn"),
  upvars: [{ name: "x", ty: U64, span: at("x:") }],
  states: [
    { name: "Unresumed", locals: [], selfRefs: [], upvarRefs: [] },
    { name: "Returned", locals: [], selfRefs: [], upvarRefs: [] },
    { name: "Panicked", locals: [], selfRefs: [], upvarRefs: [] },
    {
      name: "Suspend0",
      await: { span: at("yield_now().await"), awaitSpan: at("await"), index: 0, block: 3 },
      locals: [
        { local: 3, name: "x", kind: "local", ty: U64, span: at("x:") },
        { local: 4, name: "s", kind: "local", ty: STR, span: at("s =") },
        { local: 5, name: "r", kind: "local", ty: { k: "ref", mutable: false, inner: STR }, span: at("r =") },
        { local: 6, name: "__awaitee", kind: "local", ty: FUT, span: at("yield_now") },
        { local: 9, name: undefined, kind: "temp", ty: { k: "bool" }, span: at("s ="), dropFlagOf: 4 },
      ],
      selfRefs: [{ from: 5, to: 4 }],
      upvarRefs: [],
    },
  ],
  transitions: [
    { from: "Unresumed", to: "Suspend0" },
    { from: "Suspend0", to: "Returned" },
  ],
};
const printTy = (t: Ty): string =>
  t.k === "int" ? t.kind : t.k === "bool" ? "bool" : t.k === "adt" ? "String" : t.k === "ref" ? "&String" : "{async fn body of yield_now()}";
const opts: RenderOptions = { source: new SourceFile("main.rs", text), printTy };

describe("inspect formats", () => {
  it("text, in the shape of rustc's -Zprint-type-sizes", () => {
    expect(renderLayouts([layout], "text", opts)).toBe(
      [
        "type: `{async fn body of foo()}`                                  main.rs:1:1",
        "    variant `Unresumed`",
        "        upvar `.x`: u64                                           main.rs:1:14",
        "    variant `Suspend0`: suspended at `.await`                     main.rs:4:17",
        "        upvar `.x`: u64                                           main.rs:1:14",
        "        local `.x`: u64                                           main.rs:1:14",
        "        local `.s`: String                                        main.rs:2:9",
        "        local `.r`: &String                                       main.rs:3:9",
        "        local `.__awaitee`: {async fn body of yield_now()}        main.rs:4:5",
        "        temp `<drop flag for s>`: bool                            main.rs:2:9",
        "        self-reference: r ──▶ s",
        "    variant `Returned`",
        "        upvar `.x`: u64                                           main.rs:1:14",
        "    variant `Panicked`",
        "        upvar `.x`: u64                                           main.rs:1:14",
      ].join("\n") + "\n",
    );
  });

  it("json: upvars in every state, then the saved locals; temps and self-references by name", () => {
    const json = inspectJson([layout], opts);
    expect(json.file).toBe("main.rs");
    expect(json.machines).toHaveLength(1);
    const m = json.machines[0]!;
    expect([m.name, m.kind, m.line, m.column]).toEqual(["foo", "async fn", 1, 1]);
    expect(m.states.map((s) => [s.name, s.awaitLine])).toEqual([
      ["Unresumed", null],
      ["Returned", null],
      ["Panicked", null],
      ["Suspend0", 4],
    ]);
    expect(m.states[0]!.locals).toEqual([{ name: "x", kind: "upvar", type: "u64", line: 1 }]);
    expect(m.states[3]!.locals).toEqual([
      { name: "x", kind: "upvar", type: "u64", line: 1 },
      { name: "x", kind: "local", type: "u64", line: 1 },
      { name: "s", kind: "local", type: "String", line: 2 },
      { name: "r", kind: "local", type: "&String", line: 3 },
      { name: "__awaitee", kind: "local", type: "{async fn body of yield_now()}", line: 4 },
      { name: "<drop flag for s>", kind: "temp", type: "bool", line: 2 },
    ]);
    expect(m.states[3]!.selfRefs).toEqual([{ from: "r", to: "s" }]);
    expect(JSON.parse(renderLayouts([layout], "json", opts))).toEqual(json);
  });

  it("mermaid: one composite state per machine, transitions labelled with the await's line", () => {
    expect(renderLayouts([layout], "mermaid", opts)).toBe(
      [
        "stateDiagram-v2",
        "    state \"#123;async fn body of foo()#125;\" as m0 {",
        "        state \"Unresumed\" as m0_Unresumed",
        "        state \"Suspend0: .await at line 4\" as m0_Suspend0",
        "        state \"Returned\" as m0_Returned",
        "        state \"Panicked\" as m0_Panicked",
        "        [*] --> m0_Unresumed",
        "        m0_Unresumed --> m0_Suspend0: .await at line 4",
        "        m0_Suspend0 --> m0_Returned: returns",
        "        m0_Returned --> [*]",
        "        note right of m0_Unresumed",
        "            upvar x: u64",
        "        end note",
        "        note right of m0_Suspend0",
        "            upvar x: u64",
        "            x: u64",
        "            s: String",
        "            r: &String",
        "            __awaitee: #123;async fn body of yield_now()#125;",
        "            #lt;drop flag for s#gt;: bool",
        "            r ──▶ s",
        "        end note",
        "        note right of m0_Returned",
        "            upvar x: u64",
        "        end note",
        "        note right of m0_Panicked",
        "            upvar x: u64",
        "            (after a panic in poll)",
        "        end note",
        "    }",
      ].join("\n") + "\n",
    );
  });

  it("dot: one cluster per machine", () => {
    expect(renderLayouts([layout], "dot", opts)).toBe(
      [
        "digraph \"main.rs\" {",
        "    rankdir=LR;",
        "    node [shape=box, fontname=\"monospace\"];",
        "    subgraph cluster_0 {",
        "        label=\"{async fn body of foo()}\";",
        "        \"m0_start\" [shape=point];",
        "        \"m0_Unresumed\" [label=\"Unresumed\\lupvar x: u64\\l\"];",
        "        \"m0_Suspend0\" [label=\"Suspend0: .await at line 4\\lupvar x: u64\\lx: u64\\ls: String\\lr: &String\\l__awaitee: {async fn body of yield_now()}\\l<drop flag for s>: bool\\lr ──▶ s\\l\"];",
        "        \"m0_Returned\" [label=\"Returned\\lupvar x: u64\\l\"];",
        "        \"m0_Panicked\" [label=\"Panicked\\lupvar x: u64\\l\"];",
        "        \"m0_start\" -> \"m0_Unresumed\";",
        "        \"m0_Unresumed\" -> \"m0_Suspend0\" [label=\".await at line 4\"];",
        "        \"m0_Suspend0\" -> \"m0_Returned\" [label=\"returns\"];",
        "    }",
        "}",
      ].join("\n") + "\n",
    );
  });
});
