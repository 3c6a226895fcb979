// The simulated process that emitted code runs in.
//
// A Rust binary has one stdout, one stderr, one address space and one set of statics; so does a run of
// emitted code. All of it lives in one `Machine` value, installed with `install()` before `main` runs
// and read by runtime functions through `machine()`. The compiler itself has no module-level mutable
// state; this module holds exactly one slot, for the process being simulated.
//
// Locations: runtime functions that can panic or report undefined behavior take a `Loc`, the
// `"LINE:COL"` of the Rust expression, in the file named by `Machine.file`. Emitted code also keeps
// `Machine.loc` at the statement being executed (`tick`), which is what a report falls back to.

import type { Reactor } from "./executor.js";

export type Loc = string;

export interface TraceEvent {
  readonly kind: "poll" | "ready" | "pending" | "borrow" | "move" | "pin" | "invalidate" | "drop" | "step";
  readonly loc: Loc;
  readonly text: string;
}

export interface MachineOptions {
  /** The Rust file's name as reports print it (`foo.rs`). */
  readonly file: string;
  readonly stdout?: (s: string) => void;
  readonly stderr?: (s: string) => void;
  /** Stop a runaway program after this many steps (statements / loop iterations / calls). */
  readonly maxSteps?: number;
  readonly trace?: (event: TraceEvent) => void;
}

export const DEFAULT_MAX_STEPS = 50_000_000;

/** Stack addresses count down from here, heap addresses up from `HEAP_BASE`: they print like Rust's. */
const STACK_TOP = 0x7ffc_8a3f_f000;
const HEAP_BASE = 0x5612_4c0e_0000;

export class Machine {
  readonly file: string;
  readonly maxSteps: number;
  readonly trace: ((event: TraceEvent) => void) | undefined;
  steps = 0;
  /** The statement being executed, `"LINE:COL"`. */
  loc: Loc = "0:0";
  private nextStack = STACK_TOP;
  private nextHeap = HEAP_BASE;
  private readonly outChunks: string[] = [];
  private readonly writeOut: (s: string) => void;
  private readonly writeErr: (s: string) => void;
  /** Statics and thread-locals, by their emitted name, initialised on first use. */
  readonly statics = new Map<string, unknown>();
  /** The executors' shared state — virtual clock, timers, spawned tasks (executor.ts), made on first use. */
  reactor: Reactor | undefined = undefined;

  constructor(opts: MachineOptions) {
    this.file = opts.file;
    this.maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    this.trace = opts.trace;
    this.writeOut = opts.stdout ?? ((s) => this.outChunks.push(s));
    this.writeErr = opts.stderr ?? ((s) => process.stderr.write(s));
  }

  /** Everything printed to stdout when no `stdout` callback was given. */
  get stdoutText(): string {
    return this.outChunks.join("");
  }

  out(s: string): void {
    this.writeOut(s);
  }

  err(s: string): void {
    this.writeErr(s);
  }

  /** A fresh stack address for `size` bytes (8-aligned). */
  stackAddr(size: number): number {
    this.nextStack -= Math.max(8, (size + 7) & ~7);
    return this.nextStack;
  }

  /** A fresh heap address for `size` bytes (16-aligned, like malloc). */
  heapAddr(size: number): number {
    const a = this.nextHeap;
    this.nextHeap += Math.max(16, (size + 15) & ~15);
    return a;
  }

  /** `file:LINE:COL` of a location in the running program. */
  where(loc: Loc): string {
    return `${this.file}:${loc}`;
  }

  /** Counts one step and remembers where the program is; stops a runaway program. */
  tick(loc: Loc): void {
    this.loc = loc;
    if (++this.steps > this.maxSteps) throw new StepLimitExceeded(this.maxSteps, loc);
    if (this.trace) this.trace({ kind: "step", loc, text: "" });
  }
}

/** Thrown when a program runs longer than `--max-steps`. */
export class StepLimitExceeded extends Error {
  constructor(
    readonly limit: number,
    readonly loc: Loc,
  ) {
    super(`the program ran for more than ${limit} steps`);
  }
}

let current: Machine | undefined;

/**
 * The running process's `trace` callback, or `undefined`: what the hot paths test (`if (tracer)`) —
 * reading it is one load, where `machine().trace` costs V8 a few nanoseconds (a pointer borrowed on
 * every poll of a loop checks it each time). Set by `install`, with the machine.
 */
export let tracer: ((event: TraceEvent) => void) | undefined = undefined;

/** Makes `m` the running process. */
export function install(m: Machine): void {
  current = m;
  tracer = m.trace;
}

export function machine(): Machine {
  if (!current) current = new Machine({ file: "main.rs" });
  return current;
}
