// The seed's `MyFuture`: a self-referential struct with `PhantomPinned`, pinned on the stack with
// `Pin::new_unchecked(&mut my_future)`. The program never moves it, so nothing breaks, but
// `my_future` stays reachable by name next to its pin (P0102). The thread's own answer is the fix:
// `let mut pinned_future = std::pin::pin!(my_future);` (ok_hand_written_future_pin_macro.rs).
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
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
    let mut my_future = MyFuture::new();
    let mut pinned_future = unsafe { Pin::new_unchecked(&mut my_future) }; //~ WARN P0102
    pinned_future.as_mut().init();
    let mut moved_pinned_future = pinned_future; // moves the `Pin` (a pointer), not the future
    loop {
        if let Poll::Ready(v) = moved_pinned_future.as_mut().poll(&mut cx) {
            println!("Polled value: {}", v);
            break;
        }
    }
}
