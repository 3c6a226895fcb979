// Moving a value out of a `Pin<&mut T>` with `*p`: rustc rejects it (E0507, cannot move out of a
// dereference), P0103 at `*fut`.
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
    let moved = *fut; //~ ERROR P0103
    drop(moved);
}
