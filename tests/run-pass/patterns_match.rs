// Patterns: match on enums with data, tuples, structs, literals, ranges, `|` alternatives, `@`
// bindings, guards, nested patterns, `ref`/`ref mut`, `_` and `..`, `matches!`, and `let` patterns.
#[derive(Debug)]
enum Msg {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    Color(u8, u8, u8),
}

struct Reading {
    sensor: &'static str,
    value: i32,
}

fn classify(n: i64) -> &'static str {
    match n {
        i64::MIN..=-1 => "negative",
        0 => "zero",
        1 | 2 | 3 => "small",
        4..=99 => "medium",
        _ => "large",
    }
}

fn describe(m: &Msg) -> String {
    match m {
        Msg::Quit => "quit".to_string(),
        Msg::Move { x: 0, y } => format!("vertical move to {}", y),
        Msg::Move { x, y } if x == y => format!("diagonal {}", x),
        Msg::Move { x, .. } => format!("move with x {}", x),
        Msg::Write(s) if s.is_empty() => "empty write".to_string(),
        Msg::Write(s) => format!("write {:?}", s),
        Msg::Color(r, _, b @ 200..=255) => format!("bluish (r={}, b={})", r, b),
        Msg::Color(c @ 0..=9, ..) => format!("dark red channel {}", c),
        Msg::Color(r, g, b) => format!("rgb({}, {}, {})", r, g, b),
    }
}

fn main() {
    for n in [-5, 0, 2, 42, 1000] {
        println!("{} is {}", n, classify(n));
    }
    let msgs = vec![
        Msg::Quit,
        Msg::Move { x: 0, y: 5 },
        Msg::Move { x: 3, y: 3 },
        Msg::Move { x: 1, y: 2 },
        Msg::Write(String::new()),
        Msg::Write("hi".into()),
        Msg::Color(10, 20, 250),
        Msg::Color(5, 0, 0),
        Msg::Color(100, 100, 100),
    ];
    for m in &msgs {
        println!("{:?} -> {}", m, describe(m));
    }
    let pair = (3, -3);
    match pair {
        (x, y) if x + y == 0 => println!("opposites {} {}", x, y),
        (x, _) if x % 2 == 0 => println!("even first"),
        _ => println!("other"),
    }
    let r = Reading { sensor: "t1", value: 21 };
    let Reading { sensor, value: v @ 20..=25 } = r else {
        panic!("out of range");
    };
    println!("{} in comfort range: {}", sensor, v);
    let mut point = (1, 2);
    let (ref mut a, ref b) = point;
    *a += 10;
    println!("a {} b {}", a, b);
    println!("point {:?}", point);
    point.1 = 0;
    let nested = Some((1, Some("deep")));
    if let Some((1, Some(word))) = nested {
        println!("nested {}", word);
    }
    println!("{} {}", matches!(msgs[0], Msg::Quit), matches!(msgs[1], Msg::Move { x: 1.., .. }));
    let c = 'k';
    println!("{}", match c { 'a'..='j' => "first ten", 'k'..='z' => "rest", _ => "not a letter" });
    let ((first, _), [_, mid, ..]) = ((1, 2), [7, 8, 9, 10]);
    println!("{} {}", first, mid);
}
