// Layout corpus: async blocks and futures as values — `async { … }.await` inside an async fn, `async move`
// blocks capturing variables (by value and by reference), futures stored in locals before they are
// awaited, `Box::pin`, a `pin!`ned future polled by hand with `poll_fn`, `std::future::ready`, async
// blocks built by plain fns and closures. Async blocks are named `{async block@LINE:COL}` (the `async`
// keyword) in blocks.layout.json. Each one says what it exercises.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

// Helper: pending once, then ready, so every `.await` on it really suspends.
async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

// Helper: a value that arrives after one suspension.
async fn num(n: i32) -> i32 {
    yield_now().await;
    n
}

// An async block awaited in place; it borrows `base` from the enclosing fn.
async fn nested_block_borrows() -> i32 {
    let base = 10;
    let r = async {
        yield_now().await;
        base + 1
    }
    .await;
    r + base
}

// An `async move` block awaited in place; it captures a String by value.
async fn nested_move_block() -> usize {
    let s = String::from("moved in");
    async move {
        yield_now().await;
        s.len()
    }
    .await
}

// A future stored in a local, created before another await and awaited after it.
async fn future_in_local() -> i32 {
    let later = num(2);
    let first = num(1).await;
    first + later.await
}

// An async block stored in a local before another await.
async fn block_in_local() -> i32 {
    let name = String::from("blk");
    let fut = async move {
        yield_now().await;
        name.len() as i32
    };
    yield_now().await;
    fut.await
}

// Two futures created, then awaited in the opposite order.
async fn two_futures_reversed() -> i32 {
    let a = num(1);
    let b = num(2);
    let y = b.await;
    let x = a.await;
    x * 10 + y
}

// A boxed, pinned future held in a local across another await.
async fn boxed_future_held() -> i32 {
    let boxed: Pin<Box<dyn Future<Output = i32>>> = Box::pin(num(5));
    yield_now().await;
    boxed.await
}

// A `pin!`ned future polled by hand inside `poll_fn`, then awaited through the pin.
async fn pin_and_poll_fn() -> i32 {
    let mut fut = pin!(num(7));
    let mut polls = 0;
    let first = std::future::poll_fn(|cx| {
        polls += 1;
        match fut.as_mut().poll(cx) {
            Poll::Ready(v) => Poll::Ready(v),
            Poll::Pending => {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    })
    .await;
    first + polls
}

// `std::future::ready(…)` awaited: the awaitee is a `Ready<T>`.
async fn await_ready() -> i32 {
    let a = std::future::ready(3).await;
    a + std::future::ready(4).await
}

// An async block nested two deep, the inner one capturing by move from the outer one.
async fn doubly_nested() -> usize {
    let words = vec![String::from("a"), String::from("bc")];
    async {
        let n = words.len();
        async move {
            yield_now().await;
            n + 1
        }
        .await
    }
    .await
}

// An async block that mutates a captured counter: captured by `&mut`, the upvar is `_ref__count`.
async fn block_mutates_capture() -> i32 {
    let mut count = 0;
    async {
        count += 1;
        yield_now().await;
        count += 1;
    }
    .await;
    count
}

struct Config {
    level: i32,
    name: String,
}

// Edition 2021 captures disjoint fields: one block borrows `cfg.level` (upvar `_ref__cfg__level`),
// the next moves `cfg.name` out (upvar `cfg__name`).
async fn blocks_capture_fields() -> usize {
    let cfg = Config { level: 2, name: String::from("cfg") };
    let level = async {
        yield_now().await;
        cfg.level + 1
    }
    .await;
    let len = async move {
        yield_now().await;
        cfg.name.len()
    }
    .await;
    level as usize + len
}

// A plain fn that returns an `async move` block capturing its argument.
fn make_greeting(name: String) -> impl Future<Output = String> {
    async move {
        yield_now().await;
        format!("hello {}", name)
    }
}

// A closure that returns an `async move` block.
async fn closure_makes_block() -> i32 {
    let add = |n: i32| async move {
        yield_now().await;
        n + 1
    };
    add(1).await + add(2).await
}

// A generic plain fn returning an async block; instantiated with two types, one layout.
fn twice<T: Clone>(t: T) -> impl Future<Output = (T, T)> {
    async move {
        let copy = t.clone();
        yield_now().await;
        (t, copy)
    }
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    assert_eq!(block_on(nested_block_borrows()), 21);
    assert_eq!(block_on(nested_move_block()), 8);
    assert_eq!(block_on(future_in_local()), 3);
    assert_eq!(block_on(block_in_local()), 3);
    assert_eq!(block_on(two_futures_reversed()), 12);
    assert_eq!(block_on(boxed_future_held()), 5);
    assert_eq!(block_on(pin_and_poll_fn()), 9);
    assert_eq!(block_on(await_ready()), 7);
    assert_eq!(block_on(doubly_nested()), 3);
    assert_eq!(block_on(block_mutates_capture()), 2);
    assert_eq!(block_on(blocks_capture_fields()), 6);
    assert_eq!(block_on(make_greeting(String::from("pin"))), "hello pin");
    assert_eq!(block_on(closure_makes_block()), 5);
    assert_eq!(block_on(twice(1u8)), (1, 1));
    assert_eq!(block_on(twice(String::from("s"))), (String::from("s"), String::from("s")));
    // A top-level async block in main, capturing a local by reference.
    let total = 5;
    let from_main = async {
        yield_now().await;
        total * 2
    };
    assert_eq!(block_on(from_main), 10);
    println!("blocks: ok");
}
