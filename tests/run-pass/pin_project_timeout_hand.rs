// A hand-written Timeout<F> combinator with Pin projections (get_unchecked_mut for the pinned field,
// a plain &mut for the Unpin budget), wrapping async fns; the inner future is dropped when it times out.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Ticks(u32);

impl Future for Ticks {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        if this.0 == 0 {
            return Poll::Ready(7);
        }
        this.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

struct Timeout<F> {
    inner: Option<F>,
    budget: u32,
}

#[derive(Debug)]
enum Outcome<T> {
    Done(T),
    TimedOut { after: u32 },
}

impl<F: Future> Future for Timeout<F> {
    type Output = Outcome<F::Output>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: `inner` is never moved out while pinned; it is only dropped in place via `set`-like
        // assignment of None, which runs its destructor where it lies.
        let this = unsafe { self.get_unchecked_mut() };
        let used = 5 - this.budget;
        let inner = match this.inner.as_mut() {
            Some(f) => unsafe { Pin::new_unchecked(f) },
            None => panic!("Timeout polled after completion"),
        };
        if let Poll::Ready(v) = inner.poll(cx) {
            this.inner = None;
            return Poll::Ready(Outcome::Done(v));
        }
        if this.budget == 0 {
            this.inner = None;
            return Poll::Ready(Outcome::TimedOut { after: used });
        }
        this.budget -= 1;
        Poll::Pending
    }
}

struct Label(String);
impl Drop for Label {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn job(name: &str, ticks: u32) -> String {
    let _l = Label(format!("job {}", name));
    let v = Ticks(ticks).await;
    format!("{}:{}", name, v * ticks)
}

fn timeout<F: Future>(f: F) -> Timeout<F> {
    Timeout { inner: Some(f), budget: 5 }
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    let mut n = 0;
    loop {
        n += 1;
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            println!("({} polls)", n);
            return v;
        }
    }
}

fn main() {
    println!("{:?}", block_on(timeout(job("quick", 2))));
    println!("{:?}", block_on(timeout(job("slow", 9))));
    println!("{:?}", block_on(timeout(async { Ticks(5).await + 1 })));
    let nested = block_on(timeout(async {
        match timeout(job("inner", 1)).await {
            Outcome::Done(s) => s.len(),
            Outcome::TimedOut { after } => after as usize,
        }
    }));
    println!("{:?}", nested);
}
