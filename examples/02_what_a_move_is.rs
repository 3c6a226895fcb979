// Teaches: what a move does to memory.
//
// A move is an ownership transfer *and* a copy of the value's bytes to a new place; the old place
// is no longer usable. A `String`'s bytes are (pointer, capacity, length): the heap text does not
// move, only the 24-byte struct does. So pointers to the heap survive a move, and pointers to the
// old place do not. We never print addresses: `ptr::eq` compares them.
use std::future::Future;
use std::ptr;

async fn some_async_fn() -> u32 {
    7
}

fn main() {
    // A String moved from `a` to `b`: the struct moves, the heap buffer stays.
    let a = String::from("hello");
    let a_place: *const String = &a;
    let heap_text: *const u8 = a.as_ptr();
    let b = a; // bytes copied to b's place; `a` is now unusable
    println!("b lives where a lived: {}", ptr::eq(a_place, &b));
    println!("b's text is the same heap buffer: {}", ptr::eq(heap_text, b.as_ptr()));

    // A Box: moving the Box moves the pointer, never the value it points to.
    let boxed = Box::new([1u64, 2, 3]);
    let contents: *const [u64; 3] = &*boxed;
    let moved_box = boxed;
    println!("box contents stayed put: {}", ptr::eq(contents, &*moved_box));

    // Plain data on the stack moves (or is copied) to a new place.
    let nums = [10, 20, 30];
    let nums_place: *const [i32; 3] = &nums;
    let copy = nums; // arrays of Copy are copied; `nums` stays usable
    println!("the copy is elsewhere: {}", !ptr::eq(nums_place, &copy));
    println!("original still here: {:?} and copy {:?}", nums, copy);

    // A future that was never polled is just its arguments: moving it is always fine.
    let future = some_async_fn();
    let other = future; // moved, before the first poll
    let mut other = Box::pin(other);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    println!("polled after the move: {:?}", other.as_mut().poll(&mut cx));
}
