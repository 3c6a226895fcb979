// Hand-lowered programs, written the way emit/ will write them, run on the memory model.
import { readFileSync } from "node:fs";
import { describe, expect, it, beforeEach } from "vitest";
import { Machine, install } from "../../src/runtime/machine.js";
import { UndefinedBehavior, type UbReport } from "../../src/runtime/panic.js";
import {
  Composite,
  MOVED,
  Ptr,
  RBox,
  Box_pin,
  Pin_as_mut,
  Pin_new_unchecked,
  closure,
  envOf,
  formatUbReport,
  frame,
  mem_replace,
  mem_swap,
  mem_take,
  moveOut,
  pin_in,
  ptr_eq,
  ptr_null,
  relocate,
  type Moved,
} from "../../src/runtime/memory.js";
import { drop_in_place } from "../../src/runtime/drop.js";
import { Context, PENDING, Waker_noop, future_poll, poll_fn, type Future, type Poll, type PollFn } from "../../src/runtime/task.js";

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

// [rust] async fn bar() { let mut polled = false; poll_fn(move |_| …).await; }
class Bar extends Composite implements Future<void> {
  static readonly $rust = { kind: "future", name: "bar" } as const;
  state: 0 | 1 | 2 | 3 = 0; // Unresumed, Returned, Panicked, Suspend0
  __awaitee: PollFn<void> | Moved = MOVED;
  poll(self: Ptr<this>, cx: Ptr<Context>): Poll<void> {
    self.get("11:1");
    // Unresumed: run to the first await, then fall into Suspend0's resume code (a loop, as emit writes it)
    for (;;) {
      switch (this.state) {
      case 0: {
        this.__awaitee = poll_fn(
          closure(envOf({ polled: false }), (env, _cx: Ptr<Context>): Poll<void> => {
            if (env.polled) return undefined;
            env.polled = true;
            return PENDING;
          }),
        );
        this.state = 3;
        continue;
      }
      case 3: {
        const r = future_poll(Ptr.to(this, "__awaitee", "20:6") as Ptr<PollFn<void>>, cx, "20:6");
        if (r === PENDING) return PENDING;
        this.state = 1;
        return undefined;
      }
      default:
        throw new Error("`async fn` resumed after completion");
      }
    }
  }
}

// [rust] async fn foo(x: i32) -> i32 { let x = Box::new(x); let y = &x; bar().await; **y }
class Foo extends Composite implements Future<number> {
  static readonly $rust = { kind: "future", name: "foo" } as const;
  state: 0 | 1 | 2 | 3 = 0;
  x: RBox<number> | Moved = MOVED;
  y: Ptr<RBox<number>> | Moved = MOVED;
  __awaitee: Bar | Moved = MOVED;
  constructor(public arg_x: number) {
    super();
  }
  poll(self: Ptr<this>, cx: Ptr<Context>): Poll<number> {
    self.get("23:1");
    for (;;) {
      switch (this.state) {
      case 0: {
        this.x = new RBox(this.arg_x);
        this.y = Ptr.to(this, "x", "25:13") as Ptr<RBox<number>>;
        this.__awaitee = new Bar();
        this.state = 3;
        continue;
      }
      case 3: {
        if (future_poll(Ptr.to(this, "__awaitee", "26:11") as Ptr<Bar>, cx, "26:11") === PENDING) return PENDING;
        this.state = 1;
        return (this.y as Ptr<RBox<number>>).get("27:5").v;
      }
      default:
        throw new Error("`async fn` resumed after completion");
      }
    }
  }
}

