// The cells / Rc / drop-order twin (rust/core_cell.rs), lowered by hand; its stdout must equal the
// rustc binary's. Scope ends are written out as emitted code writes them: locals dropped in reverse
// declaration order.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { Machine, install, machine } from "../../src/runtime/machine.js";
import { RustPanic } from "../../src/runtime/panic.js";
import { Composite, MOVED, Ptr, RBox, frame, mem_replace, type Moved } from "../../src/runtime/memory.js";
import { DROP, drop_in_place, mem_drop } from "../../src/runtime/drop.js";
import {
  BorrowError,
  BorrowMutError,
  Cell,
  Mutex,
  Rc,
  RefCell,
  Rc_clone,
  Rc_downgrade,
  Rc_get_mut,
  Rc_new,
  Rc_strong_count,
  Rc_try_unwrap,
  Rc_weak_count,
  AtomicI32_new,
  AtomicU8_new,
  AtomicUsize_new,
  AtomicBool,
} from "../../src/runtime/cell.js";
import { Deadlock } from "../../src/runtime/panic.js";

const expected = readFileSync(new URL("./rust/core_cell.stdout", import.meta.url), "utf8");
beforeEach(() => install(new Machine({ file: "core_cell.rs" })));
const out = (s: string): void => machine().out(s + "\n");

class Noisy extends Composite {
  constructor(public _0: string) {
    super();
  }
  [DROP](): void {
    out(`drop ${this._0}`);
  }
}
class Pair extends Composite {
  constructor(
    public first: Noisy,
    public second: Noisy,
  ) {
    super();
  }
  [DROP](): void {
    out("drop Pair (before its fields)");
  }
}
class Plain extends Composite {
  constructor(
    public a: Noisy,
    public b: RBox<Noisy>,
    public c: [Noisy, Noisy],
  ) {
    super();
  }
}

function panicMessage(f: () => void): string {
  try {
    f();
    return "no panic";
  } catch (e) {
    if (e instanceof RustPanic) return e.payload;
    throw e;
  }
}

function run(): string {
  const c = new RefCell(5);
  out(
    panicMessage(() => {
      const _w = c.borrow_mut("44:18");
      try {
        const _r = c.borrow("45:18");
        drop_in_place(_r);
      } finally {
        drop_in_place(_w); // unwinding drops the guard
      }
    }),
  );
  out(
    panicMessage(() => {
      const _r = c.borrow("48:18");
      try {
        const _w = c.borrow_mut("49:18");
        drop_in_place(_w);
      } finally {
        drop_in_place(_r);
      }
    }),
  );
  {
    const _r1 = c.borrow();
    const _r2 = c.borrow();
    const t = c.try_borrow_mut();
    out(`two readers: try_borrow_mut is_err = ${t.is_err()}`);
    drop_in_place(t);
    const m = c.try_borrow_mut();
    if (m.tag === 0) out("unexpected");
    else out(`error: ${String(m._0)} / ${(m._0 as BorrowMutError).debug()}`);
    drop_in_place(m);
    drop_in_place(_r2);
    drop_in_place(_r1);
  }
  {
    const _w = c.borrow_mut();
    const r = c.try_borrow();
    if (r.tag === 0) out("unexpected");
    else out(`error: ${String(r._0)} / ${(r._0 as BorrowError).debug()}`);
    drop_in_place(r);
    drop_in_place(_w);
  }
  {
    const g = c.borrow_mut();
    g.v += 1;
    drop_in_place(g);
  }
  {
    const g = c.borrow();
    out(`after guards dropped: ${g.v}`);
    drop_in_place(g);
  }
  const cell = new Cell(1);
  const old = cell.replace(2);
  cell.set(cell.get() * 10);
  out(`cell: old=${old} now=${cell.get()}`);

  const $f = frame("main", { a: Rc_new("shared") as Rc<string> | Moved });
  const a = (): Rc<string> => $f.a as Rc<string>;
  const b = Rc_clone(Ptr.to($f, "a", "81:25") as Ptr<Rc<string>>);
  const w = Rc_downgrade(a());
  out(`strong=${Rc_strong_count(a())} weak=${Rc_weak_count(a())}`);
  mem_drop(b, "84:5");
  const strong = Rc_strong_count(a()); // format arguments are evaluated left to right
  const up = w.upgrade();
  out(`strong=${strong} upgrade=${up.tag === 1 ? `Some(${up._0.v.length})` : "None"}`);
  drop_in_place(up);
  const un = Rc_try_unwrap($f.a as Rc<string>);
  $f.a = MOVED;
  out(`try_unwrap with weak: ${un.tag === 0 ? `Ok(${JSON.stringify(un._0)})` : "Err"}`);
  out(`upgrade after last strong dropped: ${w.upgrade().is_none()}`);

  const n = Rc_new(new Noisy("rc contents"));
  const n2 = n.clone();
  mem_drop(n, "93:5");
  out("one strong left");
  mem_drop(n2, "95:5");
  out("after last strong");
  {
    const _p = new Pair(new Noisy("first"), new Noisy("second"));
    const _q = new Plain(new Noisy("a"), new RBox(new Noisy("boxed b")), [new Noisy("c.0"), new Noisy("c.1")]);
    out("end of scope");
    drop_in_place(_q);
    drop_in_place(_p);
  }
  const $m = frame("main", { slot: new Noisy("old") });
  drop_in_place($m.slot); // `slot = …` drops the old value first
  $m.slot = new Noisy("new");
  out(`assigned ${$m.slot._0}`);
  const replaced = mem_replace(Ptr.to($m, "slot", "108:43"), new Noisy("newer"), "108:20");
  out(`replaced ${replaced._0}`);
  out("end of main");
  drop_in_place(replaced);
  drop_in_place($m.slot);
  drop_in_place(w);
  return machine().stdoutText;
}

