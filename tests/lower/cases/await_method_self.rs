// Exercises: `.await` inside an async method taking `&self` and one taking `&mut self`.
// Look for: `self` (a reference to the struct, not a copy) is stored in each Suspend state of the
// methods; `self.count += …` happens after the resume, through that reference; the caller stores `c`,
// which the awaited method's future borrows.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

struct Counter {
    count: i32,
}

impl Counter {
    async fn peek(&self) -> i32 {
        num(self.count).await
    }

    async fn bump(&mut self, by: i32) -> i32 {
        self.count += num(by).await;
        self.count
    }
}

async fn method_self() -> i32 {
    let mut c = Counter { count: 1 };
    let before = c.peek().await;
    let after = c.bump(5).await;
    before * 10 + after
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
    println!("{}", block_on(method_self()));
}
