// `Pin::set`: replacing a pinned future in place. The old value is dropped where it lies (never
// moved), so it is sound even for a self-referential future that was polled.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Noisy(u32);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop Noisy({})", self.0);
    }
}

async fn attempt(n: u32) -> Result<u32, String> {
    let guard = Noisy(n);
    let r = &guard; // self-reference across the await
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    if r.0 < 3 { Err(format!("attempt {} failed", r.0)) } else { Ok(r.0 * 10) }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(attempt(1));
    let mut n = 1;
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Pending => {
                if n == 2 {
                    println!("attempt 2 pending: restart it with attempt 3");
                    n = 3;
                    fut.set(attempt(3)); // drops the old future in place, mid-way
                }
            }
            Poll::Ready(Err(e)) => {
                println!("{}", e);
                n += 1;
                fut.set(attempt(n));
            }
            Poll::Ready(Ok(v)) => {
                println!("ok {}", v);
                break;
            }
        }
    }
    let mut boxed: Pin<Box<Noisy>> = Box::pin(Noisy(100));
    boxed.set(Noisy(200));
    println!("boxed now holds {}", boxed.0);
    let mut slot = pin!(Some(5));
    slot.as_mut().set(None);
    println!("slot = {:?}", slot);
}
