#!/usr/bin/env node
// Micro-benchmark: `println!` through the runtime's format machinery against a JS template literal.
//
//   npm run build && node bench/runtime-fmt.mjs

import { performance } from "node:perf_hooks";
import * as R from "../dist/runtime/std.js";
import { Machine, install } from "../dist/runtime/machine.js";

let bytes = 0;
install(new Machine({ file: "main.rs", stdout: (s) => (bytes += s.length) }));
const { T } = R;
// println!("x = {}, y = {:?}", i, f)
const P = ["x = ", { arg: 0 }, ", y = ", { arg: 1, spec: { trait: "?" } }, "\n"];
// println!("[{:>8.3}] {:?}", f, v)
const Q = ["[", { arg: 0, spec: { align: ">", width: R.lit(8), precision: R.lit(3) } }, "] ", { arg: 1, spec: { trait: "?" } }, "\n"];
const N = 300_000;
const v = R.vec_of([1, 2, 3]);

const rows = [
  ['println!("x = {}, y = {:?}", i, f)', () => {
    for (let i = 0; i < N; i++) R.print(R.fmt_args(P, [R.arg(i, T.i32), R.arg(i * 0.5, T.f64)]));
  }],
  ["the same with a template literal", () => {
    for (let i = 0; i < N; i++) bytes += `x = ${i}, y = ${i * 0.5}\n`.length;
  }],
  ['println!("[{:>8.3}] {:?}", f, vec![1, 2, 3])', () => {
    for (let i = 0; i < N; i++) R.print(R.fmt_args(Q, [R.arg(i / 7, T.f64), R.arg(v, T.vec(T.i32))]));
  }],
];

let results = [];
for (let round = 0; round < 3; round++) {
  results = rows.map(([label, fn]) => {
    const t0 = performance.now();
    fn();
    return [label, ((performance.now() - t0) * 1e6) / N];
  });
}
console.log(`formatting, ${N.toLocaleString()} lines per row (node ${process.version})`);
for (const [label, ns] of results) console.log(`  ${label.padEnd(48)} ${ns.toFixed(0).padStart(6)} ns/line`);
