// Questions the checker asks about types, on top of resolve/'s solver:
//
//   heapContents(Vec<F>)      F     the elements live on the heap: moving the Vec does not move them
//   pinPointer(Pin<&mut F>)   { kind: "ref", target: F }
//   pinPointer(Pin<Box<F>>)   { kind: "box", target: F }
//   mayHoldBorrow(usize)      false a call returning it cannot hand out a pointer into its arguments
//   mayHoldBorrow(Iter<u32>)  true
//
// `mayHoldBorrow` decides whether the result of a call the checker does not know may point into what
// the call's reference arguments point to (`name.as_str()`, `values.iter()`): it is false only for
// types that certainly hold no reference.

import { assertNever } from "../diagnostics/diagnostic.js";
import type { TyCtx } from "../resolve/index.js";
import type { DefId, Ty } from "../resolve/ty.js";
import { substTy } from "../resolve/ty.js";

/** Std types whose contents live on the heap, so that moving the value does not move the contents. */
export function heapContents(tcx: TyCtx, t: Ty): Ty | undefined {
  if (t.k !== "adt") return undefined;
  const l = tcx.lang;
  if (t.def === l.Box || t.def === l.Vec || t.def === l.VecDeque || t.def === l.Rc || t.def === l.Arc) return t.args[0] ?? { k: "error" };
  if (t.def === l.String) return { k: "str" };
  const d = tcx.def(t.def);
  if (d.std && (d.name === "HashMap" || d.name === "BTreeMap" || d.name === "HashSet" || d.name === "BTreeSet" || d.name === "BinaryHeap" || d.name === "LinkedList")) {
    return t.args[t.args.length - 1] ?? { k: "error" };
  }
  return undefined;
}

export function isPin(tcx: TyCtx, t: Ty): boolean {
  return t.k === "adt" && t.def === tcx.lang.Pin;
}

/** What a `Pin<P>` points to: through a reference (or raw pointer) or a `Box`. */
export function pinPointer(tcx: TyCtx, t: Ty): { readonly kind: "ref" | "box"; readonly target: Ty; readonly pointer: Ty } | undefined {
  if (!isPin(tcx, t) || t.k !== "adt") return undefined;
  const p = t.args[0];
  if (!p) return undefined;
  if (p.k === "ref" || p.k === "ptr") return { kind: "ref", target: p.inner, pointer: p };
  if (p.k === "adt" && p.def === tcx.lang.Box) return { kind: "box", target: p.args[0] ?? { k: "error" }, pointer: p };
  return undefined;
}

/** The type a pointer-like value points to: `&T`, `*mut T`, `Pin<&mut T>`. */
export function pointeeTy(tcx: TyCtx, t: Ty): Ty | undefined {
  if (t.k === "ref" || t.k === "ptr") return t.inner;
  const p = pinPointer(tcx, t);
  if (p && p.kind === "ref") return p.target;
  return undefined;
}

const POINTER_FREE_STD = new Set([
  "String", "Waker", "PhantomPinned", "Duration", "Instant", "Ordering", "AtomicBool", "AtomicUsize", "AtomicIsize",
  "AtomicU8", "AtomicU16", "AtomicU32", "AtomicU64", "AtomicI8", "AtomicI16", "AtomicI32", "AtomicI64",
  "Vec", "VecDeque", "Box", "Option", "Result", "Rc", "Arc", "Cell", "RefCell", "Mutex", "HashMap", "HashSet",
  "BTreeMap", "BTreeSet", "Poll", "Range", "RangeInclusive", "Ready", "Pending", "Weak", "ParseIntError", "ParseFloatError",
]);

/** Could a value of this type hold a reference or raw pointer? False only when it certainly cannot. */
export function mayHoldBorrow(tcx: TyCtx, t: Ty, seen: Set<DefId> = new Set()): boolean {
  switch (t.k) {
    case "int":
    case "float":
    case "bool":
    case "char":
    case "str":
    case "never":
    case "fndef":
    case "fnptr":
      return false;
    case "tuple":
      return t.elems.some((e) => mayHoldBorrow(tcx, e, seen));
    case "array":
    case "slice":
      return mayHoldBorrow(tcx, t.elem, seen);
    case "adt": {
      const d = tcx.def(t.def);
      if (d.std) {
        if (!POINTER_FREE_STD.has(d.name)) return true;
        return t.args.some((a) => mayHoldBorrow(tcx, a, seen));
      }
      if (seen.has(t.def)) return false;
      seen.add(t.def);
      const subst = tcx.substFor(tcx.genericsOf(t.def), t.args);
      const variants = d.kind === "enum" ? d.variants : [t.def];
      return variants.some((v) => tcx.fieldsOf(v).some((f) => mayHoldBorrow(tcx, substTy(f.ty, subst), seen)));
    }
    case "ref":
    case "ptr":
    case "closure":
    case "future":
    case "param":
    case "opaque":
    case "dyn":
    case "assoc":
    case "infer":
    case "intvar":
    case "floatvar":
    case "error":
      // A pointer, or a type that may hold one (captures, saved locals, whatever a generic stands for).
      return true;
    default:
      return assertNever(t, "type");
  }
}

/** A short key for memoising by type (structural; futures and closures by their node). */
export function tyKey(t: Ty): string {
  switch (t.k) {
    case "int":
    case "float":
      return t.kind;
    case "bool":
    case "char":
    case "str":
    case "never":
    case "error":
      return t.k;
    case "tuple":
      return `(${t.elems.map(tyKey).join(",")})`;
    case "array":
      return `[${tyKey(t.elem)};${t.len ?? "?"}]`;
    case "slice":
      return `[${tyKey(t.elem)}]`;
    case "ref":
      return `&${t.mutable ? "mut " : ""}${tyKey(t.inner)}`;
    case "ptr":
      return `*${t.mutable ? "mut " : "const "}${tyKey(t.inner)}`;
    case "adt":
      return `adt${t.def}<${t.args.map(tyKey).join(",")}>`;
    case "fndef":
      return `fn${t.def}<${t.args.map(tyKey).join(",")}>`;
    case "fnptr":
      return `fn(${t.params.map(tyKey).join(",")})->${tyKey(t.ret)}`;
    case "closure":
      return `closure${t.node}`;
    case "future":
      return `future${t.node}<${t.args.map(tyKey).join(",")}>`;
    case "param":
      return `P${t.owner}:${t.index}`;
    case "opaque":
      return `opaque${t.def}<${t.args.map(tyKey).join(",")}>`;
    case "dyn":
      return `dyn${t.bounds.map((b) => b.trait).join("+")}`;
    case "assoc":
      return `<${tyKey(t.self)} as ${t.trait}>::${t.name}`;
    case "infer":
    case "intvar":
    case "floatvar":
      return `?${t.v}`;
    default:
      return assertNever(t, "type");
  }
}
