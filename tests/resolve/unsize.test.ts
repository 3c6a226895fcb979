// Unsizing to a trait object: the value's type must implement the object's traits, with the object's
// associated types, and that obligation is what infers the type parameters the object mentions.

import { describe, expect, it } from "vitest";
import { check } from "./helpers.js";

describe("coercion to dyn Trait<Assoc = T>", () => {
  // Bug: the coercion `Pin<Box<{async fn body}>>` → `Pin<Box<dyn Future<Output = A>>>` was accepted
  // without relating the future's output to `A`, so `race`'s result stayed `Either<?, ?>` and every
  // binding of it was "type annotations needed" (tests/run-pass/select_first_hand.rs).
  it("a boxed future passed as Pin<Box<dyn Future<Output = A>>> fixes A", () => {
    const c = check(`
use std::future::Future;
use std::pin::Pin;
enum Either<A, B> { Left(A), Right(B) }
fn race<A, B>(a: Pin<Box<dyn Future<Output = A>>>, b: Pin<Box<dyn Future<Output = B>>>) -> Either<A, B> { loop {} }
async fn worker(name: &'static str) -> &'static str { name }
fn main() {
    let r = race(Box::pin(worker("slow")), Box::pin(async { 5u8 }));
    match r {
        Either::Left(name) => println!("{}", name),
        Either::Right(n) => println!("{}", n),
    }
}
`);
    expect(c.errors).toEqual([]);
    expect(c.typeOf("r")).toBe("Either<&str, u8>");
    expect(c.typeOf("name")).toBe("&str");
    expect(c.typeOf("n")).toBe("u8");
  });

  it("a closure boxed as dyn Fn gets the object's signature, and a reference to dyn Iterator its Item", () => {
    const c = check(`
fn apply(f: Box<dyn Fn(i64) -> i64>) -> i64 { f(2) }
fn first<T>(it: &mut dyn Iterator<Item = T>) -> Option<T> { it.next() }
fn main() {
    let y = apply(Box::new(|x| x * 3));
    let mut words = vec!["a", "b"].into_iter();
    let w = first(&mut words);
}
`);
    expect(c.errors).toEqual([]);
    expect(c.typeOf("x")).toBe("i64");
    expect(c.typeOf("w")).toBe("Option<&str>");
  });
});
