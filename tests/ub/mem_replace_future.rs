// `mem::replace` takes a polled self-referential future out of its variable and puts a new one
// in: the old future is moved into `old`, and polling it there reads through a stale reference.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

struct Stats {
    count: u32,
    sum: u32,
}

async fn average(values: [u32; 4]) -> u32 {
    let stats = Stats { count: values.len() as u32, sum: values.iter().sum() };
    let s = &stats;
    yield_once().await;
    s.sum / s.count // UB: `s` points at `stats` in the place the future was replaced out of
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut current = average([1, 2, 3, 6]);
    let first = unsafe { Pin::new_unchecked(&mut current) }.poll(&mut cx); // P0102: `current` is used below
    println!("first: {:?}", first);
    let mut old = mem::replace(&mut current, average([9, 9, 9, 9])); // UB: moves the polled future; P0101
    println!("replaced");
    let out = unsafe { Pin::new_unchecked(&mut old) }.poll(&mut cx);
    println!("old finished: {:?}", out);
}
