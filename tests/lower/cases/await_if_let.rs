// Exercises: `.await` in an `if let` scrutinee and in its `else` branch.
// Look for: the pattern `Some(n)` is tested after the resume of Suspend0; the `else` branch has its
// own state (Suspend1).
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn maybe(x: i32) -> Option<i32> {
    if x > 0 { Some(x) } else { None }
}

async fn if_let(x: i32) -> i32 {
    if let Some(n) = maybe(x).await {
        n + 1
    } else {
        num(-1).await
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
    println!("{} {}", block_on(if_let(4)), block_on(if_let(0)));
}
