// `Pin<Box<F>>` is `Unpin` whatever `F` is (moving it moves a pointer), and it is a `Future` itself.
// So `Pin::new(&mut boxed)` is accepted by rustc even for an `async fn` future inside. Why this is
// fine: the `Pin::new` pins the box, not the future; the future stays pinned on the heap by `Box::pin`.
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
    let mut boxed = Box::pin(greet());
    println!("{:?}", Pin::new(&mut boxed).poll(&mut cx));
    let mut moved = boxed;
    println!("{:?}", Pin::new(&mut moved).poll(&mut cx));
}
