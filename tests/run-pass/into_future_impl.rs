// `IntoFuture`: a request builder that becomes a future when awaited, so `.await` calls
// `into_future()` first; also awaiting a plain future (every Future is IntoFuture).
use std::future::{Future, IntoFuture};
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Request {
    url: String,
    retries: u32,
}

impl Request {
    fn new(url: &str) -> Self {
        Request { url: url.to_string(), retries: 0 }
    }
    fn retries(mut self, n: u32) -> Self {
        self.retries = n;
        self
    }
}

struct Fetch {
    url: String,
    attempts_left: u32,
}

impl Future for Fetch {
    type Output = String;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<String> {
        if self.attempts_left == 0 {
            return Poll::Ready(format!("200 OK from {}", self.url));
        }
        println!("  retrying {} ({} left)", self.url, self.attempts_left);
        self.attempts_left -= 1;
        Poll::Pending
    }
}

impl IntoFuture for Request {
    type Output = String;
    type IntoFuture = Fetch;
    fn into_future(self) -> Fetch {
        println!("  into_future({})", self.url);
        Fetch { url: self.url, attempts_left: self.retries }
    }
}

async fn client() -> Vec<String> {
    let a = Request::new("/a").await;
    let b = Request::new("/b").retries(2).await;
    let c = std::future::ready(String::from("plain future")).into_future().await;
    vec![a, b, c]
}

fn main() {
    let mut fut = pin!(client());
    let mut cx = Context::from_waker(Waker::noop());
    let out = loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
        println!("pending");
    };
    for line in &out {
        println!("{}", line);
    }
}
