// `poll` takes `self: Pin<&mut Self>`, so it cannot be called on the future value itself: rustc finds
// no method `poll` on the `async fn` future (E0599), P0104 at `fut.poll(&mut cx)`. Fix: pin first
// (`pin!(fut).poll(&mut cx)`, or `Box::pin`).
use std::future::Future;
use std::task::{Context, Waker};

async fn answer() -> i32 {
    42
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = answer();
    let p = fut.poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
