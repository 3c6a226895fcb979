// A borrow that ends before the `.await`: `first` is used and dead before `yield_once().await`, so
// the suspended future stores `v` and `head` but no reference (rustc's layout for Suspend0 has no
// `first`). Why this is fine: the future never points into itself, so moving it out of its box after a
// poll leaves nothing dangling. (The pin is on the heap, so no P0102 either.)
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

async fn first_plus_len() -> u32 {
    let v = [3u32, 4, 5];
    let head = {
        let first = &v[0];
        *first
    };
    yield_once().await;
    head + v.len() as u32
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut b = Box::new(first_plus_len());
    let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    let mut unboxed = Box::new(*b);
    println!("{:?}", unsafe { Pin::new_unchecked(&mut *unboxed) }.poll(&mut cx));
}
