// Exercises: `.await` as the initializer of a `let` (`let a = num(1).await;`), twice in a row.
// Look for: one state per await (Suspend0, Suspend1); the awaited future stored as `__awaitee`;
// `a` is stored in Suspend1 because it is used after the second await; `b` is in no state.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn let_init() -> i32 {
    let a = num(1).await;
    let b = num(2).await;
    a + b
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
    println!("{}", block_on(let_init()));
}
