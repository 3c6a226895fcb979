// Exercises: `.await` in an inner loop that breaks out of the outer one with a label (`break 'outer`),
// and a labelled `continue 'outer`.
// Look for: the labelled jumps target the outer loop's exit and head from inside the resumed state;
// `row`, `col` and `found` are stored in Suspend0.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: an async fn with no await of its own; awaiting it is a suspension point of the caller.
async fn num(x: i32) -> i32 {
    x
}

async fn labelled_break() -> (i32, i32) {
    let mut found = (-1, -1);
    let mut row = 0;
    'outer: while row < 4 {
        row += 1;
        let mut col = 0;
        loop {
            col += 1;
            let v = num(row * col).await;
            if v == 6 {
                found = (row, col);
                break 'outer;
            }
            if col >= row {
                continue 'outer;
            }
        }
    }
    found
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
    println!("{:?}", block_on(labelled_break()));
}
