// A combinator that pins its child structurally (`map_unchecked_mut`) and does NOT claim `Unpin`:
// `Logged<F>` is `!Unpin` whenever `F` is, so it can only be pinned by `pin!`, `Box::pin` or
// `unsafe`. Why this is fine: the child is only reached through the projection, never moved out, and
// the wrapper is moved only before its first poll. (The same wrapper with `impl Unpin` is
// p0101_wrong_impl_unpin_wrapper.rs.)
use std::future::Future;
use std::pin::{pin, Pin};
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

struct Logged<F> {
    polls: u32,
    inner: F,
}

impl<F: Future> Future for Logged<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        println!("poll #{}", this.polls);
        unsafe { Pin::new_unchecked(&mut this.inner) }.poll(cx)
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let w = Logged { polls: 0, inner: greet() };
    let moved_before_polling = w;
    let mut w = pin!(moved_before_polling);
    while w.as_mut().poll(&mut cx).is_pending() {}
}
