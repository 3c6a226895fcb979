// `mem::swap` exchanges a polled self-referential future with a fresh one. After the swap `b`
// holds the polled state, but its saved `y` points at `a`'s place, which now holds the unpolled
// future: the read goes to the wrong future.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn boxed_value(x: i64) -> i64 {
    let x = Box::new(x);
    let y = &x; // `y` points at the Box stored in this future
    yield_once().await;
    **y + 1 // UB: `y` still points at the place the swap filled with the other future
}

fn main() {
    let waker = Waker::noop();
    let mut cx = Context::from_waker(&waker);
    let mut a = boxed_value(41);
    let mut b = boxed_value(1000);
    let p = unsafe { Pin::new_unchecked(&mut a) }.poll(&mut cx); // P0102: `a` is swapped below
    println!("a polled once: {:?}", p);
    mem::swap(&mut a, &mut b); // UB: the polled future moves into `b`; P0101
    println!("swapped");
    let q = unsafe { Pin::new_unchecked(&mut b) }.poll(&mut cx);
    println!("b: {:?}", q);
}
