// The behaviour corpus, run in-process: for every program of tests/run-pass/, examples/ (those that
// are not undefined behavior) and ../shared/acceptance/run/, `pinion run` must do what the rustc-built
// binary did (recorded next to it by scripts/run-pass.mjs):
//
//   X.stdout     byte for byte
//   X.exitcode   the exit code (0 when the file is absent: ../shared/acceptance/run has none)
//   X.stderr     for a panic (exit 101), byte for byte: rustc's panic hook output without the OS thread
//                id and without the empty line rustc 1.95 prints first —
//                "thread 'main' panicked at X.rs:L:C:\nMSG\nnote: run with `RUST_BACKTRACE=1` …\n"
//
// One Session for the whole file: parsing pinion's std stubs is the expensive part. Programs that do
// not pass yet are listed in tests/run/known-failures.json (section "run") and run under `it.fails`;
// see corpus.ts.

import { Session } from "../../src/pipeline.js";
import { corpusTests, group, refusedOrCrashed, runProgram, sibling, textDiff, type Problem, type Program } from "./corpus.js";

const notUb = (p: Program) => !p.isUb;
const groups = [group("tests/run-pass"), group("examples", notUb), group("../shared/acceptance/run", notUb)];
const programs = new Map(groups.flatMap((g) => g.programs.map((p) => [p.key, p])));

let session: Session | undefined;

function check(key: string): Problem[] {
  const p = programs.get(key)!;
  session ??= new Session();
  const o = runProgram(session, p);
  const early = refusedOrCrashed(o);
  if (early.length) return early;

  const problems: Problem[] = [];
  const wantCode = Number((sibling(p, ".exitcode") ?? "0").trim());
  const wantOut = sibling(p, ".stdout");
  // rustc 1.95's panic hook prints an empty line before `thread 'main' panicked at`; older ones do not,
  // and neither does pinion (runtime/panic.ts). Like the thread id (normalizePanic in
  // scripts/run-pass.mjs), it is not part of the contract.
  const wantErr = sibling(p, ".stderr")?.replace(/^\n(?=thread ')/, "");
  if (o.exitCode !== wantCode) {
    const firstErr = o.stderr.split("\n").find((l) => l.trim() !== "") ?? "";
    problems.push({ summary: `exit ${o.exitCode}, want ${wantCode}${firstErr ? `: ${firstErr}` : ""}`, detail: `--- stderr (pinion)\n${o.stderr}` });
  }
  if (wantOut === undefined) problems.push({ summary: `${p.name.replace(/\.rs$/, ".stdout")} is missing (run scripts/run-pass.mjs --write)` });
  else if (o.stdout !== wantOut) problems.push(textDiff("stdout", o.stdout, wantOut));
  if (wantErr !== undefined && o.exitCode === wantCode && o.stderr !== wantErr) problems.push(textDiff("stderr", o.stderr, wantErr));
  return problems.map((x) => ({ ...x, summary: x.summary.slice(0, 200) }));
}

corpusTests("run", groups, check);
