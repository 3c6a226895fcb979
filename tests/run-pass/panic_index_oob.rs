// Indexing out of bounds panics with the length and the index: first a Vec inside an async fn is
// read safely with `get`, then indexed directly past its end. Exit code 101.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn nth_squares(values: Vec<i64>, picks: &[usize]) -> i64 {
    let mut total = 0;
    for &i in picks {
        tick().await;
        match values.get(i) {
            Some(v) => println!("get({}) = {}", i, v),
            None => println!("get({}) = None", i),
        }
        let v = values[i];
        total += v * v;
        println!("values[{}]^2 = {}", i, v * v);
    }
    total
}

fn main() {
    let arr = [1, 2, 3];
    let idx = arr.len() - 1;
    println!("arr[{}] = {}", idx, arr[idx]);
    let mut fut = pin!(nth_squares(vec![3, 4, 12], &[0, 2, 5, 1]));
    let mut cx = Context::from_waker(Waker::noop());
    while fut.as_mut().poll(&mut cx).is_pending() {}
    println!("not reached");
}
