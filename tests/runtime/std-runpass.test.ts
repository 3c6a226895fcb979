// Programs of the behaviour corpus (tests/run-pass/, rustc's stdout checked in), lowered by hand the
// way emit/ will lower them, run on the std runtime and compared byte for byte. They are the contract
// between the two halves: each Rust line is kept as a comment above its lowering.

import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as R from "../../src/runtime/std.js";
import { RBox } from "../../src/runtime/core.js";
import * as C from "../../src/runtime/core.js";
import { Machine, install } from "../../src/runtime/machine.js";
import { parseFormat } from "./std-cases/harness.js";

const { T, INT } = R;

type Named = Record<string, R.FmtArg>;

/** The compiler's work on `format_args!`: positional arguments, then named ones (explicit `name =`
 *  arguments and implicit captures `{city}`), pieces referring to them by index. */
function fmtArgs(fmt: string, args: (R.FmtArg | Named)[]): R.Arguments {
  const last = args[args.length - 1];
  const named: Named = last && !("t" in last) ? (args.pop() as Named) : {};
  const list = args as R.FmtArg[];
  const index = new Map<string, number>();
  for (const [k, v] of Object.entries(named)) {
    index.set(k, list.length);
    list.push(v);
  }
  return R.fmt_args(parseFormat(fmt, index), list);
}
/** `println!(fmt, args…)` */
function println(fmt: string, ...args: (R.FmtArg | Named)[]): void {
  R.println(fmtArgs(fmt, args));
}
/** `print!(fmt, args…)` */
function print(fmt: string, ...args: (R.FmtArg | Named)[]): void {
  R.print(fmtArgs(fmt, args));
}
/** `format!(fmt, args…)` */
function format(fmt: string, ...args: (R.FmtArg | Named)[]): R.RString {
  return R.format(fmtArgs(fmt, args));
}
const a = R.arg;

function run(main: () => void): string {
  let out = "";
  install(new Machine({ file: "main.rs", stdout: (s) => (out += s) }));
  main();
  return out;
}

function expected(name: string): string {
  return readFileSync(new URL(`../run-pass/${name}.stdout`, import.meta.url), "utf8");
}

test("fmt_floats.rs", () => {
  const out = run(() => {
    // let values = [1.0, 0.1 + 0.2, 1e21, 1e15, 1e16, 1e-7, 123456789.125, -0.0, 2.5e-5, f64::MAX, f64::MIN_POSITIVE];
    const values = [1.0, 0.1 + 0.2, 1e21, 1e15, 1e16, 1e-7, 123456789.125, -0.0, 2.5e-5, R.F64.MAX, R.F64.MIN_POSITIVE];
    // for v in values { println!("{} | {:?} | {:e}", v, v, v); }
    for (const v of values) println("{} | {:?} | {:e}", a(v, T.f64), a(v, T.f64), a(v, T.f64));
    const f32 = Math.fround;
    println("{} {:?}", a(f32(0.1), T.f32), a(f32(0.1), T.f32));
    println("{} {:?}", a(R.f32_div(1, 3), T.f32), a(1 / 3, T.f64));
    println("{} {}", a(16777216, T.f32), a(f32(16777217), T.f32));
    println("{} {:?}", a(R.F32.MAX, T.f32), a(R.F32.MIN_POSITIVE, T.f32));
    println("{} {} {}", a(NaN, T.f64), a(Infinity, T.f64), a(-Infinity, T.f64));
    println("{:?} {:?} {:e}", a(NaN, T.f64), a(-Infinity, T.f64), a(Infinity, T.f64));
    println("{:.2} {:.2} {:.2} {:.2}", a(0.125, T.f64), a(0.375, T.f64), a(2.675, T.f64), a(-1.005, T.f64));
    println("{:.0} {:.0} {:.0} {:.0}", a(0.5, T.f64), a(1.5, T.f64), a(2.5, T.f64), a(-0.5, T.f64));
    println("{:.1} {:.3}", a(NaN, T.f64), a(Infinity, T.f64));
    println("{:10.3e}|{:<12e}|", a(299792458.0, T.f64), a(6.02214076e23, T.f64));
    // let sum: f64 = (1..=10).map(|i| 1.0 / i as f64).sum();
    const sum = R.range_inclusive(INT.i32, 1, 10).map((i) => 1.0 / R.int_to_f64(i)).sum_f64();
    println("harmonic(10) = {}", a(sum, T.f64));
    println("sqrt(2) = {}, pi = {}, e = {}", a(R.f64_sqrt(2), T.f64), a(R.FLOAT_CONSTS.PI, T.f64), a(R.FLOAT_CONSTS.E, T.f64));
    // -1.5f64.floor() is -(1.5f64.floor())
    println("powi {} powf {} floor {}", a(R.f64_powi(2, 10), T.f64), a(R.f64_powf(2, 0.5), T.f64), a(-R.float_floor(1.5), T.f64));
    println("ceil {} round {} trunc {}", a(-R.float_ceil(1.5), T.f64), a(-R.float_round(2.5), T.f64), a(-R.float_trunc(2.7), T.f64));
    println("min {} max {} abs {} fract {:.3}", a(R.float_min(1.5, NaN), T.f64), a(R.float_max(2, -3), T.f64), a(-R.float_abs(4.25), T.f64), a(R.float_fract(3.875), T.f64));
    const pf = T.result(T.f64, T.parseFloatError);
    println("parse: {:?} {:?} {:?}", a(R.f64_parse("2.5e3"), pf), a(R.f64_parse("inf"), pf), a(R.f64_parse("x1").is_err(), T.bool));
    println("{}", a(100000000000000000000.0, T.f64));
    println("{} {}", a(1e300 * 10.0, T.f64), a(5e-324, T.f64));
    println("{:?} {}", a(f32(0.3), T.f64), a(f32(7.0e-45), T.f32));
  });
  expect(out).toBe(expected("fmt_floats"));
});

test("string_unicode.rs", () => {
  const out = run(() => {
    const words = ["hello", "héllo", "日本語", "🦀 crab", "straße"];
    // println!("{:?}: {} bytes, {} chars, upper {:?}", w, w.len(), w.chars().count(), w.to_uppercase());
    for (const w of words) println("{:?}: {} bytes, {} chars, upper {:?}", a(w, T.str), a(R.str_len(w), T.usize), a(R.str_chars(w).count(), T.usize), a(R.str_to_uppercase(w), T.string));
    const s = "añ日🦀";
    for (const c of R.str_chars(s)) {
      // println!("{:?} U+{:04X} len_utf8 {} alphabetic {} numeric {}", c, c as u32, …);
      println("{:?} U+{:04X} len_utf8 {} alphabetic {} numeric {}", a(c, T.char), a(R.char_to_int(INT.u32, c), T.u32), a(R.char_len_utf8(c), T.usize), a(R.char_is_alphabetic(c), T.bool), a(R.char_is_numeric(c), T.bool));
    }
    println("is_char_boundary(2) = {}, (3) = {}", a(R.str_is_char_boundary(s, 2), T.bool), a(R.str_is_char_boundary(s, 3), T.bool));
    println("{:?}", a(R.str_index(s, { start: 0, end: 3 }, "11:22"), T.str));
    // s.bytes().map(|b| format!("{:02x}", b)).collect::<Vec<_>>().join(" ")
    println("{:?}", a(R.str_bytes(s).map((b) => format("{:02x}", a(b, T.u8))).collect(R.Vec_from_iter).join(" "), T.string));
    const reversed = R.str_chars("añ日").rev().collect(R.String_from_iter);
    println("reversed {:?}", a(reversed, T.string));
    println("{:?}", a(R.str_to_ascii_uppercase("Ünïcödé"), T.string));
    const mixed = R.str_chars("MiXeD 123").map((c) => (R.char_is_uppercase(c) ? R.char_to_ascii_lowercase(c) : R.char_to_ascii_uppercase(c))).collect(R.String_from_iter);
    println("{:?}", a(mixed, T.string));
    // let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    const digits = R.str_chars("a1b2c3").filter_map((c) => R.char_to_digit(c, 10)).sum(INT.u32);
    println("digit sum {}", a(digits, T.u32));
    println("{:?}", a(R.str_find("tschüß", "ü"), T.option(T.usize)));
    println("{:?}", a(R.str_char_indices("🦀🦀").collect(R.Vec_from_iter), T.vec(T.tuple(T.usize, T.char))));
    println("{}", a(R.char_from_digit(7, 10).unwrap(), T.char));
    println("{:?}", a(R.char_range("a", "e", { inclusive: true }).collect(R.String_from_iter), T.string));
    println("{:?}", a(R.str_chars("Ab1 _").map((c): [boolean, boolean] => [R.char_is_ascii_alphanumeric(c), R.char_is_whitespace(c)]).collect(R.Vec_from_iter), T.vec(T.tuple(T.bool, T.bool))));
    // let mut counts = [0usize; 26];
    const counts = R.array_repeat(0, 26);
    for (const c of R.str_chars("the quick brown fox jumps over the lazy dog").filter((c) => R.char_is_ascii_lowercase(c))) {
      // counts[(c as u8 - b'a') as usize] += 1;
      const i = R.u8_sub(R.char_to_int(INT.u8, c), 97, "29:17");
      R.array_set(counts, i, R.usize_add(R.array_index(counts, i, "29:9"), 1, "29:9") as number, "29:9");
    }
    println("{:?}", a(counts, T.array(T.usize, 26)));
  });
  expect(out).toBe(expected("string_unicode"));
});

