// The one place that loads tree-sitter (the invariant "only syntax/ imports tree-sitter" is kept by
// this file and the type-only imports of the others).
//
// `CstParser` wraps a tree-sitter parser for Rust. `parse(text)` returns a tree; callers lower it
// and drop it (the native binding frees trees only when they are garbage collected, so no tree is
// stored anywhere). Text is handed to tree-sitter in chunks through a callback, which avoids the
// 32 KiB limit that some versions of the binding have for string input.

import { createRequire } from "node:module";
import type TreeSitter from "tree-sitter";

export type SyntaxNode = TreeSitter.SyntaxNode;
export type Tree = TreeSitter.Tree;

const CHUNK = 64 * 1024;

export class CstParser {
  private readonly parser: TreeSitter;
  private readonly language: unknown;
  private readonly Lookahead: typeof TreeSitter.LookaheadIterator;

  constructor() {
    const require = createRequire(import.meta.url);
    const Parser = require("tree-sitter") as typeof TreeSitter;
    this.language = require("tree-sitter-rust") as unknown;
    this.Lookahead = Parser.LookaheadIterator;
    this.parser = new Parser();
    this.parser.setLanguage(this.language as Parameters<TreeSitter["setLanguage"]>[0]);
  }

  /** The symbols the grammar accepts in a parse state (at most `limit`; undefined if more). */
  lookahead(state: number, limit: number): string[] | undefined {
    let it: TreeSitter.LookaheadIterator;
    try {
      it = new this.Lookahead(this.language as ConstructorParameters<typeof TreeSitter.LookaheadIterator>[0], state);
    } catch {
      return undefined;
    }
    if (!it) return undefined;
    const out: string[] = [];
    for (const name of it) {
      if (out.length >= limit) return undefined;
      out.push(name);
    }
    return out;
  }

  parse(text: string): Tree {
    // The callback's offset is in UTF-16 code units, like `startIndex` of the nodes.
    return this.parser.parse((offset: number) => (offset < text.length ? text.slice(offset, offset + CHUNK) : null), undefined, {
      bufferSize: CHUNK,
    });
  }
}

/** Named children other than comments (tree-sitter's extras appear among the children). */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of n.namedChildren) {
    const t = c.type;
    if (t !== "line_comment" && t !== "block_comment") out.push(c);
  }
  return out;
}

/** All children (named and anonymous) other than comments. */
export function allKids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of n.children) {
    const t = c.type;
    if (t !== "line_comment" && t !== "block_comment") out.push(c);
  }
  return out;
}

/** True if an anonymous child token `tok` (e.g. `mut`, `move`, `async`) is among the children. */
export function hasToken(n: SyntaxNode, tok: string): boolean {
  for (const c of n.children) if (!c.isNamed && c.type === tok) return true;
  return false;
}

export function field(n: SyntaxNode, name: string): SyntaxNode | null {
  return n.childForFieldName(name);
}
