// The command line: commander wiring only. Each command lives in its own module and calls the library;
// nothing here holds logic that a test could not reach without the CLI.
//
// Exit codes: 0 success, 1 the program has errors (diagnostics) or `check` found errors, 2 usage or I/O
// error, 101 the Rust program panicked or hit undefined behavior under `run` (as the rustc binary would).
//
// Start-up (DESIGN.md "Performance"): every command, with its arguments and options, is declared here so
// that `pinion --help` and `pinion CMD --help` list them all, but a command's module is imported only
// inside its action, when that command runs. So `pinion explain` loads the diagnostic catalog and no
// compiler, `check` and `inspect` load the pipeline but not the emitter or the runtime, and only
// `compile` loads prettier (and only when it formats). tests/cli/run-startup.test.ts checks what each loads.
//
//   command   module imported on use                what it pulls in
//   compile   ./compile.js (compileFile)             pipeline, check/, emit/ (+ prettier unless --no-format);
//                                                    runtime/ too, as ../compile.ts imports it for `run`
//   run       ./run.js (runCommand)                  pipeline, check/, emit/, runtime/
//   inspect   ./inspect.js (runInspect)              pipeline, coroutine/ renderers, mir/ printer
//   check     ./check.js (runCheck)                  pipeline, check/, diagnostics/ renderers
//   explain   ../diagnostics/catalog.js              the catalog of codes and their explanations

import { Command, CommanderError } from "commander";
// Types only: erased from the JavaScript, so they load nothing.
import type { CheckCliOptions } from "./check.js";
import type { CompileCliOptions } from "./compile.js";
import type { InspectCliOptions } from "./inspect.js";
import type { RunCliOptions } from "./run.js";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const stdout = (s: string) => void process.stdout.write(s);
  const stderr = (s: string) => void process.stderr.write(s);

  const program = new Command()
    .name("pinion")
    .description("Rust's async state machines, made visible: compile, run, inspect and check async fn and Pin")
    .exitOverride()
    .configureOutput({ writeOut: stdout, writeErr: stderr });

  program
    .command("compile")
    .description("compile a Rust program to readable TypeScript state machines")
    .argument("<file>", "a Rust source file")
    .option("-o, --output <path>", "write to this file, or into this directory as NAME.ts")
    .option("--runtime <how>", "`import` (from pinion/runtime), `import:SPECIFIER`, or `inline` (one self-contained file)", "import")
    .option("--lang <lang>", "ts (annotated) or js", "ts")
    .option("--no-format", "do not format with prettier")
    .action(async (path: string, opts: CompileCliOptions) => {
      const { compileFile } = await import("./compile.js");
      setExit(await compileFile(path, opts, { stdout, stderr }));
    });

  program
    .command("run")
    .description("compile a Rust program and run it: its output and exit code are the rustc-built binary's")
    .argument("<file>", "a Rust source file with `fn main`")
    .option("--trace", "print each poll, borrow, move, pin and invalidation on stderr, with source lines")
    .option("--max-steps <n>", "stop the program after this many steps (statements, loop iterations, calls)")
    .action(async (path: string, opts: RunCliOptions) => {
      const { runCommand } = await import("./run.js");
      setExit(runCommand(path, opts));
    });

  program
    .command("inspect")
    .description("show the state machine of each async fn and async block: states, stored locals, self-references")
    .argument("<file>", "a Rust source file")
    .option("--fn <name>", "only the machine with this name (`foo`, `Foo::bar`, `{async block@12:5}`)")
    .option("--format <format>", "text, json, mermaid or dot", "text")
    .option("--dump <what>", "print a pipeline stage instead: mir or liveness")
    .action(async (path: string, opts: InspectCliOptions) => {
      const { runInspect } = await import("./inspect.js");
      setExit(runInspect(path, opts, { stdout, stderr }));
    });

  program
    .command("check")
    .description("check Rust files for futures and self-referential values that are moved, polled or unpinned wrongly")
    .argument("<paths...>", "Rust files, or directories to search for .rs files")
    .option("--format <format>", "human, short, json, sarif or github", "human")
    .option("--color <when>", "never, always or auto (only on a terminal)", "auto")
    .option("--deny <what>", "`warnings`: warnings make the exit code 1", (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option("--verbose", "also show P0001 notes: references held across an `.await`")
    .action(async (paths: string[], opts: CheckCliOptions) => {
      const { runCheck } = await import("./check.js");
      setExit(runCheck(paths, opts, { stdout, stderr, isTTY: process.stderr.isTTY === true, env: process.env }));
    });

  program
    .command("explain")
    .description("print the long explanation of a diagnostic code (e.g. P0101)")
    .argument("[code]", "a diagnostic code such as P0101")
    .option("--list", "list every code with its severity and title")
    .action(async (code: string | undefined, opts: { list?: boolean }) => {
      const { explain, listCodes } = await import("../diagnostics/catalog.js");
      if (opts.list === true) return stdout(listCodes());
      if (code === undefined) {
        stderr(`error: which code? try \`pinion explain P0101\`; the codes are:\n\n${listCodes()}`);
        return setExit(2);
      }
      const text = explain(code);
      if (text === undefined) {
        stderr(`error: \`${code}\` is not a pinion diagnostic code; the codes are:\n\n${listCodes()}`);
        return setExit(2);
      }
      stdout(text);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return exitCode;
}
