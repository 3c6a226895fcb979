// Teaches: dropping a future is cancelling it — and what gets dropped depends on its state.
//
// Unresumed: only the arguments exist, so only they are dropped; no line of the body ever ran.
// SuspendN: the locals saved in that state are dropped, in reverse order of declaration, then the
//           arguments. Code after the await never runs (no "cleanup" after an await on cancel).
// Returned: everything was already dropped when the body finished.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("    drop {}", self.0);
    }
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn download(url: Noisy) {
    println!("    start {}", url.0);
    let connection = Noisy("connection");
    tick().await; // Suspend0: url, connection
    let buffer = Noisy("buffer");
    tick().await; // Suspend1: url, connection, buffer
    println!("    finished {} ({}, {})", url.0, connection.0, buffer.0);
}

fn cancel_after(polls: u32) {
    println!("cancel after {} poll(s):", polls);
    let mut fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(download(Noisy("url")));
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..polls {
        if fut.as_mut().poll(&mut cx).is_ready() {
            println!("    (ready)");
        }
    }
    println!("  drop the future now");
    drop(fut);
}

fn main() {
    cancel_after(0);
    cancel_after(1);
    cancel_after(2);
    cancel_after(3);
}
