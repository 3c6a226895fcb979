// `shout` borrows its argument from the caller: `text` points at `msg` in `main`, outside the
// future. Moving the future after a poll leaves `text` pointing at `msg`, which did not move, so
// there is no self-reference to break and no P0101. Pinning a reachable local with
// `Pin::new_unchecked` is still P0102.
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

async fn shout(text: &str) -> String {
    yield_once().await;
    text.to_uppercase()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let msg = String::from("hello");
    let mut fut = shout(&msg);
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let mut moved = fut;
    let mut moved = unsafe { Pin::new_unchecked(&mut moved) };
    println!("{:?}", moved.as_mut().poll(&mut cx));
}
