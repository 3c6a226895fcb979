// A struct is `!Unpin` as soon as one of its fields is (auto trait): `Task` holds an `async fn`
// future, so `Pin::new(&mut task)` is E0277 (P0103). Adding `impl<F> Unpin for Task<F> {}` would
// silence rustc and be wrong whenever the field is pinned structurally
// (p0101_wrong_impl_unpin_wrapper.rs).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

struct Task<F> {
    id: u32,
    fut: F,
}

impl<F: Future> Future for Task<F> {
    type Output = F::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        unsafe { self.map_unchecked_mut(|t| &mut t.fut) }.poll(cx)
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut task = Task { id: 3, fut: greet() };
    let p = Pin::new(&mut task).poll(&mut cx); //~ ERROR P0103
    println!("task {}: {:?}", task.id, p);
}