describe("swap after poll (acceptance/ub/swap_after_poll.rs)", () => {
  it("reports the access, the borrow, the swap and the broken pin", () => {
    const $f = frame("main", { context: Context.from_waker(Waker_noop()), future: new Foo(42), other: new Foo(100) });
    const cx = Ptr.to($f, "context", "33:9");
    const pinned = Pin_new_unchecked(Ptr.to($f, "future", "36:41"), "36:18");
    expect(future_poll(pinned, cx, "37:24")).toBe(PENDING);
    expect(future_poll(Pin_new_unchecked(Ptr.to($f, "other", "42:36"), "42:17"), cx, "42:48")).toBe(PENDING);
    mem_swap(Ptr.to($f, "future", "44:15"), Ptr.to($f, "other", "44:28"), "44:5");
    const pinned2 = Pin_new_unchecked(Ptr.to($f, "future", "46:41"), "46:18");
    const r = ubOf(() => future_poll(pinned2, cx, "47:24"));
    expect(r).toMatchObject({ access: "read", at: "27:5", createdAt: "25:13", invalidatedAt: "44:5", how: "swapped", pinnedAt: "42:17" });
    expect(r.place).toBe("`x` in the future of `foo`");
  });

  it("renders the report with the source lines and the broken promise", () => {
    const src = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join("\n");
    const text = formatUbReport(
      { access: "read", at: "27:5", createdAt: "25:13", invalidatedAt: "44:5", how: "swapped", pinnedAt: "42:17", place: "`x` in the future of `foo`" },
      "swap_after_poll.rs",
      src,
    );
    expect(text).toContain("undefined behavior");
    expect(text).toContain("--> swap_after_poll.rs:27:5");
    expect(text).toContain("--> swap_after_poll.rs:25:13");
    expect(text).toContain("--> swap_after_poll.rs:44:5");
    expect(text).toContain("the pinning promise made at swap_after_poll.rs:42:17 was broken at swap_after_poll.rs:44:5");
    expect(text).toContain("44 | line 44");
  });

  it("the same program without the swap runs to the end", () => {
    const $f = frame("main", { context: Context.from_waker(Waker_noop()), future: new Foo(42) });
    const cx = Ptr.to($f, "context", "33:9");
    const pinned = Pin_new_unchecked(Ptr.to($f, "future", "36:41"), "36:18");
    expect(future_poll(pinned, cx, "37:24")).toBe(PENDING);
    expect(future_poll(pinned, cx, "47:24")).toBe(42);
  });
});

describe("move after poll (acceptance/ub/move_after_poll.rs)", () => {
  it("moving the polled future out of its local leaves the self-reference dangling", () => {
    const $f = frame("main", { cx: Context.from_waker(Waker_noop()), fut: new Foo(1) as Foo | Moved, moved: MOVED as Foo | Moved });
    const cx = Ptr.to($f, "cx", "27:9");
    expect(future_poll(Pin_new_unchecked(Ptr.to($f, "fut", "29:44") as Ptr<Foo>, "29:26"), cx, "29:54")).toBe(PENDING);
    const stale = Ptr.to($f, "fut", "29:44") as Ptr<Foo>;
    $f.moved = moveOut($f, "fut", "31:21");
    const r = ubOf(() => future_poll(Pin_new_unchecked(Ptr.to($f, "moved", "32:45") as Ptr<Foo>, "32:27"), cx, "32:57"));
    expect(r).toMatchObject({ at: "27:5", createdAt: "25:13", invalidatedAt: "31:21", how: "moved", pinnedAt: "29:26" });
    // the old `&mut fut` dangles too: the slot was moved out of
    expect(ubOf(() => stale.get("40:1"))).toMatchObject({ invalidatedAt: "31:21", place: "local `fut` of `main`" });
  });

  it("moving a future before its first poll is fine (nothing points into it yet)", () => {
    const $f = frame("main", { cx: Context.from_waker(Waker_noop()), fut: new Foo(7) as Foo | Moved, moved: MOVED as Foo | Moved });
    const cx = Ptr.to($f, "cx", "1:1");
    $f.moved = moveOut($f, "fut", "2:1");
    const p = Pin_new_unchecked(Ptr.to($f, "moved", "3:1") as Ptr<Foo>, "3:1");
    expect(future_poll(p, cx, "4:1")).toBe(PENDING);
    expect(future_poll(p, cx, "5:1")).toBe(7);
  });
});

describe("Box::pin", () => {
  it("a boxed future can be moved freely: the box moves, the future stays", () => {
    const $f = frame("main", { cx: Context.from_waker(Waker_noop()), boxed: Box_pin(new Foo(5), "40:68"), moved_box: MOVED as RBox<Foo> | Moved });
    const cx = Ptr.to($f, "cx", "1:1");
    expect(future_poll(Pin_as_mut($f.boxed), cx, "2:1")).toBe(PENDING);
    $f.moved_box = moveOut($f, "boxed", "41:21");
    $f.boxed = moveOut($f, "moved_box", "42:13") as RBox<Foo>;
    expect(future_poll(Pin_as_mut($f.boxed), cx, "43:1")).toBe(5);
  });

  it("pin! keeps the value in a hidden slot", () => {
    const $f = frame("main", { cx: Context.from_waker(Waker_noop()) });
    const p = pin_in($f, "$pin0", new Foo(9), "45:19");
    const cx = Ptr.to($f, "cx", "1:1");
    expect(future_poll(p, cx, "2:1")).toBe(PENDING);
    expect(future_poll(p, cx, "2:1")).toBe(9);
  });
});

