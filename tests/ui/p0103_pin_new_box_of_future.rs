// `Pin::new(Box::new(fut))` is not `Box::pin(fut)`: `Pin::new` requires the pointee to be `Unpin`
// whatever the pointer is, so this is E0277 (P0103). `Box::pin` (or `Box::into_pin`) is the
// constructor that pins on the heap without that requirement.
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
    let mut fut = Pin::new(Box::new(greet())); //~ ERROR P0103
    println!("{:?}", fut.as_mut().poll(&mut cx));
}
