// The one place that loads tree-sitter (the invariant "only syntax/ imports tree-sitter" is kept by
// this file and the type-only imports of the others).
//
// `CstParser.parse(text)` runs tree-sitter-rust and copies the tree into plain JavaScript objects
// (`CNode`) in one walk with a TreeCursor, then lets the native tree go. Why copy: every property of
// the binding's `SyntaxNode` is a call into native code (and allocates), which made lowering ~5× slower
// than parsing; a cursor walk that reads four numbers per node is cheap, and afterwards lowering is
// plain JavaScript. `CNode` keeps the `SyntaxNode` property names the lowering uses (`type`,
// `startIndex`, `childForFieldName` …). Comments are dropped while copying.
//
//     [tree-sitter]  (let_declaration pattern: (identifier) value: (integer_literal))   native
//     [copied]       CNode { type: "let_declaration", children: [CNode "let", CNode identifier
//                    (fieldName "pattern"), CNode "=", CNode integer_literal (fieldName "value"), …] }
//
// Text goes to tree-sitter in chunks through a callback (offsets are UTF-16 code units, like the
// `startIndex` of the nodes), which avoids the 32 KiB limit some versions of the binding have for
// string input.

import { createRequire } from "node:module";
import type TreeSitter from "tree-sitter";

const CHUNK = 64 * 1024;

/**
 * tree-sitter-rust 0.24 reads `&raw` as the start of a raw borrow (`&raw const x`) even when `raw` is
 * just a variable (`f(&raw)`, `&raw.len()`), and fails. rustc treats `raw` as a keyword there only
 * before `const` / `mut`. So before parsing, such a `raw` is replaced by `rаw` with a Cyrillic `а`:
 * the same length (spans do not move), an identifier to tree-sitter, and never seen by anyone else —
 * the lowering reads names from the original text.
 */
const RAW_VARIABLE = /&(\s*)raw\b(?!\s*(?:const|mut)\b)/g;

function hideRawVariables(text: string): string {
  return text.includes("raw") ? text.replace(RAW_VARIABLE, (_m, ws: string) => `&${ws}r\u0430w`) : text;
}
const COMMENTS: ReadonlySet<string> = new Set(["line_comment", "block_comment"]);

/** A node of the concrete syntax tree, copied out of tree-sitter. */
export class CNode {
  parent: CNode | null = null;
  /** Position among the parent's children. */
  index = 0;
  /** True if this node or a descendant is an ERROR or MISSING node. */
  hasError = false;
  readonly children: CNode[] = [];

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    /** The field this node fills in its parent (`"pattern"`, `"value"` …), or null. */
    readonly fieldName: string | null,
    /** Unique within one parse; compare nodes with `===` or by id. */
    readonly id: number,
  ) {}

  get childCount(): number {
    return this.children.length;
  }
  child(i: number): CNode | null {
    return this.children[i] ?? null;
  }
  get firstChild(): CNode | null {
    return this.children[0] ?? null;
  }
  get lastChild(): CNode | null {
    return this.children[this.children.length - 1] ?? null;
  }
  get nextSibling(): CNode | null {
    return this.parent?.children[this.index + 1] ?? null;
  }
  get previousSibling(): CNode | null {
    return this.index > 0 ? (this.parent?.children[this.index - 1] ?? null) : null;
  }
  get previousNamedSibling(): CNode | null {
    const sibs = this.parent?.children;
    if (!sibs) return null;
    for (let i = this.index - 1; i >= 0; i--) if (sibs[i]!.isNamed) return sibs[i]!;
    return null;
  }
  get namedChildren(): CNode[] {
    const out: CNode[] = [];
    for (const c of this.children) if (c.isNamed) out.push(c);
    return out;
  }
  childForFieldName(name: string): CNode | null {
    for (const c of this.children) if (c.fieldName === name) return c;
    return null;
  }
}

export type SyntaxNode = CNode;

