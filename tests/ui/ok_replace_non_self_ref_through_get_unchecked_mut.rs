// The P0105 counterpart of the debatable pair (see p0102_non_self_ref_moved_after_poll.rs):
// `mem::replace` through `get_unchecked_mut` on a pinned, polled `async fn` future that holds no
// reference across its `.await` (`count_to`'s loop iterator is a `Range`, stored by value). Why this
// is fine, in the reading used here: P0105, like P0101, is about self-referential values; this
// future never points into itself, so moving it out of its pinned place dangles nothing. It does
// break `Pin`'s letter (the value is not dropped where it was pinned), which is why the same code on
// a self-referential future is P0105 (p0105_replace_through_get_unchecked_mut.rs).
use std::future::Future;
use std::mem;
use std::pin::pin;
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

async fn count_to(n: u32) -> u32 {
    let mut total = 0;
    for i in 0..n {
        yield_once().await;
        total += i;
    }
    total
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(count_to(3));
    let _ = fut.as_mut().poll(&mut cx);
    let old = mem::replace(unsafe { fut.as_mut().get_unchecked_mut() }, count_to(2));
    let mut old = pin!(old);
    while old.as_mut().poll(&mut cx).is_pending() {}
    while fut.as_mut().poll(&mut cx).is_pending() {}
    println!("both finished");
}
