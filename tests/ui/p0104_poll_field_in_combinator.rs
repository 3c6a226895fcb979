// Inside a hand-written combinator, `self.inner.poll(cx)` reaches the child through `Pin`'s `Deref`
// and gets a plain place, not a `Pin`: E0599 (P0104). The child has to be pin-projected
// (`unsafe { self.map_unchecked_mut(|s| &mut s.inner) }`) before it can be polled.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Doubled<F> {
    inner: F,
}

impl<F: Future<Output = i32>> Future for Doubled<F> {
    type Output = i32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<i32> {
        match self.inner.poll(cx) { //~ ERROR P0104
            Poll::Ready(v) => Poll::Ready(v * 2),
            Poll::Pending => Poll::Pending,
        }
    }
}

async fn answer() -> i32 {
    21
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = Box::pin(Doubled { inner: answer() });
    println!("{:?}", fut.as_mut().poll(&mut cx));
}
