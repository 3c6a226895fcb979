// What an async block owns: `async move` takes the places it uses into the future, so dropping the
// future (unpolled or mid-way) drops them; a finished future has already dropped them; a borrowing
// block drops nothing of the outer scope; and captures are precise (edition 2021): a block that only
// reads the Copy field `r.0` moves a copy of that field, not `r`.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Res(&'static str);
impl Drop for Res {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}
fn name(r: &Res) -> &'static str {
    r.0
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

fn poll_n(fut: &mut Pin<Box<dyn Future<Output = ()> + '_>>, n: u32) {
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..n {
        if fut.as_mut().poll(&mut cx).is_ready() {
            println!("  ready");
        }
    }
}

fn main() {
    println!("1. async move, never polled, dropped:");
    let r = Res("captured-1");
    let fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(async move { println!("  using {}", name(&r)) });
    drop(fut);

    println!("2. async move, polled once (suspended), dropped:");
    let r = Res("captured-2");
    let mut fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(async move {
        let local = Res("local-2");
        tick().await;
        println!("  finished with {} and {}", name(&r), local.0);
    });
    poll_n(&mut fut, 1);
    drop(fut);

    println!("3. async move, run to completion:");
    let r = Res("captured-3");
    let mut fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(async move {
        tick().await;
        println!("  finished with {}", name(&r));
    });
    poll_n(&mut fut, 2);
    println!("  dropping the finished future");
    drop(fut);

    println!("4. borrowing block, polled once, dropped:");
    let r = Res("outer-4");
    let mut fut: Pin<Box<dyn Future<Output = ()> + '_>> = Box::pin(async {
        tick().await;
        println!("  borrowed {}", name(&r));
    });
    poll_n(&mut fut, 1);
    drop(fut);
    println!("  {} is still alive", r.0);

    println!("5. async move that only reads the Copy field r.0:");
    let r5 = Res("field-only-5");
    let fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(async move { println!("  {}", r5.0) });
    drop(fut);
    println!("  the future is gone, {} is not", r5.0);
    println!("end of main");
}
