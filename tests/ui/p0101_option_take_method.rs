// The same move hidden behind a method: `Option::take` moves the payload out of the slot. The slot's
// future was polled through `as_mut()` + `Pin::new_unchecked`, so `slot.take()` moves a
// self-referential future (P0101 at the `slot.take()` call).
use std::future::Future;
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

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut slot = Some(greet());
    if let Some(fut) = slot.as_mut() {
        let _ = unsafe { Pin::new_unchecked(fut) }.poll(&mut cx);
    }
    let taken = slot.take(); //~ ERROR P0101
    println!("taken: {}", taken.is_some());
}
