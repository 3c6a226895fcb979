// async fn, async blocks, .await in every position, hand-written futures, Pin and Context.
#![allow(dead_code, unused_variables)]
use std::future::{self, Future};
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

async fn leaf(x: u32) -> u32 {
    x
}
async fn fallible(x: u32) -> Result<u32, String> {
    Ok(x)
}
async fn awaits() -> Result<u32, String> {
    let a = leaf(1).await;
    let b = leaf(2).await + leaf(3).await;
    let c = leaf(leaf(4).await).await;
    let d = fallible(5).await?;
    let e = (async { 6 }).await;
    let f = async move { a + b }.await;
    let s = String::from("borrowed");
    let r = &s;
    leaf(7).await;
    if leaf(8).await > 0 {
        leaf(9).await;
    }
    let m = match leaf(10).await {
        0 => 0,
        n => leaf(n).await,
    };
    for i in 0..2 {
        leaf(i).await;
    }
    while leaf(0).await > 1 {}
    let v = vec![leaf(11).await, 12];
    Ok(a + b + c + d + e + f + m + r.len() as u32)
}

struct Countdown {
    left: u32,
    _pin: PhantomPinned,
}
impl Future for Countdown {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = unsafe { self.get_unchecked_mut() };
        if this.left == 0 {
            Poll::Ready("done")
        } else {
            this.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    let boxed: Pin<Box<dyn Future<Output = u32>>> = Box::pin(leaf(1));
    let ready = future::ready(3);
    let polled = future::poll_fn(|_cx: &mut Context<'_>| Poll::Ready(4));
    let block = async {
        let x = leaf(1).await;
        x + 1
    };
    let closure = async move || 5;
    println!("{:?}", block_on(awaits()));
    println!("{}", block_on(Countdown { left: 2, _pin: PhantomPinned }));
}
