// Exercises: `.await` in a `while` body after a `continue` that skips it, and a `break` after it.
// Look for: `continue` jumps back to the condition without suspending; `break` after the resume
// leaves the loop from inside the state machine; `total` and `i` are stored in Suspend0.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn while_body_continue() -> i32 {
    let mut i = 0;
    let mut total = 0;
    while i < 10 {
        i += 1;
        if i % 2 == 0 {
            continue;
        }
        total += num(i).await;
        if total > 10 {
            break;
        }
    }
    total * 100 + i
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
    println!("{}", block_on(while_body_continue()));
}
