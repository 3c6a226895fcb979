// A loop polls the future a bounded number of times and gives up while it is still pending; the
// move after the loop relocates a polled, self-referential future (P0101 at the move).
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
    yield_once().await;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    for attempt in 0..2 {
        let p = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
        println!("attempt {}: {:?}", attempt, p);
    }
    let mut later = fut; //~ ERROR P0101
    let p = unsafe { Pin::new_unchecked(&mut later) }.poll(&mut cx); //~ WARN P0102
    println!("after the move: {:?}", p);
}
