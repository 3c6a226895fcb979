// Exercises: `.await` inside a nested block that owns a local with a `Drop` impl, then an await after
// the block.
// Look for: `_guard` is stored in Suspend0 (it must be dropped after the resume) but not in Suspend1;
// its drop ("drop inner") runs at the end of the inner block, before the second await; `_outer` is
// stored in both states and dropped last.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn nested_block_drop() -> i32 {
    let _outer = Noisy("outer");
    let a = {
        let _guard = Noisy("inner");
        num(1).await
    };
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
    println!("{}", block_on(nested_block_drop()));
}