// acceptance/ub/self_ref_struct_without_phantom.rs
class MemoryDemo extends Composite {
  static readonly $rust = { kind: "struct", name: "MemoryDemo" } as const;
  constructor(
    public value: string,
    public self_pointer: Ptr<string>,
  ) {
    super();
  }
}

describe("a self-referential struct moved (acceptance/ub/self_ref_struct_without_phantom.rs)", () => {
  it("ptr::eq sees the move, and reading the stale pointer is undefined behavior", () => {
    const $f = frame("main", { demo: new MemoryDemo("Hello", ptr_null()) as MemoryDemo | Moved, moved: MOVED as MemoryDemo | Moved });
    // demo.init(): self.self_pointer = &self.value
    const self = Ptr.to($f, "demo", "26:5") as Ptr<MemoryDemo>;
    self.get().self_pointer = Ptr.field(self, "value", "16:29");
    const pointsToSelf = (s: Ptr<MemoryDemo>): boolean => ptr_eq(s.get().self_pointer, Ptr.field(s, "value", "20:41"));
    expect(pointsToSelf(Ptr.to($f, "demo", "27:49") as Ptr<MemoryDemo>)).toBe(true);
    $f.moved = moveOut($f, "demo", "28:17");
    expect(pointsToSelf(Ptr.to($f, "moved", "29:48") as Ptr<MemoryDemo>)).toBe(false);
    const r = ubOf(() => ($f.moved as MemoryDemo).self_pointer.get("30:58"));
    expect(r).toMatchObject({ at: "30:58", createdAt: "16:29", invalidatedAt: "28:17", how: "moved" });
    expect(r.pinnedAt).toBeUndefined();
  });

  it("a pointer to the struct and to its first field share the address; the next field is further", () => {
    const $f = frame("main", { d: new MemoryDemo("x", ptr_null()) });
    const whole = Ptr.to($f, "d", "1:1");
    const first = Ptr.to($f.d, "value", "1:2");
    const second = Ptr.to($f.d, "self_pointer", "1:3");
    expect(whole.addr).toBe(first.addr);
    expect(second.addr).toBeGreaterThan(first.addr);
  });

  it("an address first asked for after the move is the old place's, not the new one's", () => {
    const $f = frame("main", { d: new MemoryDemo("x", ptr_null()) as MemoryDemo | Moved, moved: MOVED as MemoryDemo | Moved });
    const first = Ptr.to($f.d as MemoryDemo, "value", "1:1");
    const second = Ptr.to($f.d as MemoryDemo, "self_pointer", "1:2");
    const again = Ptr.to($f.d as MemoryDemo, "value", "1:3");
    $f.moved = moveOut($f, "d", "2:1");
    const fresh = Ptr.to($f.moved as MemoryDemo, "value", "3:1");
    expect(first.addr).not.toBe(fresh.addr);
    expect(again.addr).toBe(first.addr);
    expect(second.addr).toBeGreaterThan(first.addr);
    expect(second.addr).not.toBe(Ptr.to($f.moved as MemoryDemo, "self_pointer", "3:2").addr);
  });
});

