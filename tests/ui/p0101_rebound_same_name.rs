// `let mut fut = fut;` looks like it keeps the future where it is, but it is a move into a new local
// that happens to have the same name. Done before the first poll it is harmless (that is how
// `pin_mut!` starts); done after a poll it moves a self-referential future (P0101 at the right-hand
// `fut`).
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let mut fut = fut; //~ ERROR P0101
    let fut = unsafe { Pin::new_unchecked(&mut fut) };
    println!("{:?}", fut.poll(&mut cx));
}
