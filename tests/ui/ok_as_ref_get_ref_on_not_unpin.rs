// `Pin::as_ref`, `Pin::get_ref` and reading through `Deref` need no `Unpin`: they hand out shared
// references, which cannot move the value. Why this is fine: the `PhantomPinned` struct is only read
// through its pin.
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};

struct Anchored {
    label: String,
    _pin: PhantomPinned,
}

fn describe(p: Pin<&Anchored>) -> usize {
    let r: &Anchored = p.get_ref();
    r.label.len()
}

fn main() {
    let mut a = pin!(Anchored { label: String::from("anchored"), _pin: PhantomPinned });
    println!("{} {}", a.label, describe(a.as_ref()));
    println!("{}", describe(a.as_mut().into_ref()));
}
