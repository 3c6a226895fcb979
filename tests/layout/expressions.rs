// Layout corpus: awaits inside expressions — operands of binary operators, call and method arguments,
// method receivers, struct literals, tuples, arrays, `vec![…]`, `format!`/`println!` arguments,
// `Some(…)`, index expressions, `&a().await`. These are where rustc saves unnamed temporaries.
// Each async fn says what it exercises; expressions.layout.json holds rustc's layout of each.
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

// Helper: a String that arrives after one suspension.
async fn text(s: &'static str) -> String {
    yield_now().await;
    String::from(s)
}

fn add3(a: i32, b: i32, c: i32) -> i32 {
    a + b + c
}

fn join(a: String, b: &str) -> String {
    a + b
}

#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, PartialEq)]
struct Named {
    name: String,
    n: i32,
}

// `a().await + b().await`: the first result is saved as a temporary across the second await.
async fn add_two_awaits() -> i32 {
    num(1).await + num(2).await
}

// `x + a().await` with a Copy local `x`: is `x` read before the await (a temp) or after (the local)?
async fn local_plus_await() -> i32 {
    let x = 5;
    x + num(1).await
}

// `a().await + x`: the local is read after the await, so the local itself is stored.
async fn await_plus_local() -> i32 {
    let x = 5;
    num(1).await + x
}

// A chain of three awaited operands: two temporaries are alive across the last await.
async fn three_operands() -> i32 {
    num(1).await * num(2).await - num(3).await
}

// `f(x, a().await, y)`: plain function call with the await in the middle argument.
async fn call_args() -> i32 {
    let x = 1;
    let y = 2;
    add3(x, num(10).await, y)
}

// `f(a().await, b().await, 3)`: call with two awaited arguments.
async fn call_two_awaited_args() -> i32 {
    add3(num(1).await, num(2).await, 3)
}

// A String argument evaluated before an awaited argument: `join(s, &text().await)`.
async fn call_string_then_await() -> String {
    let s = String::from("left-");
    join(s, &text("right").await)
}

// An awaited method receiver: `text().await.len()`.
async fn method_receiver_await() -> usize {
    text("abcd").await.len()
}

// An awaited method argument on a local receiver: `v.push(a().await)` borrows `v` mutably first?
async fn method_arg_await() -> usize {
    let mut v = Vec::new();
    v.push(num(1).await);
    v.push(num(2).await);
    v.len()
}

// An awaited method argument on a String receiver: `s.push_str(&text().await)`.
async fn method_arg_string_await() -> String {
    let mut s = String::from("a");
    s.push_str(&text("b").await);
    s
}

// A struct literal whose second field is awaited: the first field is a saved temporary.
async fn struct_literal() -> Point {
    Point { x: num(1).await, y: num(2).await }
}

// A struct literal with a String field evaluated before the await.
async fn struct_literal_string() -> Named {
    let name = String::from("n");
    Named { name, n: num(3).await }
}

// A tuple with an awaited element between two others.
async fn tuple_literal() -> (i32, String, i32) {
    (1, text("t").await, num(2).await)
}

// An array literal with awaited elements.
async fn array_literal() -> [i32; 3] {
    [num(1).await, 7, num(3).await]
}

// `vec![a().await, b().await]`.
async fn vec_macro() -> Vec<i32> {
    vec![num(1).await, num(2).await]
}

// `format!` with an await in the second argument; the first argument is a local.
async fn format_args_await() -> String {
    let a = 1;
    format!("{} {}", a, num(2).await)
}

// `println!` with an awaited argument and a String argument before it.
async fn println_await() {
    let s = String::from("s");
    println!("{} {}", s, num(4).await);
}

// `println!` with the awaited value first and the String after it.
async fn println_await_first() {
    let s = String::from("s");
    println!("{} {}", num(4).await, s);
}

// A format string with an inline named argument `{s}` (captured by reference) and an awaited one.
async fn format_inline_arg() -> String {
    let s = String::from("in");
    format!("{s}-{}", num(5).await)
}

// `Some(a().await)` and an enum constructor around an await.
async fn some_await() -> Option<i32> {
    Some(num(9).await)
}

