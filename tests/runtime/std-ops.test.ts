// Integer, float, string, collection, Option/Result and iterator operations against rustc: each case
// of std-cases/ops.cases.mjs is evaluated by the runtime, formatted with `{:?}`, and compared with the
// line the rustc-built program printed (std-cases/ops_cases.stdout). Panics compare by message.

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as R from "../../src/runtime/std.js";
import * as C from "../../src/runtime/core.js";
import { RustPanic } from "../../src/runtime/panic.js";
import { Machine, install } from "../../src/runtime/machine.js";
import { opsCases, setHarnessPoint } from "./std-cases/ops.cases.mjs";
import { opsProgram } from "./std-cases/generate.mjs";
import { PointT } from "./std-cases/harness.js";

const dir = new URL("./std-cases/", import.meta.url);
const lines = readFileSync(new URL("ops_cases.stdout", dir), "utf8").split("\n");
setHarnessPoint(PointT);
const cases = opsCases(R, (v: unknown, t: R.TypeDesc<unknown>) => R.debug_string(v, t), C);

/** Runs a case on a fresh machine; what it prints comes first, as on rustc's stdout. */
function run(i: number, thunk: () => string): string {
  let printed = "";
  install(new Machine({ file: "ops.rs", stdout: (s) => (printed += s) }));
  let result: string;
  try {
    result = thunk();
  } catch (e) {
    if (!(e instanceof RustPanic)) throw e;
    result = `PANIC ${R.debug_string(e.payload, R.T.str)}`;
  }
  return `${printed}${i}: ${result}`;
}

test("the checked-in Rust program is the one generated from the case list", () => {
  expect(readFileSync(new URL("ops_cases.rs", dir), "utf8")).toBe(opsProgram());
  expect(lines.length).toBe(cases.length + 1);
});

describe("operations match rustc", () => {
  const matched = cases.map((c, i) => [i, c[0], c[1]] as const).filter(([i]) => (cases[i] as unknown[]).length === 2);
  test.each(matched)("#%i %s", (i, _rust, thunk) => {
    expect(run(i, thunk)).toBe(lines[i]);
  });
});

describe("known gaps (expected to differ from rustc until fixed)", () => {
  cases.forEach((c, i) => {
    if (c.length !== 3) return;
    test.fails(`#${i} ${c[2].gap}: ${c[0]}`, () => {
      expect(run(i, c[1])).toBe(lines[i]);
    });
  });
});
