// A tuple holds a label and a self-referential future; the future is pinned inside the tuple
// and polled, then `let (label, mut fut) = pair;` destructures the tuple, moving the future out.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn max_of(values: [i32; 5]) -> i32 {
    let mut best = values[0];
    let best_ref = &mut best; // a mutable reference to another local of this future
    yield_once().await;
    for v in values {
        if v > *best_ref { // UB: `best_ref` points at `best` inside the tuple's old place
            *best_ref = v;
        }
    }
    best
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pair = (String::from("max"), max_of([3, 9, 2, 7, 5]));
    let p = unsafe { Pin::new_unchecked(&mut pair.1) }.poll(&mut cx);
    println!("{}: {:?}", pair.0, p);
    let (label, mut fut) = pair; // UB: destructuring moves the polled future out of the tuple; P0101
    println!("destructured {}", label);
    let q = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx);
    println!("{:?}", q);
}
