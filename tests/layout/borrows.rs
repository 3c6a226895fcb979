// Layout corpus: borrows and awaits — references held across an await (`let r = &s;`), `&mut` borrows,
// borrows that end before the await, locals only borrowed by a method call (`v.len()`) or by
// `println!` before the await, raw pointers, slices. rustc's second rule is the point here: a local that
// was borrowed before the await and is still storage-live there is stored, even if it is never used
// again. Each async fn says what it exercises; borrows.layout.json holds rustc's layout of each.
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

struct Point {
    x: i32,
    y: i32,
}

fn peek(n: &i32) -> i32 {
    *n
}

// The classic self-reference: a String and a reference to it, both used after the await.
async fn shared_ref_across() -> usize {
    let s = String::from("self-ref");
    let r = &s;
    yield_now().await;
    r.len()
}

// A `&mut` borrow held across the await and used after it.
async fn mut_ref_across() -> usize {
    let mut v = vec![1];
    let r = &mut v;
    yield_now().await;
    r.push(2);
    v.len()
}

// A `&mut` borrow that ends before the await; the Vec is used after.
async fn mut_ref_ends_before() -> usize {
    let mut v = Vec::new();
    let r = &mut v;
    r.push(1);
    yield_now().await;
    v.len()
}

// A Copy local borrowed before the await and never used again: stored anyway (borrowed, storage-live).
async fn borrowed_copy_unused_after() -> i32 {
    let n = 5;
    let m = peek(&n);
    yield_now().await;
    m
}

// The same Copy local, read by value instead of borrowed: not stored.
async fn copied_copy_unused_after() -> i32 {
    let n = 5;
    let m = n + 0;
    yield_now().await;
    m
}

// A local whose only use is `arr.len()` before the await (a borrow through auto-ref): stored.
async fn method_borrow_only() -> usize {
    let arr = [1, 2, 3];
    let n = arr.len();
    yield_now().await;
    n
}

// `println!("{}", x)` borrows `x`; `x` is an i32 never used after the await.
async fn println_borrows() -> i32 {
    let x = 3;
    println!("x = {}", x);
    yield_now().await;
    4
}

// A borrow taken inside an inner block of a local declared in that block: storage ends before the await.
async fn borrow_in_inner_block() -> i32 {
    let total = {
        let y = 5;
        let r = &y;
        *r + 1
    };
    yield_now().await;
    total
}

// A borrow in an inner block of a local declared outside it: the outer local is still stored.
async fn borrow_outer_from_block() -> i32 {
    let x = 10;
    let doubled = {
        let r = &x;
        *r * 2
    };
    yield_now().await;
    doubled
}

// A reference to a struct field held across the await.
async fn field_ref_across() -> i32 {
    let p = Point { x: 1, y: 2 };
    let rx = &p.x;
    yield_now().await;
    *rx + p.y
}

// A `&str` from `as_str()` held across the await.
async fn as_str_across() -> usize {
    let s = String::from("hello");
    let view = s.as_str();
    yield_now().await;
    view.len()
}

// A slice of a Vec held across the await.
async fn slice_across() -> i32 {
    let v = vec![1, 2, 3, 4];
    let tail = &v[1..];
    yield_now().await;
    tail[0] + tail[2]
}

// A raw pointer to a local held across the await.
async fn raw_pointer_across() -> i32 {
    let x = 42;
    let p = &x as *const i32;
    yield_now().await;
    unsafe { *p }
}

// A reference to a parameter held across the await.
async fn param_ref_across(name: String) -> usize {
    let r = &name;
    yield_now().await;
    r.len()
}

// A `&mut` to a counter incremented on both sides of the await.
async fn mut_counter_across() -> i32 {
    let mut count = 0;
    let c = &mut count;
    *c += 1;
    yield_now().await;
    *c += 1;
    count
}

// A reference passed into an awaited call: the referent is stored while the callee runs.
async fn ref_into_awaited_call() -> usize {
    let s = String::from("lent");
    measure(&s).await
}

// A `&str` parameter used after the await: the reference is stored (upvar and local `s`).
async fn measure(s: &str) -> usize {
    yield_now().await;
    s.len()
}

// A reference re-pointed after the await: `r = &b` assigns a new borrow.
async fn reborrow_after() -> i32 {
    let a = 1;
    let b = 2;
    let mut r = &a;
    yield_now().await;
    let first = *r;
    r = &b;
    first + *r
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
    assert_eq!(block_on(shared_ref_across()), 8);
    assert_eq!(block_on(mut_ref_across()), 2);
    assert_eq!(block_on(mut_ref_ends_before()), 1);
    assert_eq!(block_on(borrowed_copy_unused_after()), 5);
    assert_eq!(block_on(copied_copy_unused_after()), 5);
    assert_eq!(block_on(method_borrow_only()), 3);
    assert_eq!(block_on(println_borrows()), 4);
    assert_eq!(block_on(borrow_in_inner_block()), 6);
    assert_eq!(block_on(borrow_outer_from_block()), 20);
    assert_eq!(block_on(field_ref_across()), 3);
    assert_eq!(block_on(as_str_across()), 5);
    assert_eq!(block_on(slice_across()), 6);
    assert_eq!(block_on(raw_pointer_across()), 42);
    assert_eq!(block_on(param_ref_across(String::from("param"))), 5);
    assert_eq!(block_on(mut_counter_across()), 2);
    assert_eq!(block_on(ref_into_awaited_call()), 4);
    assert_eq!(block_on(reborrow_after()), 3);
    println!("borrows: ok");
}
