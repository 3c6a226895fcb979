// The TypeScript side of the rustc-checked format cases.
//
// A case is the argument list of a `format!` call written as Rust (`"{:>8.3}", 1.5f64`). The script
// scripts/runtime-cases.mjs pastes it into a Rust program and records what rustc's binary prints; this
// harness parses the same text — the format string into the runtime's pieces, each argument into a
// value and its type descriptor — and formats it with the runtime. Both sides come from one text, so
// the expected output can only come from rustc.
//
// Supported argument expressions: integer and float literals (suffixes, `_`, hex/octal/binary, unary
// minus, `i32::MAX`-style constants, `f64::NAN`/`INFINITY`/`EPSILON`…, `a / b` of two float
// literals), strings and chars with escapes, `true`/`false`, `()`, tuples, arrays, `vec![…]`,
// `Vec::<T>::new()`, `Some(…)`, `None::<T>`, `Ok::<T, E>(…)`, `Err::<T, E>(…)`, `String::from("…")`,
// `&expr`, and the test types of `PRELUDE_TYPES` (`Point { x: 1, y: 2.0 }`, `Pair(1, "a")`, `Unit`,
// `Shape::Circle { r: 1.0 }`, `Celsius(21.5)`…) whose descriptors are built here with `T.struct` /
// `T.enum` exactly as emitted code would.

import * as R from "../../../src/runtime/std.js";
import type { AnyDesc, FmtPiece, FmtSpec, FmtArg, TypeDesc, Formatter, FmtResult } from "../../../src/runtime/std.js";

const { T } = R;

// ---------------------------------------------------------------------------------------------------
// Tokens

type Tok =
  | { k: "num"; text: string }
  | { k: "str"; value: string }
  | { k: "char"; value: string }
  | { k: "ident"; text: string }
  | { k: "punct"; text: string };

function unescape(body: string): string {
  return body.replace(/\\(u\{([0-9a-fA-F_]+)\}|x([0-9a-fA-F]{2})|.)/gs, (_m, e: string, u?: string, x?: string) => {
    if (u !== undefined) return String.fromCodePoint(parseInt(u.replace(/_/g, ""), 16));
    if (x !== undefined) return String.fromCharCode(parseInt(x, 16));
    switch (e) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "0":
        return "\0";
      case "\\":
        return "\\";
      case '"':
        return '"';
      case "'":
        return "'";
      default:
        throw new Error(`unknown escape \\${e}`);
    }
  });
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      out.push({ k: "str", value: unescape(src.slice(i + 1, j)) });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      while (src[j] !== "'") j += src[j] === "\\" ? 2 : 1;
      out.push({ k: "char", value: unescape(src.slice(i + 1, j)) });
      i = j + 1;
      continue;
    }
    const num = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?)(i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize|f32|f64)?/.exec(src.slice(i));
    if (num && /[0-9]/.test(c)) {
      out.push({ k: "num", text: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: "ident", text: id[0] });
      i += id[0].length;
      continue;
    }
    const p = /^(::|=>|\.\.)/.exec(src.slice(i));
    const text = p ? p[0] : c;
    out.push({ k: "punct", text });
    i += text.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Test types (their Rust definitions are in scripts/runtime-cases.mjs, PRELUDE_TYPES)

/** Plain stand-ins for emitted classes: objects with the fields. */
function obj<X extends object>(fields: X): X {
  return { ...fields };
}

