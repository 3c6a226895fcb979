// The classic first attempt: set the self-pointer inside the constructor. Returning `s` moves it
// into the caller's frame, so the pointer dangles before the caller ever sees the value (P0101 at
// the returned `s`), and the struct has no `PhantomPinned` (P0201 at its name).
struct Cursor { //~ WARN P0201
    text: String,
    at: *const String,
}

impl Cursor {
    fn new(text: &str) -> Self {
        let mut s = Cursor { text: text.to_string(), at: std::ptr::null() };
        s.at = &s.text;
        s //~ ERROR P0101
    }

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.at, &self.text)
    }
}

fn main() {
    let c = Cursor::new("abc");
    println!("points to self: {}", c.points_to_self());
}
