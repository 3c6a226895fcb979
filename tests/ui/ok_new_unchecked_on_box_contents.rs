// `Pin::new_unchecked(&mut *b)` pins the contents of a `Box`, which live on the heap. Why this is
// fine: the program moves the `Box` (a pointer) around but never moves the future out of it, so the
// pinned future never changes address; this is what `Box::into_pin` does for you.
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
    let first = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    let mut moved_box = b;
    let second = unsafe { Pin::new_unchecked(&mut *moved_box) }.poll(&mut cx);
    println!("{:?} then {:?}", first, second);
}
