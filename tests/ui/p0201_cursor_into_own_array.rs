// A pointer to an element of the struct's own array field is a pointer to its own field too: the
// array lives inline in the struct (P0201 at the struct's name). Nothing moves the value after
// `reset` here, so there is no P0101. Compare ok_struct_pointer_into_own_heap_buffer.rs, where the
// pointer goes into a `Vec`'s heap buffer and the struct can move freely.
struct Ring { //~ WARN P0201
    slots: [u8; 4],
    next: *mut u8,
}

impl Ring {
    fn reset(&mut self) {
        self.next = &mut self.slots[0];
    }

    fn write(&mut self, b: u8) {
        unsafe {
            *self.next = b;
        }
    }
}

fn main() {
    let mut ring = Ring { slots: [0; 4], next: std::ptr::null_mut() };
    ring.reset();
    ring.write(9);
    println!("{:?}", ring.slots);
}
