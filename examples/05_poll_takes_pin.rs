// Teaches: why `Future::poll` takes `self: Pin<&mut Self>` and not `&mut self`.
//
// If it took `&mut self`, nothing would stop this (it does not compile today, which is the point):
//
//     let mut fut = some_async();
//     fut.poll(cx);       // self-references created inside fut
//     let fut2 = fut;     // moved
//     fut2.poll(cx);      // dangling pointer
//
// With `Pin<&mut Self>`, safe code can only poll a future after pinning it, and pinning a `!Unpin`
// future safely means putting it where it can never move again. What stays allowed is shown here:
// moving a future *before* its first poll, and moving the *pointer* (the Box) between polls.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn some_async_op() {
    let mut polled = false;
    std::future::poll_fn(move |_| if polled { Poll::Ready(()) } else { polled = true; Poll::Pending }).await
}

async fn some_async() -> usize {
    let words = vec!["pin", "the", "future"];
    let longest = &words; // borrowed across the await: the future is self-referential
    some_async_op().await;
    longest.iter().map(|w| w.len()).max().unwrap_or(0)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    let fut = some_async(); // Unresumed: it only holds its (empty) arguments
    let moved_before_polling = fut; // fine: nothing points into it yet
    let mut boxed: Pin<Box<dyn Future<Output = usize>>> = Box::pin(moved_before_polling);

    let first = boxed.as_mut().poll(&mut cx);
    println!("first poll: {:?}", first);

    let moved_box = boxed; // fine: moves the pointer; the future stays where Box::pin put it
    let mut boxed = moved_box;
    let second = boxed.as_mut().poll(&mut cx);
    println!("second poll: {:?}", second);

    // `some_async().poll(&mut cx)` on an unpinned future does not compile (E0599: `poll` needs
    // a `Pin<&mut Self>` receiver); `pinion check` reports it as P0104.
    let mut plain = std::future::ready("ready futures are Unpin");
    println!("Pin::new works for Unpin futures: {:?}", Pin::new(&mut plain).poll(&mut cx));
}