test("vec_ops.rs", () => {
  // #[derive(Debug, Clone)] struct Task { prio: u8, name: &'static str }
  type Task = { prio: number; name: string };
  const TaskT = T.struct<Task>({
    name: "Task",
    shape: "named",
    fields: [
      { name: "prio", t: T.u8 },
      { name: "name", t: T.str },
    ],
    make: ([prio, name]) => ({ prio: prio as number, name: name as string }),
    derive: ["Debug", "Clone"],
  });
  const out = run(() => {
    const v = R.vec_of([5, 3, 8]);
    v.push(1);
    v.insert(1, 9);
    println("{:?} len {} first {:?} last {:?}", a(v, T.vec(T.i32)), a(v.len(), T.usize), a(v.first(), T.option(T.ref(T.i32))), a(v.last(), T.option(T.ref(T.i32))));
    // Arguments are evaluated left to right before formatting.
    const p1 = v.pop();
    const p2 = v.remove(0);
    const p3 = v.swap_remove(0);
    println("pop {:?}, remove(0) {}, swap_remove(0) {}", a(p1, T.option(T.i32)), a(p2, T.i32), a(p3, T.i32));
    println("{:?}", a(v, T.vec(T.i32)));
    v.extend(R.array_iter([4, 4, 2, 2, 2, 7]));
    v.extend_from_slice([7, 0]);
    println("{:?}", a(v, T.vec(T.i32)));
    v.dedup();
    println("dedup {:?}", a(v, T.vec(T.i32)));
    v.retain((x) => x !== 0);
    v.sort();
    println("sorted {:?}, contains 7: {}, binary_search 4: {:?}, 6: {:?}", a(v, T.vec(T.i32)), a(v.contains(7), T.bool), a(v.binary_search(4), T.result(T.usize, T.usize)), a(v.binary_search(6), T.result(T.usize, T.usize)));
    v.sort_by((x, y) => R.desc_cmp(T.i32, y, x));
    println("desc {:?}", a(v, T.vec(T.i32)));
    v.reverse();
    const tail = v.split_off(3);
    println("head {:?} tail {:?}", a(v, T.vec(T.i32)), a(tail, T.vec(T.i32)));
    const drained = v.drain({ end: 2 }).collect(R.Vec_from_iter);
    println("drained {:?} left {:?}", a(drained, T.vec(T.i32)), a(v, T.vec(T.i32)));
    v.truncate(0);
    println("empty {:?} is_empty {}", a(v, T.vec(T.i32)), a(v.is_empty(), T.bool));
    const tasks = R.vec_of<Task>([
      { prio: 2, name: "write" },
      { prio: 1, name: "read" },
      { prio: 2, name: "flush" },
      { prio: 0, name: "open" },
    ]);
    tasks.sort_by_key((t) => t.prio);
    const names = tasks.iter().map((t) => t.name).collect(R.Vec_from_iter);
    println("by prio (stable): {:?}", a(names, T.vec(T.str)));
    const copy = T.vec(TaskT).clone!(tasks);
    tasks.clear();
    println("{} cleared, copy has {}: {:?}", a(tasks.len(), T.usize), a(copy.len(), T.usize), a(copy.index(0, "43:63"), TaskT));
    // let grid = vec![vec![0u8; 3]; 2];
    const grid = R.vec_repeat(R.vec_repeat(0, 3), 2, (x) => x.clone());
    println("{:?}", a(grid, T.vec(T.vec(T.u8))));
    const m = R.vec_of([1, 2, 3, 4, 5, 6]);
    m.swap(0, 5);
    m.rotate_left(2);
    println("{:?} max {:?} min {:?}", a(m, T.vec(T.i32)), a(m.iter().max(), T.option(T.ref(T.i32))), a(m.iter().min(), T.option(T.ref(T.i32))));
    const pos = m.iter().position((x) => x === 6);
    println("position of 6: {:?}", a(pos, T.option(T.usize)));
    const joined = m.iter().map((n) => R.to_string(n, T.i32)).collect(R.Vec_from_iter).join("+");
    println("{} = {}", a(joined, T.string), a(m.iter().sum(INT.i32), T.i32));
    // println!("{:?} == {:?}: {}", &m[..2], [3, 4], m[..2] == [3, 4]);
    println("{:?} == {:?}: {}", a(m.slice({ end: 2 }), T.slice(T.i32)), a([3, 4], T.array(T.i32, 2)), a(m.slice({ end: 2 }).eq([3, 4]), T.bool));
  });
  expect(out).toBe(expected("vec_ops"));
});

test("fmt_width_fill_align.rs", () => {
  const out = run(() => {
    const i = (v: number) => a(v, T.i32);
    const f = (v: number) => a(v, T.f64);
    const st = (v: string) => a(v, T.str);
    println("[{:5}] [{:<5}] [{:>5}] [{:^5}]", i(42), i(42), i(42), i(42));
    println("[{:5}] [{:<5}] [{:>5}] [{:^5}]", st("ab"), st("ab"), st("ab"), st("ab"));
    println("[{:*^9}] [{:->6}] [{:_<4}]", st("mid"), i(7), a("c", T.char));
    println("[{:+}] [{:+}] [{:+.1}]", i(5), i(-5), f(2.25));
    println("[{:05}] [{:05}] [{:+06}] [{:<05}]", i(42), i(-42), i(42), i(42));
    println("[{:x}] [{:X}] [{:#x}] [{:#010x}] [{:#b}] [{:o}] [{:#o}]", i(255), i(255), i(255), i(255), i(5), i(8), i(8));
    println("[{:08.3}] [{:8.3}] [{:<8.3}] [{:+08.2}]", f(3.14159), f(3.14159), f(3.14159), f(-2.5));
    println("[{:.0}] [{:.1}] [{:.3}] [{:.2}]", f(2.5), f(0.05), f(1.0005), f(1e-10));
    println("[{:.3}] [{:5.2}] [{:>8.4}]", st("truncate"), st("abc"), st("precision"));
    const width = 7;
    const prec = 2;
    println("[{:w$}] [{:>1$}] [{:.*}] [{:w$.p$}]", f(1.5), a(6, T.usize), a(3, T.usize), f(9.87654), f(1.0 / 3.0), { w: a(width, T.usize), p: a(prec, T.usize) });
    println("[{:>width$}] [{:^width$.prec$}]", st("r"), f(R.f64_sqrt(2)), { width: a(width, T.usize), prec: a(prec, T.usize) });
    println("{0} {1} {0} {name} {}", st("a"), st("b"), { name: st("n") });
    const city = "Lisbon";
    const temp = 21.456;
    println("{city} is {temp:.1} degrees; {city:?} {temp:>8.2}", { city: st(city), temp: f(temp) });
    println("{{literal braces}} {{{}}}", i(1));
    println("[{:?}] [{:>8?}] [{:<10?}]", st("dbg"), a(R.Some(1), T.option(T.i32)), a([1, 2], T.tuple(T.i32, T.i32)));
    println("[{:#06x}] [{:#06b}] [{:x?}] [{:X?}]", i(31), i(3), a(R.vec_of([10, 255]), T.vec(T.i32)), a(R.vec_of([10, 255]), T.vec(T.i32)));
    println("[{:e}] [{:E}] [{:.2e}] [{:e}]", f(1234.5), f(0.00012), f(123456.0), i(5));
    println("[{:10}] [{:<10}] [{:^10?}]", a(true, T.bool), a(false, T.bool), a("x", T.char));
    println("[{:>6}] [{:06}]", f(-0.0), f(-1.5));
    const items: [string, number, number][] = [["apple", 3, 0.5], ["kiwi", 12, 0.25], ["watermelon", 1, 3.0]];
    for (const [name, qty, price] of items) {
      println("{:<10}|{:>4}|{:>7.2}|{:>8.2}", st(name), i(qty), f(price), f(R.int_to_f64(qty) * price));
    }
  });
  expect(out).toBe(expected("fmt_width_fill_align"));
});

test("fmt_pretty_debug.rs", () => {
  // #[derive(Debug)] struct Unit; struct Meters(f64); enum Status { Idle, Busy { task, progress }, Failed(String, i32) }
  const UnitT = T.struct<object>({ name: "Unit", shape: "unit", fields: [], derive: ["Debug"] });
  const MetersT = T.struct<{ _0: number }>({ name: "Meters", shape: "tuple", fields: [{ name: "_0", t: T.f64 }], derive: ["Debug"] });
  const StatusT = T.enum<{ tag: number }>({
    name: "Status",
    variants: [
      { name: "Idle", shape: "unit", fields: [] },
      { name: "Busy", shape: "named", fields: [{ name: "task", t: T.string }, { name: "progress", t: T.u8 }] },
      { name: "Failed", shape: "tuple", fields: [{ name: "_0", t: T.string }, { name: "_1", t: T.i32 }] },
    ],
    derive: ["Debug"],
  });
  const MachineT = T.struct<object>({
    name: "Machine",
    shape: "named",
    fields: [
      { name: "name", t: T.str },
      { name: "tags", t: T.vec(T.str) },
      { name: "status", t: StatusT },
      { name: "history", t: T.vec(StatusT) },
      { name: "distance", t: T.option(MetersT) },
      { name: "marker", t: UnitT },
      { name: "pair", t: T.tuple(T.u8, T.char) },
      { name: "empty", t: T.vec(T.u32) },
    ],
    derive: ["Debug"],
  });
  const out = run(() => {
    const m = {
      name: "m1",
      tags: R.vec_of(["fast", "loud"]),
      status: { tag: 1, task: R.String_from("polling"), progress: 40 },
      history: R.vec_of([{ tag: 0 }, { tag: 2, _0: R.String_from("timeout"), _1: -2 }]),
      distance: R.Some({ _0: 12.5 }),
      marker: {},
      pair: [7, "x"],
      empty: R.Vec_new(),
    };
    println("{:?}", a(m, MachineT));
    println("{:#?}", a(m, MachineT));
    println("{:#?}", a([1, "a"], T.tuple(T.i32, T.str)));
    println("{:#?}", a(R.Some({ tag: 0 }), T.option(StatusT)));
    println("{:#?}", a(R.vec_of([[1, 2]]), T.vec(T.array(T.i32, 2))));
    const nothing = R.None<object>();
    println("{:#?} {:#?}", a(nothing, T.option(UnitT)), a({ _0: 0.0 }, MetersT));
  });
  expect(out).toBe(expected("fmt_pretty_debug"));
});

