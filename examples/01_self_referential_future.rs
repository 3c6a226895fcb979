// Teaches: why an `async fn` can become self-referential.
//
// A local that is borrowed across an `.await` must be stored in the future together with the
// borrow, so the future holds a pointer into itself. rustc lowers `foo` to roughly
//
//     enum FooFuture {
//         Unresumed,
//         Suspend0 { s: String, r: &String /* points at s */, __awaitee: SomeAsyncOp },
//         Returned,
//     }
//
// If the future moved while in Suspend0, `r` would point at the old place. `pinion inspect` draws
// that arrow; this program just runs it (safely: `block_on` pins the future before polling).
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
    let r = &s; // a borrow of a local...
    some_async_op().await; // ...held across an await: both are stored in the future
    println!("{}", r);
}

// The same shape from the forum thread: nothing forbids a reference to a local in an async fn.
async fn print_pair() {
    let x: i32 = 42;
    let y: &i32 = &x;
    some_async_op().await;
    println!("{x} {y}");
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut); // pinned once, never moved again
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("ready after {} polls", polls);
            return v;
        }
    }
}

fn main() {
    block_on(foo());
    block_on(print_pair());
}
