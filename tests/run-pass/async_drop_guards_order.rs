// Drop order with async: guards held across awaits, temporaries in an await expression, a future
// dropped mid-way (its saved locals dropped in reverse order), and a completed future dropped later.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

async fn step(tag: &'static str) -> usize {
    let _t = Noisy(tag);
    YieldOnce(false).await;
    tag.len()
}

async fn worker() -> usize {
    let a = Noisy("a");
    let n = step("inner").await;
    let b = Noisy("b");
    let len = Noisy("temp").0.len() + step("second").await;
    drop(a);
    println!("  after explicit drop of a");
    let _c = Noisy("c");
    YieldOnce(false).await;
    let _ = b;
    n + len
}

fn poll_n<F: Future>(fut: Pin<&mut F>, n: usize) -> Option<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = fut;
    for i in 0..n {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("  ready after {} polls", i + 1);
            return Some(v);
        }
    }
    None
}

fn main() {
    println!("run to completion:");
    let mut f = Box::pin(worker());
    let out = poll_n(f.as_mut(), 10);
    println!("output {:?}", out);
    drop(f);
    println!("dropped completed future");
    for polls in [0, 1, 2, 3, 4] {
        println!("cancel after {} polls:", polls);
        let mut f = Box::pin(worker());
        let _ = poll_n(f.as_mut(), polls);
        drop(f);
    }
    println!("done");
}
