// `outer` holds no reference across its own `.await`, but it awaits `greet()`, whose future is kept
// inside `outer`'s future while suspended (rustc's `__awaitee`) and is self-referential. So `outer`'s
// future points into itself too after the first poll, and `let moved = fut;` breaks it (P0101).
// Self-reference is structural: a future that contains a self-referential future is one.
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
    let r = &name;
    yield_once().await;
    r.len()
}

async fn outer() -> usize {
    let n = greet().await;
    n * 2
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = outer();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let mut moved = fut; //~ ERROR P0101
    println!("{:?}", unsafe { Pin::new_unchecked(&mut moved) }.poll(&mut cx));
}
