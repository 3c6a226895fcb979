// Exercises: `.await` in a `while let` scrutinee (`while let Some(x) = pop(&mut stack).await`).
// Look for: the pattern test runs after each resume; `stack` and `sum` are stored in Suspend0, and
// the awaited future holds `&mut stack`: a pointer into the future's own state.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn pop(v: &mut Vec<i32>) -> Option<i32> {
    v.pop()
}

async fn while_let() -> i32 {
    let mut stack = vec![1, 2, 3];
    let mut sum = 0;
    while let Some(x) = pop(&mut stack).await {
        sum = sum * 10 + x;
    }
    sum
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    println!("{}", block_on(while_let()));
}
