// Two futures polled inside their boxes (heap memory, so no P0102), then their contents swapped
// with `mem::swap(&mut *a, &mut *b)`: the boxes stay put but the futures inside them move
// (P0101 at the `mem::swap` call). Swapping the boxes themselves would have been fine
// (ok_box_pin_swapped.rs).
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
    let mut a = Box::new(greet("ferris"));
    let mut b = Box::new(greet("corro"));
    let _ = unsafe { Pin::new_unchecked(&mut *a) }.poll(&mut cx);
    let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    mem::swap(&mut *a, &mut *b); //~ ERROR P0101
    println!("{:?}", unsafe { Pin::new_unchecked(&mut *a) }.poll(&mut cx));
}
