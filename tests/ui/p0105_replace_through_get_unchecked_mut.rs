// `pin!` pins the future soundly, but `get_unchecked_mut` hands out a plain `&mut` to it, and
// `mem::replace` through that reference moves the polled, self-referential future out of its pinned
// place (P0105 at the `mem::replace` call). To restart a pinned future, use `Pin::set`
// (ok_pin_set_restarts_future.rs): it drops the old future in place.
use std::future::Future;
use std::mem;
use std::pin::pin;
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
    let mut fut = pin!(greet());
    let _ = fut.as_mut().poll(&mut cx);
    let old = mem::replace(unsafe { fut.as_mut().get_unchecked_mut() }, greet()); //~ ERROR P0105
    println!("replaced a future of {} bytes", mem::size_of_val(&old));
}
