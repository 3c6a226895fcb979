// A wrapper future with a wrong `Unpin` impl. `Wrapper<F>` projects `Pin<&mut Self>` to its inner
// future with `map_unchecked_mut` (structural pinning), yet also claims `Unpin` for every `F`.
// Rust accepts the impl — `Unpin` is a safe trait, so no `unsafe impl` is needed or allowed — and
// that lets entirely safe code in `main` call `Pin::get_mut` and move the polled inner future.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Wrapper<F> {
    inner: F,
}

impl<F> Unpin for Wrapper<F> {} // wrong: the inner future is pinned structurally below

impl<F: Future> Future for Wrapper<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        unsafe { self.map_unchecked_mut(|w| &mut w.inner) }.poll(cx)
    }
}

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn initials(name: &'static str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let w = &words;
    yield_once().await;
    w.iter().map(|s| &s[..1]).collect() // UB: `w` points into the old `inner`
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut w = Wrapper { inner: initials("grace brewster hopper") };
    println!("first poll: {:?}", Pin::new(&mut w).poll(&mut cx)); // Pin::new: allowed by the Unpin impl
    let fresh = Wrapper { inner: initials("ada lovelace") };
    let mut old = mem::replace(Pin::new(&mut w).get_mut(), fresh); // UB: safe code moves the polled inner future; P0101
    println!("replaced the wrapper's contents");
    println!("old: {:?}", Pin::new(&mut old).poll(&mut cx));
}
