// A readable MIR printer in the spirit of rustc's `-Zdump-mir`: `pinion inspect --dump mir`.
//
// Example, for `async fn foo() -> usize { let s = String::from("hi"); let r = &s; bar().await; r.len() }`:
//
//     async fn foo() -> usize {
//         let mut _0: usize;                                  // return place
//         let _1: {async fn body of foo()};                   // arg
//         let _2: ();                                         // arg
//         let _3: String;                                     // s  main.rs:1:31
//         let _4: &String;                                    // r  main.rs:1:59
//         …
//         bb0: {
//             StorageLive(_3);                                // main.rs:1:31
//             _3 = <String as From<&str>>::from(const "hi") -> [return: bb1, unwind continue]; // main.rs:1:35
//         }
//         …
//         bb3: {
//             _6 = await _5 -> [resume: bb4, drop: bb8, unwind: bb9]; // Suspend0, main.rs:1:72
//         }
//         bb9 (cleanup): {
//             drop(_3) -> [return: bb10, unwind unreachable];
//         }
//     }
//
// Types and paths print through the functions given in the options (resolve/'s `printTy` and a def
// path printer); without them the printer falls back to a structural rendering (`adt#12<i32>`), so it
// can print hand-built bodies in tests.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { DefId, Ty } from "../resolve/ty.js";
import type { SourceFile, Span } from "../syntax/source.js";
import type {
  AggregateKind,
  AssertMsg,
  BasicBlock,
  Body,
  Constant,
  LocalDecl,
  Operand,
  Place,
  Rvalue,
  Statement,
  Terminator,
  Unwind,
} from "./types.js";

export interface PrettyOptions {
  /** Prints a type as rustc does (`Vec<String>`); default: a structural fallback. */
  readonly printTy?: (ty: Ty) => string;
  /** Prints a fn, const or ADT path (`<String as From<&str>>::from`, `Vec`); default: `def#N`. */
  readonly defName?: (def: DefId) => string;
  /** For `// main.rs:LINE:COL` comments. */
  readonly source?: SourceFile;
  /** Column at which trailing comments start (default 60). */
  readonly commentColumn?: number;
}

/** The whole body, rustc-style. */
export function prettyBody(body: Body, opts: PrettyOptions = {}): string {
  const p = new Printer(body, opts);
  return p.body();
}

/** One place, e.g. `((*_3).0: i32)`. */
export function prettyPlace(place: Place, opts: PrettyOptions = {}): string {
  return placeText(place, opts);
}

export function prettyStatement(stmt: Statement, opts: PrettyOptions = {}): string {
  return statementText(stmt, opts);
}

export function prettyTerminator(term: Terminator, opts: PrettyOptions = {}): string {
  return terminatorText(term, opts);
}

/** `_3 s` for a named local, `_7` for a temp: how dumps refer to locals. */
export function localLabel(body: Body, local: number): string {
  const name = body.locals[local]?.name;
  return name !== undefined ? `_${local} ${name}` : `_${local}`;
}

class Printer {
  private readonly lines: string[] = [];
  constructor(
    private readonly b: Body,
    private readonly opts: PrettyOptions,
  ) {}

  body(): string {
    const b = this.b;
    const kind = b.kind === "asyncFn" ? "async fn" : b.kind === "asyncBlock" ? "async block" : b.kind === "closure" ? "closure" : b.kind === "const" ? "const" : "fn";
    const ret = b.locals[0] ? tyText(b.locals[0].ty, this.opts) : "?";
    const where = this.where(b.span);
    this.lines.push(this.withComment(`${kind} ${b.name}() -> ${ret} {`, where ? `${where}` : undefined));
    if (b.upvars.length) {
      for (const [i, u] of b.upvars.entries())
        this.lines.push(`    // upvar ${i}: ${u.name}: ${tyText(u.ty, this.opts)}${u.byRef ? " (by reference)" : ""}`);
    }
    b.locals.forEach((d, i) => this.local(d, i));
    b.blocks.forEach((blk, i) => this.block(blk, i));
    this.lines.push("}");
    return this.lines.join("\n") + "\n";
  }

