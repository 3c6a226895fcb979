// Layout corpus: moves, drops and shadowing around awaits — `let x = Box::new(x)`, values moved before
// the await (into a `let`, a call, `drop(x)`), struct and tuple fields moved out before the await,
// Copy vs non-Copy locals (i32, String, Vec, Box), drop flags (a value moved on only one branch), and
// values with a `Drop` impl. Each async fn says what it exercises; moves.layout.json holds rustc's layout.
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

fn consume(s: String) -> usize {
    s.len()
}

struct Pair {
    left: String,
    right: String,
}

// Has a destructor: dropping it at the end of the scope is a use.
struct Guard {
    id: i32,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop guard {}", self.id);
    }
}

// Only Copy fields and no Drop impl: no drop glue.
#[derive(Clone, Copy)]
struct Plain {
    a: i32,
    b: i32,
}

// Shadowing a parameter with a Box of itself: `let x = Box::new(x)`.
async fn shadow_box(x: i32) -> i32 {
    let x = Box::new(x);
    yield_now().await;
    *x + 1
}

// Shadowing a String by a longer String: the first is moved into the second.
async fn shadow_string() -> usize {
    let s = String::from("a");
    let s = s + "b";
    yield_now().await;
    s.len()
}

// Shadowing while the first binding is still borrowed: two locals named `v` are stored.
async fn shadow_both_live() -> usize {
    let v = vec![1, 2, 3];
    let first = &v;
    let v = v.len();
    yield_now().await;
    first.len() + v
}

// Copy local read before the await and never again: not stored.
async fn copy_unused_after() -> i32 {
    let n = 41;
    let m = n + 1;
    yield_now().await;
    m
}

// String not used after the await: still dropped at the end of the scope, so stored.
async fn string_unused_after() -> i32 {
    let s = String::from("dropped at scope end");
    let n = s.len() as i32;
    yield_now().await;
    n
}

// Vec and Box not used after the await: both need drop at the end of the scope.
async fn vec_and_box_unused_after() -> i32 {
    let v = vec![1, 2];
    let b = Box::new(3);
    let n = v[0] + *b;
    yield_now().await;
    n
}

// A Copy struct (no drop glue) not used after the await: not stored.
async fn plain_struct_unused_after() -> i32 {
    let p = Plain { a: 1, b: 2 };
    let sum = p.a + p.b;
    yield_now().await;
    sum
}

// A value with a Drop impl, only read before the await: stored for its drop at the end of the scope.
async fn drop_impl_held() -> i32 {
    let g = Guard { id: 1 };
    let id = g.id;
    yield_now().await;
    id + 6
}

// `let _ = Guard` drops immediately; `let _g = Guard` lives to the end of the scope.
async fn underscore_vs_named() -> i32 {
    let _ = Guard { id: 2 };
    let _g = Guard { id: 3 };
    yield_now().await;
    8
}

// Zero-sized locals (`()`, `PhantomData`) used after the await are stored like any other.
async fn zero_sized_locals() -> i32 {
    let unit = ();
    let marker = std::marker::PhantomData::<String>;
    yield_now().await;
    let _ = (unit, marker);
    1
}

// Moved into another local before the await: only the new local is stored.
async fn moved_into_let() -> usize {
    let s = String::from("moved");
    let t = s;
    yield_now().await;
    t.len()
}

// Moved into a call before the await: not stored.
async fn moved_into_call() -> usize {
    let s = String::from("eaten");
    let n = consume(s);
    yield_now().await;
    n
}

// Dropped with `drop(x)` before the await: not stored.
async fn dropped_before() -> i32 {
    let v = vec![1, 2, 3];
    let n = v.len() as i32;
    drop(v);
    yield_now().await;
    n
}

// `std::mem::take` before the await leaves an empty String behind, still stored.
async fn taken_before() -> usize {
    let mut s = String::from("taken");
    let t = std::mem::take(&mut s);
    yield_now().await;
    t.len() + s.len()
}

