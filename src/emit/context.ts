// What every part of the emitter shares: the analysed program, the layouts, naming, type questions,
// and the mapping of Rust types to TypeScript types and to runtime type descriptors.

import type * as ast from "../syntax/ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../syntax/source.js";
import type { Analysis } from "../pipeline.js";
import type { Layout } from "../coroutine/layout.js";
import { solverFor, type Program } from "../resolve/index.js";
import type { Solver } from "../resolve/traits.js";
import { printTy } from "../resolve/print.js";
import { Ty, type DefId } from "../resolve/ty.js";
import type { Flavour } from "./writer.js";
import { jsIdent } from "./writer.js";

export interface EmitOptions {
  readonly flavour: Flavour;
  /** Emit `rt.tick(...)` step counting and trace hooks (pinion run). */
  readonly instrument: boolean;
}

export class EmitContext {
  readonly program: Program;
  readonly diagnostics: Diagnostic[] = [];
  /** Layouts by the node of their async fn item or async block. */
  readonly layouts = new Map<ast.NodeId, Layout>();
  private readonly solvers = new Map<DefId | undefined, Solver>();
  /** JS names of items (fns, structs, enums, classes of futures), by DefId or node. */
  readonly itemNames = new Map<number, string>();
  /** JS names of methods in the classes of user types, by the method's DefId (items.ts). */
  readonly methodNames = new Map<DefId, string>();
  /** Per user trait, its impls for types that are not classes, as `$impls` entries (runtime/dispatch.ts). */
  readonly traitImpls = new Map<DefId, { test: string; entry: string; ty: string }[]>();
  /** While a generic fn's body is emitted: the descriptor of `<C as Trait>::Name` read from a value of
   *  `C` the fn has (items.ts `emitFnLike`), or undefined where it has none. */
  assocDesc: ((t: Ty & { k: "assoc" }) => string | undefined) | undefined;
  private readonly usedNames = new Set<string>();

  constructor(
    readonly analysis: Analysis,
    readonly opts: EmitOptions,
  ) {
    this.program = analysis.program!;
    for (const l of analysis.layouts) {
      const body = analysis.bodies.find((b) => b.name === l.name && (b.kind === "asyncFn" || b.kind === "asyncBlock"));
      if (body) this.layouts.set(body.node, l);
    }
    this.usedNames.add("rt");
  }

  get tcx() {
    return this.program.tcx;
  }
  get lang() {
    return this.program.tcx.lang;
  }
  get file() {
    return this.analysis.file;
  }

  solver(fnDef: DefId | undefined): Solver {
    let s = this.solvers.get(fnDef);
    if (!s) {
      s = solverFor(this.program, fnDef);
      this.solvers.set(fnDef, s);
    }
    return s;
  }

  /** `"LINE:COL"` of a span, as a JS string literal. */
  loc(span: Span): string {
    const lc = this.file.lineCol(span.lo);
    return `"${lc.line}:${lc.column}"`;
  }

  line(span: Span): number {
    return this.file.lineCol(span.lo).line;
  }

  where(span: Span): string {
    const lc = this.file.lineCol(span.lo);
    return `${this.file.name.split("/").pop()}:${lc.line}:${lc.column}`;
  }

  unsupported(what: string, span: Span): void {
    this.diagnostics.push(
      diagnostic("P0003", "error", `${what} is not supported by \`pinion run\` yet`, span, "not supported", {
        notes: ["pinion can still inspect and check this program; it cannot run it"],
      }),
    );
  }

  /** A fresh module-level name based on `base`. */
  freshName(base: string): string {
    let n = jsIdent(base);
    if (!this.usedNames.has(n)) {
      this.usedNames.add(n);
      return n;
    }
    for (let i = 2; ; i++) {
      const c = `${n}_${i}`;
      if (!this.usedNames.has(c)) {
        this.usedNames.add(c);
        return c;
      }
    }
  }

  printTy(t: Ty): string {
    return printTy(this.tcx, t);
  }

  // ------------------------------------------------------------------------------------------------
  // TypeScript types of Rust types (the TS flavour's annotations)

  /**
   * The annotation of a local variable: exact where the runtime's values have exactly that type
   * (`boolean`, `string` for `&str`, a user struct or enum), `any` where a Rust type is represented by
   * several TypeScript types (integers are `number` or `bigint`, references a value or a `Ptr`…).
   */
  tsLocal(t: Ty): string {
    if (t.k === "bool") return "boolean";
    if (t.k === "str" || (t.k === "ref" && t.inner.k === "str")) return "string";
    if (t.k === "adt" && !this.tcx.def(t.def).std && t.args.length === 0) return this.tsType(t);
    return "any";
  }

