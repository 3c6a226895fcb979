// Structural pinning by hand with `Pin::map_unchecked_mut`: a `Timed<F>` wrapper projects its pinned
// self to a pinned inner future and to a plain `&mut u32` poll counter (not structurally pinned).
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Timed<F> {
    inner: F,
    polls: u32,
    label: &'static str,
}

impl<F> Timed<F> {
    fn inner(self: Pin<&mut Self>) -> Pin<&mut F> {
        // SAFETY: `inner` is structurally pinned: Timed never moves it out, and Timed has no Drop.
        unsafe { self.map_unchecked_mut(|t| &mut t.inner) }
    }
    fn polls(self: Pin<&mut Self>) -> &mut u32 {
        // SAFETY: the counter is never pinned; handing out &mut to it cannot move `inner`.
        unsafe { &mut self.get_unchecked_mut().polls }
    }
}

impl<F: Future> Future for Timed<F> {
    type Output = (F::Output, u32);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        *self.as_mut().polls() += 1;
        let n = self.polls;
        match self.as_mut().inner().poll(cx) {
            Poll::Ready(v) => {
                println!("[{}] ready on poll {}", self.label, n);
                Poll::Ready((v, n))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

fn timed<F: Future>(label: &'static str, inner: F) -> Timed<F> {
    Timed { inner, polls: 0, label }
}

async fn borrow_across(n: usize) -> usize {
    let data = vec![7; n];
    let view = &data[..]; // self-reference inside the inner future
    for _ in 0..n {
        let mut y = false;
        std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    }
    view.iter().sum()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut t = pin!(timed("outer", async { timed("inner", borrow_across(3)).await.0 + 1 }));
    let result = loop {
        if let Poll::Ready(v) = t.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("result {:?}", result);
}
