// Rust's formatting machinery: `format_args!`, `Formatter`, the Debug builders, and the exact number
// formatting of core::fmt.
//
// The compiler parses each format string once (src/syntax: `FmtPiece`/`FmtSpec`) and emits the pieces
// as plain data: a literal is a string, an argument is `{ arg, spec }` with the spec's fields. The
// arguments are `(value, type descriptor)` pairs, the descriptor saying how to Display / Debug / …
// the value (see types.ts):
//
//   [rust]     println!("{name:>8}: {:.2} {v:?}", x);           // x: f64, v: Vec<i32>
//   [lowered]  const P = ["", { arg: 1, spec: { align: ">", width: lit(8) } }, ": ",
//                         { arg: 0, spec: { precision: lit(2) } }, " ", { arg: 2, spec: { trait: "?" } }, "\n"];
//              print(fmt_args(P, [arg(x, T.f64), arg(name, T.str), arg(v, T.vec(T.i32))]));
//
// `print` writes `"    ada: 3.14 [1, 2]\n"` through `machine().out`. A user `impl Display` is a
// function `(v, f: Formatter) => FmtResult` plugged into the type's descriptor; it calls
// `f.write_str`, `f.write_fmt(fmt_args(…))` (that is `write!(f, …)`), `f.pad`, `f.debug_struct(…)`…
//
// The one idea: a `Formatter` is a sink plus the current argument's options, exactly as in core::fmt.
// `{:#?}` indentation is core's `PadAdapter`: a sink that writes four spaces after every newline, and
// nested values are formatted through a formatter over it that keeps the outer options — so
// `format!("{:5?}", Some(1))` is `Some(    1)` here as in Rust.
//
// Numbers follow core::fmt::num and core::fmt::float to the byte: `pad_integral` (sign-aware zero
// padding, `#` prefixes), two's-complement hex/octal/binary of negative integers, integer `{:e}` with
// its rounding; floats print the shortest digits that round-trip (f32 values with f32's shortest), no
// exponent for Display, an exponent for Debug when |x| >= 1e16 or 0 < |x| < 1e-4, and `{:.N}` rounds the
// exact binary value half-to-even (computed with bigints).

import type { Loc } from "./machine.js";
import { machine } from "./machine.js";
import { panic } from "./panic.js";
import { assertNever } from "./std-util.js";
import { Err, None, Ok, Some, Result, type Option } from "./option.js";
import { big, type Int, type IntKind } from "./int.js";
import { RString } from "./string.js";
import type { TypeDesc } from "./types.js";

// ---------------------------------------------------------------------------------------------------
// The data the compiler emits

export type FmtCount = { readonly kind: "literal"; readonly value: number } | { readonly kind: "arg"; readonly arg: number };

export type FmtTrait = "" | "?" | "x" | "X" | "o" | "b" | "e" | "E" | "p" | "x?" | "X?";

/** An argument's options; absent fields take Rust's defaults (Display, fill ' ', no width …). The
 *  compiler's `FmtSpec` (src/syntax/ast.ts) has this shape. */
export interface FmtSpec {
  readonly fill?: string;
  readonly align?: "" | "<" | ">" | "^";
  readonly sign?: "" | "+" | "-";
  readonly alternate?: boolean;
  readonly zero?: boolean;
  readonly width?: FmtCount;
  readonly precision?: FmtCount;
  readonly trait?: FmtTrait;
}

/** A literal piece, or `{ arg, spec }` for the argument at index `arg`. */
export type FmtPiece = string | { readonly arg: number; readonly spec?: FmtSpec };

/** One argument: the value and the descriptor of its type. */
export interface FmtArg {
  readonly v: unknown;
  readonly t: TypeDesc<unknown>;
}

/** `lit(8)`: a literal width or precision. */
export function lit(value: number): FmtCount {
  return { kind: "literal", value };
}

/** `{:1$}`: a width or precision taken from argument `i` (a `usize`). */
export function countArg(i: number): FmtCount {
  return { kind: "arg", arg: i };
}

/** One argument of a format: the value and its type's descriptor. */
export function arg<T>(v: T, t: TypeDesc<T> | TypeDesc<any>): FmtArg {
  return { v, t: t as TypeDesc<unknown> };
}

/** `std::fmt::Arguments`, the value of `format_args!`. */
export class Arguments {
  constructor(
    readonly pieces: readonly FmtPiece[],
    readonly args: readonly FmtArg[],
  ) {}

  /** `args.as_str()`: the text when there are no arguments. */
  as_str(): Option<string> {
    return this.args.length === 0 && this.pieces.every((p) => typeof p === "string") ? Some(this.pieces.join("")) : None();
  }
}

/** `format_args!(…)` */
export function fmt_args(pieces: readonly FmtPiece[], args: readonly FmtArg[]): Arguments {
  return new Arguments(pieces, args);
}

// ---------------------------------------------------------------------------------------------------
// fmt::Error, fmt::Result

/** `std::fmt::Error` */
export class FmtError {
  static readonly DISPLAY = "an error occurred when formatting an argument";
}

export type FmtResult = Result<undefined, FmtError>;

/** `Ok(())` of `fmt::Result`, shared (it is never mutated). */
export const FMT_OK: FmtResult = Object.freeze(Ok<undefined, FmtError>(undefined)) as FmtResult;

