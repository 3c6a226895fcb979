// `std::future::poll_fn` with a closure that captures only `Unpin` values is itself `Unpin`. Why this
// is fine: `Pin::new` accepts it, and moving it between polls moves a counter, not a self-reference.
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut left = 2;
    let mut fut = poll_fn(move |_| {
        if left == 0 {
            Poll::Ready("done")
        } else {
            left -= 1;
            Poll::Pending
        }
    });
    println!("{:?}", Pin::new(&mut fut).poll(&mut cx));
    let mut moved = fut;
    println!("{:?}", Pin::new(&mut moved).poll(&mut cx));
    println!("{:?}", Pin::new(&mut moved).poll(&mut cx));
}
