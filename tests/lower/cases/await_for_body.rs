// Exercises: `.await` in a `for` loop body over `&v` (a borrowed Vec).
// Look for: the loop's iterator is stored across the await as `iter` (rustc's name), together with
// `v` (which it borrows) and `total`; the element reference `x` is read before the await.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn for_body(v: Vec<i32>) -> i32 {
    let mut total = 0;
    for x in &v {
        total += num(*x).await;
    }
    total
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
    println!("{}", block_on(for_body(vec![1, 2, 3])));
}
