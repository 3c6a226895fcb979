// `Box::pin` after the first poll is too late: `Box::pin(fut)` moves the polled, self-referential
// future from the stack to the heap (P0101 at the argument `fut`), and the heap copy's saved reference
// still points at the stack. `Box::pin` is right before the first poll, not after.
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
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let mut boxed = Box::pin(fut); //~ ERROR P0101
    println!("{:?}", boxed.as_mut().poll(&mut cx));
}
