// The RawWaker twin (rust/core_waker.rs), lowered by hand: Rust calls the vtable's clone, wake,
// wake_by_ref and drop at exactly these points, and the counts must match rustc's output.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { Machine, install, machine } from "../../src/runtime/machine.js";
import { Composite, Pin_as_mut, Pin_new_unchecked, Ptr, frame, ptr_null } from "../../src/runtime/memory.js";
import { drop_in_place, mem_drop } from "../../src/runtime/drop.js";
import { AtomicOrdering, AtomicUsize_new, Arc_new, Arc_strong_count, type Arc } from "../../src/runtime/cell.js";
import { None, Some, type Option } from "../../src/runtime/option.js";
import {
  Context,
  PENDING,
  RawWaker,
  RawWakerVTable,
  Waker,
  Waker_from_arc,
  Waker_noop,
  future_poll,
  type Future,
  type Poll,
  type WakerData,
} from "../../src/runtime/task.js";

const expected = readFileSync(new URL("./rust/core_waker.stdout", import.meta.url), "utf8");

beforeEach(() => install(new Machine({ file: "core_waker.rs" })));

function run(): string {
  // statics
  const CLONES = AtomicUsize_new(0);
  const WAKES = AtomicUsize_new(0);
  const WAKES_BY_REF = AtomicUsize_new(0);
  const DROPS = AtomicUsize_new(0);
  const VTABLE: RawWakerVTable = RawWakerVTable.new(
    (data: WakerData): RawWaker => {
      CLONES.fetch_add(1, AtomicOrdering.SeqCst);
      return RawWaker.new(data, VTABLE);
    },
    () => void WAKES.fetch_add(1, AtomicOrdering.SeqCst),
    () => void WAKES_BY_REF.fetch_add(1, AtomicOrdering.SeqCst),
    () => void DROPS.fetch_add(1, AtomicOrdering.SeqCst),
  );
  const out = (s: string): void => machine().out(s + "\n");
  const counts = (step: string): void =>
    out(`${step}: clone=${CLONES.load()} wake=${WAKES.load()} wake_by_ref=${WAKES_BY_REF.load()} drop=${DROPS.load()}`);

  class Stash extends Composite implements Future<number> {
    saved: Option<Waker> = None();
    polls = 0;
    poll(self: Ptr<this>, cx: Ptr<Context>): Poll<number> {
      const me = self.get("47:9");
      me.polls += 1;
      if (me.polls < 3) {
        const fresh = cx.get().waker().get().clone();
        drop_in_place(me.saved); // the assignment drops the old value
        me.saved = Some(fresh);
        cx.get().waker().get().wake_by_ref();
        return PENDING;
      }
      const taken = me.saved;
      me.saved = None();
      if (taken.tag === 1) taken._0.wake();
      return me.polls;
    }
  }

  const $f = frame("main", {
    waker: Waker.from_raw(RawWaker.new(ptr_null(), VTABLE)),
    cx: undefined as unknown as Context,
    fut: new Stash(),
  });
  counts("from_raw");
  const second = $f.waker.clone();
  counts("clone");
  second.wake_by_ref();
  counts("wake_by_ref");
  out(`will_wake: ${$f.waker.will_wake(second)}`);
  second.wake();
  counts("wake");
  {
    const third = $f.waker.clone();
    mem_drop(third, "78:9");
  }
  counts("clone+drop");
  $f.cx = Context.from_waker(Ptr.to($f, "waker", "81:38"));
  const fut = Pin_new_unchecked(Ptr.to($f, "fut", "83:42"), "83:28");
  for (;;) {
    const r = future_poll(Pin_as_mut(fut), Ptr.to($f, "cx", "85:42"), "85:30");
    if (r !== PENDING) {
      out(`ready after ${r} polls`);
      break;
    }
    counts("pending");
  }
  counts("done");
  mem_drop($f.waker, "94:5");
  counts("end");
  const noop = Waker_noop();
  out(`noop will_wake itself: ${noop.get().will_wake(noop.get().clone())}`);
  return machine().stdoutText;
}

describe("RawWaker vtable calls (rust/core_waker.rs)", () => {
  it("counts clone, wake, wake_by_ref and drop exactly as the rustc binary does", () => {
    expect(run()).toBe(expected);
  });
});

describe("the Wake trait with Arc (rust/core_wake_arc.rs)", () => {
  it("Waker::from(arc), clone, the default wake_by_ref, wake and drop move the strong count as in Rust", () => {
    class Flag {
      wake(self: Arc<Flag>): void {
        machine().out(`wake (strong while waking: ${Arc_strong_count(self)})\n`);
        drop_in_place(self); // `self: Arc<Self>` goes out of scope at the end of `wake`
      }
    }
    const arc = Arc_new(new Flag());
    const keep = arc.clone();
    const w = Waker_from_arc(arc);
    machine().out(`from: ${Arc_strong_count(keep)}\n`);
    const w2 = w.clone();
    machine().out(`clone: ${Arc_strong_count(keep)}\n`);
    w2.wake_by_ref();
    machine().out(`wake_by_ref: ${Arc_strong_count(keep)}\n`);
    w2.wake();
    machine().out(`wake: ${Arc_strong_count(keep)}\n`);
    drop_in_place(w);
    machine().out(`drop: ${Arc_strong_count(keep)}\n`);
    expect(machine().stdoutText).toBe(readFileSync(new URL("./rust/core_wake_arc.stdout", import.meta.url), "utf8"));
  });
});

describe("Context::from_waker", () => {
  it("applies deref coercion: `let waker = Waker::noop(); Context::from_waker(&waker)`", () => {
    const $f = frame("main", { waker: Waker_noop() });
    const cx = Context.from_waker(Ptr.to($f, "waker", "32:41"), "32:19");
    expect(cx.waker().get()).toBeInstanceOf(Waker);
    cx.waker().get().wake_by_ref();
    expect(cx.waker().get().will_wake(Ptr.to($f, "waker", "33:1"))).toBe(true);
  });
});
