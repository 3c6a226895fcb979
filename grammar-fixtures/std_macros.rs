// The std macros pinion knows, with every format-string feature.
#![allow(dead_code, unused_variables, unused_must_use)]
use std::fmt::Write as _;
use std::pin::pin;

#[derive(Debug)]
struct P {
    x: i32,
}

thread_local! {
    static COUNT: std::cell::Cell<u32> = std::cell::Cell::new(0);
    pub static NAMES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn main() {
    let x = 42;
    let name = "ferris";
    let width = 8;
    let prec = 2;
    println!();
    println!("plain");
    println!("{} {}", 1, "two");
    println!("{0} {1} {0}", "a", "b");
    println!("{name} {x:?} {x:#x}");
    println!("{a} {b}", a = 1, b = 2);
    println!("{:>8} {:<8} {:^8} {:*^8}", "r", "l", "c", "f");
    println!("{:+} {:#b} {:#o} {:08.3} {:e} {:E}", 5, 5, 8, 3.14159, 1500.0, 0.5);
    println!("{:width$} {:.prec$} {:>1$} {:.*}", "w", 5, "z", 2, 1.5);
    println!("{:?} {:#?} {:p}", P { x: 1 }, P { x: 2 }, &x);
    println!("{{literal braces}} {}", "and an argument");
    print!("no newline ");
    eprintln!("to stderr {}", x);
    eprint!("");
    let s = format!("{x:>width$.prec$}", x = 1.0);
    let mut buf = String::new();
    write!(buf, "{}", 1).unwrap();
    writeln!(buf, "{}", 2).unwrap();
    writeln!(buf).unwrap();
    assert!(x > 0);
    assert!(x > 0, "x was {}", x);
    assert_eq!(x, 42);
    assert_eq!(x, 42, "message {}", name);
    assert_ne!(x, 0);
    debug_assert!(true);
    debug_assert_eq!(1, 1);
    debug_assert_ne!(1, 2);
    let v = vec![1, 2, 3];
    let z = vec![0u8; 4];
    let e: Vec<u8> = vec![];
    let m = matches!(x, 40..=50);
    let g = matches!(Some(x), Some(n) if n > 1);
    let d = dbg!(x + 1);
    let where_am_i = (line!(), column!(), file!());
    let code = stringify!(a + b * c);
    let joined = concat!("a", 1, true);
    let pinned = pin!(async { 1 });
    let ptr = std::ptr::addr_of!(x);
    COUNT.with(|c| c.set(c.get() + 1));
    if x == 0 {
        panic!();
    }
    if x == 1 {
        panic!("boom {}", x);
    }
    if x == 2 {
        unreachable!("never {x}");
    }
    if x == 3 {
        todo!();
    }
    if x == 4 {
        unimplemented!("later");
    }
    let r = std::task::Poll::Ready(1);
}
