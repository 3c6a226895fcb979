// Layout corpus: awaits in conditions and scrutinees — `if f().await`, `while f().await < 3`,
// `match f().await`, awaits in match arms and guards, `if let`, `let … else`, `&&` short-circuit.
// Each async fn says what it exercises; conditions.layout.json holds rustc's layout of each.
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

// Helper: a bool that arrives after one suspension.
async fn flag(b: bool) -> bool {
    yield_now().await;
    b
}

// Helper: an Option that arrives after one suspension.
async fn maybe(n: i32) -> Option<i32> {
    yield_now().await;
    if n > 0 { Some(n) } else { None }
}

// `if f().await`: a String declared before the condition is used in both branches.
async fn if_await_cond(b: bool) -> usize {
    let s = String::from("abc");
    if flag(b).await { s.len() } else { 0 }
}

// `if num().await > 0`: the comparison happens after the await; nothing else is live.
async fn if_compare_cond() -> i32 {
    if num(2).await > 1 { 1 } else { 2 }
}

// `while num(i).await < 3`: the await in the loop condition, the counter crosses it.
async fn while_await_cond() -> i32 {
    let mut i = 0;
    while num(i).await < 3 {
        i += 1;
    }
    i
}

// An await in an `else if` condition, after a plain first condition.
async fn else_if_await(x: i32) -> i32 {
    let v = vec![x];
    if x > 10 {
        1
    } else if flag(x > 5).await {
        v[0]
    } else {
        3
    }
}

// `&&` short-circuit with an await on the right-hand side.
async fn and_await(a: bool) -> bool {
    let name = String::from("n");
    let ok = a && flag(true).await;
    ok && name.len() == 1
}

// `match f().await`: the scrutinee is awaited, arms use a Vec declared before.
async fn match_await_scrutinee() -> i32 {
    let table = vec![10, 20, 30];
    match num(1).await {
        0 => table[0],
        1 => table[1],
        _ => table[2],
    }
}

// Awaits in match arms, on an owned enum scrutinee; the bound String is used after the await.
async fn match_arms_await(cmd: Cmd) -> usize {
    match cmd {
        Cmd::Say(text) => {
            yield_now().await;
            text.len()
        }
        Cmd::Wait(n) => num(n).await as usize,
        Cmd::Nop => 0,
    }
}

// A match on a borrowed scrutinee (`&cmds[i]`) with an await in an arm: the binding is a reference.
async fn match_borrowed_scrutinee(cmds: Vec<Cmd>) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < cmds.len() {
        match &cmds[i] {
            Cmd::Say(text) => {
                yield_now().await;
                total += text.len();
            }
            Cmd::Wait(n) => total += num(*n).await as usize,
            Cmd::Nop => {}
        }
        i += 1;
    }
    total
}

// A match guard that awaits.
async fn match_guard_await(x: i32) -> i32 {
    match x {
        n if num(n).await > 5 => n * 2,
        n => n,
    }
}

// A match guard with no await in it still borrows the scrutinee (the guard sees `n` by reference),
// so `x` is stored across the await in the arm although only `n` is used.
async fn match_guard_borrows_scrutinee(x: i32) -> i32 {
    match x {
        n if n > 5 => num(n).await * 2,
        n => n,
    }
}

// The same match without a guard: `n` is a copy, `x` is not stored.
async fn match_no_guard(x: i32) -> i32 {
    match x {
        n => num(n).await * 2,
    }
}

// A `ref` binding into an owned Option: the Option is borrowed, so it is stored with the reference.
async fn match_ref_binding(o: Option<String>) -> usize {
    match o {
        Some(ref s) => {
            yield_now().await;
            s.len()
        }
        None => 0,
    }
}

// `if let Some(x) = f().await`: the binding is used after another await.
async fn if_let_await() -> i32 {
    if let Some(x) = maybe(4).await {
        yield_now().await;
        x + 1
    } else {
        0
    }
}

// `if let Some(s) = &opt`: a reference into a local held across the await.
async fn if_let_borrowed() -> usize {
    let opt = Some(String::from("held"));
    if let Some(s) = &opt {
        yield_now().await;
        s.len()
    } else {
        0
    }
}

// `let … else` on an awaited Option; the else branch returns.
async fn let_else_await(n: i32) -> i32 {
    let Some(x) = maybe(n).await else {
        return -1;
    };
    num(x).await + x
}

// `matches!` on an awaited value, inside an `if`.
async fn matches_await() -> bool {
    let label = String::from("m");
    if matches!(maybe(3).await, Some(3)) {
        return !label.is_empty();
    }
    false
}

// An enum matched in the corpus.
enum Cmd {
    Say(String),
    Wait(i32),
    Nop,
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
    assert_eq!(block_on(if_await_cond(true)), 3);
    assert_eq!(block_on(if_await_cond(false)), 0);
    assert_eq!(block_on(if_compare_cond()), 1);
    assert_eq!(block_on(while_await_cond()), 3);
    assert_eq!(block_on(else_if_await(7)), 7);
    assert!(block_on(and_await(true)));
    assert_eq!(block_on(match_await_scrutinee()), 20);
    assert_eq!(block_on(match_arms_await(Cmd::Say(String::from("hi")))), 2);
    assert_eq!(block_on(match_arms_await(Cmd::Wait(4))), 4);
    assert_eq!(block_on(match_arms_await(Cmd::Nop)), 0);
    let cmds = vec![Cmd::Say(String::from("abc")), Cmd::Wait(2), Cmd::Nop];
    assert_eq!(block_on(match_borrowed_scrutinee(cmds)), 5);
    assert_eq!(block_on(match_guard_await(6)), 12);
    assert_eq!(block_on(match_guard_await(1)), 1);
    assert_eq!(block_on(match_guard_borrows_scrutinee(7)), 14);
    assert_eq!(block_on(match_guard_borrows_scrutinee(2)), 2);
    assert_eq!(block_on(match_no_guard(3)), 6);
    assert_eq!(block_on(match_ref_binding(Some(String::from("ab")))), 2);
    assert_eq!(block_on(match_ref_binding(None)), 0);
    assert_eq!(block_on(if_let_await()), 5);
    assert_eq!(block_on(if_let_borrowed()), 4);
    assert_eq!(block_on(let_else_await(2)), 4);
    assert_eq!(block_on(let_else_await(0)), -1);
    assert!(block_on(matches_await()));
    println!("conditions: ok");
}