  private local(d: LocalDecl, i: number): void {
    const text = `    let ${d.mutable ? "mut " : ""}_${i}: ${tyText(d.ty, this.opts)};`;
    const what = d.kind === "return" ? "return place" : d.kind === "arg" ? "arg" : d.kind === "dropflag" ? "drop flag" : d.name ?? "";
    const where = d.kind === "var" || d.kind === "named" ? this.where(d.span) : undefined;
    const comment = [what, where].filter(Boolean).join("  ");
    this.lines.push(this.withComment(text, comment || undefined));
  }

  private block(blk: BasicBlock, i: number): void {
    this.lines.push("");
    this.lines.push(`    bb${i}${blk.cleanup ? " (cleanup)" : ""}: {`);
    for (const s of blk.statements) this.lines.push(this.withComment(`        ${statementText(s, this.opts)};`, this.where(s.span)));
    const t = blk.terminator;
    let comment = t.kind === "unset" ? undefined : this.where(t.span);
    if (t.kind === "await") comment = `Suspend point, await #${t.index}${comment ? `, ${comment}` : ""}`;
    this.lines.push(this.withComment(`        ${terminatorText(t, this.opts)};`, comment));
    this.lines.push("    }");
  }

  private where(sp: Span): string | undefined {
    const src = this.opts.source;
    if (!src || (sp.lo === 0 && sp.hi === 0)) return undefined;
    return src.location(sp);
  }

  private withComment(text: string, comment: string | undefined): string {
    if (!comment) return text;
    const col = this.opts.commentColumn ?? 60;
    return `${text}${" ".repeat(Math.max(1, col - text.length))}// ${comment}`;
  }
}

function placeText(p: Place, opts: PrettyOptions): string {
  let s = `_${p.local}`;
  for (const e of p.projection) {
    switch (e.kind) {
      case "deref":
        s = `(*${s})`;
        break;
      case "field":
        s = `(${s}.${e.index}: ${tyText(e.ty, opts)})`;
        break;
      case "index":
        s = `${s}[_${e.local}]`;
        break;
      case "constIndex":
        s = `${s}[${e.fromEnd ? "-" : ""}${e.offset}]`;
        break;
      case "subslice":
        s = `${s}[${e.from}:${e.fromEnd ? "-" : ""}${e.to}]`;
        break;
      case "downcast":
        s = `(${s} as ${e.name})`;
        break;
      default:
        assertNever(e, "projection");
    }
  }
  return s;
}

function operandText(o: Operand, opts: PrettyOptions): string {
  switch (o.kind) {
    case "copy":
      return `copy ${placeText(o.place, opts)}`;
    case "move":
      return `move ${placeText(o.place, opts)}`;
    case "const":
      return constText(o.value, o.ty, opts);
    default:
      return assertNever(o, "operand");
  }
}

function constText(c: Constant, ty: Ty, opts: PrettyOptions): string {
  switch (c.kind) {
    case "int":
      return `const ${c.value}${ty.k === "int" ? `_${ty.kind}` : ""}`;
    case "float":
      return `const ${Number.isInteger(c.value) ? c.value.toFixed(1) : String(c.value)}${ty.k === "float" ? `_${ty.kind}` : ""}`;
    case "bool":
      return `const ${c.value}`;
    case "char":
      return `const ${JSON.stringify(c.value).replace(/^"|"$/g, "'")}`;
    case "str":
      return `const ${JSON.stringify(c.value)}`;
    case "bytes":
      return `const b"${c.value.map((b) => (b >= 32 && b < 127 && b !== 34 && b !== 92 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`)).join("")}"`;
    case "unit":
      return "const ()";
    case "fn":
      return `${defText(c.def, opts)}${c.args.length ? `::<${c.args.map((a) => tyText(a, opts)).join(", ")}>` : ""}`;
    case "const":
      return `const ${defText(c.def, opts)}`;
    case "intrinsic":
      return c.name;
    case "fmt":
      return "const format_args!(…)";
    default:
      return assertNever(c, "constant");
  }
}

