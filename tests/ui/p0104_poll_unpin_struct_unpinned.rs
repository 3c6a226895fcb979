// Even an `Unpin` future must be polled through `Pin`: `Countdown` is a plain struct (so `Unpin`),
// but `cd.poll(cx)` is still E0599 (P0104), because method lookup never wraps the receiver in a
// `Pin`. `Pin::new(&mut cd).poll(cx)` is the fix, and is fine for `Unpin` types
// (ok_pin_new_on_unpin_future.rs).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Countdown(u32);

impl Future for Countdown {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.0 == 0 {
            Poll::Ready("liftoff")
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut cd = Countdown(2);
    let p = cd.poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
