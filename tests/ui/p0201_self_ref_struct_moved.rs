// The seed's `MemoeryDemo` (acceptance case ub/self_ref_struct_without_phantom.rs): a struct stores
// a pointer to its own field (P0201 at the struct's name, no `PhantomPinned`), `init` creates the
// self-reference, and `let moved = demo;` moves it (P0101 at `demo`): `moved.self_pointer` still
// points at `demo.value`. No `Pin` is involved, and none is needed for the move to be wrong.
struct MemoryDemo { //~ WARN P0201
    value: String,
    self_pointer: *const String,
}

impl MemoryDemo {
    fn new() -> Self {
        MemoryDemo {
            value: String::from("Hello"),
            self_pointer: std::ptr::null(),
        }
    }

    fn init(&mut self) {
        self.self_pointer = &self.value;
    }

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.self_pointer, &self.value)
    }
}

fn main() {
    let mut demo = MemoryDemo::new();
    demo.init();
    println!("before move: points to self = {}", demo.points_to_self());
    let moved = demo; //~ ERROR P0101
    println!("after move: points to self = {}", moved.points_to_self());
}
