// `*b` moves out of a `Box`, but not out of a `Pin<Box<_>>`: E0507 (P0103 at `*pinned`). Compare
// p0101_box_moved_out.rs, where the box was not a `Pin` and the same move compiles (and is wrong).
use std::future::Future;
use std::task::{Context, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pinned = Box::pin(greet());
    let _ = pinned.as_mut().poll(&mut cx);
    let unboxed = *pinned; //~ ERROR P0103
    drop(unboxed);
}
