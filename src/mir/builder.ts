// The MIR builder's state: locals, the CFG, the scope stack with its drop trees, and the breakable
// scopes (`loop`, labelled blocks, the fn's return). The lowering of expressions, patterns and
// statements (expr.ts, matches.ts, stmt.ts) calls into this.
//
// The shape follows rustc_mir_build closely, because the coroutine layout depends on it: see scope.ts
// for why drops are shared, and expr.ts for where temporaries come from.

import type * as ast from "../syntax/ast.js";
import type { Span } from "../syntax/source.js";
import type { LocalId, Program } from "../resolve/program.js";
import type { Solver } from "../resolve/traits.js";
import { Ty, type DefId } from "../resolve/ty.js";
import { def as defOf } from "../resolve/defs.js";
import { Cfg, DropTree, nodeBlock, ROOT, type DropData, type DropKind, type Scope } from "./scope.js";
import {
  place,
  type Body,
  type BodyKind,
  type BlockId,
  type Local,
  type LocalDecl,
  type LocalKind,
  type Operand,
  type Place,
  type Rvalue,
  type Terminator,
  type Unwind,
  type Upvar,
} from "./types.js";

export interface Breakable {
  /** The scope the breakable region's drops are measured from (its enclosing scope index + 1). */
  readonly scopeIndex: number;
  readonly label: string | undefined;
  /** `loop` and labelled blocks take `break value`; `while`/`for` only `break`. */
  readonly dest: Place | undefined;
  readonly breakDrops: DropTree;
  readonly continueDrops: DropTree | undefined;
  /** Where `continue` goes (loop head). */
  readonly continueTarget: BlockId | undefined;
  readonly kind: "loop" | "block" | "return";
}

/** A body waiting to be built: a closure or async block found inside another body. */
export interface PendingBody {
  readonly kind: "closure" | "asyncBlock";
  readonly node: ast.ClosureExpr | ast.AsyncBlockExpr;
  /** Where the captured locals of the parent live, to name upvars. */
  readonly parentName: string;
}

export class Builder {
  readonly cfg = new Cfg();
  readonly locals: LocalDecl[] = [];
  readonly localMap = new Map<LocalId, Local>();
  readonly scopes: Scope[] = [];
  readonly breakables: Breakable[] = [];
  readonly unwindTree = new DropTree();
  readonly coroutineDropTree = new DropTree();
  /** Captured places of a closure or async block: resolve local → the captured field paths of it
   *  (empty path: the whole variable) and where each lives on the environment arg. */
  readonly upvarPlaces = new Map<LocalId, { path: readonly number[]; place: Place; byRef: boolean; mutable: boolean }[]>();
  readonly upvars: Upvar[] = [];
  readonly pending: PendingBody[] = [];
  /** The stack of temporary scopes: a temporary lives until the innermost one ends. */
  readonly tempScopes: Scope[] = [];
  private nextScopeId = 0;
  private awaits = 0;
  private unwindResumeBlock: BlockId | undefined;
  private coroutineDropBlock: BlockId | undefined;

  constructor(
    readonly program: Program,
    readonly solver: Solver,
    readonly kind: BodyKind,
    readonly isCoroutine: boolean,
    /** The fn item whose generics are in scope (for types), or undefined. */
    readonly fnDef: DefId | undefined,
  ) {}

  // ------------------------------------------------------------------------------------------------
  // Locals

  newLocal(decl: { ty: Ty; kind: LocalKind; name?: string; source?: LocalId; mutable?: boolean; span: Span }): Local {
    this.locals.push({ ty: decl.ty, kind: decl.kind, name: decl.name, source: decl.source, mutable: decl.mutable ?? true, span: decl.span });
    return this.locals.length - 1;
  }

  temp(ty: Ty, span: Span): Local {
    return this.newLocal({ ty, kind: "temp", span });
  }

