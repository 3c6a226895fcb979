// `drop(fut)` is a call that takes the future by value: the polled, self-referential future is
// moved into `drop`'s parameter before it is dropped there (P0101 at the argument). Nothing reads
// the stale reference afterwards, so a run shows no dangling access, but the promise made by
// `Pin::new_unchecked` (the value stays put until it is dropped) is broken by the move itself.
// Letting `fut` go out of scope drops it in place: see ok_pinned_future_dropped_in_place.rs.
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
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    drop(fut); //~ ERROR P0101
    println!("dropped");
}
