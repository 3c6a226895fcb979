// A polled self-referential future is passed by value to a function that finishes it: the call
// moves the future into the callee's parameter, and the borrow `first` saved in its Suspend0 state
// still points at the caller's copy.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn first_word(text: String) -> usize {
    let words: Vec<&str> = text.split(' ').collect(); // points into the heap buffer: fine
    let first = &words; // points at `words`, a local of this future
    yield_once().await;
    first[0].len() // UB: reads `words` through `first`, which points into the caller's copy
}

// Sound on its own: it owns `fut` and shadows its only name with the pin.
fn finish<F: Future>(mut fut: F) -> F::Output {
    let mut fut = unsafe { Pin::new_unchecked(&mut fut) };
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = first_word(String::from("pinned futures stay put"));
    let p = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); // P0102: `fut` is used again below
    println!("started: {:?}", p);
    let n = finish(fut); // UB: passes the polled future by value; P0101
    println!("first word has {} letters", n);
}
