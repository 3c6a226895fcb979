// `Pin::new` on an `async fn` future that holds no reference across its `.await`: rustc still rejects
// it (E0277). `!Unpin` is decided by the kind of type (every `async fn` and async block future), not
// by what this particular body borrows, so P0103 applies all the same; pinion's note says that this
// future does not actually point into itself.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn answer() -> i32 {
    std::future::ready(()).await;
    42
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = answer();
    let p = Pin::new(&mut fut).poll(&mut cx); //~ ERROR P0103
    println!("{:?}", p);
}
