// Pinning the contents of a `Box` is sound only as long as the contents stay in the box. Here the
// future is polled inside the box (heap memory: no P0102), then moved out of it with `*b`
// (P0101 at `*b`).
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
    let mut b = Box::new(greet());
    let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    let mut unboxed = *b; //~ ERROR P0101
    let again = unsafe { Pin::new_unchecked(&mut unboxed) }.poll(&mut cx); //~ WARN P0102
    println!("{:?}", again);
}
