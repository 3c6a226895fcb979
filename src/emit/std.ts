// Calls into the standard library: which runtime function or method a std fn becomes.
//
// The runtime keeps Rust's names (src/runtime/std.ts): methods of runtime classes under their Rust
// names (`v.push(x)`), methods of primitive types as `<type>_<method>(recv, …)` (`str_len(s)`,
// `int_pow(INT.i32, x, e, loc)`), associated fns as `Type_fn` (`String_from`, `Box_pin`). So most
// calls need no table: the table below lists the ones that need a descriptor, a closure adapter, a
// location, or a different runtime shape.
//
//   [rust]  v.iter().map(|x| x * 2).collect::<Vec<_>>()   [lowered]  rt.Vec_from_iter(v.iter().map((x) => …))
//   [rust]  s.clone()           (s: String)               [lowered]  rt.desc_clone(rt.T.string, s)
//   [rust]  mem::swap(&mut a, &mut b)                     [lowered]  rt.mem_swap(pa, pb, "12:5")

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import { def as defOf } from "../resolve/defs.js";
import type { FnSig } from "../resolve/collect.js";
import { Ty, type DefId } from "../resolve/ty.js";
import type { BodyEmitter } from "./body.js";
import type { EmitContext } from "./context.js";
import { descOf } from "./desc.js";
import { jsString } from "./writer.js";
// Only to ask which std fns the runtime implements (no code of it runs at emit time).
import * as runtime from "../runtime/index.js";

export interface StdArgs {
  readonly def: DefId;
  /** Generic args of the callee (container's, then its own). */
  readonly args: readonly Ty[];
  readonly selfTy: Ty | undefined;
  readonly impl?: DefId | undefined;
  readonly span: Span;
  /** The receiver value (methods), already adjusted; undefined for paths/free fns. */
  readonly recv: string | undefined;
  readonly recvTy?: Ty;
  readonly operands: readonly string[];
  readonly argTys: readonly Ty[];
  readonly retTy: Ty;
  readonly argExprs?: readonly ast.Expr[];
  readonly methodName?: string;
  readonly recvExpr?: ast.Expr;
  readonly isConst?: boolean;
  readonly isCtor?: boolean;
  readonly sig?: FnSig;
}

/** `mem::swap`, `vec::Vec`, `cmp::Ordering`: a std item's path inside the stubs. */
export function stdPath(ctx: EmitContext, def: DefId): string {
  return ctx.tcx.path(def);
}

/** The head of a type as the runtime names it: `Vec`, `String`, `str`, `slice`, `int`, `Option`… */
function headOf(ctx: EmitContext, t: Ty | undefined): string {
  if (!t) return "";
  switch (t.k) {
    case "int":
      return "int";
    case "float":
      return "float";
    case "bool":
      return "bool";
    case "char":
      return "char";
    case "str":
      return "str";
    case "slice":
    case "array":
      return "slice";
    case "ref":
    case "ptr":
      return t.k === "ptr" ? "ptr" : headOf(ctx, t.inner);
    case "adt":
      return ctx.tcx.def(t.def).name;
    case "tuple":
      return t.elems.length === 0 ? "unit" : "tuple";
    default:
      return t.k;
  }
}

function stripRef(t: Ty | undefined): Ty | undefined {
  let x = t;
  while (x && x.k === "ref") x = x.inner;
  return x;
}

export function stdCall(b: BodyEmitter, a: StdArgs): string {
  const ctx = b.ctx;
  const d = ctx.tcx.def(a.def);
  const loc = b.loc(a.span);
  const name = d.name;
  const ops = a.operands;
  if (d.kind === "struct" || d.kind === "variant") return `rt.${d.name}(${ops.join(", ")})`;
  if (d.kind === "const") return stdConst(b, a, d.name);
  const fd = defOf(ctx.tcx.table, a.def, "fn");
  const container = fd.container;
  let owner: string;
  let traitName: string | undefined;
  if (container.kind === "trait") {
    traitName = ctx.tcx.def(container.trait).name;
    owner = traitName;
  } else if (container.kind === "impl") {
    const h = ctx.tcx.implHeader(container.impl);
    owner = h.traitRef ? ctx.tcx.def(h.traitRef.trait).name : headOf(ctx, h.selfTy);
  } else owner = stdPath(ctx, a.def).split("::").slice(0, -1).join("::");
  if (a.recv === undefined && fd.node.selfParam && ops.length > 0 && !a.isConst && !a.isCtor) {
    // `Cell::get(&c)`, `Iterator::next(&mut it)`: the method called as a path.
    return stdCall(b, { ...a, recv: ops[0], recvTy: a.argTys[0], operands: ops.slice(1), argTys: a.argTys.slice(1) });
  }
  const selfTy = stripRef(a.selfTy ?? a.recvTy);
  const recvTy = a.recvTy;
  // The receiver object: through a shared reference, the value.
  const obj = a.recv === undefined ? undefined : objOf(b, a.recv, recvTy);
  const key = `${owner}::${name}`;
  // `futures::executor::block_on`, `tokio::time::sleep`: the table names them by their last module.
  const special = SPECIAL[key] ?? SPECIAL[key.replace(/^(?:tokio|futures|std|core)::(?=\w+::)/, "")];
  if (special) {
    const r = special({ b, a, obj, ops, loc, selfTy, ctx });
    if (r !== undefined) return r;
  }
  // Trait methods dispatched on the receiver's runtime type.
  if (traitName) {
    const head = headOf(ctx, selfTy);
    const byHead = SPECIAL[`${head}::${name}`];
    if (byHead) {
      const r = byHead({ b, a, obj, ops, loc, selfTy, ctx });
      if (r !== undefined) return r;
    }
  }
  if (fd.node.selfParam && obj !== undefined) {
    const head = headOf(ctx, selfTy ?? recvTy);
    switch (head) {
      case "int": {
        const k = (selfTy as Ty & { k: "int" }).kind;
        const args = INT_FNS_WITHOUT_LOC.has(name) ? [obj, ...ops] : [obj, ...ops, loc];
        if (INT_FNS_WITHOUT_KIND.has(name)) return `rt.int_${name}(${args.join(", ")})`;
        return `rt.int_${name}(rt.INT.${k}, ${args.join(", ")})`;
      }
      case "float": {
        const k = (selfTy as Ty & { k: "float" }).kind;
        return `rt.${FLOAT_FNS.has(name) ? "float" : k}_${name}(${[obj, ...ops].join(", ")})`;
      }
      case "char":
      case "bool":
      case "str":
        return `rt.${head}_${name}(${[obj, ...ops].join(", ")})`;
      case "Ordering":
        return `rt.ordering_${name}(${[obj, ...ops].join(", ")})`;
      default:
        return `${obj}.${name}(${ops.join(", ")})`;
    }
  }
  // Associated and free functions: `Type_fn`.
  const typeName = container.kind === "impl" ? headOf(ctx, ctx.tcx.implHeader(container.impl).selfTy) : owner.split("::").pop();
  const atomic = typeName && /^Atomic([IU](?:8|16|32|64|size))$/.exec(typeName);
  if (atomic && name === "new") return `new rt.AtomicInteger(${jsString(atomic[1]!.toLowerCase())}, ${ops[0]})`;
  // A std fn the stubs declare but the runtime does not implement is refused here, by name, rather
  // than failing when the program reaches it.
  const rtObj = runtime as unknown as Record<string, unknown>;
  if (typeName && CLASSES.has(typeName)) {
    const cls = rtObj[typeName] as Record<string, unknown> | undefined;
    if (typeof cls?.[name] !== "function") ctx.unsupported(`\`${typeName}::${name}\``, a.span);
    return `rt.${typeName}.${name}(${ops.join(", ")})`;
  }
  if (typeof rtObj[`${typeName}_${name}`] !== "function") ctx.unsupported(`\`${owner}::${name}\``, a.span);
  return `rt.${typeName}_${name}(${ops.join(", ")})`;
}

