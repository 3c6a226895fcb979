// Exercises: `.await` in a `while` condition; the body has no await.
// Look for: the loop's back edge goes to the state that polls the condition's future again; `i` and
// `steps` are stored in Suspend0.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn while_condition() -> i32 {
    let mut i = 0;
    let mut steps = 0;
    while num(i).await < 3 {
        i += 1;
        steps += 10;
    }
    steps + i
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
    println!("{}", block_on(while_condition()));
}
