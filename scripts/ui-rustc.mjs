#!/usr/bin/env node
// rustc's verdict on every checker case in tests/ui/, and the agreement between that verdict and the
// cases' `//~` annotations.
//
// Worked example. tests/ui/p0103_pin_new_async_fn_future.rs says, on line 20,
//
//     let _ = Pin::new(&mut fut).poll(&mut cx); //~ ERROR P0103
//
// `node scripts/ui-rustc.mjs` runs `rustc --edition 2021 --emit=metadata --error-format=json` on it
// (output into a temp dir), keeps the error-level messages, resolves each one's primary span to a
// line of the case file (following macro expansions back to the call site), and writes
//
//     tests/ui/p0103_pin_new_async_fn_future.rustc.json
//     {"accepted": false, "errors": [{"code": "E0277", "line": 20}]}
//
// `--agreement` then reads the annotations and the checked-in verdicts, and holds them to one rule:
// a case annotated with P0103 / P0104 (pinning errors the type checker or borrow checker sees) is
// rejected by rustc at exactly the annotated lines and nowhere else — P0103 with E0277, E0596, E0594
// or E0507, P0104 with E0599 — and every other case is accepted (P0101, P0102, P0105 and P0201 programs
// are unsafe, not ill-typed). It also lints the corpus: every case opens with a header comment, an
// `ok_*` case carries no annotation and says why it is fine, a `pNNNN_*` case carries that code.
//
// Usage (from the project root):
//   node scripts/ui-rustc.mjs                 regenerate every tests/ui/X.rustc.json
//   node scripts/ui-rustc.mjs --check         verify the checked-in X.rustc.json against rustc (exit 1 on a difference)
//   node scripts/ui-rustc.mjs --agreement     annotations vs checked-in verdicts + corpus lint (exit 1 on a disagreement)
//   node scripts/ui-rustc.mjs --run           build and run every case with no ERROR annotation: it must exit 0
//   node scripts/ui-rustc.mjs --check --agreement [FILTER]
//   node scripts/ui-rustc.mjs --dir OTHER/DIR --agreement   (the same on another folder of cases)
// Without rustc, the modes that need it print why and exit 0; `--agreement` needs no rustc.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const defaultDir = join(root, "tests", "ui");

/** Error codes through which rustc rejects each annotated pinion code. */
const REJECTED_AS = {
  P0103: ["E0277", "E0596", "E0594", "E0507"],
  P0104: ["E0599"],
};
const KNOWN_CODES = new Set(["P0001", "P0101", "P0102", "P0103", "P0104", "P0105", "P0201"]);
const KNOWN_KINDS = new Set(["ERROR", "WARN", "NOTE"]);
/** The severity each code is reported with (DESIGN.md, "Diagnostics of `pinion check`"). */
const KIND_OF_CODE = {
  P0001: "NOTE",
  P0101: "ERROR",
  P0102: "WARN",
  P0103: "ERROR",
  P0104: "ERROR",
  P0105: "ERROR",
  P0201: "WARN",
};

// ---------------------------------------------------------------------------------------------------
// Annotations
//
// [rust]                                       [parsed]
//   let b = fut; //~ ERROR P0101                 {line: 7, kind: "ERROR", code: "P0101"}
//   //~^ WARN P0102                              {line: 7, kind: "WARN",  code: "P0102"}   (one line up)
//   //~| NOTE P0001                              same line as the annotation before it
// ---------------------------------------------------------------------------------------------------

/**
 * Parses the `//~` annotations of one case.
 * @param {string} text the case's source
 * @returns {{annotations: {line: number, kind: string, code: string, message: string}[], problems: string[]}}
 */
export function parseAnnotations(text) {
  const annotations = [];
  const problems = [];
  const lines = text.split("\n");
  let previousTarget = null;
  lines.forEach((source, index) => {
    const lineNo = index + 1;
    const at = source.indexOf("//~");
    if (at < 0) return;
    const m = source.slice(at + 3).match(/^(\^*|\|)\s+([A-Z]+)\s+(P\d{4})\b\s*(.*)$/);
    if (!m) {
      problems.push(`line ${lineNo}: cannot read the annotation \`${source.slice(at).trim()}\``);
      return;
    }
    const [, adjust, kind, code, message] = m;
    let line;
    if (adjust === "|") {
      if (previousTarget === null) {
        problems.push(`line ${lineNo}: \`//~|\` without an annotation before it`);
        return;
      }
      line = previousTarget;
    } else {
      line = lineNo - adjust.length;
    }
    if (!KNOWN_KINDS.has(kind)) problems.push(`line ${lineNo}: unknown annotation kind ${kind}`);
    if (!KNOWN_CODES.has(code)) problems.push(`line ${lineNo}: unknown code ${code}`);
    else if (KIND_OF_CODE[code] !== kind) problems.push(`line ${lineNo}: ${code} is reported as ${KIND_OF_CODE[code]}, not ${kind}`);
    previousTarget = line;
    annotations.push({ line, kind, code, message: message.trim() });
  });
  return { annotations, problems };
}

