// A future polled on the stack and then queued: `queue.push(fut)` moves it into the vector's buffer
// (P0101 at the argument `fut`). Moving it into a container is a move like any other.
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
    let mut queue = Vec::new();
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    queue.push(fut); //~ ERROR P0101
    let again = unsafe { Pin::new_unchecked(&mut queue[0]) }.poll(&mut cx); //~ WARN P0102
    println!("{:?}", again);
}
