// A struct with a `PhantomPinned` field is `!Unpin`: `Pin::new(&mut s)` is E0277 (P0103). This is
// exactly what `PhantomPinned` is for: the self-referential struct can only be pinned by `Box::pin`,
// `pin!` or `unsafe { Pin::new_unchecked }`.
use std::marker::PhantomPinned;
use std::pin::Pin;

struct SelfRef {
    value: String,
    ptr: *const String,
    _pin: PhantomPinned,
}

impl SelfRef {
    fn init(self: Pin<&mut Self>) {
        let this = unsafe { self.get_unchecked_mut() };
        this.ptr = &this.value;
    }
}

fn main() {
    let mut s = SelfRef { value: String::from("x"), ptr: std::ptr::null(), _pin: PhantomPinned };
    Pin::new(&mut s).init(); //~ ERROR P0103
    println!("{}", s.value);
}
