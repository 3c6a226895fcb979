// `std::future::Ready<T>` is `Unpin`: `Pin::new` accepts it and moving it afterwards is allowed.
// Why this is fine: an `Unpin` future promises nothing about its address, so neither `Pin::new` nor
// the move can break anything.
use std::future::{ready, Future};
use std::pin::Pin;
use std::task::{Context, Waker};

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = ready(5);
    let mut other = ready(6);
    println!("{:?}", Pin::new(&mut fut).poll(&mut cx));
    let moved = other;
    other = fut;
    fut = moved;
    println!("{:?}", Pin::new(&mut fut).poll(&mut cx));
    drop(other);
}
