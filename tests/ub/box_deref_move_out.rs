// A self-referential future on the heap is pinned with `Pin::new_unchecked(&mut *b)` and polled;
// then `Box::new(*b)` moves it out of its box into a new one. The heap address changed, and the
// future's saved reference `label_ref` still points into the first box.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn tagged(n: u32) -> String {
    let label = format!("item-{}", n);
    let label_ref = &label;
    yield_once().await;
    format!("[{}]", label_ref) // UB: `label_ref` points into the first box
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut b = Box::new(tagged(7));
    let p = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    println!("polled in the first box: {:?}", p);
    let mut c = Box::new(*b); // UB: moves the polled future out of the box; P0101
    println!("moved to a new box");
    let q = unsafe { Pin::new_unchecked(&mut *c) }.poll(&mut cx);
    println!("{:?}", q);
}
