// Exercises: a closure that returns an `async move` block (`|x| async move { … }`), called twice and
// each future awaited.
// Look for: the async block's class, built by the closure with `x` and `offset` as its upvars; the
// enclosing fn's Suspend states each hold one of those futures as `__awaitee`, and `make` itself.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn closure_async_block() -> i32 {
    let offset = 100;
    let make = move |x: i32| async move { num(x).await + offset };
    let a = make(1).await;
    let b = make(2).await;
    a + b
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("{}", block_on(closure_async_block()));
}
