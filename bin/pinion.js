#!/usr/bin/env node
// The command-line entry point: everything lives in dist/cli (built from src/cli by `npm run build`).
import { main } from "../dist/cli/index.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`internal error: ${err && err.stack ? err.stack : err}\nplease report this as a bug in pinion\n`);
    process.exitCode = 70;
  },
);
