// Awaits in match arms and guards, `if let`, `while let` over a queue, and `let ... else`.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn lookup(key: &str) -> Option<u32> {
    tick().await;
    match key {
        "one" => Some(1),
        "two" => Some(2),
        "ten" => Some(10),
        _ => None,
    }
}

enum Cmd {
    Get(&'static str),
    Add(u32, u32),
    Stop,
}

async fn interpret(mut queue: VecDeque<Cmd>) -> u32 {
    let mut acc = 0;
    while let Some(cmd) = queue.pop_front() {
        match cmd {
            Cmd::Get(k) if k.len() > 3 => println!("get {}: key too long", k),
            Cmd::Get(k) => {
                if let Some(v) = lookup(k).await {
                    acc += v;
                    println!("get {} -> {} (acc {})", k, v, acc);
                } else {
                    println!("get {} -> missing", k);
                }
            }
            Cmd::Add(a, b) => {
                tick().await;
                acc += a + b;
                println!("add {} + {} (acc {})", a, b, acc);
            }
            Cmd::Stop => break,
        }
    }
    let Some(bonus) = lookup("ten").await else {
        return acc;
    };
    acc + bonus
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
    let cmds = VecDeque::from(vec![
        Cmd::Get("one"),
        Cmd::Get("three"),
        Cmd::Get("six"),
        Cmd::Add(3, 4),
        Cmd::Get("two"),
        Cmd::Stop,
        Cmd::Get("one"),
    ]);
    println!("result = {}", block_on(interpret(cmds)));
}
