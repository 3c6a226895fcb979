// Behaviour that a rustc-printed table cannot pin down (addresses, the memory model, the machine's
// output, mutation through places, user iterators), with the Rust each test stands for in a comment.

import { describe, expect, test } from "vitest";
import * as R from "../../src/runtime/std.js";
import * as C from "../../src/runtime/core.js";
import { Machine, install } from "../../src/runtime/machine.js";
import { RustPanic, UndefinedBehavior } from "../../src/runtime/panic.js";

const { T, INT } = R;

function capture(body: () => void): { out: string; err: string } {
  let out = "";
  let err = "";
  install(new Machine({ file: "main.rs", stdout: (s) => (out += s), stderr: (s) => (err += s) }));
  body();
  return { out, err };
}

describe("printing goes through the machine", () => {
  test("print!, println!, eprintln!, dbg!", () => {
    // println!("{} {:?}", 1, "a"); print!("x"); eprintln!("e"); let v = dbg!(vec![1]);
    const { out, err } = capture(() => {
      R.println(R.fmt_args([{ arg: 0 }, " ", { arg: 1, spec: { trait: "?" } }], [R.arg(1, T.i32), R.arg("a", T.str)]));
      R.print(R.fmt_args(["x"], []));
      R.println();
      R.eprintln(R.fmt_args(["e"], []));
      const v = R.dbg(R.vec_of([1]), T.vec(T.i32), "vec![1]", "4:13");
      expect(v.len()).toBe(1);
    });
    expect(out).toBe('1 "a"\nx\n');
    expect(err).toBe("e\n[main.rs:4:13] vec![1] = [\n    1,\n]\n");
  });

  test("write! into a String and to_string", () => {
    // let mut s = String::new(); write!(s, "{}-{}", 1, 2).unwrap(); writeln!(s).unwrap();
    const s = R.String_new();
    expect(R.write_to_string(s, R.fmt_args([{ arg: 0 }, "-", { arg: 1 }], [R.arg(1, T.i32), R.arg(2, T.i32)])).is_ok()).toBe(true);
    R.writeln_to_string(s);
    expect(s.s).toBe("1-2\n");
    expect(R.to_string(1.5, T.f64).s).toBe("1.5");
  });
});

describe("pointers", () => {
  test("{:p} prints 0x and the address; {:#p} pads to 18 characters", () => {
    // let x = 5; println!("{:p} {:#p}", &x, &x);
    capture(() => {
      const f = C.frame("main", { x: 5 });
      const p = C.Ptr.to(f, "x", "2:5");
      const text = R.format_string(R.fmt_args([{ arg: 0, spec: { trait: "p" } }, " ", { arg: 0, spec: { trait: "p", alternate: true } }], [R.arg(p, T.ref(T.i32))]));
      const hex = p.addr.toString(16);
      expect(text).toBe(`0x${hex} 0x${hex.padStart(16, "0")}`);
      // Display and Debug of a reference format the pointee.
      expect(R.display_string(p, T.ref(T.i32))).toBe("5");
    });
  });

  test("a push that reallocates leaves pointers to the old buffer dangling", () => {
    // let mut v = Vec::with_capacity(1); v.push(1); let p = &v[0] as *const i32; v.push(2); unsafe { *p }
    capture(() => {
      const v = R.Vec_with_capacity<number>(1);
      v.push(1);
      const p = v.index_mut(0, "3:13");
      v.push(2, "3:40");
      expect(v.capacity()).toBe(4);
      expect(() => p.get("3:52")).toThrow(UndefinedBehavior);
    });
  });

  test("a push within capacity keeps pointers valid, and writes through iter_mut land in the vector", () => {
    // let mut v = Vec::with_capacity(4); v.push(1); let p = &mut v[0]; *p = 7; v.push(2); for x in v.iter_mut() { *x += 1 }
    capture(() => {
      const v = R.Vec_with_capacity<number>(4);
      v.push(1);
      const p = v.index_mut(0, "1:1");
      p.set(7);
      v.push(2);
      expect(p.get()).toBe(7);
      for (const x of v.iter_mut("1:1")) x.set(x.get() + 1);
      expect(v.a).toEqual([8, 3]);
    });
  });

  test("get_mut returns a pointer into the vector", () => {
    // if let Some(x) = v.get_mut(1) { *x = 10 }
    capture(() => {
      const v = R.vec_of([1, 2, 3]);
      const o = v.get_mut(1, "1:1");
      if (o.is_some()) o._0.set(10);
      expect(v.a).toEqual([1, 10, 3]);
      expect(v.get_mut(5, "1:1").is_none()).toBe(true);
    });
  });
});

