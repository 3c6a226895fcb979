// `pinion run --trace`: the runtime reports borrows, pins, moves, invalidations, drops and polls with
// their locations, and `traceLine` renders each with its source line.
import { describe, expect, it } from "vitest";
import { Machine, install, type TraceEvent } from "../../src/runtime/machine.js";
import { UndefinedBehavior } from "../../src/runtime/panic.js";
import { Composite, Ptr, frame, moveOut, Pin_new_unchecked, traceLine, MOVED, type Moved } from "../../src/runtime/memory.js";
import { DROP, drop_in_place } from "../../src/runtime/drop.js";
import { block_on, yield_now } from "../../src/runtime/executor.js";

class Demo extends Composite {
  static readonly $rust = { kind: "struct", name: "Demo" } as const;
  value = "hello";
  [DROP](): void {}
}

function traced(f: () => void): TraceEvent[] {
  const events: TraceEvent[] = [];
  install(new Machine({ file: "demo.rs", trace: (e) => events.push(e) }));
  try {
    f();
  } catch (e) {
    if (!(e instanceof UndefinedBehavior)) throw e;
  }
  return events.filter((e) => e.kind !== "step");
}

describe("--trace events", () => {
  it("borrow, pin, move, invalidate and drop, each with its location", () => {
    const events = traced(() => {
      const $f = frame("main", { d: new Demo() as Demo | Moved, moved: MOVED as Demo | Moved });
      const inner = Ptr.to($f.d as Demo, "value", "3:13");
      Pin_new_unchecked(Ptr.to($f, "d", "4:40") as Ptr<Demo>, "4:22");
      $f.moved = moveOut($f, "d", "5:17");
      drop_in_place($f.moved, "7:1");
      inner.get("6:20");
    });
    expect(events.map((e) => `${e.kind}@${e.loc}`)).toEqual([
      "borrow@3:13",
      "borrow@4:40",
      "pin@4:22",
      "move@5:17",
      "drop@7:1",
      "invalidate@6:20",
    ]);
    expect(events[3]!.text).toBe("a `Demo` moved, breaking the pin made at 4:22: pointers into it now dangle");
    expect(events[5]!.text).toBe("read through a dangling pointer to field `value` of a `Demo`");
  });

  it("polls of runtime futures and of block_on's root report themselves", () => {
    const events = traced(() => block_on(yield_now(), "9:5"));
    expect(events.map((e) => `${e.kind}: ${e.text}`)).toEqual([
      "pin: a `YieldNow` pinned: it must not move until dropped",
      "poll: block_on polls its future (poll #1)",
      "poll: poll yield_now",
      "pending: yield_now → Pending",
      "pending: block_on: the future is pending",
      "poll: block_on polls its future (poll #2)",
      "poll: poll yield_now",
      "ready: yield_now → Ready",
      "ready: block_on: the future is ready after 2 poll(s)",
      "invalidate: the frame of `block_on` went out of scope: pointers into it now dangle",
    ]);
  });

  it("traceLine shows the event and its source line; steps print nothing", () => {
    const src = "fn main() {\n    let a = 1;\n    let r = &a;\n}\n";
    expect(traceLine({ kind: "borrow", loc: "3:13", text: "borrow local `a` of `main` at 0x7ffc8a3feff8" }, "demo.rs", src)).toBe(
      "borrow     demo.rs:3:13         borrow local `a` of `main` at 0x7ffc8a3feff8\n              3 | let r = &a;",
    );
    expect(traceLine({ kind: "step", loc: "2:5", text: "" }, "demo.rs", src)).toBe("");
  });
});
