// `--dump liveness` on a small body, compared with the whole expected text. The body:
//
//     async fn foo() { let s = String::from("hi"); let r = &s; bar().await; use_it(r); }
//
// in the shape rustc builds it (see layout-cases.test.ts for the same body with its cleanup paths),
// so the four sets at the await are rustc's: s and r live (dropped, read after), s borrowed, all three
// assigned and not moved out.

import { expect, it } from "vitest";
import { dumpLiveness } from "../../src/coroutine/dump.js";
import { analyzeSuspendPoints } from "../../src/coroutine/layout.js";
import { elaborateDrops } from "../../src/mir/elaborate.js";
import { assign, awaitT, call, copy, cunit, dead, drop, FUT, live, move, ref, refTo, resume, ret, STRING, testCtx, TestMir, UNIT, use } from "./mir-builder.js";

it("prints live-in / live-out per block and the four sets at each await", () => {
  const m = new TestMir("foo");
  const s = m.var("s", STRING); // _3
  const r = m.var("r", refTo(STRING)); // _4
  const aw = m.named("__awaitee", FUT); // _5
  const v = m.temp(UNIT); // _6
  const arg = m.temp(refTo(STRING)); // _7
  /* bb0 */ m.block([live(s)], call(s, "String::from", [], 1, 7)); // s is not dropped if its initializer unwinds
  /* bb1 */ m.block([live(r), assign(r, ref(s)), live(aw)], call(aw, "bar", [], 2, 5));
  /* bb2 */ m.block([live(v)], awaitT(aw, v, 3, { unwind: 5 }));
  /* bb3 */ m.block([dead(v), dead(aw), assign(arg, use(copy(r)))], call(m.temp(UNIT), "use_it", [move(arg)], 4, 5));
  /* bb4 */ m.block([dead(r), assign(0, use(cunit))], drop(s, 6, 7));
  /* bb5 */ m.block([], drop(s, 7, "unreachable"), { cleanup: true });
  /* bb6 */ m.block([dead(s)], ret());
  /* bb7 */ m.block([], resume(), { cleanup: true });
  const body = elaborateDrops(m.finish(), testCtx);
  expect(dumpLiveness(body, analyzeSuspendPoints(body))).toBe(
    [
      "liveness of foo (async fn)",
      // The call defines s on its return edge: live out of bb0 (after edge effects) is empty.
      "bb0:  live in {}  live out {}",
      "bb1:  live in {_3 s}  live out {_3 s, _4 r}",
      "bb2:  live in {_3 s, _4 r, _5 __awaitee}  live out {_3 s, _4 r}",
      "  await _5 __awaitee → Suspend0",
      "    live              {_3 s, _4 r, _5 __awaitee}",
      "    borrowed          {_3 s}",
      "    requires storage  {_2, _3 s, _4 r, _5 __awaitee}",
      "    saved             {_3 s, _4 r, _5 __awaitee}",
      "bb3:  live in {_3 s, _4 r}  live out {_3 s}",
      "bb4:  live in {_3 s}  live out {_0}",
      "bb5 (cleanup):  live in {_3 s}  live out {}",
      "bb6:  live in {_0}  live out {}",
      "bb7 (cleanup):  live in {}  live out {}",
      "",
    ].join("\n"),
  );
});