test("integers_64_128.rs", () => {
  const U64 = INT.u64;
  // fn factorial(n: u32) -> u128 { (1..=n as u128).product() }
  const factorial = (n: number) => R.range_inclusive(INT.u128, 1, R.int_cast(INT.u128, n)).product(INT.u128, "2:24");
  // fn fib(n: u32) -> u64 { … let next = a + b; … }
  const fib = (n: number) => {
    let x: R.Int = 0;
    let y: R.Int = 1;
    for (let k = 0; k < n; k++) {
      const next = R.u64_add(x, y, "8:20");
      x = y;
      y = next;
    }
    return x;
  };
  const out = run(() => {
    const u64 = (v: R.Int) => a(v, T.u64);
    println("2^53 + 1 = {}", u64(R.u64_add(R.int_shl(U64, 1, 53), 1)));
    println("u64::MAX = {}", u64(U64.MAX));
    println("i64::MIN = {}", a(INT.i64.MIN, T.i64));
    println("u128::MAX = {}", a(INT.u128.MAX, T.u128));
    println("i128::MIN = {}", a(INT.i128.MIN, T.i128));
    println("25! = {}", a(factorial(25), T.u128));
    println("34! = {}", a(factorial(34), T.u128));
    println("fib(90) = {}", u64(fib(90)));
    println("fib(92) = {}", u64(fib(92)));
    const big = 9_007_199_254_740_993n;
    println("{} * 3 = {}", a(big, T.i64), a(R.i64_mul(big, 3), T.i64));
    println("{} / 7 = {}, % 7 = {}", a(big, T.i64), a(R.int_div(INT.i64, big, 7), T.i64), a(R.int_rem(INT.i64, big, 7), T.i64));
    println("{:x} {:#X} {:o}", u64(U64.MAX), u64(0xdeadbeefcafe), u64(R.int_shl(U64, 1, 60)));
    println("{:b}", u64(0x8000000000000001n));
    const prod = R.int_mul(INT.u128, R.int_cast(INT.u128, U64.MAX), R.int_cast(INT.u128, U64.MAX));
    println("u64::MAX^2 = {}", a(prod, T.u128));
    println("i128 -(2^100) = {}", a(R.int_neg(INT.i128, R.int_shl(INT.i128, 1, 100)), T.i128));
    let h: R.Int = 0xcbf29ce484222325n;
    for (const b of R.str_bytes("pinion")) {
      h = R.int_xor(U64, h, R.int_cast(U64, b));
      h = R.int_wrapping_mul(U64, h, 0x100000001b3);
    }
    println('fnv1a("pinion") = {:016x}', u64(h));
    println("{:>25}|", u64(U64.MAX));
    println("{:+}", a(INT.i64.MAX, T.i64));
    const v = R.range(INT.i32, 60, 64).map((s) => R.int_shl(U64, 1, s)).collect(R.Vec_from_iter);
    println("{:?}", a(v, T.vec(T.u64)));
    println("sum = {}", u64(v.iter().sum(U64)));
  });
  expect(out).toBe(expected("integers_64_128"));
});

test("casts_int_float.rs", () => {
  const out = run(() => {
    println("300i32 as u8 = {}", a(R.int_cast(INT.u8, 300), T.u8));
    println("-1i32 as u8 = {}", a(R.int_cast(INT.u8, -1), T.u8));
    println("-1i32 as u32 = {}", a(R.int_cast(INT.u32, -1), T.u32));
    println("-1i8 as i64 = {}", a(R.int_cast(INT.i64, -1), T.i64));
    println("255u8 as i8 = {}", a(R.int_cast(INT.i8, 255), T.i8));
    println("200u8 as i8 as i32 = {}", a(R.int_cast(INT.i32, R.int_cast(INT.i8, 200)), T.i32));
    println("65536 + 7 as u16 = {}", a(R.int_cast(INT.u16, R.i32_add(65536, 7)), T.u16));
    println("u64::MAX as i64 = {}", a(R.int_cast(INT.i64, INT.u64.MAX), T.i64));
    println("i64::MIN as u64 = {}", a(R.int_cast(INT.u64, INT.i64.MIN), T.u64));
    println("-3i32 as usize = {}", a(R.int_cast(INT.usize, -3), T.usize));
    println("3.99f64 as i32 = {}", a(R.float_to_int(INT.i32, 3.99), T.i32));
    println("-3.99f64 as i32 = {}", a(R.float_to_int(INT.i32, -3.99), T.i32));
    println("-1.5f64 as u8 = {}", a(R.float_to_int(INT.u8, -1.5), T.u8));
    println("300.7f32 as u8 = {}", a(R.float_to_int(INT.u8, Math.fround(300.7)), T.u8));
    println("1e10 as i32 = {}", a(R.float_to_int(INT.i32, 1e10), T.i32));
    println("-1e10 as i32 = {}", a(R.float_to_int(INT.i32, -1e10), T.i32));
    println("NaN as i32 = {}", a(R.float_to_int(INT.i32, NaN), T.i32));
    println("inf as u64 = {}", a(R.float_to_int(INT.u64, Infinity), T.u64));
    println("i32::MAX as f32 = {}", a(R.int_to_f32(INT.i32.MAX), T.f32));
    println("u64::MAX as f64 = {}", a(R.int_to_f64(INT.u64.MAX), T.f64));
    println("16777217i32 as f32 = {}", a(R.int_to_f32(16777217), T.f32));
    println("9007199254740993i64 as f64 = {}", a(R.int_to_f64(9007199254740993n), T.f64));
    println("0.1f64 as f32 = {}", a(R.f64_to_f32(0.1), T.f32));
    println("0.1f32 as f64 = {}", a(Math.fround(0.1), T.f64));
    println("1e40f64 as f32 = {}", a(R.f64_to_f32(1e40), T.f32));
    println("true as u8 = {}, false as i32 = {}", a(R.bool_to_int(true), T.u8), a(R.bool_to_int(false), T.i32));
    println("'A' as u32 = {}, 'é' as u8 = {}", a(R.char_to_int(INT.u32, "A"), T.u32), a(R.char_to_int(INT.u8, "é"), T.u8));
    println("97u8 as char = {:?}", a(R.u8_to_char(97), T.char));
    println("char::from_u32(0x263A) = {:?}", a(R.char_from_u32(0x263a), T.option(T.char)));
    println("i16::from(-5i8) = {}, u32::try_from(-1i64) is_err = {}", a(-5, T.i16), a(R.int_try_from(INT.u32, -1).is_err(), T.bool));
    const bytes = R.array_iter([1000, -1, 65]).map((x) => R.int_cast(INT.u8, x)).collect(R.Vec_from_iter);
    println("{:?}", a(bytes, T.vec(T.u8)));
  });
  expect(out).toBe(expected("casts_int_float"));
});

