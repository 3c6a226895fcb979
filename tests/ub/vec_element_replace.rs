// Futures stored in a Vec: element 0 is pinned in place and polled, then `mem::replace` on
// `tasks[0]` swaps in a fresh future and moves the polled one out. Polling it at its new place
// resumes with a stale self-reference.
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn squares(n: u64) -> u64 {
    let table: Vec<u64> = (1..=n).map(|i| i * i).collect();
    let t = &table;
    yield_once().await;
    t.iter().sum() // UB: `t` points at `table` inside the old tasks[0]
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut tasks = vec![squares(3), squares(4)];
    let p = unsafe { Pin::new_unchecked(&mut tasks[0]) }.poll(&mut cx);
    println!("tasks[0] polled: {:?}", p);
    let mut old = mem::replace(&mut tasks[0], squares(10)); // UB: moves the polled future out; P0101
    println!("replaced tasks[0]; {} tasks", tasks.len());
    let q = unsafe { Pin::new_unchecked(&mut old) }.poll(&mut cx);
    println!("old: {:?}", q);
}
