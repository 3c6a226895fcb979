// `pinion inspect` output: the state machines of a file as text (in the shape of rustc's
// `-Zprint-type-sizes`), JSON, a Mermaid state diagram, or Graphviz DOT. Rendering is a function of the
// `Layout`s (layout.ts), the source file (for lines) and a type printer (resolve/'s `printTy`).
//
// Example, text, for
//
//     async fn foo(x: u64) -> usize {                 // line 2
//         let s = String::from("hi");
//         let r = &s;
//         yield_now().await;                           // line 5
//         r.len() + x as usize
//     }
//
// is
//
//     type: `{async fn body of foo()}`                              main.rs:2:1
//         variant `Unresumed`
//             upvar `.x`: u64                                       main.rs:2:14
//         variant `Suspend0`: suspended at `.await`                 main.rs:5:17
//             upvar `.x`: u64                                       main.rs:2:14
//             local `.x`: u64                                       main.rs:2:14
//             local `.s`: String                                    main.rs:3:9
//             local `.r`: &String                                   main.rs:4:9
//             local `.__awaitee`: {async fn body of yield_now()}    main.rs:5:17
//             self-reference: r ──▶ s
//         variant `Returned`
//             upvar `.x`: u64                                       main.rs:2:14
//         variant `Panicked`
//             upvar `.x`: u64                                       main.rs:2:14
//
// and JSON has the shape
// `{"file","machines":[{"name","kind","line","column","states":[{"name","awaitLine","locals":[{"name",
// "kind":"local"|"upvar"|"temp","type","line"}],"selfRefs":[{"from","to"}]}]}]}` — a temporary's name
// is `<temp _N>` (`_N` its MIR local, as `--dump mir` prints it), a drop flag's `<drop flag for s>`.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { Ty } from "../resolve/ty.js";
import type { SourceFile, Span } from "../syntax/source.js";
import type { Layout, SavedLocal, StateLayout, StateName } from "./layout.js";

export type InspectFormat = "text" | "json" | "mermaid" | "dot";

export interface RenderOptions {
  readonly source: SourceFile;
  /** Prints a type as rustc does (resolve/'s `printTy`). */
  readonly printTy: (ty: Ty) => string;
}

export function renderLayouts(layouts: readonly Layout[], format: InspectFormat, opts: RenderOptions): string {
  switch (format) {
    case "text":
      return renderText(layouts, opts);
    case "json":
      return JSON.stringify(inspectJson(layouts, opts), null, 2) + "\n";
    case "mermaid":
      return renderMermaid(layouts, opts);
    case "dot":
      return renderDot(layouts, opts);
    default:
      return assertNever(format, "inspect format");
  }
}

// ---------------------------------------------------------------------------------------------------
// Shared: what each state holds, as display rows

interface Row {
  readonly kind: "upvar" | "local" | "temp";
  readonly name: string;
  readonly type: string;
  readonly span: Span;
}

/** `{async fn body of foo()}` / `{async block@12:5}`: the coroutine type as rustc prints it. */
export function machineTypeName(l: Layout): string {
  return l.kind === "async fn" ? `{async fn body of ${l.name}()}` : l.name;
}

function localName(layout: Layout, state: StateLayout, local: number): string {
  const l = state.locals.find((x) => x.local === local);
  if (!l) return `_${local}`;
  return displayName(layout, state, l);
}

function displayName(layout: Layout, state: StateLayout, l: SavedLocal): string {
  if (l.kind === "local") return l.name ?? `_${l.local}`;
  if (l.dropFlagOf !== undefined) {
    const owner = ownerName(layout, state, l.dropFlagOf);
    return `<drop flag for ${owner}>`;
  }
  return `<temp _${l.local}>`;
}

function ownerName(layout: Layout, state: StateLayout, local: number): string {
  const saved = state.locals.find((x) => x.local === local);
  if (saved?.name !== undefined) return saved.name;
  for (const s of layout.states) {
    const found = s.locals.find((x) => x.local === local);
    if (found?.name !== undefined) return found.name;
  }
  return `_${local}`;
}

function rows(layout: Layout, state: StateLayout, opts: RenderOptions): Row[] {
  const out: Row[] = layout.upvars.map((u) => ({ kind: "upvar", name: u.name, type: opts.printTy(u.ty), span: u.span }));
  for (const l of state.locals) out.push({ kind: l.kind, name: displayName(layout, state, l), type: opts.printTy(l.ty), span: l.span });
  return out;
}

function selfRefPairs(layout: Layout, state: StateLayout): { from: string; to: string }[] {
  return [
    ...state.selfRefs.map((r) => ({ from: localName(layout, state, r.from), to: localName(layout, state, r.to) })),
    ...state.upvarRefs.map((r) => ({ from: localName(layout, state, r.from), to: layout.upvars[r.upvar]?.name ?? `upvar ${r.upvar}` })),
  ];
}

/** States in the order `-Zprint-type-sizes` lists them: Unresumed, Suspend0…, Returned, Panicked. */
function displayOrder(layout: Layout): StateLayout[] {
  const rank = (n: StateName) => (n === "Unresumed" ? -1 : n === "Returned" ? 1e9 : n === "Panicked" ? 1e9 + 1 : Number(n.slice(7)));
  return [...layout.states].sort((a, b) => rank(a.name) - rank(b.name));
}

function line(opts: RenderOptions, sp: Span): number {
  return opts.source.lineCol(sp.lo).line;
}

// ---------------------------------------------------------------------------------------------------
// text

