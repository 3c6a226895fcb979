// Teaches: `Pin` is a promise, not a lock. `Pin::new_unchecked` does nothing at run time; the
// compiler takes your word that the value will not move. Nothing stops unsafe code from breaking
// that word (the blog post's last example):
//
//     let pinned = unsafe { Pin::new_unchecked(&mut fut) };
//     pinned.poll(cx);
//     let fut2 = fut; // moved — you broke your promise
//
// The safe APIs (`Box::pin`, `pin!`) make the promise true by construction. This program breaks it:
// `pinion run` stops at the read through the stale self-reference and names the move.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn some_async() -> usize {
    let text = String::from("a promise is a promise");
    let words = &text;
    yield_once().await;
    words.split(' ').count() // UB: `words` points into the moved-from `fut`
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = some_async();
    let pinned = unsafe { Pin::new_unchecked(&mut fut) }; // P0102: `fut` is still reachable by name
    println!("first poll: {:?}", pinned.poll(&mut cx));

    // Nothing stops you from doing this in unsafe code:
    let mut fut2 = fut; // UB: moved — you broke your promise; P0101
    println!("moved the future");
    let second = unsafe { Pin::new_unchecked(&mut fut2) }.poll(&mut cx);
    println!("second poll: {:?}", second);
}
