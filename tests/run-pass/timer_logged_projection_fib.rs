// A timer future that stores wakers, a generic Logged<F> wrapper projecting its pin by hand, boxed
// async recursion (fib), and a RawWaker vtable built from static fns.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

struct Timer {
    deadline: u32,
    now: Rc<RefCell<u32>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
}

impl Future for Timer {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let now = *self.now.borrow();
        if now >= self.deadline {
            Poll::Ready(now)
        } else {
            self.wakers.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        }
    }
}

struct Logged<F> {
    name: &'static str,
    inner: F,
    polls: u32,
}

impl<F: Future> Future for Logged<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        let inner = unsafe { Pin::new_unchecked(&mut this.inner) };
        let r = inner.poll(cx);
        if r.is_ready() {
            println!("{} ready after {} polls", this.name, this.polls);
        }
        r
    }
}

fn fib(n: u32) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(async move {
        if n < 2 {
            n as u64
        } else {
            fib(n - 1).await + fib(n - 2).await
        }
    })
}

fn vtable() -> &'static RawWakerVTable {
    fn clone(p: *const ()) -> RawWaker {
        RawWaker::new(p, vtable())
    }
    fn noop(_: *const ()) {}
    static VT: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    &VT
}

fn main() {
    let now = Rc::new(RefCell::new(0));
    let wakers = Rc::new(RefCell::new(Vec::new()));
    let t = Timer { deadline: 3, now: now.clone(), wakers: wakers.clone() };
    let mut fut = Box::pin(Logged { name: "timer", inner: t, polls: 0 });
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), vtable())) };
    let mut cx = Context::from_waker(&waker);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(at) => {
                println!("fired at {}", at);
                break;
            }
            Poll::Pending => {
                *now.borrow_mut() += 1;
                println!("tick {} ({} wakers waiting)", now.borrow(), wakers.borrow().len());
                wakers.borrow_mut().drain(..).for_each(|w| w.wake());
            }
        }
    }
    let mut f = Logged { name: "fib", inner: fib(10), polls: 0 };
    let mut f = unsafe { Pin::new_unchecked(&mut f) };
    if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
        println!("fib(10) = {}", v);
    }
}
