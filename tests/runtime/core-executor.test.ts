// Executors on virtual time. The tokio programs below cannot be built by rustc here (no crates), so
// their expected output is reasoned, step by step, in the comments — from tokio's current-thread
// scheduler with a paused clock: the root future runs until it awaits, spawned tasks run FIFO when
// the current one yields, and when nothing is runnable the clock jumps to the earliest timer.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { Machine, install, machine } from "../../src/runtime/machine.js";
import { Deadlock, RustPanic } from "../../src/runtime/panic.js";
import { Composite, MOVED, Ptr, type Moved } from "../../src/runtime/memory.js";
import { DROP, drop_in_place } from "../../src/runtime/drop.js";
import { PENDING, ready, pending, type Context, type Future, type Poll } from "../../src/runtime/task.js";
import {
  Duration,
  Instant,
  block_on,
  futures_join,
  mpsc_channel,
  oneshot_channel,
  interval,
  join_all,
  select,
  sleep,
  timeout,
  tokio_join,
  tokio_main,
  tokio_spawn,
  yield_now,
} from "../../src/runtime/executor.js";

beforeEach(() => install(new Machine({ file: "main.rs" })));
const out = (s: string): void => machine().out(s + "\n");

/** A step of a test-only async body: run code, or await a future (its output goes to `got`). */
type Step = { readonly run: () => void } | { readonly await: () => Future<unknown> };

/** A hand-lowered `async { … }`: a state machine walking `steps`, the awaited future stored inline. */
class Script<T> extends Composite implements Future<T> {
  state = 0;
  __awaitee: Future<unknown> | Moved = MOVED;
  got: unknown = undefined;
  constructor(
    readonly $steps: readonly Step[],
    readonly $result: (got: unknown) => T,
  ) {
    super();
  }
  poll(self: Ptr<this>, cx: Ptr<Context>): Poll<T> {
    self.get("0:0");
    while (this.state < this.$steps.length) {
      const s = this.$steps[this.state]!;
      if ("run" in s) {
        s.run();
        this.state++;
        continue;
      }
      if (this.__awaitee === MOVED) this.__awaitee = s.await();
      const r = (this.__awaitee as Future<unknown>).poll(Ptr.to(this, "__awaitee", "0:0") as Ptr<Future<unknown>>, cx);
      if (r === PENDING) return PENDING;
      this.got = r;
      this.__awaitee = MOVED;
      this.state++;
    }
    return this.$result(this.got);
  }
}

const ms = (n: number): Duration => Duration.from_millis(n);