/** Runtime classes whose associated functions are static methods (`Cell::new(v)` → `rt.Cell.new(v)`). */
const CLASSES = new Set(["Cell", "RefCell", "Mutex", "AtomicBool", "Weak", "Duration"]);

/** `self` through a reference is the referent (a value or a `Ptr`, read with `rt.deref`). */
function objOf(b: BodyEmitter, recv: string, t: Ty | undefined): string {
  if (!t) return recv;
  // `x.as_mut()` on a JS local: the autoref made a temporary place only to read it back.
  const temp = /^rt\.Ptr\.temp\(([\w$]+), "[0-9:]+"\)$/.exec(recv);
  if (temp && t.k === "ref" && t.inner.k !== "ref" && t.inner.k !== "str" && t.inner.k !== "slice") return temp[1]!;
  if (t.k === "ref") {
    if (t.inner.k === "str" || t.inner.k === "slice") return recv;
    if (t.inner.k === "ref") return `rt.deref(rt.deref(${recv}))`;
    return `rt.deref(${recv})`;
  }
  void b;
  return recv;
}

/** Integer methods whose runtime function does not need the kind (runtime/int.ts). */
const U8_ASCII_FNS = ["is_ascii", "is_ascii_digit", "is_ascii_hexdigit", "is_ascii_alphabetic", "is_ascii_alphanumeric", "is_ascii_uppercase", "is_ascii_lowercase", "is_ascii_punctuation", "is_ascii_whitespace", "is_ascii_graphic", "is_ascii_control", "to_ascii_uppercase", "to_ascii_lowercase", "eq_ignore_ascii_case"];
const INT_FNS_WITHOUT_KIND = new Set(["cmp", "to_f64", "to_f32", "unsigned_abs", "abs_diff", "signum", "is_positive", "is_negative", "min", "max", "clamp", "is_power_of_two", "isqrt", "ilog2", "ilog10", "ilog", ...U8_ASCII_FNS]);

/** Integer methods that cannot panic, whose runtime function takes no location (runtime/int.ts). */
const INT_FNS_WITHOUT_LOC = new Set(
  ("cast and or xor not cmp to_f64 to_f32 wrapping_add wrapping_sub wrapping_mul wrapping_neg wrapping_shl wrapping_shr wrapping_pow wrapping_abs " +
    "checked_add checked_sub checked_mul checked_div checked_rem checked_neg checked_abs checked_pow checked_shl checked_shr checked_rem_euclid checked_div_euclid " +
    "saturating_add saturating_sub saturating_mul saturating_pow saturating_neg saturating_abs overflowing_add overflowing_sub overflowing_mul overflowing_neg overflowing_pow " +
    "unsigned_abs abs_diff signum is_positive is_negative min max is_power_of_two count_ones count_zeros leading_zeros leading_ones trailing_zeros trailing_ones " +
    "rotate_left rotate_right swap_bytes reverse_bits").split(" ").concat(U8_ASCII_FNS),
);

const FLOAT_FNS = new Set(["abs", "floor", "ceil", "trunc", "round", "fract", "signum", "is_nan", "is_infinite", "is_finite", "is_sign_positive", "is_sign_negative", "min", "max", "clamp", "copysign", "total_cmp"]);

interface SpecialCtx {
  readonly b: BodyEmitter;
  readonly a: StdArgs;
  readonly obj: string | undefined;
  readonly ops: readonly string[];
  readonly loc: string;
  readonly selfTy: Ty | undefined;
  readonly ctx: EmitContext;
}

type Special = (c: SpecialCtx) => string | undefined;

function isStringTy(c: SpecialCtx, t: Ty | undefined): boolean {
  return t?.k === "adt" && t.def === c.ctx.lang.String;
}

function desc(c: SpecialCtx, t: Ty | undefined): string {
  return descOf(c.ctx, t ?? Ty.error);
}

