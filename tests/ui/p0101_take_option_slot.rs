// A task slot `Option<F>` whose future is polled through a reference bound by `if let`, then emptied
// with `mem::take`: taking the `Some` moves the polled, self-referential future out of the slot
// (P0101 at the `mem::take` call). `Pin::new_unchecked(fut)` pins through a reference, not `&mut` of a
// local, so it is not P0102.
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

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut slot = Some(greet());
    if let Some(fut) = &mut slot {
        let _ = unsafe { Pin::new_unchecked(fut) }.poll(&mut cx);
    }
    let taken = mem::take(&mut slot); //~ ERROR P0101
    println!("taken: {}", taken.is_some());
}
