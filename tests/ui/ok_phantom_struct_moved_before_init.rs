// A `PhantomPinned` struct moved around before its self-pointer exists, then pinned and initialised.
// Why this is fine: until `init` runs, the struct holds a null pointer and nothing points into it,
// so the moves (into a `Vec`, back out, into `Box::pin`) are ordinary moves; after `init` it is only
// reached through its pin.
use std::marker::PhantomPinned;
use std::pin::Pin;

struct Parser {
    input: String,
    cursor: *const String,
    _pin: PhantomPinned,
}

impl Parser {
    fn new(input: &str) -> Self {
        Parser { input: input.to_string(), cursor: std::ptr::null(), _pin: PhantomPinned }
    }

    fn init(self: Pin<&mut Self>) {
        let this = unsafe { self.get_unchecked_mut() };
        this.cursor = &this.input;
    }

    fn points_to_self(self: Pin<&Self>) -> bool {
        std::ptr::eq(self.cursor, &self.input)
    }
}

fn main() {
    let mut pending = vec![Parser::new("1 + 2")];
    let parser = pending.pop().unwrap();
    let mut pinned = Box::pin(parser);
    pinned.as_mut().init();
    println!("points to self: {}", pinned.as_ref().points_to_self());
}
