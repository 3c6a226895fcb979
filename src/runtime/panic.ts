// Panics and undefined behavior: the two ways a run stops early, both with exit code 101.
//
// A panic prints what a debug rustc binary prints on stderr:
//   thread 'main' panicked at main.rs:5:13:
//   attempt to add with overflow
//   note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
// Undefined behavior (a read or write through a pointer whose place was moved or went away) is
// reported by the runner with the access, the borrow, the move and the pin, each as file:LINE:COL.

import { machine, type Loc } from "./machine.js";

export class RustPanic extends Error {
  constructor(
    /** The panic message, as `panic!` formatted it. */
    readonly payload: string,
    readonly loc: Loc,
  ) {
    super(payload);
  }
}

/** `panic!` at `loc`. */
export function panic(message: string, loc?: Loc): never {
  throw new RustPanic(message, loc ?? machine().loc);
}

/** What the program tried through the pointer: read or write the pointee, or reborrow it (`&*p`). */
export type Access = "read" | "write" | "borrow";

export interface UbReport {
  readonly access: Access;
  /** Where the dangling pointer was used. */
  readonly at: Loc;
  /** Where the pointer was created (the borrow or the `as *const _`). */
  readonly createdAt: Loc;
  /** The move (or swap, replace, end of scope) that invalidated it. */
  readonly invalidatedAt: Loc;
  /** What invalidated it, in words: "moved", "swapped", "replaced", "went out of scope". */
  readonly how: string;
  /** Where the moved value had been pinned, if it had. */
  readonly pinnedAt?: Loc;
  /** A description of the place, e.g. "`name` in the future of `greet`". */
  readonly place?: string;
  /** For accesses that fail for another reason than a move (out of bounds, not from a box): why. */
  readonly detail?: string;
}

export class UndefinedBehavior extends Error {
  constructor(readonly report: UbReport) {
    super(`undefined behavior: ${report.access} through a dangling pointer`);
  }
}

/** The text printed on stderr for a panic, as the Rust binary prints it. */
export function panicMessage(p: RustPanic, file: string, thread = "main"): string {
  return (
    `\nthread '${thread}' panicked at ${file}:${p.loc}:\n${p.payload}\n` +
    "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
  ).slice(1);
}

/**
 * The program would wait forever: a `block_on` whose future returned `Pending` with nothing left that
 * could wake it (no wake recorded, no timer, no runnable task), or a `Mutex` locked twice by the one
 * thread. The Rust binary hangs; pinion stops instead, prints `message` on stderr and exits with
 * `exitCode` (124, what `timeout(1)` reports for a program that had to be killed).
 */
export class Deadlock extends Error {
  readonly exitCode = 124;
  constructor(
    message: string,
    readonly loc: Loc,
  ) {
    super(message);
  }
}
