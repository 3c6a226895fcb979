// The canonical generic `block_on`: `let mut fut = pin!(fut);`. Why this is fine: the argument is
// moved into `block_on` before its first poll, and `pin!` leaves no name for the unpinned future,
// so it cannot be moved while it is being polled.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    let a = greet();
    let b = greet();
    println!("{} {}", block_on(a), block_on(b));
}
