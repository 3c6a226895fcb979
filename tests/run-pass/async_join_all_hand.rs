// A hand-written `join_all`: a Vec of boxed futures polled together each round, results kept in
// input order no matter which finishes first; finished futures are dropped early (Option::take).
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct JoinAll<T> {
    futures: Vec<Option<Pin<Box<dyn Future<Output = T>>>>>,
    results: Vec<Option<T>>,
}

// Sound: nothing in JoinAll is pinned structurally (the futures are pinned in their own boxes).
impl<T> Unpin for JoinAll<T> {}

impl<T> Future for JoinAll<T> {
    type Output = Vec<T>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<T>> {
        let this = &mut *self; // DerefMut through Pin: JoinAll is Unpin
        for (i, slot) in this.futures.iter_mut().enumerate() {
            if let Some(fut) = slot {
                if let Poll::Ready(v) = fut.as_mut().poll(cx) {
                    println!("  future {} finished", i);
                    this.results[i] = Some(v);
                    *slot = None;
                }
            }
        }
        if this.futures.iter().all(|f| f.is_none()) {
            Poll::Ready(this.results.iter_mut().map(|r| r.take().unwrap()).collect())
        } else {
            Poll::Pending
        }
    }
}

fn join_all<T>(futures: Vec<Pin<Box<dyn Future<Output = T>>>>) -> JoinAll<T> {
    let n = futures.len();
    JoinAll { futures: futures.into_iter().map(Some).collect(), results: (0..n).map(|_| None).collect() }
}

async fn work(id: u32, rounds: u32) -> String {
    for _ in 0..rounds {
        let mut y = false;
        std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    }
    format!("job{}:{}", id, rounds)
}

fn main() {
    let futures: Vec<Pin<Box<dyn Future<Output = String>>>> =
        vec![Box::pin(work(0, 3)), Box::pin(work(1, 0)), Box::pin(work(2, 1)), Box::pin(work(3, 2))];
    let mut all = pin!(join_all(futures));
    let mut cx = Context::from_waker(Waker::noop());
    let mut round = 0;
    let out = loop {
        round += 1;
        println!("round {}", round);
        if let Poll::Ready(v) = all.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{:?}", out);
    let empty: JoinAll<u8> = join_all(vec![]);
    let mut empty = pin!(empty);
    println!("empty: {:?}", empty.as_mut().poll(&mut cx));
}
