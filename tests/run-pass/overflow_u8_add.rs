// Debug builds check integer overflow: adding to a `u8` past 255 panics with "attempt to add with
// overflow". The counter lives in an async fn's state across awaits. Exit code 101.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn brighten(mut level: u8, step: u8) -> u8 {
    loop {
        tick().await;
        level += step;
        println!("level {}", level);
    }
}

fn main() {
    let mut small: u8 = 250;
    small += 5;
    println!("250 + 5 = {}", small);
    println!("u8::MAX = {}", u8::MAX);
    let mut fut = pin!(brighten(200, 20));
    let mut cx = Context::from_waker(Waker::noop());
    while fut.as_mut().poll(&mut cx).is_pending() {}
}
