// A `move` closure captures a self-referential future and polls it each time it is called. The
// first call polls the future inside the closure; moving the closure moves the future with it,
// and the second call resumes a future whose saved reference points at the old closure.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn count_vowels(text: &'static str) -> usize {
    let vowels = ['a', 'e', 'i', 'o', 'u'];
    let v = &vowels;
    yield_once().await;
    text.chars().filter(|c| v.contains(c)).count() // UB: `v` points into the old closure
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = count_vowels("pinning is a promise");
    let mut step = move |cx: &mut Context<'_>| unsafe { Pin::new_unchecked(&mut fut) }.poll(cx);
    println!("first call: {:?}", step(&mut cx));
    let mut moved = step; // UB: moving the closure moves the polled future it owns; P0101
    println!("closure moved");
    println!("second call: {:?}", moved(&mut cx));
}
