// `std::future::poll_fn` with closures that keep state: a counter captured by `move`, a closure that
// borrows a local Vec mutably, and a poll_fn that returns a value computed from its captures.
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(fut: F) -> (F::Output, u32) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
    }
}

async fn countdown(from: u32) -> &'static str {
    let mut n = from;
    poll_fn(move |_cx| {
        if n == 0 {
            Poll::Ready("liftoff")
        } else {
            println!("n = {}", n);
            n -= 1;
            Poll::Pending
        }
    })
    .await
}

fn main() {
    println!("{:?}", block_on(countdown(3)));

    let mut seen = Vec::new();
    let collect = poll_fn(|_cx| {
        seen.push(seen.len() * 2);
        if seen.len() < 4 { Poll::Pending } else { Poll::Ready(seen.len()) }
    });
    let (len, polls) = block_on(collect);
    println!("collected {} in {} polls: {:?}", len, polls, seen);

    let base = 40;
    let mut extra = 0;
    let answer = poll_fn(|cx: &mut Context<'_>| {
        extra += 1;
        if extra < 2 {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(base + extra)
    });
    println!("{:?}", block_on(answer));
    println!("extra after = {}", extra);
}