describe("std::mem", () => {
  it("replace and take move the old value out; the place stays valid", () => {
    const $f = frame("main", { a: new MemoryDemo("a", ptr_null()) });
    const inner = Ptr.to($f.a, "value", "1:1");
    const place = Ptr.to($f, "a", "2:1");
    const old = mem_replace(place, new MemoryDemo("b", ptr_null()), "3:1");
    expect(old.value).toBe("a");
    expect(place.get("4:1").value).toBe("b");
    expect(ubOf(() => inner.get("5:1"))).toMatchObject({ how: "replaced", invalidatedAt: "3:1" });
    const taken = mem_take(place, { default: () => new MemoryDemo("", ptr_null()) }, "6:1");
    expect(taken.value).toBe("b");
    expect(place.get("7:1").value).toBe("");
  });

  it("a null pointer cannot be read", () => {
    const r = ubOf(() => ptr_null<number>().get("3:3"));
    expect(r.how).toBe("is null");
    expect(ptr_null().is_null()).toBe(true);
  });

  it("Copy values are not relocated and moving a value nobody pointed into costs nothing", () => {
    expect(relocate(5, "1:1")).toBe(5);
    const d = new MemoryDemo("x", ptr_null());
    relocate(d, "1:1");
    expect(d.$m).toBeNull();
  });

  it("pointer arithmetic stays inside the array", () => {
    const $f = frame("main", { arr: [1, 2, 3] });
    const p = Ptr.to($f.arr, 0, "1:1");
    expect(p.add(2, "1:2").get("1:3")).toBe(3);
    expect(p.add(1).addr - p.addr).toBe(8);
    expect(ubOf(() => p.add(3, "2:1").get("2:2")).detail).toMatch(/outside the array/);
    expect(() => p.add(4, "3:1")).toThrow(UndefinedBehavior);
  });

  it("a function's locals die when it returns", () => {
    const $f = frame("helper", { s: new MemoryDemo("x", ptr_null()), n: 1 });
    const toN = Ptr.to($f, "n", "1:1");
    const toField = Ptr.to($f.s, "value", "1:2");
    $f.$exit("9:1");
    expect(ubOf(() => toN.get("10:1"))).toMatchObject({ how: "went out of scope", invalidatedAt: "9:1" });
    expect(ubOf(() => toField.get("10:2"))).toMatchObject({ how: "went out of scope" });
  });

  it("a freed box leaves pointers into it dangling", () => {
    const b = new RBox(new MemoryDemo("boxed", ptr_null()));
    const p = b.deref("1:1");
    const f = Ptr.field(p, "value", "1:2");
    drop_in_place(b, "2:1");
    expect(ubOf(() => p.get("3:1"))).toMatchObject({ how: "freed" });
    expect(ubOf(() => f.get("3:2"))).toMatchObject({ how: "freed" });
  });
});

describe("formatUbReport on an acceptance program", () => {
  const file = new URL("../../../shared/acceptance/ub/self_ref_struct_without_phantom.rs", import.meta.url);
  it("underlines the access, the borrow and the move in the real source", (ctx) => {
    let src: string;
    try {
      src = readFileSync(file, "utf8");
    } catch {
      console.log(`${file.pathname} is not there (shared/ is not beside the checkout): skipped`);
      return ctx.skip();
    }
    const text = formatUbReport(
      { access: "read", at: "30:58", createdAt: "16:29", invalidatedAt: "28:17", how: "moved", place: "field `value` of a `MemoryDemo`" },
      "self_ref_struct_without_phantom.rs",
      src,
    );
    expect(text.split("\n").slice(0, 5)).toEqual([
      "error: undefined behavior: read through a dangling pointer",
      "  --> self_ref_struct_without_phantom.rs:30:58",
      "   |",
      '30 |     println!("value through stale pointer: {}", unsafe { &*moved.self_pointer });',
      "   |                                                          ^^^^^^^^^^^^^^^^^^^^ read through a dangling pointer to field `value` of a `MemoryDemo`",
    ]);
    expect(text).toContain("16 |         self.self_pointer = &self.value;\n   |                             ^^^^^^^^^^^ the pointer");
    expect(text).toContain("28 |     let moved = demo;\n   |                 ^^^^ moved here");
    expect(text).not.toContain("pinning promise");
  });
});

describe("field-specialised pointers (Ptr.toWith)", () => {
  // what emit/ can generate for `&total` in a future: a named load on the fast path
  class PtrToValue extends Ptr<string> {
    override get(loc?: string): string {
      const m = this.m;
      if (m.gen === this.g && m.keys === null) return (this.c as MemoryDemo).value;
      return this.slowAccess("read", loc, undefined) as string;
    }
  }

  it("reads like Ptr.to and reports a dangling access the same way", () => {
    const $f = frame("main", { d: new MemoryDemo("hi", ptr_null()) as MemoryDemo | Moved, moved: MOVED as MemoryDemo | Moved });
    const p = Ptr.toWith(PtrToValue, $f.d as MemoryDemo, "value", "3:9");
    expect(p.get("4:1")).toBe("hi");
    expect(p.addr).toBe(Ptr.to($f.d as MemoryDemo, "value", "4:2").addr);
    $f.moved = moveOut($f, "d", "5:13");
    expect(ubOf(() => p.get("6:1"))).toMatchObject({ at: "6:1", createdAt: "3:9", invalidatedAt: "5:13", how: "moved" });
  });
});
