// syntax/: Rust source text → pinion's AST, with diagnostics, never a crash.
//
//     [rust]      use std::pin::pin;
//                 async fn answer() -> u32 { 42 }
//                 fn main() { let f = pin!(answer()); println!("{}", block_on(f)); }
//     [result]    Crate { items: [Use std::pin::pin, Fn answer (isAsync), Fn main { Let f = MacroCall pin(Call answer),
//                         ExprStmt MacroCall println { fmt: [arg 0], args: [Call block_on(f)] } }],
//                         nodeCount: … }      diagnostics: []
//
// The steps of `parse`:
//   1. lex the whole file with our own lexer (errors.ts): unknown characters, unterminated literals and
//      unbalanced delimiters are reported exactly; input that is clearly not Rust stops here;
//   2. parse with tree-sitter-rust (cst.ts) — it always produces a tree, with ERROR / MISSING nodes
//      where the text does not fit the grammar (reported as P0002 when step 1 found nothing);
//   3. lower the tree to the AST (lower.ts), expanding `macro_rules!` (macros.ts) and parsing std
//      macros' arguments (std-macros.ts, format.ts) by re-parsing their text, with spans mapped back
//      into the file (spans.ts). Constructs outside the subset are reported (P0003), macro problems
//      too (P0004), and lowering continues past every error with stand-in nodes.
// No tree outlives the call.

import type { WithDiagnostics } from "../diagnostics/diagnostic.js";
import type { Crate, Item } from "./ast.js";
import { CstParser, kids } from "./cst.js";
import { reportLexicalErrors, reportSyntaxErrors } from "./errors.js";
import { Lowerer } from "./lower.js";
import { MacroScope } from "./macros.js";
import { Session } from "./session.js";
import type { SourceFile } from "./source.js";
import { IDENTITY_MAP } from "./spans.js";

export { walkBlock, walkCrate, walkExpr, walkItem, walkPat, walkStmt, walkType, type Visitor } from "./walk.js";
export { MAX_NESTING, MAX_EXPANSION_DEPTH } from "./session.js";

// The parser object is created once and reused (creating one costs a few milliseconds); it holds no
// state that outlives a `parse` call, so results never depend on earlier calls.
let sharedParser: CstParser | undefined;

function parser(): CstParser {
  sharedParser ??= new CstParser();
  return sharedParser;
}

/** tree-sitter's S-expression for `text` (one line), as the installed grammar parses it. */
export function grammarTree(text: string): string {
  return parser().sexp(text);
}

export interface ParseOptions {
  /** The first NodeId to hand out (default 0), so that two crates parsed separately — pinion's std
   *  stubs and the user's file — can share one id space: parse the second from the first's
   *  `nodeCount`. */
  readonly firstNodeId?: number;
}

/** Parses and lowers one file. Never throws on user input: problems come back as diagnostics. */
export function parse(file: SourceFile, options: ParseOptions = {}): WithDiagnostics<Crate> {
  const p = parser();
  const s = new Session(file, p, options.firstNodeId ?? 0);
  const lexical = reportLexicalErrors(s);
  s.suppressSyntaxErrors = lexical.count > 0;
  const items: Item[] = [];
  if (!lexical.skipParse) {
    const root = p.parse(file.text);
    const lw = new Lowerer(s, file.text, IDENTITY_MAP, new MacroScope());
    // Lexical errors explain the tree's ERROR nodes better than the nodes do; report one layer.
    if (root.hasError) reportSyntaxErrors(root, lw);
    lw.lowerItems(kids(root), items);
  }
  const diagnostics = s.diagnostics.slice().sort((a, b) => a.span.lo - b.span.lo || a.span.hi - b.span.hi);
  return { value: { items, nodeCount: s.nodeCount }, diagnostics };
}
export { dump, type DumpOptions } from "./dump.js";