export class CstParser {
  private readonly parser: TreeSitter;
  /** Symbol id → [type name, is named]; field id → name. Filled as ids are first seen. */
  private readonly symbols = new Map<number, readonly [string, boolean]>();
  private readonly fields = new Map<number, string>();

  constructor() {
    const require = createRequire(import.meta.url);
    const Parser = require("tree-sitter") as typeof TreeSitter;
    const language = require("tree-sitter-rust") as unknown;
    this.parser = new Parser();
    this.parser.setLanguage(language as Parameters<TreeSitter["setLanguage"]>[0]);
  }

  /** tree-sitter's own S-expression of the tree (named nodes, fields, ERROR / MISSING), for
   *  grammar fixtures and `--dump=cst`. */
  sexp(text: string): string {
    const tree = this.parser.parse((offset: number) => (offset < text.length ? text.slice(offset, offset + CHUNK) : null), undefined, {
      bufferSize: CHUNK,
    });
    return tree.rootNode.toString();
  }

  /** Parses `text` and returns the copied tree's root (a `source_file`). */
  parse(original: string): CNode {
    const text = hideRawVariables(original);
    const tree = this.parser.parse((offset: number) => (offset < text.length ? text.slice(offset, offset + CHUNK) : null), undefined, {
      bufferSize: CHUNK,
    });
    return this.copy(tree);
  }

  private copy(tree: TreeSitter.Tree): CNode {
    const c = tree.walk();
    let nextId = 0;
    const make = (typeId: number, fieldName: string | null): CNode => {
      let sym = this.symbols.get(typeId);
      if (!sym) {
        sym = [c.nodeType, c.nodeIsNamed] as const;
        this.symbols.set(typeId, sym);
      }
      const lo = c.startIndex;
      const hi = c.endIndex;
      // Only zero-width nodes can be MISSING; ask the binding only for those.
      const missing = lo === hi && c.nodeIsMissing;
      return new CNode(sym[0], sym[1], missing, lo, hi, fieldName, nextId++);
    };
    const fieldName = (): string | null => {
      const fid = c.currentFieldId;
      if (!fid) return null;
      let name = this.fields.get(fid);
      if (name === undefined) {
        name = c.currentFieldName;
        this.fields.set(fid, name);
      }
      return name;
    };
    const root = make(c.nodeTypeId, null);
    root.hasError = root.type === "ERROR";
    // Iterative pre-order walk: deep trees cannot overflow the stack.
    const stack: CNode[] = [root];
    if (!c.gotoFirstChild()) return root;
    for (;;) {
      const parent = stack[stack.length - 1]!;
      const typeId = c.nodeTypeId;
      const isComment = COMMENTS.has(this.symbols.get(typeId)?.[0] ?? c.nodeType);
      let descended = false;
      if (!isComment) {
        const node = make(typeId, fieldName());
        if (node.isMissing || node.type === "ERROR") node.hasError = parent.hasError = true;
        node.parent = parent;
        node.index = parent.children.length;
        parent.children.push(node);
        if (c.gotoFirstChild()) {
          stack.push(node);
          descended = true;
        }
      }
      if (descended) continue;
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) return root;
        const done = stack.pop()!;
        if (done.hasError && done.parent) done.parent.hasError = true;
        if (stack.length === 0) return root;
      }
    }
  }
}

/** Named children (comments were dropped when copying). */
export function kids(n: SyntaxNode): SyntaxNode[] {
  return n.namedChildren;
}

/** All children, named and anonymous. */
export function allKids(n: SyntaxNode): SyntaxNode[] {
  return n.children;
}

/** True if an anonymous child token `tok` (e.g. `mut`, `move`, `async`) is among the children. */
export function hasToken(n: SyntaxNode, tok: string): boolean {
  for (const c of n.children) if (!c.isNamed && c.type === tok) return true;
  return false;
}

export function field(n: SyntaxNode, name: string): SyntaxNode | null {
  return n.childForFieldName(name);
}
