// Async blocks: borrowing captures vs `async move`, blocks stored in variables and awaited later,
// a block that returns a value, and a closure that returns an async block.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    let name = String::from("ferris");
    let greeting = async {
        tick().await;
        format!("hello, {}", name) // borrows `name`
    };
    println!("{}", block_on(greeting));
    println!("name is still usable: {}", name);

    let mut log = Vec::new();
    let push_two = async {
        log.push(1);
        tick().await;
        log.push(2);
    };
    block_on(push_two);
    println!("log = {:?}", log);

    let owned = String::from("moved in");
    let moving = async move {
        tick().await;
        owned.len()
    };
    println!("len = {}", block_on(moving));

    let make = |x: u32| async move {
        tick().await;
        x * 10
    };
    let a = make(1);
    let b = make(2);
    println!("b then a: {} {}", block_on(b), block_on(a));

    let nested = async {
        let inner = async { 20 }.await;
        let other = async move { inner + 1 };
        other.await * 2
    };
    println!("nested = {}", block_on(nested));
}
