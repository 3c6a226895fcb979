// A self-referential future is polled once through `Pin::new_unchecked`, then moved with `let`.
// `greet` keeps `r = &name` across its `.await`, so after the first poll the future's saved `r`
// points at the future's own `name`. `let mut moved = fut;` copies the future to a new place and
// leaves `r` pointing at the old one: the promise made by `Pin::new_unchecked` is broken (P0101).
// Both `Pin::new_unchecked` calls pin a stack local that stays reachable by name (P0102).
use std::future::Future;
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
    let r = &name; //~ NOTE P0001
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    println!("first: {:?}", first);
    let mut moved = fut; //~ ERROR P0101
    let second = unsafe { Pin::new_unchecked(&mut moved) }.poll(&mut cx); //~ WARN P0102
    println!("second: {:?}", second);
}
