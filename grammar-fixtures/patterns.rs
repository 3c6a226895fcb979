// rustc: --edition 2024 (let chains)
// Patterns: bindings, ref/mut, tuples, structs, tuple structs, paths, literals, ranges, slices,
// or-patterns, @ bindings, references, wildcards, rest; let-else, if let, while let, let chains.
#![allow(dead_code, unused_variables, irrefutable_let_patterns, unreachable_patterns)]
struct Point {
    x: i32,
    y: i32,
}
struct Pair(u8, u8);
enum Msg {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
}

fn patterns(mut msg: Msg, p: Point, t: (i32, &str, char), v: &[u8], o: Option<&mut u8>) {
    let x = 1;
    let mut y = 2;
    let (a, ref b, mut c) = t;
    let Point { x: px, y: ref py } = p;
    let Pair(first, _) = Pair(1, 2);
    let &(ref r1, r2) = &(1, 2);
    let _ = y;
    y += 1;
    match msg {
        Msg::Quit => {}
        Msg::Move { x: 0, .. } => {}
        Msg::Move { x, y: ref mut yy } => {}
        Msg::Write(ref s) if s.is_empty() => {}
        Msg::Write(_) => {}
    }
    match t.0 {
        0 => {}
        1 | 2 | 3 => {}
        4..=9 => {}
        ..=-1 => {}
        n @ 10..=99 => {}
        n @ (100 | 200) => {}
        i32::MAX => {}
        _ => {}
    }
    match t.2 {
        'a'..='z' | 'A'..='Z' => {}
        '\n' => {}
        _ => {}
    }
    match t.1 {
        "hello" => {}
        _ => {}
    }
    match v {
        [] => {}
        [one] => {}
        [first, .., last] => {}
    }
    match v {
        [head, tail @ ..] => {}
        &[] => {}
    }
    match (1, 2, 3) {
        (1, ..) => {}
        (.., 3) => {}
        (_, _, _) => {}
    }
    match -5i32 {
        -5 => {}
        _ => {}
    }
    match 1.5f64 {
        x if x > 1.0 => {}
        _ => {}
    }
    let Some(inner) = o else {
        return;
    };
    *inner += 1;
    if let Some(n) = Some(3) {}
    if let Some(n) = Some(3) && n > 2 && let Ok(m) = "4".parse::<i32>() {}
    let mut stack = vec![1, 2];
    while let Some(top) = stack.pop() {}
    let b1 = true;
    let b2 = false;
    match (b1, b2) {
        (true, false) => {}
        _ => {}
    }
}

fn params(Point { x, y }: Point, (a, b): (u8, u8), &c: &u8, mut d: u8) {}

fn main() {}
