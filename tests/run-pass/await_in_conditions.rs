// Awaits in conditions: `while cond().await`, `if x.await`, `match f().await`, `while let Some(v) =
// next().await`, and a `loop` whose `break` value comes from an await, each suspending mid-test.
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

struct Source {
    items: Vec<i32>,
    pos: Cell<usize>,
}

impl Source {
    async fn has_more(&self) -> bool {
        tick().await;
        self.pos.get() < self.items.len()
    }
    async fn next(&self) -> Option<i32> {
        tick().await;
        let i = self.pos.get();
        self.pos.set(i + 1);
        self.items.get(i).copied()
    }
}

async fn is_even(x: i32) -> bool {
    tick().await;
    x % 2 == 0
}

async fn run(src: &Source) -> i32 {
    let mut sum = 0;
    while src.has_more().await {
        let v = src.next().await.unwrap();
        if is_even(v).await {
            sum += v;
        }
        if src.pos.get() == 2 {
            break;
        }
    }
    println!("sum of evens in the first two: {}", sum);
    while let Some(v) = src.next().await {
        match is_even(v).await {
            true => println!("{} is even", v),
            false => println!("{} is odd", v),
        }
    }
    src.pos.set(0);
    let first_big = loop {
        match src.next().await {
            Some(v) if v > 10 => break v,
            Some(_) => continue,
            None => break -1,
        }
    };
    first_big
}

fn main() {
    let src = Source { items: vec![4, 7, 12, 9, 30], pos: Cell::new(0) };
    let mut fut = pin!(run(&src));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 1;
    let v = loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => polls += 1,
        }
    };
    println!("first over 10: {} ({} polls)", v, polls);
}