  tsType(t: Ty): string {
    const L = this.lang;
    switch (t.k) {
      case "int":
        return t.kind === "i64" || t.kind === "u64" || t.kind === "i128" || t.kind === "u128" || t.kind === "isize" || t.kind === "usize" ? "rt.Int" : "number";
      case "float":
        return "number";
      case "bool":
        return "boolean";
      case "char":
      case "str":
        return "string";
      case "never":
        return "never";
      case "tuple":
        return t.elems.length === 0 ? "void" : `[${t.elems.map((e) => this.tsType(e)).join(", ")}]`;
      case "array":
        return `${this.tsElem(t.elem)}[]`;
      case "slice":
        return `rt.Slice<${this.tsType(t.elem)}>`;
      case "ref":
        if (t.inner.k === "str") return "string";
        if (t.inner.k === "slice") return `rt.Slice<${this.tsType(t.inner.elem)}>`;
        if (t.inner.k === "dyn") return `rt.Ptr<${this.tsType(t.inner)}>`;
        return t.mutable ? `rt.Ptr<${this.tsType(t.inner)}>` : `rt.SharedRef<${this.tsType(t.inner)}>`;
      case "ptr":
        return `rt.Ptr<${this.tsType(t.inner)}>`;
      case "adt": {
        const d = this.tcx.def(t.def);
        const args = t.args.map((a) => this.tsType(a));
        if (d.std) {
          if (t.def === L.String) return "rt.RString";
          if (t.def === L.Vec) return `rt.RVec<${args[0]}>`;
          if (t.def === L.VecDeque) return `rt.RVecDeque<${args[0]}>`;
          if (t.def === L.Option) return `rt.Option<${args[0]}>`;
          if (t.def === L.Result) return `rt.Result<${args[0]}, ${args[1]}>`;
          if (t.def === L.Box) return `rt.RBox<${args[0]}>`;
          if (t.def === L.Pin) return args[0] ?? "any";
          if (t.def === L.Poll) return `rt.Poll<${args[0]}>`;
          if (t.def === L.Context) return "rt.Context";
          if (t.def === L.Waker) return "rt.Waker";
          if (t.def === L.Rc) return `rt.Rc<${args[0]}>`;
          if (t.def === L.Arc) return `rt.Arc<${args[0]}>`;
          if (t.def === L.Cell) return `rt.Cell<${args[0]}>`;
          if (t.def === L.RefCell) return `rt.RefCell<${args[0]}>`;
          if (t.def === L.Mutex) return `rt.Mutex<${args[0]}>`;
          if (t.def === L.Formatter) return "rt.Formatter";
          return "any";
        }
        const name = this.itemNames.get(t.def) ?? jsIdent(d.name);
        return args.length ? `${name}<${args.join(", ")}>` : name;
      }
      case "fndef":
      case "fnptr":
      case "closure":
        return "any";
      case "future":
        return t.def !== undefined ? this.itemNames.get(t.node) ?? "rt.Future<any>" : `rt.Future<${this.tsType(t.output)}>`;
      case "param":
        // Generic code is not monomorphized: a type parameter is any value.
        return "any";
      case "opaque":
      case "dyn":
        return this.dynTs(t.bounds);
      case "assoc":
      case "infer":
      case "intvar":
      case "floatvar":
      case "error":
        return "any";
    }
  }

  private tsElem(t: Ty): string {
    const s = this.tsType(t);
    return /[|&]/.test(s) ? `(${s})` : s;
  }

  private dynTs(bounds: readonly { trait: DefId; bindings: ReadonlyMap<string, Ty> }[]): string {
    for (const b of bounds) {
      if (b.trait === this.lang.Future) return `rt.Future<${this.tsType(b.bindings.get("Output") ?? Ty.unit)}>`;
    }
    return "any";
  }

  // ------------------------------------------------------------------------------------------------
  // Type questions

  isCopy(t: Ty, fnDef: DefId | undefined): boolean {
    return this.solver(fnDef).isCopy(t);
  }

  /** Values whose identity or drop the program can observe: they are moved with `relocate` and
   *  dropped explicitly. Plain heap data (String, Vec of numbers) is left to the garbage collector. */
  observableDrop(t: Ty, fnDef: DefId | undefined, seen = new Set<DefId>()): boolean {
    const L = this.lang;
    switch (t.k) {
      case "adt": {
        const d = this.tcx.def(t.def);
        if (this.solver(fnDef).hasDropImpl(t.def)) return true;
        if (t.def === L.Rc || t.def === L.Arc || t.def === L.Waker || t.def === L.Context) return t.def !== L.Context;
        if (d.std) {
          if (["Weak", "Ref", "RefMut", "MutexGuard", "JoinHandle"].includes(d.name)) return true;
          return t.args.some((a) => this.observableDrop(a, fnDef, seen));
        }
        if (seen.has(t.def)) return false;
        seen.add(t.def);
        const variants = d.kind === "enum" ? d.variants : [t.def];
        const s = this.tcx.substFor(this.tcx.genericsOf(t.def), t.args);
        return variants.some((v) => this.tcx.fieldsOf(v).some((f) => this.observableDrop(this.tcx.subst(f.ty, s), fnDef, seen)));
      }
      case "tuple":
        return t.elems.some((e) => this.observableDrop(e, fnDef, seen));
      case "array":
      case "slice":
        return this.observableDrop(t.elem, fnDef, seen);
      case "future": {
        // A future drops what its states hold: its parameters and saved locals.
        const layout = this.layouts.get(t.node);
        if (!layout || seen.has(-1 - t.node)) return !layout;
        seen.add(-1 - t.node);
        return layout.upvars.some((u) => this.observableDrop(u.ty, fnDef, seen)) || layout.states.some((s) => s.locals.some((l) => this.observableDrop(l.ty, fnDef, seen)));
      }
      case "closure": {
        const info = this.program.closures.get(t.node);
        return !!info?.captures.some((c) => c.mode === "value" && this.observableDrop(c.ty, fnDef, seen));
      }
      case "param":
      case "opaque":
      case "dyn":
        return true;
      default:
        return false;
    }
  }

  /** Composite values carry their own address: moving one relocates it (pointers into it dangle). */
  isComposite(t: Ty): boolean {
    switch (t.k) {
      case "adt": {
        const d = this.tcx.def(t.def);
        if (!d.std) return true;
        return t.def === this.lang.Option || t.def === this.lang.Result || t.def === this.lang.Poll;
      }
      case "tuple":
        return t.elems.length > 0;
      case "array":
      case "future":
      case "closure":
      case "param":
      case "opaque":
        return true;
      default:
        return false;
    }
  }
}
