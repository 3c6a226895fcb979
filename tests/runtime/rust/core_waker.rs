// Rust twin of tests/runtime/core-waker.test.ts: a hand-built RawWaker vtable that counts how often
// Rust calls clone, wake, wake_by_ref and drop. The TypeScript test replays the same steps and must
// print exactly this program's output (core_waker.stdout, produced by rustc).
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

static CLONES: AtomicUsize = AtomicUsize::new(0);
static WAKES: AtomicUsize = AtomicUsize::new(0);
static WAKES_BY_REF: AtomicUsize = AtomicUsize::new(0);
static DROPS: AtomicUsize = AtomicUsize::new(0);

unsafe fn vt_clone(data: *const ()) -> RawWaker {
    CLONES.fetch_add(1, Ordering::SeqCst);
    RawWaker::new(data, &VTABLE)
}
unsafe fn vt_wake(_data: *const ()) {
    WAKES.fetch_add(1, Ordering::SeqCst);
}
unsafe fn vt_wake_by_ref(_data: *const ()) {
    WAKES_BY_REF.fetch_add(1, Ordering::SeqCst);
}
unsafe fn vt_drop(_data: *const ()) {
    DROPS.fetch_add(1, Ordering::SeqCst);
}
static VTABLE: RawWakerVTable = RawWakerVTable::new(vt_clone, vt_wake, vt_wake_by_ref, vt_drop);

fn counts(step: &str) {
    println!(
        "{}: clone={} wake={} wake_by_ref={} drop={}",
        step,
        CLONES.load(Ordering::SeqCst),
        WAKES.load(Ordering::SeqCst),
        WAKES_BY_REF.load(Ordering::SeqCst),
        DROPS.load(Ordering::SeqCst)
    );
}

/// Keeps a clone of the waker between polls, like a timer or a channel would.
struct Stash {
    saved: Option<Waker>,
    polls: u32,
}

impl Future for Stash {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.polls < 3 {
            self.saved = Some(cx.waker().clone()); // the old one (if any) is dropped here
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            if let Some(w) = self.saved.take() {
                w.wake(); // consumes the clone: wake, no drop
            }
            Poll::Ready(self.polls)
        }
    }
}

fn main() {
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    counts("from_raw");
    let second = waker.clone();
    counts("clone");
    second.wake_by_ref();
    counts("wake_by_ref");
    println!("will_wake: {}", waker.will_wake(&second));
    second.wake();
    counts("wake");
    {
        let third = waker.clone();
        drop(third);
    }
    counts("clone+drop");
    let mut cx = Context::from_waker(&waker);
    let mut fut = Stash { saved: None, polls: 0 };
    let mut fut = unsafe { Pin::new_unchecked(&mut fut) };
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(n) => {
                println!("ready after {} polls", n);
                break;
            }
            Poll::Pending => counts("pending"),
        }
    }
    counts("done");
    drop(waker);
    counts("end");
    let noop = Waker::noop();
    println!("noop will_wake itself: {}", noop.will_wake(&noop.clone()));
}
