// A self-referential struct done right: `PhantomPinned` makes it `!Unpin`, `Box::pin` gives it a
// heap address, and the self-pointer is set through `Pin<&mut Self>`. Why this is fine: the value
// never moves after `init`; moving the `Pin<Box<_>>` (a pointer) into another variable leaves it
// where it is.
use std::marker::PhantomPinned;
use std::pin::Pin;

struct SelfRef {
    value: String,
    ptr: *const String,
    _pin: PhantomPinned,
}

impl SelfRef {
    fn new(v: &str) -> Pin<Box<Self>> {
        let mut boxed = Box::pin(SelfRef { value: v.to_string(), ptr: std::ptr::null(), _pin: PhantomPinned });
        let ptr: *const String = &boxed.value;
        unsafe { boxed.as_mut().get_unchecked_mut() }.ptr = ptr;
        boxed
    }

    fn points_to_self(self: Pin<&Self>) -> bool {
        std::ptr::eq(self.ptr, &self.value)
    }
}

fn main() {
    let a = SelfRef::new("pinned");
    let moved = a;
    println!("points to self: {}", moved.as_ref().points_to_self());
}
