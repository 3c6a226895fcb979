// `mem::swap` and `mem::replace` on futures that have not been polled yet. Why this is fine: an
// `Unresumed` future holds only its arguments, so swapping two of them (or replacing one) is an
// ordinary move; both are pinned afterwards, before their first poll.
use std::future::Future;
use std::mem;
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
    let mut a = greet("ferris");
    let mut b = greet("corro");
    mem::swap(&mut a, &mut b);
    let c = mem::replace(&mut a, greet("rustacean"));
    let mut a = pin!(a);
    let mut c = pin!(c);
    while a.as_mut().poll(&mut cx).is_pending() {}
    while c.as_mut().poll(&mut cx).is_pending() {}
    drop(b);
    println!("done");
}
