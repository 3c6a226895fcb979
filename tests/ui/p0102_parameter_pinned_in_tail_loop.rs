// `drive` pins its by-value parameter with `Pin::new_unchecked` inside the loop that ends the
// function. The loop is the last statement of the parameter's scope, but the next iteration runs
// after the call and could name `fut` (for instance `let stolen = fut;` after the poll): the local
// stays reachable by name, so this is P0102. Nothing moves it here, so no P0101. Compare
// ok_new_unchecked_last_use_in_scope.rs, where the call is the tail expression and no loop follows.
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

fn drive<F: Future>(mut fut: F, cx: &mut Context<'_>) -> F::Output {
    loop {
        if let Poll::Ready(v) = unsafe { Pin::new_unchecked(&mut fut) }.poll(cx) { //~ WARN P0102
            return v;
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    println!("{}", drive(greet(), &mut cx));
}
