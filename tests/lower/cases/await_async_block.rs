// Exercises: an `async` block (capturing `base` by reference) and an `async move` block (capturing
// `label` by value), each awaited later in the enclosing async fn.
// Look for: each block is its own state-machine class with its own states; the captured variables
// are its upvars (`base` by reference); the enclosing fn stores `by_move` and, while a block is
// awaited, its future as `__awaitee` — the by-reference block points back into the enclosing future.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn async_block(base: i32) -> String {
    let label = String::from("sum");
    let by_ref = async { num(base).await + 1 };
    let by_move = async move { format!("{} = {}", label, num(2).await) };
    let a = by_ref.await;
    let s = by_move.await;
    format!("{} (+{})", s, a)
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
    println!("{}", block_on(async_block(40)));
}
