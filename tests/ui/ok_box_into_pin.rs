// `Box::into_pin` turns an existing `Box<F>` into `Pin<Box<F>>` without moving the contents. Why
// this is fine: the future is moved only while it is still unpolled (into the box), and from the
// first poll on it is reachable only through the pin.
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
    let boxed = Box::new(greet());
    let mut pinned: Pin<Box<_>> = Box::into_pin(boxed);
    while pinned.as_mut().poll(&mut cx).is_pending() {}
    println!("done");
}
