// Exercises: a reference to a local of the async fn held across an `.await` (`let first = &arr[0]`):
// the future becomes self-referential.
// Look for: both `arr` and `first` are stored in Suspend0, and `first` points into the future's own
// state (a self-reference: the reason the future must be pinned before it is polled).
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn self_reference() -> i32 {
    let arr = [7, 8, 9];
    let first = &arr[0];
    let n = num(1).await;
    *first + n
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
    println!("{}", block_on(self_reference()));
}
