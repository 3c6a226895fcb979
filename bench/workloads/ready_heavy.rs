// Ready-heavy: an async fn awaits another async fn that returns at once, n times in a loop.
// Every `.await` completes on its first poll, so the outer future never suspends: this measures the
// cost of building a child future, polling it once and taking its output.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn leaf(i: u32) -> u32 {
    i & 7
}

async fn ready_heavy(n: u32) -> u32 {
    let mut total: u32 = 0;
    for i in 0..n {
        total += leaf(i).await;
    }
    total
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("ready_heavy(1000) = {}", block_on(ready_heavy(1000)));
    println!("ready_heavy(100000) = {}", block_on(ready_heavy(100000)));
}