describe("Option places", () => {
  test("take, replace and insert mutate the option in place", () => {
    // let mut slot = Some(1); let a = slot.take(); slot.replace(2); *slot.insert(3) += 1;
    const slot = R.Some(1);
    const a = slot.take();
    expect([a.tag, a._0, slot.tag]).toEqual([1, 1, 0]);
    expect(slot.replace(2).is_none()).toBe(true);
    expect(slot.insert(3)).toBe(3);
    expect(slot.unwrap()).toBe(3);
  });

  test("Option_take through a pointer", () => {
    // fn f(o: &mut Option<String>) -> Option<String> { o.take() }
    capture(() => {
      const f = C.frame("main", { o: R.Some(R.String_from("x")) });
      const p = C.Ptr.to(f, "o", "1:1");
      const r = R.Option_take(p);
      expect(r.unwrap().s).toBe("x");
      expect(f.o.is_none()).toBe(true);
    });
  });

  test("unwrap on None panics with rustc's message at the given location", () => {
    try {
      R.None<number>().unwrap("7:9");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RustPanic);
      expect((e as RustPanic).payload).toBe("called `Option::unwrap()` on a `None` value");
      expect((e as RustPanic).loc).toBe("7:9");
    }
  });

  test("? support: branch and residual", () => {
    // fn f(r: Result<i32, String>) -> Result<i32, String> { let v = r?; Ok(v + 1) }
    const f = (r: R.Result<number, R.RString>): R.Result<number, R.RString> => {
      const v = r.branch();
      if (v === R.TRY_BREAK) return r.residual();
      return R.Ok(v + 1);
    };
    expect(f(R.Ok(1)).unwrap(() => "")).toBe(2);
    expect((f(R.Err(R.String_from("e")))._0 as R.RString).s).toBe("e");
  });
});

