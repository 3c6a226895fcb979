// `pinion check PATHS... [--format human|json|sarif|github|short] [--color never|always|auto]
//                        [--deny warnings] [--verbose]`
//
//   $ pinion check examples/            every `.rs` file under examples/, in sorted order, one process
//   $ pinion check --format json a.rs   {"diagnostics":[…]} on stdout
//
// human and short go to stderr (as rustc's diagnostics do), json, sarif and github to stdout.
// Exit codes: 0 clean; 1 errors (or warnings with `--deny warnings`) — for a file with `//~`
// annotations, only mismatches with its annotations count; 2 usage or I/O errors (unreadable paths,
// unknown options); 70 an internal error in pinion (reported, the other files are still checked).
// Colour: `auto` means only when stderr is a terminal (and NO_COLOR is not set).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { Session } from "../pipeline.js";
import { checkFile, type FileReport } from "../check/index.js";
import { OUTPUT_FORMATS, renderDiagnostics, renderHuman, renderShort, renderShortSummary, renderSummary, type OutputFormat } from "../diagnostics/index.js";
import { assertNever, type FileDiagnostics } from "../diagnostics/diagnostic.js";

export interface CheckCliOptions {
  readonly format: string;
  readonly color: string;
  readonly deny?: string[];
  readonly verbose?: boolean;
}

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("check Rust files for futures and self-referential values that are moved, polled or unpinned wrongly")
    .argument("<paths...>", "Rust files, or directories to search for .rs files")
    .option("--format <format>", "human, short, json, sarif or github", "human")
    .option("--color <when>", "never, always or auto (only on a terminal)", "auto")
    .option("--deny <what>", "`warnings`: warnings make the exit code 1", collect, [])
    .option("--verbose", "also show P0001 notes: references held across an `.await`")
    .action((paths: string[], opts: CheckCliOptions) => {
      setExit(runCheck(paths, opts, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true, env: process.env }));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface CheckIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The whole command, with its I/O passed in; returns the exit code. Tests pass a `session` to
 *  share the parsed std stubs across calls. */
export function runCheck(paths: readonly string[], opts: CheckCliOptions, io: CheckIo, session?: Session): number {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(opts.format)) {
    io.stderr(`error: unknown format \`${opts.format}\` (expected ${OUTPUT_FORMATS.join(", ")})\n`);
    return 2;
  }
  const format = opts.format as OutputFormat;
  if (!["never", "always", "auto"].includes(opts.color)) {
    io.stderr(`error: unknown colour choice \`${opts.color}\` (expected never, always or auto)\n`);
    return 2;
  }
  for (const d of opts.deny ?? []) {
    if (d !== "warnings") {
      io.stderr(`error: \`--deny ${d}\`: only \`--deny warnings\` is supported\n`);
      return 2;
    }
  }
  const denyWarnings = (opts.deny ?? []).includes("warnings");
  const color = opts.color === "always" || (opts.color === "auto" && io.isTTY && !io.env["NO_COLOR"] && io.env["TERM"] !== "dumb");

  let exit = 0;
  const raise = (code: number) => {
    const rank = (c: number) => (c === 0 ? 0 : c === 1 ? 1 : c === 70 ? 2 : 3);
    if (rank(code) > rank(exit)) exit = code;
  };

  const files: string[] = [];
  for (const p of paths) {
    const found = collectFiles(p);
    if (typeof found === "string") {
      io.stderr(`error: ${found}\n`);
      raise(2);
    } else {
      files.push(...found);
    }
  }

  const sess = session ?? new Session();
  const reports: FileReport[] = [];
  for (const path of files) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      io.stderr(`error: cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      raise(2);
      continue;
    }
    try {
      reports.push(checkFile(sess, path, text, { verbose: opts.verbose === true }));
    } catch (e) {
      io.stderr(`error: internal error while checking \`${path}\`: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nplease report this as a bug in pinion\n`);
      raise(70);
    }
  }

  const shown: FileDiagnostics[] = reports.map((r) => ({ file: r.file, diagnostics: r.diagnostics }));
  const counted: FileDiagnostics[] = reports.map((r) => ({ file: r.file, diagnostics: r.counted }));
  const expected = reports.reduce((n, r) => n + r.expected, 0);
  const annotatedFiles = reports.filter((r) => r.annotated).length;
  switch (format) {
    case "human":
    case "short": {
      // The diagnostics themselves, then rustc's summary line of what counts, then what was expected.
      let out =
        format === "human"
          ? renderHuman(shown, { color }) + renderSummary(counted, { color })
          : renderShort(shown, { color }) + renderShortSummary(counted, { color });
      if (annotatedFiles > 0) {
        out += `note: ${expected} expected diagnostic${expected === 1 ? "" : "s"} matched the \`//~\` annotations of ${annotatedFiles} file${annotatedFiles === 1 ? "" : "s"}\n`;
      }
      io.stderr(out);
      break;
    }
    case "json":
    case "sarif":
    case "github":
      io.stdout(renderDiagnostics(format, shown, { color: false }));
      break;
    default:
      assertNever(format, "output format");
  }

  for (const r of reports) {
    if (r.counted.some((d) => d.severity === "error")) raise(1);
    if (denyWarnings && r.counted.some((d) => d.severity === "warning")) raise(1);
  }
  return exit;
}

/**
 * The `.rs` files a path names: the file itself, or every `.rs` file below a directory (hidden
 * directories, `target` and `node_modules` skipped), sorted so that the order is stable. A string is
 * an error message.
 */
export function collectFiles(path: string): string[] | string {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return `cannot read \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory()) return `\`${path}\` is neither a file nor a directory`;
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith(".") || e.name === "node_modules" || e.name === "target") continue;
        walk(p);
      } else if (e.isFile() && e.name.endsWith(".rs")) {
        out.push(p);
      }
    }
  };
  walk(path);
  return out;
}
