// `pinion explain CODE`: the long explanation of a diagnostic code, like `rustc --explain`.

import type { Command } from "commander";
import { explain } from "../diagnostics/catalog.js";

export function registerExplain(program: Command, setExit: (code: number) => void): void {
  program
    .command("explain")
    .description("print the long explanation of a diagnostic code (e.g. P0101)")
    .argument("<code>", "a diagnostic code such as P0101")
    .action((code: string) => {
      const text = explain(code);
      if (text === undefined) {
        process.stderr.write(`error: no explanation for \`${code}\`: not a pinion diagnostic code\n`);
        setExit(2);
        return;
      }
      process.stdout.write(text.endsWith("\n") ? text : text + "\n");
    });
}
