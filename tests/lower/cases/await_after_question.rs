// Exercises: `?` on an awaited Result (`parse(s).await?`), then an await after the `?`.
// Look for: the early return of the `Err` goes from the resumed state straight to Returned (with the
// `From` conversion of the error); the second await is Suspend1 and stores `n`.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn parse(s: &str) -> Result<i32, String> {
    s.parse::<i32>().map_err(|e| format!("{}: {}", s, e))
}

async fn after_question(s: &str) -> Result<i32, String> {
    let n = parse(s).await?;
    let m = num(n).await;
    Ok(n + m)
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
    println!("{:?}", block_on(after_question("21")));
    println!("{:?}", block_on(after_question("x")));
}
