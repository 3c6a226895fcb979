// Programs of the behaviour corpus (tests/run-pass/, rustc's stdout checked in), lowered by hand the
// way emit/ will lower them, run on the std runtime and compared byte for byte. They are the contract
// between the two halves: each Rust line is kept as a comment above its lowering.

import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as R from "../../src/runtime/std.js";
import { Machine, install } from "../../src/runtime/machine.js";
import { parseFormat } from "./std-cases/harness.js";

const { T, INT } = R;

/** `println!(fmt, args…)` with the format string parsed as the compiler does. */
function println(fmt: string, ...args: R.FmtArg[]): void {
  R.print(R.fmt_args([...parseFormat(fmt, new Map()), "\n"], args));
}
function print(fmt: string, ...args: R.FmtArg[]): void {
  R.print(R.fmt_args(parseFormat(fmt, new Map()), args));
}
function format(fmt: string, ...args: R.FmtArg[]): R.RString {
  return R.format(R.fmt_args(parseFormat(fmt, new Map()), args));
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
