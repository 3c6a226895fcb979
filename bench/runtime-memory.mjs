#!/usr/bin/env node
// The cost of the memory model (DESIGN.md "Performance"), measured as ratios in one run.
//
//   1. per access: a checked `Ptr.get` (generation tags compared) versus a plain property read;
//   2. per await: a hand-written enum-state future with tracked locals (extends Composite, locals as
//      fields, a self-reference read through a checked Ptr, the child future pinned through a Ptr)
//      versus an untracked hand-written state machine (the limit) versus native async/await.
//
// Goal: tracked futures at least 2× faster than native async/await. Measured on the 2-core machines:
// generic `Ptr` self-references ~1.8× (the keyed load inside `Ptr.get` is shared by every pointer and
// goes megamorphic), field-specialised pointers (`Ptr.toWith`, what emit/ can generate) ~3.6×.
// Usage: npm run build && node bench/runtime-memory.mjs [--json]
import { Composite, Context, MOVED, PENDING, Ptr, Waker_noop, frame, Pin_new_unchecked } from "../dist/runtime/core.js";
import { Machine, install } from "../dist/runtime/machine.js";


install(new Machine({ file: "bench.rs" }));
const json = process.argv.includes("--json");

function time(fn, reps) {
  fn(Math.min(reps, 10_000)); // warm up
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    fn(reps);
    const dt = Number(process.hrtime.bigint() - t0);
    best = Math.min(best, dt);
  }
  return best / reps; // ns per op
}

// ---- 1. per-access cost
class S extends Composite {
  constructor() {
    super();
    this.a = 1;
    this.b = 2;
  }
}
const s = new S();
const p = Ptr.to(s, "a", "1:1");
let sink = 0;
const N = 5_000_000;
const plain = time((n) => {
  let t = 0;
  for (let i = 0; i < n; i++) t += s.a;
  sink += t;
}, N);
const checked = time((n) => {
  let t = 0;
  for (let i = 0; i < n; i++) t += p.get();
  sink += t;
}, N);
const checkedWrite = time((n) => {
  for (let i = 0; i < n; i++) p.set(i);
}, N);

// ---- 2. per-await cost: `async fn sum(n) { let mut total = 0; let r = &mut total;
//                           for i in 0..n { *r += leaf(i).await; } total }` with `leaf` ready at once
//      (and one Pending every 16 awaits, so the executor loop is exercised too).
const cx = Ptr.temp(Context.from_waker(Waker_noop()), "1:1");

class Leaf extends Composite {
  constructor(i) {
    super();
    this.i = i;
    this.yielded = (i & 15) !== 15; // Pending once every 16 leaves
  }
  poll(_self, _cx) {
    if (!this.yielded) {
      this.yielded = true;
      return PENDING;
    }
    return this.i & 255; // small values: the sum stays a small integer (no heap numbers)
  }
}

// tracked: what emit/ writes — locals are fields of the future, `r` is a checked Ptr into it
class SumTracked extends Composite {
  constructor(n) {
    super();
    this.state = 0;
    this.n = n;
    this.total = 0;
    this.i = 0;
    this.r = MOVED;
    this.__awaitee = MOVED;
    this.$pAwaitee = null; // the pin pointer to `__awaitee`, made once (the future does not move)
  }
  poll(self, cx) {
    for (;;) {
      switch (this.state) {
        case 0: // Unresumed
          this.r = Ptr.to(this, "total", "2:13");
          this.i = 0;
          this.state = 4;
          continue;
        case 4: // loop head
          if (this.i >= this.n) {
            this.state = 1;
            return this.total;
          }
          this.__awaitee = new Leaf(this.i);
          this.state = 3;
          continue;
        case 3: {
          // Suspend0
          // the child is this future's own field: read it directly and hand it its pin pointer
          // (made once); reads through self-references (`*r` below) stay checked
          const v = this.__awaitee.poll((this.$pAwaitee ??= Ptr.to(this, "__awaitee", "3:20")), cx);
          if (v === PENDING) return PENDING;
          this.__awaitee = MOVED;
          this.r.set(this.r.get() + v);
          this.i++;
          this.state = 4;
          continue;
        }
        default:
          throw new Error("resumed after completion");
      }
    }
  }
}

