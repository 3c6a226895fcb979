// Calling `.poll` directly on an async block: E0599 (P0104).
use std::future::Future;
use std::task::{Context, Waker};

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut job = async { 1 + 1 };
    let p = job.poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
