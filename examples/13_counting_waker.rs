// Teaches: what a Waker is — a pointer plus a vtable of four functions — by building two by hand.
//
// 1. With the `Wake` trait: `Waker::from(Arc<W>)`; `wake` consumes a waker, `wake_by_ref` does not.
// 2. With `RawWaker` + `RawWakerVTable`: the same counter, with every vtable entry spelled out.
// A future that needs three polls asks to be woken before each `Pending`, as the contract says:
// a future that returns Pending must arrange for `wake` to be called, or it may never be polled.
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Wake, Waker};

struct WakeCounter(AtomicUsize);

impl Wake for WakeCounter {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

static RAW_WAKES: AtomicUsize = AtomicUsize::new(0);
static RAW_CLONES: AtomicUsize = AtomicUsize::new(0);

fn raw_clone(data: *const ()) -> RawWaker {
    RAW_CLONES.fetch_add(1, Ordering::SeqCst);
    RawWaker::new(data, &RAW_VTABLE)
}
fn raw_wake(_: *const ()) {
    RAW_WAKES.fetch_add(1, Ordering::SeqCst);
}
fn raw_wake_by_ref(_: *const ()) {
    RAW_WAKES.fetch_add(1, Ordering::SeqCst);
}
fn raw_drop(_: *const ()) {}
static RAW_VTABLE: RawWakerVTable = RawWakerVTable::new(raw_clone, raw_wake, raw_wake_by_ref, raw_drop);

async fn three_polls() -> &'static str {
    let mut n = 0;
    std::future::poll_fn(move |cx| {
        n += 1;
        if n == 3 {
            return Poll::Ready("done");
        }
        if n == 1 { cx.waker().wake_by_ref() } else { cx.waker().clone().wake() }
        Poll::Pending
    })
    .await
}

fn run(label: &str, waker: &Waker) {
    let mut cx = Context::from_waker(waker);
    let mut fut = pin!(three_polls());
    let mut polls = 1;
    while fut.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    println!("{}: ready after {} polls", label, polls);
}

fn main() {
    let counter = Arc::new(WakeCounter(AtomicUsize::new(0)));
    let waker = Waker::from(counter.clone());
    run("Wake trait", &waker);
    println!("  wakes: {}, Arc strong count: {}", counter.0.load(Ordering::SeqCst), Arc::strong_count(&counter));

    let raw = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &RAW_VTABLE)) };
    run("RawWakerVTable", &raw);
    println!("  wakes: {}, clones: {}", RAW_WAKES.load(Ordering::SeqCst), RAW_CLONES.load(Ordering::SeqCst));
}