// tracked, but the loop body does not go through the self-reference (`total += v` on the field):
// the future is still a Composite, pinned, with its child polled through a pin pointer
class SumTrackedNoRef extends SumTracked {
  poll(self, cx) {
    for (;;) {
      switch (this.state) {
        case 0:
          this.r = Ptr.to(this, "total", "2:13");
          this.i = 0;
          this.state = 4;
          continue;
        case 4:
          if (this.i >= this.n) {
            this.state = 1;
            return this.total;
          }
          this.__awaitee = new Leaf(this.i);
          this.state = 3;
          continue;
        case 3: {
          const v = this.__awaitee.poll((this.$pAwaitee ??= Ptr.to(this, "__awaitee", "3:20")), cx);
          if (v === PENDING) return PENDING;
          this.__awaitee = MOVED;
          this.total += v;
          this.i++;
          this.state = 4;
          continue;
        }
        default:
          throw new Error("resumed after completion");
      }
    }
  }
}

// tracked, with the self-reference as a field-specialised pointer (what emit/ can generate: a named
// load on the fast path instead of `Ptr.get`'s shared keyed load; same checks, same reports)
class PtrToTotal extends Ptr {
  get(loc) {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) return this.c.total;
    return this.slowAccess("read", loc, undefined);
  }
  set(v, loc) {
    const m = this.m;
    if (m.gen === this.g && m.keys === null) this.c.total = v;
    else this.slowAccess("write", loc, v);
  }
}
class SumTrackedSpecialised extends SumTracked {
  poll(self, cx) {
    for (;;) {
      switch (this.state) {
        case 0:
          this.r = Ptr.toWith(PtrToTotal, this, "total", "2:13");
          this.i = 0;
          this.state = 4;
          continue;
        case 4:
          if (this.i >= this.n) {
            this.state = 1;
            return this.total;
          }
          this.__awaitee = new Leaf(this.i);
          this.state = 3;
          continue;
        case 3: {
          const v = this.__awaitee.poll((this.$pAwaitee ??= Ptr.to(this, "__awaitee", "3:20")), cx);
          if (v === PENDING) return PENDING;
          this.__awaitee = MOVED;
          this.r.set(this.r.get() + v);
          this.i++;
          this.state = 4;
          continue;
        }
        default:
          throw new Error("resumed after completion");
      }
    }
  }
}

// the limit: the same state machine with plain fields and no pointers
class SumPlain {
  constructor(n) {
    this.state = 0;
    this.n = n;
    this.total = 0;
    this.i = 0;
    this.aw = null;
  }
  poll(cx) {
    for (;;) {
      switch (this.state) {
        case 0:
          this.i = 0;
          this.state = 4;
          continue;
        case 4:
          if (this.i >= this.n) {
            this.state = 1;
            return this.total;
          }
          this.aw = new Leaf(this.i);
          this.state = 3;
          continue;
        case 3: {
          const v = this.aw.poll(null, cx);
          if (v === PENDING) return PENDING;
          this.total += v;
          this.i++;
          this.state = 4;
          continue;
        }
        default:
          throw new Error("resumed after completion");
      }
    }
  }
}

function blockOnTracked(n, Sum = SumTracked) {
  const f = frame("block_on", { fut: new Sum(n) });
  const pin = Pin_new_unchecked(Ptr.to(f, "fut", "1:1"), "1:1");
  let r;
  while ((r = pin.get().poll(pin, cx)) === PENDING);
  return r;
}
function blockOnPlain(n) {
  const f = new SumPlain(n);
  let r;
  while ((r = f.poll(cx)) === PENDING);
  return r;
}

