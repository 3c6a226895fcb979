// Teaches: a hand-written self-referential future that opts out of `Unpin` with `PhantomPinned`.
// (The forum thread's `MyFuture`, made std-only: `Waker::noop()` for the futures crate's noop waker,
// a hand-written `block_on` for `async fn main`, and `ptr::eq` instead of printing addresses.)
//
// `init` takes `Pin<&mut Self>`: the self-pointer is only created once the value is pinned. Moving
// the `Pin<&mut MyFuture>` wrapper is fine — it is a pointer; the future itself stays put. The
// compiler refuses `std::mem::replace(moved_pinned_future.get_mut(), MyFuture::new())` because
// `MyFuture` is `!Unpin` (E0277; `pinion check`: P0103).
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::ptr;
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
    _marker: PhantomPinned, // This makes our type `!Unpin`
}

impl MyFuture {
    fn new() -> Self {
        let val = String::from("Hello");
        MyFuture { state: State::Start, value: val, self_pointer: ptr::null(), _marker: PhantomPinned }
    }
    // init the self pointer
    pub fn init(self: Pin<&mut Self>) {
        let self_ptr: *const String = &self.value;
        let this = unsafe { self.get_unchecked_mut() };
        this.self_pointer = self_ptr;
    }
}

impl Future for MyFuture {
    type Output = i32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = unsafe { Pin::get_unchecked_mut(self) };
        match future.state {
            State::Start => {
                future.state = State::Middle; // transition to the next state
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

fn print_pointers(pinned_future: &mut Pin<&mut MyFuture>) {
    let f: &MyFuture = pinned_future.as_ref().get_ref();
    println!("self_pointer points at value: {}", ptr::eq(f.self_pointer, &f.value));
    println!("Value at self_pointer: {}", unsafe { &*f.self_pointer });
}

async fn async_main() {
    let mut my_future = MyFuture::new();
    // Sound: `my_future` is never used by name again. (Safe spelling: `pin!(MyFuture::new())`.)
    let mut pinned_future = unsafe { Pin::new_unchecked(&mut my_future) };
    pinned_future.as_mut().init();
    print_pointers(&mut pinned_future);

    // Moving the pinned *wrapper* moves a pointer, not the future.
    let mut moved_pinned_future = pinned_future;
    print_pointers(&mut moved_pinned_future);

    // Poll the future slowly, by hand.
    let mut pinned_future = moved_pinned_future;
    let noop = &mut Context::from_waker(Waker::noop());
    let _mid = MyFuture::poll(pinned_future.as_mut(), noop);
    let _end = MyFuture::poll(pinned_future.as_mut(), noop);
    let res = MyFuture::poll(pinned_future.as_mut(), noop);
    if let Poll::Ready(val) = res {
        println!("Polled value: {}", val);
    }
    // Use await to poll the future (Pin<&mut F> is itself a future).
    let res2 = pinned_future.await;
    println!("Resolved Value: {:?}", res2);
}

fn main() {
    let mut main_future = pin!(async_main());
    let mut cx = Context::from_waker(Waker::noop());
    while main_future.as_mut().poll(&mut cx).is_pending() {}
}
