// Formatting, byte for byte against rustc: every case of std-cases/fmt.cases.mjs is formatted by the
// runtime and compared with what the rustc-built program printed (std-cases/fmt_cases.stdout,
// regenerated and verified by `node scripts/runtime-cases.mjs --write|--check`).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { FMT_CASES } from "./std-cases/fmt.cases.mjs";
import { RECORD_END, fmtProgram } from "./std-cases/generate.mjs";
import { formatCase } from "./std-cases/harness.js";

const dir = new URL("./std-cases/", import.meta.url);
const expected = readFileSync(new URL("fmt_cases.stdout", dir), "utf8").split(RECORD_END);

test("the checked-in Rust program is the one generated from the case list", () => {
  expect(readFileSync(new URL("fmt_cases.rs", dir), "utf8")).toBe(fmtProgram());
  expect(expected.length).toBe(FMT_CASES.length + 1);
});

describe("format! matches rustc", () => {
  test.each(FMT_CASES.map((c, i) => [i, c] as const))("#%i format!(%s)", (i, c) => {
    expect(formatCase(c)).toBe(expected[i]);
  });
});
