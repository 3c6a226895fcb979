// `mem::replace` / `mem::take` / `mem::swap` through a `&mut` made from the place itself retag the
// place (Rust's aliasing rules): pointers to it derived before that `&mut` dangle; the place, the
// `&mut` used and pointers made afterwards stay valid; a reborrow through a raw pointer keeps the raw
// pointer valid (tests/ub/stale_const_after_replace.rs is the whole program).
import { beforeEach, describe, expect, it } from "vitest";
import { Machine, install } from "../../src/runtime/machine.js";
import { UndefinedBehavior, type UbReport } from "../../src/runtime/panic.js";
import { Composite, Ptr, frame, mem_replace, mem_swap, mem_take } from "../../src/runtime/memory.js";

beforeEach(() => install(new Machine({ file: "main.rs" })));

function ubOf(f: () => unknown): UbReport {
  try {
    f();
  } catch (e) {
    if (e instanceof UndefinedBehavior) return e.report;
    throw e;
  }
  throw new Error("expected undefined behavior, the program ran to the end");
}

class Config extends Composite {
  declare retries: number;
  constructor(retries: number) {
    super();
    this.retries = retries;
  }
}

describe("a &mut made from the place retags it", () => {
  it("a *const taken before mem::replace(&mut x, …) dangles; x and the &mut stay valid", () => {
    const $f = frame("main", { current: new Config(3) });
    const seen = Ptr.to($f, "current", "14:31");
    expect(seen.get("15:1").retries).toBe(3);
    const dest = Ptr.to($f, "current", "16:33");
    const previous = mem_replace(dest, new Config(5), "16:20");
    expect(previous.retries).toBe(3);
    expect($f.current.retries).toBe(5);
    expect(dest.get("17:1").retries).toBe(5);
    expect(Ptr.to($f, "current", "18:1").get("18:2").retries).toBe(5);
    expect(ubOf(() => seen.get("19:28"))).toMatchObject({ how: "replaced", createdAt: "14:31", invalidatedAt: "16:20" });
  });

  it("mem::take and mem::swap retag too", () => {
    const $f = frame("main", { a: [1], b: [2] });
    const old = Ptr.to($f, "a", "1:1");
    mem_take(Ptr.to($f, "a", "2:1"), { default: () => [] as number[] }, "2:2");
    expect(ubOf(() => old.get("3:1"))).toMatchObject({ how: "taken", invalidatedAt: "2:2" });
    const oldB = Ptr.to($f, "b", "4:1");
    mem_swap(Ptr.to($f, "a", "5:1"), Ptr.to($f, "b", "5:2"), "5:3");
    expect(ubOf(() => oldB.get("6:1"))).toMatchObject({ how: "swapped", invalidatedAt: "5:3" });
    expect($f.b).toEqual([]);
  });

  it("a reborrow through a raw pointer leaves the raw pointer valid", () => {
    const $f = frame("main", { x: new Config(1) });
    const raw = Ptr.to($f, "x", "1:1");
    mem_replace(raw.reborrow("2:1"), new Config(2), "2:2");
    expect(raw.get("3:1").retries).toBe(2);
  });

  it("the same &mut used again (a loop) stays valid", () => {
    const $f = frame("main", { x: new Config(0) });
    const r = Ptr.to($f, "x", "1:1");
    for (let i = 1; i <= 3; i++) mem_replace(r, new Config(i), "2:1");
    expect(r.get("3:1").retries).toBe(3);
  });
});
