// A raw pointer to a Vec element, then `Vec::remove(0)` moves that element out (and shifts the
// rest down). Reading through the pointer afterwards is undefined behavior: in the compiled
// binary it happens to show the element that slid into slot 0.
fn main() {
    let mut queue: Vec<String> = vec!["first".to_string(), "second".to_string(), "third".to_string()];
    let head: *const String = &queue[0];
    println!("head is {}", unsafe { &*head });
    let done = queue.remove(0); // UB: moves the element `head` points to out of the Vec
    println!("removed {}, {} left", done, queue.len());
    let stale = unsafe { &*head }; // UB: reads through the pointer to the removed element
    println!("head still says {}", stale);
    let total: usize = queue.iter().map(|s| s.len()).sum();
    println!("total length {}", total);
}

// The safe way: remember an index (or clone the value), not a pointer into the Vec's buffer.
#[allow(dead_code)]
fn safe_version() {
    let mut queue = vec!["first".to_string(), "second".to_string()];
    let head_index = 0;
    let done = queue.remove(head_index);
    println!("removed {}; new head {:?}", done, queue.first());
    let peek = queue.first().cloned();
    println!("{:?}", peek);
}
