// Trait selection for conversions between integer types: `u32::try_from(-1i64)` has to wait for its
// argument, since `u32: TryFrom<?U>` fits one impl per integer type (and the blanket one).

import { describe, expect, it } from "vitest";
import { check, runSnippet } from "./helpers.js";

describe("TryFrom between integer types", () => {
  // Bug: selection stopped at the second impl that fit (the blanket `impl<T, U: Into<T>> TryFrom<U>
  // for T` and `TryFrom<i8> for u32`), saw one non-blanket impl among them and committed to it, so
  // the argument `-1i64` was reported as "expected `i8`, found `i64`".
  it("u32::try_from(i64) takes its source type from the argument", () => {
    const c = check(`
fn main() {
    let r = u32::try_from(-1i64);
    let s = i16::try_from(300u64);
    let t = u8::try_from(7usize);
}
`);
    expect(c.errors).toEqual([]);
    expect(c.typeOf("r")).toBe("Result<u32, TryFromIntError>");
    expect(c.typeOf("s")).toBe("Result<i16, TryFromIntError>");
    expect(c.typeOf("t")).toBe("Result<u8, TryFromIntError>");
  });

  it("runs as rustc's build does", () => {
    const r = runSnippet(`
fn main() {
    println!("{} {:?} {:?}", u32::try_from(-1i64).is_err(), u8::try_from(200i32), i8::try_from(200i32).is_ok());
}
`);
    expect(r.errors).toEqual([]);
    expect(r.stdout).toBe("true Ok(200) false\n");
  });
});
