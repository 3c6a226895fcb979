// Swapping a polled self-referential future with a fresh one. Only `started` was polled, but that
// is enough: after `mem::swap` the polled state machine sits in `fresh`'s place while its `r` still
// points into `started`'s place (P0101 at the swap). The fresh future on the other side could have
// been moved freely on its own.
use std::future::Future;
use std::mem;
use std::pin::Pin;
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

async fn greet(who: &'static str) -> usize {
    let name = String::from(who);
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut started = greet("ferris");
    let mut fresh = greet("corro");
    let _ = unsafe { Pin::new_unchecked(&mut started) }.poll(&mut cx); //~ WARN P0102
    mem::swap(&mut started, &mut fresh); //~ ERROR P0101
    println!("swapped");
}
