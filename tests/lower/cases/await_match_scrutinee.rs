// Exercises: `.await` in a `match` scrutinee, with a literal arm, a guard and a binding arm.
// Look for: the match is emitted after the resume, on the awaited value; nothing but the awaitee is
// stored in Suspend0.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn match_scrutinee(x: i32) -> String {
    match num(x).await {
        0 => String::from("zero"),
        n if n < 0 => format!("negative {}", n),
        n => format!("positive {}", n),
    }
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
    println!("{} {} {}", block_on(match_scrutinee(0)), block_on(match_scrutinee(-3)), block_on(match_scrutinee(7)));
}
