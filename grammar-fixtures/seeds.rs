// rustc: --edition 2021
// The code of the seed texts (/work/shared/seeds), completed into one program.
#![allow(dead_code, unused_variables, unused_mut)]
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Foo;

// seeds/000: a future that borrows one of its own locals across nothing yet.
async fn foo_000(x: Foo) {
    let x: i32 = 42;
    let y: &i32 = &x;
    println!("{x} {y}");
}

async fn some_async_op() {}

// seeds/002: the borrow `r` lives across the `.await`.
async fn foo() {
    let s = String::from("hello");
    let r = &s;
    some_async_op().await;
    println!("{}", r);
}

struct Bad {
    s: String,
    r: *const String,
}

struct Pinned {
    data: String,
    _pin: PhantomPinned,
}

fn moves() {
    let a = String::from("hello");
    let b = a;
    let bad = Bad { s: String::from("hello"), r: 0x1000 as *const String };
    let moved = bad;
}

fn pins() {
    let fut = Box::pin(async {
        foo().await;
        some_async_op().await;
    });
    let stack = pin!(async { 1 });
    let mut x = Pinned { data: String::new(), _pin: PhantomPinned };
    let pinned = unsafe { Pin::new_unchecked(&mut x) };
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = foo();
    let p = unsafe { Pin::new_unchecked(&mut f) };
    let _ = p.poll(&mut cx);
}

fn main() {}