// ---------------------------------------------------------------------------------------------------
// rustc
// ---------------------------------------------------------------------------------------------------

function rustcVersion() {
  const r = spawnSync("rustc", ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  return r.stdout.trim();
}

function run(cmd, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) => done({ status: null, stdout, stderr: stderr + String(error) }));
    child.on("close", (status, signal) => done({ status, signal, stdout, stderr }));
  });
}

/** The line of `file` a rustc span stands for: macro-expanded spans are followed back to their call site. */
function lineInFile(span, file) {
  let s = span;
  while (s) {
    if (resolve(s.file_name) === file) return s.line_start;
    s = s.expansion?.span;
  }
  return null;
}

/**
 * rustc's verdict on one case: accepted or not, and each error's code and primary line.
 * @returns {Promise<{accepted: boolean, errors: {code: string|null, line: number|null}[]}>}
 */
async function verdict(file, outDir) {
  const r = await run("rustc", [
    "--edition", "2021",
    "--emit=metadata",
    "--error-format=json",
    "--crate-name", basename(file, ".rs").replace(/[^A-Za-z0-9_]/g, "_"),
    "--out-dir", outDir,
    file,
  ]);
  const errors = [];
  for (const raw of r.stderr.split("\n")) {
    if (!raw.startsWith("{")) continue;
    const msg = JSON.parse(raw);
    if (msg.level !== "error" && msg.level !== "error: internal compiler error") continue;
    if (!msg.code && msg.spans.length === 0 && /^aborting due to/.test(msg.message)) continue;
    const primary = msg.spans.find((s) => s.is_primary) ?? msg.spans[0];
    errors.push({ code: msg.code?.code ?? null, line: primary ? lineInFile(primary, file) : null });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || String(a.code).localeCompare(String(b.code)));
  return { accepted: r.status === 0 && errors.length === 0, errors };
}

function renderVerdict(v) {
  const errors = v.errors.map((e) => `    {"code": ${JSON.stringify(e.code)}, "line": ${e.line}}`);
  return `{\n  "accepted": ${v.accepted},\n  "errors": [${errors.length ? `\n${errors.join(",\n")}\n  ` : ""}]\n}\n`;
}

async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------------
// Modes
// ---------------------------------------------------------------------------------------------------

function cases(dir, filter) {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".rs"))
    .filter((n) => !filter || n.includes(filter))
    .sort()
    .map((n) => join(dir, n));
}

const jsonPath = (file) => file.replace(/\.rs$/, ".rustc.json");

