// The seed's `MyFuture` with the fix the thread suggests: `std::pin::pin!(MyFuture::new())` instead
// of `Pin::new_unchecked(&mut my_future)`. Why this is fine: `PhantomPinned` opts out of `Unpin`, the
// self-pointer is created through the pin, and the future has no name other than its pin, so
// nothing can move it (moving the `Pin<&mut _>` moves a pointer).
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

enum State {
    Start,
    Middle,
    End,
}

struct MyFuture {
    state: State,
    value: String,
    self_pointer: *const String,
    _marker: PhantomPinned,
}

impl MyFuture {
    fn new() -> Self {
        MyFuture {
            state: State::Start,
            value: String::from("Hello"),
            self_pointer: std::ptr::null(),
            _marker: PhantomPinned,
        }
    }

    fn init(self: Pin<&mut Self>) {
        let self_ptr: *const String = &self.value;
        let this = unsafe { self.get_unchecked_mut() };
        this.self_pointer = self_ptr;
    }

    fn show_pointers(self: Pin<&Self>) {
        println!("same address: {}", std::ptr::eq(self.self_pointer, &self.value));
    }
}

impl Future for MyFuture {
    type Output = i32;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<i32> {
        let future = unsafe { Pin::get_unchecked_mut(self) };
        match future.state {
            State::Start => {
                future.state = State::Middle;
                Poll::Pending
            }
            State::Middle => {
                future.state = State::End;
                Poll::Pending
            }
            State::End => Poll::Ready(unsafe { (&*future.self_pointer).len() } as i32),
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pinned_future = pin!(MyFuture::new());
    pinned_future.as_mut().init();
    pinned_future.as_ref().show_pointers();
    let mut moved_pinned_future = pinned_future;
    moved_pinned_future.as_ref().show_pointers();
    let res = loop {
        if let Poll::Ready(v) = moved_pinned_future.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("Polled value: {}", res);
}
