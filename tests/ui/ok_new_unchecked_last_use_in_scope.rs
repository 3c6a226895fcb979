// `poll_once` moves its argument into a local, pins it with `Pin::new_unchecked` and polls it as its
// tail expression: after the call nothing in the local's scope can name it again, and it is dropped
// in place when the function returns. Reading used here: "reachable by name afterwards" means some
// code that runs after the call, inside the local's scope, could name the local; here none can. Why
// this is fine: the future is pinned, polled once and dropped without ever moving.
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

fn poll_once<F: Future>(fut: F, cx: &mut Context<'_>) -> Poll<F::Output> {
    let mut fut = fut;
    unsafe { Pin::new_unchecked(&mut fut) }.poll(cx)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", poll_once(greet(), &mut cx));
    println!("{:?}", poll_once(std::future::ready(7), &mut cx));
}
