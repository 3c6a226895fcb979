// An "async trait" written by hand: the trait method returns `Pin<Box<dyn Future + '_>>`, so it works
// with `dyn Trait`; implementors wrap an async block. A Vec of `Box<dyn Service>` is awaited in turn.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

trait Service {
    fn name(&self) -> String;
    fn call<'a>(&'a self, input: &'a str) -> BoxFuture<'a, String>;
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

struct Upper;
struct Repeat {
    times: usize,
}

impl Service for Upper {
    fn name(&self) -> String {
        "upper".to_string()
    }
    fn call<'a>(&'a self, input: &'a str) -> BoxFuture<'a, String> {
        Box::pin(async move {
            tick().await;
            input.to_uppercase()
        })
    }
}

impl Service for Repeat {
    fn name(&self) -> String {
        format!("repeat x{}", self.times)
    }
    fn call<'a>(&'a self, input: &'a str) -> BoxFuture<'a, String> {
        Box::pin(async move {
            let mut out = String::new();
            for _ in 0..self.times {
                tick().await;
                out.push_str(input);
            }
            out
        })
    }
}

async fn pipeline(services: &[Box<dyn Service>], input: &str) -> String {
    let mut current = input.to_string();
    for s in services {
        let next = s.call(&current).await;
        println!("{} -> {}", s.name(), next);
        current = next;
    }
    current
}

fn main() {
    let services: Vec<Box<dyn Service>> = vec![Box::new(Repeat { times: 2 }), Box::new(Upper), Box::new(Repeat { times: 1 })];
    let mut fut = pin!(pipeline(&services, "ab"));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 1;
    let out = loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => polls += 1,
        }
    };
    println!("{} in {} polls", out, polls);
}
