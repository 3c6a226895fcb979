// Rust twin of the `Wake` + `Arc` test in tests/runtime/core-waker.test.ts: strong counts as
// `Waker::from(arc)`, clone, the default `wake_by_ref`, `wake` and drop move them.
use std::sync::Arc;
use std::task::{Wake, Waker};

struct Flag;
impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        println!("wake (strong while waking: {})", Arc::strong_count(&self));
    }
}

fn main() {
    let arc = Arc::new(Flag);
    let keep = arc.clone();
    let w = Waker::from(arc);
    println!("from: {}", Arc::strong_count(&keep));
    let w2 = w.clone();
    println!("clone: {}", Arc::strong_count(&keep));
    w2.wake_by_ref();
    println!("wake_by_ref: {}", Arc::strong_count(&keep));
    w2.wake();
    println!("wake: {}", Arc::strong_count(&keep));
    drop(w);
    println!("drop: {}", Arc::strong_count(&keep));
}
