// Layout corpus: what an async fn's signature does to its layout — generic async fns (`T: Clone`,
// `T: Display`, `where` clauses, `impl Trait` arguments) instantiated with several types, async methods
// taking `&self`, `&mut self` and `self` on plain and generic structs, several parameters, parameter
// patterns (`(a, b): (i32, i32)`, struct patterns, `_`, `mut`), reference parameters, unused parameters.
// Parameters are captured as upvars (present in every state) and moved into locals of the same name at
// the start of the body. Each async fn says what it exercises; signatures.layout.json holds rustc's layout.
use std::fmt::Display;
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

// Generic over `T: Clone`, instantiated with u8 and String: one layout for both.
async fn dup<T: Clone>(t: T) -> (T, T) {
    yield_now().await;
    (t.clone(), t)
}

// Generic over `T: Display`, formatted after the await.
async fn describe<T: Display>(label: &str, t: T) -> String {
    yield_now().await;
    format!("{}={}", label, t)
}

// Two type parameters and a `where` clause; `b` is only used before the await.
async fn pick<A, B>(a: A, b: B) -> A
where
    A: Clone,
    B: Display,
{
    let shown = format!("{}", b);
    yield_now().await;
    let _ = shown.len();
    a
}

// An `impl Future` argument awaited directly: it is moved into `__awaitee`.
async fn await_arg(f: impl Future<Output = i32>) -> i32 {
    f.await + 1
}

struct Counter {
    hits: u32,
    name: String,
}

impl Counter {
    // `&self`: the reference is the upvar `self` and the local `self`.
    async fn name_len(&self) -> usize {
        yield_now().await;
        self.name.len()
    }

    // `&mut self`: a field incremented on both sides of the await.
    async fn bump(&mut self) -> u32 {
        self.hits += 1;
        yield_now().await;
        self.hits += 1;
        self.hits
    }

    // `self` by value: the whole struct is stored, a field moved out after the await.
    async fn into_name(self) -> String {
        yield_now().await;
        self.name
    }

    // `self` by value, a field moved out before the await (a partial move of `self`).
    async fn split(self) -> (String, u32) {
        let name = self.name;
        yield_now().await;
        (name, self.hits)
    }

    // `&self` plus another parameter, and a local borrowed from `self` across the await.
    async fn with_prefix(&self, prefix: &str) -> String {
        let n = &self.name;
        yield_now().await;
        format!("{}{}", prefix, n)
    }
}

struct Wrapper<T> {
    inner: T,
}

impl<T: Clone + Display> Wrapper<T> {
    // A method of a generic struct: rustc prints `Wrapper<i32>::get`, the machine is `Wrapper::get`.
    async fn get(&self) -> T {
        yield_now().await;
        self.inner.clone()
    }
}

// Several parameters; only some used after the await.
async fn many_params(a: i32, b: String, c: Vec<u8>, d: bool) -> usize {
    let before = a as usize + c.len();
    yield_now().await;
    if d { before + b.len() } else { before }
}

// A tuple pattern parameter: `(a, b): (i32, i32)`.
async fn tuple_param((a, b): (i32, i32)) -> i32 {
    yield_now().await;
    a * b
}

// A tuple pattern parameter with a non-Copy part, one part used before, one after the await.
async fn tuple_param_string((n, s): (i32, String)) -> usize {
    let k = n as usize;
    yield_now().await;
    k + s.len()
}

struct Point {
    x: i32,
    y: i32,
}

// A struct pattern parameter: `Point { x, y }: Point`.
async fn struct_param(Point { x, y }: Point) -> i32 {
    yield_now().await;
    x - y
}

// A `_` parameter and a `mut` parameter.
async fn underscore_and_mut(_: String, mut n: i32) -> i32 {
    yield_now().await;
    n += 1;
    n
}

// Reference parameters: `&str` and `&mut Vec<i32>`.
async fn ref_params(s: &str, out: &mut Vec<i32>) -> usize {
    out.push(1);
    yield_now().await;
    out.push(2);
    s.len() + out.len()
}

// A parameter never used at all (`_unused`, a named binding), and one used only before the await.
async fn unused_params(_unused: i32, before: i32) -> i32 {
    let doubled = before * 2;
    yield_now().await;
    doubled
}

// An owned parameter never used (`_s`, a named binding): the body's local `_s` is stored for its drop.
async fn owned_param_unused(_s: String) -> i32 {
    yield_now().await;
    1
}

// No await at all: the machine has only Unresumed, Returned and Panicked.
async fn no_await(a: i32, s: String) -> usize {
    a as usize + s.len()
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
    assert_eq!(block_on(dup(7u8)), (7, 7));
    assert_eq!(block_on(dup(String::from("d"))), (String::from("d"), String::from("d")));
    assert_eq!(block_on(describe("n", 3)), "n=3");
    assert_eq!(block_on(describe("s", "x")), "s=x");
    assert_eq!(block_on(pick(1, "b")), 1);
    assert_eq!(block_on(await_arg(std::future::ready(4))), 5);
    let mut c = Counter { hits: 0, name: String::from("ctr") };
    assert_eq!(block_on(c.name_len()), 3);
    assert_eq!(block_on(c.bump()), 2);
    assert_eq!(block_on(c.with_prefix("my-")), "my-ctr");
    assert_eq!(block_on(c.into_name()), "ctr");
    let c2 = Counter { hits: 9, name: String::from("two") };
    assert_eq!(block_on(c2.split()), (String::from("two"), 9));
    assert_eq!(block_on(Wrapper { inner: 5 }.get()), 5);
    assert_eq!(block_on(Wrapper { inner: String::from("w") }.get()), "w");
    assert_eq!(block_on(many_params(1, String::from("bb"), vec![1, 2], true)), 5);
    assert_eq!(block_on(tuple_param((3, 4))), 12);
    assert_eq!(block_on(tuple_param_string((1, String::from("abc")))), 4);
    assert_eq!(block_on(struct_param(Point { x: 5, y: 2 })), 3);
    assert_eq!(block_on(underscore_and_mut(String::from("ignored"), 1)), 2);
    let mut out = Vec::new();
    assert_eq!(block_on(ref_params("ab", &mut out)), 4);
    assert_eq!(block_on(unused_params(0, 4)), 8);
    assert_eq!(block_on(owned_param_unused(String::from("kept"))), 1);
    assert_eq!(block_on(no_await(1, String::from("ab"))), 3);
    println!("signatures: ok");
}
