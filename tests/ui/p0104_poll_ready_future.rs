// `std::future::ready(1)` is `Unpin`, but calling `.poll` on the value is still E0599 (P0104).
use std::future::Future;
use std::task::{Context, Waker};

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let p = std::future::ready(1).poll(&mut cx); //~ ERROR P0104
    println!("{:?}", p);
}
