// acceptance/run/executor_timeline.rs lowered by hand the way emit/ is meant to lower it, run on the
// runtime: the output must be rustc's (acceptance/run/executor_timeline.stdout). This is the contract
// example for emit/: futures extend Composite, saved locals are fields, a self-reference is a Ptr into
// the future, the awaited future is polled through its own field with a pin pointer made once, the
// root future is pinned by the program's own block_on with Pin::new_unchecked.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Machine, install, machine } from "../../src/runtime/machine.js";
import { Composite, MOVED, Ptr, Pin_as_mut, Pin_new_unchecked, frame, moveOut, type Moved } from "../../src/runtime/memory.js";
import { drop_in_place } from "../../src/runtime/drop.js";
import { Context, PENDING, Waker_noop, future_poll, type Future, type Poll } from "../../src/runtime/task.js";
import { Cell } from "../../src/runtime/cell.js";
import { vec_of, type RVec } from "../../src/runtime/vec.js";
import { String_from, type RString } from "../../src/runtime/string.js";

const out = (s: string): void => machine().out(s + "\n");

// struct ReadWithReactor { ticks_left: u32 }  +  impl Future for ReadWithReactor
class ReadWithReactor extends Composite implements Future<RVec<number>> {
  static readonly $rust = { kind: "struct", name: "ReadWithReactor" } as const;
  declare ticks_left: number;
  constructor(ticks_left: number) {
    super();
    this.ticks_left = ticks_left;
  }
  poll(self: Ptr<this>, cx: Ptr<Context>): Poll<RVec<number>> {
    if (self.get("16:12").ticks_left === 0) {
      out("  read: data ready");
      return vec_of([1, 2, 3], 1);
    }
    out(`  read: registered, ${self.get("20:58").ticks_left} ticks left`);
    self.get("21:13").ticks_left -= 1;
    cx.get("22:13").waker().get("22:13").wake_by_ref();
    return PENDING;
  }
}

// async fn my_func() -> usize — Suspend0 stores label, label_ref, __awaitee (rustc's layout)
class MyFunc extends Composite implements Future<number> {
  static readonly $rust = { kind: "future", name: "my_func" } as const;
  declare state: 0 | 1 | 2 | 3; // Unresumed, Returned, Panicked, Suspend0
  declare label: RString | Moved;
  declare label_ref: Ptr<RString> | Moved;
  declare __awaitee: ReadWithReactor | Moved;
  declare $p0: Ptr<ReadWithReactor> | null;
  constructor() {
    super();
    this.state = 0;
    this.label = MOVED;
    this.label_ref = MOVED;
    this.__awaitee = MOVED;
    this.$p0 = null;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<number> {
    for (;;) {
      switch (this.state) {
        case 0: {
          this.label = String_from("bytes"); // 29:17
          this.label_ref = Ptr.to(this, "label", "30:21") as Ptr<RString>;
          this.__awaitee = new ReadWithReactor(2);
          this.state = 3;
          continue;
        }
        case 3: {
          // Suspend0: `.await` at executor_timeline.rs:31:50
          const data = (this.__awaitee as ReadWithReactor).poll((this.$p0 ??= Ptr.to(this, "__awaitee", "31:50") as Ptr<ReadWithReactor>), cx);
          if (data === PENDING) return PENDING;
          drop_in_place(moveOut(this, "__awaitee", "31:50"));
          out(`  my_func: got ${data.len()} ${(this.label_ref as Ptr<RString>).get("32:47").s}`);
          const n = data.len();
          drop_in_place(data);
          drop_in_place(moveOut(this, "label", "34:1"));
          this.state = 1;
          return n;
        }
        case 1:
          throw new Error("`async fn` resumed after completion");
        case 2:
          throw new Error("`async fn` resumed after panicking");
      }
    }
  }
}

// async fn async_main() -> usize — Suspend0 { __awaitee }, Suspend1 { a, __awaitee }
class AsyncMain extends Composite implements Future<number> {
  static readonly $rust = { kind: "future", name: "async_main" } as const;
  declare state: 0 | 1 | 2 | 3 | 4;
  declare a: number;
  declare __awaitee: MyFunc | Moved;
  declare $p: Ptr<MyFunc> | null;
  constructor() {
    super();
    this.state = 0;
    this.a = 0;
    this.__awaitee = MOVED;
    this.$p = null;
  }
  poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<number> {
    for (;;) {
      switch (this.state) {
        case 0:
          this.__awaitee = new MyFunc();
          this.state = 3;
          continue;
        case 3: {
          // Suspend0: `.await` at 37:23
          const a = (this.__awaitee as MyFunc).poll((this.$p ??= Ptr.to(this, "__awaitee", "37:23") as Ptr<MyFunc>), cx);
          if (a === PENDING) return PENDING;
          this.a = a;
          this.__awaitee = new MyFunc(); // the old (finished) future is dropped first: nothing to drop
          this.state = 4;
          continue;
        }
        case 4: {
          // Suspend1: `.await` at 38:23
          const b = (this.__awaitee as MyFunc).poll(this.$p!, cx);
          if (b === PENDING) return PENDING;
          this.state = 1;
          return this.a + b;
        }
        default:
          throw new Error("`async fn` resumed after completion");
      }
    }
  }
}

// fn block_on<F: Future>(fut: F) -> F::Output — the program's own executor
function block_on<T>(fut: Future<T>): T {
  const $f = frame("block_on", { fut: fut as Future<T> | Moved, cx: MOVED as Context | Moved });
  const pinned = Pin_new_unchecked(Ptr.to($f, "fut", "49:49") as Ptr<Future<T>>, "49:31");
  $f.cx = Context.from_waker(Waker_noop());
  const polls = (): Cell<number> => machine().statics.get("POLLS") as Cell<number>;
  for (;;) {
    polls().set(polls().get() + 1);
    out(`poll #${polls().get()}`);
    const r = future_poll(Pin_as_mut(pinned), Ptr.to($f, "cx", "54:41") as Ptr<Context>, "54:30");
    if (r !== PENDING) {
      $f.$exit("58:1");
      return r;
    }
  }
}

describe("acceptance/run/executor_timeline.rs, lowered by hand", () => {
  const expectedFile = new URL("../../../shared/acceptance/run/executor_timeline.stdout", import.meta.url);
  it("prints rustc's output", (ctx) => {
    let expected: string;
    try {
      expected = readFileSync(expectedFile, "utf8");
    } catch {
      console.log(`${expectedFile.pathname} is not there (shared/ is not beside the checkout): skipped`);
      return ctx.skip();
    }
    install(new Machine({ file: "executor_timeline.rs" }));
    machine().statics.set("POLLS", new Cell(0)); // thread_local! { static POLLS: Cell<u32> = Cell::new(0) }
    const total = block_on(new AsyncMain());
    out(`total = ${total}`);
    expect(machine().stdoutText).toBe(expected);
  });
});
