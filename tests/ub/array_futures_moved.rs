// An array of self-referential futures: each element is pinned in place and polled once, then the
// whole array is moved. Every element moves, and the first one resumed reads a stale reference.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn worker(id: u8) -> String {
    let name = format!("worker-{}", id);
    let n = &name;
    yield_once().await;
    format!("{} done", n) // UB: `n` points into the array's old place
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut workers = [worker(1), worker(2), worker(3)];
    for (i, w) in workers.iter_mut().enumerate() {
        let p = unsafe { Pin::new_unchecked(w) }.poll(&mut cx);
        println!("worker {} first poll: {:?}", i + 1, p);
    }
    let mut moved = workers; // UB: moves all three polled futures; P0101
    println!("array moved");
    for w in moved.iter_mut() {
        let q = unsafe { Pin::new_unchecked(w) }.poll(&mut cx);
        println!("{:?}", q);
    }
}
