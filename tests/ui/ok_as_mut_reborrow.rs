// `Pin::as_mut` reborrows a `Pin<&mut F>` for one call, so a helper can poll the future without
// taking the pin away. Why this is fine: only `Pin<&mut F>` values move here (into `poll_twice`, then
// back); the future itself stays where `pin!` put it.
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
    yield_once().await;
    r.len()
}

fn poll_twice<F: Future>(mut fut: Pin<&mut F>, cx: &mut Context<'_>) -> Poll<F::Output> {
    let _ = fut.as_mut().poll(cx);
    fut.as_mut().poll(cx)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(greet());
    println!("{:?}", poll_twice(fut.as_mut(), &mut cx));
    println!("{:?}", fut.as_mut().poll(&mut cx));
}
