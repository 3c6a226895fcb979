// `*p = …` needs `DerefMut`, which `Pin<&mut T>` only implements for `Unpin` targets: assigning a
// fresh future over a pinned `async fn` future is E0594 (P0103). `p.set(…)` is the pinning-aware way
// (ok_pin_set_restarts_future.rs).
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(greet());
    let _ = fut.as_mut().poll(&mut cx);
    *fut = greet(); //~ ERROR P0103
    println!("{:?}", fut.as_mut().poll(&mut cx));
}
