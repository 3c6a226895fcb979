// Polling an async fn's future again after it returned Ready: the state is `Returned`, and rustc's
// generated code panics with "`async fn` resumed after completion". A hand-written future may choose
// differently; this one keeps answering Ready.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Always(u8);
impl Future for Always {
    type Output = u8;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u8> {
        Poll::Ready(self.0)
    }
}

async fn answer() -> u8 {
    let a = Always(40).await;
    a + 2
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut always = Always(7);
    for i in 0..2 {
        println!("Always poll {}: {:?}", i, Pin::new(&mut always).poll(&mut cx));
    }
    let mut fut = pin!(answer());
    println!("first poll: {:?}", fut.as_mut().poll(&mut cx));
    println!("polling again...");
    let again = fut.as_mut().poll(&mut cx);
    println!("never printed: {:?}", again);
}
