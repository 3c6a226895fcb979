// A generic `block_on` that uses `Pin::new(&mut fut)`: `F: Future` says nothing about `Unpin`, so
// rustc rejects the body (E0277, "`F` cannot be unpinned"), P0103 at the call. Adding `+ Unpin` to
// the bound moves the error to every caller that passes an `async fn` future
// (p0103_unpin_bound_rejects_async_fn.rs); `pin!(fut)` is the fix.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn answer() -> i32 {
    42
}

fn block_on<F: Future>(mut fut: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = Pin::new(&mut fut).poll(&mut cx) { //~ ERROR P0103
            return v;
        }
    }
}

fn main() {
    println!("{}", block_on(answer()));
}
