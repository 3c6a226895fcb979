// A panic inside an async fn, after a few awaits: `unwrap` on a `None` found by the lookup. The
// executor's output up to the panic is printed, then the process exits with 101.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn find_user(id: u32) -> Option<&'static str> {
    tick().await;
    match id {
        1 => Some("ada"),
        2 => Some("grace"),
        _ => None,
    }
}

async fn greet_all(ids: &[u32]) {
    for id in ids {
        let name = find_user(*id).await.unwrap();
        println!("hello, {}", name);
    }
}

fn main() {
    let mut fut = pin!(greet_all(&[1, 2, 3, 1]));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        println!("poll {}", polls);
        if fut.as_mut().poll(&mut cx).is_ready() {
            break;
        }
    }
    println!("not reached");
}
