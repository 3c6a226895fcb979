// The `block_on` from the seed article "The Problem: Self-Referential Futures": it moves the future
// into a local and pins it with `Pin::new_unchecked`, and it never moves it again, so it is sound as
// written. But the local `fut` stays reachable by name for the rest of the function: one edit
// (`let other = fut;` inside the loop) breaks the promise with no `unsafe` in sight. That is P0102;
// the fix is `let mut pinned = pin!(fut);` (ok_generic_block_on_pin_macro.rs) or shadowing the local
// with its own pin (ok_block_on_shadowed_new_unchecked.rs).
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

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = fut;
    let mut pinned = unsafe { Pin::new_unchecked(&mut fut) }; //~ WARN P0102
    // fut lives here until block_on returns, never moves
    loop {
        match pinned.as_mut().poll(&mut cx) {
            Poll::Ready(val) => return val,
            Poll::Pending => {}
        }
    }
}

fn main() {
    println!("{}", block_on(greet()));
}
