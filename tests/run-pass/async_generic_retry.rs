// Generic async code: an async fn taking a closure that makes futures (F: FnMut() -> Fut,
// Fut: Future<Output = Result<T, E>>), retried with a counter; a trait bound on E for printing;
// the attempts share state through Rc<Cell>, driven by a RawWaker-vtable block_on that counts wakes.
use std::cell::Cell;
use std::fmt::Display;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

static mut WAKES: u32 = 0;

fn vt_clone(p: *const ()) -> RawWaker { RawWaker::new(p, &VTABLE) }
fn vt_wake(_: *const ()) { unsafe { WAKES += 1 } }
fn vt_drop(_: *const ()) {}
static VTABLE: RawWakerVTable = RawWakerVTable::new(vt_clone, vt_wake, vt_wake, vt_drop);

fn block_on<F: Future>(f: F) -> F::Output {
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(f);
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

async fn yield_now() {
    let mut done = false;
    std::future::poll_fn(|cx| {
        if done { return Poll::Ready(()); }
        done = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }).await
}

async fn retry<T, E, F, Fut>(mut make: F, max: u32) -> Result<T, Vec<E>>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: Display,
{
    let mut errors = Vec::new();
    for attempt in 1..=max {
        match make(attempt).await {
            Ok(v) => return Ok(v),
            Err(e) => {
                println!("  attempt {} failed: {}", attempt, e);
                errors.push(e);
                yield_now().await;
            }
        }
    }
    Err(errors)
}

async fn flaky(calls: Rc<Cell<u32>>, succeed_on: u32) -> Result<u64, String> {
    calls.set(calls.get() + 1);
    yield_now().await;
    if calls.get() >= succeed_on { Ok(calls.get() as u64 * 100) } else { Err(format!("busy #{}", calls.get())) }
}

fn main() {
    let calls = Rc::new(Cell::new(0));
    let c = calls.clone();
    let r = block_on(retry(move |_| flaky(c.clone(), 3), 5));
    println!("first: {:?} after {} calls", r, calls.get());
    let r2: Result<u64, Vec<String>> = block_on(retry(|n| async move { Err(format!("never ({})", n)) }, 2));
    println!("second: {:?}", r2);
    let r3 = block_on(retry(|n| async move { if n == 1 { Ok::<_, i32>("immediately") } else { Err(n as i32) } }, 3));
    println!("third: {:?}", r3);
    println!("wakes: {}", unsafe { WAKES });
}