function stdConst(b: BodyEmitter, a: StdArgs, name: string): string {
  const d = b.ctx.tcx.def(a.def);
  const container = d.kind === "const" ? d.container : undefined;
  const t = stripRef(a.selfTy ?? (container?.kind === "impl" ? b.ctx.tcx.implHeader(container.impl).selfTy : undefined));
  if (t?.k === "int") {
    if (name === "MIN" || name === "MAX") return `rt.INT.${t.kind}.${name}`;
    if (name === "BITS") return String(t.kind.replace(/\D/g, "") || "64");
  }
  if (t?.k === "float") return `rt.${t.kind.toUpperCase()}.${name}`;
  const path = b.ctx.tcx.path(a.def);
  if (path.startsWith("f64::consts::") || path.startsWith("f32::consts::")) return `Math.${name === "TAU" ? "PI * 2" : name === "SQRT_2" ? "SQRT2" : name}`;
  if (path.startsWith("f64::") || path.startsWith("f32::")) return `rt.${path.split("::")[0]!.toUpperCase()}.${name}`;
  if (name === "ZERO") return "rt.Duration.ZERO";
  return `rt.${name}`;
}

const SPECIAL: Record<string, Special> = {
  // ---- Clone, ToString, Default, comparisons: through the type's descriptor.
  "Clone::clone": (c) => `rt.desc_clone(${desc(c, c.selfTy)}, ${c.obj})`,
  "ToString::to_string": (c) => `rt.String_from(rt.display_string(${c.obj}, ${desc(c, c.selfTy)}))`,
  "ToOwned::to_owned": (c) => (c.selfTy?.k === "str" ? `rt.String_from(${c.obj})` : `rt.desc_clone(${desc(c, c.selfTy)}, ${c.obj})`),
  "Default::default": (c) => `rt.desc_default(${desc(c, c.a.selfTy ?? c.a.retTy)}, ${c.loc})`,
  "PartialEq::eq": (c) => `rt.desc_eq(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}))`,
  "PartialEq::ne": (c) => `!rt.desc_eq(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}))`,
  "Ord::cmp": (c) => `rt.desc_cmp(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}))`,
  "PartialOrd::partial_cmp": (c) => `rt.desc_partial_cmp(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}))`,
  "PartialOrd::lt": (c) => `rt.partial_compare(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}), "<")`,
  "PartialOrd::le": (c) => `rt.partial_compare(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}), "<=")`,
  "PartialOrd::gt": (c) => `rt.partial_compare(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}), ">")`,
  "PartialOrd::ge": (c) => `rt.partial_compare(${desc(c, c.selfTy)}, ${c.obj}, rt.deref(${c.ops[0]}), ">=")`,
  "Ord::max": (c) => (c.selfTy?.k === "int" ? `rt.int_max(${c.obj}, ${c.ops[0]})` : `rt.desc_max(${desc(c, c.selfTy)}, ${c.obj}, ${c.ops[0]})`),
  "Ord::min": (c) => (c.selfTy?.k === "int" ? `rt.int_min(${c.obj}, ${c.ops[0]})` : `rt.desc_min(${desc(c, c.selfTy)}, ${c.obj}, ${c.ops[0]})`),
  "Ord::clamp": (c) => (c.selfTy?.k === "int" ? `rt.int_clamp(${c.obj}, ${c.ops[0]}, ${c.ops[1]}, ${c.loc})` : undefined),
  "cmp::max": (c) => `rt.desc_max(${desc(c, c.a.args[0])}, ${c.ops[0]}, ${c.ops[1]})`,
  "cmp::min": (c) => `rt.desc_min(${desc(c, c.a.args[0])}, ${c.ops[0]}, ${c.ops[1]})`,
  // ---- Conversions
  "From::from": (c) => conversion(c, c.a.argTys[0], c.a.selfTy ?? c.a.retTy, c.ops[0]!),
  "Into::into": (c) => conversion(c, c.selfTy ?? c.a.recvTy, c.a.retTy, c.obj!),
  "TryFrom::try_from": (c) => {
    const to = c.a.selfTy;
    if (to?.k === "int") return `rt.int_try_from(rt.INT.${to.kind}, ${c.ops[0]})`;
    return undefined;
  },
  "TryInto::try_into": (c) => {
    const r = c.a.retTy;
    const to = r.k === "adt" ? r.args[0] : undefined;
    if (to?.k === "int") return `rt.int_try_from(rt.INT.${to.kind}, ${c.obj})`;
    return undefined;
  },
  "AsRef::as_ref": (c) => {
    const L = c.ctx.lang;
    if (c.selfTy?.k === "adt" && c.selfTy.def === L.Box) return `${c.obj}.v`;
    if (c.selfTy?.k === "adt" && c.selfTy.def === L.String) return `rt.text_of(${c.obj})`;
    return c.obj;
  },
  "RefCell::borrow": (c) => `${c.obj}.borrow(${c.loc})`,
  "RefCell::borrow_mut": (c) => `${c.obj}.borrow_mut(${c.loc})`,
  "Box::as_ref": (c) => `${c.obj}.v`,
  "Box::as_mut": (c) => `rt.Ptr.to(${c.obj}, "v", ${c.loc})`,
  "AsMut::as_mut": (c) => (c.selfTy?.k === "adt" && c.selfTy.def === c.ctx.lang.Box ? `rt.Ptr.to(${c.obj}, "v", ${c.loc})` : undefined),
  "Borrow::borrow": (c) => c.obj,
  // ---- Strings
  "String::from": (c) => `rt.String_from(${c.ops[0]})`,
  "String::new": () => "rt.String_new()",
  "String::with_capacity": (c) => `rt.String_with_capacity(${c.ops[0]})`,
  "String::as_str": (c) => `${c.obj}.s`,
  "String::len": (c) => `${c.obj}.len()`,
  "String::push_str": (c) => `${c.obj}.push_str(${c.ops[0]})`,
  "String::push": (c) => `${c.obj}.push(${c.ops[0]})`,
  "str::parse": (c) => {
    const r = c.a.retTy;
    const to = r.k === "adt" ? r.args[0] : undefined;
    if (to?.k === "int") return `rt.int_parse(rt.INT.${to.kind}, ${c.obj})`;
    if (to?.k === "float") return `rt.${to.kind}_parse(${c.obj})`;
    if (to?.k === "bool") return `rt.bool_parse(${c.obj})`;
    if (to?.k === "char") return `rt.char_parse(${c.obj})`;
    return `rt.Ok(rt.String_from(${c.obj}))`;
  },
  "str::to_string": (c) => `rt.String_from(${c.obj})`,
  "str::to_owned": (c) => `rt.String_from(${c.obj})`,
  "str::chars": (c) => `rt.str_chars(${c.obj})`,
  "str::len": (c) => `rt.str_len(${c.obj})`,
  "str::repeat": (c) => `rt.str_repeat(${c.obj}, ${c.ops[0]})`,
  "Display::fmt": (c) => `${desc(c, c.selfTy)}.display(${c.obj}, rt.deref(${c.ops[0]}))`,
  "Debug::fmt": (c) => `${desc(c, c.selfTy)}.debug(${c.obj}, rt.deref(${c.ops[0]}))`,
  "Write::write_str": (c) => `rt.deref(${c.a.recv}).write_str(${c.ops[0]})`,
  "Formatter::write_str": (c) => `${c.obj}.write_str(${c.ops[0]})`,
  // ---- Vec & slices
  "Vec::new": () => "rt.Vec_new()",
  "Vec::with_capacity": (c) => `rt.Vec_with_capacity(${c.ops[0]})`,
  "Vec::push": (c) => `${c.obj}.push(${c.ops[0]}, ${c.loc})`,
  // Growing or shrinking the buffer moves the elements: these say where, for the report.
  "Vec::reserve": (c) => `${c.obj}.reserve(${c.ops[0]}, ${c.loc})`,
  "Vec::reserve_exact": (c) => `${c.obj}.reserve_exact(${c.ops[0]}, ${c.loc})`,
  "Vec::shrink_to_fit": (c) => `${c.obj}.shrink_to_fit(${c.loc})`,
  "Vec::append": (c) => `${c.obj}.append(rt.deref(${c.ops[0]}), ${c.loc})`,
  "Vec::remove": (c) => `${c.obj}.remove(${c.ops[0]}, ${c.loc})`,
  "Vec::insert": (c) => `${c.obj}.insert(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "Vec::swap_remove": (c) => `${c.obj}.swap_remove(${c.ops[0]}, ${c.loc})`,
  "Vec::extend_from_slice": (c) => `${c.obj}.extend_from_slice(${c.ops[0]}, ${cloneOf(c, retElemOfRecv(c))}, ${c.loc})`,
  "Vec::resize": (c) => `${c.obj}.resize(${c.ops[0]}, ${c.ops[1]}, ${cloneOf(c, retElemOfRecv(c))}, ${c.loc})`,
  "Vec::dedup": (c) => `${c.obj}.dedup(${eqOf(c, retElemOfRecv(c))})`,
  "Vec::drain": (c) => `${c.obj}.drain(${c.ops[0] ?? "{}"}, ${c.loc})`,
  "Vec::iter_mut": (c) => `${c.obj}.iter_mut(${c.loc})`,
  "Vec::split_off": (c) => `${c.obj}.split_off(${c.ops[0]}, ${c.loc})`,
  "Vec::retain_mut": (c) => `${c.obj}.retain_mut(${c.ops[0]}, ${c.loc})`,
  "Vec::as_slice": (c) => `${c.obj}.as_slice()`,
  "Vec::as_mut_slice": (c) => `${c.obj}.as_mut_slice()`,
  "slice::contains": (c) => `rt.slice_view(${c.obj}).contains(rt.deref(${c.ops[0]}), ${eqOf(c, retElemOfRecv(c))})`,
  "slice::to_vec": (c) => `rt.Vec_from_slice(rt.slice_view(${c.obj}), ${cloneOf(c, retElemOfRecv(c))})`,
  "slice::sort": (c) => `rt.slice_view(${c.obj}).sort(${cmpOf(c, retElemOfRecv(c))})`,
  "slice::sort_unstable": (c) => `rt.slice_view(${c.obj}).sort_unstable(${cmpOf(c, retElemOfRecv(c))})`,
  "slice::sort_by": (c) => `rt.slice_view(${c.obj}).sort_by(${c.ops[0]})`,
  "slice::sort_by_key": (c) => `rt.slice_view(${c.obj}).sort_by_key(${c.ops[0]}, ${cmpOf(c, closureRet(c, 0))})`,
  "slice::binary_search_by": (c) => `rt.slice_view(${c.obj}).binary_search_by(${c.ops[0]})`,
  "slice::binary_search_by_key": (c) => `rt.slice_view(${c.obj}).binary_search_by_key(rt.deref(${c.ops[0]}), ${c.ops[1]}, ${cmpOf(c, closureRet(c, 1))})`,
  "slice::binary_search": (c) => `rt.slice_view(${c.obj}).binary_search(rt.deref(${c.ops[0]}), ${cmpOf(c, retElemOfRecv(c))})`,
  "slice::iter_mut": (c) => `rt.slice_view(${c.obj}).iter_mut(${c.loc})`,
  "slice::get_mut": (c) => `rt.slice_view(${c.obj}).get_mut(${c.ops[0]}, ${c.loc})`,
  "slice::first_mut": (c) => `rt.slice_view(${c.obj}).first_mut(${c.loc})`,
  "slice::last_mut": (c) => `rt.slice_view(${c.obj}).last_mut(${c.loc})`,
  "slice::swap": (c) => `rt.slice_view(${c.obj}).swap(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "slice::split_at": (c) => `rt.slice_view(${c.obj}).split_at(${c.ops[0]}, ${c.loc})`,
  "slice::windows": (c) => `rt.slice_view(${c.obj}).windows(${c.ops[0]}, ${c.loc})`,
  "slice::chunks": (c) => `rt.slice_view(${c.obj}).chunks(${c.ops[0]}, ${c.loc})`,
  // `s.as_ptr()` on a String: a pointer to its heap text, which stays put when the String moves.
  "str::as_ptr": (c) => {
    const r = c.a.recvExpr;
    const owner = r && c.b.tyOfExpr(r);
    if (r && owner?.k === "adt" && owner.def === c.ctx.lang.String) return `rt.str_as_ptr(${c.b.expr(r, { consume: false }).replace(/\.s$/, "")}, ${c.loc})`;
    return `rt.str_as_ptr(${c.obj}, ${c.loc})`;
  },
  "int::from_str_radix": (c) => {
    const t = c.a.selfTy ?? c.a.retTy;
    const k = t.k === "int" ? t.kind : c.a.retTy.k === "adt" && c.a.retTy.args[0]?.k === "int" ? (c.a.retTy.args[0] as Ty & { k: "int" }).kind : "i32";
    return `rt.int_from_str_radix(rt.INT.${k}, ${c.ops[0]}, ${c.ops[1]}, ${c.loc})`;
  },
  "Option::transpose": (c) => `rt.Option_transpose(${c.obj})`,
  // Whether the result is text is the static type's business: an empty slice has no parts to ask.
  "slice::concat": (c) => `rt.slice_concat(${c.obj}, ${isStringTy(c, c.a.retTy)})`,
  "slice::join": (c) => `rt.slice_join(${c.obj}, ${c.ops[0]})`,
  "slice::fill": (c) => `rt.slice_view(${c.obj}).fill(${c.ops[0]}, ${cloneOf(c, retElemOfRecv(c))})`,
  "slice::len": (c) => `rt.len_of(${c.obj})`,
  "slice::is_empty": (c) => `rt.len_of(${c.obj}) === 0`,
  "slice::iter": (c) => `rt.iter_of(${c.obj})`,
  "slice::first": (c) => `rt.slice_view(${c.obj}).first()`,
  "slice::last": (c) => `rt.slice_view(${c.obj}).last()`,
  "slice::get": (c) => `rt.slice_view(${c.obj}).get(${c.ops[0]})`,
  "slice::reverse": (c) => `rt.slice_view(${c.obj}).reverse()`,
  "VecDeque::new": () => "rt.VecDeque_new()",
  "VecDeque::with_capacity": (c) => `rt.VecDeque_with_capacity(${c.ops[0]})`,
  "VecDeque::contains": (c) => `${c.obj}.contains(rt.deref(${c.ops[0]}), ${eqOf(c, retElemOfRecv(c))})`,
  // ---- Iterators
  "IntoIterator::into_iter": (c) => {
    const [src, ty] = c.a.recv !== undefined ? [c.a.recv, c.a.recvTy] : [c.ops[0], c.a.argTys[0]];
    return src === undefined || ty === undefined ? undefined : c.b.intoIterOf(src, ty, c.a.span);
  },
  "Iterator::next": (c) => `${c.obj}.next()`,
  "Iterator::sum": (c) => sumOf(c, "sum"),
  "Iterator::product": (c) => sumOf(c, "product"),
  "Iterator::collect": (c) => collectInto(c, c.a.retTy, c.obj!),
  "Iterator::max": (c) => `${c.obj}.max(${cmpOf(c, c.a.retTy.k === "adt" ? c.a.retTy.args[0] : undefined)})`,
  "Iterator::min": (c) => `${c.obj}.min(${cmpOf(c, c.a.retTy.k === "adt" ? c.a.retTy.args[0] : undefined)})`,
  "Iterator::max_by_key": (c) => `${c.obj}.max_by_key(${c.ops[0]}, ${cmpOf(c, closureRet(c, 0))})`,
  "Iterator::min_by_key": (c) => `${c.obj}.min_by_key(${c.ops[0]}, ${cmpOf(c, closureRet(c, 0))})`,
  "Iterator::cloned": (c) => {
    const item = itemOf(c, c.a.recvTy);
    return `${c.obj}.cloned(${cloneOf(c, item?.k === "ref" ? item.inner : undefined)})`;
  },
  "Iterator::step_by": (c) => `${c.obj}.step_by(${c.ops[0]}, ${c.loc})`,
  "Iterator::eq": (c) => `${c.obj}.eq(rt.into_iter(${c.ops[0]}))`,
  "Iterator::partition": (c) => {
    const r = c.a.retTy;
    const into = r.k === "tuple" && r.elems[0] ? `(i${c.b.w.ty(": any")}) => ${collectInto(c, r.elems[0], "i")}` : "(i) => rt.Vec_from_iter(i)";
    return `${c.obj}.partition(${c.ops[0]}, ${into})`;
  },
  "Iterator::unzip": (c) => {
    const r = c.a.retTy;
    if (r.k !== "tuple" || r.elems.length !== 2) return undefined;
    const t = c.b.w.ty(": any");
    return `${c.obj}.unzip((i${t}) => ${collectInto(c, r.elems[0]!, "i")}, (i${t}) => ${collectInto(c, r.elems[1]!, "i")})`;
  },
  "DoubleEndedIterator::next_back": (c) => `${c.obj}.next_back()`,
  "ExactSizeIterator::len": (c) => `${c.obj}.len()`,
  "iter::once": (c) => `rt.iter_once(${c.ops[0]})`,
  "iter::repeat": (c) => `rt.iter_repeat(${c.ops[0]})`,
  "iter::empty": () => "rt.iter_empty()",
  "iter::from_fn": (c) => `rt.iter_from_fn(${c.ops[0]})`,
  "iter::successors": (c) => `rt.iter_successors(${c.ops[0]}, ${c.ops[1]})`,
  // ---- Option / Result
  "Option::unwrap": (c) => `${c.obj}.unwrap(${c.loc})`,
  "Option::expect": (c) => `${c.obj}.expect(${c.ops[0]}, ${c.loc})`,
  "Option::unwrap_or_default": (c) => `${c.obj}.unwrap_or_default(() => rt.desc_default(${desc(c, c.a.retTy)}))`,
  "Iterator::scan": (c) => `${c.obj}.scan(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "Peekable::next_if_eq": (c) => {
    const item = c.a.retTy.k === "adt" ? c.a.retTy.args[0] : undefined;
    return `${c.obj}.next_if_eq(rt.deref(${c.ops[0]}), (a${c.b.w.ty(": any")}, b${c.b.w.ty(": any")}) => rt.desc_eq(${desc(c, item)}, a, b))`;
  },
  "Option::as_mut": (c) => `${c.obj}.as_mut(${c.loc})`,
  // The payload through its `Deref` (`Option<Box<Node>>` → `Option<&Node>`, `Option<String>` →
  // `Option<&str>`); a shared reference may be the value itself.
  "Option::as_deref": (c) => {
    const opt = stripRef(c.a.recvTy);
    const from = opt?.k === "adt" ? opt.args[0] : undefined;
    const ret = c.a.retTy.k === "adt" ? c.a.retTy.args[0] : undefined;
    if (!from || ret?.k !== "ref") return undefined;
    return `${c.obj}.as_deref((v${c.b.w.ty(": any")}) => ${c.b.overloadedDeref("v", from, ret.inner, false, c.a.span)})`;
  },
  "Option::cloned": (c) => `${c.obj}.map((v${c.b.w.ty(": any")}) => rt.desc_clone(${desc(c, c.a.retTy.k === "adt" ? c.a.retTy.args[0] : undefined)}, rt.deref(v)))`,
  "Option::copied": (c) => `${c.obj}.map((v${c.b.w.ty(": any")}) => rt.deref(v))`,
  "Option::take": (c) => (c.a.recvTy?.k === "ref" && c.a.recvTy.mutable && !/^rt\.Ptr\.(to|temp)\(/.test(c.a.recv!) ? `rt.Option_take(${c.a.recv})` : `${c.obj}.take()`),
  "Option::as_pin_mut": (c) => `rt.Option_as_pin_mut(${c.a.recv}, ${c.loc})`,
  "Result::unwrap": (c) => `rt.result_unwrap(${c.obj}, ${desc(c, errTy(c))}, ${c.loc})`,
  "Result::expect": (c) => `rt.result_expect(${c.obj}, ${c.ops[0]}, ${desc(c, errTy(c))}, ${c.loc})`,
  "Result::unwrap_err": (c) => `rt.result_unwrap_err(${c.obj}, ${desc(c, okTy(c))}, ${c.loc})`,
  "Result::unwrap_or_default": (c) => `${c.obj}.unwrap_or_default(() => rt.desc_default(${desc(c, c.a.retTy)}))`,
  // ---- Box, Rc, Arc, Pin
  "Box::new": (c) => `rt.Box_new(${c.ops[0]})`,
  "Box::pin": (c) => `rt.Box_pin(${c.ops[0]}, ${c.loc})`,
  "Box::into_pin": (c) => `rt.Box_into_pin(${c.ops[0]}, ${c.loc})`,
  "Box::leak": (c) => `rt.Box_leak(${c.ops[0]}, ${c.loc})`,
  "Box::into_raw": (c) => `rt.Box_into_raw(${c.ops[0]}, ${c.loc})`,
  "Box::from_raw": (c) => `rt.Box_from_raw(${c.ops[0]}, ${c.loc})`,
  "Rc::new": (c) => `rt.Rc_new(${c.ops[0]})`,
  "Arc::new": (c) => `rt.Arc_new(${c.ops[0]})`,
  "Rc::clone": (c) => `rt.Rc_clone(rt.deref(${c.ops[0] ?? c.a.recv}))`,
  "Arc::clone": (c) => `rt.Arc_clone(rt.deref(${c.ops[0] ?? c.a.recv}))`,
  "Pin::new_unchecked": (c) => `rt.Pin_new_unchecked(${c.ops[0]}, ${c.loc})`,
  "Pin::new": (c) => `rt.Pin_new(${c.ops[0]})`,
  "Pin::as_mut": (c) => `rt.Pin_as_mut(${c.obj}, ${c.loc})`,
  "Pin::as_ref": (c) => `rt.Pin_as_ref(${c.obj}, ${c.loc})`,
  "Pin::get_mut": (c) => `rt.Pin_get_mut(${c.obj})`,
  "Pin::get_ref": (c) => `rt.Pin_get_ref(${c.obj})`,
  "Pin::get_unchecked_mut": (c) => `rt.Pin_get_unchecked_mut(${c.obj})`,
  "Pin::into_ref": (c) => c.obj,
  "Pin::map_unchecked_mut": (c) => `rt.Pin_map_unchecked_mut(${c.obj}, ${c.ops[0]})`,
  "Pin::map_unchecked": (c) => `rt.Pin_map_unchecked(${c.obj}, ${c.ops[0]})`,
  "Pin::into_inner": (c) => `rt.Pin_into_inner(${c.ops[0]})`,
  "Pin::into_inner_unchecked": (c) => `rt.Pin_into_inner_unchecked(${c.ops[0]})`,
  "Pin::set": (c) => `rt.Pin_set(${c.obj}, ${c.ops[0]}, ${c.loc})`,
  "Pin::static_ref": (c) => `rt.Pin_static_ref(${c.ops[0]}, ${c.loc})`,
  "Deref::deref": (c) => c.b.overloadedDeref(c.obj!, c.selfTy ?? Ty.error, c.a.retTy, false, c.a.span),
  // ---- Futures and tasks
  "Future::poll": (c) => `rt.future_poll(${c.a.recv ?? c.ops[0]}, ${c.a.recv !== undefined ? c.ops[0] : c.ops[1]}, ${c.loc})`,
  "IntoFuture::into_future": (c) => `rt.into_future(${c.obj ?? c.ops[0]})`,
  "Context::from_waker": (c) => `rt.Context.from_waker(${c.ops[0]})`,
  "Context::waker": (c) => `${c.obj}.waker()`,
  "Waker::noop": () => "rt.Waker_noop()",
  "Waker::from_raw": (c) => `rt.Waker_from_raw(${c.ops[0]})`,
  "Waker::wake_by_ref": (c) => `${c.obj}.wake_by_ref()`,
  "Waker::wake": (c) => `${c.obj}.wake()`,
  "Waker::will_wake": (c) => `${c.obj}.will_wake(rt.deref(${c.ops[0]}))`,
  "Waker::clone": (c) => `${c.obj}.clone()`,
  "RawWaker::new": (c) => `new rt.RawWaker(${c.ops[0]}, ${c.ops[1]})`,
  "RawWakerVTable::new": (c) => `new rt.RawWakerVTable(${c.ops.join(", ")})`,
  "Poll::is_ready": (c) => `rt.Poll_is_ready(${c.obj})`,
  "Poll::is_pending": (c) => `rt.Poll_is_pending(${c.obj})`,
  "Poll::map": (c) => `rt.Poll_map(${c.obj}, ${c.ops[0]})`,
  "future::poll_fn": (c) => `rt.poll_fn(${c.ops[0]})`,
  "future::ready": (c) => `rt.ready(${c.ops[0]})`,
  "future::pending": () => "rt.pending()",
  "executor::block_on": (c) => `rt.block_on(${c.ops[0]}, ${c.loc})`,
  "task::noop_waker": () => "rt.noop_waker()",
  "task::noop_waker_ref": () => "rt.noop_waker_ref()",
  "tokio::spawn": (c) => `rt.tokio_spawn(${c.ops[0]}, ${c.loc})`,
  "time::sleep": (c) => `rt.sleep(${c.ops[0]})`,
  // tokio::sync: an unbounded sender sends at once (the bounded one's `send` is a future).
  "UnboundedSender::send": (c) => `${c.obj}.send_now(${c.ops[0]})`,
  "task::yield_now": () => "rt.yield_now()",
  "Waker::from": (c) => `rt.Waker_from_arc(${c.ops[0]})`,
  // ---- mem, ptr
  "mem::swap": (c) => `rt.mem_swap(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "mem::replace": (c) => `rt.mem_replace(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "Cell::take": (c) => `${c.obj}.take(${desc(c, c.selfTy?.k === "adt" ? c.selfTy.args[0] : undefined)})`,
  "RefCell::take": (c) => `${c.obj}.take(${desc(c, c.selfTy?.k === "adt" ? c.selfTy.args[0] : undefined)}, ${c.loc})`,
  "mem::take": (c) => `rt.mem_take(${c.ops[0]}, ${desc(c, c.a.args[0])}, ${c.loc})`,
  "mem::drop": (c) => `rt.mem_drop(${c.ops[0]}, ${c.loc})`,
  "mem::forget": (c) => `rt.mem_forget(${c.ops[0]})`,
  "mem::size_of": (c) => `rt.mem_size_of(${desc(c, c.a.args[0])})`,
  "mem::size_of_val": (c) => `rt.mem_size_of_val(${c.ops[0]}, ${c.loc})`,
  "ptr::null": () => "rt.ptr_null()",
  "ptr::null_mut": () => "rt.ptr_null()",
  "ptr::eq": (c) => `rt.ptr_eq(${c.ops[0]}, ${c.ops[1]})`,
  "ptr::addr_eq": (c) => `rt.ptr_eq(${c.ops[0]}, ${c.ops[1]})`,
  "ptr::read": (c) => `rt.ptr_read(${c.ops[0]}, ${c.loc})`,
  "ptr::write": (c) => `rt.ptr_write(${c.ops[0]}, ${c.ops[1]}, ${c.loc})`,
  "ptr::is_null": (c) => `${c.obj}.is_null()`,
  "ptr::as_ref": (c) => `(${c.obj}.is_null() ? rt.None() : rt.Some(${c.obj}))`,
  "ptr::as_mut": (c) => `(${c.obj}.is_null() ? rt.None() : rt.Some(${c.obj}))`,
  "ptr::cast": (c) => c.obj,
  "ptr::cast_mut": (c) => c.obj,
  "ptr::cast_const": (c) => c.obj,
  "ptr::read_ptr": (c) => `${c.obj}.get(${c.loc})`,
  "ptr::add": (c) => `${c.obj}.add(${c.ops[0]}, ${c.loc})`,
  "ptr::offset": (c) => `${c.obj}.offset(${c.ops[0]}, ${c.loc})`,
  // ---- process, hint, any
  "process::exit": (c) => `rt.process_exit(${c.ops[0]})`,
  "hint::black_box": (c) => c.ops[0],
  "any::type_name": (c) => jsString(c.ctx.printTy(c.a.args[0] ?? Ty.error)),
  // ---- thread-locals
  "LocalKey::with": (c) => `${c.obj}.with(${c.ops[0]})`,
  // ---- ints
  "int::pow": (c) => `rt.int_pow(rt.INT.${(c.selfTy as { kind: string }).kind}, ${c.obj}, ${c.ops[0]}, ${c.loc})`,
  "int::to_string": (c) => `rt.String_from(rt.display_string(${c.obj}, ${desc(c, c.selfTy)}))`,
  "float::to_string": (c) => `rt.String_from(rt.display_string(${c.obj}, ${desc(c, c.selfTy)}))`,
  "char::to_string": (c) => `rt.String_from(${c.obj})`,
  "bool::to_string": (c) => `rt.String_from(String(${c.obj}))`,
};

function errTy(c: SpecialCtx): Ty | undefined {
  const t = stripRef(c.a.recvTy);
  return t?.k === "adt" ? t.args[1] : undefined;
}
function okTy(c: SpecialCtx): Ty | undefined {
  const t = stripRef(c.a.recvTy);
  return t?.k === "adt" ? t.args[0] : undefined;
}

/** The element type of the receiver (Vec<T>, [T], VecDeque<T>). */
function retElemOfRecv(c: SpecialCtx): Ty | undefined {
  const t = stripRef(c.a.recvTy);
  if (!t) return undefined;
  if (t.k === "adt") return t.args[0];
  if (t.k === "slice" || t.k === "array") return t.elem;
  return undefined;
}

function closureRet(c: SpecialCtx, i: number): Ty | undefined {
  const t = c.a.argTys[i];
  return t?.k === "closure" ? t.ret : undefined;
}

/** `<I as Iterator>::Item` of an iterator type (through `&mut I`). */
function itemOf(c: SpecialCtx, iter: Ty | undefined): Ty | undefined {
  let t = iter;
  while (t?.k === "ref") t = t.inner;
  if (!t) return undefined;
  return c.ctx.solver(c.b.spec.fnDef).project({ trait: c.ctx.lang.Iterator, self: t, args: [], name: "Item" });
}

function cloneOf(c: SpecialCtx, t: Ty | undefined): string {
  return t ? `(v${c.b.w.ty(": any")}) => rt.desc_clone(${desc(c, t)}, v)` : "undefined";
}
function eqOf(c: SpecialCtx, t: Ty | undefined): string {
  return t ? `(a${c.b.w.ty(": any")}, b${c.b.w.ty(": any")}) => rt.desc_eq(${desc(c, t)}, a, b)` : "undefined";
}
function cmpOf(c: SpecialCtx, t: Ty | undefined): string {
  return t ? `(a${c.b.w.ty(": any")}, b${c.b.w.ty(": any")}) => rt.desc_cmp(${desc(c, t)}, a, b)` : "undefined";
}

function sumOf(c: SpecialCtx, op: "sum" | "product"): string {
  const r = c.a.retTy;
  const it = c.ctx.opts.flavour === "ts" ? `(${c.obj} as rt.RIter<any>)` : c.obj!;
  if (r.k === "int") return `${it}.${op}(rt.INT.${r.kind}, ${c.loc})`;
  if (r.k === "float") return `${it}.${op}_${r.kind}()`;
  const L = c.ctx.lang;
  const inner = r.k === "adt" ? r.args[0] : undefined;
  if (r.k === "adt" && (r.def === L.Option || r.def === L.Result) && inner?.k === "int" && op === "sum") {
    return `rt.${r.def === L.Option ? "Option" : "Result"}_sum(${c.obj}, rt.INT.${inner.kind}, ${c.loc})`;
  }
  c.ctx.unsupported(`\`${op}()\` into \`${c.ctx.printTy(r)}\``, c.a.span);
  return "undefined";
}

/** `collect::<C>()` / `FromIterator::from_iter`: the target collection's builder. */
function collectInto(c: SpecialCtx, target: Ty, it: string): string {
  const L = c.ctx.lang;
  if (target.k === "adt") {
    if (target.def === L.Vec) return `rt.Vec_from_iter(${it})`;
    if (target.def === L.String) return `rt.String_from_iter(${it})`;
    if (target.def === L.VecDeque) return `rt.VecDeque_from_iter(${it})`;
    const t = c.b.w.ty(": any");
    if (target.def === L.Option) return `rt.Option_from_iter((i${t}) => ${collectInto(c, target.args[0] ?? Ty.error, "i")})(${it})`;
    if (target.def === L.Result) return `rt.Result_from_iter((i${t}) => ${collectInto(c, target.args[0] ?? Ty.error, "i")})(${it})`;
    if (c.ctx.tcx.def(target.def).name === "HashMap") return `rt.HashMap_from_iter(${it})`;
  }
  return `rt.Vec_from_iter(${it})`;
}

/** `From`/`Into` between std types. */
function conversion(c: SpecialCtx, from: Ty | undefined, to: Ty, v: string): string {
  const L = c.ctx.lang;
  const f = from ? stripRef(from) : undefined;
  if (to.k === "adt" && to.def === L.String) {
    if (f?.k === "str") return `rt.String_from(${v})`;
    if (f?.k === "char") return `rt.String_from(${v})`;
    if (f?.k === "adt" && f.def === L.String) return `rt.desc_clone(rt.T.string, rt.deref(${v}))`;
  }
  if (to.k === "int" && f?.k === "int") return `rt.int_cast(rt.INT.${to.kind}, ${v})`;
  if (to.k === "int" && f?.k === "bool") return `(${v} ? 1 : 0)`;
  if (to.k === "int" && f?.k === "char") return `${v}.codePointAt(0)`;
  if (to.k === "float" && f?.k === "int") return `Number(${v})`;
  if (to.k === "float" && f?.k === "float") return v;
  if (to.k === "char" && f?.k === "int") return `rt.u8_to_char(${v})`;
  if (to.k === "adt" && to.def === L.Box) return `rt.Box_new(${v})`;
  if (to.k === "adt" && to.def === L.Option) return `rt.Some(${v})`;
  if (to.k === "adt" && (to.def === L.Rc || to.def === L.Arc)) return `rt.${to.def === L.Rc ? "Rc" : "Arc"}_new(${v})`;
  if (to.k === "adt" && (to.def === L.Vec || to.def === L.VecDeque)) {
    // `Vec::from(&[1, 2])` clones the elements; `Vec::from([1, 2])` and `VecDeque::from(vec)` move them.
    const elems = from?.k === "ref" ? `rt.iter_of(rt.deref(${v})).cloned(${desc(c, to.args[0])})` : `rt.into_iter_value(${v})`;
    return `rt.${to.def === L.Vec ? "Vec" : "VecDeque"}_from_iter(${elems})`;
  }
  if (to.k === "adt" && to.def === L.Waker) return `rt.Waker_from_arc(${v})`;
  if (to.k === "adt" && to.def === L.Pin) return v;
  if (to.k === "adt" && !c.ctx.tcx.def(to.def).std && from) return c.b.errConversion(v, from, to);
  return v;
}