// Index expression with an awaited index: `v[a().await]`.
async fn index_await() -> i32 {
    let v = vec![10, 20, 30];
    v[num(1).await as usize]
}

// Built-in array indexing with an awaited index: the array is read after the await, no temporary.
async fn array_index_await() -> i32 {
    let arr = [10, 20, 30];
    arr[num(2).await as usize]
}

// A method call's result compared with an await: `s.len()` is a saved usize temporary.
async fn method_result_then_await() -> bool {
    let s = String::from("ab");
    s.len() > num(1).await as usize
}

// `assert_eq!(a().await, b().await)`: the macro borrows both values, the first one across the second await.
async fn assert_eq_awaits() {
    assert_eq!(num(1).await, num(1).await);
}

// `dbg!(x + a().await)`: the macro's `tmp` binding comes after the await; `x` is copied before it.
async fn dbg_await() -> i32 {
    let x = 2;
    dbg!(x + num(1).await)
}

// `let (a, b) = (f().await, g().await)`: a tuple of two awaits destructured.
async fn tuple_let_awaits() -> i32 {
    let (a, b) = (num(1).await, num(2).await);
    a * 10 + b
}

// `&a().await`: a reference to the awaited temporary, used later.
async fn ref_to_await() -> usize {
    let r = &text("abc").await;
    yield_now().await;
    r.len()
}

// An await nested in an await's argument: `num(num(1).await).await`.
async fn nested_await_arg() -> i32 {
    num(num(1).await + 1).await
}

// A negation and a cast around an await, and a comparison with an await on both sides.
async fn unary_and_compare() -> bool {
    let n = -num(3).await as i64;
    n < 0 && num(1).await == num(1).await
}

// Compound assignment to a field with an awaited right-hand side.
async fn compound_assign_field() -> Point {
    let mut p = Point { x: 1, y: 2 };
    p.x += num(10).await;
    p.y *= num(3).await;
    p
}

// A block expression whose tail is an await, inside an arithmetic expression.
async fn block_tail_await() -> i32 {
    let a = 1;
    a + {
        let b = 2;
        num(b).await
    }
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
    assert_eq!(block_on(add_two_awaits()), 3);
    assert_eq!(block_on(local_plus_await()), 6);
    assert_eq!(block_on(await_plus_local()), 6);
    assert_eq!(block_on(three_operands()), -1);
    assert_eq!(block_on(call_args()), 13);
    assert_eq!(block_on(call_two_awaited_args()), 6);
    assert_eq!(block_on(call_string_then_await()), "left-right");
    assert_eq!(block_on(method_receiver_await()), 4);
    assert_eq!(block_on(method_arg_await()), 2);
    assert_eq!(block_on(method_arg_string_await()), "ab");
    assert_eq!(block_on(struct_literal()), Point { x: 1, y: 2 });
    assert_eq!(block_on(struct_literal_string()), Named { name: String::from("n"), n: 3 });
    assert_eq!(block_on(tuple_literal()), (1, String::from("t"), 2));
    assert_eq!(block_on(array_literal()), [1, 7, 3]);
    assert_eq!(block_on(vec_macro()), vec![1, 2]);
    assert_eq!(block_on(format_args_await()), "1 2");
    block_on(println_await());
    block_on(println_await_first());
    assert_eq!(block_on(format_inline_arg()), "in-5");
    assert_eq!(block_on(some_await()), Some(9));
    assert_eq!(block_on(index_await()), 20);
    assert_eq!(block_on(array_index_await()), 30);
    assert!(block_on(method_result_then_await()));
    block_on(assert_eq_awaits());
    assert_eq!(block_on(dbg_await()), 3);
    assert_eq!(block_on(tuple_let_awaits()), 12);
    assert_eq!(block_on(ref_to_await()), 3);
    assert_eq!(block_on(nested_await_arg()), 2);
    assert!(block_on(unary_and_compare()));
    assert_eq!(block_on(compound_assign_field()), Point { x: 11, y: 6 });
    assert_eq!(block_on(block_tail_await()), 3);
    println!("expressions: ok");
}