describe("tokio::spawn + sleep on virtual time", () => {
  it("orders output by virtual deadlines and reports elapsed virtual time", () => {
    // #[tokio::main] async fn main() {
    //     let start = Instant::now();
    //     let a = tokio::spawn(async { sleep(ms(300)).await; println!("a after 300ms"); "a" });
    //     let b = tokio::spawn(async { sleep(ms(100)).await; println!("b after 100ms"); "b" });
    //     println!("spawned both");
    //     sleep(ms(200)).await;
    //     println!("main after 200ms");
    //     let ra = a.await.unwrap(); let rb = b.await.unwrap();
    //     println!("joined {} {} at {:?}", ra, rb, start.elapsed());
    // }
    // Expected: main runs to its first await ("spawned both"); tasks a, b register timers at 300/100;
    // idle → clock 100: b prints; idle → 200: main prints, awaits a; idle → 300: a prints, wakes main.
    let start: Instant | undefined;
    let a: Future<unknown> | undefined;
    let b: Future<unknown> | undefined;
    const root = new Script<void>(
      [
        {
          run: () => {
            start = Instant.now();
            a = tokio_spawn(new Script([{ await: () => sleep(ms(300)) }, { run: () => out("a after 300ms") }], () => "a"), "3:13");
            b = tokio_spawn(new Script([{ await: () => sleep(ms(100)) }, { run: () => out("b after 100ms") }], () => "b"), "4:13");
            out("spawned both");
          },
        },
        { await: () => sleep(ms(200)) },
        { run: () => out("main after 200ms") },
        { await: () => a! },
        { await: () => b! },
        { run: () => out(`joined a b at ${start!.elapsed().fmtDebug()}`) },
      ],
      () => undefined,
    );
    tokio_main(root, "1:1");
    expect(machine().stdoutText).toBe("spawned both\nb after 100ms\nmain after 200ms\na after 300ms\njoined a b at 300ms\n");
  });

  it("a spawned task runs only when main yields, and is dropped when main returns", () => {
    // #[tokio::main] async fn main() {
    //     tokio::spawn(async { println!("task starts"); sleep(ms(1000)).await; println!("never"); });
    //     println!("main before yield");
    //     tokio::task::yield_now().await;
    //     println!("main after yield");
    // }   // the runtime shuts down: the sleeping task is dropped
    class Guard extends Composite {
      [DROP](): void {
        out("task dropped");
      }
    }
    const main = new Script<void>(
      [
        {
          run: () => {
            const task = new Script<void>(
              [{ run: () => out("task starts") }, { await: () => sleep(ms(1000)) }, { run: () => out("never") }],
              () => undefined,
            );
            (task as unknown as { guard: Guard }).guard = new Guard();
            tokio_spawn(task, "2:5");
            out("main before yield");
          },
        },
        { await: () => yield_now() },
        { run: () => out("main after yield") },
      ],
      () => undefined,
    );
    tokio_main(main, "1:1");
    expect(machine().stdoutText).toBe("main before yield\ntask starts\nmain after yield\ntask dropped\n");
  });

  it("tokio::spawn outside a runtime panics with tokio's message", () => {
    expect(() => tokio_spawn(ready(1), "9:5")).toThrow(RustPanic);
    try {
      tokio_spawn(ready(1), "9:5");
    } catch (e) {
      expect((e as RustPanic).payload).toBe("there is no reactor running, must be called from the context of a Tokio 1.x runtime");
    }
  });

  it("timeout: Err(Elapsed) when the deadline comes first", () => {
    const r = tokio_main(timeout(ms(50), sleep(ms(100))), "1:1");
    expect(r.is_err()).toBe(true);
    expect(String(r._0)).toBe("deadline has elapsed");
    const ok = tokio_main(timeout(ms(500), new Script([{ await: () => sleep(ms(100)) }], () => 7)), "2:1");
    expect(ok.unwrap(() => "Elapsed(())")).toBe(7);
  });
});

describe("block_on", () => {
  it("stops with a Deadlock when the future is pending and nothing can wake it", () => {
    expect(() => block_on(pending<number>(), "5:5")).toThrow(Deadlock);
    try {
      block_on(pending<number>(), "5:5");
    } catch (e) {
      expect((e as Deadlock).exitCode).toBe(124);
      expect((e as Deadlock).message).toMatch(/would wait forever/);
    }
  });

  it("re-polls a future that woke itself, and sleeps advance the virtual clock", () => {
    const start = Instant.now();
    const v = block_on(
      new Script([{ await: () => yield_now() }, { await: () => sleep(Duration.from_secs_f64(1.5)) }], () => 3),
      "1:1",
    );
    expect(v).toBe(3);
    expect(start.elapsed().fmtDebug()).toBe("1.5s");
  });

  it("the root future is pinned on block_on's frame and dropped when it returns", () => {
    let inside: Ptr<unknown> | undefined;
    const f = new Script(
      [
        { run: () => (inside = Ptr.to(f, "state", "3:3") as Ptr<unknown>) },
        { await: () => yield_now() },
      ],
      () => 1,
    );
    block_on(f, "1:1");
    expect(() => inside!.get("9:9")).toThrow(/undefined behavior/);
    try {
      inside!.get("9:9");
    } catch (e) {
      expect((e as { report: unknown }).report).toMatchObject({ how: "dropped", invalidatedAt: "1:1", createdAt: "3:3" });
      // dropping a pinned future is the normal end of its pin, not a broken promise
      expect((e as { report: { pinnedAt?: string } }).report.pinnedAt).toBeUndefined();
    }
  });
});

