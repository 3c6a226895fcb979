// Flow matters. The future is either polled in place (first branch) or moved without ever being
// polled (second branch); no path polls it and then moves it, so there is no P0101. The
// `Pin::new_unchecked` still pins a local that stays reachable by name (P0102).
use std::future::Future;
use std::pin::{pin, Pin};
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let poll_here = std::env::args().count() < 5;
    let mut fut = greet();
    if poll_here {
        let p = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
        println!("polled in place: {:?}", p);
    } else {
        let moved = fut;
        let mut moved = pin!(moved);
        println!("moved first: {:?}", moved.as_mut().poll(&mut cx));
    }
}
