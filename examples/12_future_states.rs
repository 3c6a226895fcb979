// Teaches: what each state of an `async fn` future stores, by writing rustc's state machine by hand.
//
// For `foo` below, rustc builds (roughly) the enum `FooFuture`: Unresumed holds the arguments (none
// here), Suspend0 holds everything live across the `.await` — `s`, the borrow `r` (a pointer to `s`
// in the same variant: the self-reference) and the awaited future — and Returned holds nothing.
// Both versions run side by side and print the same result; the hand-written one also narrates.
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::ptr;
use std::task::{Context, Poll, Waker};

struct SomeAsyncOp {
    polled: bool,
}
impl Future for SomeAsyncOp {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.polled { Poll::Ready(()) } else { self.polled = true; Poll::Pending }
    }
}

async fn foo() {
    let s = String::from("hello");
    let r = &s;
    SomeAsyncOp { polled: false }.await;
    println!("{}", r);
}

enum FooFuture {
    Unresumed,
    Suspend0 { s: String, r: *const String, awaitee: SomeAsyncOp, _pin: PhantomPinned },
    Returned,
}

impl Future for FooFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = unsafe { self.get_unchecked_mut() }; // we never move out of a pinned FooFuture
        loop {
            match this {
                FooFuture::Unresumed => {
                    println!("  [hand-written] Unresumed -> Suspend0");
                    *this = FooFuture::Suspend0 {
                        s: String::from("hello"),
                        r: ptr::null(),
                        awaitee: SomeAsyncOp { polled: false },
                        _pin: PhantomPinned,
                    };
                    if let FooFuture::Suspend0 { s, r, .. } = this {
                        *r = s; // the self-reference, made in place
                    }
                }
                FooFuture::Suspend0 { s, r, awaitee, .. } => {
                    println!("  [hand-written] Suspend0: r points at s = {}", ptr::eq(*r, s));
                    if unsafe { Pin::new_unchecked(awaitee) }.poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    println!("{}", unsafe { &**r });
                    *this = FooFuture::Returned;
                    return Poll::Ready(());
                }
                FooFuture::Returned => panic!("`async fn` resumed after completion"),
            }
        }
    }
}

fn run<F: Future<Output = ()>>(label: &str, fut: F) {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if fut.as_mut().poll(&mut cx).is_ready() {
            println!("{}: ready after {} polls", label, polls);
            return;
        }
    }
}

fn main() {
    run("async fn foo", foo());
    run("FooFuture", FooFuture::Unresumed);
}