describe("cells, Rc and drop order (rust/core_cell.rs)", () => {
  it("prints exactly what the rustc binary prints", () => {
    expect(run()).toBe(expected);
  });
});

describe("Rc details", () => {
  it("get_mut only while unique; dropping the last strong drops the contents once", () => {
    const r = Rc_new(new Noisy("x"));
    expect(Rc_get_mut(r).is_some()).toBe(true);
    const r2 = r.clone();
    expect(Rc_get_mut(r).is_none()).toBe(true);
    drop_in_place(r2);
    drop_in_place(r2); // a second drop of the same handle is ignored
    expect(Rc_strong_count(r)).toBe(1);
    drop_in_place(r);
    expect(machine().stdoutText).toBe("drop x\n");
  });

  it("a pointer into an Rc's value dangles once the last strong reference is gone", () => {
    const r = Rc_new(new Noisy("y"));
    const p = Ptr.field(r.deref("1:1"), "_0", "1:2");
    expect(p.get("2:1")).toBe("y");
    drop_in_place(r);
    expect(() => p.get("3:1")).toThrow(/undefined behavior/);
  });
});

describe("Mutex and atomics", () => {
  it("lock().unwrap() gives a guard; locking twice is a deadlock; try_lock fails while held", () => {
    const m = new Mutex(1);
    const g = m.lock().unwrap(() => "PoisonError { .. }");
    g.v += 41;
    expect(m.try_lock().is_err()).toBe(true);
    expect(() => m.lock("7:7")).toThrow(Deadlock);
    drop_in_place(g);
    expect(m.lock().unwrap(() => "PoisonError { .. }").v).toBe(42);
  });

  it("wrap at their width", () => {
    const a = AtomicU8_new(250);
    expect(a.fetch_add(10)).toBe(250);
    expect(a.load()).toBe(4);
    const i = AtomicI32_new(2147483647);
    i.fetch_add(1);
    expect(i.load()).toBe(-2147483648);
    const u = AtomicUsize_new(0);
    u.fetch_sub(1);
    expect(u.load()).toBe(18446744073709551615n);
    expect(u.compare_exchange(0, 5).is_err()).toBe(true);
    const b = AtomicBool.new(false);
    expect(b.compare_exchange(false, true).is_ok()).toBe(true);
    expect(b.load()).toBe(true);
  });
});
