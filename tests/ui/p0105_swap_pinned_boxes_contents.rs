// Two futures pinned soundly with `Box::pin` and polled; then `get_unchecked_mut` on both pins and
// `mem::swap` of the two `&mut`s exchanges the futures between the boxes (P0105 at the `mem::swap`
// call). Swapping the `Pin<Box<_>>` values themselves would move only the pointers
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
    let mut a: Pin<Box<_>> = Box::pin(greet("ferris"));
    let mut b: Pin<Box<_>> = Box::pin(greet("corro"));
    let _ = a.as_mut().poll(&mut cx);
    let _ = b.as_mut().poll(&mut cx);
    unsafe {
        mem::swap(a.as_mut().get_unchecked_mut(), b.as_mut().get_unchecked_mut()); //~ ERROR P0105
    }
    println!("{:?}", a.as_mut().poll(&mut cx));
}
