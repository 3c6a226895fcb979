// A `Pin` is made with `Pin::new_unchecked` but never used to poll, and then the future is moved.
// P0102 at the pin (the local stays reachable by name, and it is in fact moved), but no P0101: the
// future was never polled, so it is still `Unresumed` and holds nothing but its arguments, and no
// reference into it exists to dangle. rustc's own rule is the same: a future may be moved freely
// until its first poll.
use std::future::Future;
use std::pin::{pin, Pin};
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
    let pinned = unsafe { Pin::new_unchecked(&mut fut) }; //~ WARN P0102
    println!("pinned at {:p}, not polled", pinned);
    let moved = fut;
    let mut moved = pin!(moved);
    while moved.as_mut().poll(&mut cx).is_pending() {}
    println!("done");
}
