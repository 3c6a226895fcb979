// A poll loop that re-pins the same local on every iteration. One call site, one P0102: the local
// `fut` is reachable by name between iterations (and after the loop). No move, so no P0101.
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
    let mut fut = greet();
    let mut polls = 0;
    let out = loop {
        polls += 1;
        if let Poll::Ready(v) = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx) { //~ WARN P0102
            break v;
        }
    };
    println!("{} after {} polls", out, polls);
}
