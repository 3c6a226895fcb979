// A user trait implemented for types that are not classes (integers, bool, &str, String…) and called
// through `dyn` or a type parameter: the impl is chosen at run time by the value's representation
// (runtime/dispatch.ts). Where two impls' types share a representation, no choice is right, so the
// program is refused with P0003 instead of running the wrong method. The positive cases run in
// tests/run-pass/trait_impls_on_primitives.rs and trait_objects_dyn.rs against rustc's output.
import { describe, expect, it } from "vitest";
import { compile, run } from "../../src/compile.js";
import { Session } from "../../src/pipeline.js";

const session = new Session();

function runText(text: string): { stdout: string; code: number } {
  let stdout = "";
  const r = run(session, "dispatch.rs", text, { stdout: (s) => void (stdout += s), stderr: () => {} });
  return { stdout, code: r.exitCode };
}

describe("trait methods dispatched at run time", () => {
  it("finds the impl for an integer behind &mut dyn, and the trait's default method", () => {
    // rustc: bump(&mut 40) twice → 42; `7.greet()` runs the default method, which calls i32's name.
    const r = runText(`
trait Counter { fn bump(&mut self) -> u32; }
impl Counter for u32 { fn bump(&mut self) -> u32 { *self += 1; *self } }
trait Greet { fn name(&self) -> String; fn greet(&self) -> String { format!("hi {}", self.name()) } }
impl Greet for i32 { fn name(&self) -> String { format!("n{}", self) } }
fn bump_twice(c: &mut dyn Counter) -> u32 { c.bump(); c.bump() }
fn main() { let mut n: u32 = 40; println!("{} {}", bump_twice(&mut n), 7.greet()); }
`);
    expect(r).toEqual({ stdout: "42 hi n7\n", code: 0 });
  });

  it("prefers the user impl over a std value's own JS methods of the same name", () => {
    // RString has JS methods of its own; `grow` must be the Rust impl's (push '!').
    const r = runText(`
trait Grow { fn grow(&mut self); }
impl Grow for String { fn grow(&mut self) { self.push('!'); } }
fn g(x: &mut dyn Grow) { x.grow(); }
fn main() { let mut s = String::from("a"); g(&mut s); g(&mut s); println!("{}", s); }
`);
    expect(r).toEqual({ stdout: "a!!\n", code: 0 });
  });

  it("refuses a dyn call when two impls' types look alike at run time", () => {
    const r = compile(session, "alike.rs", `
trait Half { fn half(&self) -> String; }
impl Half for i32 { fn half(&self) -> String { format!("{}", self / 2) } }
impl Half for f64 { fn half(&self) -> String { format!("{}", self / 2.0) } }
fn show(h: &dyn Half) -> String { h.half() }
fn main() { println!("{} {}", show(&3), show(&3.0)); }
`);
    expect(r.code).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === "P0003");
    expect(d?.message).toContain("`Half` is implemented for `i32` and `f64`");
  });

  it("still calls the known impl directly when the receiver's type is known", () => {
    const r = compile(session, "direct.rs", `
trait Half { fn half(&self) -> i32; }
impl Half for i32 { fn half(&self) -> i32 { self / 2 } }
impl Half for u64 { fn half(&self) -> i32 { 0 } }
fn main() { println!("{}", 9.half()); }
`);
    expect(r.code).toBeDefined();
    expect(r.code).not.toContain("rt.trait_call");
  });
});
