// The command line: commander wiring only. Each command lives in its own module and calls the library
// (src/index.ts); nothing here holds logic that a test could not reach without the CLI.
//
// Exit codes: 0 success, 1 the program has errors (diagnostics) or `check` found errors, 2 usage or I/O
// error, 101 the Rust program panicked or hit undefined behavior under `run` (as the rustc binary would).

import { Command, CommanderError } from "commander";
import { registerExplain } from "./explain.js";
import { registerInspect } from "./inspect.js";
import { registerCheck } from "./check.js";
import { registerRun } from "./run.js";
import { registerCompile } from "./compile.js";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("pinion")
    .description("Rust's async state machines, made visible: compile, run, inspect and check async fn and Pin")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerCompile(program, setExit);
  registerRun(program, setExit);
  registerInspect(program, setExit);
  registerCheck(program, setExit);
  registerExplain(program, setExit);
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
