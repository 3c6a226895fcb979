// A `&mut` to the future is not a `Pin<&mut>` either: `r.poll(cx)` is E0599 (P0104). If it were
// allowed, the future could be polled through `r` and moved right after.
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
    let mut fut = greet();
    let r = &mut fut;
    let p = r.poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
