// After pinning with `Pin::new_unchecked`, the program only reads the future by name (its size, via
// a shared reference): nothing moves, so no P0101. But `fut` stays reachable by name, which is what
// P0102 is about: the next edit could move it.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let p = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    println!("{:?}; the future takes {} bytes", p, mem::size_of_val(&fut));
}
