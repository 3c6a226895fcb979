// pinion's layouts against rustc's for every async program of tests/run-pass, tests/ub and the
// tests/ui cases rustc compiles (rustc's answers checked in as wide.layout.json by wide-layouts.mjs).
// A program edited since its layouts were recorded is reported as stale and not compared: run
// `node tests/coroutine/wide-layouts.mjs --write` where nightly rustc exists.
//
// Every machine must match except the KNOWN_GAPS, each with the reason; a gap that starts to match
// fails ("now matches: remove it") so the list stays true.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inspectJson } from "../../src/coroutine/render.js";
import { printTy } from "../../src/resolve/index.js";
import { compareMachine, type RustcMachine } from "../layout/compare.js";
import { runPipeline } from "./pipeline.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const recorded = JSON.parse(readFileSync(join(here, "wide.layout.json"), "utf8")) as Record<string, { sha1: string; layouts: Record<string, RustcMachine> }>;

/** `file machine` → why pinion differs from rustc today. */
const KNOWN_GAPS: Record<string, string> = {
  "tests/run-pass/await_in_match_iflet.rs interpret":
    "FIXME(mir builder, match lowering): arms are tested one after the other, so the `&cmd` a guard takes on the `Cmd::Get` arm reaches the `Cmd::Add` arm's await, and `cmd` is stored there; rustc switches on the discriminant once and a failed guard only falls through to the next arm of the same variant. (The guard also reads `_16 k`, the arm's by-value binding, before it is assigned, instead of the by-ref guard binding.)",
  "tests/run-pass/async_trait_object_manual.rs pipeline":
    "FIXME(mir builder, assignment): `current = next` drops the old value with `drop(current) -> [return, unwind: shared cleanup]`; rustc's unwind edge re-assigns `current = move next` in a cleanup block first, so `current` is always owned in the shared cleanup. pinion's cleanup sees it maybe-dropped and needs a drop flag that is live at the await (one temp too many)",
};

const stale: string[] = [];
describe("rustc's layouts of the other async test programs", () => {
  for (const [file, entry] of Object.entries(recorded)) {
    const path = join(root, file);
    const text = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const current = text !== undefined && createHash("sha1").update(text).digest("hex") === entry.sha1;
    if (!current) stale.push(file);
    describe.skipIf(!current)(file, () => {
      let machines: ReturnType<typeof inspectJson>["machines"] | undefined;
      const get = () => {
        if (!machines) {
          const r = runPipeline(file.split("/").pop()!, text!);
          machines = inspectJson(r.layouts, { source: r.file, printTy: (t) => printTy(r.program.tcx, t) }).machines;
        }
        return machines;
      };
      for (const [name, layout] of Object.entries(entry.layouts)) {
        const gap = KNOWN_GAPS[`${file} ${name}`];
        it(gap ? `${name} (known gap)` : name, () => {
          const problems = compareMachine(name, layout, get());
          if (gap) expect(problems, `${file} ${name} now matches rustc: remove it from KNOWN_GAPS`).not.toEqual([]);
          else expect(problems).toEqual([]);
        });
      }
    });
  }
  it("says which programs changed since their layouts were recorded", () => {
    if (stale.length) console.log(`wide.test.ts: ${stale.length} programs changed or gone since wide.layout.json was made (not compared): ${stale.join(", ")}`);
    expect(stale.length).toBeLessThan(Object.keys(recorded).length);
  });
});
