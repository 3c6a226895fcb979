// A hand-written combinator that restarts its child future when it has been pending once. Inside
// `poll`, `this` comes from `get_unchecked_mut`, the child is pinned by projection
// (`Pin::new_unchecked(&mut this.inner)`, structural pinning), and then `mem::replace(&mut
// this.inner, …)` moves the polled, self-referential child out of its pinned place (P0105 at the
// `mem::replace` call). The fix is to pin-project and call `Pin::set`, which drops the old child in
// place.
use std::future::Future;
use std::mem;
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

struct RestartOnce<F, M> {
    make: M,
    inner: F,
    restarted: bool,
}

impl<F: Future, M: FnMut() -> F> Future for RestartOnce<F, M> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = unsafe { self.get_unchecked_mut() };
        match unsafe { Pin::new_unchecked(&mut this.inner) }.poll(cx) {
            Poll::Ready(v) => Poll::Ready(v),
            Poll::Pending => {
                if !this.restarted {
                    this.restarted = true;
                    let old = mem::replace(&mut this.inner, (this.make)()); //~ ERROR P0105
                    println!("restarted, dropping {} bytes", mem::size_of_val(&old));
                }
                Poll::Pending
            }
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(RestartOnce { make: greet, inner: greet(), restarted: false });
    let out = loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{}", out);
}
