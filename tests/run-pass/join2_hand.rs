// A join of two futures written by hand: both children live in one pinned struct, each poll polls
// the unfinished ones, and results wait in `Option`s until both are done.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Join2<A: Future, B: Future> {
    a: A,
    b: B,
    a_out: Option<A::Output>,
    b_out: Option<B::Output>,
}

impl<A: Future, B: Future> Future for Join2<A, B> {
    type Output = (A::Output, B::Output);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: `a` and `b` are structurally pinned: never moved while `self` is pinned.
        let this = unsafe { self.get_unchecked_mut() };
        if this.a_out.is_none() {
            if let Poll::Ready(v) = unsafe { Pin::new_unchecked(&mut this.a) }.poll(cx) {
                this.a_out = Some(v);
            }
        }
        if this.b_out.is_none() {
            if let Poll::Ready(v) = unsafe { Pin::new_unchecked(&mut this.b) }.poll(cx) {
                this.b_out = Some(v);
            }
        }
        if this.a_out.is_some() && this.b_out.is_some() {
            Poll::Ready((this.a_out.take().unwrap(), this.b_out.take().unwrap()))
        } else {
            Poll::Pending
        }
    }
}

fn join2<A: Future, B: Future>(a: A, b: B) -> Join2<A, B> {
    Join2 { a, b, a_out: None, b_out: None }
}

async fn steps(name: &str, n: u32) -> u32 {
    for i in 1..=n {
        println!("{} step {}", name, i);
        let mut yielded = false;
        std::future::poll_fn(|_| if yielded { Poll::Ready(()) } else { yielded = true; Poll::Pending }).await;
    }
    n * 10
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut both = pin!(join2(steps("left", 3), steps("right", 1)));
    let mut round = 0;
    let out = loop {
        round += 1;
        println!("round {}", round);
        if let Poll::Ready(v) = both.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("joined: {:?}", out);
    let mut three = Box::pin(join2(join2(steps("x", 1), steps("y", 2)), async { "z" }));
    while three.as_mut().poll(&mut cx).is_pending() {}
    println!("done");
}
