// `Pin::get_mut` on a pinned struct that holds `PhantomPinned` (called as an associated function
// this time) is E0277 (P0103): the struct opted out of `Unpin`, so its pin cannot be undone.
use std::marker::PhantomPinned;
use std::pin::Pin;

struct Anchored {
    value: u32,
    _pin: PhantomPinned,
}

fn main() {
    let mut boxed = Box::pin(Anchored { value: 1, _pin: PhantomPinned });
    let inner: &mut Anchored = Pin::get_mut(boxed.as_mut()); //~ ERROR P0103
    inner.value += 1;
    println!("{}", boxed.value);
}