test("string_methods.rs", () => {
  const out = run(() => {
    const st = (v: string) => a(v, T.str);
    const s = "  Hello, Async World!  ";
    println("[{}] [{}] [{}]", st(R.str_trim(s)), st(R.str_trim_start(s)), st(R.str_trim_end(s)));
    const t = R.str_trim(s);
    println("{} / {} / len {}", a(R.str_to_uppercase(t), T.string), a(R.str_to_lowercase(t), T.string), a(R.str_len(t), T.usize));
    const ou = T.option(T.usize);
    println('find \'o\' {:?}, rfind \'o\' {:?}, find "Async" {:?}, find \'z\' {:?}', a(R.str_find(t, "o"), ou), a(R.str_rfind(t, "o"), ou), a(R.str_find(t, "Async"), ou), a(R.str_find(t, "z"), ou));
    println("{}", a(R.str_replace(t, "l", "L"), T.string));
    println("{}", a(R.str_replacen(t, "o", "0", 1), T.string));
    println("starts {} ends {} contains {}", a(R.str_starts_with(t, "Hello"), T.bool), a(R.str_ends_with(t, "!"), T.bool), a(R.str_contains(t, "World"), T.bool));
    println("{:?} {:?}", a(R.str_strip_prefix(t, "Hello, "), T.option(T.str)), a(R.str_strip_suffix(t, "?"), T.option(T.str)));
    const parts = R.str_split("a,b,,c", ",").collect(R.Vec_from_iter);
    println("{:?} {}", a(parts, T.vec(T.str)), a(parts.len(), T.usize));
    println("{:?}", a(R.str_split_whitespace("one  two\tthree\n").collect(R.Vec_from_iter), T.vec(T.str)));
    println("{:?}", a(R.str_split("k1=v1;k2=v2", ";").map((kv) => R.str_split_once(kv, "=")).collect(R.Vec_from_iter), T.vec(T.option(T.tuple(T.str, T.str)))));
    println("{:?}", a(R.str_split("a1b22c333", (c) => R.char_is_ascii_digit(c)).filter((p) => !R.str_is_empty(p)).collect(R.Vec_from_iter), T.vec(T.str)));
    println("{:?}", a(R.str_lines("line one\nline two\r\nlast").collect(R.Vec_from_iter), T.vec(T.str)));
    println("{:?}", a(R.str_chars("abc").rev().collect(R.String_from_iter), T.string));
    println("{:?}", a(R.str_bytes("hi!").collect(R.Vec_from_iter), T.vec(T.u8)));
    for (const [i, c] of R.str_char_indices("añb")) print("{}:{} ", a(i, T.usize), a(c, T.char));
    println("");
    const owned = R.String_from("pin");
    owned.push("!");
    owned.push_str(" me");
    owned.insert(0, ">");
    owned.insert_str(1, "> ");
    println("{} (len {}, empty {})", a(owned, T.string), a(owned.len(), T.usize), a(owned.is_empty(), T.bool));
    owned.truncate(5);
    const c1 = owned.clone();
    const p1 = owned.pop();
    println("{:?} pop {:?} -> {:?}", a(c1, T.string), a(p1, T.option(T.char)), a(owned, T.string));
    const joined = R.str_join(["x", "y", "z"], "-");
    // String::from("con") + "cat" + &joined
    const concat = R.String_from("con").add("cat").add(joined.s);
    println("{} {} {}", a(joined, T.string), a(concat, T.string), a(R.str_repeat("ab", 3), T.string));
    println("{}", a(format("{}{}", st("fmt"), a(1, T.i32)).eq("fmt1"), T.bool));
    const words = R.vec_of(["apple", "Banana", "cherry"]);
    const caps = words
      .iter()
      .map((w) => {
        const c = R.str_chars(w);
        const first = c.next();
        return first.tag === 1 ? R.char_to_uppercase(first._0).collect(R.String_from_iter).add(c.as_str()) : R.String_new();
      })
      .collect(R.Vec_from_iter);
    println("{:?}", a(caps, T.vec(T.string)));
    println("{:?} {:?}", a(R.str_cmp("Zebra", "apple"), T.ordering), a(R.str_eq_ignore_ascii_case("abc", "ABC"), T.bool));
    println("{:?}", a(R.str_index(t, { start: 7, end: 12 }, "44:23"), T.str));
    println("{:?}", a(R.str_chars(t).filter((c) => R.char_is_alphabetic(c)).count(), T.usize));
  });
  expect(out).toBe(expected("string_methods"));
});

test("slices_arrays.rs (without the slice patterns of describe, which are emit/'s)", () => {
  // fn sum(xs: &[i32]) -> i32 { xs.iter().sum() }
  const sum = (xs: R.Slice<number>) => xs.iter().sum(INT.i32, "2:15");
  // fn double_all(xs: &mut [i32]) { for x in xs.iter_mut() { *x *= 2; } }
  const doubleAll = (xs: R.Slice<number>) => {
    for (const x of xs.iter_mut("6:19")) x.set(R.i32_mul(x.get(), 2, "7:9"));
  };
  const arr = (xs: number[]) => a(xs, T.array(T.i32, xs.length));
  const sl = (xs: R.Slice<number>) => a(xs, T.slice(T.i32));
  const expectedLines = expected("slices_arrays").split("\n");
  const out = run(() => {
    const A = [1, 2, 3, 4, 5];
    const b = A.slice(); // let mut b = a; (arrays of Copy are Copy)
    R.array_set(b, 0, 100, "21:5");
    println("a {:?} b {:?} len {}", arr(A), arr(b), a(A.length, T.usize));
    println("{:?} {:?} {:?} {:?} {:?}", sl(R.array_slice(A, { start: 1, end: 3 })), sl(R.array_slice(A, { end: 2 })), sl(R.array_slice(A, { start: 3 })), sl(R.array_slice(A, {})), sl(R.array_slice(A, { start: 1, end: 3, inclusive: true })));
    const [left, right] = R.slice_of(A).split_at(2);
    println("split {:?} {:?}, sums {} {}", sl(left), sl(right), a(sum(left), T.i32), a(sum(right), T.i32));
    const v = R.vec_of([1, 2, 3]);
    doubleAll(v.as_mut_slice());
    doubleAll(R.array_slice(b, { start: 1, end: 3 }));
    println("v {:?} b {:?}", a(v, T.vec(T.i32)), arr(b));
    const oi = T.option(T.ref(T.i32));
    println("first {:?} last {:?} empty first {:?}", a(R.slice_of(A).first(), oi), a(R.slice_of(A).last(), oi), a(R.array_slice(A, { end: 0 }).first(), oi));
    println("contains 3: {}, starts_with [1,2]: {}", a(R.array_contains(A, 3), T.bool), a(R.slice_of(A).starts_with([1, 2]), T.bool));
    // let mut grid = [[0u8; 4]; 3];
    const grid = R.array_repeat(R.array_repeat(0, 4), 3, (row) => row.slice());
    for (const [r, row] of R.slice_of(grid).iter_mut("29:27").enumerate()) {
      for (const [c, cell] of R.slice_of(row.get()).iter_mut("30:31").enumerate()) {
        cell.set(R.int_cast(INT.u8, R.usize_add(R.usize_mul(r, 4), c)));
      }
    }
    println("{:?}", a(grid, T.array(T.array(T.u8, 4), 3)));
    println("grid[2][3] = {}, column 1 = {:?}", a(R.array_index(R.array_index(grid, 2), 3), T.u8), a(R.array_iter(grid).map((row) => R.array_index(row, 1)).collect(R.Vec_from_iter), T.vec(T.u8)));
  });
  // The lines describe() prints come from slice patterns (emit/'s job); compare the rest.
  const outLines = out.split("\n");
  expect(outLines.slice(0, 8)).toEqual(expectedLines.slice(0, 8));
  const rest = run(() => {
    println("pair {} {}", a(10, T.i32), a(20, T.i32));
    const words = ["pin", "box", "arc"];
    const lens = R.array_map(words, (w) => R.str_len(w));
    println("{:?} total {}", a(lens, T.array(T.usize, 3)), a(R.array_iter(lens).sum(INT.usize), T.usize));
    const sorted = [5, 2, 9, 1];
    R.slice_of(sorted).sort_unstable();
    println("{:?} {:?}", arr(sorted), a(R.array_iter(sorted).rev().collect(R.Vec_from_iter), T.vec(T.ref(T.i32))));
    const filled = [R.String_from("s"), R.String_new()];
    println("{:?}", a(filled, T.array(T.string, 2)));
    println("{}", a(R.array_iter([1.5, 2.5]).map((x) => x * 2.0).sum_f64(), T.f64));
  });
  expect(rest.split("\n").slice(0, 5)).toEqual(expectedLines.slice(12, 17));
});

test("iterators_chain.rs", () => {
  // struct Countdown(u32); impl Iterator for Countdown { … }
  class Countdown extends R.RIter<number> {
    constructor(public _0: number) {
      super();
    }
    override next(): R.Option<number> {
      if (this._0 === 0) return R.None();
      this._0 = R.u32_sub(this._0, 1, "8:13");
      return R.Some(R.u32_add(this._0, 1, "9:18"));
    }
  }
  const out = run(() => {
    const v = R.vec_of([3, 1, 4, 1, 5, 9, 2, 6]);
    const vi = T.vec(T.i32);
    const vr = T.vec(T.ref(T.i32));
    println("{:?}", a(v.iter().map((x) => R.i32_mul(x, 2)).collect(R.Vec_from_iter), vi));
    println("{:?}", a(v.iter().filter((x) => R.int_rem(INT.i32, x, 2) === 1).collect(R.Vec_from_iter), vr));
    for (const [i, x] of v.iter().enumerate().skip(5)) print("{}:{} ", a(i, T.usize), a(x, T.i32));
    println("");
    const names = ["a", "b", "c"];
    println("{:?}", a(R.array_iter(names).zip(v.iter()).collect(R.Vec_from_iter), T.vec(T.tuple(T.ref(T.str), T.ref(T.i32)))));
    println("{:?}", a(v.iter().rev().take(3).collect(R.Vec_from_iter), vr));
    println("{:?}", a(v.iter().take_while((x) => x < 5).collect(R.Vec_from_iter), vr));
    println("{:?}", a(v.iter().skip_while((x) => x < 5).collect(R.Vec_from_iter), vr));
    println("{:?}", a(R.range(INT.i32, 1, 4).chain(R.range(INT.i32, 7, 9)).collect(R.Vec_from_iter), vi));
    println("{:?}", a(R.range(INT.i32, 1, 4).flat_map((i) => R.range(INT.i32, 0, i).map((j) => R.i32_add(R.i32_mul(i, 10), j))).collect(R.Vec_from_iter), vi));
    println("{:?}", a(R.range(INT.i32, 0, 20).step_by(6).collect(R.Vec_from_iter), vi));
    println("{:?}", a(v.windows(3).map((w) => w.iter().sum(INT.i32)).collect(R.Vec_from_iter), vi));
    println("{:?}", a(v.chunks(3).collect(R.Vec_from_iter), T.vec(T.slice(T.i32))));
    println("fold {}", a(v.iter().fold(R.String_new(), (acc, x) => format("{}{}", a(acc, T.string), a(x, T.i32))), T.string));
    println("sum {} product {}", a(v.iter().sum(INT.i32), T.i32), a(v.iter().product(INT.i32), T.i32));
    println("count>2 {} any>8 {} all>0 {}", a(v.iter().filter((x) => x > 2).count(), T.usize), a(v.iter().any((x) => x > 8), T.bool), a(v.iter().all((x) => x > 0), T.bool));
    println("find {:?} position {:?}", a(v.iter().find((x) => x > 4), T.option(T.ref(T.i32))), a(v.iter().position((x) => x === 9), T.option(T.usize)));
    const words = ["pin", "future", "waker", "box"];
    const os = T.option(T.ref(T.str));
    println("min_by_key {:?} max_by {:?}", a(R.array_iter(words).min_by_key((w) => R.str_len(w)), os), a(R.array_iter(words).max_by((x, y) => R.desc_cmp(T.usize, R.str_len(x), R.str_len(y))), os));
    println("last {:?} nth(1) {:?}", a(R.array_iter(words).last(), os), a(R.array_iter(words).nth(1), os));
    const s = R.array_iter(words).map((w) => R.str_chars(w).next().unwrap()).collect(R.String_from_iter);
    println("initials {}", a(s, T.string));
    println("countdown {:?}", a(new Countdown(4).collect(R.Vec_from_iter), T.vec(T.u32)));
    println("countdown sum {}", a(new Countdown(100).sum(INT.u32), T.u32));
    const evens = new Countdown(10).filter((n) => n % 2 === 0).map((n) => R.u32_mul(n, n)).collect(R.Vec_from_iter);
    println("{:?}", a(evens, T.vec(T.u32)));
    const it = v.iter().peekable();
    const runs = R.Vec_new<number>();
    for (let o = it.next(); o.tag === 1; o = it.next()) {
      const x = o._0;
      let len = 1;
      while (it.peek().map_or(false, (n) => n > x)) {
        it.next();
        len = R.i32_add(len, 1);
      }
      runs.push(len);
    }
    println("runs {:?}", a(runs, vi));
    const [small, big] = v.iter().partition((x) => x < 4, R.Vec_from_iter);
    println("{:?} {:?}", a(small, vi), a(big, vi));
    println("{:?}", a(R.i32_sub(v.iter().copied().max().unwrap_or(0), v.iter().copied().min().unwrap_or(0)), T.i32));
  });
  expect(out).toBe(expected("iterators_chain"));
});

