// A hand-written Stream: a trait with `poll_next(self: Pin<&mut Self>, cx)`, a `Next` future that
// borrows the stream, and an async consumer using `while let Some(x) = next(&mut s).await`.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

trait Stream {
    type Item;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
}

struct Ticks {
    next: u32,
    end: u32,
    ready: bool, // alternate: Pending, then an item
}

impl Stream for Ticks {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.next >= self.end {
            return Poll::Ready(None);
        }
        if !self.ready {
            self.ready = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.ready = false;
        let v = self.next;
        self.next += 1;
        Poll::Ready(Some(v))
    }
}

struct Next<'a, S> {
    stream: &'a mut S,
}

impl<S: Stream + Unpin> Future for Next<'_, S> {
    type Output = Option<S::Item>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.stream).poll_next(cx)
    }
}

fn next<S: Stream + Unpin>(stream: &mut S) -> Next<'_, S> {
    Next { stream }
}

async fn consume(mut s: Ticks) -> (u32, Vec<u32>) {
    let mut seen = Vec::new();
    let mut total = 0;
    while let Some(x) = next(&mut s).await {
        println!("item {}", x);
        seen.push(x);
        total += x * x;
    }
    (total, seen)
}

fn main() {
    let mut fut = pin!(consume(Ticks { next: 1, end: 5, ready: false }));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 1;
    let out = loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => polls += 1,
        }
    };
    println!("{:?} after {} polls", out, polls);
}