export const PointT = T.struct<{ x: number; y: number }>({
  name: "Point",
  shape: "named",
  fields: [
    { name: "x", t: T.i32 },
    { name: "y", t: T.f64 },
  ],
  make: ([x, y]) => obj({ x: x as number, y: y as number }),
  derive: ["Debug", "Clone", "PartialEq", "Default"],
});
const PairT = T.struct<{ _0: number; _1: string }>({
  name: "Pair",
  shape: "tuple",
  fields: [
    { name: "_0", t: T.i32 },
    { name: "_1", t: T.str },
  ],
  derive: ["Debug", "Clone", "PartialEq"],
});
const UnitT = T.struct<object>({ name: "Unit", shape: "unit", fields: [], derive: ["Debug"] });
const EmptyT = T.struct<object>({ name: "Empty", shape: "named", fields: [], derive: ["Debug"] });
const LineT = T.struct<{ a: unknown; b: unknown }>({
  name: "Line",
  shape: "named",
  fields: [
    { name: "a", t: PointT },
    { name: "b", t: PointT },
  ],
  derive: ["Debug"],
});
const ShapeT = T.enum<{ tag: number }>({
  name: "Shape",
  variants: [
    { name: "Circle", shape: "named", fields: [{ name: "r", t: T.f64 }] },
    { name: "Square", shape: "tuple", fields: [{ name: "_0", t: T.f64 }] },
    { name: "Empty", shape: "unit", fields: [] },
    { name: "Named", shape: "named", fields: [{ name: "label", t: T.string }, { name: "tags", t: T.vec(T.str) }] },
  ],
  derive: ["Debug"],
});
const CelsiusT = T.struct<{ _0: number }>({
  name: "Celsius",
  shape: "tuple",
  fields: [{ name: "_0", t: T.f64 }],
  derive: ["Debug"],
  impls: {
    // impl Display for Celsius { fn fmt(&self, f) -> fmt::Result { write!(f, "{:.1}°C", self.0) } }
    display: (v: { _0: number }, f: Formatter): FmtResult => f.write_fmt(R.fmt_args([{ arg: 0, spec: { precision: R.lit(1) } }, "°C"], [R.arg(v._0, T.f64)])),
  },
});
const NameT = T.struct<{ _0: string }>({
  name: "Name",
  shape: "tuple",
  fields: [{ name: "_0", t: T.str }],
  impls: {
    // impl Display for Name { fn fmt(&self, f) -> fmt::Result { f.pad(self.0) } }
    display: (v: { _0: string }, f: Formatter): FmtResult => f.pad(v._0),
  },
});
const HexT = T.struct<{ _0: number }>({
  name: "Hex",
  shape: "tuple",
  fields: [{ name: "_0", t: T.u32 }],
  impls: {
    // impl Display for Hex { fn fmt(&self, f) -> fmt::Result { f.pad_integral(true, "0x", &format!("{:x}", self.0)) } }
    display: (v: { _0: number }, f: Formatter): FmtResult => f.pad_integral(true, "0x", R.format_string(R.fmt_args([{ arg: 0, spec: { trait: "x" } }], [R.arg(v._0, T.u32)]))),
  },
});
const OpaqueT = T.struct<{ id: number; secret: string }>({
  name: "Opaque",
  shape: "named",
  fields: [
    { name: "id", t: T.u32 },
    { name: "secret", t: T.str },
  ],
  impls: {
    // impl Debug for Opaque { fn fmt(&self, f) -> fmt::Result { f.debug_struct("Opaque").field("id", &self.id).finish_non_exhaustive() } }
    debug: (v: { id: number }, f: Formatter): FmtResult => f.debug_struct("Opaque").field("id", v.id, T.u32).finish_non_exhaustive(),
  },
});
const MapLikeT = T.struct<{ _0: [string, number][] }>({
  name: "MapLike",
  shape: "tuple",
  fields: [{ name: "_0", t: T.vec(T.tuple(T.str, T.i32)) }],
  impls: {
    // impl Debug for MapLike { fn fmt(&self, f) -> fmt::Result { f.debug_map().entries(self.0.iter().map(|(k, v)| (k, v))).finish() } }
    debug: (v: { _0: unknown }, f: Formatter): FmtResult => {
      const d = f.debug_map();
      for (const [k, x] of (v._0 as R.RVec<[string, number]>).a) d.entry(k, T.str, x, T.i32);
      return d.finish();
    },
  },
});
const SetLikeT = T.struct<{ _0: unknown }>({
  name: "SetLike",
  shape: "tuple",
  fields: [{ name: "_0", t: T.vec(T.i32) }],
  impls: {
    // impl Debug for SetLike { fn fmt(&self, f) -> fmt::Result { f.debug_set().entries(self.0.iter()).finish() } }
    debug: (v: { _0: unknown }, f: Formatter): FmtResult => f.debug_set().entries((v._0 as R.RVec<number>).a, T.i32).finish(),
  },
});
const TupleLikeT = T.struct<{ a: number; b: string }>({
  name: "TupleLike",
  shape: "named",
  fields: [
    { name: "a", t: T.i32 },
    { name: "b", t: T.str },
  ],
  impls: {
    // impl Debug for TupleLike { fn fmt(&self, f) -> fmt::Result { f.debug_tuple("TL").field(&self.a).field(&self.b).finish() } }
    debug: (v: { a: number; b: string }, f: Formatter): FmtResult => f.debug_tuple("TL").field(v.a, T.i32).field(v.b, T.str).finish(),
  },
});
const MultiT = T.struct<object>({
  name: "Multi",
  shape: "unit",
  fields: [],
  impls: {
    // impl Debug for Multi { write!(f, "a\nb {:?}", "c\nd")?; writeln!(f)?; f.write_str("e") }
    debug: (_v: object, f: Formatter): FmtResult => {
      const r = f.write_fmt(R.fmt_args(["a\nb ", { arg: 0, spec: { trait: "?" } }], [R.arg("c\nd", T.str)]));
      if (r.is_err()) return r;
      f.write_fmt(R.fmt_args(["\n"], []));
      return f.write_str("e");
    },
  },
});
const FlagsT = T.struct<{ _0: number }>({
  name: "Flags",
  shape: "tuple",
  fields: [{ name: "_0", t: T.u8 }],
  impls: {
    // impl Display for Flags: reports the formatter's options.
    display: (v: { _0: number }, f: Formatter): FmtResult =>
      f.write_fmt(
        R.fmt_args(
          ["v=", { arg: 0 }, " alt=", { arg: 1 }, " plus=", { arg: 2 }, " zero=", { arg: 3 }, " width=", { arg: 4, spec: { trait: "?" } }, " prec=", { arg: 5, spec: { trait: "?" } }, " fill=", { arg: 6, spec: { trait: "?" } }],
          [
            R.arg(v._0, T.u8),
            R.arg(f.alternate(), T.bool),
            R.arg(f.sign_plus(), T.bool),
            R.arg(f.sign_aware_zero_pad(), T.bool),
            R.arg(f.width(), T.option(T.usize)),
            R.arg(f.precision(), T.option(T.usize)),
            R.arg(f.fill(), T.char),
          ],
        ),
      ),
  },
});

