// A struct that does everything right — `PhantomPinned`, an `init` that takes `Pin<&mut Self>` —
// is pinned with `Pin::new_unchecked(&mut s)` on a stack local. The pin is only a promise: the
// local is still there by name, and moving it after `init` compiles and breaks the promise.
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr;

struct Buffer {
    text: String,
    text_ptr: *const String,
    _pin: PhantomPinned,
}

impl Buffer {
    fn new(text: &str) -> Self {
        Buffer { text: text.to_string(), text_ptr: ptr::null(), _pin: PhantomPinned }
    }

    fn init(self: Pin<&mut Self>) {
        let this = unsafe { self.get_unchecked_mut() };
        this.text_ptr = &this.text;
    }

    fn through_pointer(&self) -> &str {
        unsafe { &*self.text_ptr } // UB: `text_ptr` points into the moved-from `buf`
    }
}

fn main() {
    let mut buf = Buffer::new("pinned text");
    let mut pinned = unsafe { Pin::new_unchecked(&mut buf) }; // P0102: `buf` is still reachable by name
    pinned.as_mut().init();
    println!("through the pinned reference: {}", pinned.through_pointer());
    let moved = buf; // UB: moves the initialised struct despite the pin; P0101
    println!("moved; pointer still at the old place: {}", ptr::eq(moved.text_ptr, &moved.text));
    println!("{}", moved.through_pointer());
}
