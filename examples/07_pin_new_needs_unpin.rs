// Teaches: why `Pin::new` (and `Pin::get_mut`) require `Unpin`.
//
// `Unpin` means "moving me is harmless even after I was pinned". Plain data and most hand-written
// futures are Unpin, so `Pin::new(&mut x)` is safe for them: they may even move between polls.
// Every `async fn` future is `!Unpin` (it *might* hold a self-reference), so `Pin::new` rejects it:
//
//     let mut fut = count_to(3);
//     Pin::new(&mut fut).poll(&mut cx); // error[E0277]: `{async fn body of count_to()}` cannot be unpinned (P0103)
//
// The way out is to pin it somewhere stable; `Pin<Box<F>>` is itself Unpin, so it works anywhere
// an `Unpin` future is required.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Countdown(u32); // no self-references: automatically Unpin

impl Future for Countdown {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        let this = self.get_mut(); // allowed: Countdown is Unpin
        if this.0 == 0 {
            return Poll::Ready("liftoff");
        }
        this.0 -= 1;
        Poll::Pending
    }
}

async fn count_to(n: u32) -> u32 {
    let mut total = 0;
    for i in 1..=n {
        Countdown(1).await;
        total += i;
    }
    total
}

// Needs `Unpin` because it polls through `Pin::new`.
fn poll_unpin<F: Future + Unpin>(fut: &mut F, cx: &mut Context<'_>) -> Poll<F::Output> {
    Pin::new(fut).poll(cx)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    let mut c = Countdown(2);
    while poll_unpin(&mut c, &mut cx).is_pending() {
        let moved = c; // moving an Unpin future between polls is fine
        c = moved;
        println!("countdown at {}", c.0);
    }

    let mut boxed = Box::pin(count_to(3)); // Pin<Box<_>>: Unpin, whatever is inside
    let mut polls = 1;
    let total = loop {
        if let Poll::Ready(v) = poll_unpin(&mut boxed, &mut cx) {
            break v;
        }
        polls += 1;
    };
    println!("count_to(3) = {} after {} polls", total, polls);

    let mut n = 5;
    let mut pinned_int = Pin::new(&mut n); // i32 is Unpin
    *pinned_int.as_mut().get_mut() += 1;
    println!("pinned i32 can still change: {}", n);
}
