// An `async fn` future may be moved any number of times before its first poll: until then it is in
// state `Unresumed` and holds only its arguments, so there is nothing to point into. Why this is
// fine: every move here (into a `Vec`, out of it, through a function, into a tuple) happens before
// `pin!` and the first poll.
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

async fn greet(who: String) -> usize {
    let r = &who;
    yield_once().await;
    r.len()
}

fn relay<T>(x: T) -> T {
    x
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut queue = vec![greet(String::from("ferris"))];
    let fut = queue.pop().unwrap();
    let fut = relay(fut);
    let pair = (fut, 1);
    let (fut, _) = pair;
    let mut fut = pin!(fut);
    while fut.as_mut().poll(&mut cx).is_pending() {}
    println!("done");
}
