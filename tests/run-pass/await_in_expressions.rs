// `.await` anywhere an expression can stand: operands, call arguments, struct literals, indexes,
// method receivers, conditions, tuple fields. Evaluation order is left to right, as printed.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn val(name: &str, v: i32) -> i32 {
    println!("  eval {}", name);
    tick().await;
    v
}

#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

fn describe(a: i32, b: i32) -> String {
    format!("{}..{}", a, b)
}

async fn expressions() {
    let sum = val("a", 1).await + val("b", 2).await * val("c", 3).await;
    println!("sum = {}", sum);
    println!("call = {}", describe(val("lo", 5).await, val("hi", 9).await));
    let p = Point { x: val("x", 7).await, y: val("y", -7).await };
    println!("point = {:?}", p);
    let table = [10, 20, 30, 40];
    println!("index = {}", table[val("i", 2).await as usize]);
    let s = async { String::from("owned") }.await.to_uppercase();
    println!("method = {}", s);
    if val("cond", 1).await > 0 && val("short-circuit", 0).await == 0 {
        println!("both sides evaluated");
    }
    if val("cond2", 0).await > 0 && val("never", 0).await == 0 {
        println!("unreachable");
    }
    let pair = (val("p0", 1).await, val("p1", 2).await);
    println!("pair = {:?}", pair);
    let neg = -val("neg", 4).await;
    println!("neg = {}", neg);
}

fn main() {
    let mut fut = pin!(expressions());
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    while fut.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    println!("pending {} times", polls);
}
