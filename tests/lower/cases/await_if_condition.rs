// Exercises: `.await` in an `if` condition (`if num(x).await > 1`) and in an `else if` condition.
// Look for: the comparison and the branch happen in the state after the resume; `x` is stored in
// Suspend0 (it is used by the `else if` after it) but not in Suspend1.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn if_condition(x: i32) -> &'static str {
    if num(x).await > 1 {
        "big"
    } else if num(x).await == 1 {
        "one"
    } else {
        "small"
    }
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
    println!("{} {} {}", block_on(if_condition(5)), block_on(if_condition(1)), block_on(if_condition(0)));
}
