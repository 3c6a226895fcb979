// `Pin::get_mut` gives back a plain `&mut` and therefore requires `Unpin`: on a pinned `async fn`
// future it is E0277 (P0103). With the `&mut` one could `mem::swap` the polled future away.
// `get_unchecked_mut` is the `unsafe` way, and moving through it is P0105.
use std::future::Future;
use std::mem;
use std::pin::pin;
use std::task::{Context, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(greet());
    let _ = fut.as_mut().poll(&mut cx);
    let mut other = greet();
    mem::swap(fut.as_mut().get_mut(), &mut other); //~ ERROR P0103
}
