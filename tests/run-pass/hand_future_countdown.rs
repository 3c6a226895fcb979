// A hand-written `impl Future` for an Unpin struct: `Pin::new`, `get_mut`, and `self: Pin<&mut Self>`
// field access through DerefMut. Awaited from an async fn and polled by hand.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Countdown {
    name: &'static str,
    remaining: u8,
}

impl Future for Countdown {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        let this = self.get_mut(); // fine: Countdown is Unpin
        if this.remaining == 0 {
            Poll::Ready(format!("{} lifted off", this.name))
        } else {
            println!("{}: {}", this.name, this.remaining);
            this.remaining -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn launch_two() -> (String, String) {
    let a = Countdown { name: "apollo", remaining: 2 }.await;
    let b = Countdown { name: "gemini", remaining: 1 }.await;
    (a, b)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    // Polled by hand: Countdown is Unpin, so Pin::new is enough and the value may move between polls.
    let mut c = Countdown { name: "mercury", remaining: 3 };
    let mut polls = 0;
    let out = loop {
        polls += 1;
        if let Poll::Ready(s) = Pin::new(&mut c).poll(&mut cx) {
            break s;
        }
        let moved = c; // moving an Unpin future between polls is allowed
        c = moved;
    };
    println!("{} after {} polls", out, polls);

    let mut fut = pin!(launch_two());
    let result = loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("{:?}", result);
}
