// `Pin::into_inner` unwraps the pointer and so requires `Unpin`: on `Pin<Box<async fn future>>` it is
// E0277 (P0103). `Box::pin` is a one-way door for `!Unpin` values.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pinned = Box::pin(greet());
    let _ = pinned.as_mut().poll(&mut cx);
    let unpinned: Box<_> = Pin::into_inner(pinned); //~ ERROR P0103
    let moved = *unpinned;
    drop(moved);
}
