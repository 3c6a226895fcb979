// `Pin::new(&mut boxed)` is allowed (a `Box` is always `Unpin`), but it pins the box, not the future
// inside: `Box<F>` is a future only when `F: Unpin`, so polling it is E0599 (P0104). `Box::pin` pins
// the future itself.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn answer() -> i32 {
    42
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed = Box::new(answer());
    let p = Pin::new(&mut boxed).poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