describe("user types", () => {
  class Counter extends R.RIter<number> {
    n = 0;
    override next(): R.Option<number> {
      this.n += 1;
      return this.n < 6 ? R.Some(this.n) : R.None();
    }
  }

  test("a user impl Iterator gets every adaptor", () => {
    // Counter::new().zip(Counter::new().skip(1)).map(|(a, b)| a * b).filter(|x| x % 3 == 0).sum::<u32>()
    const s = new Counter()
      .zip(new Counter().skip(1))
      .map(([a, b]) => a * b)
      .filter((x) => x % 3 === 0)
      .sum(INT.u32);
    expect(s).toBe(18); // the Rust book: products 2, 6, 12, 20; multiples of 3: 6 + 12
    expect([...new Counter()]).toEqual([1, 2, 3, 4, 5]);
  });

  test("derived Clone without make copies the object and resets its memory bookkeeping", () => {
    class P extends C.Composite {
      constructor(
        public x: number,
        public name: R.RString,
      ) {
        super();
      }
    }
    const PT = T.struct<P>({ name: "P", shape: "named", fields: [{ name: "x", t: T.i32 }, { name: "name", t: T.string }], derive: ["Clone", "Debug", "PartialEq", "PartialOrd"] });
    const a = new P(1, R.String_from("a"));
    const b = R.desc_clone(PT, a);
    expect(b).toBeInstanceOf(P);
    expect(b.name).not.toBe(a.name);
    expect(R.desc_eq(PT, a, b)).toBe(true);
    b.name.push_str("z");
    expect(R.desc_partial_cmp(PT, a, b).unwrap()).toBe(-1);
    expect(R.debug_string(b, PT)).toBe('P { x: 1, name: "az" }');
  });

  test("derived Ord of enums compares the variant first, then the fields", () => {
    // #[derive(PartialEq, PartialOrd)] enum E { A(i32), B { x: f64 } }
    const ET = T.enum<{ tag: number; _0?: number; x?: number }>({
      name: "E",
      variants: [
        { name: "A", shape: "tuple", fields: [{ name: "_0", t: T.i32 }] },
        { name: "B", shape: "named", fields: [{ name: "x", t: T.f64 }] },
      ],
      derive: ["PartialEq", "PartialOrd", "Debug"],
    });
    const cmp = (a: object, b: object) => R.desc_partial_cmp(ET, a as { tag: number }, b as { tag: number });
    expect(cmp({ tag: 0, _0: 9 }, { tag: 1, x: 0 }).unwrap()).toBe(-1);
    expect(cmp({ tag: 1, x: 2 }, { tag: 1, x: 1 }).unwrap()).toBe(1);
    expect(cmp({ tag: 1, x: NaN }, { tag: 1, x: 1 }).is_none()).toBe(true);
    expect(R.debug_string({ tag: 1, x: 2 }, ET, { pretty: true })).toBe("B {\n    x: 2.0,\n}");
  });

  test("recursive types take their fields lazily", () => {
    // #[derive(Debug)] struct Node { v: i32, next: Option<Box<Node>> }
    type Node = { v: number; next: R.Option<C.RBox<Node>> };
    const NodeT: R.TypeDesc<Node> = T.struct<Node>({ name: "Node", shape: "named", fields: () => [{ name: "v", t: T.i32 }, { name: "next", t: T.option(T.box(NodeT)) }], derive: ["Debug"] });
    const list: Node = { v: 1, next: R.Some(new C.RBox({ v: 2, next: R.None() })) };
    expect(R.debug_string(list, NodeT)).toBe("Node { v: 1, next: Some(Node { v: 2, next: None }) }");
  });
});

describe("integers keep their canonical representation", () => {
  test("a 64-bit value is a number while safe, a bigint beyond, and comes back", () => {
    const a = R.int_add(INT.u64, Number.MAX_SAFE_INTEGER, 1);
    expect(typeof a).toBe("bigint");
    expect(typeof R.int_sub(INT.u64, a, 1)).toBe("number");
    expect(R.int_mul(INT.i64, -3, 0)).toBe(0);
    expect(Object.is(R.int_mul(INT.i32, -3, 0), -0)).toBe(false);
    expect(Object.is(R.int_rem(INT.i32, -4, 2), -0)).toBe(false);
    expect(Object.is(R.i32_mul(-3, 0), -0)).toBe(false);
  });

  test("the per-kind functions agree with the generic ones at the edges", () => {
    const kinds = ["i8", "i16", "i32", "u8", "u16", "u32", "i64", "u64", "isize", "usize"] as const;
    const fns = R as unknown as Record<string, (a: R.Int, b: R.Int) => R.Int>;
    for (const k of kinds) {
      const K = INT[k];
      const vals: R.Int[] = [K.MIN, K.MAX, 0, 1, 2, -1, 3037000500, -3037000500, 9007199254740991].filter((v) => v >= K.MIN && v <= K.MAX);
      for (const a of vals)
        for (const b of vals)
          for (const op of ["add", "sub", "mul"] as const) {
            const generic = (R as unknown as Record<string, (k: R.IntKind, a: R.Int, b: R.Int) => R.Int>)[`int_${op}`] as (k: R.IntKind, a: R.Int, b: R.Int) => R.Int;
            let g: unknown;
            let s: unknown;
            try {
              g = generic(K, a, b);
            } catch (e) {
              g = (e as RustPanic).payload;
            }
            try {
              s = (fns[`${k}_${op}`] as (a: R.Int, b: R.Int) => R.Int)(a, b);
            } catch (e) {
              s = (e as RustPanic).payload;
            }
            expect(s, `${k}_${op}(${a}, ${b})`).toEqual(g);
          }
    }
  });
});

