// `Pin::new_unchecked(&mut cd)` on a local of an `Unpin` type, which stays reachable and is moved
// afterwards. Reading used here: P0102 is about `!Unpin` values (and generic ones that may be
// `!Unpin`); for an `Unpin` type the `unsafe` pin promises nothing that a move could break. Why this
// is fine: `Countdown` is `Unpin`, so `Pin::new` would have done, and moving it is allowed.
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
    let mut cd = Countdown(1);
    println!("{:?}", unsafe { Pin::new_unchecked(&mut cd) }.poll(&mut cx));
    let mut moved = cd;
    println!("{:?}", Pin::new(&mut moved).poll(&mut cx));
}
