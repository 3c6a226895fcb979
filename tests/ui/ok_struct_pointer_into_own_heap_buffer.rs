// A struct with a raw pointer into memory it owns on the heap (its `Vec`'s buffer), not into one of
// its own fields. Why this is fine: moving the struct moves the `Vec`'s header, not the buffer, so
// `next` still points at the right element after the move; the struct is not self-referential and
// needs no `PhantomPinned` (no P0201). Compare p0201_cursor_into_own_array.rs.
struct Ring {
    slots: Vec<u8>,
    next: *mut u8,
}

impl Ring {
    fn new(n: usize) -> Self {
        let mut slots = vec![0; n];
        let next = slots.as_mut_ptr();
        Ring { slots, next }
    }

    fn write(&mut self, b: u8) {
        unsafe {
            *self.next = b;
            self.next = self.next.add(1);
        }
    }
}

fn main() {
    let mut ring = Ring::new(4);
    ring.write(1);
    let mut moved = ring;
    moved.write(2);
    println!("{:?}", moved.slots);
}
