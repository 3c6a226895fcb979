// A `move` closure captures by value: creating `describe` moves the polled, self-referential future
// into the closure's environment (P0101 at the closure that captures `fut`), even though the body
// only reads it. Without `move`, the closure would borrow `fut` and nothing would move.
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
    let describe = move || format!("a future of {} bytes", std::mem::size_of_val(&fut)); //~ ERROR P0101
    println!("{}", describe());
}