function rvalueText(rv: Rvalue, opts: PrettyOptions): string {
  switch (rv.kind) {
    case "use":
      return operandText(rv.operand, opts);
    case "ref":
      return `&${rv.mutable ? "mut " : ""}${placeText(rv.place, opts)}`;
    case "rawPtr":
      return `&raw ${rv.mutable ? "mut" : "const"} ${placeText(rv.place, opts)}`;
    case "binary":
      return `${rv.op}(${operandText(rv.lhs, opts)}, ${operandText(rv.rhs, opts)})`;
    case "unary":
      return `${rv.op}(${operandText(rv.operand, opts)})`;
    case "aggregate":
      return aggregateText(rv.agg, rv.operands.map((o) => operandText(o, opts)), opts);
    case "repeat":
      return `[${operandText(rv.operand, opts)}; ${rv.count ?? "N"}]`;
    case "cast":
      return `${operandText(rv.operand, opts)} as ${tyText(rv.ty, opts)} (${rv.cast})`;
    case "discriminant":
      return `discriminant(${placeText(rv.place, opts)})`;
    case "len":
      return `Len(${placeText(rv.place, opts)})`;
    default:
      return assertNever(rv, "rvalue");
  }
}

function aggregateText(agg: AggregateKind, ops: string[], opts: PrettyOptions): string {
  switch (agg.kind) {
    case "tuple":
      return ops.length === 1 ? `(${ops[0]},)` : `(${ops.join(", ")})`;
    case "array":
      return `[${ops.join(", ")}]`;
    case "adt":
      return `${defText(agg.def, opts)}${agg.args.length ? `::<${agg.args.map((a) => tyText(a, opts)).join(", ")}>` : ""}#${agg.variant}(${ops.join(", ")})`;
    case "closure":
      return `{closure#${agg.node}} { ${ops.join(", ")} }`;
    case "coroutine":
      return `{coroutine#${agg.node}} { ${ops.join(", ")} }`;
    default:
      return assertNever(agg, "aggregate");
  }
}

function statementText(s: Statement, opts: PrettyOptions): string {
  switch (s.kind) {
    case "assign":
      return `${placeText(s.place, opts)} = ${rvalueText(s.rvalue, opts)}`;
    case "storageLive":
      return `StorageLive(_${s.local})`;
    case "storageDead":
      return `StorageDead(_${s.local})`;
    case "setDiscriminant":
      return `discriminant(${placeText(s.place, opts)}) = ${s.variant}`;
    case "fakeRead":
      return `FakeRead(${placeText(s.place, opts)})`;
    case "nop":
      return "nop";
    default:
      return assertNever(s, "statement");
  }
}

function unwindText(u: Unwind): string {
  switch (u.kind) {
    case "continue":
      return "unwind continue";
    case "cleanup":
      return `unwind: bb${u.block}`;
    case "unreachable":
      return "unwind unreachable";
    default:
      return assertNever(u, "unwind");
  }
}

/** `[return: bb1, unwind: bb2]`, or `[return: bb1, unwind continue]` as rustc writes it. */
function targets(named: [string, number][], u: Unwind): string {
  const parts = named.map(([k, b]) => `${k}: bb${b}`);
  const un = unwindText(u);
  return u.kind === "cleanup" ? `[${[...parts, un].join(", ")}]` : parts.length ? `[${parts.join(", ")}, ${un}]` : un;
}

