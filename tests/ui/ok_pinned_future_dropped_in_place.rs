// A pinned future abandoned while still pending: it is dropped where it is when its scope ends, and
// dropping runs the destructors of the locals it holds (`name`). Why this is fine: the `Pin` contract
// allows dropping a pinned value in place; it forbids moving it. (Moving it into `drop()` first is
// p0101_drop_by_value_after_poll.rs.)
use std::future::Future;
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

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("dropping {}", self.0);
    }
}

async fn greet() -> usize {
    let name = Noisy("name");
    let r = &name;
    yield_once().await;
    r.0.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    {
        let fut = pin!(greet());
        println!("{:?}", fut.poll(&mut cx));
        println!("leaving the scope");
    }
    println!("after the scope");
}
