// Swapping two `Pin<Box<_>>` values swaps two pointers. Why this is fine: both futures were polled
// and are self-referential, but each stays at its own heap address; only the names that point at
// them change. (Swapping the contents instead is P0101/P0105: p0101_box_contents_swapped.rs.)
use std::future::Future;
use std::mem;
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

async fn greet(who: &'static str) -> usize {
    let name = String::from(who);
    let r = &name;
    yield_once().await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut a = Box::pin(greet("ferris"));
    let mut b = Box::pin(greet("corro"));
    let _ = a.as_mut().poll(&mut cx);
    let _ = b.as_mut().poll(&mut cx);
    mem::swap(&mut a, &mut b);
    println!("a: {:?}, b: {:?}", a.as_mut().poll(&mut cx), b.as_mut().poll(&mut cx));
}
