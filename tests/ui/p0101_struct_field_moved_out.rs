// A future stored in a field of a struct is polled in place, then moved out of the field.
// `Pin::new_unchecked(&mut task.fut)` pins a place inside the stack local `task`, and `task.fut`
// stays reachable by name (P0102). `let fut = task.fut;` moves the polled, self-referential future
// out of the struct (P0101).
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

struct Task<F> {
    id: u32,
    fut: F,
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut task = Task { id: 7, fut: greet() };
    let _ = unsafe { Pin::new_unchecked(&mut task.fut) }.poll(&mut cx); //~ WARN P0102
    let fut = task.fut; //~ ERROR P0101
    println!("task {} gave up its future ({} bytes)", task.id, std::mem::size_of_val(&fut));
}