async function regenerateOrCheck(files, { write }) {
  const outDir = mkdtempSync(join(tmpdir(), "pinion-ui-rustc-"));
  let differ = 0;
  try {
    const verdicts = await pool(files, cpus().length, (f) => verdict(f, outDir));
    files.forEach((file, i) => {
      const text = renderVerdict(verdicts[i]);
      const path = jsonPath(file);
      const old = existsSync(path) ? readFileSync(path, "utf8") : null;
      if (write) {
        if (old !== text) writeFileSync(path, text);
      } else if (old !== text) {
        differ++;
        console.log(`DIFF ${basename(path)}: ${old === null ? "missing" : "checked-in verdict differs from rustc's"}`);
        console.log(`  rustc now says: ${text.replace(/\s+/g, " ").trim()}`);
      }
    });
    const rejected = verdicts.filter((v) => !v.accepted).length;
    console.log(
      `ui-rustc: ${files.length} cases, rustc accepts ${files.length - rejected} and rejects ${rejected}` +
        (write ? "; verdicts written" : `; ${differ} checked-in verdict(s) differ`),
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return differ === 0;
}

function agreement(dir, files, { filter }) {
  let bad = 0;
  if (!filter) {
    for (const orphan of readdirSync(dir).filter((n) => n.endsWith(".rustc.json"))) {
      if (!existsSync(join(dir, orphan.replace(/\.rustc\.json$/, ".rs")))) {
        bad++;
        console.log(`DISAGREE ${orphan}: a verdict without its case`);
      }
    }
  }
  const byCode = new Map();
  let clean = 0;
  let warningsOnly = 0;
  for (const file of files) {
    const name = basename(file);
    const text = readFileSync(file, "utf8");
    const { annotations, problems } = parseAnnotations(text);
    for (const a of annotations) {
      if (!byCode.has(a.code)) byCode.set(a.code, new Set());
      byCode.get(a.code).add(name);
    }
    if (annotations.length === 0) clean++;
    else if (annotations.every((a) => a.kind !== "ERROR")) warningsOnly++;

    // Corpus lint.
    if (!text.startsWith("//")) problems.push("no header comment saying what the case shows");
    const prefix = name.match(/^(ok|p\d{4})_/)?.[1];
    if (!prefix) problems.push("the name starts with neither `ok_` nor a code (`p0101_`)");
    if (prefix === "ok") {
      if (annotations.length) problems.push("an `ok_` case carries annotations");
      if (!/fine/i.test(text.split("\n").filter((l) => l.startsWith("//")).slice(0, 12).join(" ")))
        problems.push("an `ok_` case's header does not say why it is fine");
    } else if (prefix && !annotations.some((a) => a.code === prefix.toUpperCase())) {
      problems.push(`named after ${prefix.toUpperCase()} but carries no ${prefix.toUpperCase()} annotation`);
    }

    // rustc's verdict.
    const path = jsonPath(file);
    if (!existsSync(path)) {
      problems.push(`no ${basename(path)}: run \`node scripts/ui-rustc.mjs\` where rustc exists`);
    } else {
      const v = JSON.parse(readFileSync(path, "utf8"));
      const rejecting = annotations.filter((a) => a.code in REJECTED_AS);
      if (rejecting.length === 0) {
        if (!v.accepted)
          problems.push(`rustc rejects it (${v.errors.map((e) => `${e.code}:${e.line}`).join(" ")}) but no P0103/P0104 is annotated`);
      } else {
        if (v.accepted) problems.push(`annotated ${rejecting.map((a) => `${a.code}:${a.line}`).join(" ")} but rustc accepts it`);
        const wantLines = new Set(rejecting.map((a) => a.line));
        for (const e of v.errors) {
          if (e.line === null || !wantLines.has(e.line)) {
            problems.push(`rustc reports ${e.code ?? "an error"} at line ${e.line}, where no P0103/P0104 is annotated`);
            continue;
          }
          const allowed = new Set(rejecting.filter((a) => a.line === e.line).flatMap((a) => REJECTED_AS[a.code]));
          if (!allowed.has(e.code))
            problems.push(`rustc reports ${e.code} at line ${e.line}; the annotation there expects ${[...allowed].join("/")}`);
        }
        for (const line of wantLines)
          if (!v.errors.some((e) => e.line === line))
            problems.push(`annotated ${rejecting.filter((a) => a.line === line).map((a) => a.code).join("/")} at line ${line}, where rustc reports nothing`);
      }
    }
    if (problems.length) {
      bad++;
      console.log(`DISAGREE ${name}\n  ${problems.join("\n  ")}`);
    }
  }
  const counts = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => `${code} ${names.size}`)
    .join(", ");
  console.log(
    `ui-rustc --agreement: ${files.length} cases (${clean} with no annotation, ${warningsOnly} with warnings only); ` +
      `cases per code: ${counts}; ${bad} disagreement(s)`,
  );
  return bad === 0;
}

async function runAll(files) {
  const outDir = mkdtempSync(join(tmpdir(), "pinion-ui-run-"));
  let bad = 0;
  const runnable = files.filter((f) => !parseAnnotations(readFileSync(f, "utf8")).annotations.some((a) => a.kind === "ERROR"));
  try {
    const results = await pool(runnable, cpus().length, async (file) => {
      const exe = join(outDir, basename(file, ".rs"));
      const built = await run("rustc", ["--edition", "2021", "-o", exe, file]);
      if (built.status !== 0) return `does not build: ${built.stderr.slice(0, 400)}`;
      const ran = await run("timeout", ["10", exe]);
      if (ran.status !== 0) return `exits ${ran.status ?? ran.signal}: ${ran.stderr.slice(0, 400)}`;
      return null;
    });
    runnable.forEach((file, i) => {
      if (results[i]) {
        bad++;
        console.log(`FAIL ${basename(file)}: ${results[i]}`);
      }
    });
    console.log(`ui-rustc --run: ${runnable.length} cases without ERROR annotations built and ran; ${bad} failed`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return bad === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const di = args.indexOf("--dir");
  const dir = di >= 0 ? resolve(args[di + 1] ?? ".") : defaultDir;
  if (di >= 0) args.splice(di, 2);
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => !["--check", "--agreement", "--run"].includes(f));
  if (unknown.length) {
    console.error(`ui-rustc: unknown option ${unknown.join(" ")}`);
    process.exit(2);
  }
  const filter = args.find((a) => !a.startsWith("--")) ?? "";
  const files = cases(dir, filter);
  let ok = true;
  const needsRustc = flags.has("--check") || flags.has("--run") || !flags.has("--agreement");
  const version = needsRustc ? rustcVersion() : null;
  if (needsRustc && !version) {
    console.log("ui-rustc: rustc is not installed (or `rustc --version` failed): skipping rustc's verdicts");
  } else if (version) {
    console.log(`ui-rustc: ${version}`);
    if (flags.has("--check")) ok = (await regenerateOrCheck(files, { write: false })) && ok;
    else if (!flags.has("--agreement") && !flags.has("--run")) ok = (await regenerateOrCheck(files, { write: true })) && ok;
    if (flags.has("--run")) ok = (await runAll(files)) && ok;
  }
  if (flags.has("--agreement")) ok = agreement(dir, files, { filter }) && ok;
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
