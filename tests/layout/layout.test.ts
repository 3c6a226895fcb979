// pinion's state-machine layouts against rustc's, one test per machine.
//
// For each tests/layout/X.rs this runs `node bin/pinion.js inspect --format json X.rs` once and checks
// every machine in X.layout.json (rustc's layout, made by `node scripts/layouts.mjs --write`): pinion
// must have a machine of the same name (`foo`, `S::m`, `{async block@12:5}`), the same SuspendN states,
// and in each one the same named locals, the same upvars and the same number of temporaries (see
// compare.ts). A failure reads like
//
//     loops.rs > for_range: Suspend0 locals: rustc stores [__awaitee, acc, iter], pinion [__awaitee, acc, i, iter]; extra i
//
// The test goes through the CLI because the library API is not there yet; until `inspect` exists every
// case fails with the CLI's own error message. PINION_CLI="…" runs another command instead of bin/pinion.js. No rustc is needed here: the oracles are checked in
// (oracle.test.ts checks that they are still what rustc prints).

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, beforeAll, describe, expect, it } from "vitest";
import { compareMachine, readInspectJson, type InspectMachine, type InspectOutcome, type RustcMachine } from "./compare.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const cases = readdirSync(here)
  .filter((f) => f.endsWith(".rs"))
  .sort();

// PINION_CLI="node other/pinion.js" runs another build of the CLI (the way acceptance/check.mjs takes --cli).
const [cliCommand, ...cliArgs] = (process.env.PINION_CLI ?? `${process.execPath} ${join(root, "bin", "pinion.js")}`).split(" ");

function inspect(file: string): InspectOutcome {
  const r = spawnSync(cliCommand!, [...cliArgs, "inspect", "--format", "json", file], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  const command = `pinion inspect --format json ${relative(root, file)}`;
  if (r.error) return { error: `${command} could not run: ${r.error.message}` };
  const got = readInspectJson(r.stdout ?? "");
  if ("error" in got) {
    const stderr = (r.stderr ?? "").trim().split("\n").slice(0, 8).join("\n");
    return { error: `${command} exited ${r.status}; ${got.error}${stderr ? `\nstderr:\n${stderr}` : ""}` };
  }
  return got;
}

it("the corpus has at least 70 async fns and blocks besides helpers, each .rs with its .layout.json", () => {
  let machines = 0;
  for (const file of cases) {
    const json = join(here, file.replace(/\.rs$/, ".layout.json"));
    expect(existsSync(json), `${file} has no .layout.json: run node scripts/layouts.mjs --write`).toBe(true);
    // A helper is an async fn under a `// Helper:` comment; every other machine is a case.
    const source = readFileSync(join(here, file), "utf8");
    const helpers = new Set([...source.matchAll(/\/\/ Helper:[^\n]*\n(?:\/\/[^\n]*\n)*async fn (\w+)/g)].map((m) => m[1]));
    machines += Object.keys(JSON.parse(readFileSync(json, "utf8")) as object).filter((n) => !helpers.has(n)).length;
  }
  expect(machines).toBeGreaterThanOrEqual(70);
});

for (const file of cases) {
  const jsonPath = join(here, file.replace(/\.rs$/, ".layout.json"));
  if (!existsSync(jsonPath)) continue; // reported by the test above
  const rustc = JSON.parse(readFileSync(jsonPath, "utf8")) as Record<string, RustcMachine>;

  describe(file, () => {
    let outcome: InspectOutcome = { error: "pinion inspect did not run" };
    beforeAll(() => {
      outcome = inspect(join(here, file));
    });

    for (const [name, layout] of Object.entries(rustc)) {
      it(name, () => {
        if ("error" in outcome) assert.fail(`${name}: ${outcome.error}`);
        const problems = compareMachine(name, layout, outcome.machines);
        if (problems.length) assert.fail(`${name}:\n  ${problems.join("\n  ")}`);
      });
    }
  });
}

// The comparison must be able to fail: feed it pinion output made from rustc's own layout, then break it.
describe("compareMachine", () => {
  const rustc: RustcMachine = {
    Unresumed: ["upvar x"],
    Suspend0: ["upvar x", "local x", "local v", "local v", "local __awaitee"],
    Suspend1: ["upvar x", "temp", "temp", "local __awaitee"],
    Returned: ["upvar x"],
    Panicked: ["upvar x"],
  };
  const asPinion = (layout: RustcMachine): InspectMachine[] => [
    {
      name: "f",
      states: Object.entries(layout).map(([state, entries]) => ({
        name: state,
        locals: entries.map((e) => (e === "temp" ? { name: "_t", kind: "temp" } : { name: e.split(" ")[1]!, kind: e.split(" ")[0]! })),
      })),
    },
  ];

  it("accepts the same layout in any order", () => {
    const shuffled = { ...rustc, Suspend0: [...rustc.Suspend0!].reverse() };
    expect(compareMachine("f", rustc, asPinion(shuffled))).toEqual([]);
  });
  it("reports a missing machine with the names pinion has", () => {
    expect(compareMachine("g", rustc, asPinion(rustc))).toEqual(["pinion has no state machine named g (it has: f)"]);
  });
  it("reports a shadowed local stored once instead of twice", () => {
    const once = { ...rustc, Suspend0: ["upvar x", "local x", "local v", "local __awaitee"] };
    expect(compareMachine("f", rustc, asPinion(once))).toEqual([
      "Suspend0 locals: rustc stores [__awaitee, v, v, x], pinion [__awaitee, v, x]; missing v",
    ]);
  });
  it("reports an extra local, a missing upvar and a wrong temporary count", () => {
    const wrong = { ...rustc, Suspend1: ["local y", "temp", "local __awaitee"] };
    expect(compareMachine("f", rustc, asPinion(wrong))).toEqual([
      "Suspend1 locals: rustc stores [__awaitee], pinion [__awaitee, y]; extra y",
      "Suspend1 upvars: rustc stores [x], pinion []; missing x",
      "Suspend1 temporaries: rustc stores 2, pinion 1",
    ]);
  });
  it("reports missing and extra suspend states", () => {
    const states = { Unresumed: rustc.Unresumed!, Suspend0: rustc.Suspend0!, Suspend2: [] };
    expect(compareMachine("f", rustc, asPinion(states))).toEqual([
      "suspend states: rustc stores [Suspend0, Suspend1], pinion [Suspend0, Suspend2]; missing Suspend1; extra Suspend2",
    ]);
  });
  it("reports a local of an unknown kind", () => {
    const odd = asPinion(rustc);
    odd[0]!.states[1]!.locals.push({ name: "q", kind: "param" });
    expect(compareMachine("f", rustc, odd)).toEqual(['Suspend0: q has kind "param", not local, upvar or temp']);
  });
  it("says what is wrong with output that is not inspect JSON", () => {
    expect(readInspectJson("error: unknown command 'inspect'")).toEqual({
      error: `stdout is not JSON: "error: unknown command 'inspect'"`,
    });
    expect(readInspectJson('{"machines":[{"name":"f"}]}')).toEqual({ error: 'machines[0] has no "name" string and "states" array' });
  });
});
