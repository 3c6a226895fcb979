// A self-referential struct that does everything right (`PhantomPinned`, `Box::pin`, the
// self-pointer set through the pin) until `mem::take` through `get_unchecked_mut` moves it out of
// the box and leaves a default value behind (P0105 at the `mem::take` call). The taken value's
// `cursor` still points into the box.
use std::marker::PhantomPinned;
use std::mem;
use std::pin::Pin;

struct Buffer {
    data: String,
    cursor: *const String,
    _pin: PhantomPinned,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer { data: String::new(), cursor: std::ptr::null(), _pin: PhantomPinned }
    }
}

impl Buffer {
    fn init(self: Pin<&mut Self>) {
        let this = unsafe { self.get_unchecked_mut() };
        this.cursor = &this.data;
    }

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.cursor, &self.data)
    }
}

fn main() {
    let mut boxed = Box::pin(Buffer { data: String::from("pinned"), ..Default::default() });
    boxed.as_mut().init();
    let taken = mem::take(unsafe { boxed.as_mut().get_unchecked_mut() }); //~ ERROR P0105
    println!("taken points to itself: {}", taken.points_to_self());
}
