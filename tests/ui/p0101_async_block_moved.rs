// An `async move` block is a future like an `async fn`'s: this one owns `log` and keeps `first =
// &log[0]` across its `.await`. `log` is an array stored in the block's future, so after the first
// poll the future points into itself, and `let moved = job;` breaks it (P0101 at the move).
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let log = [10u32, 20, 30];
    let mut job = async move {
        let first = &log[0]; //~ NOTE P0001
        yield_once().await;
        *first + log[2]
    };
    let _ = unsafe { Pin::new_unchecked(&mut job) }.poll(&mut cx); //~ WARN P0102
    let mut moved = job; //~ ERROR P0101
    println!("{:?}", unsafe { Pin::new_unchecked(&mut moved) }.poll(&mut cx));
}
