// The pinning dataflow (src/check/flow.ts) on small programs: one behaviour per test, including the
// ones tests/ui does not spell out, and the bugs it had.

import { describe, expect, it } from "vitest";
import { Session, sourceFile } from "../../src/pipeline.js";
import { checkPinning } from "../../src/check/index.js";
import { isWithin, movesWith } from "../../src/check/places.js";

const session = new Session();

const PRELUDE = `use std::future::Future;
use std::mem;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    })
    .await
}

async fn greet() -> usize {
    let name = String::from("ferris");
    let r = &name;
    yield_once().await;
    r.len()
}
`;

/** `code@line` of the pinning diagnostics (lines counted in `body`, after the prelude). */
function check(body: string, opts: { notes: boolean } = { notes: false }): string[] {
  const text = PRELUDE + body;
  const a = session.analyze(sourceFile("t.rs", text));
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  const offset = PRELUDE.split("\n").length - 1;
  return checkPinning(a, opts).map((d) => `${d.code}@${a.file.lineCol(d.span.lo).line - offset}`);
}

describe("places", () => {
  it("a place moves with its owner unless a heap step lies between", () => {
    expect(movesWith("L3", "L3.f1")).toBe(true);
    expect(movesWith("L3", "L3[]")).toBe(true);
    expect(movesWith("L3", "L3.*")).toBe(false);
    expect(movesWith("L3.*", "L3.*.f0")).toBe(true);
    expect(movesWith("L3", "L31")).toBe(false);
    expect(isWithin("L3", "L3.*")).toBe(true);
  });
});

describe("the flow", () => {
  it("follows the contents of a Box when the Box moves: moving them out later is P0101", () => {
    const got = check(`
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut b = Box::new(greet());
    let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll(&mut cx);
    let c = b;
    let out = *c;
    drop(out);
}
`);
    expect(got).toEqual(["P0101@7"]);
  });

  it("moving a Vec moves no element; moving an element out of it does", () => {
    expect(
      check(`
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut v = vec![greet()];
    let _ = unsafe { Pin::new_unchecked(&mut v[0]) }.poll(&mut cx);
    let w = v;
    let x = w.into_iter().count();
    println!("{}", x);
}
`),
      // No P0101: the Vec moves, its buffer (and the element) does not. The warning is about `v[0]`
      // staying reachable through `v` after the pin.
    ).toEqual(["P0102@5"]);
  });

  it("`Pin::set` replaces the pinned value in place: what follows starts fresh", () => {
    expect(
      check(`
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(greet());
    let _ = fut.as_mut().poll(&mut cx);
    fut.set(greet());
    let old = mem::replace(unsafe { fut.as_mut().get_unchecked_mut() }, greet());
    drop(old);
}
`),
    ).toEqual([]);
  });

  it("a helper that polls through a reference parameter polls the caller's place (a summary)", () => {
    const got = check(`
fn poll_once<F: Future>(f: &mut F, cx: &mut Context<'_>) -> Poll<F::Output> {
    unsafe { Pin::new_unchecked(f) }.poll(cx)
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = greet();
    let _ = poll_once(&mut fut, &mut cx);
    let moved = fut;
    drop(moved);
}
`);
    expect(got).toEqual(["P0101@10"]);
  });

  it("summaries compose: `init` called through another method still makes the value point into itself", () => {
    const got = check(`
struct Node {
    value: String,
    me: *const String,
}

impl Node {
    fn init(&mut self) {
        self.me = &self.value;
    }
    fn setup(&mut self) {
        self.init();
    }
}

fn main() {
    let mut n = Node { value: String::from("x"), me: std::ptr::null() };
    n.setup();
    let m = n;
    println!("{}", m.value);
}
`);
    expect(got).toEqual(["P0201@2", "P0101@19"]);
  });

  it("a self-pointer stored through a temporary whose storage ends first is still seen (MIR builder order)", () => {
    // The MIR builder emits `StorageDead(_3)` before `(*_1).1 = move _3 as *const String`.
    expect(
      check(`
struct Demo {
    value: String,
    ptr: *const String,
}

impl Demo {
    fn init(&mut self) {
        self.ptr = &self.value;
    }
}

fn main() {
    let mut d = Demo { value: String::from("x"), ptr: std::ptr::null() };
    d.init();
    println!("{}", d.value);
}
`),
    ).toEqual(["P0201@2"]);
  });

  it("a pointer into the heap buffer of a field is not a pointer to the struct's own field", () => {
    expect(
      check(`
struct Cursor {
    text: String,
    at: *const u8,
}

fn main() {
    let mut c = Cursor { text: String::from("abc"), at: std::ptr::null() };
    c.at = c.text.as_ptr();
    let d = c;
    println!("{}", d.text);
}
`),
    ).toEqual([]);
  });

  it("P0001 comes from the async body's own flow: a `for` over an array in the future, not over a Vec", () => {
    const got = check(
      `
async fn over_array(values: [u32; 3]) -> u32 {
    let mut total = 0;
    for v in &values {
        yield_once().await;
        total += v;
    }
    total
}

async fn over_vec(values: Vec<u32>) -> u32 {
    let mut total = 0;
    for v in &values {
        yield_once().await;
        total += v;
    }
    total
}

fn main() {
    let _ = over_array([1, 2, 3]);
    let _ = over_vec(vec![1, 2, 3]);
}
`,
      { notes: true },
    );
    // greet's `&name` (in the prelude, 3 lines before its end) and over_array's `&values`; nothing for
    // over_vec, whose items point into the heap.
    expect(got.filter((g) => g.startsWith("P0001")).map((g) => Number(g.split("@")[1]))).toEqual([-3, 4]);
  });
});