export function fmt_err(): FmtResult {
  return Err<undefined, FmtError>(new FmtError());
}

// ---------------------------------------------------------------------------------------------------
// Sinks

/** Where formatted text goes (`fmt::Write`). */
export interface Sink {
  write(s: string): void;
}

/** A sink that collects text. */
export class StringSink implements Sink {
  private readonly parts: string[] = [];
  write(s: string): void {
    this.parts.push(s);
  }
  text(): string {
    return this.parts.join("");
  }
}

/** core::fmt's PadAdapter: indents every line written through it by four spaces. */
class PadAdapter implements Sink {
  onNewline = true;
  constructor(private readonly inner: Sink) {}
  write(s: string): void {
    let start = 0;
    while (start < s.length) {
      const nl = s.indexOf("\n", start);
      const end = nl < 0 ? s.length : nl + 1;
      if (this.onNewline) this.inner.write("    ");
      this.onNewline = nl >= 0;
      this.inner.write(s.slice(start, end));
      start = end;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Formatter

export type Align = "" | "<" | ">" | "^";

/** `std::fmt::Alignment` variant index: Left 0, Right 1, Center 2. */
export type Alignment = 0 | 1 | 2;

interface FmtOptions {
  fill: string;
  align: Align;
  width: number | undefined;
  precision: number | undefined;
  plus: boolean;
  minus: boolean;
  alternate: boolean;
  zero: boolean;
  debugLowerHex: boolean;
  debugUpperHex: boolean;
}

function defaultOptions(): FmtOptions {
  return {
    fill: " ",
    align: "",
    width: undefined,
    precision: undefined,
    plus: false,
    minus: false,
    alternate: false,
    zero: false,
    debugLowerHex: false,
    debugUpperHex: false,
  };
}

/** `std::fmt::Formatter`. */
export class Formatter {
  /** The current argument's options (fill, width, flags …). */
  o: FmtOptions;

  constructor(
    readonly sink: Sink,
    options?: FmtOptions,
  ) {
    this.o = options ?? defaultOptions();
  }

  /** `f.write_str(s)` */
  write_str(s: string): FmtResult {
    this.sink.write(s);
    return FMT_OK;
  }

  /** `f.write_char(c)` */
  write_char(c: string): FmtResult {
    this.sink.write(c);
    return FMT_OK;
  }

  /** `write!(f, …)`: formats `args` into this formatter's sink with their own options. */
  write_fmt(args: Arguments): FmtResult {
    return writeArgs(this.sink, args);
  }

  // Options -----------------------------------------------------------------------------------------

  alternate(): boolean {
    return this.o.alternate;
  }
  width(): Option<number> {
    return this.o.width === undefined ? None() : Some(this.o.width);
  }
  precision(): Option<number> {
    return this.o.precision === undefined ? None() : Some(this.o.precision);
  }
  fill(): string {
    return this.o.fill;
  }
  /** `f.align()`: `Option<fmt::Alignment>` (Left 0, Right 1, Center 2). */
  align(): Option<Alignment> {
    switch (this.o.align) {
      case "":
        return None();
      case "<":
        return Some(0);
      case ">":
        return Some(1);
      case "^":
        return Some(2);
      default:
        return assertNever(this.o.align);
    }
  }
  sign_plus(): boolean {
    return this.o.plus;
  }
  sign_minus(): boolean {
    return this.o.minus;
  }
  sign_aware_zero_pad(): boolean {
    return this.o.zero;
  }
  /** Debug-hex flags (`{:x?}`), read by integer Debug. */
  debug_lower_hex(): boolean {
    return this.o.debugLowerHex;
  }
  debug_upper_hex(): boolean {
    return this.o.debugUpperHex;
  }

  // Padding -----------------------------------------------------------------------------------------

  /** Writes the fill `n` times. */
  private fillN(n: number): void {
    if (n > 0) this.sink.write(this.o.fill.repeat(n));
  }

  /** core's `padding`: writes the pre-padding, returns the post-padding count. */
  private padding(pad: number, defaultAlign: "<" | ">"): number {
    const a = this.o.align === "" ? defaultAlign : this.o.align;
    let pre: number;
    let post: number;
    switch (a) {
      case "<":
        pre = 0;
        post = pad;
        break;
      case ">":
        pre = pad;
        post = 0;
        break;
      case "^":
        pre = Math.floor(pad / 2);
        post = Math.floor((pad + 1) / 2);
        break;
      default:
        return assertNever(a);
    }
    this.fillN(pre);
    return post;
  }

  /** `f.pad(s)`: precision truncates (in chars), width pads (default left-aligned). */
  pad(s: string): FmtResult {
    const o = this.o;
    if (o.width === undefined && o.precision === undefined) {
      this.sink.write(s);
      return FMT_OK;
    }
    let text = s;
    if (o.precision !== undefined) text = truncateChars(text, o.precision);
    if (o.width !== undefined) {
      const n = charCount(text);
      if (n < o.width) {
        const post = this.padding(o.width - n, "<");
        this.sink.write(text);
        this.fillN(post);
        return FMT_OK;
      }
    }
    this.sink.write(text);
    return FMT_OK;
  }

  /** `f.pad_integral(is_nonnegative, prefix, digits)` as core::fmt implements it. */
  pad_integral(isNonnegative: boolean, prefix: string, digits: string): FmtResult {
    const o = this.o;
    let width = digits.length;
    let sign = "";
    if (!isNonnegative) {
      sign = "-";
      width += 1;
    } else if (o.plus) {
      sign = "+";
      width += 1;
    }
    let pre = "";
    if (o.alternate) {
      pre = prefix;
      width += charCount(prefix);
    }
    if (o.width === undefined || width >= o.width) {
      this.sink.write(sign + pre + digits);
    } else if (o.zero) {
      const oldFill = o.fill;
      const oldAlign = o.align;
      o.fill = "0";
      o.align = ">";
      this.sink.write(sign + pre);
      const post = this.padding(o.width - width, ">");
      this.sink.write(digits);
      this.fillN(post);
      o.fill = oldFill;
      o.align = oldAlign;
    } else {
      const post = this.padding(o.width - width, ">");
      this.sink.write(sign + pre + digits);
      this.fillN(post);
    }
    return FMT_OK;
  }

  /** core's `pad_formatted_parts`: a number's sign and body, padded (default right-aligned). */
  pad_formatted_parts(sign: string, body: string): FmtResult {
    const o = this.o;
    if (o.width === undefined) {
      this.sink.write(sign + body);
      return FMT_OK;
    }
    let width = o.width;
    const oldFill = o.fill;
    const oldAlign = o.align;
    let s = sign;
    if (o.zero) {
      this.sink.write(sign);
      width = Math.max(0, width - sign.length);
      s = "";
      o.fill = "0";
      o.align = ">";
    }
    const len = s.length + body.length;
    if (width <= len) this.sink.write(s + body);
    else {
      const post = this.padding(width - len, ">");
      this.sink.write(s + body);
      this.fillN(post);
    }
    o.fill = oldFill;
    o.align = oldAlign;
    return FMT_OK;
  }

  // Debug builders ----------------------------------------------------------------------------------

  /** A formatter with the same options writing through a PadAdapter (for `{:#?}` nesting). */
  wrapPadded(pad: PadAdapter): Formatter {
    return new Formatter(pad, this.o);
  }

  debug_struct(name: string): DebugStruct {
    this.sink.write(name);
    return new DebugStruct(this);
  }
  debug_tuple(name: string): DebugTuple {
    this.sink.write(name);
    return new DebugTuple(this, name === "");
  }
  debug_list(): DebugList {
    this.sink.write("[");
    return new DebugList(this, "]");
  }
  debug_set(): DebugList {
    this.sink.write("{");
    return new DebugList(this, "}");
  }
  debug_map(): DebugMap {
    this.sink.write("{");
    return new DebugMap(this);
  }

  /** Formats `v` with `t`'s Debug through this formatter (keeping the options). */
  debugValue<T>(v: T, t: TypeDesc<T>): FmtResult {
    return callOp(t, "debug", v, this);
  }
  /** Formats `v` with `t`'s Display through this formatter (keeping the options). */
  displayValue<T>(v: T, t: TypeDesc<T>): FmtResult {
    return callOp(t, "display", v, this);
  }
}

/** `f.debug_struct("Name")` */
export class DebugStruct {
  private hasFields = false;
  constructor(private readonly f: Formatter) {}

  field<T>(name: string, v: T, t: TypeDesc<T>): DebugStruct {
    const f = this.f;
    if (f.alternate()) {
      if (!this.hasFields) f.sink.write(" {\n");
      const pad = new PadAdapter(f.sink);
      const w = f.wrapPadded(pad);
      pad.write(name);
      pad.write(": ");
      w.debugValue(v, t);
      pad.write(",\n");
    } else {
      f.sink.write(this.hasFields ? ", " : " { ");
      f.sink.write(name);
      f.sink.write(": ");
      f.debugValue(v, t);
    }
    this.hasFields = true;
    return this;
  }

  /** `field_with(name, |f| …)`: a field whose Debug is written by a function. */
  field_with(name: string, write: (f: Formatter) => FmtResult): DebugStruct {
    return this.field(name, write, FN_DEBUG);
  }

  finish(): FmtResult {
    if (this.hasFields) this.f.sink.write(this.f.alternate() ? "}" : " }");
    return FMT_OK;
  }

  finish_non_exhaustive(): FmtResult {
    const f = this.f;
    if (this.hasFields) {
      if (f.alternate()) {
        new PadAdapter(f.sink).write("..\n");
        f.sink.write("}");
      } else f.sink.write(", .. }");
    } else f.sink.write(" { .. }");
    return FMT_OK;
  }
}

/** `f.debug_tuple("Name")` (`""` for a tuple) */
export class DebugTuple {
  private fields = 0;
  constructor(
    private readonly f: Formatter,
    private readonly emptyName: boolean,
  ) {}

  field<T>(v: T, t: TypeDesc<T>): DebugTuple {
    const f = this.f;
    if (f.alternate()) {
      if (this.fields === 0) f.sink.write("(\n");
      const pad = new PadAdapter(f.sink);
      f.wrapPadded(pad).debugValue(v, t);
      pad.write(",\n");
    } else {
      f.sink.write(this.fields === 0 ? "(" : ", ");
      f.debugValue(v, t);
    }
    this.fields++;
    return this;
  }

  field_with(write: (f: Formatter) => FmtResult): DebugTuple {
    return this.field(write, FN_DEBUG);
  }

  finish(): FmtResult {
    const f = this.f;
    if (this.fields > 0) {
      if (this.fields === 1 && this.emptyName && !f.alternate()) f.sink.write(",");
      f.sink.write(")");
    }
    return FMT_OK;
  }

  finish_non_exhaustive(): FmtResult {
    const f = this.f;
    if (this.fields > 0) {
      if (f.alternate()) {
        new PadAdapter(f.sink).write("..\n");
        f.sink.write(")");
      } else f.sink.write(", ..)");
    } else f.sink.write("(..)");
    return FMT_OK;
  }
}

/** `f.debug_list()` / `f.debug_set()` */
export class DebugList {
  private hasFields = false;
  constructor(
    private readonly f: Formatter,
    private readonly close: string,
  ) {}

  entry<T>(v: T, t: TypeDesc<T>): DebugList {
    const f = this.f;
    if (f.alternate()) {
      if (!this.hasFields) f.sink.write("\n");
      const pad = new PadAdapter(f.sink);
      f.wrapPadded(pad).debugValue(v, t);
      pad.write(",\n");
    } else {
      if (this.hasFields) f.sink.write(", ");
      f.debugValue(v, t);
    }
    this.hasFields = true;
    return this;
  }

  entry_with(write: (f: Formatter) => FmtResult): DebugList {
    return this.entry(write, FN_DEBUG);
  }

  /** `.entries(iter)`: any JS iterable of values of type `t`. */
  entries<T>(items: Iterable<T>, t: TypeDesc<T>): DebugList {
    for (const v of items) this.entry(v, t);
    return this;
  }

  finish(): FmtResult {
    this.f.sink.write(this.close);
    return FMT_OK;
  }

  finish_non_exhaustive(): FmtResult {
    const f = this.f;
    if (this.hasFields) {
      if (f.alternate()) new PadAdapter(f.sink).write("..\n");
      else f.sink.write(", ..");
    } else f.sink.write("..");
    f.sink.write(this.close);
    return FMT_OK;
  }
}

/** `f.debug_map()` */
export class DebugMap {
  private hasFields = false;
  private pad: PadAdapter | undefined;
  constructor(private readonly f: Formatter) {}

  key<K>(k: K, t: TypeDesc<K>): DebugMap {
    const f = this.f;
    if (f.alternate()) {
      if (!this.hasFields) f.sink.write("\n");
      this.pad = new PadAdapter(f.sink);
      f.wrapPadded(this.pad).debugValue(k, t);
      this.pad.write(": ");
    } else {
      if (this.hasFields) f.sink.write(", ");
      f.debugValue(k, t);
      f.sink.write(": ");
    }
    return this;
  }

  value<V>(v: V, t: TypeDesc<V>): DebugMap {
    const f = this.f;
    if (f.alternate() && this.pad) {
      f.wrapPadded(this.pad).debugValue(v, t);
      this.pad.write(",\n");
    } else f.debugValue(v, t);
    this.hasFields = true;
    return this;
  }

  entry<K, V>(k: K, kt: TypeDesc<K>, v: V, vt: TypeDesc<V>): DebugMap {
    return this.key(k, kt).value(v, vt);
  }

  /** `.entries(iter)`: any JS iterable of `[key, value]` pairs. */
  entries<K, V>(pairs: Iterable<readonly [K, V]>, kt: TypeDesc<K>, vt: TypeDesc<V>): DebugMap {
    for (const [k, v] of pairs) this.entry(k, kt, v, vt);
    return this;
  }

  finish(): FmtResult {
    this.f.sink.write("}");
    return FMT_OK;
  }

  finish_non_exhaustive(): FmtResult {
    const f = this.f;
    if (this.hasFields) {
      if (f.alternate()) new PadAdapter(f.sink).write("..\n");
      else f.sink.write(", ..");
    } else f.sink.write("..");
    f.sink.write("}");
    return FMT_OK;
  }
}

/** A descriptor whose Debug calls the value itself (for `field_with`). */
const FN_DEBUG: TypeDesc<(f: Formatter) => FmtResult> = {
  name: "fn",
  copy: true,
  debug: (write, f) => write(f),
};

// ---------------------------------------------------------------------------------------------------
// Running a format

type OpName = "display" | "debug" | "lowerHex" | "upperHex" | "octal" | "binary" | "lowerExp" | "upperExp" | "pointer";

const TRAIT_NAME: Record<OpName, string> = {
  display: "Display",
  debug: "Debug",
  lowerHex: "LowerHex",
  upperHex: "UpperHex",
  octal: "Octal",
  binary: "Binary",
  lowerExp: "LowerExp",
  upperExp: "UpperExp",
  pointer: "Pointer",
};

function callOp<T>(t: TypeDesc<T>, op: OpName, v: T, f: Formatter): FmtResult {
  const fn = t[op];
  if (!fn) throw new Error(`internal error: type \`${t.name}\` has no ${TRAIT_NAME[op]} in its descriptor, please report`);
  return fn(v, f);
}

function traitOp(trait: FmtTrait): OpName {
  switch (trait) {
    case "":
      return "display";
    case "?":
    case "x?":
    case "X?":
      return "debug";
    case "x":
      return "lowerHex";
    case "X":
      return "upperHex";
    case "o":
      return "octal";
    case "b":
      return "binary";
    case "e":
      return "lowerExp";
    case "E":
      return "upperExp";
    case "p":
      return "pointer";
    default:
      return assertNever(trait);
  }
}

function countValue(c: FmtCount | undefined, args: readonly FmtArg[]): number | undefined {
  if (c === undefined) return undefined;
  if (c.kind === "literal") return c.value;
  return Number((args[c.arg] as FmtArg).v as Int);
}

function optionsFor(spec: FmtSpec, args: readonly FmtArg[]): FmtOptions {
  const trait = spec.trait ?? "";
  return {
    fill: spec.fill ?? " ",
    align: spec.align ?? "",
    width: countValue(spec.width, args),
    precision: countValue(spec.precision, args),
    plus: spec.sign === "+",
    minus: spec.sign === "-",
    alternate: spec.alternate ?? false,
    zero: spec.zero ?? false,
    debugLowerHex: trait === "x?",
    debugUpperHex: trait === "X?",
  };
}

/** `core::fmt::write`: runs `args` into `sink`. */
export function writeArgs(sink: Sink, args: Arguments): FmtResult {
  const list = args.args;
  for (const p of args.pieces) {
    if (typeof p === "string") {
      sink.write(p);
      continue;
    }
    const a = list[p.arg] as FmtArg;
    const spec = p.spec;
    const f = new Formatter(sink, spec ? optionsFor(spec, list) : undefined);
    const r = callOp(a.t, traitOp(spec?.trait ?? ""), a.v, f);
    if (r.tag === 1) return r;
  }
  return FMT_OK;
}

const FMT_ERROR_PANIC = "a formatting trait implementation returned an error when the underlying stream did not";

/** `format!` as a JS string; a user impl returning `Err` panics as std's `format` does. */
export function format_string(args: Arguments): string {
  const sink = new StringSink();
  if (writeArgs(sink, args).tag === 1) return panic(`${FMT_ERROR_PANIC}: Error`);
  return sink.text();
}

/** `print!` & co. A user impl returning `Err`: what was formatted so far is written (std writes
 *  to the stream as it formats), then the panic of `io::Write::write_fmt`. */
function printed(args: Arguments, write: (s: string) => void): string {
  const sink = new StringSink();
  if (writeArgs(sink, args).tag === 1) {
    write(sink.text());
    return panic(FMT_ERROR_PANIC);
  }
  return sink.text();
}

/** `format!(…)` */
export function format(args: Arguments): RString {
  return new RString(format_string(args));
}

/** `print!(…)` */
export function print(args: Arguments): void {
  const m = machine();
  m.out(printed(args, (s) => m.out(s)));
}

/** `println!(…)` (the compiler may also append `"\n"` to the pieces and call `print`). */
export function println(args?: Arguments): void {
  const m = machine();
  m.out(args ? printed(args, (s) => m.out(s)) + "\n" : "\n");
}

/** `eprint!(…)` */
export function eprint(args: Arguments): void {
  const m = machine();
  m.err(printed(args, (s) => m.err(s)));
}

/** `eprintln!(…)` */
export function eprintln(args?: Arguments): void {
  const m = machine();
  m.err(args ? printed(args, (s) => m.err(s)) + "\n" : "\n");
}

/** `write!(s, …)` where `s: String` (`fmt::Write for String`). */
export function write_to_string(s: RString, args: Arguments): FmtResult {
  s.s += format_string(args);
  return FMT_OK;
}

/** `writeln!(s, …)` where `s: String`. */
export function writeln_to_string(s: RString, args?: Arguments): FmtResult {
  s.s += (args ? format_string(args) : "") + "\n";
  return FMT_OK;
}

/** A user `impl fmt::Write`: its `write_str`. */
export interface FmtWrite {
  write_str(s: string): FmtResult;
}

/** `write!(w, …)` into a user `impl fmt::Write`: `write_str` is called for each literal piece and for
 *  the text of each argument (Rust may split an argument's text into more calls, e.g. per fill char). */
export function write_fmt_to(w: FmtWrite, args: Arguments): FmtResult {
  let failed: FmtResult | undefined;
  const sink: Sink = {
    write(s: string) {
      if (failed === undefined && s.length > 0) {
        const r = w.write_str(s);
        if (r.tag === 1) failed = r;
      }
    },
  };
  const r = writeArgs(sink, args);
  return failed ?? r;
}

/** `v.to_string()` for any Display type. */
export function to_string<T>(v: T, t: TypeDesc<T>): RString {
  return new RString(display_string(v, t));
}

/** `format!("{}", v)` as a JS string (`to_string`'s text: an `Err` from the impl panics as in std). */
export function display_string<T>(v: T, t: TypeDesc<T>): string {
  const sink = new StringSink();
  if (callOp(t, "display", v, new Formatter(sink)).tag === 1) {
    return panic("a Display implementation returned an error unexpectedly: Error");
  }
  return sink.text();
}

/** `format!("{:?}", v)` as a JS string (`{:#?}` with `{ pretty: true }`). */
export function debug_string<T>(v: T, t: TypeDesc<T>, opts?: { readonly pretty?: boolean }): string {
  const sink = new StringSink();
  const o = defaultOptions();
  o.alternate = opts?.pretty ?? false;
  callOp(t, "debug", v, new Formatter(sink, o));
  return sink.text();
}

// ---------------------------------------------------------------------------------------------------
// The std macros that format

/** `panic!(…)`; `panic!()` without arguments panics with `explicit panic`. */
export function panic_fmt(args: Arguments | undefined, loc?: Loc): never {
  return panic(args ? format_string(args) : "explicit panic", loc);
}

/** `unreachable!(…)`: `internal error: entered unreachable code[: message]`. */
export function unreachable_fmt(args: Arguments | undefined, loc?: Loc): never {
  const head = "internal error: entered unreachable code";
  return panic(args ? `${head}: ${format_string(args)}` : head, loc);
}

/** `todo!(…)`: `not yet implemented[: message]`. */
export function todo_fmt(args: Arguments | undefined, loc?: Loc): never {
  return panic(args ? `not yet implemented: ${format_string(args)}` : "not yet implemented", loc);
}

/** `unimplemented!(…)`: `not implemented[: message]`. */
export function unimplemented_fmt(args: Arguments | undefined, loc?: Loc): never {
  return panic(args ? `not implemented: ${format_string(args)}` : "not implemented", loc);
}

/** `assert!(cond)` failing: `assertion failed: <the condition's source text>`, or the message. */
export function assert_failed(condText: string, args: Arguments | undefined, loc?: Loc): never {
  return panic(args ? format_string(args) : `assertion failed: ${condText}`, loc);
}

/** `assert_eq!(l, r)` / `assert_ne!` failing, with rustc's message. */
export function assert_eq_failed<L, R>(
  op: "==" | "!=",
  left: L,
  lt: TypeDesc<L>,
  right: R,
  rt: TypeDesc<R>,
  args: Arguments | undefined,
  loc?: Loc,
): never {
  const head = `assertion \`left ${op} right\` failed`;
  const msg = args ? `${head}: ${format_string(args)}` : head;
  return panic(`${msg}\n  left: ${debug_string(left, lt)}\n right: ${debug_string(right, rt)}`, loc);
}

/** `dbg!(expr)`: prints `[file:LINE:COL] expr = {:#?}` on stderr and returns the value. */
export function dbg<T>(v: T, t: TypeDesc<T>, exprText: string, loc: Loc): T {
  machine().err(`[${machine().where(loc)}] ${exprText} = ${debug_string(v, t, { pretty: true })}\n`);
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Strings and chars

/** Number of chars (code points) in `s`. */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

function truncateChars(s: string, n: number): string {
  let i = 0;
  let count = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

// Rust's is_printable: not printable are the categories Cc Cf Cs Co Cn Zl Zp Zs, except ' '.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const GRAPHEME_EXTEND = /\p{Grapheme_Extend}/u;

function unicodeEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** `char::escape_debug_ext`: one char's Debug text (without quotes). */
/** Which quote the text is written inside: that one is escaped, the other kept. */
type Quote = "str" | "char";

function escapeChar(c: string, quote: Quote): string {
  const inStr = quote === "str";
  switch (c) {
    case "\0":
      return "\\0";
    case "\t":
      return "\\t";
    case "\r":
      return "\\r";
    case "\n":
      return "\\n";
    case "\\":
      return "\\\\";
    case '"':
      return inStr ? '\\"' : '"';
    case "'":
      return inStr ? "'" : "\\'";
  }
  const cp = c.codePointAt(0) as number;
  if (cp < 0x7f && cp >= 0x20) return c;
  if (GRAPHEME_EXTEND.test(c) || NOT_PRINTABLE.test(c)) return unicodeEscape(cp);
  return c;
}

const STR_PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/** `format!("{:?}", s)` for a str: quoted, escaped as Rust's `impl Debug for str`. */
export function str_debug_text(s: string): string {
  if (STR_PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (const c of s) out += escapeChar(c, "str");
  return out + '"';
}

/** `format!("{:?}", c)` for a char. */
export function char_debug_text(c: string): string {
  return `'${escapeChar(c, "char")}'`;
}

/** Display of str / String / char: `f.pad(s)`. */
export function fmt_str_display(s: string, f: Formatter): FmtResult {
  return f.pad(s);
}

/** Debug of str (ignores width, like Rust). */
export function fmt_str_debug(s: string, f: Formatter): FmtResult {
  return f.write_str(str_debug_text(s));
}

export function fmt_char_debug(c: string, f: Formatter): FmtResult {
  return f.write_str(char_debug_text(c));
}

// ---------------------------------------------------------------------------------------------------
// Integers

/** Display of an integer. */
export function fmt_int_display(v: Int, f: Formatter): FmtResult {
  if (typeof v === "number") return f.pad_integral(v >= 0, "", String(v < 0 ? -v : v));
  return f.pad_integral(v >= 0n, "", String(v < 0n ? -v : v));
}

/** `{:x}` `{:X}` `{:o}` `{:b}` of an integer of kind `k` (negative values as two's complement). */
export function fmt_int_radix(k: IntKind, v: Int, radix: 16 | 8 | 2, f: Formatter, opts?: { readonly upper?: boolean }): FmtResult {
  let digits: string;
  if (typeof v === "number" && v >= 0) digits = v.toString(radix);
  else digits = BigInt.asUintN(k.bits, big(v)).toString(radix);
  if (opts?.upper) digits = digits.toUpperCase();
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : "0b";
  return f.pad_integral(true, prefix, digits);
}

/** Debug of an integer: Display, or hex under `{:x?}` / `{:X?}`. */
export function fmt_int_debug(k: IntKind, v: Int, f: Formatter): FmtResult {
  if (f.debug_lower_hex()) return fmt_int_radix(k, v, 16, f);
  if (f.debug_upper_hex()) return fmt_int_radix(k, v, 16, f, { upper: true });
  return fmt_int_display(v, f);
}

/** `{:e}` / `{:E}` of an integer, as core::fmt::num's `exp_u128`. */
export function fmt_int_exp(v: Int, f: Formatter, opts?: { readonly upper?: boolean }): FmtResult {
  const neg = v < 0;
  let n = neg ? -big(v) : big(v);
  let exponent = 0;
  while (n % 10n === 0n && n >= 10n) {
    n /= 10n;
    exponent++;
  }
  let added = 0;
  const prec = f.o.precision;
  if (prec !== undefined) {
    const digitsMinus1 = n.toString().length - 1;
    added = Math.max(0, prec - digitsMinus1);
    const subtracted = Math.max(0, digitsMinus1 - prec);
    for (let i = 1; i < subtracted; i++) {
      n /= 10n;
      exponent++;
    }
    if (subtracted !== 0) {
      const rem = n % 10n;
      n /= 10n;
      exponent++;
      if (rem > 5n || (rem === 5n && (n % 2n !== 0n || subtracted > 1))) {
        const before = (n).toString().length;
        n += 1n;
        if (n.toString().length > before) {
          n /= 10n;
          exponent++;
        }
      }
    }
  }
  const ds = n.toString();
  exponent += ds.length - 1;
  let body = ds[0] as string;
  if (ds.length > 1 || added > 0) body += "." + ds.slice(1) + "0".repeat(added);
  body += (opts?.upper ? "E" : "e") + String(exponent);
  return f.pad_formatted_parts(neg ? "-" : f.o.plus ? "+" : "", body);
}

// ---------------------------------------------------------------------------------------------------
// Floats

export type FloatKind = "f32" | "f64";

/** The shortest decimal digits that round-trip, and the decimal exponent: x = 0.DIGITS × 10^exp. */
export function shortestDigits(x: number, kind: FloatKind): { digits: string; exp: number } {
  // x is finite and > 0
  if (kind === "f64") return parseExponential(x.toExponential());
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return parseExponential(Number(s).toExponential());
    // The nearest p-digit decimal can miss the (asymmetric) rounding interval while a neighbour hits it.
    const e = parseExponential(Number(s).toExponential(p - 1));
    for (const d of [-1n, 1n]) {
      const m = BigInt(e.digits.padEnd(p, "0")) + d;
      const cand = Number(`${m}e${e.exp - p}`);
      if (Math.fround(cand) === x) return parseExponential(cand.toExponential());
    }
  }
  return parseExponential(x.toExponential());
}

function parseExponential(s: string): { digits: string; exp: number } {
  const e = s.indexOf("e");
  const mant = s.slice(0, e).replace(".", "");
  const digits = mant.replace(/0+$/, "") || "0";
  return { digits, exp: Number(s.slice(e + 1)) + 1 };
}

/** The exact value of a finite x >= 0 as D / 10^k (D a bigint). */
function exactDecimal(x: number): { d: bigint; k: number } {
  if (x === 0) return { d: 0n, k: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const bexp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  if (e >= 0) return { d: mant << BigInt(e), k: 0 };
  return { d: mant * 5n ** BigInt(-e), k: -e };
}

/** Rounds d / 10^k to q fractional digits, half to even: returns N with value N / 10^q. */
function roundTo(d: bigint, k: number, q: number): bigint {
  if (q >= k) return d * 10n ** BigInt(q - k);
  const div = 10n ** BigInt(k - q);
  let n = d / div;
  const rem = d % div;
  const twice = rem * 2n;
  if (twice > div || (twice === div && n % 2n === 1n)) n += 1n;
  return n;
}

function fixedText(n: bigint, q: number): string {
  if (q === 0) return n.toString();
  const s = n.toString().padStart(q + 1, "0");
  return s.slice(0, s.length - q) + "." + s.slice(s.length - q);
}

/** `{:.N}` of a finite x >= 0: the exact value rounded half-to-even to N fractional digits. */
export function fixedExact(x: number, precision: number): string {
  // Fast path: `toFixed` rounds the exact value too, but ties away from zero. A tie at `precision`
  // digits means x·10^p = n + ½, i.e. x = j / 2^(p+1) with j odd: x·2^(p+1) is an odd integer
  // (exact: a power-of-two scaling). Everything else is the same as Rust's half-to-even.
  if (x < 1e21 && precision <= 100) {
    const y = x * 2 ** (precision + 1);
    if (!(Number.isInteger(y) && y % 2 === 1)) return x.toFixed(precision);
  }
  const { d, k } = exactDecimal(x);
  return fixedText(roundTo(d, k, precision), precision);
}

/** Shortest digits laid out without exponent, at least `minFrac` fractional digits. */
function shortestFixed(x: number, kind: FloatKind, minFrac: number): string {
  if (x === 0) return minFrac > 0 ? "0." + "0".repeat(minFrac) : "0";
  // Fast path: for an f64 in [1e-6, 1e21) JS's own shortest round-trip text has no exponent and the
  // same digits (ECMAScript Number::toString picks the shortest, then closest, digits as Rust does).
  if (kind === "f64" && x >= 1e-6 && x < 1e21 && minFrac <= 1) {
    const t = String(x);
    return minFrac === 1 && t.indexOf(".") < 0 ? t + ".0" : t;
  }
  const { digits, exp } = shortestDigits(x, kind);
  const n = digits.length;
  let s: string;
  if (exp <= 0) s = "0." + "0".repeat(-exp) + digits;
  else if (exp >= n) s = digits + "0".repeat(exp - n) + (minFrac > 0 ? "." : "");
  else s = digits.slice(0, exp) + "." + digits.slice(exp);
  const dot = s.indexOf(".");
  if (dot >= 0) {
    const frac = s.length - dot - 1;
    if (frac < minFrac) s += "0".repeat(minFrac - frac);
  }
  return s;
}

/** Shortest digits in exponent form: `1.5e-7`, `1e16`. */
function shortestExp(x: number, kind: FloatKind, e: "e" | "E"): string {
  if (x === 0) return `0${e}0`;
  const { digits, exp } = shortestDigits(x, kind);
  const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  return `${mant}${e}${exp - 1}`;
}

/** `{:.Ne}`: N+1 significant digits of the exact value, half to even. */
function exactExp(x: number, precision: number, e: "e" | "E"): string {
  if (x === 0) return (precision > 0 ? "0." + "0".repeat(precision) : "0") + `${e}0`;
  const { d, k } = exactDecimal(x);
  const exp10 = d.toString().length - k - 1;
  const q = precision - exp10; // fractional digits to keep
  let n: bigint;
  if (q >= 0) n = roundTo(d, k, q);
  else n = roundTo(d, k + -q, 0); // treat as d / 10^(k - q)
  let s = n.toString();
  let outExp = exp10;
  if (s.length > precision + 1) {
    outExp++;
    s = s.slice(0, precision + 1);
  }
  const mant = precision > 0 ? s[0] + "." + s.slice(1) : s;
  return `${mant}${e}${outExp}`;
}

function floatSign(x: number, f: Formatter): string {
  if (x < 0 || Object.is(x, -0)) return "-";
  return f.o.plus ? "+" : "";
}

function nonFinite(x: number, f: Formatter): FmtResult | undefined {
  if (x !== x) return f.pad_formatted_parts("", "NaN");
  if (x === Infinity || x === -Infinity) return f.pad_formatted_parts(floatSign(x, f), "inf");
  return undefined;
}

/** Display of a float. */
export function fmt_float_display(x: number, kind: FloatKind, f: Formatter): FmtResult {
  const nf = nonFinite(x, f);
  if (nf) return nf;
  const a = Math.abs(x);
  const body = f.o.precision !== undefined ? fixedExact(a, f.o.precision) : shortestFixed(a, kind, 0);
  return f.pad_formatted_parts(floatSign(x, f), body);
}

/** Debug of a float: `1.0`, `0.1`, `1e16`, `1e-5`; `{:.N?}` as Display with precision. */
export function fmt_float_debug(x: number, kind: FloatKind, f: Formatter): FmtResult {
  const nf = nonFinite(x, f);
  if (nf) return nf;
  const a = Math.abs(x);
  let body: string;
  if (f.o.precision !== undefined) body = fixedExact(a, f.o.precision);
  else if (a !== 0 && (a < 1e-4 || a >= 1e16)) body = shortestExp(a, kind, "e");
  else body = shortestFixed(a, kind, 1);
  return f.pad_formatted_parts(floatSign(x, f), body);
}

/** `{:e}` / `{:E}` of a float. */
export function fmt_float_exp(x: number, kind: FloatKind, f: Formatter, opts?: { readonly upper?: boolean }): FmtResult {
  const nf = nonFinite(x, f);
  if (nf) return nf;
  const a = Math.abs(x);
  const e = opts?.upper ? "E" : "e";
  const body = f.o.precision !== undefined ? exactExp(a, f.o.precision, e) : shortestExp(a, kind, e);
  return f.pad_formatted_parts(floatSign(x, f), body);
}

/** `{:p}`: `0x` and the lowercase hex address; `{:#p}` zero-pads to 18 chars. */
export function fmt_pointer(addr: number, f: Formatter): FmtResult {
  const o = f.o;
  const oldWidth = o.width;
  const oldZero = o.zero;
  const oldAlt = o.alternate;
  if (o.alternate) {
    o.zero = true;
    if (o.width === undefined) o.width = 18;
  }
  o.alternate = true;
  const r = f.pad_integral(true, "0x", addr.toString(16));
  o.width = oldWidth;
  o.zero = oldZero;
  o.alternate = oldAlt;
  return r;
}
