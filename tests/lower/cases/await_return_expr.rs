// Exercises: `.await` in a `return` expression (`return num(x).await * 2;`) inside an `if`, and as
// the tail expression.
// Look for: the early `return` completes the future from inside the resumed state (state Returned),
// skipping the rest of the body; each return site has its own Suspend state.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn return_expr(x: i32) -> i32 {
    if x > 5 {
        return num(x).await * 2;
    }
    println!("not early");
    num(x).await + 1
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
    println!("{} {}", block_on(return_expr(6)), block_on(return_expr(2)));
}
