// The undefined-behavior corpus, run in-process: tests/ub/, the examples whose `.expect` has `ub-at:`,
// and ../shared/acceptance/ub/. The contract is the one of ../shared/acceptance/check.mjs, from X.expect:
//
//   stdout-before-ub: first poll: Pending | moved    stdout, its non-empty lines joined by ` | `, is this
//   ub-at: 26 34                                     stderr names X.rs:26 and X.rs:34 (the bad access,
//                                                    the move or scope end that invalidated the pointer)
//
// and the program exits 101 with a report that says "undefined behavior". What the rustc binary prints
// after the violation means nothing, so only those lines are compared. One Session for the whole file;
// programs that do not pass yet are in tests/run/known-failures.json (section "ub"), see corpus.ts.

import { Session } from "../../src/pipeline.js";
import { corpusTests, group, oneLine, refusedOrCrashed, runProgram, type Problem, type Program } from "./corpus.js";

const isUb = (p: Program) => p.isUb;
const groups = [group("tests/ub"), group("examples", isUb), group("../shared/acceptance/ub")];
const programs = new Map(groups.flatMap((g) => g.programs.map((p) => [p.key, p])));

let session: Session | undefined;

function check(key: string): Problem[] {
  const p = programs.get(key)!;
  session ??= new Session();
  const o = runProgram(session, p);
  const early = refusedOrCrashed(o);
  if (early.length) return early;

  const problems: Problem[] = [];
  const stderr = { summary: "", detail: `--- stderr (pinion)\n${o.stderr}` };
  const firstErr = o.stderr.split("\n").find((l) => l.trim() !== "") ?? "";
  if (o.exitCode !== 101) problems.push({ ...stderr, summary: `exit ${o.exitCode}, want 101${firstErr ? `: ${oneLine(firstErr)}` : ""}` });
  if (!/undefined behavior/i.test(o.stderr)) problems.push({ ...stderr, summary: `stderr does not say "undefined behavior"${firstErr ? `: ${oneLine(firstErr)}` : ""}` });
  else {
    for (const line of (p.expect["ub-at"] ?? "").split(/\s+/).filter(Boolean)) {
      // `X.rs:26` and not `X.rs:260`: the report names places as FILE:LINE:COL.
      if (!new RegExp(`${escapeRegExp(p.name)}:${line}(?!\\d)`).test(o.stderr))
        problems.push({ ...stderr, summary: `the report does not point at ${p.name}:${line}` });
    }
  }
  const before = (p.expect["stdout-before-ub"] ?? "").split("|").map((s) => s.trim()).filter(Boolean);
  const lines = o.stdout.split("\n").filter(Boolean);
  if (lines.join("|") !== before.join("|"))
    problems.push({
      summary: oneLine(`stdout before the violation is [${lines.join(" | ")}], want [${before.join(" | ")}]`, 200),
      detail: `--- stdout (pinion)\n${o.stdout}`,
    });
  return problems;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

corpusTests("ub", groups, check);
