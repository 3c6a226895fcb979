// The poll happens on one branch, the move after the `if`: on the path where `warm_up` was true the
// future is self-referential when it is moved (P0101 at the move). A move is reported when the value
// may have been polled on some path that reaches it.
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
    let warm_up = std::env::args().count() < 5;
    let mut fut = greet();
    if warm_up {
        let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    }
    let moved = fut; //~ ERROR P0101
    println!("moved {} bytes", std::mem::size_of_val(&moved));
}
