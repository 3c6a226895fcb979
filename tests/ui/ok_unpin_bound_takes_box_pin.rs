// An executor that requires `F: Future + Unpin` can be given `Pin<Box<F>>`: the box is `Unpin` even
// when the future inside is not. Why this is fine: `Box::pin` pins the self-referential future on
// the heap before its first poll; `Pin::new` inside `block_on` pins the box, which may move freely.
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

fn block_on<F: Future + Unpin>(mut fut: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = Pin::new(&mut fut).poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("{}", block_on(Box::pin(greet())));
}
