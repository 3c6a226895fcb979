// Moving a struct moves its fields: the future in `task.fut` was polled in place, and
// `let moved = task;` relocates it together with the struct (P0101 at the move of `task`).
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
    let mut task = Task { id: 1, fut: greet() };
    let _ = unsafe { Pin::new_unchecked(&mut task.fut) }.poll(&mut cx); //~ WARN P0102
    let mut moved = task; //~ ERROR P0101
    let again = unsafe { Pin::new_unchecked(&mut moved.fut) }.poll(&mut cx); //~ WARN P0102
    println!("task {}: {:?}", moved.id, again);
}
