// A struct that stores a pointer to its own field but does not opt out of `Unpin`. This program
// happens never to move it after `init`, so nothing dangles (no P0101), but the type lets any safe
// code move it, or pin it with `Pin::new` and take it back out with `Pin::get_mut`: P0201 at the
// struct's name. The fix is a `_pin: PhantomPinned` field and `init(self: Pin<&mut Self>)`.
struct Node { //~ WARN P0201
    value: String,
    self_pointer: *const String,
}

impl Node {
    fn new() -> Self {
        Node { value: String::from("Hello"), self_pointer: std::ptr::null() }
    }

    fn init(&mut self) {
        self.self_pointer = &self.value;
    }

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.self_pointer, &self.value)
    }
}

fn main() {
    let mut node = Node::new();
    node.init();
    println!("points to self: {}", node.points_to_self());
    println!("value through the self-pointer: {}", unsafe { &*node.self_pointer });
}
