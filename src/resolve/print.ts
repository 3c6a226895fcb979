// Printing types the way rustc does in diagnostics and in `-Zprint-type-sizes`: `Vec<String>`,
// `&mut Context<'_>` (lifetimes dropped), `{async fn body of foo()}`, `{async block@L:C}`,
// `{closure@L:C}`, `impl Future<Output = u32>`, `dyn Future<Output = ()>`.

import type { TyCtx } from "./collect.js";
import type { TraitRef, Ty } from "./ty.js";

export interface PrintOptions {
  /** Print std types with their full path (`std::string::String`) as rustc's layout dump does. */
  readonly fullPaths?: boolean;
  /** Where a node starts, for `{async block@L:C}` and `{closure@L:C}`. */
  readonly nodeLoc?: (node: number) => string | undefined;
}

export function printTy(tcx: TyCtx, t: Ty, opts: PrintOptions = {}): string {
  const p = (x: Ty): string => printTy(tcx, x, opts);
  switch (t.k) {
    case "int":
    case "float":
      return t.kind;
    case "bool":
      return "bool";
    case "char":
      return "char";
    case "str":
      return "str";
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
    case "adt": {
      const name = opts.fullPaths && tcx.def(t.def).std ? `std::${tcx.path(t.def)}` : tcx.def(t.def).name;
      return t.args.length ? `${name}<${t.args.map(p).join(", ")}>` : name;
    }
    case "fndef":
      return `fn ${tcx.path(t.def)}`;
    case "fnptr":
      return `fn(${t.params.map(p).join(", ")})${t.ret.k === "tuple" && t.ret.elems.length === 0 ? "" : ` -> ${p(t.ret)}`}`;
    case "closure": {
      const loc = opts.nodeLoc?.(t.node);
      return loc ? `{closure@${loc}}` : "{closure}";
    }
    case "future": {
      if (t.def !== undefined) return `{async fn body of ${tcx.path(t.def)}()}`;
      const loc = opts.nodeLoc?.(t.node);
      return loc ? `{async block@${loc}}` : "{async block}";
    }
    case "param":
      return t.name;
    case "opaque":
      return `impl ${t.bounds.map((b) => printBound(tcx, b, opts)).join(" + ")}`;
    case "dyn":
      return `dyn ${t.bounds.map((b) => printBound(tcx, b, opts)).join(" + ")}`;
    case "assoc":
      return `<${p(t.self)} as ${tcx.def(t.trait).name}>::${t.name}`;
    case "infer":
      return "_";
    case "intvar":
      return "{integer}";
    case "floatvar":
      return "{float}";
    case "error":
      return "{unknown}";
  }
}

export function printBound(tcx: TyCtx, b: TraitRef, opts: PrintOptions = {}): string {
  const name = tcx.def(b.trait).name;
  const fnTrait = name === "Fn" || name === "FnMut" || name === "FnOnce";
  if (fnTrait) {
    const args = b.args[0];
    const params = args && args.k === "tuple" ? args.elems.map((x) => printTy(tcx, x, opts)).join(", ") : "";
    const out = b.bindings.get("Output");
    return `${name}(${params})${out && !(out.k === "tuple" && out.elems.length === 0) ? ` -> ${printTy(tcx, out, opts)}` : ""}`;
  }
  const parts = [...b.args.map((x) => printTy(tcx, x, opts)), ...[...b.bindings].map(([k, v]) => `${k} = ${printTy(tcx, v, opts)}`)];
  return parts.length ? `${name}<${parts.join(", ")}>` : name;
}
