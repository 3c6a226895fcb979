// An `async move` block that borrows its own captured array across an `.await` (self-referential
// after the first poll), pinned with `pin!` and driven to the end. Why this is fine: the block's
// future is moved only before its first poll (into `pin!`), and after that it has no name but the pin.
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let log = [10u32, 20, 30];
    let job = async move {
        let first = &log[0];
        yield_once().await;
        *first + log[2]
    };
    let mut job = pin!(job);
    let out = loop {
        if let Poll::Ready(v) = job.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{}", out);
}
