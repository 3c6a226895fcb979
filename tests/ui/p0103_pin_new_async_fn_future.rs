// `Pin::new` only accepts pointers to `Unpin` values, and every `async fn` future is `!Unpin`: rustc
// rejects `Pin::new(&mut fut)` with E0277 ("cannot be unpinned"), P0103 at the call. This future
// really does hold a reference across its `.await` (`r = &name`), which is why it must not move once
// polled. Fix: `let fut = pin!(greet());` or `Box::pin(greet())`.
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let _ = Pin::new(&mut fut).poll(&mut cx); //~ ERROR P0103
}
