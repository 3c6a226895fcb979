// `macro_rules!`: expr, ident, ty, literal and tt fragments, repetitions with separators, several
// arms, recursion, macros that define functions and structs, and a macro that builds async code.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}

macro_rules! max_of {
    ($x:expr) => { $x };
    ($x:expr, $($rest:expr),+) => {{
        let a = $x;
        let b = max_of!($($rest),+);
        if a > b { a } else { b }
    }};
}

macro_rules! make_getter {
    ($name:ident, $field:ident, $t:ty) => {
        fn $name(&self) -> $t {
            self.$field
        }
    };
}

macro_rules! point_struct {
    ($name:ident { $($field:ident),* }) => {
        #[derive(Debug, Default)]
        struct $name { $($field: i64),* }
    };
}

macro_rules! count {
    () => { 0usize };
    ($head:tt $($tail:tt)*) => { 1usize + count!($($tail)*) };
}

macro_rules! await_all {
    ($($fut:expr),* $(,)?) => { vec![$($fut.await),*] };
}

point_struct!(Point3 { x, y, z });

struct Temp {
    celsius: f64,
}
impl Temp {
    make_getter!(get, celsius, f64);
}

async fn double(x: u32) -> u32 {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    x * 2
}

async fn run() -> Vec<u32> {
    await_all!(double(1), double(square!(3)), double(max_of!(4, 9, 2)),)
}

fn main() {
    println!("square!(7) = {}, square!(1 + 2) = {}", square!(7), square!(1 + 2));
    println!("max_of = {} {}", max_of!(3), max_of!(3, 8, -1, 5));
    let p = Point3 { x: 1, ..Default::default() };
    println!("{:?}", p);
    println!("temp {}", Temp { celsius: 21.5 }.get());
    println!("count = {} {}", count!(), count!(a b (c d) [e]));
    let mut fut = pin!(run());
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("await_all = {:?}", v);
            break;
        }
    }
}
