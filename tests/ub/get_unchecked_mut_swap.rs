// Two self-referential futures, each pinned safely in its own `Box::pin` and polled once. Then
// `get_unchecked_mut` hands out `&mut` to the pinned futures and `mem::swap` exchanges them —
// moving both out of their pinned boxes. Each future's saved `r` now points into the other box.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn describe(id: u32) -> String {
    let label = format!("future #{}", id);
    let r = &label;
    yield_once().await;
    format!("{} finished", r) // UB: `r` points into the other box since the swap
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut a: Pin<Box<_>> = Box::pin(describe(1));
    let mut b: Pin<Box<_>> = Box::pin(describe(2));
    println!("a: {:?}", a.as_mut().poll(&mut cx));
    println!("b: {:?}", b.as_mut().poll(&mut cx));
    unsafe {
        mem::swap(a.as_mut().get_unchecked_mut(), b.as_mut().get_unchecked_mut()); // UB: moves both pinned futures; P0105
    }
    println!("swapped the contents of the two boxes");
    println!("a: {:?}", a.as_mut().poll(&mut cx));
    println!("b: {:?}", b.as_mut().poll(&mut cx));
}