describe("join! and select!", () => {
  const tick = (name: string, n: number): Script<string> =>
    new Script(
      Array.from({ length: n }, (_, i): Step[] => [{ run: () => out(`${name}${i}`) }, { await: () => yield_now() }]).flat(),
      () => name,
    );

  it("futures::join! polls the pending futures in order and returns the outputs in order", () => {
    // join!(tick("a", 2), tick("b", 1)): poll 1: a0 b0; poll 2: a1 (b done); poll 3: a done.
    const r = block_on(futures_join<string>([tick("a", 2), tick("b", 1)]), "1:1");
    expect(r).toEqual(["a", "b"]);
    expect(machine().stdoutText).toBe("a0\nb0\na1\n");
  });

  it("tokio::join! starts one further each poll (tokio's rotation for fairness)", () => {
    // poll 1 starts at 0: a0 b0 c0; poll 2 starts at 1: b1 c1 a1; poll 3 starts at 2: c, a, b (all done).
    block_on(tokio_join<string>([tick("a", 2), tick("b", 2), tick("c", 2)]), "1:1");
    expect(machine().stdoutText).toBe("a0\nb0\nc0\nb1\nc1\na1\n");
  });

  it("join_all returns every output in order", () => {
    expect(block_on(join_all([ready(1), ready(2), ready(3)]), "1:1").a).toEqual([1, 2, 3]);
  });

  it("select! completes with the first ready branch and drops the others", () => {
    class Loud extends Composite implements Future<string> {
      poll(): Poll<string> {
        return PENDING;
      }
      [DROP](): void {
        out("loser dropped");
      }
    }
    const r = tokio_main(select<string>([new Loud(), new Script([{ await: () => sleep(ms(10)) }], () => "timer")]), "1:1");
    expect(r).toEqual({ index: 1, value: "timer" });
    expect(machine().stdoutText).toBe("loser dropped\n");
  });
});

describe("Duration formatting (rust/core_duration.rs)", () => {
  it("{:?} and {:.N?} match the rustc binary", () => {
    const ds = [
      Duration.from_millis(1500),
      Duration.from_millis(300),
      Duration.from_micros(1),
      Duration.from_nanos(100),
      Duration.new(2, 1),
      Duration.from_secs(0),
      Duration.from_secs(60),
      Duration.from_nanos(1_234_567),
      Duration.from_secs_f64(0.1),
      Duration.from_nanos(999_999_999),
      Duration.from_micros(1_999_999),
      Duration.from_millis(250).mul(3),
      Duration.from_secs(1).sub(Duration.from_millis(1)),
    ];
    const expected = readFileSync(new URL("./rust/core_duration.stdout", import.meta.url), "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => l.replace(/ s=.*$/, ""));
    const got = ds.map(
      (d) =>
        `${d.fmtDebug()} ${d.fmtDebug({ precision: 0 })} ${d.fmtDebug({ precision: 2 })} ${d.fmtDebug({ precision: 3 })} ` +
        `${d.fmtDebug({ precision: 12 })} ms=${d.as_millis()}`,
    );
    expect(got).toEqual(expected);
  });

  it("subtraction below zero panics with std's message", () => {
    expect(() => Duration.from_millis(1).sub(Duration.from_millis(2), "4:4")).toThrow("overflow when subtracting durations");
  });
});

describe("the Rust twins", () => {
  it("rust/*.stdout are what the installed rustc's binaries print", (ctx) => {
    if (spawnSync("rustc", ["--version"]).status !== 0) {
      console.log("rustc is not installed: the Rust twins are not re-checked (the checked-in outputs are used)");
      ctx.skip();
    }
    const r = spawnSync("node", [new URL("./rust/check.mjs", import.meta.url).pathname], { encoding: "utf8" });
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.status).toBe(0);
  });
});

describe("a panicking task", () => {
  it("is caught by the runtime: the panic goes to stderr, the JoinHandle gets Err(JoinError::Panic)", () => {
    // #[tokio::main] async fn main() {
    //     let h = tokio::spawn(async { panic!("boom") });
    //     let r: Result<(), JoinError> = h.await;
    //     println!("{:?}", r.unwrap_err().is_panic());
    // }
    // tokio catches the panic of a task (the worker thread prints it) and hands it to the JoinHandle.
    let err = "";
    install(new Machine({ file: "main.rs", stderr: (s) => (err += s) }));
    let h: Future<unknown> | undefined;
    const main = new Script(
      [
        {
          run: () => {
            h = tokio_spawn(new Script([{ run: () => { throw new RustPanic("boom", "2:34"); } }], () => undefined), "2:13");
          },
        },
        { await: () => h! },
      ],
      (got) => got,
    );
    const r = tokio_main(main, "1:1") as { tag: number; _0: { is_panic(): boolean; debug(): string } };
    expect(r.tag).toBe(1);
    expect(r._0.is_panic()).toBe(true);
    expect(r._0.debug()).toBe('JoinError::Panic(Id(1), "boom", ...)');
    expect(err).toContain("thread 'tokio-runtime-worker' panicked at main.rs:2:34:\nboom\n");
  });
});