  localTy(l: Local): Ty {
    return this.locals[l]!.ty;
  }

  /** The MIR local for a resolve/ local (a variable of this body). */
  varLocal(id: LocalId): Local | undefined {
    return this.localMap.get(id);
  }

  declareVar(id: LocalId, opts: { name?: string } = {}): Local {
    const existing = this.localMap.get(id);
    if (existing !== undefined) return existing;
    const l = this.program.locals[id]!;
    const local = this.newLocal({ ty: l.ty, kind: "var", name: opts.name ?? l.name, source: id, mutable: l.mutable, span: l.span });
    this.localMap.set(id, local);
    return local;
  }

  // ------------------------------------------------------------------------------------------------
  // Types (questions about resolved types)

  needsDrop(t: Ty): boolean {
    return this.solver.needsDrop(t);
  }

  isCopy(t: Ty): boolean {
    return this.solver.isCopy(t);
  }

  // ------------------------------------------------------------------------------------------------
  // Blocks and statements

  newBlock(): BlockId {
    return this.cfg.newBlock();
  }

  push(b: BlockId, stmt: Body["blocks"][number]["statements"][number]): void {
    this.cfg.blocks[b]!.statements.push(stmt);
  }

  assign(b: BlockId, p: Place, rv: Rvalue, span: Span): void {
    this.push(b, { kind: "assign", place: p, rvalue: rv, span });
  }

  storageLive(b: BlockId, l: Local, span: Span): void {
    this.push(b, { kind: "storageLive", local: l, span });
  }

  terminate(b: BlockId, t: Terminator): void {
    this.cfg.terminate(b, t);
  }

  goto(b: BlockId, target: BlockId, span: Span): void {
    this.terminate(b, { kind: "goto", target, span });
  }

  /** A call terminator to a fresh block; records the moved operands (rustc's moved_locals). */
  call(b: BlockId, func: Operand, args: Operand[], dest: Place, span: Span, opts: { diverges?: boolean } = {}): BlockId {
    this.recordOperandsMoved(args);
    const unwind = this.diverge();
    if (opts.diverges) {
      this.terminate(b, { kind: "call", func, args, dest, target: undefined, unwind, span });
      return this.newBlock();
    }
    const next = this.newBlock();
    this.terminate(b, { kind: "call", func, args, dest, target: next, unwind, span });
    return next;
  }

  /** `assert(cond == expected)` with an unwind edge, as debug builds check overflow and bounds. */
  assert(b: BlockId, cond: Operand, expected: boolean, msg: import("./types.js").AssertMsg, span: Span): BlockId {
    const next = this.newBlock();
    this.terminate(b, { kind: "assert", cond, expected, msg, target: next, unwind: this.diverge(), span });
    return next;
  }

  nextAwaitIndex(): number {
    return this.awaits++;
  }

  // ------------------------------------------------------------------------------------------------
  // Scopes

  pushScope(kind: Scope["kind"]): Scope {
    const s: Scope = { id: this.nextScopeId++, kind, drops: [], movedLocals: new Set(), cachedUnwind: undefined, cachedCoroutineDrop: undefined };
    this.scopes.push(s);
    return s;
  }

  /** Leaves `scope` (the innermost) normally: its drops run in reverse order. Returns the block after. */
  popScope(b: BlockId, scope: Scope): BlockId {
    const top = this.scopes[this.scopes.length - 1];
    if (top !== scope) throw new Error("internal error: scope stack out of order (please report this as a bug in pinion)");
    b = this.buildScopeDrops(b, scope, this.scopes.length - 1);
    this.scopes.pop();
    return b;
  }

  /** Runs the body `f` inside a new scope of `kind`; the scope's drops run when it returns. */
  inScope(b: BlockId, kind: Scope["kind"], f: (b: BlockId, s: Scope) => BlockId): BlockId {
    const s = this.pushScope(kind);
    const after = f(b, s);
    return this.popScope(after, s);
  }

