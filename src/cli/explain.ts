// `pinion explain CODE`: the long explanation of a diagnostic code, like `rustc --explain`.
// `pinion explain --list`: every code with its severity and title.
//
//   $ pinion explain P0104        the explanation, exit 0
//   $ pinion explain P9999        "error: `P9999` is not a pinion diagnostic code" + the known codes, exit 2
//   $ pinion explain              "error: which code?" + the known codes, exit 2

import type { Command } from "commander";
import { explain, listCodes } from "../diagnostics/catalog.js";

export function registerExplain(program: Command, setExit: (code: number) => void): void {
  program
    .command("explain")
    .description("print the long explanation of a diagnostic code (e.g. P0101)")
    .argument("[code]", "a diagnostic code such as P0101")
    .option("--list", "list every code with its severity and title")
    .action((code: string | undefined, options: { list?: boolean }) => {
      if (options.list === true) {
        process.stdout.write(listCodes());
        return;
      }
      if (code === undefined) {
        process.stderr.write(`error: which code? try \`pinion explain P0101\`; the codes are:\n\n${listCodes()}`);
        setExit(2);
        return;
      }
      const text = explain(code);
      if (text === undefined) {
        process.stderr.write(`error: \`${code}\` is not a pinion diagnostic code; the codes are:\n\n${listCodes()}`);
        setExit(2);
        return;
      }
      process.stdout.write(text);
    });
}
