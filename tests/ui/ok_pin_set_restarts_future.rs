// `Pin::set` replaces a pinned value by dropping the old one in place and writing the new one there.
// Why this is fine: the polled, self-referential future is never moved; it is dropped where it was
// pinned, which is what the `Pin` contract asks for. (`*fut = …` is rejected by rustc instead:
// p0103_assign_through_pin.rs.)
use std::future::Future;
use std::pin::pin;
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
    let mut fut = pin!(greet("ferris"));
    for who in ["corro", "rustacean"] {
        let _ = fut.as_mut().poll(&mut cx);
        fut.set(greet(who));
    }
    while let Poll::Pending = fut.as_mut().poll(&mut cx) {}
    println!("restarted twice");
}
