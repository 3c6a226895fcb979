// Wrapping a polled future in a struct moves it into the new value: the field shorthand `fut` in
// `Task { id: 1, fut }` moves the self-referential future (P0101 at the struct literal).
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

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}

struct Task<F> {
    id: u32,
    fut: F,
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let _ = unsafe { Pin::new_unchecked(&mut fut) }.poll(&mut cx); //~ WARN P0102
    let task = Task { id: 1, fut }; //~ ERROR P0101
    println!("task {} holds {} bytes", task.id, std::mem::size_of_val(&task.fut));
}
