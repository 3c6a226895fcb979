// `pinion run FILE [--trace] [--max-steps N]`: compiles the program and runs `main`, printing what the
// rustc-built binary prints and exiting with its exit code.
//
//   $ pinion run examples/01_self_referential_future.rs
//   $ pinion run --trace examples/10_executor_timeline.rs    every poll, borrow, move, pin and
//                                                             invalidation on stderr, with source lines
//
// Exit codes: the program's (0, 101 for a panic or undefined behavior, process::exit's code, 1 for
// `main` returning `Err`, 124 for a deadlock or an exhausted step budget); 1 when the program has
// errors and is not run; 2 usage or I/O errors.

import { readFileSync } from "node:fs";
import { Session } from "../pipeline.js";
import { run } from "../compile.js";
import { renderDiagnostics } from "../diagnostics/index.js";
import { traceLine } from "../runtime/memory.js";

export interface RunCliOptions {
  readonly trace?: boolean;
  readonly maxSteps?: string;
}

export interface RunIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly color: boolean;
}

/**
 * The command as the CLI runs it (src/cli/index.ts imports this module only when `run` is asked for):
 * `runFile` on the process's stdout and stderr. The program's stdout is buffered — a program that prints
 * in a loop would otherwise pay for one write per `println!` — and flushed before anything goes to
 * stderr, so that the two streams interleave as the program wrote them.
 */
export function runCommand(path: string, opts: RunCliOptions): number {
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.splice(0).join(""));
  };
  try {
    return runFile(path, opts, {
      stdout: (s) => {
        out.push(s);
        if (out.length > 4096) flush();
      },
      stderr: (s) => {
        flush();
        process.stderr.write(s);
      },
      color: process.stderr.isTTY === true && !process.env["NO_COLOR"],
    });
  } finally {
    // Also when pinion itself fails (an internal error, exit 70): what the program printed before the
    // failure is shown before the report, as an unbuffered program's output would be.
    flush();
  }
}

/** The whole command with its I/O passed in; returns the exit code. */
export function runFile(path: string, opts: RunCliOptions, io: RunIo, session = new Session()): number {
  let maxSteps: number | undefined;
  if (opts.maxSteps !== undefined) {
    maxSteps = Number(opts.maxSteps);
    if (!Number.isSafeInteger(maxSteps) || maxSteps <= 0) {
      io.stderr(`error: --max-steps expects a positive whole number, not \`${opts.maxSteps}\`\n`);
      return 2;
    }
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    io.stderr(`error: cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const file = path.split(/[\\/]/).pop()!;
  const r = run(session, path, text, {
    stdout: io.stdout,
    stderr: io.stderr,
    maxSteps,
    trace: opts.trace
      ? (ev) => {
          const line = traceLine(ev, file, text);
          if (line) io.stderr(`${line}\n`);
        }
      : undefined,
  });
  if (r.diagnostics.length) {
    io.stderr(renderDiagnostics("human", [{ file: r.analysis.file, diagnostics: [...r.diagnostics] }], { color: io.color }));
  }
  return r.exitCode;
}
