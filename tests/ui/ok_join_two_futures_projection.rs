// A hand-written `Join` of two futures, each pinned structurally through `get_unchecked_mut` and
// `Pin::new_unchecked(&mut this.a)`: the usual shape of a combinator before `pin-project`. Why this
// is fine: `Join` has no `impl Unpin` (so it is `!Unpin` when a child is), the children are only
// polled through projections, never moved or replaced, and the `Join` itself is pinned with `Box::pin`.
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

async fn greet(who: &'static str) -> usize {
    let name = String::from(who);
    let r = &name;
    yield_once().await;
    r.len()
}

struct Join<A: Future, B: Future> {
    a: A,
    b: B,
    a_out: Option<A::Output>,
    b_out: Option<B::Output>,
}

impl<A: Future, B: Future> Future for Join<A, B>
where
    A::Output: Copy,
    B::Output: Copy,
{
    type Output = (A::Output, B::Output);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
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
        match (this.a_out, this.b_out) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            _ => Poll::Pending,
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut both = Box::pin(Join { a: greet("ferris"), b: greet("corro"), a_out: None, b_out: None });
    let out = loop {
        if let Poll::Ready(v) = both.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{:?}", out);
}
