// `Box::pin` puts the future on the heap; moving the `Pin<Box<_>>` moves the pointer, not the
// future. Why this is fine: the polled, self-referential future stays at its heap address while
// the box is moved to another local, into a function and back out.
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

fn pass_through<T>(x: T) -> T {
    x
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed: Pin<Box<dyn Future<Output = usize>>> = Box::pin(greet());
    println!("{:?}", boxed.as_mut().poll(&mut cx));
    let moved = boxed;
    let mut back = pass_through(moved);
    println!("{:?}", back.as_mut().poll(&mut cx));
}