function assertMsgText(m: AssertMsg): string {
  switch (m.kind) {
    case "overflow":
      return `"attempt to compute ${m.op} with overflow"`;
    case "divisionByZero":
      return `"attempt to divide by zero"`;
    case "remainderByZero":
      return `"attempt to calculate the remainder with a divisor of zero"`;
    case "boundsCheck":
      return `"index out of bounds"`;
    default:
      return assertNever(m, "assert message");
  }
}

function terminatorText(t: Terminator, opts: PrettyOptions): string {
  switch (t.kind) {
    case "goto":
      return `goto -> bb${t.target}`;
    case "switchInt":
      return `switchInt(${operandText(t.discr, opts)}) -> [${[...t.targets.map((x) => `${x.value}: bb${x.target}`), `otherwise: bb${t.otherwise}`].join(", ")}]`;
    case "return":
      return "return";
    case "unreachable":
      return "unreachable";
    case "unwindResume":
      return "resume";
    case "coroutineDrop":
      return "coroutine_drop";
    case "unset":
      return "<unset>";
    case "call": {
      const call = `${placeText(t.dest, opts)} = ${operandText(t.func, opts)}(${t.args.map((a) => operandText(a, opts)).join(", ")})`;
      return `${call} -> ${targets(t.target !== undefined ? [["return", t.target]] : [], t.unwind)}`;
    }
    case "drop":
      return `drop(${placeText(t.place, opts)}) -> ${targets([["return", t.target]], t.unwind)}`;
    case "assert":
      return `assert(${t.expected ? "" : "!"}${operandText(t.cond, opts)}, ${assertMsgText(t.msg)}) -> ${targets([["success", t.target]], t.unwind)}`;
    case "await": {
      const named: [string, number][] = [["resume", t.resume]];
      if (t.drop !== undefined) named.push(["drop", t.drop]);
      return `${placeText(t.dest, opts)} = await _${t.awaitee} -> ${targets(named, t.unwind)}`;
    }
    default:
      return assertNever(t, "terminator");
  }
}

function defText(def: DefId, opts: PrettyOptions): string {
  return opts.defName ? opts.defName(def) : `def#${def}`;
}

/** The type through `opts.printTy`, or a structural fallback good enough for tests and debugging. */
export function tyText(t: Ty, opts: Pick<PrettyOptions, "printTy"> = {}): string {
  if (opts.printTy) return opts.printTy(t);
  const p = (x: Ty) => tyText(x, opts);
  switch (t.k) {
    case "int":
    case "float":
      return t.kind;
    case "bool":
    case "char":
    case "str":
      return t.k;
    case "never":
      return "!";
    case "tuple":
      return t.elems.length === 1 ? `(${p(t.elems[0]!)},)` : `(${t.elems.map(p).join(", ")})`;
    case "array":
      return `[${p(t.elem)}; ${t.len ?? "N"}]`;
    case "slice":
      return `[${p(t.elem)}]`;
    case "ref":
      return `&${t.mutable ? "mut " : ""}${p(t.inner)}`;
    case "ptr":
      return `*${t.mutable ? "mut" : "const"} ${p(t.inner)}`;
    case "adt":
      return `adt#${t.def}${t.args.length ? `<${t.args.map(p).join(", ")}>` : ""}`;
    case "fndef":
      return `fn#${t.def}`;
    case "fnptr":
      return `fn(${t.params.map(p).join(", ")}) -> ${p(t.ret)}`;
    case "closure":
      return `{closure#${t.node}}`;
    case "future":
      return `{future#${t.node}}`;
    case "param":
      return t.name;
    case "opaque":
      return `impl#${t.def}`;
    case "dyn":
      return "dyn _";
    case "assoc":
      return `<${p(t.self)}>::${t.name}`;
    case "infer":
      return "_";
    case "intvar":
      return "{integer}";
    case "floatvar":
      return "{float}";
    case "error":
      return "{unknown}";
    default:
      return assertNever(t, "type");
  }
}
