// A task queue in the shape of a tiny runtime: `VecDeque<Pin<Box<dyn Future>>>`, tasks pushed back
// after `Pending`, a waker built from `Arc<impl Wake>` that counts wake-ups. Why this is fine: every
// task is pinned by `Box::pin` before its first poll, and the queue moves only the boxes.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

async fn job(name: &'static str, rounds: u32) {
    let owned = String::from(name);
    let label = &owned;
    for round in 0..rounds {
        yield_now().await;
        println!("{} round {}", label, round);
    }
}

fn main() {
    let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker = Waker::from(counter.clone());
    let mut cx = Context::from_waker(&waker);
    let mut queue: VecDeque<Pin<Box<dyn Future<Output = ()>>>> = VecDeque::new();
    queue.push_back(Box::pin(job("a", 2)));
    queue.push_back(Box::pin(job("b", 1)));
    while let Some(mut task) = queue.pop_front() {
        if task.as_mut().poll(&mut cx).is_pending() {
            queue.push_back(task);
        }
    }
    println!("wake-ups: {}", counter.0.load(Ordering::SeqCst));
}
