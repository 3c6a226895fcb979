// Teaches: "who would ever move a future?" — ordinary collection code does it all the time.
//
// An executor that keeps its tasks in a `Vec` and removes finished ones shifts the remaining
// elements down: every later element moves to a new address. With the futures stored inline that
// would move polled (possibly self-referential) futures. With `Pin<Box<...>>` elements only the
// boxes move; the futures stay where they were pinned. `ptr::eq` shows both.
use std::future::Future;
use std::pin::Pin;
use std::ptr;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn job(id: u32, steps: u32) -> u32 {
    let label = format!("job{}", id);
    let l = &label; // self-referential while suspended
    for _ in 0..steps {
        tick().await;
    }
    println!("  {} finished", l);
    id
}

fn main() {
    // Plain values in a Vec: `remove(0)` moves the others.
    let mut numbers = vec![[1u8; 8], [2u8; 8], [3u8; 8]];
    let second_before: *const [u8; 8] = &numbers[1];
    numbers.remove(0);
    println!("after remove(0), the old second element is at a new address: {}", !ptr::eq(second_before, &numbers[0]));

    // Boxed, pinned futures in a Vec: removing a finished one moves only the boxes.
    let mut cx = Context::from_waker(Waker::noop());
    let mut tasks: Vec<Pin<Box<dyn Future<Output = u32>>>> = vec![Box::pin(job(1, 1)), Box::pin(job(2, 2)), Box::pin(job(3, 3))];
    let job2_at: *const dyn Future<Output = u32> = &*tasks[1].as_ref();
    let mut round = 0;
    let mut checked = false;
    while !tasks.is_empty() {
        round += 1;
        println!("round {}", round);
        let mut i = 0;
        while i < tasks.len() {
            if tasks[i].as_mut().poll(&mut cx).is_ready() {
                tasks.remove(i); // the later boxes shift down
            } else {
                i += 1;
            }
        }
        if !checked && tasks.len() == 2 {
            checked = true; // job1 is gone: job2's box moved from index 1 to index 0
            println!("  job2's future stayed put while its box moved: {}", ptr::addr_eq(job2_at, &*tasks[0].as_ref()));
        }
    }
}