  /** Also makes the new scope the temporary scope for what runs inside. */
  inTempScope(b: BlockId, kind: Scope["kind"], f: (b: BlockId, s: Scope) => BlockId): BlockId {
    return this.inScope(b, kind, (b2, s) => {
      this.tempScopes.push(s);
      try {
        return f(b2, s);
      } finally {
        this.tempScopes.pop();
      }
    });
  }

  get topScope(): Scope {
    return this.scopes[this.scopes.length - 1]!;
  }

  get tempScope(): Scope {
    return this.tempScopes[this.tempScopes.length - 1] ?? this.scopes[0]!;
  }

  /**
   * Schedules a drop in `scope`. As rustc: a value drop is only scheduled if the type needs dropping;
   * the cached unwind/coroutine-drop entries of this scope and every inner one are invalidated.
   */
  scheduleDrop(scope: Scope, local: Local, kind: DropKind, span: Span): void {
    if (kind === "value" && !this.needsDrop(this.localTy(local))) return;
    const invalidate = kind === "value" || this.isCoroutine;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i]!;
      if (invalidate) {
        s.cachedUnwind = undefined;
        s.cachedCoroutineDrop = undefined;
      }
      if (s === scope) {
        s.drops.push({ local, kind, span });
        return;
      }
    }
    throw new Error("internal error: drop scheduled in a scope that is not on the stack (please report this as a bug in pinion)");
  }

  /** Locals moved into a call whose value drop is in the innermost scope: skip their normal drop. */
  private recordOperandsMoved(args: readonly Operand[]): void {
    const scope = this.topScope;
    for (const a of args) {
      if (a.kind !== "move" || a.place.projection.length) continue;
      if (scope.drops.some((d) => d.local === a.place.local && d.kind === "value")) scope.movedLocals.add(a.place.local);
    }
  }

  private buildScopeDrops(b: BlockId, scope: Scope, index: number): BlockId {
    // The unwind chain while running this scope's drops: each value drop unwinds to the drops after it.
    let unwindNode = this.unwindNodeFor(index);
    for (let i = scope.drops.length - 1; i >= 0; i--) {
      const d = scope.drops[i]!;
      if (d.kind === "value") {
        // The node of `unwindNode` is this very drop: continue unwinding with the next one.
        unwindNode = this.unwindTree.nodes[unwindNode]!.next;
        if (scope.movedLocals.has(d.local)) continue;
        const next = this.newBlock();
        this.terminate(b, { kind: "drop", place: place(d.local), target: next, unwind: this.unwindAction(unwindNode), span: d.span });
        b = next;
      } else {
        if (this.isCoroutine) unwindNode = this.unwindTree.nodes[unwindNode]!.next;
        this.cfg.storageDead(b, d.local, d.span);
      }
    }
    return b;
  }

  /** The unwind tree node covering every pending drop of scopes[0..=index] (rustc's
   *  diverge_cleanup_target). */
  private unwindNodeFor(index: number): number {
    let start = 0;
    let node = ROOT;
    for (let i = index; i >= 0; i--) {
      const c = this.scopes[i]!.cachedUnwind;
      if (c !== undefined) {
        start = i + 1;
        node = c;
        break;
      }
    }
    for (let i = start; i <= index; i++) {
      const s = this.scopes[i]!;
      for (const d of s.drops) if (this.isCoroutine || d.kind === "value") node = this.unwindTree.addDrop(d, node);
      s.cachedUnwind = node;
    }
    return node;
  }

  private unwindAction(node: number): Unwind {
    if (node === ROOT) return { kind: "continue" };
    return { kind: "cleanup", block: this.unwindBlock(node) };
  }

  private unwindBlock(node: number): BlockId {
    return nodeBlock(this.unwindTree, node, this.cfg, {
      cleanup: true,
      root: () => {
        if (this.unwindResumeBlock === undefined) {
          this.unwindResumeBlock = this.cfg.newBlock({ cleanup: true });
          this.cfg.terminate(this.unwindResumeBlock, { kind: "unwindResume", span: { lo: 0, hi: 0 } });
        }
        return this.unwindResumeBlock;
      },
      // A drop that panics while unwinding aborts.
      unwindOf: () => ({ kind: "unreachable" }),
    });
  }

  /** The unwind action for a terminator at the current point: clean up every pending drop. */
  diverge(): Unwind {
    return this.unwindAction(this.unwindNodeFor(this.scopes.length - 1));
  }

  /** Where dropping the coroutine while suspended at the current point continues. */
  coroutineDropTarget(): BlockId {
    let start = 0;
    let node = ROOT;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const c = this.scopes[i]!.cachedCoroutineDrop;
      if (c !== undefined) {
        start = i + 1;
        node = c;
        break;
      }
    }
    for (let i = start; i < this.scopes.length; i++) {
      const s = this.scopes[i]!;
      for (const d of s.drops) node = this.coroutineDropTree.addDrop(d, node);
      s.cachedCoroutineDrop = node;
    }
    return this.coroutineDropBlock_(node);
  }

  private coroutineDropBlock_(node: number): BlockId {
    return nodeBlock(this.coroutineDropTree, node, this.cfg, {
      cleanup: false,
      root: () => {
        if (this.coroutineDropBlock === undefined) {
          this.coroutineDropBlock = this.cfg.newBlock();
          this.cfg.terminate(this.coroutineDropBlock, { kind: "coroutineDrop", span: { lo: 0, hi: 0 } });
        }
        return this.coroutineDropBlock;
      },
      unwindOf: (n) => this.unwindForExitNode(this.coroutineDropTree, n, 0),
    });
  }

  /**
   * The unwind action for a value drop at `node` of an exit tree (break/return/coroutine drop) whose
   * root continues in scope `baseIndex - 1`: the drops still pending after it, then the drops of the
   * scopes outside.
   */
  private unwindForExitNode(tree: DropTree, node: number, baseIndex: number): Unwind {
    const chain: DropData[] = [];
    for (let n = tree.nodes[node]!.next; n !== ROOT; n = tree.nodes[n]!.next) chain.push(tree.nodes[n]!.drop!);
    let u = baseIndex > 0 ? this.unwindNodeFor(baseIndex - 1) : ROOT;
    for (let i = chain.length - 1; i >= 0; i--) if (this.isCoroutine || chain[i]!.kind === "value") u = this.unwindTree.addDrop(chain[i]!, u);
    return this.unwindAction(u);
  }

  // ------------------------------------------------------------------------------------------------
  // Breakable scopes: loops, labelled blocks, return

  /** Runs `f` as a breakable region; `break`/`continue` inside it leave through shared exit trees. */
  inBreakable(
    b: BlockId,
    opts: { kind: Breakable["kind"]; label: string | undefined; dest: Place | undefined; continueTarget: BlockId | undefined },
    f: (b: BlockId) => BlockId | undefined,
  ): BlockId {
    const br: Breakable = {
      scopeIndex: this.scopes.length,
      label: opts.label,
      dest: opts.dest,
      breakDrops: new DropTree(),
      continueDrops: opts.continueTarget !== undefined ? new DropTree() : undefined,
      continueTarget: opts.continueTarget,
      kind: opts.kind,
    };
    this.breakables.push(br);
    const end = f(b);
    this.breakables.pop();
    // Normal fall-through (a labelled block's value) joins the break exits.
    const exit = this.newBlock();
    if (end !== undefined) this.goto(end, exit, { lo: 0, hi: 0 });
    this.buildExitTree(br.breakDrops, exit, br.scopeIndex);
    if (br.continueDrops && br.continueTarget !== undefined) this.buildExitTree(br.continueDrops, br.continueTarget, br.scopeIndex);
    return exit;
  }

  /** Emits `break`/`continue`/`return` from `b`; returns a fresh unreachable block after it. */
  breakOut(b: BlockId, target: Breakable, which: "break" | "continue", span: Span): BlockId {
    const tree = which === "break" ? target.breakDrops : target.continueDrops!;
    let node = ROOT;
    for (let i = target.scopeIndex; i < this.scopes.length; i++) for (const d of this.scopes[i]!.drops) node = tree.addDrop(d, node);
    tree.addEntry(b, node);
    this.terminate(b, { kind: "goto", target: -1, span });
    return this.newBlock();
  }

  findBreakable(label: string | undefined, which: "break" | "continue"): Breakable | undefined {
    for (let i = this.breakables.length - 1; i >= 0; i--) {
      const br = this.breakables[i]!;
      if (br.kind === "return") continue;
      if (label !== undefined) {
        if (br.label === label) return br;
      } else if (br.kind === "loop" && (which === "break" || br.continueTarget !== undefined)) return br;
    }
    return undefined;
  }

  get returnScope(): Breakable {
    return this.breakables[0]!;
  }

  /** Turns an exit tree into blocks ending at `exit`, and points its entries at them. */
  private buildExitTree(tree: DropTree, exit: BlockId, baseIndex: number): void {
    const blocks = new Map<number, BlockId>([[ROOT, exit]]);
    const blockOf = (node: number): BlockId => {
      const known = blocks.get(node);
      if (known !== undefined) return known;
      const n = tree.nodes[node]!;
      const next = blockOf(n.next);
      const b = this.cfg.newBlock();
      const d = n.drop!;
      if (d.kind === "storage") {
        this.cfg.storageDead(b, d.local, d.span);
        this.cfg.terminate(b, { kind: "goto", target: next, span: d.span });
      } else {
        this.cfg.terminate(b, { kind: "drop", place: place(d.local), target: next, unwind: this.unwindForExitNode(tree, node, baseIndex), span: d.span });
      }
      blocks.set(node, b);
      return b;
    };
    for (const e of tree.entries) {
      const t = this.cfg.blocks[e.from]!.terminator;
      const span = t.kind === "goto" ? t.span : { lo: 0, hi: 0 };
      this.cfg.retarget(e.from, { kind: "goto", target: blockOf(e.node), span });
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Std items the lowering calls

  traitMethod(trait: DefId, name: string): DefId {
    const id = defOf(this.program.table, trait, "trait").items.get(name);
    if (id === undefined) throw new Error(`internal error: std stub trait method ${name} missing (please report this as a bug in pinion)`);
    return id;
  }

  fnConst(def: DefId, args: readonly Ty[], span: Span, selfTy?: Ty): Operand {
    return { kind: "const", value: { kind: "fn", def, args, ...(selfTy ? { selfTy } : {}) }, ty: { k: "fndef", def, args }, };
  }

  intrinsic(name: string): Operand {
    return { kind: "const", value: { kind: "intrinsic", name }, ty: Ty.unit };
  }

  finish(opts: { node: ast.NodeId; def: DefId | undefined; name: string; span: Span; argCount: number; output: Ty }): Body {
    for (const [i, b] of this.cfg.blocks.entries()) {
      if (b.terminator.kind === "unset") b.terminator = { kind: "unreachable", span: { lo: 0, hi: 0 } };
      if (b.terminator.kind === "goto" && b.terminator.target === -1) throw new Error(`internal error: unpatched exit in bb${i} (please report this as a bug in pinion)`);
    }
    return {
      kind: this.kind,
      node: opts.node,
      def: opts.def,
      name: opts.name,
      span: opts.span,
      locals: this.locals,
      blocks: this.cfg.blocks,
      argCount: opts.argCount,
      upvars: this.upvars,
      output: opts.output,
      localMap: this.localMap,
    };
  }
}
