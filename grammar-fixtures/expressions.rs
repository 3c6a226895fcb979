// Expressions: literals of every kind, operators, assignment, calls, fields, indexing, casts,
// ranges, blocks, control flow, labels, struct literals, arrays, tuples.
#![allow(dead_code, unused_variables, unused_assignments, unused_mut, unreachable_code, unused_labels, unused_must_use)]
struct S {
    a: u8,
    b: (u8, u8),
}
#[derive(Default)]
struct D {
    x: u8,
    y: u8,
}

fn literals() {
    let ints = (0, 1_000, 0xff, 0xFF_u8, 0o17, 0b1010_1010, 7usize, 1i8, 2i16, 3i32, 4i64, 5i128, 6isize, 7u16, 8u32, 9u64, 10u128);
    let floats = (1.5, 1e3, 2.5E-2, 1_000.25_f64, 3f32, 1.0f32);
    let strs = ("plain", "tab\there\n", "quote \" and \\", "\x41\u{1F600}", "line \
                 continued", r"raw \n", r#"raw "quoted""#);
    let bytes = (b'a', b'\n', b'\xff', b"bytes\n", br"raw bytes");
    let chars = ('x', '\'', '\\', '\u{1F980}', 'é');
    let bools = (true, false);
}

fn operators(mut a: i32, b: i32, c: bool, d: bool) {
    let arith = (a + b, a - b, a * b, a / b, a % b, -a);
    let bits = (a & b, a | b, a ^ b, a << 2, a >> 1, !a);
    let cmp = (a == b, a != b, a < b, a <= b, a > b, a >= b);
    let logic = (c && d, c || d, !c);
    a = b;
    a += 1;
    a -= 1;
    a *= 2;
    a /= 2;
    a %= 3;
    a &= 1;
    a |= 2;
    a ^= 3;
    a <<= 1;
    a >>= 1;
    let prec = 1 + 2 * 3 - (4 - 5) / 6 % 7;
    let casts = (a as u8, 300i32 as u8 as char, 1.9f64 as i32, b'a' as u32);
    let neg = -(-a);
    let deref = *&a;
}

fn access(s: S, v: Vec<u8>, t: (u8, (u8, u8))) {
    let f = s.a;
    let nested = t.1.0;
    let idx = v[0];
    let slice = &v[1..];
    let len = v.len();
    let chained = v.iter().map(|x| x + 1).filter(|x| *x > 1).count();
    let path = std::cmp::max(1, 2);
    let assoc = u8::MAX;
    let st = S { a: 1, b: (2, 3) };
    let a = 5;
    let shorthand = S { a, b: (0, 0) };
    let base = D { x: 1, ..Default::default() };
    let arr = [1, 2, 3];
    let rep = [0u8; 16];
    let tup = (1, "two", 3.0);
    let one = (1,);
    let unit = ();
}

fn ranges() {
    let r1 = 0..10;
    let r2 = 0..=10;
    let r3 = ..5;
    let r4 = 3..;
    let r5 = ..=7;
    let all: std::ops::RangeFull = ..;
}

fn control(n: u32) -> u32 {
    let v = if n > 5 { 1 } else if n > 2 { 2 } else { 3 };
    let m = match n {
        0 => 10,
        _ => 20,
    };
    let mut i = 0;
    while i < 3 {
        i += 1;
        if i == 2 {
            continue;
        }
    }
    let found = loop {
        i += 1;
        if i > 10 {
            break i;
        }
    };
    'outer: for x in 0..3 {
        'inner: for y in 0..3 {
            if y == 1 {
                continue 'outer;
            }
            if x == 2 {
                break 'outer;
            }
        }
    }
    let labelled = 'blk: {
        if n == 0 {
            break 'blk 1;
        }
        2
    };
    for (k, v) in [1, 2].iter().enumerate() {}
    for x in &vec![1, 2] {}
    let block = {
        let t = 1;
        t + 1
    };
    if n == 99 {
        return 0;
    }
    v + m + found + labelled + block
}

fn question(s: &str) -> Result<i32, std::num::ParseIntError> {
    let n = s.parse::<i32>()?;
    Ok(n)
}
fn question_option(o: Option<u8>) -> Option<u8> {
    Some(o? + 1)
}

fn main() {}
