// A future in a field of a stack local, pinned in place with `Pin::new_unchecked(&mut task.fut)`
// and polled to completion. Nothing moves it, so no P0101; `task.fut` stays reachable by name (P0102).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

struct Task<F> {
    name: &'static str,
    fut: F,
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut task = Task { name: "greeter", fut: greet() };
    let mut pinned = unsafe { Pin::new_unchecked(&mut task.fut) }; //~ WARN P0102
    let out = loop {
        if let Poll::Ready(v) = pinned.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{}: {}", task.name, out);
}
