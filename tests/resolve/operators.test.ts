// Overloaded binary operators: the impl is found with the right operand's type still open, and the
// right operand is coerced to what the impl takes (rustc's check_overloaded_binop).

import { describe, expect, it } from "vitest";
import { check, runSnippet } from "./helpers.js";

describe("String + &str", () => {
  // Bug: the right operand's own type was used to look up `Add`, so `s + &t` with `t: String` asked
  // for `String: Add<&String>`, found nothing, and left the sum's type unknown ("type annotations
  // needed for `concat`"). rustc fixes the operand's type from the one impl, `Add<&str>`, and
  // deref-coerces `&String` to `&str`.
  it("&String on the right deref-coerces to &str", () => {
    const src = `
fn main() {
    let joined = String::from("-x-");
    let boxed: Box<String> = Box::new(String::from("!"));
    let concat = String::from("con") + "cat" + &joined;
    let more = concat.clone() + &boxed + &&joined;
    println!("{} {}", concat, more);
}
`;
    const c = check(src);
    expect(c.errors).toEqual([]);
    expect(c.typeOf("concat")).toBe("String");
    expect(c.typeOf("more")).toBe("String");
    const r = runSnippet(src);
    expect(r.errors).toEqual([]);
    expect(r.stdout).toBe("concat-x- concat-x-!-x-\n");
  });

  it("a user Add impl gives its right operand's type to a literal", () => {
    const c = check(`
use std::ops::Add;
#[derive(Debug, Clone, Copy)]
struct Meters(f64);
impl Add<f64> for Meters {
    type Output = Meters;
    fn add(self, rhs: f64) -> Meters { Meters(self.0 + rhs) }
}
fn main() {
    let m = Meters(1.5) + 2.0;
    let x = 2.0;
    let n = m + x;
}
`);
    expect(c.errors).toEqual([]);
    expect(c.typeOf("n")).toBe("Meters");
    expect(c.typeOf("x")).toBe("f64");
  });
});
