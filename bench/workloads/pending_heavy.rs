// Pending-heavy: every `.await` suspends once. `YieldOnce` is a hand-written future that wakes its
// task and returns Pending on its first poll and Ready on the second, so each of the n awaits costs a
// return to the executor and a second poll of the whole future.
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

fn yield_once(value: u32) -> YieldOnce {
    YieldOnce { value, yielded: false }
}

async fn pending_heavy(n: u32) -> u32 {
    let mut total: u32 = 0;
    for i in 0..n {
        total += yield_once(i & 7).await;
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
    println!("pending_heavy(1000) = {}", block_on(pending_heavy(1000)));
    println!("pending_heavy(100000) = {}", block_on(pending_heavy(100000)));
}
