// `std::pin::pin!` pins the future on the stack and shadows it: the only name left is the
// `Pin<&mut _>`, so safe code cannot move the future again. Why this is fine: the self-referential
// future (`r = &s` across the `.await`) is polled only through the pin and never moved.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn some_async_op() {
    let mut polled = false;
    std::future::poll_fn(move |cx| {
        if polled {
            Poll::Ready(())
        } else {
            polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

async fn foo() {
    let s = String::from("hello");
    let r = &s;
    some_async_op().await;
    println!("{}", r);
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(foo());
    let mut polls = 0;
    loop {
        polls += 1;
        if fut.as_mut().poll(&mut cx).is_ready() {
            break;
        }
    }
    println!("ready after {} polls", polls);
}