describe("dyn values", () => {
  test("Box<dyn Display> of a primitive and of a user type", () => {
    // let items: Vec<Box<dyn Display>> = vec![Box::new(5), Box::new(Celsius(1.5))];
    // for it in &items { print!("{} ", it); }
    class Celsius {
      static $desc: R.TypeDesc<Celsius> = T.struct<Celsius>({
        name: "Celsius",
        shape: "tuple",
        fields: [{ name: "_0", t: T.f64 }],
        impls: { display: (v, f) => f.write_fmt(R.fmt_args([{ arg: 0 }, "°C"], [R.arg(v._0, T.f64)])) },
      });
      constructor(public _0: number) {}
    }
    const items = [R.dyn_value(5, T.i32), new Celsius(1.5)];
    const t = T.box(T.dyn("Display"));
    const text = items.map((it) => R.format_string(R.fmt_args([{ arg: 0, spec: { width: R.lit(4) } }, "|"], [R.arg(new C.RBox(it), t)])));
    expect(text).toEqual(["   5|", "1.5°C|"]);
  });
});

describe("fmt::Write", () => {
  test("write! into a user writer calls write_str per piece and stops at the first error", () => {
    // struct Log(Vec<String>); impl fmt::Write for Log { fn write_str(&mut self, s: &str) -> fmt::Result { self.0.push(s.into()); Ok(()) } }
    const calls: string[] = [];
    const log = { write_str: (s: string) => (calls.push(s), R.FMT_OK) };
    R.write_fmt_to(log, R.fmt_args(["a", { arg: 0 }, "b"], [R.arg(12, T.i32)]));
    expect(calls).toEqual(["a", "12", "b"]);
    let n = 0;
    const failing = { write_str: () => (++n === 2 ? R.fmt_err() : R.FMT_OK) };
    expect(R.write_fmt_to(failing, R.fmt_args(["x", { arg: 0 }, "y"], [R.arg(1, T.i32)])).is_err()).toBe(true);
  });
});

