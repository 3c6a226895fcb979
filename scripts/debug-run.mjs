#!/usr/bin/env node
// Development aid: emits a program as a JS module next to the runtime (dist/.debug/NAME.mjs) and runs
// it, so that stack traces point at readable lines of the emitted code.
//   node scripts/debug-run.mjs FILE.rs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Session, sourceFile } from "../dist/pipeline.js";
import { emitProgram } from "../dist/emit/index.js";
import * as rt from "../dist/runtime/index.js";

const path = process.argv[2];
const a = new Session().analyze(sourceFile(path, readFileSync(path, "utf8")));
const e = emitProgram(a, { flavour: "js", entry: "standalone", instrument: true, runtimeImport: "../runtime/index.js" });
if (e.code === undefined) {
  console.error(e.diagnostics.map((d) => d.message).join("\n"));
  process.exit(1);
}
mkdirSync("dist/.debug", { recursive: true });
const out = resolve(`dist/.debug/${basename(path, ".rs")}.mjs`);
writeFileSync(out, e.code.replace(/^rt\.run_main\(main, (.*)\);$/m, "export const $spec = $1;"));
const mod = await import(pathToFileURL(out).href);
const m = new rt.Machine({ file: basename(path), stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
rt.install(m);
try {
  let r = mod.main();
  if (mod.$spec.async) r = rt.tokio_main(r, "0:0");
} catch (err) {
  if (err instanceof rt.UndefinedBehavior) console.error(rt.formatUbReport(err.report, basename(path), readFileSync(path, "utf8")));
  else throw err;
}
