// Layout corpus: awaits inside loops — `loop`, `while`, `while let`, `for` over ranges, over `&vec`,
// over `.iter().enumerate()`, with `break`, `continue`, labels and break-with-value.
// Each async fn says what it exercises; loops.layout.json holds rustc's layout of each.
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

// Helper: a value that arrives after one suspension.
async fn num(n: i32) -> i32 {
    yield_now().await;
    n
}

// `loop` with a counter that lives across the await and a `break` after it.
async fn loop_counter() -> i32 {
    let mut i = 0;
    loop {
        yield_now().await;
        i += 1;
        if i == 3 {
            break;
        }
    }
    i
}

// `loop` whose `break` carries a value computed from an awaited result.
async fn loop_break_value() -> i32 {
    let mut tries = 0;
    let found = loop {
        tries += 1;
        let v = num(tries * 10).await;
        if v >= 30 {
            break v + tries;
        }
    };
    found * 2
}

// `while` with a condition on a local; a String built in the body crosses the await.
async fn while_string() -> usize {
    let mut n = 0;
    let mut s = String::new();
    while n < 3 {
        s.push('x');
        yield_now().await;
        n += 1;
    }
    s.len()
}

// `while let` popping from a Vec: the Vec and the popped item cross the await.
async fn while_let_pop() -> i32 {
    let mut stack = vec![1, 2, 3];
    let mut sum = 0;
    while let Some(top) = stack.pop() {
        sum += num(top).await;
    }
    sum
}

// `while let` whose popped String is used after the await (so it is stored).
async fn while_let_string() -> usize {
    let mut words = vec![String::from("a"), String::from("bc")];
    let mut total = 0;
    while let Some(w) = words.pop() {
        yield_now().await;
        total += w.len();
    }
    total
}

// `for` over a range: the range iterator `iter` and the loop variable cross the await.
async fn for_range() -> i32 {
    let mut acc = 0;
    for i in 0..4 {
        acc += num(i).await;
    }
    acc
}

// `for` over a range where the loop variable is not used after the await.
async fn for_range_unused_var() -> i32 {
    let mut count = 0;
    for _ in 0..3 {
        yield_now().await;
        count += 1;
    }
    count
}

// `for` over an inclusive range, the loop variable used after the await.
async fn for_inclusive() -> i32 {
    let mut acc = 0;
    for i in 1..=3 {
        yield_now().await;
        acc += i;
    }
    acc
}

// `for` over `&vec`: the iterator borrows the Vec, so both are stored; the element reference too.
async fn for_ref_vec(v: Vec<i32>) -> i32 {
    let mut acc = 0;
    for x in &v {
        yield_now().await;
        acc += *x;
    }
    acc
}

// `for` over `.iter().enumerate()` with a tuple pattern.
async fn for_enumerate(v: Vec<i32>) -> usize {
    let mut acc = 0;
    for (i, x) in v.iter().enumerate() {
        let d = num(*x).await;
        acc += i * d as usize;
    }
    acc
}

// `for` consuming a Vec by value (`into_iter`): the moved Vec lives only in the iterator.
async fn for_into_iter(v: Vec<String>) -> usize {
    let mut total = 0;
    for s in v {
        yield_now().await;
        total += s.len();
    }
    total
}

// `for` with `continue` before the await and `break` after it.
async fn for_continue_break() -> i32 {
    let mut acc = 0;
    for i in 0..10 {
        if i % 2 == 0 {
            continue;
        }
        acc += num(i).await;
        if acc > 5 {
            break;
        }
    }
    acc
}

// Labelled nested loops: `continue 'outer` and `break 'outer` around an await in the inner loop.
async fn labelled_nested() -> i32 {
    let mut acc = 0;
    'outer: for i in 0..3 {
        let mut j = 0;
        while j < 3 {
            j += 1;
            if j == 2 {
                continue 'outer;
            }
            acc += num(i * 10 + j).await;
            if acc > 100 {
                break 'outer;
            }
        }
    }
    acc
}

// A labelled `loop` that breaks out with a value from inside a nested `for`.
async fn labelled_break_value() -> i32 {
    let v = vec![4, 8, 15];
    let r = 'search: loop {
        for x in &v {
            if num(*x).await > 5 {
                break 'search *x;
            }
        }
        break 0;
    };
    r
}

// Two awaits in one loop body: two suspend points with different live sets.
async fn two_awaits_in_loop() -> i32 {
    let mut acc = 0;
    for i in 0..2 {
        let a = num(i).await;
        let b = num(a + 1).await;
        acc += a * b;
    }
    acc
}

// A local declared inside the loop body that is used after the await.
async fn body_local() -> usize {
    let mut total = 0;
    for i in 0..2 {
        let label = format!("item{}", i);
        yield_now().await;
        total += label.len();
    }
    total
}

// Helper: hands out 3, 2, 1, then None, one per call, after a suspension.
async fn next_item(left: &mut i32) -> Option<i32> {
    yield_now().await;
    if *left == 0 {
        None
    } else {
        *left -= 1;
        Some(*left + 1)
    }
}

// `while let Some(x) = f().await`: the await is in the scrutinee; the `&mut` counter is borrowed by it.
async fn while_let_await_scrutinee() -> i32 {
    let mut left = 3;
    let mut sum = 0;
    while let Some(x) = next_item(&mut left).await {
        sum += x;
    }
    sum
}

// `for x in f().await`: the iterated Vec comes from an await; the body awaits too.
async fn for_over_awaited_vec() -> usize {
    let mut total = 0;
    for s in words().await {
        yield_now().await;
        total += s.len();
    }
    total
}

// Helper: a Vec after one suspension.
async fn words() -> Vec<String> {
    yield_now().await;
    vec![String::from("ab"), String::from("cde")]
}

// `continue` after an await inside `loop`, with the await inside a nested `if`.
async fn loop_continue_after_await() -> i32 {
    let mut n = 0;
    let mut odd = 0;
    loop {
        n += 1;
        if n > 5 {
            break;
        }
        if n % 2 == 1 {
            odd += num(1).await;
            continue;
        }
        yield_now().await;
    }
    odd
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
    assert_eq!(block_on(loop_counter()), 3);
    assert_eq!(block_on(loop_break_value()), 66);
    assert_eq!(block_on(while_string()), 3);
    assert_eq!(block_on(while_let_pop()), 6);
    assert_eq!(block_on(while_let_string()), 3);
    assert_eq!(block_on(for_range()), 6);
    assert_eq!(block_on(for_range_unused_var()), 3);
    assert_eq!(block_on(for_inclusive()), 6);
    assert_eq!(block_on(for_ref_vec(vec![1, 2, 3])), 6);
    assert_eq!(block_on(for_enumerate(vec![5, 6, 7])), 20);
    assert_eq!(block_on(for_into_iter(vec![String::from("ab"), String::from("c")])), 3);
    assert_eq!(block_on(for_continue_break()), 9);
    assert_eq!(block_on(labelled_nested()), 33);
    assert_eq!(block_on(labelled_break_value()), 8);
    assert_eq!(block_on(two_awaits_in_loop()), 2);
    assert_eq!(block_on(body_local()), 10);
    assert_eq!(block_on(while_let_await_scrutinee()), 6);
    assert_eq!(block_on(for_over_awaited_vec()), 5);
    assert_eq!(block_on(loop_continue_after_await()), 3);
    println!("loops: ok");
}
