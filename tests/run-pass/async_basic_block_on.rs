// Async fns calling async fns, driven by a hand-written block_on that counts polls.
// Nothing runs until the first poll: calling an async fn only builds its future.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

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

async fn add(a: i32, b: i32) -> i32 {
    println!("  add({}, {}) starts", a, b);
    yield_now().await;
    println!("  add({}, {}) resumes", a, b);
    a + b
}

async fn sum_three(x: i32, y: i32, z: i32) -> i32 {
    let xy = add(x, y).await;
    add(xy, z).await
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        println!("poll {}", polls);
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    let fut = sum_three(1, 2, 3);
    println!("built the future; nothing printed yet");
    let total = block_on(fut);
    println!("total = {}", total);
    println!("again: {}", block_on(add(40, 2)));
}
