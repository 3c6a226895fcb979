// A helper that "starts" a future by polling it once and then returns it: the return moves the
// polled, self-referential future out of `start`'s frame into the caller's (P0101 at the returned
// `fut`).
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

fn start() -> impl Future<Output = usize> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    println!("started: {:?}", first);
    fut //~ ERROR P0101
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = start();
    let second = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    println!("{:?}", second);
}
