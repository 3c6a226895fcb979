// `Vec::swap` exchanges two elements by moving them: the future at index 0 was polled in place, so
// `v.swap(0, 1)` moves a self-referential future to index 1 (P0101 at the `v.swap` call).
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
    v.swap(0, 1); //~ ERROR P0101
    let again = unsafe { Pin::new_unchecked(&mut v[1]) }.poll(&mut cx); //~ WARN P0102
    println!("{:?}", again);
}