const TYPE_BY_NAME: Record<string, AnyDesc> = {
  i8: T.i8,
  i16: T.i16,
  i32: T.i32,
  i64: T.i64,
  i128: T.i128,
  isize: T.isize,
  u8: T.u8,
  u16: T.u16,
  u32: T.u32,
  u64: T.u64,
  u128: T.u128,
  usize: T.usize,
  f32: T.f32,
  f64: T.f64,
  bool: T.bool,
  char: T.char,
  String: T.string,
  Point: PointT,
};

// ---------------------------------------------------------------------------------------------------
// Expressions

interface Val {
  v: unknown;
  t: AnyDesc;
  /** The literal had no suffix: its type may be taken from a sibling (`vec![1u8, 2]`). */
  loose?: "int" | "float" | "none";
}

const INT_NAMES = new Set(["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"]);

function intVal(text: string, neg: boolean): unknown {
  const clean = text.replace(/_/g, "");
  let b = BigInt(clean);
  if (neg) b = -b;
  return R.norm(b);
}

function floatVal(text: string, neg: boolean, kind: string): number {
  const v = kind === "f32" ? R.f32_literal(text) : Number(text.replace(/_/g, ""));
  return neg ? -v : v;
}


class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}

  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  isPunct(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.k === "punct" && t.text === text;
  }
  isIdent(text?: string): boolean {
    const t = this.peek();
    return t !== undefined && t.k === "ident" && (text === undefined || t.text === text);
  }
  expect(text: string): void {
    if (!this.isPunct(text) && !this.isIdent(text)) throw new Error(`expected ${text} at token ${this.i}: ${JSON.stringify(this.peek())}`);
    this.i++;
  }
  ident(): string {
    const t = this.peek();
    if (t?.k !== "ident") throw new Error(`expected an identifier, got ${JSON.stringify(t)}`);
    this.i++;
    return t.text;
  }

  /** A type: `i32`, `&str`, `String`, `Vec<T>`, `Option<T>`, `(A, B)`. */
  type(): AnyDesc {
    if (this.isPunct("&")) {
      this.i++;
      if (this.isIdent("str")) {
        this.i++;
        return T.str;
      }
      return T.ref(this.type());
    }
    if (this.isPunct("(")) {
      this.i++;
      const ts: AnyDesc[] = [];
      while (!this.isPunct(")")) {
        ts.push(this.type());
        if (this.isPunct(",")) this.i++;
      }
      this.i++;
      return T.tuple(...ts);
    }
    const name = this.ident();
    if (this.isPunct("<")) {
      this.i++;
      const args: AnyDesc[] = [];
      while (!this.isPunct(">")) {
        args.push(this.type());
        if (this.isPunct(",")) this.i++;
      }
      this.i++;
      if (name === "Vec") return T.vec(args[0] as AnyDesc);
      if (name === "Option") return T.option(args[0] as AnyDesc);
      if (name === "Result") return T.result(args[0] as AnyDesc, args[1] as AnyDesc);
      throw new Error(`unknown generic type ${name}`);
    }
    const t = TYPE_BY_NAME[name];
    if (!t) throw new Error(`unknown type ${name}`);
    return t;
  }

  turbofish(): AnyDesc[] {
    this.expect("::");
    this.expect("<");
    const ts: AnyDesc[] = [];
    while (!this.isPunct(">")) {
      ts.push(this.type());
      if (this.isPunct(",")) this.i++;
    }
    this.i++;
    return ts;
  }

  list(close: string): Val[] {
    const out: Val[] = [];
    while (!this.isPunct(close)) {
      out.push(this.expr());
      if (this.isPunct(",")) this.i++;
    }
    this.i++;
    return unify(out);
  }

  /** Float arithmetic `a + b * c` (left to right, `*` and `/` first), rounded like the operand type. */
  expr(): Val {
    let left = this.term();
    while (this.isPunct("+") || this.isPunct("-")) {
      const op = (this.peek() as { text: string }).text;
      this.i++;
      left = arith(left, op, this.term());
    }
    return left;
  }

  term(): Val {
    let left = this.unary();
    while (this.isPunct("*") || this.isPunct("/")) {
      const op = (this.peek() as { text: string }).text;
      this.i++;
      left = arith(left, op, this.unary());
    }
    return left;
  }

  unary(): Val {
    if (this.isPunct("-")) {
      this.i++;
      return this.primary(true);
    }
    if (this.isPunct("&")) {
      this.i++;
      const inner = this.expr();
      if (inner.t === T.str) return inner;
      return { v: inner.v, t: T.ref(inner.t) };
    }
    return this.primary(false);
  }

  primary(neg: boolean): Val {
    const t = this.peek();
    if (!t) throw new Error("unexpected end of expression");
    switch (t.k) {
      case "num": {
        this.i++;
        const m = /(i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize|f32|f64)$/.exec(t.text);
        const suffix = m?.[1];
        const body = suffix && !/^0x/.test(t.text) ? t.text.slice(0, -suffix.length) : t.text;
        const isFloat = suffix === "f32" || suffix === "f64" || (!suffix && /[.eE]/.test(body) && !/^0x/.test(body));
        if (isFloat) {
          const kind = suffix ?? "f64";
          return { v: floatVal(body, neg, kind), t: kind === "f32" ? T.f32 : T.f64, loose: suffix ? undefined : "float" };
        }
        const kind = suffix ?? "i32";
        return { v: intVal(body, neg), t: TYPE_BY_NAME[kind] as AnyDesc, loose: suffix ? undefined : "int" };
      }
      case "str":
        this.i++;
        return { v: t.value, t: T.str };
      case "char":
        this.i++;
        return { v: t.value, t: T.char };
      case "punct": {
        if (t.text === "(") {
          this.i++;
          const items = this.list(")");
          const prev = this.toks[this.i - 2];
          const trailingComma = prev?.k === "punct" && prev.text === ",";
          if (items.length === 0) return { v: undefined, t: T.unit };
          if (items.length === 1 && !trailingComma) return items[0] as Val;
          return { v: items.map((x) => x.v), t: T.tuple(...items.map((x) => x.t)) };
        }
        if (t.text === "[") {
          this.i++;
          const save = this.i;
          const first = this.isPunct("]") ? undefined : this.expr();
          if (first && this.isPunct(";")) {
            this.i++;
            const n = Number((this.peek() as { text: string }).text);
            this.i++;
            this.expect("]");
            return { v: Array.from({ length: n }, () => first.v), t: T.array(first.t, n) };
          }
          this.i = save;
          const items = this.list("]");
          const et = items[0]?.t ?? T.i32;
          return { v: items.map((x) => x.v), t: T.array(et, items.length) };
        }
        throw new Error(`unexpected ${t.text}`);
      }
      case "ident":
        return this.path(neg);
      default:
        throw new Error("unreachable");
    }
  }

  path(neg: boolean): Val {
    const name = this.ident();
    switch (name) {
      case "true":
        return { v: true, t: T.bool };
      case "false":
        return { v: false, t: T.bool };
      case "vec": {
        this.expect("!");
        this.expect("[");
        const items = this.list("]");
        const et = items[0]?.t ?? T.i32;
        return { v: R.vec_of(items.map((x) => x.v)), t: T.vec(et) };
      }
      case "Some": {
        this.expect("(");
        const [x] = this.list(")") as [Val];
        return { v: R.Some(x.v), t: T.option(x.t) };
      }
      case "None": {
        if (!this.isPunct("::")) return { v: R.None(), t: T.option(T.unit), loose: "none" };
        const [t] = this.turbofish() as [AnyDesc];
        return { v: R.None(), t: T.option(t) };
      }
      case "Ok":
      case "Err": {
        const [tv, te] = this.turbofish() as [AnyDesc, AnyDesc];
        this.expect("(");
        const [x] = this.list(")") as [Val];
        return { v: name === "Ok" ? R.Ok(x.v) : R.Err(x.v), t: T.result(tv, te) };
      }
      case "String": {
        this.expect("::");
        this.expect("from");
        this.expect("(");
        const [x] = this.list(")") as [Val];
        return { v: R.String_from(x.v as string), t: T.string };
      }
      case "Vec": {
        const [t] = this.turbofish() as [AnyDesc];
        this.expect("::");
        this.expect("new");
        this.expect("(");
        this.expect(")");
        return { v: R.Vec_new(), t: T.vec(t) };
      }
      case "Unit":
        return { v: {}, t: UnitT };
      case "Multi":
        return { v: {}, t: MultiT };
      case "Empty":
        this.expect("{");
        this.expect("}");
        return { v: {}, t: EmptyT };
      case "Point":
      case "Line":
      case "Opaque":
      case "TupleLike":
        return this.structLit(name);
      case "Pair":
      case "Celsius":
      case "Name":
      case "Hex":
      case "MapLike":
      case "SetLike":
      case "Flags": {
        this.expect("(");
        const items = this.list(")");
        const desc = { Pair: PairT, Celsius: CelsiusT, Name: NameT, Hex: HexT, MapLike: MapLikeT, SetLike: SetLikeT, Flags: FlagsT }[name] as AnyDesc;
        const v: Record<string, unknown> = {};
        items.forEach((x, i) => (v[`_${i}`] = x.v));
        return { v, t: desc };
      }
      case "Shape": {
        this.expect("::");
        const variant = this.ident();
        if (variant === "Circle") {
          const s = this.fields();
          return { v: { tag: 0, r: s.r?.v }, t: ShapeT };
        }
        if (variant === "Square") {
          this.expect("(");
          const [x] = this.list(")") as [Val];
          return { v: { tag: 1, _0: x.v }, t: ShapeT };
        }
        if (variant === "Named") {
          const s = this.fields();
          return { v: { tag: 3, label: s.label?.v, tags: s.tags?.v }, t: ShapeT };
        }
        return { v: { tag: 2 }, t: ShapeT };
      }
    }
    if (INT_NAMES.has(name) || name === "f32" || name === "f64") {
      this.expect("::");
      const c = this.ident();
      if (name === "f32" || name === "f64") {
        const v = floatConst(name, c);
        return { v: neg ? -v : v, t: name === "f32" ? T.f32 : T.f64 };
      }
      const k = R.INT[name as R.IntName];
      const v = c === "MAX" ? k.MAX : c === "MIN" ? k.MIN : undefined;
      if (v === undefined) throw new Error(`unknown constant ${name}::${c}`);
      return { v: neg ? R.norm(-BigInt(v)) : v, t: TYPE_BY_NAME[name] as AnyDesc };
    }
    throw new Error(`unknown expression ${name}`);
  }

  fields(): Record<string, Val> {
    this.expect("{");
    const out: Record<string, Val> = {};
    while (!this.isPunct("}")) {
      const f = this.ident();
      this.expect(":");
      out[f] = this.expr();
      if (this.isPunct(",")) this.i++;
    }
    this.i++;
    return out;
  }

  structLit(name: string): Val {
    const s = this.fields();
    const v: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(s)) v[k] = name === "Point" && k === "y" && x.loose === "int" ? Number(x.v) : x.v;
    const desc = { Point: PointT, Line: LineT, Opaque: OpaqueT, TupleLike: TupleLikeT }[name] as AnyDesc;
    return { v, t: desc };
  }
}

