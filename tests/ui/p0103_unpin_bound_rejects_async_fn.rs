// An executor that asks for `F: Future + Unpin` (so that it can use `Pin::new`) cannot be given an
// `async fn` future: rustc rejects the call (E0277), P0103 at the argument. `Box::pin(fut)` is
// `Unpin` and would be accepted (ok_unpin_bound_takes_box_pin.rs).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn block_on<F: Future + Unpin>(mut fut: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = Pin::new(&mut fut).poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("{}", block_on(greet())); //~ ERROR P0103
}
