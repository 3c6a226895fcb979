// Patterns: guards, @ bindings on ranges and enums, nested enum/struct/tuple destructuring,
// slice patterns with rest bindings, or-patterns, ref/ref mut, and matching on tuples of refs.
#[derive(Debug)]
enum Cmd {
    Move { x: i32, y: i32 },
    Say(String),
    Repeat(u32, Box<Cmd>),
    Quit,
}

fn classify(n: i64) -> String {
    match n {
        i64::MIN..=-1 => "negative".to_string(),
        0 => "zero".to_string(),
        d @ 1..=9 => format!("digit {}", d),
        t @ (10 | 20 | 30) => format!("round {}", t),
        big @ 1000.. if big % 2 == 0 => format!("big even {}", big),
        other => format!("other {}", other),
    }
}

fn run(cmd: &Cmd, depth: usize) {
    let pad = " ".repeat(depth * 2);
    match cmd {
        Cmd::Move { x: 0, y: 0 } => println!("{}stay", pad),
        Cmd::Move { x, y: 0 } => println!("{}horizontal {}", pad, x),
        Cmd::Move { x, y } if x == y => println!("{}diagonal {}", pad, x),
        Cmd::Move { x, y } => println!("{}move {},{}", pad, x, y),
        Cmd::Say(s) if s.is_empty() => println!("{}(silence)", pad),
        Cmd::Say(s) => println!("{}say {:?}", pad, s),
        Cmd::Repeat(0, _) => println!("{}repeat nothing", pad),
        Cmd::Repeat(n @ 1..=2, inner) => {
            for _ in 0..*n {
                run(inner, depth + 1);
            }
        }
        Cmd::Repeat(n, inner) => {
            println!("{}too many ({}), once:", pad, n);
            run(inner, depth + 1)
        }
        Cmd::Quit => println!("{}quit", pad),
    }
}

fn describe(xs: &[i32]) -> String {
    match xs {
        [] => "empty".into(),
        [one] => format!("one {}", one),
        [first, .., last] if first == last => format!("same ends {}", first),
        [first, rest @ ..] if rest.len() > 3 => format!("{} then {} more", first, rest.len()),
        [a, b, rest @ ..] => format!("{} {} + {:?}", a, b, rest),
    }
}

fn main() {
    for n in [-5, 0, 7, 20, 25, 1000, 1001] {
        println!("{} -> {}", n, classify(n));
    }
    let cmds = vec![
        Cmd::Move { x: 0, y: 0 },
        Cmd::Move { x: 3, y: 0 },
        Cmd::Move { x: 2, y: 2 },
        Cmd::Move { x: 1, y: -4 },
        Cmd::Say(String::new()),
        Cmd::Repeat(2, Box::new(Cmd::Say("hi".into()))),
        Cmd::Repeat(5, Box::new(Cmd::Repeat(1, Box::new(Cmd::Quit)))),
        Cmd::Repeat(0, Box::new(Cmd::Quit)),
    ];
    for c in &cmds {
        run(c, 0);
    }
    for xs in [&[][..], &[4], &[1, 2, 1], &[1, 2, 3, 4, 5], &[1, 2, 3]] {
        println!("{}", describe(xs));
    }
    let mut pair = (String::from("left"), 10);
    match pair {
        (ref s, ref mut n) if s.len() == 4 => *n += s.len() as i32,
        _ => {}
    }
    println!("{:?}", pair);
    let a = Some(3);
    let b: Result<i32, &str> = Err("nope");
    match (&a, &b) {
        (Some(x @ 1..=5), Err(e)) => println!("small {} and error {}", x, e),
        (Some(_), Ok(_)) | (None, _) => println!("else"),
        (Some(x), Err(_)) => println!("{}", x),
    }
    if let Cmd::Repeat(n, ref inner) = cmds[5] {
        if let Cmd::Say(ref s) = **inner {
            println!("repeat {} of say {}", n, s);
        }
    }
    let msg @ ("a" | "b") = "b" else { panic!() };
    println!("{}", msg);
}
