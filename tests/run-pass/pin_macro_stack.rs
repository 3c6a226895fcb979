// `std::pin::pin!` on the stack: pinning an async fn future, an async block and a hand-written
// future; `as_mut` to re-borrow the pin in a loop; a pinned future passed down by `Pin<&mut _>`.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

async fn yield_then(v: &str) -> String {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await;
    v.to_uppercase()
}

fn poll_until_ready<T>(mut fut: Pin<&mut dyn Future<Output = T>>, label: &str) -> T {
    let mut cx = Context::from_waker(Waker::noop());
    let mut n = 0;
    loop {
        n += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("{}: ready after {} polls", label, n);
            return v;
        }
    }
}

fn main() {
    let a = pin!(yield_then("pinned"));
    println!("{}", poll_until_ready(a, "async fn"));

    let text = String::from("borrowed");
    let b = pin!(async {
        let r = &text; // a borrow held across the await below
        let up = yield_then(r).await;
        format!("{}+{}", r, up)
    });
    println!("{}", poll_until_ready(b, "async block"));

    let c = pin!(std::future::ready(7));
    println!("{}", poll_until_ready(c, "ready"));

    for i in 0..3 {
        let word = format!("loop{}", i);
        let fut = pin!(yield_then(&word));
        println!("{}", poll_until_ready(fut, "in a loop"));
    }

    let mut outer = pin!(async {
        let inner = pin!(yield_then("inner"));
        inner.await + "!"
    });
    let mut cx = Context::from_waker(Waker::noop());
    let first = outer.as_mut().poll(&mut cx);
    let second = outer.as_mut().poll(&mut cx);
    println!("{:?} then {:?}", first, second);
}
