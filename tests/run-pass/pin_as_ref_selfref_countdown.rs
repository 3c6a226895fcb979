// A self-referential struct pinned with pin! and Box::pin (moving the Box is fine), Pin::as_ref and
// as_mut on pinned locals, and a countdown future driven by a hand-written poll loop.
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::ptr;
use std::task::{Context, Poll, Waker};

#[derive(Debug)]
struct SelfRef {
    data: String,
    ptr: *const String,
    _pin: PhantomPinned,
}

impl SelfRef {
    fn new(s: &str) -> Self {
        SelfRef { data: s.to_string(), ptr: ptr::null(), _pin: PhantomPinned }
    }
    fn init(self: Pin<&mut Self>) {
        let p: *const String = &self.data;
        unsafe { self.get_unchecked_mut().ptr = p };
    }
    fn read(self: Pin<&Self>) -> &str {
        unsafe { &*self.ptr }
    }
}

struct Countdown(u8);
impl Future for Countdown {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.0 {
            0 => Poll::Ready("liftoff"),
            n => {
                println!("{}...", n);
                self.0 -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }
}

async fn launch(label: String) -> String {
    let msg = Countdown(3).await;
    let r = &label;
    Countdown(1).await;
    format!("{}: {}", r, msg)
}

fn main() {
    let mut a = pin!(SelfRef::new("alpha"));
    a.as_mut().init();
    println!("{}", a.as_ref().read());
    let mut b = Box::pin(SelfRef::new("beta"));
    b.as_mut().init();
    println!("{}", b.as_ref().read());
    let moved = b; // moving the Box is fine
    println!("{}", moved.as_ref().read());

    let mut fut = pin!(launch(String::from("apollo")));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    let out = loop {
        polls += 1;
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(s) => break s,
            Poll::Pending => continue,
        }
    };
    println!("{} after {} polls", out, polls);
    println!("{:?}", std::mem::size_of::<Countdown>());
}
