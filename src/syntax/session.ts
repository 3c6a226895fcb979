// The state of one `parse()` call, passed explicitly to everything that lowers: the file, the NodeId
// counter, the diagnostics so far, the tree-sitter parser, the nesting depth (so that deeply nested
// input becomes a diagnostic instead of a stack overflow) and the `macro_rules!` expansion depth.
//
// The syntax codes:  P0002 syntax error · P0003 construct outside pinion's subset · P0004 macro problem.

import { diagnostic, type Diagnostic, type Label } from "../diagnostics/diagnostic.js";
import type { NodeId } from "./ast.js";
import type { CstParser } from "./cst.js";
import type { SourceFile, Span } from "./source.js";

export type SyntaxCode = "P0002" | "P0003" | "P0004";

/** Expressions, patterns, types and blocks nested deeper than this are reported, not lowered. */
export const MAX_NESTING = 256;
/** rustc's default `recursion_limit` for macro expansion. */
export const MAX_EXPANSION_DEPTH = 128;

export interface Extra {
  readonly labels?: Label[];
  readonly notes?: string[];
  readonly help?: string[];
}

export class Session {
  readonly diagnostics: Diagnostic[] = [];
  private nextId = 0;
  private nextOrigin = 0;
  /** `macro_rules!` fragment checks (`expr`, `ty`, … parsed by tree-sitter), by kind and text. */
  readonly fragmentCache = new Map<string, boolean>();
  private readonly seen = new Set<string>();
  /** Current nesting depth of the lowering (expressions, patterns, types, blocks). */
  depth = 0;
  /** Current `macro_rules!` expansion depth, and the invocations being expanded (outermost first). */
  expansionDepth = 0;
  readonly expansionSites: Span[] = [];
  /** Set once lexical errors were reported: tree-sitter's recovery from them produces odd shapes, so
   *  further syntax errors (P0002) would be noise; P0003 / P0004 are still reported. */
  suppressSyntaxErrors = false;
  /** Literal tokens the lexer found malformed (their tree-sitter ERROR nodes are not reported again). */
  readonly literalErrorSpans: Span[] = [];
  /** Spans where "nested too deeply" was reported, to report each deep region once. */
  readonly tooDeep: Span[] = [];

  constructor(
    readonly file: SourceFile,
    readonly parser: CstParser,
    firstNodeId = 0,
  ) {
    this.nextId = firstNodeId;
  }

  id(): NodeId {
    return this.nextId++;
  }

  private macroRulesIndex: Map<string, number> | undefined;

  /** Where each `macro_rules! name` of the file starts (the first one per name), computed once. */
  macroRulesDefinitions(): ReadonlyMap<string, number> {
    if (!this.macroRulesIndex) {
      this.macroRulesIndex = new Map();
      for (const m of this.file.text.matchAll(/macro_rules!\s*(?:r#)?([\p{XID_Start}_][\p{XID_Continue}]*)/gu)) {
        if (!this.macroRulesIndex.has(m[1]!)) this.macroRulesIndex.set(m[1]!, m.index);
      }
    }
    return this.macroRulesIndex;
  }

  /** A fresh origin for tokens copied from one place (a macro definition, an invocation). */
  origin(): number {
    return this.nextOrigin++;
  }

  get nodeCount(): number {
    return this.nextId;
  }

  report(code: SyntaxCode, message: string, span: Span, label = "", extra: Extra = {}): void {
    if (code === "P0002" && this.suppressSyntaxErrors) return;
    const key = `${code}\u0000${span.lo}\u0000${span.hi}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(diagnostic(code, "error", message, span, label, { labels: extra.labels ?? [], notes: extra.notes ?? [], help: extra.help ?? [] }));
  }
}