describe("integer operations against an exact bigint model (seeded random operands)", () => {
  // The model: exact bigint arithmetic, then Rust's rule (panic on overflow / wrap / saturate).
  const kinds = Object.values(INT);
  function* rnd(seed: bigint): Generator<bigint> {
    let x = seed;
    for (;;) {
      x ^= (x << 13n) & 0xffffffffffffffffn;
      x ^= x >> 7n;
      x ^= (x << 17n) & 0xffffffffffffffffn;
      yield x;
    }
  }
  const gen = rnd(0x2545f4914f6cdd1dn);
  /** A value of kind k: mostly small, sometimes near the edges, sometimes anywhere. */
  function sample(k: R.IntKind): R.Int {
    const r = gen.next().value as bigint;
    const span = k.maxB - k.minB + 1n;
    let v: bigint;
    switch (Number(r % 4n)) {
      case 0:
        v = (r >> 8n) % 100n - (k.signed ? 50n : 0n);
        break;
      case 1:
        v = k.maxB - ((r >> 8n) % 3n);
        break;
      case 2:
        v = k.minB + ((r >> 8n) % 3n);
        break;
      default:
        v = k.minB + (((r << 64n) | (gen.next().value as bigint)) % span);
    }
    if (v < k.minB) v = k.minB;
    if (v > k.maxB) v = k.maxB;
    return R.norm(v);
  }
  const fits = (k: R.IntKind, v: bigint) => v >= k.minB && v <= k.maxB;
  const wrap = (k: R.IntKind, v: bigint) => R.norm(k.signed ? BigInt.asIntN(k.bits, v) : BigInt.asUintN(k.bits, v));
  const attempt = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      if (e instanceof RustPanic) return `panic: ${e.payload}`;
      throw e;
    }
  };

  test("+ - * / % and their wrapping, checked, saturating, overflowing forms", () => {
    for (const k of kinds) {
      for (let n = 0; n < 300; n++) {
        const a = sample(k);
        const b = sample(k);
        const A = BigInt(a);
        const B = BigInt(b);
        const cases: [string, () => unknown, unknown][] = [
          ["add", () => R.int_add(k, a, b), fits(k, A + B) ? R.norm(A + B) : "panic: attempt to add with overflow"],
          ["sub", () => R.int_sub(k, a, b), fits(k, A - B) ? R.norm(A - B) : "panic: attempt to subtract with overflow"],
          ["mul", () => R.int_mul(k, a, b), fits(k, A * B) ? R.norm(A * B) : "panic: attempt to multiply with overflow"],
          ["wrapping_add", () => R.int_wrapping_add(k, a, b), wrap(k, A + B)],
          ["wrapping_sub", () => R.int_wrapping_sub(k, a, b), wrap(k, A - B)],
          ["wrapping_mul", () => R.int_wrapping_mul(k, a, b), wrap(k, A * B)],
          ["saturating_add", () => R.int_saturating_add(k, a, b), R.norm(A + B > k.maxB ? k.maxB : A + B < k.minB ? k.minB : A + B)],
          ["overflowing_mul", () => R.int_overflowing_mul(k, a, b), [wrap(k, A * B), !fits(k, A * B)]],
        ];
        if (B !== 0n) {
          const q = A / B;
          cases.push(["div", () => R.int_div(k, a, b), fits(k, q) ? R.norm(q) : "panic: attempt to divide with overflow"]);
          cases.push(["rem", () => R.int_rem(k, a, b), fits(k, q) ? R.norm(A % B) : "panic: attempt to calculate the remainder with overflow"]);
          cases.push(["checked_div", () => R.int_checked_div(k, a, b).map_or<R.Int | null>(null, (v) => v), fits(k, q) ? R.norm(q) : null]);
        }
        const s = Number(BigInt.asUintN(8, B)) % (k.bits + 2);
        cases.push(["shl", () => R.int_shl(k, a, s), s < k.bits ? wrap(k, A << BigInt(s)) : "panic: attempt to shift left with overflow"]);
        cases.push(["shr", () => R.int_shr(k, a, s), s < k.bits ? R.norm(A >> BigInt(s)) : "panic: attempt to shift right with overflow"]);
        cases.push(["and", () => R.int_and(k, a, b), R.norm(A & B)]);
        cases.push(["or", () => R.int_or(k, a, b), R.norm(A | B)]);
        cases.push(["xor", () => R.int_xor(k, a, b), R.norm(A ^ B)]);
        cases.push(["not", () => R.int_not(k, a), wrap(k, ~A)]);
        for (const to of kinds) cases.push([`as ${to.name}`, () => R.int_cast(to, a), wrap(to, A)]);
        for (const [name, f, want] of cases) expect(attempt(f), `${k.name} ${name}(${a}, ${b})`).toEqual(want);
      }
    }
  });
});

describe("UTF-8 offsets against Node's encoder (seeded random strings)", () => {
  test("len, slicing at every byte offset, find, char_indices", () => {
    const alphabet = ["a", "b", " ", "é", "ß", "日", "本", "🦀", "\u{10ffff}", "\n", "ǅ"];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const enc = new TextEncoder();
    for (let n = 0; n < 200; n++) {
      const len = next() % 12;
      let s = "";
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      const bytes = enc.encode(s);
      expect(R.str_len(s)).toBe(bytes.length);
      const boundaries = new Set<number>([0]);
      let off = 0;
      for (const c of s) boundaries.add((off += enc.encode(c).length));
      for (let b = 0; b <= bytes.length + 1; b++) {
        const got = R.str_get(s, { start: b });
        if (boundaries.has(b)) expect(enc.encode(got.unwrap())).toEqual(bytes.slice(b));
        else expect(got.is_none()).toBe(true);
      }
      for (const c of alphabet) {
        const i = bytes.length === 0 ? -1 : Buffer.from(bytes).indexOf(Buffer.from(c));
        expect(R.str_find(s, c).map_or(-1, (x) => x)).toBe(i);
      }
      const ci = R.str_char_indices(s).toArray();
      expect(ci.map(([b]) => b)).toEqual([...boundaries].slice(0, -1));
    }
  });
});
