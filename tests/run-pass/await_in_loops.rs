// Awaits inside `while`, `loop` with `break value`, `for` over a Vec and a range, labelled loops,
// `continue` after an await.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn square(x: u32) -> u32 {
    tick().await;
    x * x
}

async fn loops() -> u32 {
    let mut n = 1;
    while n < 30 {
        n += square(n).await;
        println!("while: n = {}", n);
    }
    let mut i = 0;
    let found = loop {
        i += 1;
        if square(i).await > 20 {
            break i;
        }
    };
    println!("loop: first square over 20 is {}^2", found);
    let words = vec!["alpha", "beta", "gamma"];
    for w in &words {
        if w.starts_with('b') {
            tick().await;
            continue;
        }
        println!("for: {} -> len squared = {}", w, square(w.len() as u32).await);
    }
    let mut total = 0;
    'outer: for a in 1..4 {
        for b in 1..4 {
            if a * b == 6 {
                println!("labelled: break at {} x {}", a, b);
                break 'outer;
            }
            total += square(a * b).await;
        }
    }
    total
}

fn block_on<F: Future>(fut: F) -> (F::Output, u32) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
    }
}

fn main() {
    let (total, polls) = block_on(loops());
    println!("total = {}, polls = {}", total, polls);
}
