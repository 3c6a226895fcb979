// An async block that borrows its own local across an await is polled in place, then pushed into
// a Vec of tasks: `push` moves the block's future into the Vec's buffer, leaving `first` pointing
// at the old place on the stack.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut block = async {
        let scores = [70u32, 85, 90];
        let first = &scores[0]; // points at `scores`, stored in the block's own future
        yield_once().await;
        *first + 1 // UB: `first` points at the block's old place
    };
    let p = unsafe { Pin::new_unchecked(&mut block) }.poll(&mut cx); // P0102: `block` is pushed below
    println!("polled the block in place: {:?}", p);
    let mut tasks = Vec::new();
    tasks.push(block); // UB: moves the polled future into the Vec; P0101
    println!("{} task queued", tasks.len());
    for t in tasks.iter_mut() {
        let q = unsafe { Pin::new_unchecked(t) }.poll(&mut cx);
        println!("{:?}", q);
    }
}
