// A round-robin executor over `Vec<Pin<Box<dyn Future>>>`: `Vec::remove`, `push`, and the growth of
// the vector move the boxes around. Why this is fine: each future lives in its own heap allocation
// and only the `Pin<Box<_>>` pointers move; compare p0101_vec_element_removed.rs, where the futures
// themselves sat in the vector's buffer.
use std::future::Future;
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

async fn worker(id: u32, steps: u32) -> u32 {
    let label = format!("worker {}", id);
    let name = &label;
    for step in 0..steps {
        yield_once().await;
        println!("{} step {}", name, step);
    }
    id
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut tasks: Vec<Pin<Box<dyn Future<Output = u32>>>> = Vec::new();
    for id in 0..3 {
        tasks.push(Box::pin(worker(id, id + 1)));
    }
    while !tasks.is_empty() {
        let mut task = tasks.remove(0);
        match task.as_mut().poll(&mut cx) {
            Poll::Ready(id) => println!("worker {} done", id),
            Poll::Pending => tasks.push(task),
        }
    }
}
