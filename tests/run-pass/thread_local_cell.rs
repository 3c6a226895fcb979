// `thread_local!` with `Cell` and `RefCell`: per-thread counters and a trace log used from inside
// async fns while they are polled, read back with `with` after the run.
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    static POLLS: Cell<u32> = Cell::new(0);
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static TRACE: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn trace(msg: &str) {
    let indent = DEPTH.with(|d| d.get());
    TRACE.with(|t| t.borrow_mut().push(format!("{}{}", "  ".repeat(indent), msg)));
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn step(name: &str) -> usize {
    DEPTH.with(|d| d.set(d.get() + 1));
    trace(&format!("enter {}", name));
    tick().await;
    trace(&format!("leave {}", name));
    DEPTH.with(|d| d.set(d.get() - 1));
    name.len()
}

async fn program() -> usize {
    trace("program start");
    let a = step("alpha").await;
    let b = step("be").await;
    trace("program end");
    a + b
}

fn main() {
    let mut fut = pin!(program());
    let mut cx = Context::from_waker(Waker::noop());
    let out = loop {
        POLLS.with(|p| p.set(p.get() + 1));
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("result {} after {} polls", out, POLLS.with(|p| p.get()));
    TRACE.with(|t| {
        for line in t.borrow().iter() {
            println!("{}", line);
        }
    });
    POLLS.set(0);
    println!("reset: {}", POLLS.get());
}
