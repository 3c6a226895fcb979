// A function starts a self-referential future (polls it once) and returns it: the return moves
// the future out of the function's frame, and the reference `r` saved in Suspend0 points at the
// frame that is gone.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn shout(word: &'static str) -> String {
    let owned = String::from(word);
    let r = &owned;
    yield_once().await;
    r.to_uppercase() // UB: `r` points into the future's place in `started`'s frame
}

fn started() -> impl Future<Output = String> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = shout("hello");
    let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); // P0102: `fut` is returned below
    println!("started: pending = {}", first.is_pending());
    fut // UB: returning moves the polled future; P0101
}

fn main() {
    let mut fut = started(); // not a second move: the return value is written straight into `fut`
    println!("got the future back");
    let mut cx = Context::from_waker(Waker::noop());
    let out = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);
    println!("{:?}", out);
}
