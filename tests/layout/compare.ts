// Comparing one state machine as pinion lays it out with the same machine as rustc laid it out.
//
// rustc's side is a checked-in `X.layout.json` (made by scripts/layouts.mjs from
// `rustc +nightly -Zprint-type-sizes`); pinion's side is the JSON of `pinion inspect --format json X.rs`.
// Worked example: for
//
//     async fn foo() { let s = String::new(); let r = &s; yield_now().await; r.len(); }
//
// rustc stores `{ "Suspend0": ["local s", "local r", "local __awaitee"] }`. pinion's machine `foo` must
// have exactly the states Suspend0..N that rustc has, and in each SuspendN the same named locals
// (compared as sorted multisets: shadowing can store two locals of one name), the same upvars, and the
// same number of unnamed temporaries. Field order, types and lines are pinion's own business.
// Unresumed, Returned and Panicked are not compared: they only ever hold the upvars, which the
// SuspendN states already check.

/** rustc's layout of one machine: variant name → entries like "local s", "upvar x", "temp". */
export type RustcMachine = Record<string, string[]>;

/** The part of `pinion inspect --format json` this test reads. */
export interface InspectLocal {
  name: string;
  kind: string;
}
export interface InspectState {
  name: string;
  locals: InspectLocal[];
}
export interface InspectMachine {
  name: string;
  states: InspectState[];
}

/** What running the CLI gave: its machines, or why there are none. */
export type InspectOutcome = { machines: InspectMachine[] } | { error: string };

/**
 * Checks that `stdout` is the inspect JSON this test needs, and returns its machines, or an error
 * message that says what is wrong with it.
 */
export function readInspectJson(stdout: string): InspectOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { error: `stdout is not JSON: ${JSON.stringify(stdout.slice(0, 200))}` };
  }
  if (!isObject(parsed) || !Array.isArray(parsed.machines))
    return { error: `the JSON has no "machines" array: ${JSON.stringify(parsed).slice(0, 200)}` };
  const machines: InspectMachine[] = [];
  for (const [i, m] of parsed.machines.entries()) {
    if (!isObject(m) || typeof m.name !== "string" || !Array.isArray(m.states))
      return { error: `machines[${i}] has no "name" string and "states" array` };
    const states: InspectState[] = [];
    for (const [j, s] of m.states.entries()) {
      if (!isObject(s) || typeof s.name !== "string" || !Array.isArray(s.locals))
        return { error: `machine ${m.name}: states[${j}] has no "name" string and "locals" array` };
      const locals: InspectLocal[] = [];
      for (const [k, l] of s.locals.entries()) {
        if (!isObject(l) || typeof l.name !== "string" || typeof l.kind !== "string")
          return { error: `machine ${m.name}, state ${s.name}: locals[${k}] has no "name" and "kind" strings` };
        locals.push({ name: l.name, kind: l.kind });
      }
      states.push({ name: s.name, locals });
    }
    machines.push({ name: m.name, states });
  }
  return { machines };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const isSuspend = (name: string): boolean => /^Suspend\d+$/.test(name);

function byNumber(a: string, b: string): number {
  return Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, ""));
}

/** `[a, b]` minus `[b]` = `[a]`, as multisets. */
function minus(xs: string[], ys: string[]): string[] {
  const rest = [...ys];
  return xs.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

function compareNames(what: string, rustc: string[], pinion: string[]): string | null {
  const missing = minus(rustc, pinion);
  const extra = minus(pinion, rustc);
  if (missing.length === 0 && extra.length === 0) return null;
  const parts = [`rustc stores [${[...rustc].sort().join(", ")}], pinion [${[...pinion].sort().join(", ")}]`];
  if (missing.length) parts.push(`missing ${missing.join(", ")}`);
  if (extra.length) parts.push(`extra ${extra.join(", ")}`);
  return `${what}: ${parts.join("; ")}`;
}

/**
 * Every difference between rustc's layout of machine `name` and pinion's machines, one line each;
 * empty when they agree.
 */
export function compareMachine(name: string, rustc: RustcMachine, machines: InspectMachine[]): string[] {
  const m = machines.find((x) => x.name === name);
  if (!m) {
    const have = machines.map((x) => x.name).join(", ") || "none";
    return [`pinion has no state machine named ${name} (it has: ${have})`];
  }
  const problems: string[] = [];
  const wantStates = Object.keys(rustc).filter(isSuspend).sort(byNumber);
  const gotStates = m.states.map((s) => s.name).filter(isSuspend).sort(byNumber);
  const stateDiff = compareNames("suspend states", wantStates, gotStates);
  if (stateDiff) problems.push(stateDiff);
  for (const state of wantStates) {
    const got = m.states.find((s) => s.name === state);
    if (!got) continue;
    const entries = rustc[state] ?? [];
    const named = (kind: string, from: string[]) =>
      from.filter((e) => e.startsWith(`${kind} `)).map((e) => e.slice(kind.length + 1));
    const gotOf = (kind: string) => got.locals.filter((l) => l.kind === kind).map((l) => l.name);
    const locals = compareNames(`${state} locals`, named("local", entries), gotOf("local"));
    if (locals) problems.push(locals);
    const upvars = compareNames(`${state} upvars`, named("upvar", entries), gotOf("upvar"));
    if (upvars) problems.push(upvars);
    const wantTemps = entries.filter((e) => e === "temp").length;
    const gotTemps = gotOf("temp").length;
    if (wantTemps !== gotTemps)
      problems.push(`${state} temporaries: rustc stores ${wantTemps}, pinion ${gotTemps}`);
    const odd = got.locals.filter((l) => l.kind !== "local" && l.kind !== "upvar" && l.kind !== "temp");
    for (const l of odd) problems.push(`${state}: ${l.name} has kind ${JSON.stringify(l.kind)}, not local, upvar or temp`);
  }
  return problems;
}
