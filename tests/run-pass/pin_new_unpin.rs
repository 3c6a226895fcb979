// `Pin::new` on Unpin values and what it allows: `get_mut`, `into_inner`, `as_ref`/`get_ref`,
// `Deref`/`DerefMut` through the pin, and pinning plain data (i32, String, Vec) that is always Unpin.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Ticker {
    count: u32,
}

impl Future for Ticker {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        self.count += 1; // DerefMut through Pin: allowed because Ticker: Unpin
        if self.count >= 3 { Poll::Ready(self.count) } else { Poll::Pending }
    }
}

fn show(p: Pin<&String>) {
    println!("pinned string {:?} of len {}", p.get_ref(), p.len());
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut t = Ticker { count: 0 };
    let mut pinned = Pin::new(&mut t);
    while pinned.as_mut().poll(&mut cx).is_pending() {
        println!("pending at count {}", pinned.count);
    }
    let inner: &mut Ticker = Pin::into_inner(pinned);
    inner.count = 100;
    println!("after into_inner: {}", t.count);

    let mut n = 5;
    let mut pn = Pin::new(&mut n);
    *pn = 6;
    *pn.as_mut().get_mut() += 1;
    println!("n = {}", n);

    let s = String::from("unpin");
    show(Pin::new(&s));

    let mut v = vec![1, 2];
    let mut pv = Pin::new(&mut v);
    pv.push(3);
    let moved_out: Vec<i32> = std::mem::take(pv.as_mut().get_mut()); // moving out is fine: Vec is Unpin
    println!("moved out {:?}, left {:?}", moved_out, v);

    let boxed: Pin<Box<Ticker>> = Box::pin(Ticker { count: 1 });
    let unboxed: Box<Ticker> = Pin::into_inner(boxed);
    let plain: Ticker = *unboxed;
    println!("out of the pinned box: {}", plain.count);
    let pr: Pin<&Ticker> = Pin::new(&plain);
    println!("as_ref: {}", pr.as_ref().count);
}
