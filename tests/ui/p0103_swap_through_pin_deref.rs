// Trying to swap two pinned futures through their pins: each `&mut *a`, `&mut *b` needs `DerefMut`
// on `Pin<&mut {async fn body}>` and is rejected (E0596 twice on one line, P0103 twice).
use std::future::Future;
use std::mem;
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
    let mut a = pin!(greet());
    let mut b = pin!(greet());
    let _ = a.as_mut().poll(&mut cx);
    mem::swap(&mut *a, &mut *b); //~ ERROR P0103
    //~| ERROR P0103
    println!("{:?}", b.as_mut().poll(&mut cx));
}
