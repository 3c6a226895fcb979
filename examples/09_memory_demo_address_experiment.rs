// Teaches: reading through a self-pointer after a move is undefined behavior.
// (The forum thread's `MemoeryDemo` address experiment — name kept as posted — with the pointer
// printing replaced by `ptr::eq`, and one more line that actually reads through the stale pointer.)
//
// before the move                         after `let my_future_2 = my_future;`
//   stack: value (place A)                  stack: value (place B), a bitwise copy
//          self_pointer = A                        self_pointer = A   <- still the old place
//   heap:  "Hello"                          heap:  "Hello" (same buffer, now owned from B)
//
// Comparing `self_pointer` with `&self.value` is fine and shows the problem; dereferencing it reads
// the moved-from place A: undefined behavior. `pinion run` stops there and names the move.
use std::ptr;

struct MemoeryDemo { // P0201: a pointer to its own field, without PhantomPinned
    value: String,
    self_pointer: *const String,
}

impl MemoeryDemo {
    fn new() -> Self {
        let val = String::from("Hello");
        MemoeryDemo { value: val, self_pointer: ptr::null() }
    }
    fn init(&mut self) {
        let self_ptr: *const String = &self.value;
        self.self_pointer = self_ptr;
    }
    fn show_pointers(&self, label: &str) {
        println!("{}: self_pointer points at value = {}", label, ptr::eq(self.self_pointer, &self.value));
    }
    fn value_through_pointer(&self) -> &str {
        unsafe { &*self.self_pointer } // UB: after the move this reads the old place
    }
    fn address_experiment() {
        let mut my_future = MemoeryDemo::new();
        my_future.init();
        my_future.show_pointers("before");
        println!("before: value through pointer = {}", my_future.value_through_pointer());
        let my_future_2 = my_future; // UB: the move that leaves self_pointer behind; P0101
        my_future_2.show_pointers("after");
        println!("after: value through pointer = {}", my_future_2.value_through_pointer());
    }
}

fn main() {
    MemoeryDemo::address_experiment();
    println!("the fix: PhantomPinned + Pin, see 08_phantom_pinned_my_future.rs");
}
