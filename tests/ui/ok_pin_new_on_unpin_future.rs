// A hand-written future without `PhantomPinned` and without self-pointers is `Unpin`. Why this is
// fine: `Pin::new` accepts it, and moving or swapping it between polls cannot dangle anything,
// because it holds no pointer into itself.
use std::future::Future;
use std::mem;
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
    let mut a = Countdown(1);
    let mut b = Countdown(3);
    println!("{:?}", Pin::new(&mut a).poll(&mut cx));
    mem::swap(&mut a, &mut b);
    let mut moved = a;
    println!("{:?} {:?}", Pin::new(&mut moved).poll(&mut cx), Pin::new(&mut b).poll(&mut cx));
}
