// A hand-written `Map` combinator with structural pinning: `poll` projects `Pin<&mut Map<F, G>>` to
// `Pin<&mut F>` with `map_unchecked_mut`, and takes the closure out of an `Option` (never pinned).
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Map<F, G> {
    future: F,
    f: Option<G>,
}

impl<F: Future, G: FnOnce(F::Output) -> T, T> Future for Map<F, G> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // SAFETY: `future` is never moved out of a pinned Map; `f` is not structurally pinned.
        let this = unsafe { self.get_unchecked_mut() };
        let future = unsafe { Pin::new_unchecked(&mut this.future) };
        match future.poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(v) => {
                let f = this.f.take().expect("Map polled after completion");
                Poll::Ready(f(v))
            }
        }
    }
}

fn map<F: Future, G: FnOnce(F::Output) -> T, T>(future: F, f: G) -> Map<F, G> {
    Map { future, f: Some(f) }
}

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn word_count(text: String) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect(); // borrows `text` across the await
    tick().await;
    words.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(map(word_count(String::from("the quick brown fox")), |n| n * 100));
    let mut polls = 0;
    let v = loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("mapped = {} after {} polls", v, polls);

    let chained = map(map(async { 3 }, |x| x + 1), |x| format!("<{}>", x));
    let mut chained = Box::pin(chained);
    if let Poll::Ready(s) = chained.as_mut().poll(&mut cx) {
        println!("chained = {}", s);
    }
}
