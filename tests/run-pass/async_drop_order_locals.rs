// Drop order inside async fns across awaits: locals drop in reverse at the end of their scope, a
// value moved into a callee is dropped by the callee, a temporary in an awaited expression lives
// until the end of its statement, and shadowing does not drop the shadowed value early.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn name(&self) -> &'static str {
        self.0
    }
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn consume(d: D) -> usize {
    tick().await;
    println!("consume {}", d.0);
    d.0.len()
}

async fn body() {
    let a = D("a");
    let b = D("b");
    {
        let inner = D("inner");
        tick().await;
        println!("end of inner block ({})", inner.0);
    }
    let n = consume(b).await;
    println!("consumed {} bytes", n);
    let len = D("temporary").name().len() + consume(D("arg")).await;
    println!("len {}", len);
    let s = D("shadowed");
    let s = D(if s.0.len() > 3 { "shadow" } else { "short" });
    tick().await;
    println!("end of body ({}, {})", a.0, s.0);
}

fn main() {
    let mut fut = pin!(body());
    let mut cx = Context::from_waker(Waker::noop());
    while fut.as_mut().poll(&mut cx).is_pending() {
        println!("-- pending");
    }
    println!("main ends");
}
