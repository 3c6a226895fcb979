// A hand-written race of two boxed futures: the first to finish wins, the loser is dropped
// mid-way, and its Drop guard shows when that happens.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop guard of {}", self.0);
    }
}

async fn worker(name: &'static str, steps: u32) -> &'static str {
    let _guard = Guard(name);
    for i in 0..steps {
        println!("{} working ({}/{})", name, i + 1, steps);
        let mut yielded = false;
        std::future::poll_fn(|_| if yielded { Poll::Ready(()) } else { yielded = true; Poll::Pending }).await;
    }
    name
}

enum Either<A, B> {
    Left(A),
    Right(B),
}

fn race<A, B>(mut a: Pin<Box<dyn Future<Output = A>>>, mut b: Pin<Box<dyn Future<Output = B>>>) -> Either<A, B> {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = a.as_mut().poll(&mut cx) {
            println!("left finished first");
            return Either::Left(v);
        }
        if let Poll::Ready(v) = b.as_mut().poll(&mut cx) {
            println!("right finished first");
            return Either::Right(v);
        }
    }
}

fn main() {
    match race(Box::pin(worker("slow", 3)), Box::pin(worker("fast", 1))) {
        Either::Left(name) => println!("winner: {}", name),
        Either::Right(name) => println!("winner: {}", name),
    }
    println!("--");
    let quick = Box::pin(async { 5 });
    let never_polled = Box::pin(worker("unpolled", 1));
    if let Either::Left(v) = race(quick, never_polled) {
        println!("winner value {}", v);
    }
}
