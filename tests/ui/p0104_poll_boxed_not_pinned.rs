// A `Box` gives the future a stable address, but `Box<F>` is not `Pin<&mut F>`: `boxed.poll(cx)` is
// E0599 (P0104). `Box::pin(fut)` then `.as_mut().poll(cx)` is the fix.
use std::future::Future;
use std::task::{Context, Waker};

async fn answer() -> i32 {
    42
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed = Box::new(answer());
    let p = boxed.poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
