// MaybeStorageLive: the locals whose storage may be live — between a `StorageLive` and a `StorageDead`
// on some path — rustc's `MaybeStorageLive`. Locals that have no `StorageLive`/`StorageDead` anywhere in
// the body (the return place `_0`, the arguments, drop flags) are live everywhere.
//
// Example: `{ let x = 1; f().await; } g().await;` — `x` (StorageLive before its `let`, StorageDead at
// the `}`) is storage-live at the first await and not at the second. This bounds every local's
// lifetime; the layout itself uses MaybeRequiresStorage, which is stricter.

import type { Body } from "../mir/types.js";
import { BitSet } from "./bitset.js";
import { iterateToFixpoint, type Analysis, type Results } from "./dataflow.js";

/** Locals never mentioned by `StorageLive`/`StorageDead` (rustc's `always_storage_live_locals`). */
export function alwaysLiveLocals(body: Body): BitSet {
  const set = BitSet.full(body.locals.length);
  for (const block of body.blocks)
    for (const s of block.statements) if (s.kind === "storageLive" || s.kind === "storageDead") set.remove(s.local);
  return set;
}

export function maybeStorageLive(body: Body): Analysis {
  const always = alwaysLiveLocals(body);
  return {
    name: "MaybeStorageLive",
    direction: "forward",
    size: body.locals.length,
    initialize: (entry) => {
      entry.union(always);
      for (let a = 1; a <= body.argCount; a++) entry.add(a);
    },
    statement: (state, stmt) => {
      if (stmt.kind === "storageLive") state.add(stmt.local);
      else if (stmt.kind === "storageDead") state.remove(stmt.local);
    },
    terminator: () => {},
  };
}

export function computeStorageLive(body: Body): Results {
  return iterateToFixpoint(body, maybeStorageLive(body));
}
