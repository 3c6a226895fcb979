// A future kept in a tuple next to its name, polled in place as `pair.0`, then taken apart with a
// `let` pattern: destructuring by value moves `pair.0` into `fut` (P0101 at the moved tuple).
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
    let mut pair = (greet(), "greeter");
    let _ = unsafe { Pin::new_unchecked(&mut pair.0) }.poll(&mut cx); //~ WARN P0102
    let (fut, label) = pair; //~ ERROR P0101
    println!("{}: {} bytes", label, std::mem::size_of_val(&fut));
}
