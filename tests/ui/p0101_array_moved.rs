// Futures in an array live inline in the array: pinning `futs[0]` pins a place inside the stack
// local `futs` (P0102, `futs[0]` stays reachable by name), and moving the whole array moves the
// polled, self-referential element with it (P0101 at `futs`).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut futs = [greet(), greet()];
    let _ = unsafe { Pin::new_unchecked(&mut futs[0]) }.poll(&mut cx); //~ WARN P0102
    let moved = futs; //~ ERROR P0101
    println!("{} futures moved", moved.len());
}