test("option_combinators.rs", () => {
  // #[derive(Debug, Clone, Default)] struct User { name: String, email: Option<String>, age: Option<u32> }
  type User = { name: R.RString; email: R.Option<R.RString>; age: R.Option<number> };
  // fn domain(u: &User) -> Option<&str> { let email = u.email.as_ref()?; let at = email.find('@')?; Some(&email[at + 1..]) }
  const domain = (u: User): R.Option<string> => {
    const email = u.email.as_ref().branch();
    if (email === R.TRY_BREAK) return R.None();
    const at = email.find("@").branch();
    if (at === R.TRY_BREAK) return R.None();
    return R.Some(email.index({ start: R.usize_add(at, 1) as number }, "11:11"));
  };
  const out = run(() => {
    const users = R.vec_of<User>([
      { name: R.String_from("ada"), email: R.Some(R.String_from("ada@math.org")), age: R.Some(36) },
      { name: R.String_from("bob"), email: R.Some(R.String_from("bob-at-nowhere")), age: R.None() },
      // User { name: "cy".into(), ..Default::default() }
      { name: R.String_from("cy"), email: R.None(), age: R.None() },
    ]);
    for (const u of users.iter()) {
      println(
        "{}: domain {:?}, age+1 {:?}, adult {:?}, age or 0 {}, email len {}",
        a(u.name, T.string),
        a(domain(u), T.option(T.str)),
        a(u.age.map((x) => R.u32_add(x, 1)), T.option(T.u32)),
        a(u.age.filter((x) => x >= 18).is_some(), T.bool),
        a(u.age.unwrap_or(0), T.u32),
        a(u.email.as_ref().map_or(0, (e) => e.len()), T.usize),
      );
    }
    const firstAge = users.iter().find_map((u) => u.age);
    println("first age {:?}", a(firstAge, T.option(T.u32)));
    const r = users.index(1).age.ok_or("no age");
    println("ok_or: {:?}", a(r, T.result(T.u32, T.str)));
    const parsed = R.Some("42").and_then((s) => R.int_parse(INT.i32, s).ok());
    const bad = R.Some("x").and_then((s) => R.int_parse(INT.i32, s).ok());
    println("and_then: {:?} {:?}", a(parsed, T.option(T.i32)), a(bad, T.option(T.i32)));
    const oi = T.option(T.i32);
    println("or: {:?} {:?} {:?}", a(R.None<number>().or(R.Some(1)), oi), a(R.Some(2).or(R.Some(3)), oi), a(R.None<number>().or_else(() => R.Some(4)), oi));
    println("xor: {:?} {:?}", a(R.Some(1).xor(R.None()), oi), a(R.Some(1).xor(R.Some(2)), oi));
    println("zip: {:?} {:?}", a(R.Some(1).zip(R.Some("a")), T.option(T.tuple(T.i32, T.char))), a(R.Some(1).zip(R.None<string>()), T.option(T.tuple(T.i32, T.char))));
    println("unwrap_or_default: {:?} {:?}", a(R.None<R.RString>().unwrap_or_default(() => R.String_new()), T.string), a(R.None<number>().unwrap_or_else(() => 9), T.u8));
    const slot = R.None<R.RVec<number>>();
    slot.get_or_insert_with(() => R.Vec_new()).push(1);
    slot.as_mut("46:5").unwrap().get().push(2);
    const ov = T.option(T.vec(T.i32));
    println("slot {:?}", a(slot, ov));
    const old = slot.replace(R.vec_of([9]));
    println("replaced {:?} now {:?}", a(old, ov), a(slot, ov));
    const taken = slot.take();
    println("taken {:?} now {:?}", a(taken, ov), a(slot, ov));
    const v = R.vec_of([1, 2, 3]);
    println("copied {:?} is_some_and {}", a(v.first(), oi), a(v.last().is_some_and((x) => x > 2), T.bool));
    const total = R.Option_sum(R.vec_of([R.Some(1), R.Some(2), R.Some(3)]).into_iter(), INT.i32);
    const missing = R.vec_of([R.Some(1), R.None<number>()]).into_iter().collect(R.Option_from_iter(R.Vec_from_iter));
    println("sum {:?}, collect {:?}", a(total, oi), a(missing, ov));
    const short = users.iter().find((u) => u.name.len() === 2);
    if (short.tag === 1) println("short name {}", a(short._0.name, T.string));
    else println("none short");
    println("{:?}", a(users.iter().map((u) => T.option(T.string).clone!(u.email).unwrap_or_else(() => format("{}@local", a(u.name, T.string)))).collect(R.Vec_from_iter), T.vec(T.string)));
  });
  expect(out).toBe(expected("option_combinators"));
});

test("result_combinators.rs", () => {
  // #[derive(Debug, PartialEq)] enum CalcError { DivByZero, Parse(String), Overflow { a: i32, b: i32 } } + impl Display
  type CalcError = { tag: 0 } | { tag: 1; _0: R.RString } | { tag: 2; a: number; b: number };
  const CalcErrorT: R.TypeDesc<CalcError> = T.enum<CalcError>({
    name: "CalcError",
    variants: [
      { name: "DivByZero", shape: "unit", fields: [] },
      { name: "Parse", shape: "tuple", fields: [{ name: "_0", t: T.string }] },
      { name: "Overflow", shape: "named", fields: [{ name: "a", t: T.i32 }, { name: "b", t: T.i32 }] },
    ],
    derive: ["Debug", "PartialEq"],
    impls: {
      display: (self, f) => {
        switch (self.tag) {
          case 0:
            return f.write_fmt(fmtArgs("division by zero", []));
          case 1:
            return f.write_fmt(fmtArgs("cannot parse {:?}", [a(self._0, T.string)]));
          case 2:
            return f.write_fmt(fmtArgs("{} * {} overflows", [a(self.a, T.i32), a(self.b, T.i32)]));
        }
      },
    },
  });
  type Res = R.Result<number, CalcError>;
  const parse = (s: string): Res => R.int_parse(INT.i32, s).map_err((): CalcError => ({ tag: 1, _0: R.str_to_string(s) }));
  const div = (x: number, y: number): Res => (y === 0 ? R.Err({ tag: 0 }) : R.Ok(R.int_div(INT.i32, x, y)));
  const mul = (x: number, y: number): Res => R.int_checked_mul(INT.i32, x, y).ok_or<CalcError>({ tag: 2, a: x, b: y });
  const evalAB = (x: string, y: string): Res => {
    const px = parse(x).branch();
    if (px === R.TRY_BREAK) return parse(x).residual();
    const py = parse(y).branch();
    if (py === R.TRY_BREAK) return parse(y).residual();
    const dq = div(px, py);
    const q = dq.branch();
    if (q === R.TRY_BREAK) return dq.residual();
    return mul(q, py);
  };
  const RT = T.result(T.i32, CalcErrorT);
  const out = run(() => {
    for (const [x, y] of [["84", "2"], ["1", "0"], ["x", "1"], ["2000000000", "1"], ["-9", "4"]] as const) {
      const r = evalAB(x, y);
      if (r.tag === 0) println("eval({}, {}) = {}", a(x, T.str), a(y, T.str), a(r._0 as number, T.i32));
      else println("eval({}, {}) failed: {} / {:?}", a(x, T.str), a(y, T.str), a(r._0 as CalcError, CalcErrorT), a(r._0 as CalcError, CalcErrorT));
    }
    println("{:?}", a(mul(70000, 70000), RT));
    println("map: {:?} {:?}", a(div(9, 3).map((v) => v * 10), RT), a(div(1, 0).map((v) => v * 10), RT));
    println("and_then: {:?}", a(parse("12").and_then((v) => div(v, 4)), RT));
    println("or_else: {:?}", a(div(1, 0).or_else(() => div(1, 1)), RT));
    println("unwrap_or: {} {}", a(div(8, 0).unwrap_or(-1), T.i32), a(div(8, 2).unwrap_or(-1), T.i32));
    println("ok/err: {:?} {:?}", a(div(8, 0).ok(), T.option(T.i32)), a(div(8, 0).err(), T.option(CalcErrorT)));
    println("is_ok {} is_err {}", a(parse("7").is_ok(), T.bool), a(parse("7").is_err(), T.bool));
    const all = R.array_iter(["1", "2", "3"]).map(parse).collect(R.Result_from_iter(R.Vec_from_iter));
    const someBad = R.array_iter(["1", "two", "3", "four"]).map(parse).collect(R.Result_from_iter(R.Vec_from_iter));
    const RV = T.result(T.vec(T.i32), CalcErrorT);
    println("{:?}\n{:?}", a(all, RV), a(someBad, RV));
    const [oks, errs] = R.array_iter(["5", "x", "6"]).map(parse).partition((r) => r.is_ok(), R.Vec_from_iter);
    println("oks {:?} errs {:?}", a(oks, T.vec(RT)), a(errs, T.vec(RT)));
    const sum = R.array_iter(["5", "x", "6"]).filter_map((s) => parse(s).ok()).sum(INT.i32);
    println("sum of parsable = {}", a(sum, T.i32));
    println("equal: {}", a(RT.eq!(evalAB("1", "0"), R.Err({ tag: 0 })), T.bool));
    // let nested: Result<Option<i32>, CalcError> = Some(parse("3")).transpose();
    const transposed = R.Option_transpose(R.Some(parse("3")));
    println("transpose {:?}", a(transposed, T.result(T.option(T.i32), CalcErrorT)));
  });
  expect(out).toBe(expected("result_combinators"));
});

