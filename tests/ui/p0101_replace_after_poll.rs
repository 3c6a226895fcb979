// `mem::replace` moves the old value out: the polled, self-referential future lands in `old`
// while its saved references still point at `fut`'s place (P0101 at the `mem::replace` call).
// `sum` iterates over `&values` where `values` is an array stored inside the future, so the `for`
// loop's iterator (and `v`) point into the future across the `.await`. (Over a `Vec`, they would
// point into the heap buffer instead: see p0102_heap_ref_across_await_moved.rs.)
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn sum(values: [u32; 3]) -> u32 {
    let mut total = 0;
    for v in &values {
        yield_once().await;
        total += v;
    }
    total
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = sum([1, 2, 3]);
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let old = mem::replace(&mut fut, sum([4, 5, 6])); //~ ERROR P0101
    println!("replaced: {}", mem::size_of_val(&old) > 0);
}
