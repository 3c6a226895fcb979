// `&mut *p` through `Pin<&mut T>` needs `DerefMut`, i.e. `T: Unpin`: on a pinned `async fn` future it
// is E0596 (P0103). The `&mut` would allow moving the future out of its pinned place.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    std::future::ready(()).await;
    r.len()
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(greet());
    let _ = fut.as_mut().poll(&mut cx);
    let raw: &mut _ = &mut *fut; //~ ERROR P0103
    println!("{} bytes", std::mem::size_of_val(raw));
}
