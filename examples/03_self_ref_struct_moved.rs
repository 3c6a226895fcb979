// Teaches: why a self-referential struct breaks when it moves (no unsafe read needed to see it).
//
// `Bad` stores a pointer to its own field. Moving it copies both fields to the new place — the
// pointer too, unchanged — so `b.r` still holds the address of `a.s`, the old place:
//
//     let a = Bad { s, r: &a.s }  // s at place A, r = A
//     let b = a;                  // bytes copied to place B: b.s at B, b.r still = A
//
// This program only compares addresses (`ptr::eq`), which is allowed; reading through `b.r` would
// be undefined behavior (see 09_memory_demo_address_experiment.rs). `pinion check` flags the
// struct (P0201: a self-pointer without PhantomPinned) and the move (P0101).
use std::ptr;

struct Bad { // P0201: points at its own field, yet nothing stops it from moving
    s: String,
    r: *const String, // meant to point at self.s
}

impl Bad {
    fn new(text: &str) -> Bad {
        Bad { s: text.to_string(), r: ptr::null() }
    }
    fn point_at_self(&mut self) {
        self.r = &self.s;
    }
    fn points_at_self(&self) -> bool {
        ptr::eq(self.r, &self.s)
    }
}

fn main() {
    let mut a = Bad::new("hello");
    a.point_at_self();
    let old_place: *const String = &a.s;
    println!("before the move: a.r points at a.s = {}", a.points_at_self());

    let mut b = a; // P0101: the struct moves; b.r is copied unchanged
    println!("after the move:  b.r points at b.s = {}", b.points_at_self());
    println!("b.r still points at the old place = {}", ptr::eq(b.r, old_place));
    println!("the String's text did not move: {}", b.s);

    // The fix without pinning: store an offset or index instead of an address, or re-point
    // after every move. With pinning: opt out of Unpin (see 08_phantom_pinned_my_future.rs).
    b.point_at_self();
    println!("re-pointed after the move: {}", b.points_at_self());
}
