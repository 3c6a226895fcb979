// Closures: parameters with and without types, return types, move, captures, Fn bounds.
#![allow(dead_code, unused_variables, unused_mut)]
fn apply<F: Fn(i32) -> i32>(f: F) -> i32 {
    f(1)
}
fn apply_mut(mut f: impl FnMut()) {
    f();
}
fn apply_once<F>(f: F) -> String
where
    F: FnOnce() -> String,
{
    f()
}
fn boxed() -> Box<dyn Fn(u8) -> u8> {
    Box::new(|x| x + 1)
}

fn main() {
    let add_one = |x| x + 1;
    let typed = |a: i32, b: i32| -> i32 { a * b };
    let no_args = || 42;
    let with_block = |x: u8| {
        let y = x * 2;
        y + 1
    };
    let s = String::from("captured");
    let by_ref = || s.len();
    let moved = move || s.len();
    let mut count = 0;
    let mut inc = || count += 1;
    inc();
    let tuple_param = |(a, b): (u8, u8)| a + b;
    let ignore = |_: u8| ();
    let nested = |x: i32| move |y: i32| x + y;
    let r = apply(|x| x * 2) + apply(add_one);
    apply_mut(|| {});
    let out = apply_once(move || String::from("once"));
    let f = boxed();
}
