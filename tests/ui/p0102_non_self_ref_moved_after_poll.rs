// The debatable one, first half. `count_to` holds no reference across its `.await` (the `for` loop's
// `Range` iterator is stored by value), so its future never points into itself. It is polled through
// `Pin::new_unchecked` and then moved: the promise of `Pin` is broken in letter (every `async fn`
// future is `!Unpin`), but nothing can dangle, and the program is not undefined behavior. Reading used
// here: P0101 is about self-referential values, so no P0101; the `Pin::new_unchecked` on a local that
// stays reachable (and is moved) is still P0102. Second half, with the future pinned on the heap so
// that no P0102 applies either: ok_non_self_ref_moved_out_of_box.rs.
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
    let mut fut = count_to(3);
    let first = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    println!("first: {:?}", first);
    let mut moved = fut;
    let mut moved = unsafe { Pin::new_unchecked(&mut moved) };
    loop {
        if let Poll::Ready(total) = moved.as_mut().poll(&mut cx) {
            println!("total: {}", total);
            break;
        }
    }
}
