// `std::future::ready` and `std::future::pending`, `Poll::map` and `is_ready`/`is_pending`, and
// awaiting a `ready` future (never suspends) next to a pending one (never finishes).
use std::future::{pending, ready, Future};
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

async fn uses_ready() -> i32 {
    let a = ready(20).await;
    let b = ready(22).await;
    a + b
}

async fn stuck() -> i32 {
    println!("stuck: before pending");
    pending::<()>().await;
    println!("stuck: never printed");
    0
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    let mut r = ready(String::from("now"));
    let p = Pin::new(&mut r).poll(&mut cx); // Ready<T> is Unpin
    println!("ready: {:?}, is_ready = {}", p, p.is_ready());

    let mut f = pin!(uses_ready());
    let first = f.as_mut().poll(&mut cx);
    println!("uses_ready on first poll: {:?}", first);
    println!("mapped: {:?}", first.map(|v| v * 2));

    let mut s = pin!(stuck());
    for i in 0..3 {
        let p = s.as_mut().poll(&mut cx);
        println!("stuck poll {}: pending = {}", i, p.is_pending());
    }

    let mut never = pending::<u8>();
    let q: Poll<u8> = Pin::new(&mut never).poll(&mut cx);
    println!("pending::<u8>: {:?}", q);
    let q2: Poll<String> = q.map(|b| b.to_string());
    println!("mapped pending: {:?}", q2);

    let polls: Vec<Poll<u32>> = vec![Poll::Ready(1), Poll::Pending, Poll::Ready(3)];
    let ready_count = polls.iter().filter(|p| p.is_ready()).count();
    println!("{} of {} ready: {:?}", ready_count, polls.len(), polls);
    if let Poll::Ready(Some(v)) = Poll::Ready(Some(9)) {
        println!("nested ready {}", v);
    }
}
