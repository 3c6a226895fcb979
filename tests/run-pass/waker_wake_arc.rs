// The `Wake` trait with `Arc`: `Waker::from(Arc<W>)`, the difference between `wake` (consumes a
// waker) and `wake_by_ref`, and `Arc::strong_count` as wakers are cloned and dropped.
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct CountingWaker {
    name: &'static str,
    wakes: AtomicUsize,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let n = self.wakes.fetch_add(1, Ordering::SeqCst) + 1;
        println!("  {} woken ({} so far)", self.name, n);
    }
}

async fn needs_three_polls() -> &'static str {
    let mut polls = 0;
    std::future::poll_fn(move |cx| {
        polls += 1;
        if polls == 3 {
            return Poll::Ready("done");
        }
        let w: Waker = cx.waker().clone();
        w.wake(); // consumes the clone
        Poll::Pending
    })
    .await
}

fn main() {
    let counter = Arc::new(CountingWaker { name: "main", wakes: AtomicUsize::new(0) });
    println!("strong count before: {}", Arc::strong_count(&counter));
    let waker = Waker::from(counter.clone());
    println!("strong count with a waker: {}", Arc::strong_count(&counter));
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(needs_three_polls());
    let out = loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => println!("pending; strong count {}", Arc::strong_count(&counter)),
        }
    };
    println!("result: {}", out);
    let extra = waker.clone();
    println!("with a cloned waker: {}", Arc::strong_count(&counter));
    extra.wake_by_ref();
    extra.wake();
    drop(waker);
    println!("after dropping both: {}", Arc::strong_count(&counter));
    println!("total wakes: {}", counter.wakes.load(Ordering::SeqCst));
}
