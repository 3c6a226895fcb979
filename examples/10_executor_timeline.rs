// Teaches: who pins a future, and what happens between polls (the blog post's executor timeline).
//
// `block_on` pins the root future once and never moves it. Nested futures are fields inside the
// root's state, so they never move either: `async_main` holds `my_func`'s future, which holds the
// `ReadWithEpoll` future. The "reactor" is fake, with virtual time: the read registers a waker and
// a deadline 30 s ahead; the executor "parks" by jumping the clock and firing the waker.
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Reactor {
    now: Cell<u64>,
    pending: RefCell<Option<(u64, Waker)>>, // (deadline in seconds, who to wake)
}

struct ReadWithEpoll<'r> {
    reactor: &'r Reactor,
    registered: bool,
}

impl Future for ReadWithEpoll<'_> {
    type Output = Vec<u8>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u8>> {
        if !self.registered {
            println!("      ReadWithEpoll::poll: register fd, store waker, Pending");
            let deadline = self.reactor.now.get() + 30;
            *self.reactor.pending.borrow_mut() = Some((deadline, cx.waker().clone()));
            self.registered = true;
            return Poll::Pending;
        }
        println!("      ReadWithEpoll::poll: read data from fd, Ready");
        Poll::Ready(vec![1, 2, 3])
    }
}

async fn my_func(reactor: &Reactor) -> usize {
    println!("    my_func: awaiting the read");
    let data = ReadWithEpoll { reactor, registered: false }.await;
    data.len()
}

async fn async_main(reactor: &Reactor) -> usize {
    println!("  async_main: calling my_func");
    my_func(reactor).await
}

struct Flag(AtomicBool);
impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = Box::pin(fut); // PIN HAPPENS HERE, once
    let flag = Arc::new(Flag(AtomicBool::new(true)));
    let waker = Waker::from(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    loop {
        if flag.0.swap(false, Ordering::SeqCst) {
            polls += 1;
            println!("T={}s: poll #{} of the root future (pinned once, never moved)", reactor.now.get(), polls);
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                return v;
            }
            println!("T={}s: Pending; the thread parks until woken", reactor.now.get());
        }
        let (deadline, w) = reactor.pending.borrow_mut().take().expect("nothing can wake us");
        reactor.now.set(deadline);
        println!("T={}s: data arrives, the reactor fires the waker", deadline);
        w.wake();
    }
}

fn main() {
    let reactor = Reactor { now: Cell::new(0), pending: RefCell::new(None) };
    let n = block_on(&reactor, async_main(&reactor));
    println!("T={}s: done, read {} bytes", reactor.now.get(), n);
}
