// `pinion inspect --dump liveness`: the dataflow behind a layout, printed so a reader can check each
// step of rustc's rule by hand. For each block, the locals live at its entry and at its exit; for each
// `await`, the four sets the layout is made of.
//
// Example (tests/layout/README.md's `foo`; tests/coroutine/dump.test.ts has the whole body):
//
//     liveness of foo (async fn)
//     bb0:  live in {}  live out {}
//     bb1:  live in {_3 s}  live out {_3 s, _4 r}
//     bb2:  live in {_3 s, _4 r, _5 __awaitee}  live out {_3 s, _4 r}
//       await _5 __awaitee → Suspend0 (main.rs:1:72)
//         live              {_3 s, _4 r, _5 __awaitee}
//         borrowed          {_3 s}
//         requires storage  {_2, _3 s, _4 r, _5 __awaitee}
//         saved             {_3 s, _4 r, _5 __awaitee}
//
// "live out" is the join of the successors' "live in" after the edge effects: bb0 ends with
// `_3 = String::from(…) -> [return: bb1, …]`, and the return edge defines `_3`, so `s` is live into
// bb1 but not out of bb0. The await's "live" is before it: what it polls (`__awaitee`) included.
// `saved` = (live ∪ borrowed) ∩ requires storage − the arguments; see layout.ts.

import type { SourceFile } from "../syntax/source.js";
import type { Body } from "../mir/types.js";
import { localLabel } from "../mir/pretty.js";
import type { BitSet } from "./bitset.js";
import { blockEndState, blockStartState } from "./dataflow.js";
import type { LivenessInfo } from "./layout.js";

export interface LivenessDumpOptions {
  /** For `main.rs:LINE:COL` of each await. */
  readonly source?: SourceFile;
}

export function dumpLiveness(body: Body, info: LivenessInfo, opts: LivenessDumpOptions = {}): string {
  const kind = body.kind === "asyncFn" ? "async fn" : body.kind === "asyncBlock" ? "async block" : body.kind;
  const lines = [`liveness of ${body.name} (${kind})`];
  const set = (s: BitSet) => `{${s.toArray().map((l) => localLabel(body, l)).join(", ")}}`;
  const stateOf = new Map(info.suspendPoints.map((p, n) => [p.block, { p, n }]));
  body.blocks.forEach((block, b) => {
    const entry = blockStartState(info.liveness, b);
    const exit = blockEndState(info.liveness, b);
    lines.push(`bb${b}${block.cleanup ? " (cleanup)" : ""}:  live in ${set(entry)}  live out ${set(exit)}`);
    const t = block.terminator;
    const sp = stateOf.get(b);
    if (t.kind !== "await" || !sp) return;
    const where = opts.source ? ` (${opts.source.location(t.awaitSpan)})` : "";
    lines.push(`  await ${localLabel(body, t.awaitee)} → Suspend${sp.n}${where}`);
    const rows: [string, BitSet][] = [
      ["live", sp.p.live],
      ["borrowed", sp.p.borrowed],
      ["requires storage", sp.p.requiresStorage],
      ["saved", sp.p.saved],
    ];
    for (const [name, s] of rows) lines.push(`    ${name.padEnd(18)}${set(s)}`);
  });
  return lines.join("\n") + "\n";
}
