// Exercises: `.await` in a `loop` body whose `break` carries a value (`break n * 10`).
// Look for: the loop's value is assigned on the break edge after the resume; `i` is stored in
// Suspend0, `n` is not (it is assigned after the await).
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn loop_break_value() -> i32 {
    let mut i = 0;
    let v = loop {
        let n = num(i).await;
        if n > 2 {
            break n * 10;
        }
        i += 1;
    };
    v + 1
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
    println!("{}", block_on(loop_break_value()));
}