describe("tokio::time::interval", () => {
  it("ticks at once, then every period, on virtual time", () => {
    // let mut iv = interval(ms(250)); for _ in 0..3 { iv.tick().await; println!("{:?}", start.elapsed()); }
    const iv = interval(ms(250));
    const start = Instant.now();
    const steps: Step[] = [];
    for (let i = 0; i < 3; i++) steps.push({ await: () => iv.tick() }, { run: () => out(start.elapsed().fmtDebug()) });
    tokio_main(new Script(steps, () => undefined), "1:1");
    expect(machine().stdoutText).toBe("0ns\n250ms\n500ms\n");
  });
});

describe("tokio::sync channels", () => {
  it("mpsc: two producers, one consumer; recv gives None once every sender is dropped", () => {
    // #[tokio::main] async fn main() {
    //     let (tx, mut rx) = mpsc::channel(2);
    //     for (id, pause) in [(0, 10), (1, 25)] {
    //         let tx = tx.clone();
    //         tokio::spawn(async move {
    //             for i in 0..3 { tx.send(id * 10 + i).await.unwrap(); sleep(ms(pause)).await; }
    //         });
    //     }
    //     drop(tx);
    //     while let Some(v) = rx.recv().await { println!("got {} at {:?}", v, start.elapsed()); }
    //     println!("all senders gone");
    // }
    // Reasoned: at t=0 both tasks run before main is polled again (tokio runs the queued tasks first):
    // 0 and 10 are queued; then 1 @10, 2 @20, 11 @25; task 0 ends @30, 12 @50, task 1 ends @75 → None.
    const [tx, rx] = mpsc_channel<number>(2);
    const start = Instant.now();
    const steps: Step[] = [
      {
        run: () => {
          for (const [id, pause] of [
            [0, 10],
            [1, 25],
          ] as const) {
            const mine = tx.clone();
            const body: Step[] = [];
            for (let i = 0; i < 3; i++) body.push({ await: () => mine.send(id * 10 + i) }, { await: () => sleep(ms(pause)) });
            body.push({ run: () => drop_in_place(mine) });
            tokio_spawn(new Script(body, () => undefined), "5:9");
          }
          drop_in_place(tx);
        },
      },
    ];
    let received = 0;
    // `while let Some(v) = rx.recv().await { … }` — a hand-written loop future (RecvFuture keeps no state)
    class Consumer extends Composite implements Future<void> {
      poll(_self: Ptr<this>, cx: Ptr<Context>): Poll<void> {
        for (;;) {
          const recv = rx.recv();
          const r = recv.poll(Ptr.temp(recv, "10:40"), cx);
          if (r === PENDING) return PENDING;
          if (r.tag === 0) {
            out("all senders gone");
            return undefined;
          }
          received++;
          out(`got ${r._0} at ${start.elapsed().fmtDebug()}`);
        }
      }
    }
    tokio_main(new Script([...steps, { await: () => new Consumer() }], () => undefined), "1:1");
    expect(received).toBe(6);
    expect(machine().stdoutText).toBe(
      "got 0 at 0ns\ngot 10 at 0ns\ngot 1 at 10ms\ngot 2 at 20ms\ngot 11 at 25ms\ngot 12 at 50ms\nall senders gone\n",
    );
    expect(start.elapsed().fmtDebug()).toBe("75ms");
  });

  it("oneshot: the value arrives; a dropped sender gives Err(RecvError)", () => {
    const [tx, rx] = oneshot_channel<string>();
    const [tx2, rx2] = oneshot_channel<string>();
    const main = new Script<unknown[]>(
      [
        {
          run: () => {
            tokio_spawn(new Script([{ await: () => sleep(ms(5)) }, { run: () => void tx.send("hello") }, { run: () => drop_in_place(tx2) }], () => undefined), "2:1");
          },
        },
        { await: () => rx },
      ],
      (got) => [got],
    );
    const [r] = tokio_main(main, "1:1") as [{ tag: number; _0: unknown }];
    expect(r).toMatchObject({ tag: 0, _0: "hello" });
    const r2 = tokio_main(new Script([{ await: () => rx2 }], (got) => got), "3:1") as { tag: number; _0: { debug(): string } };
    expect(r2.tag).toBe(1);
    expect(r2._0.debug()).toBe("RecvError(())");
  });
});
