// A retry loop that polls the current attempt once and then swaps in a fresh attempt with
// `mem::replace`: every iteration moves a polled, self-referential future out of `attempt`
// (P0101 at the `mem::replace` call, inside the loop).
use std::future::Future;
use std::mem;
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

async fn fetch(id: u32) -> usize {
    let url = format!("https://example.org/{}", id);
    let host = &url;
    yield_once().await;
    host.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut attempt = fetch(0);
    for id in 1..4 {
        let _ = unsafe { Pin::new_unchecked(&mut attempt) }.poll(&mut cx); //~ WARN P0102
        let abandoned = mem::replace(&mut attempt, fetch(id)); //~ ERROR P0101
        println!("abandoned attempt {} ({} bytes)", id - 1, mem::size_of_val(&abandoned));
    }
}
