// Two self-referential futures are polled through `Pin::new_unchecked`, then swapped (the example
// from the users.rust-lang.org thread "Confusion regarding pinning"). `foo` keeps `y = &x` across
// `bar().await`; `y` points at the `x` stored inside the future itself, so after `mem::swap` each
// future's `y` points into the other one (P0101 at the swap).
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
    let y = &x; //~ NOTE P0001
    bar().await;
    **y
}

fn main() {
    let waker = Waker::noop();
    let mut context = Context::from_waker(&waker);

    let mut future = foo(42);
    let pinned = unsafe { Pin::new_unchecked(&mut future) }; //~ WARN P0102
    let poll1 = pinned.poll(&mut context);
    assert_eq!(poll1, Poll::Pending);

    let mut other = foo(100);
    unsafe {
        let _ = Pin::new_unchecked(&mut other).poll(&mut context); //~ WARN P0102
    }

    mem::swap(&mut future, &mut other); //~ ERROR P0101

    let pinned = unsafe { Pin::new_unchecked(&mut future) }; //~ WARN P0102
    let poll2 = pinned.poll(&mut context);
    println!("{:?}", poll2);
}
