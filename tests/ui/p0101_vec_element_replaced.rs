// A `Vec` element polled in place, then replaced: `mem::replace(&mut v[0], …)` moves the polled,
// self-referential future out of the vector's buffer (P0101 at the `mem::replace` call). The element
// lives on the heap, but the buffer gives no protection against moving it: `v` stays reachable by
// name, so `Pin::new_unchecked(&mut v[0])` is P0102 too.
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
    let old = mem::replace(&mut v[0], greet()); //~ ERROR P0101
    println!("{} in the vector, one taken out ({} bytes)", v.len(), mem::size_of_val(&old));
}