// A struct field moved out before the await; the other field is used after.
async fn partial_move_struct() -> usize {
    let p = Pair { left: String::from("l"), right: String::from("rr") };
    let left = p.left;
    yield_now().await;
    left.len() + p.right.len()
}

// A struct field moved out before the await; the rest is not used after, but still dropped.
async fn partial_move_rest_dropped() -> usize {
    let p = Pair { left: String::from("l"), right: String::from("rr") };
    let right = p.right;
    yield_now().await;
    right.len()
}

// A tuple field moved out before the await.
async fn partial_move_tuple() -> usize {
    let t = (String::from("a"), String::from("bb"), 3);
    let first = t.0;
    yield_now().await;
    first.len() + t.1.len() + t.2
}

// Destructuring a struct by value before the await: the struct is gone, its parts are locals.
async fn destructure_before() -> usize {
    let p = Pair { left: String::from("l"), right: String::from("r") };
    let Pair { left, right } = p;
    yield_now().await;
    left.len() + right.len()
}

// A drop flag: the String is moved on one branch only, before the await.
async fn moved_on_one_branch(eat: bool) -> usize {
    let s = String::from("maybe");
    let mut n = 0;
    if eat {
        n = consume(s);
    }
    yield_now().await;
    n
}

// Moved on both branches before the await: definitely moved, no drop flag.
async fn moved_on_both_branches(eat: bool) -> usize {
    let s = String::from("surely");
    let n = if eat { consume(s) } else { drop(s); 0 };
    yield_now().await;
    n
}

// Moved after the await on one branch: the flag and the String cross the await.
async fn moved_after_on_one_branch(eat: bool) -> usize {
    let s = String::from("later");
    yield_now().await;
    if eat { consume(s) } else { 0 }
}

// Moved between two awaits: the first state stores the String, the second only the new owner.
async fn moved_between_awaits() -> usize {
    let s = String::from("between");
    yield_now().await;
    let t = s;
    yield_now().await;
    t.len()
}

// A Copy local "moved" (copied) into a call is still usable and stored if used after.
async fn copy_passed_then_used() -> i32 {
    let n = 5;
    let d = double(n);
    yield_now().await;
    n + d
}

fn double(n: i32) -> i32 {
    n * 2
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
    assert_eq!(block_on(shadow_box(1)), 2);
    assert_eq!(block_on(shadow_string()), 2);
    assert_eq!(block_on(shadow_both_live()), 6);
    assert_eq!(block_on(copy_unused_after()), 42);
    assert_eq!(block_on(string_unused_after()), 20);
    assert_eq!(block_on(vec_and_box_unused_after()), 4);
    assert_eq!(block_on(plain_struct_unused_after()), 3);
    assert_eq!(block_on(drop_impl_held()), 7);
    assert_eq!(block_on(underscore_vs_named()), 8);
    assert_eq!(block_on(zero_sized_locals()), 1);
    assert_eq!(block_on(moved_into_let()), 5);
    assert_eq!(block_on(moved_into_call()), 5);
    assert_eq!(block_on(dropped_before()), 3);
    assert_eq!(block_on(taken_before()), 5);
    assert_eq!(block_on(partial_move_struct()), 3);
    assert_eq!(block_on(partial_move_rest_dropped()), 2);
    assert_eq!(block_on(partial_move_tuple()), 6);
    assert_eq!(block_on(destructure_before()), 2);
    assert_eq!(block_on(moved_on_one_branch(true)), 5);
    assert_eq!(block_on(moved_on_one_branch(false)), 0);
    assert_eq!(block_on(moved_on_both_branches(true)), 6);
    assert_eq!(block_on(moved_after_on_one_branch(true)), 5);
    assert_eq!(block_on(moved_between_awaits()), 7);
    assert_eq!(block_on(copy_passed_then_used()), 15);
    println!("moves: ok");
}
