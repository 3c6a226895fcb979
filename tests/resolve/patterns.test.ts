// Paths in patterns: a path that names a const — a module-level one or an associated one such as
// `i64::MIN` — is a constant pattern, not a variant.

import { describe, expect, it } from "vitest";
import { check, runSnippet } from "./helpers.js";

describe("associated consts in patterns", () => {
  // Bug: pattern paths were looked up as a struct or variant only, so `i64::MIN..=-1` failed with
  // "cannot find tuple struct, struct or variant `i64::MIN`".
  it("as a range bound and as a whole pattern", () => {
    const src = `
struct Limits;
impl Limits {
    const TOP: u8 = 200;
}
enum E { A, B }
impl E {
    fn first(&self) -> bool { matches!(self, Self::A) }
}
fn classify(n: i64) -> &'static str {
    match n {
        i64::MIN..=-1 => "negative",
        0 => "zero",
        1..=i64::MAX => "positive",
    }
}
fn top(b: u8) -> bool {
    match b {
        Limits::TOP => true,
        u8::MAX => false,
        _ => false,
    }
}
fn main() {
    println!("{} {} {}", classify(-7), classify(0), classify(i64::MAX));
    println!("{} {} {}", top(200), top(255), E::A.first() && !E::B.first());
}
`;
    const c = check(src);
    expect(c.errors).toEqual([]);
    const r = runSnippet(src);
    expect(r.errors).toEqual([]);
    expect(r.stdout).toBe("negative zero positive\ntrue false true\n");
  });

  it("a missing associated item in a pattern is still an error", () => {
    const c = check(`
fn f(n: i64) -> bool {
    match n {
        i64::NOPE => true,
        _ => false,
    }
}
fn main() {}
`);
    expect(c.errors).toEqual(["P0005 4:9 cannot find tuple struct, struct or variant `i64::NOPE` in this scope"]);
  });
});