// native: the same program with async/await (a yield every 16 awaits, like the Pending above)
async function leaf(i) {
  if ((i & 15) === 15) await null;
  return i & 255;
}
async function sumNative(n) {
  const box = { total: 0 };
  for (let i = 0; i < n; i++) box.total += await leaf(i);
  return box.total;
}

const AW = 2_000_000;
let expected = 0;
for (let i = 0; i < AW; i++) expected += i & 255;
const small = blockOnTracked(1000);
if (small !== blockOnPlain(1000) || small !== blockOnTracked(1000, SumTrackedNoRef) || small !== blockOnTracked(1000, SumTrackedSpecialised)) {
  throw new Error("bench programs disagree");
}
const tracked = time((n) => void (sink += blockOnTracked(n)), AW);
const plainSm = time((n) => void (sink += blockOnPlain(n)), AW);
const trackedNoRef = time((n) => void (sink += blockOnTracked(n, SumTrackedNoRef)), AW);
const trackedSpecialised = time((n) => void (sink += blockOnTracked(n, SumTrackedSpecialised)), AW);
let nativeBest = Infinity;
for (let k = 0; k < 5; k++) {
  const t0 = process.hrtime.bigint();
  const v = await sumNative(AW);
  const dt = Number(process.hrtime.bigint() - t0);
  if (v !== expected) throw new Error("native sum wrong");
  nativeBest = Math.min(nativeBest, dt);
}
const native = nativeBest / AW;

const result = {
  accessPlainNs: +plain.toFixed(2),
  accessCheckedNs: +checked.toFixed(2),
  accessCheckedWriteNs: +checkedWrite.toFixed(2),
  checkedOverPlain: +(checked / plain).toFixed(2),
  awaitPlainStateMachineNs: +plainSm.toFixed(1),
  awaitTrackedStateMachineNs: +tracked.toFixed(1),
  awaitTrackedNoSelfRefNs: +trackedNoRef.toFixed(1),
  awaitTrackedSpecialisedNs: +trackedSpecialised.toFixed(1),
  nativeOverTrackedSpecialised: +(native / trackedSpecialised).toFixed(2),
  awaitNativeNs: +native.toFixed(1),
  nativeOverTrackedNoSelfRef: +(native / trackedNoRef).toFixed(2),
  trackedOverPlain: +(tracked / plainSm).toFixed(2),
  nativeOverTracked: +(native / tracked).toFixed(2),
  goalMetGenericPtr: native / tracked >= 2,
  goalMetSpecialisedPtr: native / trackedSpecialised >= 2,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`per access: plain read ${result.accessPlainNs} ns, checked Ptr.get ${result.accessCheckedNs} ns, checked Ptr.set ${result.accessCheckedWriteNs} ns (${result.checkedOverPlain}× a plain read)`);
  console.log(`per await: untracked state machine ${result.awaitPlainStateMachineNs} ns, tracked ${result.awaitTrackedStateMachineNs} ns (${result.trackedOverPlain}×), native async/await ${result.awaitNativeNs} ns`);
  console.log(`  (tracked, self-reference through a field-specialised pointer: ${result.awaitTrackedSpecialisedNs} ns, ${result.nativeOverTrackedSpecialised}× faster than native)`);
  console.log(`  (tracked without a self-reference access per await: ${result.awaitTrackedNoSelfRefNs} ns, ${result.nativeOverTrackedNoSelfRef}× faster than native)`);
  console.log(`goal: tracked futures ≥ 2× faster than native async/await — with generic Ptr self-references ${result.nativeOverTracked}× (${result.goalMetGenericPtr ? "met" : "NOT met"}), with field-specialised ones ${result.nativeOverTrackedSpecialised}× (${result.goalMetSpecialisedPtr ? "met" : "NOT met"})`);
}
if (sink === 0.5) console.log(""); // keep `sink` alive
