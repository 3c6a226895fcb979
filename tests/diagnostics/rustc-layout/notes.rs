// A note of several lines, and help lines.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn tick() {}

async fn holds_borrow() -> usize {
    let v = vec![1, 2, 3];
    let first = &v[0];
    tick().await;
    *first
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = holds_borrow();
    let _ = Pin::new(&mut fut).poll(&mut cx);
    let mut other = holds_borrow();
    let _ = other.poll(&mut cx);
}
