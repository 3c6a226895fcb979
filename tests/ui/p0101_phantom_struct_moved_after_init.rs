// A self-referential struct that opts out of `Unpin` correctly (`PhantomPinned`) is pinned with
// `Pin::new_unchecked` on a stack local that stays reachable (P0102), its self-pointer is set
// through the pin, and then the local is moved by name anyway (P0101 at the move): `PhantomPinned`
// only stops the safe APIs, not a move of the original binding.
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

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.cursor, &self.input)
    }
}

fn main() {
    let mut parser = Parser::new("1 + 2");
    unsafe { Pin::new_unchecked(&mut parser) }.init(); //~ WARN P0102
    println!("before: {}", parser.points_to_self());
    let moved = parser; //~ ERROR P0101
    println!("after: {}", moved.points_to_self());
}
