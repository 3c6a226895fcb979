// Exercises: `.await` as an argument of a plain call (`double(num(3).await)`) and of a method call
// whose receiver is evaluated before the await (`base.wrapping_add(num(4).await)`).
// Look for: the call is made only after the resume; Suspend0 stores `base` (used later), Suspend1 two
// unnamed temporaries instead: `d` and the copy of the receiver `base`, both read before the argument
// is evaluated.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

fn double(x: i32) -> i32 {
    x * 2
}

async fn call_argument(base: i32) -> i32 {
    let d = double(num(3).await);
    d + base.wrapping_add(num(4).await)
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
    println!("{}", block_on(call_argument(10)));
}
