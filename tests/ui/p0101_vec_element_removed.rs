// `Vec::remove` moves the element out of the buffer (and shifts the rest down, moving them too).
// The future at index 0 was polled in place, so `v.remove(0)` moves a self-referential future
// (P0101 at the `v.remove` call).
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
    let mut v = vec![greet(), greet()];
    let _ = unsafe { Pin::new_unchecked(&mut v[0]) }.poll(&mut cx); //~ WARN P0102
    let first = v.remove(0); //~ ERROR P0101
    println!("{} left, removed one of {} bytes", v.len(), std::mem::size_of_val(&first));
}
