// `.poll(cx)` receivers around `Box`: `Box<F>` is always `Unpin`, so `Pin::new(&mut boxed)` is fine,
// but `Box<F>` is a `Future` only when `F: Unpin`, and `poll` takes `Pin<&mut Self>` — rustc rejects
// `boxed.poll(cx)` (E0599) and `Pin::new(&mut boxed).poll(cx)` for an `F: !Unpin`. resolve/ records
// such calls in `unpinnedPolls` (the checker's P0104) instead of failing to find the method.

import { describe, expect, it } from "vitest";
import { printTy } from "../../src/resolve/print.js";
import { check } from "./helpers.js";

const prelude = `
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
async fn work() -> u32 { 7 }
`;

function unpinnedPollSelfTys(src: string): string[] {
  const c = check(src);
  expect(c.errors).toEqual([]);
  return [...c.program.unpinnedPolls].map((id) => {
    const m = c.program.methods.get(id);
    return m?.selfTy ? printTy(c.program.tcx, m.selfTy) : "?";
  });
}

describe("poll on a Box", () => {
  // Bug: `boxed.poll(cx)` on `Box<F>` was "no method named `poll` found" (P0005) and the call's
  // result "type annotations needed", where every other unpinned receiver gets P0104.
  it("boxed.poll(cx) with boxed: Box<F> is an unpinned poll of F", () => {
    const tys = unpinnedPollSelfTys(`${prelude}
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed = Box::new(work());
    let p = boxed.poll(&mut cx);
    if let Poll::Ready(v) = p { println!("{}", v); }
}
`);
    expect(tys).toEqual(["{async fn body of work()}"]);
  });

  it("Pin::new(&mut boxed) is accepted for any F; polling through it is rejected for F: !Unpin", () => {
    expect(
      unpinnedPollSelfTys(`${prelude}
fn main() {
    let mut boxed = Box::new(work());
    let p: Pin<&mut Box<_>> = Pin::new(&mut boxed);
    let _ = p;
}
`),
    ).toEqual([]);
    expect(
      unpinnedPollSelfTys(`${prelude}
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed = Box::new(work());
    let _ = Pin::new(&mut boxed).poll(&mut cx);
}
`),
    ).toHaveLength(1);
  });

  it("Pin::new(&mut boxed).poll(cx) is a plain call of Box's Future impl when F: Unpin", () => {
    const c = check(`${prelude}
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut boxed = Box::new(std::future::ready(5u8));
    let p = Pin::new(&mut boxed).poll(&mut cx);
    let mut pinned = Box::pin(work());
    let q = pinned.as_mut().poll(&mut cx);
}
`);
    expect(c.errors).toEqual([]);
    expect([...c.program.unpinnedPolls]).toEqual([]);
    expect(c.typeOf("p")).toBe("Poll<u8>");
    expect(c.typeOf("q")).toBe("Poll<u32>");
  });
});
