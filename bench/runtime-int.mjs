#!/usr/bin/env node
// Micro-benchmark: the runtime's checked integer arithmetic against plain JS arithmetic.
//
//   npm run build && node bench/runtime-int.mjs
//
// Each loop sums a sequence the way emitted code does (`int_add(INT.i32, acc, x, loc)`), next to the
// same loop with plain JS (`(acc + x) | 0`, which wraps instead of panicking — the cheapest possible
// baseline) and, for u64, next to BigInt arithmetic (what a naive "64-bit means bigint" runtime pays).
// Prints ns per operation and the ratio to the plain loop. The same process runs both sides.

import { performance } from "node:perf_hooks";
import * as R from "../dist/runtime/std.js";

const { INT, int_add, int_mul, int_sub, i32_add, i32_mul, i32_sub, u64_add, usize_add, range } = R;
const N = 20_000_000;

function time(label, fn) {
  fn(1000); // warm up
  fn(N / 10);
  const t0 = performance.now();
  const r = fn(N);
  const ns = ((performance.now() - t0) * 1e6) / N;
  return { label, ns, r };
}

// The whole table runs three times; the last round is reported (the first rounds let V8 settle its
// optimisation of the shared runtime functions, as a long-running program would).
const ROWS = [
  ["plain JS i32 add ((a + b) | 0)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = (acc + ((i & 1023) - 511)) | 0;
    return acc;
  }],
  ["int_add(INT.i32) (checked)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = int_add(INT.i32, acc, (i & 1023) - 511, "1:1");
    return acc;
  }],
  ["i32_add (checked, per-kind function)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = i32_add(acc, (i & 1023) - 511, "1:1");
    return acc;
  }],
  ["plain JS i32 mul/sub", (n) => {
    let acc = 1;
    for (let i = 0; i < n; i++) acc = ((Math.imul(acc, 3) | 0) - (i & 7)) & 0xffff;
    return acc;
  }],
  ["int_mul + int_sub(INT.i32) (checked)", (n) => {
    let acc = 1;
    for (let i = 0; i < n; i++) acc = int_sub(INT.i32, int_mul(INT.i32, acc, 3, "1:1"), i & 7, "1:1") & 0xffff;
    return acc;
  }],
  ["i32_mul + i32_sub (checked, per-kind functions)", (n) => {
    let acc = 1;
    for (let i = 0; i < n; i++) acc = i32_sub(i32_mul(acc, 3, "1:1"), i & 7, "1:1") & 0xffff;
    return acc;
  }],
  ["plain JS number add (u64 values below 2^53)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = acc + i;
    return acc;
  }],
  ["int_add(INT.u64) (checked, number fast path)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = int_add(INT.u64, acc, i, "1:1");
    return acc;
  }],
  ["u64_add (checked, per-kind function)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = u64_add(acc, i, "1:1");
    return acc;
  }],
  ["usize_add (checked, per-kind function)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = usize_add(acc, i, "1:1");
    return acc;
  }],
  ["BigInt u64 add with asUintN (naive baseline)", (n) => {
    let acc = 0n;
    for (let i = 0; i < n; i++) acc = BigInt.asUintN(64, acc + BigInt(i));
    return acc;
  }],
  ["for (let i = 0; i < n; i++) (plain loop)", (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += i & 1;
    return acc;
  }],
  ["range(INT.i32, 0, n) with nextRaw (for x in 0..n as an iterator)", (n) => {
    let acc = 0;
    const it = range(INT.i32, 0, n);
    for (let v = it.nextRaw(); v !== R.DONE; v = it.nextRaw()) acc += v & 1;
    return acc;
  }],
];
const suite = () => ROWS.map(([label, fn]) => time(label, fn));
suite();
suite();
const results = suite();

const base = { i32: results[0].ns, mul: results[3].ns, u64: results[6].ns, loop: results[11].ns };
const ratioBase = [base.i32, base.i32, base.i32, base.mul, base.mul, base.mul, base.u64, base.u64, base.u64, base.u64, base.u64, base.loop, base.loop];
console.log(`checked integer arithmetic, ${N.toLocaleString()} operations per row (node ${process.version})`);
results.forEach((r, i) => {
  const ratio = r.ns / ratioBase[i];
  console.log(`  ${r.label.padEnd(68)} ${r.ns.toFixed(2).padStart(7)} ns/op  ${ratio.toFixed(2).padStart(6)}x`);
});
