// A future polled in place inside a Vec with `Pin::new_unchecked(&mut v[0])`, then another task is
// pushed: the Vec is full, so `push` reallocates its buffer and moves the first future with it. The
// future's `r` still points at `text` in the old buffer (P0102 warns at both pins: `v` stays
// reachable, and growing it moves every element).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn holder(tag: u32) -> usize {
    let text = format!("tag {}", tag);
    let r = &text;
    yield_once().await;
    r.len() // UB: `r` points into the buffer the Vec left behind
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut tasks = Vec::with_capacity(1);
    tasks.push(holder(1));
    let first = unsafe { Pin::new_unchecked(&mut tasks[0]) }; // P0102
    println!("first poll pending: {}", first.poll(&mut cx).is_pending());
    tasks.push(holder(2)); // UB: the Vec grows; its buffer, and the polled future, move
    println!("{} tasks, capacity {}", tasks.len(), tasks.capacity());
    let first = unsafe { Pin::new_unchecked(&mut tasks[0]) }; // P0102
    println!("{:?}", first.poll(&mut cx));
}
