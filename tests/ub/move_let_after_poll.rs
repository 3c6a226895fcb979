// A polled self-referential future is moved with `let b = a` and polled again at its new place:
// `total` still points at the array in the old place. The future keeps `nums` and `total` (a
// reference to `nums`) in its Suspend0 state, so the move leaves `total` dangling.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| {
        if done {
            Poll::Ready(())
        } else {
            done = true;
            Poll::Pending
        }
    })
    .await
}

async fn sum_later() -> i32 {
    let nums = [10, 20, 12];
    let total = &nums; // a reference to a local of the same future
    println!("suspending with {} numbers", total.len());
    yield_once().await;
    total.iter().sum() // UB: `total` still points into the old place of the future
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut a = sum_later();
    let first = unsafe { Pin::new_unchecked(&mut a) }.poll(&mut cx); // P0102: `a` is named again below
    println!("first poll: {:?}", first);
    let mut b = a; // UB: moves the polled future; P0101
    println!("moved");
    let second = unsafe { Pin::new_unchecked(&mut b) }.poll(&mut cx);
    println!("second poll: {:?}", second);
}
