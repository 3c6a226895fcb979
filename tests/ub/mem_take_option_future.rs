// A polled self-referential future lives in an `Option` slot; `mem::take` moves it out (leaving
// None) and `unwrap` moves it into `f`, both on one line. Polling `f` reads a stale reference.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn greet(name: &'static str) -> String {
    let greeting = format!("hello, {}", name);
    let g = &greeting;
    yield_once().await;
    format!("{}!", g) // UB: `g` points at `greeting` inside the slot's old contents
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut slot: Option<_> = Some(greet("ferris"));
    if let Some(fut) = slot.as_mut() {
        let p = unsafe { Pin::new_unchecked(fut) }.poll(&mut cx);
        println!("polled in the slot: {:?}", p);
    }
    let mut f = mem::take(&mut slot).unwrap(); // UB: moves the polled future out of the slot; P0101
    println!("slot is now {:?}", slot.is_none());
    let out = unsafe { Pin::new_unchecked(&mut f) }.poll(&mut cx);
    println!("{:?}", out);
}
