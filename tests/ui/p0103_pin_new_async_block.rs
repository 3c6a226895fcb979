// An async block is `!Unpin` like an `async fn` future: `Pin::new(&mut job)` is E0277 (P0103).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let words = vec!["pin", "box"];
    let mut job = async move {
        let first = &words[0];
        std::future::ready(()).await;
        first.len()
    };
    let p = Pin::new(&mut job).poll(&mut cx); //~ ERROR P0103
    println!("{:?}", p);
}
