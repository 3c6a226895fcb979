// `Pin::get_mut` requires `Unpin`, and `Countdown` is `Unpin`. Why this is fine: for an `Unpin` type
// the pin is just a `&mut`, and getting it back (even to `mem::replace` the value) breaks no promise.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Countdown(u32);

impl Future for Countdown {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        if this.0 == 0 {
            Poll::Ready(0)
        } else {
            this.0 -= 1;
            Poll::Pending
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut cd = Countdown(2);
    let mut p = Pin::new(&mut cd);
    let _ = p.as_mut().poll(&mut cx);
    let old = mem::replace(p.as_mut().get_mut(), Countdown(0));
    println!("old had {} left; now {:?}", old.0, p.as_mut().poll(&mut cx));
}
