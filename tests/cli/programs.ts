// Small programs shared by the CLI tests, with their output reasoned in a comment (no rustc here).

// `add(2, 3)` awaits `yield_once()`, whose poll_fn returns Pending on its first poll (after waking
// the task) and Ready on its second. So the first poll of `add`'s future leaves it in Suspend0 and the
// second returns Ready(5): main prints one line, `sum 5 after 2 polls`, and exits 0.
export const SUM = `use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |cx| {
        if done {
            Poll::Ready(())
        } else {
            done = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

async fn add(a: u32, b: u32) -> u32 {
    yield_once().await;
    a + b
}

fn main() {
    let mut fut = pin!(add(2, 3));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("sum {} after {} polls", v, polls);
            break;
        }
    }
}
`;
