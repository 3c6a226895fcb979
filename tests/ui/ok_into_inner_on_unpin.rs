// `Pin::into_inner` requires `Unpin`, and `Pin<Box<Countdown>>` holds an `Unpin` future. Why this is
// fine: unwrapping the pin of an `Unpin` value breaks no promise, so the box can be taken back and
// its contents moved.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Countdown(u32);

impl Future for Countdown {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pinned = Box::pin(Countdown(2));
    let _ = pinned.as_mut().poll(&mut cx);
    let boxed: Box<Countdown> = Pin::into_inner(pinned);
    let cd = *boxed;
    println!("{} left", cd.0);
}
