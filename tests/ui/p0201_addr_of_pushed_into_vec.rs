// The self-pointer is taken with `ptr::addr_of!` (a raw pointer without an intermediate reference),
// which changes nothing about where it points: the struct stores a pointer to its own field without
// `PhantomPinned` (P0201), and `nodes.push(n)` moves the initialised value into the vector's buffer
// (P0101 at the argument `n`).
use std::ptr;

struct Link { //~ WARN P0201
    payload: u64,
    this: *const u64,
}

fn main() {
    let mut nodes = Vec::new();
    let mut n = Link { payload: 7, this: ptr::null() };
    n.this = ptr::addr_of!(n.payload);
    nodes.push(n); //~ ERROR P0101
    println!("points to itself: {}", ptr::eq(nodes[0].this, &nodes[0].payload));
}
