// `Box::pin` with trait objects: a Vec of `Pin<Box<dyn Future<Output = i32>>>` built from different
// future types (async fns, async blocks, a hand-written future), polled round-robin to completion.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Three;
impl Future for Three {
    type Output = i32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<i32> {
        Poll::Ready(3)
    }
}

async fn slow_double(x: i32, yields: u32) -> i32 {
    for _ in 0..yields {
        let mut y = false;
        std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    }
    x * 2
}

fn boxed_by_flag(flag: bool) -> Pin<Box<dyn Future<Output = i32>>> {
    if flag {
        Box::pin(slow_double(50, 1))
    } else {
        Box::pin(async { -1 })
    }
}

fn main() {
    let label = String::from("block");
    let mut futures: Vec<Pin<Box<dyn Future<Output = i32> + '_>>> = vec![
        Box::pin(slow_double(10, 2)),
        Box::pin(Three),
        Box::pin(async { label.len() as i32 }),
        boxed_by_flag(true),
        boxed_by_flag(false),
    ];
    let mut results: Vec<Option<i32>> = vec![None; futures.len()];
    let mut cx = Context::from_waker(Waker::noop());
    let mut round = 0;
    while results.iter().any(|r| r.is_none()) {
        round += 1;
        for (i, fut) in futures.iter_mut().enumerate() {
            if results[i].is_some() {
                continue;
            }
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                println!("round {}: future {} -> {}", round, i, v);
                results[i] = Some(v);
            }
        }
    }
    let total: i32 = results.iter().map(|r| r.unwrap()).sum();
    println!("total = {}", total);
    let moved = futures; // moving the Vec moves the boxes, not the pinned futures
    println!("{} boxes moved", moved.len());
}
