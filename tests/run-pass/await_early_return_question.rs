// `?` on Result and Option inside async fns, early `return` between awaits, a custom error enum
// converted with `From`.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

#[derive(Debug)]
enum AppError {
    Parse(String),
    Negative(i64),
}

impl From<std::num::ParseIntError> for AppError {
    fn from(e: std::num::ParseIntError) -> Self {
        AppError::Parse(format!("{}", e))
    }
}

async fn parse(text: &str) -> Result<i64, AppError> {
    tick().await;
    let n: i64 = text.trim().parse()?;
    if n < 0 {
        return Err(AppError::Negative(n));
    }
    Ok(n)
}

async fn total(inputs: &[&str]) -> Result<i64, AppError> {
    let mut sum = 0;
    for text in inputs {
        sum += parse(text).await?;
        println!("  running sum {}", sum);
    }
    Ok(sum)
}

async fn first_even(values: Vec<i64>) -> Option<i64> {
    tick().await;
    let first = values.first()?;
    if first % 2 == 0 {
        return Some(*first);
    }
    tick().await;
    values.iter().copied().find(|v| v % 2 == 0)
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
    println!("{:?}", block_on(total(&["1", " 2 ", "39"])));
    println!("{:?}", block_on(total(&["5", "x7", "8"])));
    println!("{:?}", block_on(total(&["5", "-3", "8"])));
    println!("{:?}", block_on(first_even(vec![])));
    println!("{:?}", block_on(first_even(vec![4, 5])));
    println!("{:?}", block_on(first_even(vec![3, 5, 6, 8])));
    println!("{:?}", block_on(first_even(vec![3, 5])));
}
