// Teaches: two everyday `Pin` methods.
//
// `as_mut`: `Pin<&mut F>` is not Copy, and `poll` consumes the Pin it is given; `fut.as_mut()`
// reborrows it for one call, so the same pinned future can be polled again and again in a loop.
// `set`: replace a pinned value *in place* — the old one is dropped where it lies, never moved — so
// it is the safe way to restart a future (here: a retry with a fresh attempt).
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Attempt(u32);
impl Drop for Attempt {
    fn drop(&mut self) {
        println!("  drop attempt {}", self.0);
    }
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn try_connect(n: u32) -> Result<String, String> {
    let attempt = Attempt(n);
    let a = &attempt; // the future is self-referential while suspended
    tick().await;
    if a.0 < 3 { Err(format!("attempt {} timed out", a.0)) } else { Ok(format!("connected on attempt {}", a.0)) }
}

fn poll_once<F: Future>(fut: Pin<&mut F>) -> Poll<F::Output> {
    fut.poll(&mut Context::from_waker(Waker::noop())) // consumes this Pin
}

fn main() {
    let mut fut = pin!(try_connect(1));
    let mut attempt = 1;
    let result = loop {
        match poll_once(fut.as_mut()) {
            // `poll_once(fut)` would move the Pin away; as_mut keeps it usable
            Poll::Pending => println!("attempt {} pending", attempt),
            Poll::Ready(Err(e)) => {
                println!("{}", e);
                attempt += 1;
                fut.set(try_connect(attempt)); // the finished future is replaced in place
            }
            Poll::Ready(Ok(msg)) => break msg,
        }
    };
    println!("{}", result);

    let mut slow = pin!(try_connect(7));
    let _ = poll_once(slow.as_mut());
    println!("replacing a suspended future mid-way:");
    slow.set(try_connect(8)); // drops attempt 7 in place: fine even though it was self-referential
    println!("done");
}
