// The debatable one, second half (first half: p0102_non_self_ref_moved_after_poll.rs). `count_to`
// holds no reference across its `.await`, so its future never points into itself. It is pinned on
// the heap with `Pin::new_unchecked(&mut *b)` (no stack local: no P0102), polled, then moved out
// with `*b`. Why this is fine, in the reading used here: P0101 is about self-referential values, and
// moving a future that holds no reference into itself dangles nothing, even though it is `!Unpin`.
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
    let mut b = Box::new(count_to(3));
    let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    let mut again = Box::new(*b);
    loop {
        if let Poll::Ready(total) = unsafe { Pin::new_unchecked(&mut *again) }.poll(&mut cx) {
            println!("total: {}", total);
            break;
        }
    }
}
