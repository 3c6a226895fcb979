// A wrapper that projects its pin onto its inner future (`map_unchecked_mut`, structural pinning)
// but also claims `impl Unpin`. The claim lets safe code call `Pin::new` on the wrapper and then
// move it: `let moved = w;` moves the polled, self-referential inner future (P0101 at the move).
// The wrong promise is the `impl Unpin`; the move is where it breaks. Without that impl, `Pin::new`
// would be rejected (E0277, see p0103_pin_new_struct_holding_future.rs).
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

struct Logged<F> {
    polls: u32,
    inner: F,
}

impl<F> Unpin for Logged<F> {} // wrong: `inner` is pinned structurally below

impl<F: Future> Future for Logged<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        println!("poll #{}", this.polls);
        unsafe { Pin::new_unchecked(&mut this.inner) }.poll(cx)
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut w = Logged { polls: 0, inner: greet() };
    let _ = Pin::new(&mut w).poll(&mut cx);
    let mut moved = w; //~ ERROR P0101
    println!("{:?}", Pin::new(&mut moved).poll(&mut cx));
}
