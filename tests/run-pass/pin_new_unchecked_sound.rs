// `Pin::new_unchecked` used soundly: on a local that is shadowed so it can never be named again (what
// `pin!` does), on the contents of a Box that is never moved out of, and inside a function that
// owns the future until it is done. The pinned futures borrow across awaits, and nothing moves them.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn sum_refs(values: Vec<u32>) -> u32 {
    let first = &values[0]; // borrows `values` across the awaits
    let mut total = 0;
    for v in &values {
        tick().await;
        total += v;
    }
    total + *first
}

// Owns `fut` until it returns: `fut` is never moved after being pinned.
fn block_on<F: Future>(mut fut: F) -> F::Output {
    let mut fut = unsafe { Pin::new_unchecked(&mut fut) }; // shadows the only name of the value
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("block_on: {}", block_on(sum_refs(vec![1, 2, 3])));

    let mut cx = Context::from_waker(Waker::noop());
    let fut = sum_refs(vec![10, 20]);
    let mut fut = fut; // moving before the first poll is fine
    let mut fut = unsafe { Pin::new_unchecked(&mut fut) }; // shadowed: the value has no name now
    let mut polls = 1;
    while fut.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    println!("shadowed local: ready after {} polls", polls);

    let mut boxed = Box::new(sum_refs(vec![5, 5, 5]));
    let mut on_heap = unsafe { Pin::new_unchecked(&mut *boxed) }; // the Box is never moved out of
    let out = loop {
        if let Poll::Ready(v) = on_heap.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("boxed contents: {}", out);
    let moved_box = boxed; // moving the Box moves the pointer; the future stays on the heap
    drop(moved_box);
    println!("done");
}