test("vecdeque_ops.rs", () => {
  // struct History { cap: usize, items: VecDeque<String> } with record()
  type History = { cap: number; items: R.RVecDeque<R.RString> };
  const record = (self: History, s: string) => {
    if (self.items.len() === self.cap) {
      const old = self.items.pop_front().unwrap("11:45");
      println("  evict {:?}", a(old, T.string));
    }
    self.items.push_back(R.str_to_string(s));
  };
  const out = run(() => {
    const q = R.VecDeque_new<number>();
    q.push_back(1);
    q.push_back(2);
    q.push_front(0);
    q.push_front(-1);
    const dq = T.vecDeque(T.i32);
    const oi = T.option(T.i32);
    println("{:?} len {} front {:?} back {:?}", a(q, dq), a(q.len(), T.usize), a(q.front(), oi), a(q.back(), oi));
    const f1 = q.pop_front();
    const b1 = q.pop_back();
    println("pop_front {:?} pop_back {:?} -> {:?}", a(f1, oi), a(b1, oi), a(q, dq));
    q.extend([7, 8, 9]);
    q.rotate_left(2);
    println("rotated {:?}, q[1] = {}", a(q, dq), a(q.index(1, "28:40"), T.i32));
    q.set(0, 100, "29:5");
    println("contains 8: {}, iter rev: {:?}", a(q.contains(8), T.bool), a(q.iter().rev().collect(R.Vec_from_iter), T.vec(T.i32)));
    const slice = q.make_contiguous();
    slice.sort();
    println("sorted {:?}", a(q, dq));
    const v = q.into_iter().collect(R.Vec_from_iter);
    println("into vec {:?}", a(v, T.vec(T.i32)));
    const fromVec = R.VecDeque_from_iter(R.vec_of(["a", "b", "c"]));
    const x = fromVec.get_mut(1, "38:26");
    if (x.tag === 1) x._0.set("B");
    fromVec.retain((c) => c !== "c");
    println("{:?} {:?}", a(fromVec, T.vecDeque(T.char)), a(fromVec.iter().collect(R.String_from_iter), T.string));
    const h: History = { cap: 3, items: R.VecDeque_new() };
    for (const cmd of ["ls", "cd /", "pwd", "ls -l", "exit"]) {
      println("record {:?}", a(cmd, T.str));
      record(h, cmd);
    }
    println("history {:?}", a(h.items, T.vecDeque(T.string)));
    const work = R.VecDeque_from_iter(R.vec_of<[number, number]>([[1, 3]]));
    const order = R.Vec_new<number>();
    for (let o = work.pop_front(); o.tag === 1; o = work.pop_front()) {
      const [id, depth] = o._0;
      order.push(id);
      if (depth > 0) {
        work.push_back([R.u32_mul(id, 2), R.u32_sub(depth, 1)]);
        work.push_back([R.u32_add(R.u32_mul(id, 2), 1), R.u32_sub(depth, 1)]);
      }
    }
    println("breadth-first {:?}", a(order, T.vec(T.u32)));
    const q2 = R.VecDeque_with_capacity<number>(2);
    println("{:?} {}", a(q2, dq), a(q2.is_empty(), T.bool));
  });
  expect(out).toBe(expected("vecdeque_ops"));
});

test("arith_wrapping_checked_saturating.rs", () => {
  const out = run(() => {
    const U8 = INT.u8;
    const ou8 = T.option(T.u8);
    const x = 200;
    const y = 100;
    println("u8 200+100: wrapping {}, checked {:?}, saturating {}, overflowing {:?}", a(R.int_wrapping_add(U8, x, y), T.u8), a(R.int_checked_add(U8, x, y), ou8), a(R.int_saturating_add(U8, x, y), T.u8), a(R.int_overflowing_add(U8, x, y), T.tuple(T.u8, T.bool)));
    println("u8 100-200: wrapping {}, checked {:?}, saturating {}, overflowing {:?}", a(R.int_wrapping_sub(U8, y, x), T.u8), a(R.int_checked_sub(U8, y, x), ou8), a(R.int_saturating_sub(U8, y, x), T.u8), a(R.int_overflowing_sub(U8, y, x), T.tuple(T.u8, T.bool)));
    const c = -100;
    println("i8 -100*2: wrapping {}, checked {:?}, saturating {}", a(R.int_wrapping_mul(INT.i8, c, 2), T.i8), a(R.int_checked_mul(INT.i8, c, 2), T.option(T.i8)), a(R.int_saturating_mul(INT.i8, c, 2), T.i8));
    println("i8 MIN abs: wrapping {}, checked {:?}", a(R.int_wrapping_abs(INT.i8, -128), T.i8), a(R.int_checked_abs(INT.i8, -128), T.option(T.i8)));
    println("i32 MAX+1 wrapping {}", a(R.int_wrapping_add(INT.i32, INT.i32.MAX, 1), T.i32));
    println("i32 MIN-1 saturating {}", a(R.int_saturating_sub(INT.i32, INT.i32.MIN, 1), T.i32));
    println("i32 MIN / -1 wrapping {}, checked {:?}", a(R.int_wrapping_div(INT.i32, INT.i32.MIN, -1), T.i32), a(R.int_checked_div(INT.i32, INT.i32.MIN, -1), T.option(T.i32)));
    const e = 300;
    println("u16 300^2 wrapping {}, checked {:?}", a(R.int_wrapping_mul(INT.u16, e, e), T.u16), a(R.int_checked_mul(INT.u16, e, e), T.option(T.u16)));
    println("u32 pow: 3^20 = {}, checked 3^21 = {:?}", a(R.int_pow(INT.u32, 3, 20), T.u32), a(R.int_checked_pow(INT.u32, 3, 21), T.option(T.u32)));
    println("u64 MAX+1 wrapping {}", a(R.int_wrapping_add(INT.u64, INT.u64.MAX, 1), T.u64));
    println("i64 MAX saturating +1 = {}", a(R.int_saturating_add(INT.i64, INT.i64.MAX, 1), T.i64));
    println("i64 wrapping 2^63 = {}", a(R.int_wrapping_pow(INT.i64, 2, 63), T.i64));
    println("abs(-5) = {}, signum(-5) = {}, min = {}, max = {}", a(R.int_abs(INT.i32, -5), T.i32), a(R.int_signum(-5), T.i32), a(R.int_min(3, 9), T.i32), a(R.int_max(3, 9), T.i32));
    println("-7 div_euclid 2 = {}, rem_euclid = {}", a(R.int_div_euclid(INT.i32, -7, 2), T.i32), a(R.int_rem_euclid(INT.i32, -7, 2), T.i32));
    let acc = 0;
    for (const step of [100, 100, 100, 100]) {
      acc = R.int_wrapping_add(U8, acc, step);
      print("{} ", a(acc, T.u8));
    }
    println("");
    const total = R.array_iter([250, 10, 3]).fold(0, (s, v) => R.int_saturating_add(U8, s, v));
    println("saturating fold = {}", a(total, T.u8));
    const sum = R.array_iter([100, 100, 100]).try_fold(0, (s, v) => R.int_checked_add(U8, s, v));
    println("checked fold = {:?}", a(sum, ou8));
    println("count_ones(0xF0F0) = {}, leading_zeros(1u32) = {}, trailing_zeros(8u8) = {}", a(R.int_count_ones(INT.u16, 0xf0f0), T.u32), a(R.int_leading_zeros(INT.u32, 1), T.u32), a(R.int_trailing_zeros(U8, 8), T.u32));
    println("is_power_of_two(64) = {}, next_power_of_two(65) = {}", a(R.int_is_power_of_two(64), T.bool), a(R.int_next_power_of_two(INT.u32, 65), T.u32));
  });
  expect(out).toBe(expected("arith_wrapping_checked_saturating"));
});

