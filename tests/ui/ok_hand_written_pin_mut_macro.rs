// The `futures` crate's `pin_mut!`, written out with `macro_rules!`: it moves the value into a new
// local and shadows that local with its own `Pin::new_unchecked`. Why this is fine: after the macro,
// the name `fut` means the pin, so the future has no name left and cannot be moved (the same pattern
// as ok_block_on_shadowed_new_unchecked.rs, produced by a macro).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

macro_rules! pin_mut {
    ($x:ident) => {
        let mut $x = $x;
        #[allow(unused_mut)]
        let mut $x = unsafe { Pin::new_unchecked(&mut $x) };
    };
}

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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let fut = greet();
    pin_mut!(fut);
    let out = loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{}", out);
}
