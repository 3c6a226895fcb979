// Scopes and drops, as rustc's MIR builder keeps them (rustc_mir_build/src/builder/scope.rs).
//
// Every region of the source that owns values — a block, the rest of a block after a `let`, a
// statement's temporaries, a match arm, a loop body — is a `Scope` on a stack. Declaring a variable or
// creating a temporary *schedules* drops in the scope it belongs to: a `storage` drop (StorageDead) and,
// if its type needs dropping, a `value` drop. Leaving a scope normally runs its drops in reverse.
//
// Leaving abnormally shares code, and that sharing is observable: drop elaboration adds a drop flag
// where one drop is reached with a value both initialized and moved. Example:
//
//     let s = String::new();     // schedules drop(s)
//     f().await;                 // poll may unwind  → cleanup: drop(s) → resume      (s initialized)
//     consume(s);                // may unwind       → the *same* cleanup block     (s moved)
//
// rustc builds one `DropTree` per kind of exit — unwinding, dropping a suspended coroutine, `break`/
// `continue` out of a loop, `return` — whose nodes are (drop, next) pairs deduplicated by (local,
// next): the same pending drops give the same block. pinion builds the trees the same way, so the
// cleanup block for `drop(s)` above is shared and `s` gets a flag, as in rustc.

import type { Span } from "../syntax/source.js";
import type { BasicBlock, BlockId, Local, Terminator, Unwind } from "./types.js";
import { place } from "./types.js";

export type DropKind = "value" | "storage";

export interface DropData {
  readonly local: Local;
  readonly kind: DropKind;
  readonly span: Span;
}

export interface Scope {
  readonly id: number;
  /** What the scope is, for debugging and for finding the temporary scope. */
  readonly kind: "fn" | "block" | "remainder" | "statement" | "arm" | "loopBody" | "cond" | "temps" | "breakable";
  readonly drops: DropData[];
  /** Locals moved into a call's arguments: their normal-path drop is skipped (rustc's moved_locals). */
  readonly movedLocals: Set<Local>;
  cachedUnwind: number | undefined;
  cachedCoroutineDrop: number | undefined;
}

/** A node of a drop tree: run `drop`, then continue with node `next`. Node 0 is the root. */
interface DropNode {
  readonly drop: DropData | undefined;
  readonly next: number;
  /** The block that runs this node's drop (built eagerly for unwind and coroutine-drop trees). */
  block: BlockId | undefined;
}

export class DropTree {
  readonly nodes: DropNode[] = [{ drop: undefined, next: -1, block: undefined }];
  private readonly existing = new Map<string, number>();
  /** Blocks that jump into the tree: (block, node). Their terminators are patched when built. */
  readonly entries: { from: BlockId; node: number }[] = [];

  addDrop(drop: DropData, next: number): number {
    const key = `${next}:${drop.local}:${drop.kind}`;
    const found = this.existing.get(key);
    if (found !== undefined) return found;
    this.nodes.push({ drop, next, block: undefined });
    const idx = this.nodes.length - 1;
    this.existing.set(key, idx);
    return idx;
  }

  addEntry(from: BlockId, node: number): void {
    this.entries.push({ from, node });
  }
}

export const ROOT = 0;

/** The control-flow graph under construction. */
export class Cfg {
  readonly blocks: BasicBlock[] = [];

  newBlock(opts: { cleanup: boolean } = { cleanup: false }): BlockId {
    this.blocks.push({ statements: [], terminator: { kind: "unset" }, cleanup: opts.cleanup });
    return this.blocks.length - 1;
  }

  terminate(b: BlockId, t: Terminator): void {
    const blk = this.blocks[b]!;
    if (blk.terminator.kind !== "unset") throw new Error(`internal error: block bb${b} terminated twice (please report this as a bug in pinion)`);
    blk.terminator = t;
  }

  /** Replace a terminator (used to patch drop-tree entry points). */
  retarget(b: BlockId, t: Terminator): void {
    this.blocks[b]!.terminator = t;
  }

  storageDead(b: BlockId, local: Local, span: Span): void {
    this.blocks[b]!.statements.push({ kind: "storageDead", local, span });
  }
}

/**
 * Materializes an unwind or coroutine-drop tree node as blocks (memoized on the node): a value drop
 * is a `drop` terminator to the next node's block, a storage drop a StorageDead statement.
 * `unwindOf(node)` gives the unwind action for a value drop in this tree.
 */
export function nodeBlock(
  tree: DropTree,
  node: number,
  cfg: Cfg,
  opts: { cleanup: boolean; root: () => BlockId; unwindOf: (node: number) => Unwind },
): BlockId {
  const n = tree.nodes[node]!;
  if (n.block !== undefined) return n.block;
  if (node === ROOT) {
    n.block = opts.root();
    return n.block;
  }
  const next = nodeBlock(tree, n.next, cfg, opts);
  const d = n.drop!;
  const b = cfg.newBlock({ cleanup: opts.cleanup });
  if (d.kind === "storage") {
    cfg.storageDead(b, d.local, d.span);
    cfg.terminate(b, { kind: "goto", target: next, span: d.span });
  } else {
    cfg.terminate(b, { kind: "drop", place: place(d.local), target: next, unwind: opts.unwindOf(node), span: d.span });
  }
  n.block = b;
  return b;
}
