// Running `main`: what the Rust runtime does around a program's `fn main`, and how each way a run can
// end becomes an exit code and a message on stderr.
//
//   [rust]                                   [ends as]
//   fn main() { println!("hi"); }            stdout "hi\n", exit 0
//   fn main() { panic!("boom"); }            stderr "thread 'main' panicked at foo.rs:1:13:\nboom\n…", exit 101
//   fn main() -> Result<(), E> { Err(e)? }   stderr "Error: {e:?}\n", exit 1 (the `Termination` impl)
//   std::process::exit(3)                    exit 3
//   a read through a dangling pointer        stderr the undefined-behavior report, exit 101
//   block_on on a future nobody wakes        stderr "error: deadlock: …", exit 124 (the binary hangs)
//   more steps than --max-steps              stderr "error: … ran for more than N steps", exit 124
//   #[tokio::main] async fn main()           the future that `main()` returns, run by `tokio_main`
//
// Emitted code ends with `rt.run_main(main, { … })` when it is a standalone program; `pinion run`
// calls `runMain` with its own machine (so that it can capture output and trace).

import { Machine, install, StepLimitExceeded, type MachineOptions } from "./machine.js";
import { Deadlock, RustPanic, UndefinedBehavior, panicMessage } from "./panic.js";
import { formatUbReport } from "./memory.js";
import { tokio_main } from "./executor.js";
import { ProcessExit } from "./glue.js";
import { debug_string } from "./fmt.js";
import type { Future } from "./task.js";
import type { TypeDesc } from "./types.js";

export interface MainSpec {
  /** The Rust file name as reports print it (`foo.rs`). */
  readonly file: string;
  /** `#[tokio::main] async fn main`: `main()` returns a future to run to completion. */
  readonly async?: boolean;
  /** `fn main() -> Result<(), E>`: the descriptor of `E`, to print `Error: {e:?}`. */
  readonly errType?: TypeDesc<unknown>;
  /** Where `main` is declared (`"LINE:COL"`), for the executor's reports. */
  readonly loc?: string;
  /** The Rust source, for the source lines in undefined-behavior reports (optional). */
  readonly source?: string;
}

/**
 * Runs `main` on machine `m` and returns the exit code; output goes through the machine. Errors that
 * are not the program's (a bug in pinion) are rethrown.
 */
export function runMain(main: () => unknown, spec: MainSpec, m: Machine): number {
  install(m);
  try {
    let ret = main();
    if (spec.async) ret = tokio_main(ret as Future<unknown>, spec.loc ?? "0:0");
    if (spec.errType && isErr(ret)) {
      m.err(`Error: ${debug_string(ret._0, spec.errType)}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    return exitOf(e, spec, m);
  }
}

/** The exit code (and stderr text) of a run that ended by throwing `e`. */
export function exitOf(e: unknown, spec: MainSpec, m: Machine): number {
  if (e instanceof RustPanic) {
    m.err(panicMessage(e, spec.file));
    return 101;
  }
  if (e instanceof UndefinedBehavior) {
    m.err(formatUbReport(e.report, spec.file, spec.source ?? ""));
    return 101;
  }
  if (e instanceof ProcessExit) return e.code;
  if (e instanceof Deadlock) {
    m.err(`error: deadlock: ${e.message}\n  --> ${spec.file}:${e.loc}\n`);
    return e.exitCode;
  }
  if (e instanceof StepLimitExceeded) {
    m.err(
      `error: the program ran for more than ${e.limit} steps and was stopped\n  --> ${spec.file}:${e.loc}\n` +
        "  = help: raise the budget with `--max-steps N` if the program is meant to run this long\n",
    );
    return 124;
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    // A Rust binary overflows its 8 MiB main stack and is killed by SIGSEGV after this message.
    m.err(`\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n`);
    return 134;
  }
  throw e;
}

function isErr(v: unknown): v is { tag: 1; _0: unknown } {
  return typeof v === "object" && v !== null && (v as { tag?: unknown }).tag === 1 && "_0" in v;
}

/**
 * The entry point of a standalone emitted program: runs `main` with stdout and stderr of this process
 * and sets the process's exit code.
 */
export function run_main(main: () => unknown, spec: MainSpec, opts: Partial<MachineOptions> = {}): void {
  const out: string[] = [];
  const m = new Machine({ file: spec.file, stdout: (s) => out.push(s), stderr: (s) => process.stderr.write(s), ...opts });
  let code: number;
  try {
    code = runMain(main, spec, m);
  } finally {
    process.stdout.write(out.join(""));
  }
  process.exitCode = code;
}
