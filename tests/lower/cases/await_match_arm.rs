// Exercises: `.await` inside a `match` arm (two arms suspend, one does not), on an enum with data.
// Look for: one Suspend state per await in an arm (Suspend0, Suspend1), each resuming into its own
// arm; in the first arm the left operand `n` is kept across the await in an unnamed temporary.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

enum Cmd {
    Add(i32),
    Twice(i32),
    Stop,
}

async fn match_arm(c: Cmd) -> i32 {
    match c {
        Cmd::Add(n) => n + num(1).await,
        Cmd::Twice(n) => num(n).await * 2,
        Cmd::Stop => -1,
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
    println!("{} {} {}", block_on(match_arm(Cmd::Add(4))), block_on(match_arm(Cmd::Twice(5))), block_on(match_arm(Cmd::Stop)));
}
