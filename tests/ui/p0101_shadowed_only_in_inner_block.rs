// Shadowing hides a pinned local only until the end of the block that shadows it. Inside the block
// `fut` names the `Pin`; after it, the outer `fut` (the future itself) is reachable again, so the
// `Pin::new_unchecked` is P0102 and the later `let moved = fut;` moves the polled, self-referential
// future (P0101). Compare ok_block_on_shadowed_new_unchecked.rs, where the shadowing lasts to the end
// of the future's scope.
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

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    {
        let fut = unsafe { Pin::new_unchecked(&mut fut) }; //~ WARN P0102
        println!("{:?}", fut.poll(&mut cx));
    }
    let moved = fut; //~ ERROR P0101
    println!("moved {} bytes", std::mem::size_of_val(&moved));
}
