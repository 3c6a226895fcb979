// Errors through async fns: an enum error with Display, ? converting into Box<dyn Error> after an
// .await, a fn returning impl Future borrowing its argument, and boxed dyn futures in a Vec.
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

#[derive(Debug)]
enum AppError {
    NotFound(String),
    Invalid { code: u16 },
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::NotFound(k) => write!(f, "not found: {}", k),
            AppError::Invalid { code } => write!(f, "invalid ({})", code),
        }
    }
}

impl std::error::Error for AppError {}

fn lookup(key: &str) -> impl Future<Output = Result<u32, AppError>> + '_ {
    async move {
        match key {
            "one" => Ok(1),
            "bad" => Err(AppError::Invalid { code: 400 }),
            _ => Err(AppError::NotFound(key.to_string())),
        }
    }
}

async fn sum(keys: &[&str]) -> Result<u32, Box<dyn std::error::Error>> {
    let mut total = 0;
    for k in keys {
        total += lookup(k).await?;
    }
    let parsed: u32 = "41".parse()?;
    Ok(total + parsed)
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = Box::pin(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn main() {
    for keys in [&["one", "one"][..], &["one", "bad"], &["zzz"]] {
        match block_on(sum(keys)) {
            Ok(v) => println!("ok {}", v),
            Err(e) => println!("error: {}", e),
        }
    }
    let futs: Vec<Pin<Box<dyn Future<Output = Result<u32, AppError>>>>> = vec![Box::pin(lookup("one")), Box::pin(lookup("x"))];
    for f in futs {
        println!("{:?}", block_on(f));
    }
}
