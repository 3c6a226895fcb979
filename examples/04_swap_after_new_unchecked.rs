// Teaches: what goes wrong if a polled future moves — the forum's `mem::swap` example, complete.
//
// `foo` keeps `x` (a Box) and `y = &x` across an await. After the first poll, each future holds a
// pointer into itself. `Pin::new_unchecked` is a promise that the future will not move again;
// `mem::swap` breaks that promise: each future's `y` now points into the *other* variable.
// This program has undefined behavior at `**y`; `pinion run` stops there and names the swap.
use std::{
    future::{self, Future},
    mem,
    pin::Pin,
    task::{Context, Poll, Waker},
};

async fn bar() {
    let mut polled = false;
    future::poll_fn(move |_| {
        if polled {
            Poll::Ready(())
        } else {
            polled = true;
            Poll::Pending
        }
    })
    .await;
}

async fn foo(x: i32) -> i32 {
    let x = Box::new(x);
    let y = &x;
    bar().await;
    **y // UB: `y` points into the place the swap filled with the other future
}

fn main() {
    let waker = Waker::noop();
    let mut context = Context::from_waker(&waker);

    let mut future = foo(42);

    let pinned = unsafe { Pin::new_unchecked(&mut future) }; // P0102: `future` is swapped below
    let poll1 = pinned.poll(&mut context);
    assert_eq!(poll1, Poll::Pending);
    println!("first poll: {:?}", poll1);

    let mut other = foo(100);
    unsafe {
        let _ = Pin::new_unchecked(&mut other).poll(&mut context);
    }

    // XXX: Undefined behavior here!
    mem::swap(&mut future, &mut other); // UB: both futures were polled; P0101

    let pinned = unsafe { Pin::new_unchecked(&mut future) };
    let poll2 = pinned.poll(&mut context);
    // NOTE: This assertion will fail (or anything else may happen).
    assert_eq!(poll2, Poll::Ready(42));
    println!("second poll: {:?}", poll2);
}
