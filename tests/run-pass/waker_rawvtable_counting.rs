// A waker built by hand from `RawWaker` and `RawWakerVTable`: the data pointer points at a
// counter, and every vtable entry (clone, wake, wake_by_ref, drop) counts its calls.
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

#[derive(Default)]
struct Counts {
    clone: Cell<u32>,
    wake: Cell<u32>,
    wake_by_ref: Cell<u32>,
    drop: Cell<u32>,
}

fn counts<'a>(data: *const ()) -> &'a Counts {
    unsafe { &*(data as *const Counts) }
}
unsafe fn vt_clone(data: *const ()) -> RawWaker {
    let c = counts(data);
    c.clone.set(c.clone.get() + 1);
    RawWaker::new(data, &VTABLE)
}
unsafe fn vt_wake(data: *const ()) {
    let c = counts(data);
    c.wake.set(c.wake.get() + 1);
    vt_drop(data); // `wake` consumes the waker
}
unsafe fn vt_wake_by_ref(data: *const ()) {
    let c = counts(data);
    c.wake_by_ref.set(c.wake_by_ref.get() + 1);
}
unsafe fn vt_drop(data: *const ()) {
    let c = counts(data);
    c.drop.set(c.drop.get() + 1);
}
static VTABLE: RawWakerVTable = RawWakerVTable::new(vt_clone, vt_wake, vt_wake_by_ref, vt_drop);

async fn chatty(rounds: u32) -> u32 {
    let mut left = rounds;
    std::future::poll_fn(move |cx| {
        if left == 0 {
            return Poll::Ready(rounds);
        }
        left -= 1;
        if left % 2 == 0 {
            cx.waker().wake_by_ref();
        } else {
            cx.waker().clone().wake(); // clone, then wake consumes the clone
        }
        Poll::Pending
    })
    .await
}

fn main() {
    let c = Counts::default();
    let waker = unsafe { Waker::from_raw(RawWaker::new(&c as *const Counts as *const (), &VTABLE)) };
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(chatty(5));
    let mut polls = 0;
    while fut.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    let kept = waker.clone();
    println!("will_wake: {}", kept.will_wake(&waker));
    drop(kept);
    drop(waker);
    println!("pending polls: {}", polls);
    println!("clone {}, wake {}, wake_by_ref {}, drop {}", c.clone.get(), c.wake.get(), c.wake_by_ref.get(), c.drop.get());
}
