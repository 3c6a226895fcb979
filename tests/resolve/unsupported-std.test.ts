// std API outside pinion's subset: a path into a std module that pinion's std does not declare is
// P0003 ("not supported", at the item's name), once, instead of P0005 and the errors that follow from
// an unknown callee (`handle.join().unwrap()` probed on an error type).

import { describe, expect, it } from "vitest";
import { check } from "./helpers.js";

describe("std::thread::spawn", () => {
  // Bug: `thread::spawn` was "cannot find value" (P0005), and `handle.join()` on its error type picked
  // some `join` (`[String]::join`), so `.unwrap()` was "no method named `unwrap` found for `String`".
  it("through the module, or by its full path: one P0003 at the name", () => {
    expect(
      check(`
use std::thread;
fn main() {
    let handle = thread::spawn(|| 1 + 1);
    println!("{}", handle.join().unwrap());
    let h2 = std::thread::spawn(move || println!("hi"));
    h2.join().unwrap();
}
`).errors,
    ).toEqual(["P0003 4:26 `std::thread::spawn` is not supported by pinion", "P0003 6:27 `std::thread::spawn` is not supported by pinion"]);
  });

  it("imported by name: reported at the import, its uses are not reported again", () => {
    expect(
      check(`
use std::thread::{spawn, JoinHandle};
fn start() -> JoinHandle<i32> { spawn(|| 1) }
fn main() {
    let h: JoinHandle<i32> = start();
    println!("{}", h.join().unwrap());
    std::thread::yield_now();
}
`).errors,
    ).toEqual(["P0003 2:19 `std::thread::spawn` is not supported by pinion", "P0003 2:26 `std::thread::JoinHandle` is not supported by pinion"]);
  });

  it("a name missing from the program itself is still P0005", () => {
    expect(
      check(`
mod tasks { pub fn run() {} }
fn main() {
    tasks::spawn();
    launch();
}
`).errors,
    ).toEqual(["P0005 4:12 cannot find value `tasks::spawn` in this scope", "P0005 5:5 cannot find value `launch` in this scope"]);
  });
});
