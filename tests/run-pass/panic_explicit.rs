// An explicit `panic!` with a formatted message, raised from inside a future's poll after some
// output; the process exits with 101 and stdout has exactly what was printed before.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

#[derive(Debug)]
struct Config {
    retries: u32,
    name: &'static str,
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn connect(cfg: &Config) -> u32 {
    for attempt in 1..=cfg.retries {
        println!("attempt {} to reach {}", attempt, cfg.name);
        tick().await;
    }
    panic!("gave up on {:?} after {} attempts", cfg, cfg.retries);
}

fn main() {
    let cfg = Config { retries: 3, name: "db" };
    let mut fut = pin!(connect(&cfg));
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => {
                println!("connected: {}", v);
                break;
            }
            Poll::Pending => println!("pending"),
        }
    }
}
