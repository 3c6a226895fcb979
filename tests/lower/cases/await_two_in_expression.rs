// Exercises: two awaits in one expression (`num(a).await + num(b).await * 2`) and in one call's
// arguments (`pair(num(1).await, num(2).await)`).
// Look for: four Suspend states in source order; the left operand's value is kept in a temporary
// across the second await (an unnamed temp in Suspend1, as rustc stores it).
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

fn pair(a: i32, b: i32) -> (i32, i32) {
    (a, b)
}

async fn two_in_expression(a: i32, b: i32) -> (i32, (i32, i32)) {
    let s = num(a).await + num(b).await * 2;
    let p = pair(num(1).await, num(2).await);
    (s, p)
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
    println!("{:?}", block_on(two_in_expression(3, 4)));
}