function renderText(layouts: readonly Layout[], opts: RenderOptions): string {
  const out: string[] = [];
  const col = 66;
  const at = (text: string, sp: Span | undefined) => (sp ? `${text}${" ".repeat(Math.max(2, col - text.length))}${opts.source.location(sp)}` : text);
  for (const layout of layouts) {
    if (out.length) out.push("");
    out.push(at(`type: \`${machineTypeName(layout)}\``, layout.span));
    for (const state of displayOrder(layout)) {
      out.push(state.await ? at(`    variant \`${state.name}\`: suspended at \`.await\``, state.await.awaitSpan) : `    variant \`${state.name}\``);
      for (const r of rows(layout, state, opts)) {
        const head = r.kind === "temp" ? `        temp \`${r.name}\`: ${r.type}` : `        ${r.kind} \`.${r.name}\`: ${r.type}`;
        out.push(at(head, r.span));
      }
      for (const p of selfRefPairs(layout, state)) out.push(`        self-reference: ${p.from} ──▶ ${p.to}`);
    }
  }
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------
// json

export interface InspectJson {
  readonly file: string;
  readonly machines: {
    readonly name: string;
    readonly kind: "async fn" | "async block";
    readonly line: number;
    readonly column: number;
    readonly states: {
      readonly name: string;
      readonly awaitLine: number | null;
      readonly locals: { readonly name: string; readonly kind: "local" | "upvar" | "temp"; readonly type: string; readonly line: number }[];
      readonly selfRefs: { readonly from: string; readonly to: string }[];
    }[];
  }[];
}

export function inspectJson(layouts: readonly Layout[], opts: RenderOptions): InspectJson {
  return {
    file: opts.source.name,
    machines: layouts.map((layout) => {
      const { line: l, column } = opts.source.lineCol(layout.span.lo);
      return {
        name: layout.name,
        kind: layout.kind,
        line: l,
        column,
        states: layout.states.map((state) => ({
          name: state.name,
          awaitLine: state.await ? line(opts, state.await.awaitSpan) : null,
          locals: rows(layout, state, opts).map((r) => ({ name: r.name, kind: r.kind, type: r.type, line: line(opts, r.span) })),
          selfRefs: selfRefPairs(layout, state),
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// mermaid

function renderMermaid(layouts: readonly Layout[], opts: RenderOptions): string {
  const out = ["stateDiagram-v2"];
  const esc = (s: string) =>
    s.replace(/[<>{}"#;]/g, (c) => ({ "<": "#lt;", ">": "#gt;", "{": "#123;", "}": "#125;", '"': "#quot;", "#": "#35;", ";": "#59;" })[c]!);
  layouts.forEach((layout, m) => {
    const id = (s: StateName) => `m${m}_${s}`;
    const ind = "        ";
    out.push(`    state "${esc(machineTypeName(layout))}" as m${m} {`);
    for (const state of displayOrder(layout)) {
      const title = state.await ? `${state.name}: .await at line ${line(opts, state.await.awaitSpan)}` : state.name;
      out.push(`${ind}state "${esc(title)}" as ${id(state.name)}`);
    }
    out.push(`${ind}[*] --> ${id("Unresumed")}`);
    for (const t of layout.transitions) out.push(`${ind}${id(t.from)} --> ${id(t.to)}: ${esc(transitionLabel(layout, t.to, opts))}`);
    out.push(`${ind}${id("Returned")} --> [*]`);
    for (const state of displayOrder(layout)) {
      const body = rows(layout, state, opts).map((r) => `${r.kind === "temp" ? r.name : `${r.kind === "upvar" ? "upvar " : ""}${r.name}`}: ${r.type}`);
      for (const p of selfRefPairs(layout, state)) body.push(`${p.from} ──▶ ${p.to}`);
      if (state.name === "Panicked") body.push("(after a panic in poll)");
      if (!body.length) continue;
      out.push(`${ind}note right of ${id(state.name)}`);
      for (const b of body) out.push(`${ind}    ${esc(b)}`);
      out.push(`${ind}end note`);
    }
    out.push("    }");
  });
  return out.join("\n") + "\n";
}

function transitionLabel(layout: Layout, to: StateName, opts: RenderOptions): string {
  if (to === "Returned") return "returns";
  const st = layout.states.find((s) => s.name === to);
  return st?.await ? `.await at line ${line(opts, st.await.awaitSpan)}` : to;
}

// ---------------------------------------------------------------------------------------------------
// dot

function renderDot(layouts: readonly Layout[], opts: RenderOptions): string {
  const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const out = [`digraph ${q(opts.source.name)} {`, "    rankdir=LR;", '    node [shape=box, fontname="monospace"];'];
  layouts.forEach((layout, m) => {
    const id = (s: StateName) => q(`m${m}_${s}`);
    out.push(`    subgraph cluster_${m} {`);
    out.push(`        label=${q(machineTypeName(layout))};`);
    out.push(`        ${q(`m${m}_start`)} [shape=point];`);
    for (const state of displayOrder(layout)) {
      const title = state.await ? `${state.name}: .await at line ${line(opts, state.await.awaitSpan)}` : state.name;
      const lines = [title, ...rows(layout, state, opts).map((r) => `${r.kind === "upvar" ? "upvar " : ""}${r.name}: ${r.type}`)];
      for (const p of selfRefPairs(layout, state)) lines.push(`${p.from} ──▶ ${p.to}`);
      const label = lines.map((l) => l.replace(/\\/g, "\\\\").replace(/"/g, '\\"')).join("\\l") + "\\l";
      out.push(`        ${id(state.name)} [label="${label}"];`);
    }
    out.push(`        ${q(`m${m}_start`)} -> ${id("Unresumed")};`);
    for (const t of layout.transitions) out.push(`        ${id(t.from)} -> ${id(t.to)} [label=${q(transitionLabel(layout, t.to, opts))}];`);
    out.push("    }");
  });
  out.push("}");
  return out.join("\n") + "\n";
}
