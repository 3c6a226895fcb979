// Float formatting against rustc on a seeded sample of bit patterns (std-cases/generate.mjs): random
// f64/f32 patterns, moderate magnitudes, short decimals and their neighbours, powers of two and
// subnormals, each with Display, Debug, `{:e}`, `{:.3}`, `{:.1e}`, `{:.0}`, `{:+.5?}` (and `as f32`).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as R from "../../src/runtime/std.js";
import { FLOAT_FORMATS, f32Samples, f64Samples, floatProgram } from "./std-cases/generate.mjs";
import { parseFormat } from "./std-cases/harness.js";

const dir = new URL("./std-cases/", import.meta.url);
const lines = readFileSync(new URL("float_cases.stdout", dir), "utf8").split("\n");
const f64s: bigint[] = f64Samples();
const f32s: number[] = f32Samples();
const pieces = parseFormat(FLOAT_FORMATS, new Map());
const { T } = R;

function show(x: number, t: R.TypeDesc<number>): string {
  const args = Array.from({ length: 7 }, () => R.arg(x, t));
  return R.format_string(R.fmt_args(pieces, args));
}

test("the checked-in Rust program is the one generated from the samples", () => {
  expect(readFileSync(new URL("float_cases.rs", dir), "utf8")).toBe(floatProgram());
  expect(lines.length).toBe(f64s.length + f32s.length + 1);
});

describe("f64 formatting matches rustc", () => {
  test.each(f64s.map((b, i) => [b.toString(16), i] as const))("f64 0x%s", (_hex, i) => {
    const x = R.f64_from_bits(f64s[i] as bigint);
    expect(`${show(x, T.f64)} ${R.debug_string(R.f64_to_f32(x), T.f32)}`).toBe(lines[i]);
  });
});

describe("f32 formatting matches rustc", () => {
  test.each(f32s.map((b, i) => [b.toString(16), i] as const))("f32 0x%s", (_hex, i) => {
    const x = R.f32_from_bits(f32s[i] as number);
    expect(show(x, T.f32)).toBe(lines[f64s.length + i]);
  });
});