test("fmt_display_impl.rs", () => {
  // impl Display for Celsius: match f.precision() { Some(p) => write!(f, "{:.*}°C", p, self.0), None => write!(f, "{}°C", self.0) }
  const CelsiusT = T.struct<{ _0: number }>({
    name: "Celsius",
    shape: "tuple",
    fields: [{ name: "_0", t: T.f64 }],
    impls: {
      display: (self, f) => {
        const p = f.precision();
        return p.tag === 1 ? f.write_fmt(fmtArgs("{:.*}°C", [a(p._0, T.usize), a(self._0, T.f64)])) : f.write_fmt(fmtArgs("{}°C", [a(self._0, T.f64)]));
      },
    },
  });
  // impl Display for Tag { f.pad(self.0) }
  const TagT = T.struct<{ _0: string }>({ name: "Tag", shape: "tuple", fields: [{ name: "_0", t: T.str }], impls: { display: (self, f) => f.pad(self._0) } });
  // impl Display for Matrix: for row in &self.0 { if f.alternate() { writeln!(f, "| {:>3} {:>3} |", …)? } else { write!(f, "[{} {}]", …)? } } Ok(())
  const MatrixT = T.struct<{ _0: number[][] }>({
    name: "Matrix",
    shape: "tuple",
    fields: [{ name: "_0", t: T.array(T.array(T.i32, 2), 2) }],
    impls: {
      display: (self, f) => {
        for (const row of R.array_iter(self._0)) {
          const r = f.alternate()
            ? f.write_fmt(fmtArgs("| {:>3} {:>3} |\n", [a(R.array_index(row, 0), T.i32), a(R.array_index(row, 1), T.i32)]))
            : f.write_fmt(fmtArgs("[{} {}]", [a(R.array_index(row, 0), T.i32), a(R.array_index(row, 1), T.i32)]));
          if (r.is_err()) return r;
        }
        return R.FMT_OK;
      },
    },
  });
  const SecretT = T.struct<object>({
    name: "Secret",
    shape: "unit",
    fields: [],
    impls: {
      debug: (_self, f) => f.write_str("Secret(***)"),
      display: (_self, f) => f.write_fmt(fmtArgs("width={:?} fill={:?}", [a(f.width(), T.option(T.usize)), a(f.fill(), T.char)])),
    },
  });
  const out = run(() => {
    const t = { _0: 21.456 };
    println("[{}] [{:.1}] [{:>12}]", a(t, CelsiusT), a(t, CelsiusT), a(t, CelsiusT));
    const tag = { _0: "pin" };
    println("[{}] [{:>6}] [{:-^9}] [{:.2}]", a(tag, TagT), a(tag, TagT), a(tag, TagT), a(tag, TagT));
    const m = { _0: [[1, 20], [300, -4]] };
    println("{}", a(m, MatrixT));
    print("{:#}", a(m, MatrixT));
    const sec = {};
    println("{:?} {:#?} [{}] [{:*<7}]", a(sec, SecretT), a(sec, SecretT), a(sec, SecretT), a(sec, SecretT));
    const s = R.to_string({ _0: "as string" }, TagT);
    const f = format("<{:>12}>", a({ _0: "formatted" }, TagT));
    println("{} {} {}", a(s, T.string), a(f, T.string), a(f.len(), T.usize));
    const outS = R.String_new();
    R.write_to_string(outS, fmtArgs("{}-{}", [a(1, T.i32), a({ _0: "two" }, TagT)])).unwrap(() => "");
    R.writeln_to_string(outS, fmtArgs("!", [])).unwrap(() => "");
    print("{}", a(outS, T.string));
  });
  expect(out).toBe(expected("fmt_display_impl"));
});

test("fmt_display_debug.rs", () => {
  const out = run(() => {
    const s = 'tab\there "quoted" back\\slash\nnewline';
    println("{}", a(s, T.str));
    println("{:?}", a(s, T.str));
    println("{:?} {:?} {:?} {:?}", a("a", T.char), a("'", T.char), a("\n", T.char), a('"', T.char));
    println("{} {:?}", a("é", T.char), a("naïve café ☕", T.str));
    println("{:?}", a("\u{7f} \u{0} \r", T.str));
    println("{} {:?} {} {:?}", a(true, T.bool), a(false, T.bool), a(42, T.u8), a(-17, T.i64));
    println("{:?} {:?}", a(undefined, T.unit), a([undefined], T.tuple(T.unit)));
    const n = 5;
    println("{} {:?} {}", a(n, T.ref(T.ref(T.i32))), a(n, T.ref(T.ref(T.i32))), a(R.i32_add(n, 1), T.i32));
    const b = new RBox(R.String_from("boxed"));
    println("{} {:?}", a(b, T.box(T.string)), a(b, T.box(T.string)));
    println("{:?} {:?} {:?}", a(R.Some("x"), T.option(T.str)), a(R.None<number>(), T.option(T.i32)), a(R.Some(R.Some(3)), T.option(T.option(T.i32))));
    const rt = T.result(T.u8, T.string);
    println("{:?} {:?}", a(R.Ok<number, R.RString>(1), rt), a(R.Err<number, R.RString>(R.str_to_string("bad")), rt));
    println("{:?}", a([1, "two", 3.0, "4", R.array_repeat(5, 2)], T.tuple(T.i32, T.str, T.f64, T.char, T.array(T.u8, 2))));
    println("{:?}", a([[1, 2], [3, 4]], T.array(T.array(T.i32, 2), 2)));
    println("{:?}", a(R.vec_of([R.Some(1), R.None<number>()]), T.vec(T.option(T.i32))));
    println("{:?}", a(R.vec_of([R.String_from('a"b'), R.String_from("c")]), T.vec(T.string)));
    println("{:?} {:?}", a(R.Vec_new<number>(), T.vec(T.i32)), a([], T.ref(T.array(T.u8, 0))));
    println("{:?}", a("multi\nline", T.str));
    const slice = R.array_slice([1.5, 2.0, -0.0], {});
    println("{:?}", a(slice, T.slice(T.f64)));
    println("{}", a(R.String_from("plain").add(" and ").add(R.to_string(5, T.i32).s), T.string));
  });
  expect(out).toBe(expected("fmt_display_debug"));
});

test("derive_traits.rs", () => {
  type Version = { major: number; minor: number; patch: number };
  const VersionT = T.struct<Version>({
    name: "Version",
    shape: "named",
    fields: [
      { name: "major", t: T.u8 },
      { name: "minor", t: T.u8 },
      { name: "patch", t: T.u8 },
    ],
    make: ([major, minor, patch]) => ({ major, minor, patch }) as Version,
    derive: ["Debug", "Clone", "Copy", "PartialEq", "Eq", "PartialOrd", "Ord", "Default"],
  });
  type Level = { tag: number; _0?: number; boost?: number };
  const LevelT = T.enum<Level>({
    name: "Level",
    variants: [
      { name: "Low", shape: "unit", fields: [] },
      { name: "Mid", shape: "tuple", fields: [{ name: "_0", t: T.u8 }] },
      { name: "High", shape: "named", fields: [{ name: "boost", t: T.u8 }] },
    ],
    derive: ["Debug", "Clone", "PartialEq", "Eq", "PartialOrd", "Ord"],
  });
  type Package = { name: R.RString; version: Version; deps: R.RVec<R.RString>; score: number };
  const PackageT = T.struct<Package>({
    name: "Package",
    shape: "named",
    fields: [
      { name: "name", t: T.string },
      { name: "version", t: VersionT },
      { name: "deps", t: T.vec(T.string) },
      { name: "score", t: T.f32 },
    ],
    make: ([name, version, deps, score]) => ({ name, version, deps, score }) as Package,
    derive: ["Debug", "Clone", "Default", "PartialEq"],
  });
  const out = run(() => {
    const v = (major: number, minor: number, patch: number): Version => ({ major, minor, patch });
    const versions = R.vec_of([v(1, 2, 3), v(0, 9, 0), v(1, 10, 0), v(1, 2, 3)]);
    versions.sort(VersionT.cmp);
    versions.dedup(VersionT.eq);
    println("{:?}", a(versions, T.vec(VersionT)));
    println("max {:?}", a(versions.iter().max(VersionT.cmp), T.option(T.ref(VersionT))));
    const v0 = R.desc_clone(VersionT, versions.index(0)); // let v = versions[0]; (Copy)
    const copy = R.desc_clone(VersionT, v0);
    println("{:?} == {:?}: {}, < : {}", a(v0, VersionT), a(copy, VersionT), a(R.desc_eq(VersionT, v0, copy), T.bool), a(R.desc_cmp(VersionT, v0, versions.index(1)) < 0, T.bool));
    println("default {:?}", a(R.desc_default(VersionT), VersionT));
    const levels = R.vec_of<Level>([{ tag: 2, boost: 1 }, { tag: 1, _0: 5 }, { tag: 0 }, { tag: 1, _0: 2 }]);
    levels.sort(LevelT.cmp);
    println("{:?}", a(levels, T.vec(LevelT)));
    println("{}", a(R.desc_cmp(LevelT, { tag: 1, _0: 200 }, { tag: 2, boost: 0 }) < 0, T.bool));
    // Package { name: "pinion".into(), deps: vec!["tree-sitter".into()], ..Default::default() }
    const d = R.desc_default(PackageT);
    const base: Package = { name: R.String_from("pinion"), version: d.version, deps: R.vec_of([R.String_from("tree-sitter")]), score: d.score };
    const fork = R.desc_clone(PackageT, base);
    fork.deps.push(R.String_from("prettier"));
    fork.version.minor = 1;
    println("{:?}", a(base, PackageT));
    println("{:?}", a(fork, PackageT));
    println("equal {} partial_cmp {:?}", a(R.desc_eq(PackageT, base, fork), T.bool), a(R.desc_partial_cmp(T.f32, 1, NaN), T.option(T.ordering)));
    println("{:?}", a(R.desc_max(LevelT, { tag: 0 }, { tag: 1, _0: 0 }), LevelT));
    println("{:?}", a(R.ordering_then(R.str_cmp("b", "a"), R.desc_cmp(T.i32, 1, 2)), T.ordering));
  });
  expect(out).toBe(expected("derive_traits"));
});

