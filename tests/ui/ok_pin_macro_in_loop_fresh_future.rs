// A loop that makes a fresh future on every iteration and pins it with `pin!` inside the loop body.
// Why this is fine: each future is pinned before its first poll, driven to the end, and dropped in
// place at the end of its iteration; none of them is ever moved after polling.
use std::future::Future;
use std::pin::pin;
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

async fn square(n: u64) -> u64 {
    let boxed = Box::new(n);
    let r = &boxed;
    yield_once().await;
    **r * **r
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut total = 0;
    for n in 1..=3 {
        let mut fut = pin!(square(n));
        total += loop {
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                break v;
            }
        };
    }
    println!("{}", total);
}
