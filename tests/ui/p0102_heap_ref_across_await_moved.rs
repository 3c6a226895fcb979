// A reference that crosses the `.await` but points into the heap, not into the future: `first =
// &v[0]` points into the `Vec`'s buffer. Moving the future moves the `Vec`'s (pointer, capacity,
// length) header with it; the buffer, and `first`, stay where they were ("the supermarket does not
// move with the house", in the seed thread). So the move after polling dangles nothing: no P0101.
// The `Pin::new_unchecked` on a local that stays reachable is still P0102. (`&v` itself, or `&v[0]`
// of an array stored in the future, would be a self-reference: p0101_async_block_moved.rs.)
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

async fn holds_borrow() -> usize {
    let v = vec![1, 2, 3];
    let first = &v[0];
    yield_once().await;
    *first
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = holds_borrow();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let mut moved = fut;
    let mut moved = unsafe { Pin::new_unchecked(&mut moved) };
    println!("{:?}", moved.as_mut().poll(&mut cx));
}