function floatConst(kind: "f32" | "f64", c: string): number {
  const table = kind === "f32" ? R.F32 : R.F64;
  if (c in table) return (table as Record<string, number>)[c] as number;
  throw new Error(`unknown constant ${kind}::${c}`);
}

function arith(a: Val, op: string, b: Val): Val {
  const t = a.loose ? b.t : a.t;
  const x = a.v as number;
  const y = b.v as number;
  const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x / y;
  return { v: t === T.f32 ? Math.fround(r) : r, t };
}

/** Gives unsuffixed numeric literals in a list the type of a suffixed sibling, and a bare `None`
 *  the type of a sibling option. */
function unify(items: Val[]): Val[] {
  const opt = items.find((x) => x.t.name.startsWith("Option<") && x.loose !== "none");
  if (opt) items = items.map((x) => (x.loose === "none" ? { v: x.v, t: opt.t } : x));
  const typed = items.find((x) => !x.loose && (x.t.name.startsWith("i") || x.t.name.startsWith("u") || x.t.name.startsWith("f")) && (INT_NAMES.has(x.t.name) || x.t.name === "f32" || x.t.name === "f64"));
  if (!typed) return items;
  return items.map((x) => {
    if (!x.loose) return x;
    if (typed.t === T.f32) return { v: Math.fround(Number(x.v)), t: T.f32 };
    if (typed.t === T.f64) return { v: Number(x.v), t: T.f64 };
    return { v: x.v, t: typed.t };
  });
}

