// A self-referential struct that opts out of Unpin with `PhantomPinned`: built on the heap with
// `Box::pin`, initialised through `Pin<&mut Self>`, checked with `ptr::eq` (no addresses printed).
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr;

struct Parser {
    input: String,
    whole: *const String, // points at the `input` field itself: a self-reference
    pos: usize,
    _pin: PhantomPinned,
}

impl Parser {
    fn new(input: &str) -> Pin<Box<Parser>> {
        let mut p = Box::pin(Parser { input: input.to_string(), whole: ptr::null(), pos: 0, _pin: PhantomPinned });
        // SAFETY: we only write a field; the Parser is not moved out of the pinned Box.
        let this = unsafe { p.as_mut().get_unchecked_mut() };
        this.whole = &this.input;
        p
    }

    fn next_word(self: Pin<&mut Self>) -> Option<String> {
        let this = unsafe { self.get_unchecked_mut() };
        // Reading through the self-pointer is fine: the Parser has not moved since `new`.
        let input: &String = unsafe { &*this.whole };
        let rest = &input[this.pos..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return None;
        }
        let len = trimmed.find(' ').unwrap_or(trimmed.len());
        this.pos += rest.len() - trimmed.len() + len;
        Some(trimmed[..len].to_string())
    }

    fn is_self_referential(self: Pin<&Self>) -> bool {
        ptr::eq(self.whole, &self.input)
    }
}

fn main() {
    let mut p = Parser::new("  pin the  parser down ");
    println!("self-referential: {}", p.as_ref().is_self_referential());
    while let Some(w) = p.as_mut().next_word() {
        println!("word {:?}", w);
    }
    let moved = p; // moves the Box pointer; the Parser stays where it was pinned
    println!("after moving the box: {}", moved.as_ref().is_self_referential());
    let mut list = vec![moved, Parser::new("second one")];
    for q in list.iter_mut() {
        let first = q.as_mut().next_word();
        println!("first word {:?}, still self-referential: {}", first, q.as_ref().is_self_referential());
    }
}
