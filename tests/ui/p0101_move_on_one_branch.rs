// A move on only one branch of an `if`: when `hand_off` is true the polled, self-referential future
// is moved into `other` (P0101 at that move); on the other path it stays where it was pinned.
// A move that happens on some path is reported.
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
    let hand_off = std::env::args().count() < 5;
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    if hand_off {
        let mut other = fut; //~ ERROR P0101
        let r = unsafe { Pin::new_unchecked(&mut other) }.poll(&mut cx); //~ WARN P0102
        println!("handed off: {:?}", r);
    } else {
        println!("kept in place");
    }
}
