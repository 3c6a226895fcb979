// Runtime type descriptors for Rust types: the JS expression that builds the `TypeDesc` emitted code
// passes to type-directed operations (formatting, clone, equality, default).
//
//   Vec<Option<u8>>        →  rt.T.vec(rt.T.option(rt.T.u8))
//   Point (a user struct)  →  Point.$desc
//   &str                   →  rt.T.str
//
// A type parameter has no descriptor of its own in the generated code; it uses `rt.T.dyn("T")`, which
// asks the value's class for its `$desc` at run time (user structs and enums have one). A projection
// `C::Item` asks a value of `C` for its class's `$assoc` (`rt.T.assocOf(c, "Container::Item")`).

import { Ty } from "../resolve/ty.js";
import type { EmitContext } from "./context.js";
import { jsString } from "./writer.js";

export function descOf(ctx: EmitContext, t: Ty): string {
  const L = ctx.lang;
  switch (t.k) {
    case "int":
      return `rt.T.${t.kind}`;
    case "float":
      return `rt.T.${t.kind}`;
    case "bool":
      return "rt.T.bool";
    case "char":
      return "rt.T.char";
    case "str":
      return "rt.T.str";
    case "never":
      return "rt.T.never";
    case "tuple":
      return t.elems.length === 0 ? "rt.T.unit" : `rt.T.tuple(${t.elems.map((e) => descOf(ctx, e)).join(", ")})`;
    case "array":
      return `rt.T.array(${descOf(ctx, t.elem)}, ${t.len ?? 0})`;
    case "slice":
      return `rt.T.slice(${descOf(ctx, t.elem)})`;
    case "ref":
      if (t.inner.k === "str") return "rt.T.str";
      if (t.inner.k === "slice") return descOf(ctx, t.inner);
      return `rt.T.ref(${descOf(ctx, t.inner)}${t.mutable ? ", { mutable: true }" : ""})`;
    case "ptr":
      return `rt.T.ptr(${descOf(ctx, t.inner)}${t.mutable ? ", { mutable: true }" : ""})`;
    case "adt": {
      const d = ctx.tcx.def(t.def);
      const a = t.args.map((x) => descOf(ctx, x));
      if (d.std) {
        if (t.def === L.String) return "rt.T.string";
        if (t.def === L.Vec) return `rt.T.vec(${a[0]})`;
        if (t.def === L.VecDeque) return `rt.T.vecDeque(${a[0]})`;
        if (t.def === L.Option) return `rt.T.option(${a[0]})`;
        if (t.def === L.Result) return `rt.T.result(${a[0]}, ${a[1]})`;
        if (t.def === L.Box) return `rt.T.box(${a[0]})`;
        if (t.def === L.Rc) return `rt.T.rc(${a[0]})`;
        if (t.def === L.Arc) return `rt.T.arc(${a[0]})`;
        if (t.def === L.Cell) return `rt.T.cell(${a[0]})`;
        if (t.def === L.RefCell) return `rt.T.refCell(${a[0]})`;
        if (t.def === L.Mutex) return `rt.T.mutex(${a[0]})`;
        if (t.def === L.Poll) return `rt.T.poll(${a[0]})`;
        if (t.def === L.Pin) return `rt.T.pin(${a[0]})`;
        if (t.def === L.Range) return `rt.T.range(${a[0]})`;
        if (t.def === L.RangeInclusive) return `rt.T.rangeInclusive(${a[0]})`;
        if (t.def === L.Arguments) return "rt.T.arguments";
        switch (d.name) {
          case "Ordering":
            return "rt.T.ordering";
          case "Duration":
            return "rt.T.duration";
          case "ParseIntError":
            return "rt.T.parseIntError";
          case "ParseFloatError":
            return "rt.T.parseFloatError";
          case "TryFromIntError":
            return "rt.T.tryFromIntError";
          case "ParseBoolError":
            return "rt.T.parseBoolError";
          case "ParseCharError":
            return "rt.T.parseCharError";
          case "FromUtf8Error":
            return "rt.T.fromUtf8Error";
          case "Weak":
            return `rt.T.weak(${a[0]})`;
          case "Ref":
            return `rt.T.ref_guard(${a[0]})`;
          case "RefMut":
            return `rt.T.refMut_guard(${a[0]})`;
          case "MutexGuard":
            return `rt.T.mutexGuard(${a[0]})`;
          case "AtomicBool":
            return "rt.T.atomicBool";
          case "Reverse":
            return `rt.T.reverse(${a[0]})`;
          default:
            return `rt.T.dyn(${jsString(ctx.printTy(t))})`;
        }
      }
      const name = ctx.itemNames.get(t.def);
      return name ? `${name}.$desc` : `rt.T.dyn(${jsString(d.name)})`;
    }
    case "assoc":
      return ctx.assocDesc?.(t) ?? `rt.T.dyn(${jsString(ctx.printTy(t))})`;
    default:
      return `rt.T.dyn(${jsString(ctx.printTy(t))})`;
  }
}
