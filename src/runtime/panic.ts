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

export type Access = "read" | "write";

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