// ---------------------------------------------------------------------------------------------------
// Format strings

function parseCount(s: string, named: Map<string, number>, nextArg: () => number): R.FmtCount {
  if (s === "*") return R.countArg(nextArg());
  if (s.endsWith("$")) {
    const n = s.slice(0, -1);
    return R.countArg(/^[0-9]+$/.test(n) ? Number(n) : (named.get(n) as number));
  }
  return R.lit(Number(s));
}

/** Parses a Rust format string into the runtime's pieces (positional then named arguments). */
export function parseFormat(fmt: string, named: Map<string, number>): FmtPiece[] {
  const pieces: FmtPiece[] = [];
  let lit = "";
  let next = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i] as string;
    if (c === "{" && fmt[i + 1] === "{") {
      lit += "{";
      i += 2;
      continue;
    }
    if (c === "}" && fmt[i + 1] === "}") {
      lit += "}";
      i += 2;
      continue;
    }
    if (c !== "{") {
      lit += c;
      i++;
      continue;
    }
    const end = fmt.indexOf("}", i);
    const inner = fmt.slice(i + 1, end);
    i = end + 1;
    if (lit) pieces.push(lit);
    lit = "";
    const colon = inner.indexOf(":");
    const argText = colon < 0 ? inner : inner.slice(0, colon);
    const specText = colon < 0 ? "" : inner.slice(colon + 1);
    const m = /^(?:(.)?([<>^]))?([+-])?(#)?(0(?![0-9]*\$))?([0-9]+\$?|[A-Za-z_][A-Za-z0-9_]*\$)?(?:\.([0-9]+\$?|[A-Za-z_][A-Za-z0-9_]*\$|\*))?(x\?|X\?|\?|x|X|o|b|e|E|p)?$/su.exec(specText);
    if (!m) throw new Error(`cannot parse format spec ${JSON.stringify(specText)}`);
    const spec: { -readonly [K in keyof FmtSpec]: FmtSpec[K] } = {};
    if (m[2]) {
      spec.align = m[2] as "<" | ">" | "^";
      if (m[1]) spec.fill = m[1];
    }
    if (m[3]) spec.sign = m[3] as "+" | "-";
    if (m[4]) spec.alternate = true;
    if (m[5]) spec.zero = true;
    // `.*` takes its argument before the value's.
    if (m[7]) spec.precision = parseCount(m[7], named, () => next++);
    if (m[6]) spec.width = parseCount(m[6], named, () => next++);
    if (m[8]) spec.trait = m[8] as FmtSpec["trait"];
    let arg: number;
    if (argText === "") arg = next++;
    else if (/^[0-9]+$/.test(argText)) arg = Number(argText);
    else arg = named.get(argText) as number;
    pieces.push({ arg, spec });
  }
  if (lit) pieces.push(lit);
  return pieces;
}

/** Evaluates `"fmt", args…` (the text inside `format!(…)`) with the runtime. */
export function formatCase(text: string): string {
  const p = new Parser(tokenize(text));
  const f = p.peek();
  if (f?.k !== "str") throw new Error("a case starts with its format string");
  p.i++;
  const args: FmtArg[] = [];
  const named = new Map<string, number>();
  const pending: [string, Val][] = [];
  while (p.i < p.toks.length) {
    p.expect(",");
    if (p.i >= p.toks.length) break;
    const t0 = p.peek();
    const t1 = p.toks[p.i + 1];
    if (t0?.k === "ident" && t1?.k === "punct" && t1.text === "=") {
      p.i += 2;
      pending.push([t0.text, p.expr()]);
    } else {
      const v = p.expr();
      args.push(R.arg(v.v, v.t as TypeDesc<unknown>));
    }
  }
  for (const [name, v] of pending) {
    named.set(name, args.length);
    args.push(R.arg(v.v, v.t as TypeDesc<unknown>));
  }
  return R.format_string(R.fmt_args(parseFormat(f.value, named), args));
}
