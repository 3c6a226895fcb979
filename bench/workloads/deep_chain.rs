// Deep chain: a chain of 12 async fns, each awaiting the next, with a future at the bottom that is
// Pending once. Each outer iteration builds the 12 nested futures (13 awaits counting the one in the
// loop), suspends at the bottom, and polls the whole chain again from the top to finish it — the cost
// of depth that Rust's poll model pays where a JS promise chain resumes only the innermost frame.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct YieldOnce {
    value: u32,
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.yielded {
            Poll::Ready(self.value)
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn d1(x: u32) -> u32 {
    YieldOnce { value: x & 7, yielded: false }.await + 1
}
async fn d2(x: u32) -> u32 {
    d1(x).await + 1
}
async fn d3(x: u32) -> u32 {
    d2(x).await + 1
}
async fn d4(x: u32) -> u32 {
    d3(x).await + 1
}
async fn d5(x: u32) -> u32 {
    d4(x).await + 1
}
async fn d6(x: u32) -> u32 {
    d5(x).await + 1
}
async fn d7(x: u32) -> u32 {
    d6(x).await + 1
}
async fn d8(x: u32) -> u32 {
    d7(x).await + 1
}
async fn d9(x: u32) -> u32 {
    d8(x).await + 1
}
async fn d10(x: u32) -> u32 {
    d9(x).await + 1
}
async fn d11(x: u32) -> u32 {
    d10(x).await + 1
}
async fn d12(x: u32) -> u32 {
    d11(x).await + 1
}

async fn deep_chain(n: u32) -> u32 {
    let mut total: u32 = 0;
    for i in 0..n {
        total += d12(i).await;
    }
    total
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
    println!("deep_chain(1000) = {}", block_on(deep_chain(1000)));
    println!("deep_chain(100000) = {}", block_on(deep_chain(100000)));
}
