// Exercises: `.await` inside one branch of an `if` used as a value; the other branch does not suspend.
// Look for: only the `then` branch goes through a Suspend state; the `else` branch is emitted plainly
// (code with no await is not lowered); both join before `println!`.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn if_branch(x: i32) -> i32 {
    let y = if x > 1 { num(x).await * 10 } else { 0 };
    println!("y = {}", y);
    y + x
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
    println!("{} {}", block_on(if_branch(2)), block_on(if_branch(0)));
}
