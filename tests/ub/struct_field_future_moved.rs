// A struct holds a self-referential future in a field; the field is pinned in place and polled,
// then the whole struct is moved (`let moved = task`). The future moves with its struct, and its
// saved reference `parts` points at the old struct's field.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn path_depth(path: &'static str) -> usize {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let parts = &segments;
    yield_once().await;
    parts.len() // UB: `parts` points into the old `task`
}

struct Task<F> {
    id: u32,
    fut: F,
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut task = Task { id: 1, fut: path_depth("/usr/local/bin") };
    let p = unsafe { Pin::new_unchecked(&mut task.fut) }.poll(&mut cx);
    println!("task {} polled: {:?}", task.id, p);
    let mut moved = task; // UB: the struct and the polled future in it move; P0101
    println!("task {} moved", moved.id);
    let q = unsafe { Pin::new_unchecked(&mut moved.fut) }.poll(&mut cx);
    println!("{:?}", q);
}