test("cell_refcell.rs (core's cells formatted through std's descriptors)", () => {
  // struct Stats { hits: Cell<u32>, names: RefCell<Vec<String>> } with hit(&self, name)
  type Stats = { hits: C.Cell<number>; names: C.RefCell<R.RVec<R.RString>> };
  const hit = (self: Stats, name: string) => {
    self.hits.set(R.u32_add(self.hits.get(), 1, "11:23"));
    const g = self.names.borrow_mut("12:20");
    g.v.push(R.str_to_string(name));
    g.$drop();
  };
  const vs = T.vec(T.string);
  const out = run(() => {
    const c = new C.Cell(10);
    c.set(R.i32_mul(c.get(), 2));
    const old = c.replace(7);
    const now = c.get();
    const taken = c.take(T.i32);
    println("cell: old {} now {} take {} after take {}", a(old, T.i32), a(now, T.i32), a(taken, T.i32), a(c.get(), T.i32));
    const s: Stats = { hits: new C.Cell(0), names: new C.RefCell(R.Vec_new()) };
    hit(s, "a");
    hit(s, "b");
    {
      const g = s.names.borrow("25:54");
      println("hits {} names {:?}", a(s.hits.get(), T.u32), a(g, T.ref_guard(vs)));
      g.$drop();
    }
    {
      const r1 = s.names.borrow("27:18");
      // The temporaries `try_borrow()` / `try_borrow_mut()` return are dropped at the end of the statement.
      const t1 = s.names.try_borrow();
      const t2 = s.names.try_borrow_mut();
      println("try_borrow while shared: ok {}; try_borrow_mut: err {}", a(t1.is_ok(), T.bool), a(t2.is_err(), T.bool));
      dropGuard(t1);
      dropGuard(t2);
      println("first {}", a(r1.v.index(0, "29:30"), T.string));
      r1.$drop();
    }
    {
      const w = s.names.borrow_mut("32:21");
      w.v.push(R.str_to_string("c"));
      w.v.retain((n) => !n.eq("a"));
      const t3 = s.names.try_borrow();
      println("try_borrow while mutably borrowed: err {}", a(t3.is_err(), T.bool));
      dropGuard(t3);
      w.$drop();
    }
    const previous = s.names.replace(R.vec_of([R.str_to_string("fresh")]));
    {
      const g = s.names.borrow("38:59");
      println("replaced {:?} with {:?}", a(previous, vs), a(g, T.ref_guard(vs)));
      g.$drop();
    }
    const shared = C.Rc_new(new C.RefCell(R.Vec_new<number>()));
    const p = C.Rc_clone(shared);
    const producer = (n: number) => {
      const g = p.v.borrow_mut("43:23");
      g.v.push(n);
      g.$drop();
    };
    const q = C.Rc_clone(shared);
    const summer = () => {
      const g = q.v.borrow("47:20");
      const r = g.v.iter().sum(INT.u32);
      g.$drop();
      return r;
    };
    for (const n of [3, 4, 5]) producer(n);
    const sum = summer();
    const g2 = shared.v.borrow("52:45");
    println("sum {} len {} rc {}", a(sum, T.u32), a(g2.v.len(), T.usize), a(C.Rc_strong_count(shared), T.usize));
    g2.$drop();
    const value = new C.RefCell(1);
    {
      const g = value.borrow_mut("54:6");
      g.v = R.i32_add(g.v, 41);
      g.$drop();
    }
    println("{:?}", a(value, T.refCell(T.i32)));
    println("into_inner {}", a(value.into_inner(), T.i32));
    const cells = [new C.Cell(1), new C.Cell(2), new C.Cell(3)];
    for (const cell of R.array_iter(cells)) cell.set(R.i32_mul(cell.get(), 10));
    println("{:?}", a(R.array_iter(cells).map((x) => x.get()).collect(R.Vec_from_iter), T.vec(T.i32)));
  });
  expect(out).toBe(expected("cell_refcell"));
});

test("atomics_mutex.rs (core's atomics and Mutex formatted through std's descriptors)", () => {
  const out = run(() => {
    // static NEXT_ID: AtomicU32 = AtomicU32::new(100);
    const NEXT_ID = C.AtomicU32_new(100);
    const nextId = () => NEXT_ID.fetch_add(1) as number; // an AtomicU32 holds numbers (core types atomics as AtomicInt)
    const i1 = nextId();
    const i2 = nextId();
    const i3 = nextId();
    println("ids {} {} {}", a(i1, T.u32), a(i2, T.u32), a(i3, T.u32));
    const n = C.AtomicI64_new(10);
    const i64 = (v: R.Int) => a(v, T.i64);
    let before = n.fetch_add(5);
    println("fetch_add {} -> {}", i64(before), i64(n.load()));
    before = n.fetch_sub(20);
    println("fetch_sub {} -> {}", i64(before), i64(n.load()));
    before = n.swap(42);
    println("swap {} -> {}", i64(before), i64(n.load()));
    println("cas ok {:?}", a(n.compare_exchange(42, 43), T.result(T.i64, T.i64)));
    println("cas fail {:?}", a(n.compare_exchange(42, 44), T.result(T.i64, T.i64)));
    before = n.fetch_max(100);
    println("fetch_max {} -> {}", i64(before), i64(n.load()));
    const flag = new C.AtomicBool(false);
    const was = flag.swap(true);
    println("flag swap {} then {}", a(was, T.bool), a(flag.load(), T.bool));
    const hits = C.AtomicUsize_new(0);
    for (let k = 0; k < 5; k++) hits.fetch_add(2);
    println("hits {} into_inner {}", a(hits.load(), T.usize), a(hits.into_inner(), T.usize));
    const m = new C.Mutex(R.vec_of([1, 2]));
    {
      const guard = m.lock("28:25").unwrap(() => "");
      guard.v.push(3);
      println("locked: try_lock is_err {}", a(m.try_lock().is_err(), T.bool));
      guard.$drop();
    }
    println("after guard dropped: try_lock is_ok {}", a(tryLockOk(m), T.bool));
    {
      const g = m.lock("34:22").unwrap(() => "");
      println("{:?}", a(g, T.mutexGuard(T.vec(T.i32))));
      g.$drop();
    }
    const shared = C.Arc_new(new C.Mutex<R.Int>(0));
    const handles = R.range(INT.i32, 0, 3).map(() => C.Arc_clone(shared)).collect(R.Vec_from_iter);
    for (const [i, h] of handles.iter().enumerate()) {
      const g = h.v.lock("38:10").unwrap(() => "");
      g.v = R.u64_add(g.v, R.u64_mul(R.u64_add(R.int_cast(INT.u64, i), 1), 10));
      g.$drop();
    }
    {
      const g = shared.v.lock("40:31").unwrap(() => "");
      println("total {} strong {}", a(g.v, T.u64), a(C.Arc_strong_count(shared), T.usize));
      g.$drop();
    }
    for (const h of handles.into_iter()) h.$drop(); // drop(handles)
    const inner = (C.Arc_try_unwrap(shared).unwrap(() => "") as C.Mutex<R.Int>).into_inner().unwrap(() => "");
    println("inner {}", a(inner, T.u64));
    const counter = new C.Mutex(5);
    const p = counter.get_mut("46:6").unwrap(() => "");
    p.set(R.i32_add(p.get(), 1));
    const locked = counter.lock("47:36").map((g) => {
      const v = g.v;
      g.$drop();
      return v;
    });
    println("get_mut -> {:?}", a(locked as R.Result<number, unknown>, T.result(T.i32, T.unit) as R.TypeDesc<R.Result<number, unknown>>));
  });
  expect(out).toBe(expected("atomics_mutex"));
});

/** Drops the guard inside an `Ok` (a temporary at the end of its statement). */
function dropGuard(r: R.Result<unknown, unknown>): void {
  if (r.tag === 0) (r._0 as { $drop(): void }).$drop();
}

/** `m.try_lock().is_ok()` whose guard is dropped at the end of the statement. */
function tryLockOk(m: C.Mutex<unknown>): boolean {
  const r = m.try_lock();
  if (r.tag === 0) (r._0 as C.MutexGuard<unknown>).$drop();
  return r.tag === 0;
}
