// Layout corpus: early exits around awaits — `return` before and after an await, `?` on Option and
// Result (`f().await?`, `x?` after an await), returning from inside a loop.
// Each async fn says what it exercises; early_exit.layout.json holds rustc's layout of each.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

// Helper: pending once, then ready, so every `.await` on it really suspends.
async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

// Helper: an Option after one suspension.
async fn lookup(n: i32) -> Option<i32> {
    yield_now().await;
    if n >= 0 { Some(n * 2) } else { None }
}

// Helper: a Result after one suspension: Ok for non-negative numbers.
async fn check(n: i32) -> Result<i32, String> {
    yield_now().await;
    if n >= 0 { Ok(n) } else { Err(format!("negative: {}", n)) }
}

// An early `return` before the await: the String is dropped on that path, stored on the other.
async fn return_before_await(quick: bool) -> usize {
    let s = String::from("abc");
    if quick {
        return 0;
    }
    yield_now().await;
    s.len()
}

// An early `return` after the await, with a value computed from a local.
async fn return_after_await(limit: i32) -> i32 {
    let v = vec![1, 2, 3];
    yield_now().await;
    if v.len() as i32 > limit {
        return -1;
    }
    v[0]
}

// `return` from inside a loop after an await, the loop's Vec and counter stored.
async fn return_in_loop() -> i32 {
    let items = vec![3, 5, 8];
    let mut seen = 0;
    for x in &items {
        yield_now().await;
        seen += 1;
        if *x > 4 {
            return seen;
        }
    }
    -1
}

// `f().await?` on an Option.
async fn question_option_await(n: i32) -> Option<i32> {
    let base = 1;
    let v = lookup(n).await?;
    Some(base + v)
}

// `x?` on an Option local after an await.
async fn question_option_after(n: i32) -> Option<usize> {
    let o = if n > 0 { Some(String::from("yes")) } else { None };
    yield_now().await;
    let s = o?;
    Some(s.len())
}

// `f().await?` on a Result, twice, with a String that must be dropped on each error path.
async fn question_result_twice(a: i32, b: i32) -> Result<i32, String> {
    let log = String::from("log");
    let x = check(a).await?;
    let y = check(b).await?;
    Ok(x + y + log.len() as i32)
}

// `?` inside an expression: `check().await? + check().await?`.
async fn question_in_expression() -> Result<i32, String> {
    Ok(check(2).await? + check(3).await?)
}

// `?` inside a loop over `.iter()`: an error leaves the loop and the function.
async fn question_in_loop(inputs: Vec<i32>) -> Result<i32, String> {
    let mut sum = 0;
    for n in inputs.iter() {
        sum += check(*n).await?;
    }
    Ok(sum)
}

// `?` on a Result local after an await, and the Ok value used after a second await.
async fn question_result_local(n: i32) -> Result<usize, String> {
    let r: Result<String, String> = if n > 0 { Ok(String::from("fine")) } else { Err(String::from("no")) };
    yield_now().await;
    let s = r?;
    yield_now().await;
    Ok(s.len())
}

// An early `return` of a moved Vec after an await.
async fn return_moved_vec(empty: bool) -> Vec<i32> {
    let v = vec![7];
    yield_now().await;
    if empty {
        return Vec::new();
    }
    v
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
    assert_eq!(block_on(return_before_await(true)), 0);
    assert_eq!(block_on(return_before_await(false)), 3);
    assert_eq!(block_on(return_after_await(1)), -1);
    assert_eq!(block_on(return_after_await(5)), 1);
    assert_eq!(block_on(return_in_loop()), 2);
    assert_eq!(block_on(question_option_await(2)), Some(5));
    assert_eq!(block_on(question_option_await(-2)), None);
    assert_eq!(block_on(question_option_after(1)), Some(3));
    assert_eq!(block_on(question_option_after(0)), None);
    assert_eq!(block_on(question_result_twice(1, 2)), Ok(6));
    assert_eq!(block_on(question_result_twice(1, -2)), Err(String::from("negative: -2")));
    assert_eq!(block_on(question_in_expression()), Ok(5));
    assert_eq!(block_on(question_in_loop(vec![1, 2])), Ok(3));
    assert!(block_on(question_in_loop(vec![1, -1])).is_err());
    assert_eq!(block_on(question_result_local(1)), Ok(4));
    assert_eq!(block_on(question_result_local(0)), Err(String::from("no")));
    assert_eq!(block_on(return_moved_vec(false)), vec![7]);
    assert_eq!(block_on(return_moved_vec(true)), Vec::<i32>::new());
    println!("early_exit: ok");
}
