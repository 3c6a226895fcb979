// CST → AST: tree-sitter-rust's concrete syntax tree becomes pinion's own AST (ast.ts).
//
//     [rust]      async fn foo(x: &u8) -> u8 { let y = (*x + 1); bar(y).await }
//     [cst]       function_item (function_modifiers "async") name: identifier  parameters: (parameter …)
//                   body: block (let_declaration … (parenthesized_expression (binary_expression …)))
//                               (await_expression (call_expression …))
//     [lowered]   Fn { isAsync, name: foo, params: [x: RefType(u8)], ret: u8,
//                      body: Block { stmts: [Let y = Binary(+, Unary(deref, x), 1)], tail: Await(Call(bar, [y])) } }
//
// The one idea: every CST node is visited once, in source order, by a `Lowerer` that knows the text
// the tree was parsed from and a `SpanMap` from that text to the user's file. The user's file has the
// identity map; a macro's arguments or a `macro_rules!` expansion are parsed again as new text and
// lowered by a new `Lowerer` whose map points back into the file (spans.ts), sharing the `Session`
// (NodeId counter, diagnostics, depth). So an expression inside `println!` gets its id from the same
// counter and its span in the user's `println!` line.
//
// What is dropped: lifetimes, visibility, parentheses (the inner node takes the outer span), comments.
// What becomes a diagnostic: tree-sitter ERROR / MISSING nodes (reported by errors.ts; here they lower
// to `Error` / `WildPat` / `InferType` stand-ins), constructs outside the subset (P0003, named), and
// nesting deeper than MAX_NESTING (P0003 "expression nested too deeply", so no input overflows the stack).

import type {
  AssocItem,
  AssocType,
  Attrs,
  BinaryOp,
  Block,
  ClosureParam,
  ConstItem,
  EnumItem,
  Expr,
  FieldDef,
  FnItem,
  GenericArgs,
  GenericParam,
  Generics,
  Ident,
  IfExpr,
  ImplItem,
  Item,
  LitExpr,
  MatchArm,
  ModItem,
  Param,
  Pat,
  Path,
  PathSegment,
  SelfParam,
  StaticItem,
  Stmt,
  StructItem,
  TraitBound,
  TraitItem,
  Type,
  TypeAliasItem,
  UseEntry,
  UseItem,
  Variant,
  WherePredicate,
  BlockExpr,
} from "./ast.js";
import { allKids, field, hasToken, kids, type SyntaxNode } from "./cst.js";
import { reportSyntaxErrors } from "./errors.js";
import { decodeLiteral, type DecodedLit } from "./literals.js";
import { MacroScope, defineMacroRules, expandUserMacro } from "./macros.js";
import { MAX_NESTING, type Extra, type Session, type SyntaxCode } from "./session.js";
import type { Span } from "./source.js";
import { sliceMap, type SpanMap } from "./spans.js";
import { lowerStdMacroExpr, lowerStdMacroItems, lowerStdMacroStmts, isStdMacroName } from "./std-macros.js";

const BINARY_OPS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||"]);
const COMPOUND_OPS: ReadonlySet<string> = new Set(["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]);

/** Node types that are items (declarations) wherever they appear. */
const ITEM_TYPES: ReadonlySet<string> = new Set([
  "function_item",
  "function_signature_item",
  "struct_item",
  "enum_item",
  "union_item",
  "trait_item",
  "impl_item",
  "const_item",
  "static_item",
  "mod_item",
  "use_declaration",
  "type_item",
  "extern_crate_declaration",
  "foreign_mod_item",
  "macro_definition",
  "associated_type",
]);

/** What a parsed wrapper text looks like to the caller: the root and a lowerer for it. */
export interface Reparsed {
  readonly root: SyntaxNode;
  readonly lowerer: Lowerer;
}

export class Lowerer {
  constructor(
    readonly s: Session,
    /** The text the current tree was parsed from (the file, or a wrapper / expansion). */
    readonly text: string,
    readonly map: SpanMap,
    /** `macro_rules!` definitions visible at the current point. */
    public scope: MacroScope,
    /** The span of the macro invocation this text came from, if any (for messages about it). */
    readonly callSite?: Span,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Spans, ids, diagnostics

  sp(n: SyntaxNode): Span {
    return this.map.map(n.startIndex, n.endIndex);
  }
  spanOf(lo: number, hi: number): Span {
    return this.map.map(lo, hi);
  }
  textOf(n: SyntaxNode): string {
    return this.text.slice(n.startIndex, n.endIndex);
  }
  id(): number {
    return this.s.id();
  }
  report(code: SyntaxCode, message: string, span: Span, label = "", extra: Extra = {}): void {
    this.s.report(code, message, span, label, extra);
  }
  /** P0003; `subject` names the construct with its verb, e.g. "`union` types are". */
  unsupported(subject: string, span: Span, extra: Extra = {}): void {
    this.report("P0003", `${subject} not supported by pinion`, span, "not supported", extra);
  }
  ident(n: SyntaxNode): Ident {
    let name = this.textOf(n);
    if (name.startsWith("r#")) name = name.slice(2);
    return { name, span: this.sp(n) };
  }

  /**
   * tree-sitter-rust 0.24 reads `break 'a *x` as `(break 'a) * x` (also with `-x`, `&x`, `&&x`): the
   * value of a labelled break that starts with a prefix operator becomes the right side of a binary
   * expression. Rust means `break 'a (*x)`. Reparse the value from the operator on.
   */
  private labelledBreakWithPrefixValue(n: SyntaxNode): Expr | undefined {
    let cur: SyntaxNode = n;
    let innermost: SyntaxNode | undefined;
    while (cur.type === "binary_expression") {
      innermost = cur;
      const left = field(cur, "left");
      if (!left) return undefined;
      cur = left;
    }
    if (cur.type !== "break_expression" || !innermost) return undefined;
    const label = kids(cur).find((k) => k.type === "label");
    if (!label || kids(cur).some((k) => k.type !== "label")) return undefined;
    const opNode = field(innermost, "operator");
    if (!opNode || !["*", "-", "&", "&&"].includes(opNode.type)) return undefined;
    const value = this.reparsePrefixOperand(opNode, n);
    if (!value) return undefined;
    return { kind: "Break", id: this.id(), span: this.sp(n), label: this.labelIdent(label), value };
  }

  /** tree-sitter reads an open range followed by a prefix operator the same way: `0..*n` is
   *  `(0..) * n` and `lo..-1` is `(lo..) - 1` to it, where rustc reads `0..(*n)` — a range binds
   *  looser than every binary operator, so its upper bound is the whole rest of the expression.
   *  Found as the leftmost operand of a chain of binary expressions being `lo..` (or `..`); the
   *  rest, from the operator on, is parsed again as the upper bound. */
  private openRangeWithPrefixHi(n: SyntaxNode): Expr | undefined {
    let cur: SyntaxNode = n;
    let innermost: SyntaxNode | undefined;
    while (cur.type === "binary_expression") {
      innermost = cur;
      const left = field(cur, "left");
      if (!left) return undefined;
      cur = left;
    }
    if (cur.type !== "range_expression" || !innermost) return undefined;
    // Open above: the range's last token is its `..` (`..=` needs an upper bound, so it is not misread).
    const last = allKids(cur).at(-1);
    if (!last || last.isNamed || last.type !== "..") return undefined;
    const opNode = field(innermost, "operator");
    if (!opNode || !["*", "-", "&", "&&", "!"].includes(opNode.type)) return undefined;
    const hi = this.reparsePrefixOperand(opNode, n);
    if (!hi) return undefined;
    const loNode = cur.namedChildren[0];
    return { kind: "Range", id: this.id(), span: this.sp(n), ...(loNode && { lo: this.lowerExpr(loNode) }), hi, inclusive: false };
  }

  /** The text from `opNode` (a prefix operator tree-sitter took for a binary one) to the end of `n`,
   *  parsed again as one expression. */
  private reparsePrefixOperand(opNode: SyntaxNode, n: SyntaxNode): Expr | undefined {
    const { root, lowerer } = this.reparseSlice("fn __pinion() { __pinion(", opNode.startIndex, n.endIndex, "\n); }", this.sp(n));
    const body = kids(root)[0]?.childForFieldName("body");
    const stmt = body ? kids(body)[0] : undefined;
    const call = stmt ? (stmt.type === "expression_statement" ? kids(stmt)[0] : stmt) : undefined;
    const arg = call?.type === "call_expression" ? kids(call.childForFieldName("arguments")!)[0] : undefined;
    return arg ? lowerer.lowerExpr(arg) : undefined;
  }

  /** Parses `text` (a wrapper around a slice of this text, or generated text) and returns a lowerer
   *  for it. Syntax errors in it are reported through `map`. */
  reparse(text: string, map: SpanMap, callSite?: Span): Reparsed {
    const root = this.s.parser.parse(text);
    const lowerer = new Lowerer(this.s, text, map, this.scope, callSite ?? this.callSite);
    if (root.hasError) reportSyntaxErrors(root, lowerer);
    return { root, lowerer };
  }

  /** Reparses `prefix + this.text[lo, hi) + suffix`, mapping spans back into the slice. */
  reparseSlice(prefix: string, lo: number, hi: number, suffix: string, callSite?: Span): Reparsed {
    return this.reparse(prefix + this.text.slice(lo, hi) + suffix, sliceMap(this.map, prefix.length, lo, hi), callSite);
  }

  // -------------------------------------------------------------------------------------------------
  // Nesting depth: deep input becomes one diagnostic, never a stack overflow.

  private enter(n: SyntaxNode): boolean {
    if (++this.s.depth <= MAX_NESTING) return true;
    const span = this.sp(n);
    // Reported once per file: every sibling of a too-deep node is too deep as well.
    if (this.s.tooDeep.length === 0) {
      this.s.tooDeep.push(span);
      this.report("P0003", "expression nested too deeply", span, `more than ${MAX_NESTING} levels of nesting`, {
        notes: ["pinion lowers at most 256 levels of nested expressions, patterns, types and blocks"],
      });
    }
    return false;
  }
  private leave(): void {
    this.s.depth--;
  }

  // -------------------------------------------------------------------------------------------------
  // Items

  /** Lowers a sequence of item-level nodes (a file, a module body, a macro expansion). */
  lowerItems(nodes: readonly SyntaxNode[], out: Item[]): void {
    let pending: SyntaxNode[] = [];
    for (const n of nodes) {
      const t = n.type;
      if (t === "attribute_item") {
        pending.push(n);
        continue;
      }
      if (t === "inner_attribute_item" || t === "line_comment" || t === "block_comment" || t === "shebang") continue;
      const attrs = pending;
      pending = [];
      if (t === "empty_statement" || t === "ERROR") continue;
      const a = this.lowerAttrs(attrs);
      if (a === "skip") continue;
      this.lowerItemInto(n, a, out);
    }
  }

  lowerItemInto(n: SyntaxNode, attrs: Attrs, out: Item[]): void {
    switch (n.type) {
      case "function_item":
        out.push(this.lowerFn(n, attrs, { inTrait: false }));
        return;
      case "function_signature_item":
        this.report("P0002", "free function without a body", this.sp(n), "", { help: ["provide a definition for the function: `{ <body> }`"] });
        out.push(this.lowerFn(n, attrs, { inTrait: false }));
        return;
      case "struct_item":
        out.push(this.lowerStruct(n, attrs));
        return;
      case "enum_item":
        out.push(this.lowerEnum(n, attrs));
        return;
      case "union_item":
        this.unsupported("`union` types are", this.sp(firstTokenNode(n, "union") ?? n));
        return;
      case "trait_item":
        out.push(this.lowerTrait(n, attrs));
        return;
      case "impl_item": {
        const impl = this.lowerImpl(n, attrs);
        if (impl) out.push(impl);
        return;
      }
      case "const_item":
        out.push(this.lowerConst(n, { inTrait: false }));
        return;
      case "static_item":
        out.push(this.lowerStatic(n, { threadLocal: false }));
        return;
      case "mod_item": {
        const m = this.lowerMod(n, attrs);
        if (m) out.push(m);
        return;
      }
      case "use_declaration":
        out.push(this.lowerUse(n));
        return;
      case "type_item":
        out.push(this.lowerTypeAlias(n));
        return;
      case "extern_crate_declaration":
        // `extern crate foo;` is a no-op in the 2018+ editions.
        return;
      case "foreign_mod_item":
        this.unsupported('`extern "C"` blocks are', this.sp(n), { notes: ["pinion runs Rust code only; foreign functions cannot be simulated"] });
        return;
      case "macro_definition":
        defineMacroRules(this, n, attrs);
        return;
      case "macro_invocation":
        this.lowerMacroItems(n, out);
        return;
      case "associated_type":
        this.report("P0002", "associated type outside of a trait or impl", this.sp(n));
        return;
      case "let_declaration":
        this.report("P0002", "expected item, found keyword `let`", this.sp(firstTokenNode(n, "let") ?? n), "expected item", {
          notes: ["`let` statements are only allowed inside function bodies"],
        });
        return;
      case "expression_statement":
      default: {
        if (n.type === "expression_statement" || isExpressionType(n.type)) {
          const inner = n.type === "expression_statement" ? kids(n)[0] : n;
          if (inner && inner.type === "macro_invocation") {
            this.lowerMacroItems(inner, out);
            return;
          }
          this.report("P0002", "expected item, found expression", this.sp(n), "expected item", {
            notes: ["statements and expressions are only allowed inside function bodies"],
          });
          return;
        }
        if (n.isMissing) return;
        this.report("P0002", `expected item, found \`${shortText(this.textOf(n))}\``, this.sp(n), "expected item");
      }
    }
  }

  /** Attributes by path; `#[cfg(test)]` items are dropped (as in a normal build). */
  lowerAttrs(nodes: readonly SyntaxNode[]): Attrs | "skip" {
    if (nodes.length === 0) return { derives: [], other: [] };
    const derives: Ident[] = [];
    const other: { path: string; span: Span }[] = [];
    for (const item of nodes) {
      const attr = kids(item).find((k) => k.type === "attribute");
      if (!attr) continue;
      const pathNode = kids(attr).find((k) => k.type !== "token_tree" && field(attr, "value")?.id !== k.id);
      const path = pathNode ? this.textOf(pathNode).replace(/\s+/g, "") : "";
      const args = field(attr, "arguments");
      if (path === "derive" && args) {
        for (const k of kids(args)) {
          if (k.type === "identifier" || k.type === "scoped_identifier") {
            const full = this.textOf(k).replace(/\s+/g, "");
            const last = full.split("::").pop() ?? full;
            derives.push({ name: last, span: this.sp(k) });
          }
        }
        continue;
      }
      if (path === "cfg" && args) {
        const a = this.textOf(args).replace(/\s+/g, "");
        if (a === "(test)") return "skip";
      }
      other.push({ path, span: this.sp(attr) });
    }
    return { derives, other };
  }

  lowerFn(n: SyntaxNode, attrs: Attrs, opts: { inTrait: boolean }): FnItem {
    const span = this.sp(n);
    const id = this.id();
    let isAsync = false;
    let isUnsafe = false;
    let isConst = false;
    for (const c of allKids(n)) {
      if (c.type === "function_modifiers") {
        for (const m of allKids(c)) {
          if (m.type === "async") isAsync = true;
          else if (m.type === "unsafe") isUnsafe = true;
          else if (m.type === "const") isConst = true;
          else if (m.type === "default") this.unsupported("`default` specialization is", this.sp(m));
        }
      }
    }
    const nameNode = field(n, "name");
    const name = nameNode ? this.ident(nameNode) : { name: "", span };
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    const { selfParam, params } = this.lowerParams(field(n, "parameters"), { inTrait: opts.inTrait });
    const retNode = field(n, "return_type");
    const bodyNode = field(n, "body");
    const fn: FnItem = {
      kind: "Fn",
      id,
      span,
      attrs,
      name,
      generics,
      ...(selfParam && { selfParam }),
      params,
      ...(retNode && { ret: this.lowerType(retNode) }),
      ...(bodyNode && { body: this.lowerBlockNode(bodyNode, "normal") }),
      isAsync,
      isUnsafe,
      isConst,
    };
    return fn;
  }

  private lowerParams(n: SyntaxNode | null, _opts: { inTrait: boolean }): { selfParam?: SelfParam; params: Param[] } {
    const params: Param[] = [];
    let selfParam: SelfParam | undefined;
    if (!n) return { params };
    for (const c of kids(n)) {
      switch (c.type) {
        case "self_parameter": {
          const ref = hasToken(c, "&");
          const mut = kids(c).some((k) => k.type === "mutable_specifier");
          selfParam = { span: this.sp(c), kind: ref ? (mut ? "refMut" : "ref") : "value", mutable: !ref && mut };
          break;
        }
        case "parameter": {
          const patNode = field(c, "pattern");
          const tyNode = field(c, "type");
          const mut = kids(c).some((k) => k.type === "mutable_specifier");
          if (patNode && patNode.type === "self") {
            selfParam = { span: this.sp(c), kind: "explicit", mutable: mut, ...(tyNode && { ty: this.lowerType(tyNode) }) };
            break;
          }
          const pat = patNode ? this.lowerPat(patNode) : this.wildPat(this.sp(c));
          params.push({ span: this.sp(c), pat: mut ? this.withMut(pat) : pat, ty: tyNode ? this.lowerType(tyNode) : this.inferType(this.sp(c)) });
          break;
        }
        case "attribute_item":
          break;
        case "variadic_parameter":
          this.unsupported("C-variadic parameters are", this.sp(c));
          break;
        case "ERROR":
          break;
        default:
          if (c.isMissing) break;
          // A bare type: an anonymous parameter (Rust 2015) or a trait method without a name.
          this.report("P0002", "expected parameter name, found type", this.sp(c), "expected a pattern", {
            help: ["give the parameter a name: `_: T`"],
          });
          params.push({ span: this.sp(c), pat: this.wildPat(this.sp(c)), ty: this.lowerType(c) });
      }
    }
    return selfParam ? { selfParam, params } : { params };
  }

  /** `mut` written on a `let` or a parameter applies to the binding. */
  private withMut(p: Pat): Pat {
    if (p.kind === "IdentPat") return { ...p, mutable: true };
    return p;
  }

  private lowerStruct(n: SyntaxNode, attrs: Attrs): StructItem {
    const span = this.sp(n);
    const id = this.id();
    const nameNode = field(n, "name");
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    const body = field(n, "body");
    const { shape, fields } = this.lowerFields(body);
    return { kind: "Struct", id, span, attrs, name: nameNode ? this.ident(nameNode) : { name: "", span }, generics, shape, fields };
  }

  private lowerFields(body: SyntaxNode | null): { shape: "named" | "tuple" | "unit"; fields: FieldDef[] } {
    if (!body) return { shape: "unit", fields: [] };
    const fields: FieldDef[] = [];
    if (body.type === "field_declaration_list") {
      for (const f of kids(body)) {
        if (f.type !== "field_declaration") continue;
        const nm = field(f, "name");
        const ty = field(f, "type");
        fields.push({ span: this.sp(f), name: nm ? this.ident(nm) : { name: "", span: this.sp(f) }, ty: ty ? this.lowerType(ty) : this.inferType(this.sp(f)) });
      }
      return { shape: "named", fields };
    }
    // ordered_field_declaration_list: `(pub A, B)`; the types are the `type` fields.
    let k = 0;
    for (const c of kids(body)) {
      if (c.type === "attribute_item" || c.type === "visibility_modifier" || c.type === "ERROR") continue;
      fields.push({ span: this.sp(c), name: { name: String(k++), span: this.sp(c) }, ty: this.lowerType(c) });
    }
    return { shape: "tuple", fields };
  }

  private lowerEnum(n: SyntaxNode, attrs: Attrs): EnumItem {
    const span = this.sp(n);
    const id = this.id();
    const nameNode = field(n, "name");
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    const variants: Variant[] = [];
    const body = field(n, "body");
    let pending: SyntaxNode[] = [];
    for (const v of body ? kids(body) : []) {
      if (v.type === "attribute_item") {
        pending.push(v);
        continue;
      }
      if (v.type !== "enum_variant") continue;
      const attrs = this.lowerAttrs(pending);
      pending = [];
      if (attrs === "skip") continue;
      const vn = field(v, "name");
      const { shape, fields } = this.lowerFields(field(v, "body"));
      const value = field(v, "value");
      variants.push({
        span: this.sp(v),
        id: this.id(),
        name: vn ? this.ident(vn) : { name: "", span: this.sp(v) },
        shape,
        fields,
        ...(value && { discriminant: this.lowerExpr(value) }),
        ...((attrs.derives.length > 0 || attrs.other.length > 0) && { attrs }),
      });
    }
    return { kind: "Enum", id, span, attrs, name: nameNode ? this.ident(nameNode) : { name: "", span }, generics, variants };
  }

  private lowerTrait(n: SyntaxNode, attrs: Attrs): TraitItem {
    const span = this.sp(n);
    const id = this.id();
    const nameNode = field(n, "name");
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    const boundsNode = field(n, "bounds");
    const supertraits = boundsNode ? this.lowerBounds(boundsNode) : [];
    const items = this.lowerAssocItems(field(n, "body"), { inTrait: true });
    return {
      kind: "Trait",
      id,
      span,
      attrs,
      name: nameNode ? this.ident(nameNode) : { name: "", span },
      generics,
      supertraits,
      items,
      isUnsafe: hasToken(n, "unsafe"),
    };
  }

  private lowerImpl(n: SyntaxNode, attrs: Attrs): ImplItem | undefined {
    const span = this.sp(n);
    const id = this.id();
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    const traitNode = field(n, "trait");
    const tyNode = field(n, "type");
    const body = field(n, "body");
    if (!body) {
      this.report("P0002", "expected `{` after the type of an `impl` block", span, "expected `{`");
    }
    if (hasToken(n, "const")) this.unsupported("`impl const` blocks are", span);
    const trait = traitNode ? this.typeNodeToPath(traitNode) : undefined;
    const items = this.lowerAssocItems(body, { inTrait: false });
    return {
      kind: "Impl",
      id,
      span,
      attrs,
      generics,
      ...(trait && { trait }),
      negative: hasToken(n, "!"),
      selfTy: tyNode ? this.lowerType(tyNode) : this.inferType(span),
      items,
      isUnsafe: hasToken(n, "unsafe"),
    };
  }

  private lowerAssocItems(body: SyntaxNode | null, opts: { inTrait: boolean }): AssocItem[] {
    const items: AssocItem[] = [];
    if (!body) return items;
    let pending: SyntaxNode[] = [];
    for (const c of kids(body)) {
      if (c.type === "attribute_item") {
        pending.push(c);
        continue;
      }
      const a = this.lowerAttrs(pending);
      pending = [];
      if (a === "skip") continue;
      switch (c.type) {
        case "function_item":
        case "function_signature_item":
          if (c.type === "function_signature_item" && !opts.inTrait) {
            this.report("P0002", "associated function in `impl` without body", this.sp(c), "", { help: ["provide a definition for the function: `{ <body> }`"] });
          }
          items.push(this.lowerFn(c, a, { inTrait: opts.inTrait }));
          break;
        case "associated_type":
          items.push(this.lowerAssocType(c));
          break;
        case "type_item": {
          // `type Output = T;` in an impl.
          const nm = field(c, "name");
          const ty = field(c, "type");
          const at: AssocType = {
            kind: "AssocType",
            id: this.id(),
            span: this.sp(c),
            name: nm ? this.ident(nm) : { name: "", span: this.sp(c) },
            bounds: [],
            ...(ty && { ty: this.lowerType(ty) }),
          };
          items.push(at);
          break;
        }
        case "const_item":
          items.push(this.lowerConst(c, { inTrait: opts.inTrait }));
          break;
        case "macro_invocation": {
          const out: Item[] = [];
          this.lowerMacroItems(c, out);
          for (const it of out) {
            if (it.kind === "Fn" || it.kind === "Const") items.push(it);
            else this.report("P0002", `this item cannot appear in ${opts.inTrait ? "a trait" : "an impl"}`, it.span);
          }
          break;
        }
        case "inner_attribute_item":
        case "empty_statement":
        case "ERROR":
          break;
        default:
          if (!c.isMissing) this.report("P0002", `expected an associated item, found \`${shortText(this.textOf(c))}\``, this.sp(c), "unexpected");
      }
    }
    return items;
  }

  private lowerAssocType(n: SyntaxNode): AssocType {
    const nm = field(n, "name");
    const bounds = field(n, "bounds");
    const ty = field(n, "type");
    return {
      kind: "AssocType",
      id: this.id(),
      span: this.sp(n),
      name: nm ? this.ident(nm) : { name: "", span: this.sp(n) },
      bounds: bounds ? this.lowerBounds(bounds) : [],
      ...(ty && { ty: this.lowerType(ty) }),
    };
  }

  private lowerConst(n: SyntaxNode, opts: { inTrait: boolean }): ConstItem {
    const span = this.sp(n);
    const id = this.id();
    const nm = field(n, "name");
    const ty = field(n, "type");
    const value = field(n, "value");
    if (!value && !opts.inTrait) this.report("P0002", "free constant item without body", span, "", { help: ["provide a definition for the constant: `= <expr>;`"] });
    if (!ty) this.report("P0002", "missing type for `const` item", nm ? this.sp(nm) : span, "", { help: ["provide a type for the constant"] });
    return {
      kind: "Const",
      id,
      span,
      name: nm ? this.ident(nm) : { name: "_", span },
      ty: ty ? this.lowerType(ty) : this.inferType(span),
      ...(value && { value: this.lowerExpr(value) }),
    };
  }

  lowerStatic(n: SyntaxNode, opts: { threadLocal: boolean }): StaticItem {
    const span = this.sp(n);
    const id = this.id();
    const nm = field(n, "name");
    const ty = field(n, "type");
    const value = field(n, "value");
    if (!value) this.report("P0002", "free static item without body", span, "", { help: ["provide a definition for the static: `= <expr>;`"] });
    return {
      kind: "Static",
      id,
      span,
      name: nm ? this.ident(nm) : { name: "_", span },
      ty: ty ? this.lowerType(ty) : this.inferType(span),
      value: value ? this.lowerExpr(value) : this.errorExpr(span),
      mutable: kids(n).some((k) => k.type === "mutable_specifier"),
      threadLocal: opts.threadLocal,
    };
  }

  private lowerMod(n: SyntaxNode, attrs: Attrs): ModItem | undefined {
    const span = this.sp(n);
    const nm = field(n, "name");
    const body = field(n, "body");
    if (!body) {
      this.unsupported("out-of-line modules (`mod name;`) are", span, {
        help: ["pinion reads one file: write the module inline, `mod name { … }`"],
      });
      return undefined;
    }
    const id = this.id();
    const outer = this.scope;
    const inner = new MacroScope(outer);
    this.scope = inner;
    const items: Item[] = [];
    try {
      this.lowerItems(kids(body), items);
    } finally {
      this.scope = outer;
    }
    // `#[macro_use] mod m { … }`: its macros stay visible after the module.
    if (attrs.other.some((a) => a.path === "macro_use")) outer.adoptFrom(inner);
    return { kind: "Mod", id, span, name: nm ? this.ident(nm) : { name: "", span }, items };
  }

  private lowerUse(n: SyntaxNode): UseItem {
    const span = this.sp(n);
    const id = this.id();
    const entries: UseEntry[] = [];
    const arg = field(n, "argument");
    if (arg) this.useTree(arg, [], entries);
    return { kind: "Use", id, span, entries };
  }

  private useTree(n: SyntaxNode, prefix: Ident[], out: UseEntry[]): void {
    switch (n.type) {
      case "identifier":
      case "self":
      case "super":
      case "crate":
      case "metavariable": {
        const id = this.ident(n);
        if (n.type === "self" && prefix.length > 0) {
          // `use a::b::{self}` imports `b`.
          out.push({ span: this.sp(n), path: prefix, alias: prefix[prefix.length - 1]!, glob: false });
        } else out.push({ span: this.sp(n), path: [...prefix, id], alias: id, glob: false });
        return;
      }
      case "scoped_identifier": {
        const path = this.usePath(n, prefix);
        const last = path[path.length - 1]!;
        if (last.name === "self" && path.length > 1) {
          const p = path.slice(0, -1);
          out.push({ span: this.sp(n), path: p, alias: p[p.length - 1]!, glob: false });
        } else out.push({ span: this.sp(n), path, alias: last, glob: false });
        return;
      }
      case "use_as_clause": {
        const p = field(n, "path");
        const alias = field(n, "alias");
        const path = p ? this.usePath(p, prefix) : prefix;
        const al = alias ? this.ident(alias) : path[path.length - 1];
        // `use a::b as _;` imports for trait methods only; keep the path.
        out.push({ span: this.sp(n), path: path.length > 1 && path[path.length - 1]!.name === "self" ? path.slice(0, -1) : path, ...(al && { alias: al }), glob: false });
        return;
      }
      case "use_wildcard": {
        const p = kids(n)[0];
        const path = p ? this.usePath(p, prefix) : prefix;
        out.push({ span: this.sp(n), path, glob: true });
        return;
      }
      case "use_list":
        for (const c of kids(n)) this.useTree(c, prefix, out);
        return;
      case "scoped_use_list": {
        const p = field(n, "path");
        const list = field(n, "list");
        const path = p ? this.usePath(p, prefix) : prefix;
        if (list) this.useTree(list, path, out);
        return;
      }
      default:
        if (n.type !== "ERROR" && !n.isMissing) this.report("P0002", `unexpected \`${shortText(this.textOf(n))}\` in a \`use\` declaration`, this.sp(n));
    }
  }

  private usePath(n: SyntaxNode, prefix: Ident[]): Ident[] {
    const segs: Ident[] = [...prefix];
    const go = (m: SyntaxNode): void => {
      if (m.type === "scoped_identifier") {
        const p = field(m, "path");
        if (p) go(p);
        const nm = field(m, "name");
        if (nm) segs.push(this.ident(nm));
      } else segs.push(this.ident(m));
    };
    go(n);
    return segs;
  }

  private lowerTypeAlias(n: SyntaxNode): TypeAliasItem {
    const span = this.sp(n);
    const id = this.id();
    const nm = field(n, "name");
    const ty = field(n, "type");
    const generics = this.lowerGenerics(field(n, "type_parameters"), kids(n).find((k) => k.type === "where_clause") ?? null, span);
    return { kind: "TypeAlias", id, span, name: nm ? this.ident(nm) : { name: "", span }, generics, ty: ty ? this.lowerType(ty) : this.inferType(span) };
  }

  // -------------------------------------------------------------------------------------------------
  // Generics and bounds

  lowerGenerics(params: SyntaxNode | null, where: SyntaxNode | null, fallback: Span): Generics {
    if (!params && !where) return { span: { lo: fallback.lo, hi: fallback.lo }, params: [], where: [] };
    const out: GenericParam[] = [];
    const preds: WherePredicate[] = [];
    for (const p of params ? kids(params) : []) {
      switch (p.type) {
        case "type_parameter": {
          const nm = field(p, "name");
          const b = field(p, "bounds");
          const d = field(p, "default_type");
          const name = nm ? this.ident(nm) : { name: "", span: this.sp(p) };
          const bounds = b ? this.lowerBounds(b) : [];
          out.push({ name, kind: "type", bounds, ...(d && { default: this.lowerType(d) }) });
          if (bounds.length > 0) preds.push({ span: this.sp(p), ty: this.pathTypeOf(name), bounds });
          break;
        }
        case "const_parameter": {
          const nm = field(p, "name");
          const ty = field(p, "type");
          out.push({
            name: nm ? this.ident(nm) : { name: "", span: this.sp(p) },
            kind: "const",
            bounds: [],
            constTy: ty ? this.lowerType(ty) : this.inferType(this.sp(p)),
          });
          break;
        }
        case "lifetime_parameter":
        case "attribute_item":
        case "ERROR":
          break;
        case "metavariable":
          this.report("P0002", "unexpected macro metavariable outside of a macro definition", this.sp(p));
          break;
        default:
          if (!p.isMissing) this.report("P0002", `unexpected \`${shortText(this.textOf(p))}\` in generic parameters`, this.sp(p));
      }
    }
    for (const w of where ? kids(where) : []) {
      if (w.type !== "where_predicate") continue;
      let left = field(w, "left");
      const b = field(w, "bounds");
      if (!left || left.type === "lifetime") continue;
      if (left.type === "higher_ranked_trait_bound") left = field(left, "type");
      if (!left) continue;
      preds.push({ span: this.sp(w), ty: this.lowerType(left), bounds: b ? this.lowerBounds(b) : [] });
    }
    const lo = params ? this.sp(params) : this.sp(where!);
    const hi = where ? this.sp(where) : lo;
    return { span: { lo: lo.lo, hi: Math.max(lo.hi, hi.hi) }, params: out, where: preds };
  }

  private pathTypeOf(name: Ident): Type {
    return { kind: "PathType", id: this.id(), span: name.span, path: { kind: "Path", id: this.id(), span: name.span, segments: [{ ident: name }], global: false } };
  }

  lowerBounds(n: SyntaxNode): TraitBound[] {
    const out: TraitBound[] = [];
    for (const c of kids(n)) this.boundInto(c, out);
    return out;
  }

  private boundInto(c: SyntaxNode, out: TraitBound[]): void {
    switch (c.type) {
      case "lifetime":
      case "use_bounds":
      case "ERROR":
        return;
      case "removed_trait_bound": {
        const inner = kids(c)[0];
        if (inner) {
          const path = this.typeNodeToPath(inner);
          if (path) out.push({ span: this.sp(c), path, maybe: true });
        }
        return;
      }
      case "higher_ranked_trait_bound": {
        const t = field(c, "type");
        if (t) this.boundInto(t, out);
        return;
      }
      case "bounded_type":
        for (const k of kids(c)) this.boundInto(k, out);
        return;
      case "tuple_type": {
        // `(Trait)`: a parenthesized bound.
        const ks = kids(c);
        if (ks.length === 1) this.boundInto(ks[0]!, out);
        else this.report("P0002", "expected a trait, found a tuple type", this.sp(c));
        return;
      }
      default: {
        const path = this.typeNodeToPath(c);
        if (path) out.push({ span: this.sp(c), path, maybe: false });
      }
    }
  }

  /** A trait or type written as a path (`Future<Output = T>`, `Fn(u8) -> u8`, `a::B`). */
  typeNodeToPath(n: SyntaxNode): Path | undefined {
    switch (n.type) {
      case "type_identifier":
      case "scoped_type_identifier":
      case "generic_type":
      case "identifier":
      case "scoped_identifier":
      case "primitive_type":
        return this.lowerPath(n);
      case "function_type": {
        const trait = field(n, "trait");
        if (!trait) {
          this.report("P0002", "expected a trait, found a function pointer type", this.sp(n));
          return undefined;
        }
        const path = this.lowerPath(trait);
        const inputs = this.fnTypeInputs(field(n, "parameters"));
        const ret = field(n, "return_type");
        const args: GenericArgs = {
          span: this.sp(n),
          types: [],
          bindings: [],
          consts: [],
          fnSugar: { inputs, ...(ret && { output: this.lowerType(ret) }) },
        };
        const segs = path.segments.slice();
        const last = segs[segs.length - 1];
        if (last) segs[segs.length - 1] = { ident: last.ident, args };
        return { ...path, span: this.sp(n), segments: segs };
      }
      default:
        if (n.type !== "ERROR" && !n.isMissing) this.report("P0002", `expected a trait, found \`${shortText(this.textOf(n))}\``, this.sp(n));
        return undefined;
    }
  }

  private fnTypeInputs(params: SyntaxNode | null): Type[] {
    const out: Type[] = [];
    for (const p of params ? kids(params) : []) {
      if (p.type === "parameter") {
        const t = field(p, "type");
        out.push(t ? this.lowerType(t) : this.inferType(this.sp(p)));
      } else if (p.type === "attribute_item" || p.type === "ERROR") continue;
      else if (p.type === "variadic_parameter") this.unsupported("C-variadic parameters are", this.sp(p));
      else out.push(this.lowerType(p));
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------------
  // Paths

  lowerPath(n: SyntaxNode): Path {
    const segments: PathSegment[] = [];
    const st: { global: boolean; qself?: Path["qself"] } = { global: false };
    this.pathInto(n, segments, st);
    return { kind: "Path", id: this.id(), span: this.sp(n), segments, global: st.global, ...(st.qself && { qself: st.qself }) };
  }

  private pathInto(n: SyntaxNode, segs: PathSegment[], st: { global: boolean; qself?: Path["qself"] }): void {
    switch (n.type) {
      case "identifier":
      case "type_identifier":
      case "field_identifier":
      case "primitive_type":
      case "self":
      case "super":
      case "crate":
        segs.push({ ident: this.ident(n) });
        return;
      case "metavariable":
        this.report("P0002", "unexpected macro metavariable outside of a macro definition", this.sp(n));
        segs.push({ ident: this.ident(n) });
        return;
      case "scoped_identifier":
      case "scoped_type_identifier": {
        const p = field(n, "path");
        if (p) this.pathInto(p, segs, st);
        else if (hasToken(n, "::")) st.global = true;
        const nm = field(n, "name");
        if (nm) segs.push({ ident: this.ident(nm) });
        return;
      }
      case "generic_type":
      case "generic_type_with_turbofish":
      case "generic_function": {
        const base = field(n, n.type === "generic_function" ? "function" : "type");
        const ta = field(n, "type_arguments");
        if (base) this.pathInto(base, segs, st);
        const last = segs[segs.length - 1];
        if (last && ta) {
          const args = this.lowerGenericArgs(ta);
          // `Context<'_>`: only lifetimes, which are dropped.
          if (args.types.length > 0 || args.bindings.length > 0 || args.consts.length > 0) segs[segs.length - 1] = { ident: last.ident, args };
        }
        return;
      }
      case "bracketed_type": {
        const inner = kids(n)[0];
        if (!inner) return;
        if (inner.type === "qualified_type") {
          const ty = field(inner, "type");
          const alias = field(inner, "alias");
          const trait = alias ? this.typeNodeToPath(alias) : undefined;
          st.qself = { ty: ty ? this.lowerType(ty) : this.inferType(this.sp(inner)), ...(trait && { trait }) };
        } else st.qself = { ty: this.lowerType(inner) };
        return;
      }
      default:
        if (n.type !== "ERROR" && !n.isMissing) this.report("P0002", `expected a path, found \`${shortText(this.textOf(n))}\``, this.sp(n));
        segs.push({ ident: { name: "", span: this.sp(n) } });
    }
  }

  lowerGenericArgs(n: SyntaxNode): GenericArgs {
    const types: Type[] = [];
    const bindings: { name: Ident; ty: Type }[] = [];
    const consts: Expr[] = [];
    for (const c of kids(n)) {
      switch (c.type) {
        case "lifetime":
        case "ERROR":
          break;
        case "type_binding": {
          const nm = field(c, "name");
          const ty = field(c, "type");
          if (field(c, "type_arguments")) this.unsupported("generic associated types are", this.sp(c));
          bindings.push({ name: nm ? this.ident(nm) : { name: "", span: this.sp(c) }, ty: ty ? this.lowerType(ty) : this.inferType(this.sp(c)) });
          break;
        }
        case "block":
          consts.push(this.lowerExpr(c));
          break;
        case "trait_bounds":
          this.unsupported("associated type bounds are", this.sp(c));
          break;
        default:
          if (isLiteralType(c.type) || c.type === "negative_literal" || c.type === "unary_expression") consts.push(this.lowerExpr(c));
          else types.push(this.lowerType(c));
      }
    }
    return { span: this.sp(n), types, bindings, consts };
  }

  // -------------------------------------------------------------------------------------------------
  // Types

  inferType(span: Span): Type {
    return { kind: "InferType", id: this.id(), span };
  }

  lowerType(n: SyntaxNode): Type {
    if (!this.enter(n)) {
      this.leave();
      return this.inferType(this.sp(n));
    }
    try {
      return this.lowerTypeInner(n);
    } finally {
      this.leave();
    }
  }

  private lowerTypeInner(n: SyntaxNode): Type {
    const span = this.sp(n);
    switch (n.type) {
      case "type_identifier":
        if (this.textOf(n) === "_") return this.inferType(span);
        return { kind: "PathType", id: this.id(), span, path: this.lowerPath(n) };
      case "primitive_type":
      case "scoped_type_identifier":
      case "generic_type":
      case "scoped_identifier":
      case "identifier":
        return { kind: "PathType", id: this.id(), span, path: this.lowerPath(n) };
      case "reference_type": {
        const inner = field(n, "type");
        return { kind: "RefType", id: this.id(), span, mutable: kids(n).some((k) => k.type === "mutable_specifier"), inner: inner ? this.lowerType(inner) : this.inferType(span) };
      }
      case "pointer_type": {
        const inner = field(n, "type");
        const mutable = kids(n).some((k) => k.type === "mutable_specifier");
        if (!mutable && !hasToken(n, "const")) this.report("P0002", "expected `mut` or `const` keyword in raw pointer type", span);
        return { kind: "PtrType", id: this.id(), span, mutable, inner: inner ? this.lowerType(inner) : this.inferType(span) };
      }
      case "tuple_type": {
        const elems = kids(n).filter((k) => k.type !== "ERROR");
        // `(T)` is `T` in parentheses, not a 1-tuple (that needs a comma: `(T,)`).
        if (elems.length === 1 && !hasToken(n, ",")) return { ...this.lowerType(elems[0]!), span };
        return { kind: "TupleType", id: this.id(), span, elems: elems.map((e) => this.lowerType(e)) };
      }
      case "unit_type":
        return { kind: "TupleType", id: this.id(), span, elems: [] };
      case "array_type": {
        const el = field(n, "element");
        const len = field(n, "length");
        const elem = el ? this.lowerType(el) : this.inferType(span);
        if (len) return { kind: "ArrayType", id: this.id(), span, elem, len: this.lowerExpr(len) };
        return { kind: "SliceType", id: this.id(), span, elem };
      }
      case "function_type": {
        if (field(n, "trait")) {
          this.report("P0002", "trait objects must include the `dyn` keyword", span, "", {
            help: [`add \`dyn\` keyword before this trait: \`dyn ${shortText(this.textOf(n))}\``],
          });
          const path = this.typeNodeToPath(n);
          return { kind: "DynTraitType", id: this.id(), span, bounds: path ? [{ span, path, maybe: false }] : [] };
        }
        let isUnsafe = false;
        for (const c of kids(n)) {
          if (c.type === "function_modifiers") for (const m of allKids(c)) if (m.type === "unsafe") isUnsafe = true;
        }
        const ret = field(n, "return_type");
        return { kind: "FnPtrType", id: this.id(), span, inputs: this.fnTypeInputs(field(n, "parameters")), ...(ret && { output: this.lowerType(ret) }), isUnsafe };
      }
      case "abstract_type": {
        const t = field(n, "trait");
        const bounds: TraitBound[] = [];
        if (t) this.boundInto(t, bounds);
        return { kind: "ImplTraitType", id: this.id(), span, bounds };
      }
      case "dynamic_type": {
        const t = field(n, "trait");
        const bounds: TraitBound[] = [];
        if (t) this.boundInto(t, bounds);
        return { kind: "DynTraitType", id: this.id(), span, bounds };
      }
      case "bounded_type": {
        // `dyn A + B + 'a` parses as bounded_type(bounded_type(dynamic_type(A), B), 'a).
        const parts: SyntaxNode[] = [];
        const flat = (m: SyntaxNode): void => {
          if (m.type === "bounded_type") for (const k of kids(m)) flat(k);
          else parts.push(m);
        };
        flat(n);
        const first = parts[0];
        const bounds: TraitBound[] = [];
        let kind: "DynTraitType" | "ImplTraitType" = "DynTraitType";
        for (const p of parts) {
          if (p.type === "dynamic_type" || p.type === "abstract_type") {
            if (p.type === "abstract_type") kind = "ImplTraitType";
            const t = field(p, "trait");
            if (t) this.boundInto(t, bounds);
          } else this.boundInto(p, bounds);
        }
        if (first && first.type !== "dynamic_type" && first.type !== "abstract_type" && first.type !== "lifetime") {
          this.report("P0002", "trait objects must include the `dyn` keyword", span, "", { help: ["add `dyn` before the trait"] });
        }
        return { kind, id: this.id(), span, bounds };
      }
      case "never_type":
        return { kind: "NeverType", id: this.id(), span };
      case "macro_invocation":
        return this.lowerMacroType(n);
      case "metavariable":
        this.report("P0002", "unexpected macro metavariable outside of a macro definition", span);
        return this.inferType(span);
      case "removed_trait_bound":
        this.report("P0002", "`?Trait` is not permitted in this position", span);
        return this.inferType(span);
      case "ERROR":
        return this.inferType(span);
      default:
        if (!n.isMissing) this.report("P0002", `expected type, found \`${shortText(this.textOf(n))}\``, span, "expected type");
        return this.inferType(span);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Patterns

  wildPat(span: Span): Pat {
    return { kind: "WildPat", id: this.id(), span };
  }

  lowerPat(n: SyntaxNode): Pat {
    if (!this.enter(n)) {
      this.leave();
      return this.wildPat(this.sp(n));
    }
    try {
      return this.lowerPatInner(n);
    } finally {
      this.leave();
    }
  }

  private lowerPatInner(n: SyntaxNode): Pat {
    const span = this.sp(n);
    switch (n.type) {
      case "_":
        return this.wildPat(span);
      case "identifier": {
        if (this.textOf(n) === "_") return this.wildPat(span);
        return { kind: "IdentPat", id: this.id(), span, name: this.ident(n), mutable: false, byRef: "none" };
      }
      case "mut_pattern": {
        const inner = kids(n).find((k) => k.type !== "mutable_specifier");
        const p = inner ? this.lowerPat(inner) : this.wildPat(span);
        if (p.kind !== "IdentPat") {
          this.report("P0002", "`mut` must be followed by a named binding", span, "", { help: ["remove the `mut` prefix"] });
          return p;
        }
        return { ...p, span, mutable: true };
      }
      case "ref_pattern": {
        const inner = kids(n)[0];
        const p = inner ? this.lowerPat(inner) : this.wildPat(span);
        if (p.kind !== "IdentPat") {
          this.report("P0002", "expected identifier after `ref`", span);
          return p;
        }
        // `ref mut x` parses as ref_pattern(mut_pattern(x)).
        return { ...p, span, mutable: false, byRef: p.mutable ? "refMut" : "ref" };
      }
      case "captured_pattern": {
        const ks = kids(n);
        const left = ks[0];
        const right = ks[1];
        const l = left ? this.lowerPat(left) : this.wildPat(span);
        if (l.kind !== "IdentPat") {
          this.report("P0002", "expected identifier before `@`", span);
          return l;
        }
        return { ...l, span, ...(right && { sub: this.lowerPat(right) }) };
      }
      case "tuple_pattern": {
        // `(p)` without a comma is p in parentheses (`t @ (1 | 2)`), not a 1-tuple; `(..)` is a tuple.
        const inner = n.namedChildren.filter((k) => k.type !== "line_comment" && k.type !== "block_comment");
        const only = inner.length === 1 ? inner[0]! : undefined;
        if (only && !hasToken(n, ",") && only.type !== "remaining_field_pattern") return this.lowerPat(only);
        return { kind: "TuplePat", id: this.id(), span, elems: this.patList(n) };
      }
      case "slice_pattern":
        return { kind: "SlicePat", id: this.id(), span, elems: this.patList(n) };
      case "tuple_struct_pattern": {
        const ty = field(n, "type");
        const path = ty ? this.lowerPath(ty) : this.emptyPath(span);
        const elems = this.patList(n, ty);
        return { kind: "TupleStructPat", id: this.id(), span, path, elems };
      }
      case "struct_pattern": {
        const ty = field(n, "type");
        const path = ty ? this.lowerPath(ty) : this.emptyPath(span);
        const fields: { span: Span; name: Ident; pat: Pat }[] = [];
        let rest = false;
        for (const f of kids(n)) {
          if (ty && f.id === ty.id) continue;
          if (f.type === "remaining_field_pattern") {
            rest = true;
            continue;
          }
          if (f.type !== "field_pattern") continue;
          const nm = field(f, "name");
          const pn = field(f, "pattern");
          const name = nm ? this.ident(nm) : { name: "", span: this.sp(f) };
          if (pn) fields.push({ span: this.sp(f), name, pat: this.lowerPat(pn) });
          else {
            // Shorthand `x`, `mut x`, `ref x`, `ref mut x`.
            const isRef = hasToken(f, "ref");
            const isMut = kids(f).some((k) => k.type === "mutable_specifier");
            fields.push({
              span: this.sp(f),
              name,
              pat: { kind: "IdentPat", id: this.id(), span: this.sp(f), name, mutable: isMut && !isRef, byRef: isRef ? (isMut ? "refMut" : "ref") : "none" },
            });
          }
        }
        return { kind: "StructPat", id: this.id(), span, path, fields, rest };
      }
      case "scoped_identifier":
      case "generic_pattern":
        return { kind: "PathPat", id: this.id(), span, path: this.lowerPath(n.type === "generic_pattern" ? n : n) };
      case "self":
      case "crate":
      case "super":
        return { kind: "PathPat", id: this.id(), span, path: this.lowerPath(n) };
      case "negative_literal": {
        const inner = kids(n)[0];
        const lit = inner ? this.lowerLit(inner) : this.errorLit(span);
        return { kind: "LitPat", id: this.id(), span, lit, negative: true };
      }
      case "integer_literal":
      case "float_literal":
      case "string_literal":
      case "raw_string_literal":
      case "char_literal":
      case "boolean_literal":
        return { kind: "LitPat", id: this.id(), span, lit: this.lowerLit(n), negative: false };
      case "range_pattern": {
        const l = field(n, "left");
        const r = field(n, "right");
        const inclusive = hasToken(n, "..=") || hasToken(n, "...");
        if (hasToken(n, "...")) this.report("P0002", "`...` range patterns are deprecated", span, "", { help: ["use `..=` for an inclusive range"] });
        return { kind: "RangePat", id: this.id(), span, ...(l && { lo: this.lowerPat(l) }), ...(r && { hi: this.lowerPat(r) }), inclusive };
      }
      case "reference_pattern": {
        const inner = kids(n).find((k) => k.type !== "mutable_specifier");
        return { kind: "RefPat", id: this.id(), span, mutable: kids(n).some((k) => k.type === "mutable_specifier"), inner: inner ? this.lowerPat(inner) : this.wildPat(span) };
      }
      case "or_pattern": {
        const alts: Pat[] = [];
        for (const k of kids(n)) {
          const p = this.lowerPat(k);
          if (p.kind === "OrPat") alts.push(...p.alts);
          else alts.push(p);
        }
        return { kind: "OrPat", id: this.id(), span, alts };
      }
      case "remaining_field_pattern":
        return { kind: "RestPat", id: this.id(), span };
      case "macro_invocation":
        return this.lowerMacroPat(n);
      case "const_block":
        this.unsupported("inline `const` patterns are", span);
        return this.wildPat(span);
      case "match_pattern": {
        const inner = kids(n).find((k) => field(n, "condition")?.id !== k.id);
        return inner ? this.lowerPat(inner) : this.wildPat(span);
      }
      case "ERROR":
        return this.wildPat(span);
      default:
        if (!n.isMissing && n.type !== "closure_expression") this.report("P0002", `expected pattern, found \`${shortText(this.textOf(n))}\``, span, "expected pattern");
        return this.wildPat(span);
    }
  }

  private patList(n: SyntaxNode, skip?: SyntaxNode | null): Pat[] {
    const out: Pat[] = [];
    for (const k of allKids(n)) {
      if (skip && k.id === skip.id) continue;
      if (!k.isNamed && k.type !== "_") continue;
      if (k.type === "ERROR") continue;
      out.push(this.lowerPat(k));
    }
    return out;
  }

  private emptyPath(span: Span): Path {
    return { kind: "Path", id: this.id(), span, segments: [], global: false };
  }

  // -------------------------------------------------------------------------------------------------
  // Blocks and statements

  /** Lowers a `block` node; a `label` child becomes the BlockExpr's label (see lowerExpr). */
  lowerBlockNode(n: SyntaxNode, unsafety: "normal" | "unsafe"): Block {
    if (!this.enter(n)) {
      this.leave();
      return { kind: "Block", id: this.id(), span: this.sp(n), stmts: [], unsafety };
    }
    try {
      if (n.type !== "block") {
        // An error recovery shape: lower it as a block with one expression.
        const span = this.sp(n);
        return { kind: "Block", id: this.id(), span, stmts: [], tail: this.lowerExpr(n), unsafety };
      }
      const id = this.id();
      const outer = this.scope;
      this.scope = new MacroScope(outer);
      try {
        const { stmts, tail } = this.lowerStmts(kids(n).filter((k) => k.type !== "label"));
        return { kind: "Block", id, span: this.sp(n), stmts, ...(tail && { tail }), unsafety };
      } finally {
        this.scope = outer;
      }
    } finally {
      this.leave();
    }
  }

  /** The statements of a block body (also used for statement-position macro expansions). */
  lowerStmts(children: readonly SyntaxNode[]): { stmts: Stmt[]; tail?: Expr } {
    const stmts: Stmt[] = [];
    let tail: Expr | undefined;
    let pending: SyntaxNode[] = [];
    const last = children.length - 1;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const t = c.type;
      if (t === "attribute_item") {
        pending.push(c);
        continue;
      }
      const attrsNodes = pending;
      pending = [];
      if (t === "inner_attribute_item" || t === "ERROR") continue;
      if (t === "empty_statement") {
        stmts.push({ kind: "EmptyStmt", id: this.id(), span: this.sp(c) });
        continue;
      }
      if (t === "let_declaration") {
        stmts.push(this.lowerLet(c));
        continue;
      }
      if (ITEM_TYPES.has(t)) {
        const a = this.lowerAttrs(attrsNodes);
        if (a === "skip") continue;
        const items: Item[] = [];
        this.lowerItemInto(c, a, items);
        for (const item of items) stmts.push({ kind: "ItemStmt", id: this.id(), span: item.span, item });
        continue;
      }
      // An expression statement: `expr;`, a block-like `if … {}` without `;`, or the tail.
      let expr = c;
      let semi = false;
      if (t === "expression_statement") {
        const inner = kids(c)[0];
        if (!inner) continue;
        expr = inner;
        semi = hasToken(c, ";");
      }
      // `unsafe { … };` parses as a block-like statement followed by an empty statement.
      const next = children[i + 1];
      if (!semi && next && next.type === "empty_statement") {
        semi = true;
        i++;
      }
      const isTail = !semi && i === last;
      if (expr.type === "macro_invocation") {
        const r = this.lowerMacroStmts(expr, { semi, isTail, span: this.sp(c) });
        stmts.push(...r.stmts);
        if (r.tail) tail = r.tail;
        continue;
      }
      if (this.lowerAttrs(attrsNodes) === "skip") continue;
      const e = this.lowerExpr(expr);
      if (isTail) tail = e;
      else stmts.push({ kind: "ExprStmt", id: this.id(), span: this.sp(c), expr: e, semi });
    }
    return tail ? { stmts, tail } : { stmts };
  }

  private lowerLet(n: SyntaxNode): Stmt {
    const span = this.sp(n);
    const id = this.id();
    const patNode = field(n, "pattern");
    const tyNode = field(n, "type");
    const valueNode = field(n, "value");
    const elseNode = field(n, "alternative");
    let pat = patNode ? this.lowerPat(patNode) : this.wildPat(span);
    if (kids(n).some((k) => k.type === "mutable_specifier" && (!patNode || k.startIndex < patNode.startIndex))) pat = this.withMut(pat);
    return {
      kind: "Let",
      id,
      span,
      pat,
      ...(tyNode && { ty: this.lowerType(tyNode) }),
      ...(valueNode && { init: this.lowerExpr(valueNode) }),
      ...(elseNode && { else: this.lowerBlockNode(elseNode, "normal") }),
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Expressions

  errorExpr(span: Span): Expr {
    return { kind: "Error", id: this.id(), span };
  }

  private errorLit(span: Span): LitExpr {
    return { kind: "Lit", id: this.id(), span, lit: { type: "int", value: 0n } };
  }

  lowerExpr(n: SyntaxNode): Expr {
    if (!this.enter(n)) {
      this.leave();
      return this.errorExpr(this.sp(n));
    }
    try {
      return this.lowerExprInner(n);
    } finally {
      this.leave();
    }
  }

  private lowerExprInner(n: SyntaxNode): Expr {
    const span = this.sp(n);
    switch (n.type) {
      case "integer_literal":
      case "float_literal":
      case "string_literal":
      case "raw_string_literal":
      case "char_literal":
      case "boolean_literal":
        return this.lowerLit(n);
      case "identifier":
      case "scoped_identifier":
      case "self":
      case "super":
      case "crate":
        return { kind: "Path", id: this.id(), span, path: this.lowerPath(n) };
      case "generic_function": {
        const f = field(n, "function");
        if (f && f.type === "field_expression") {
          // `x.method::<T>` not followed by a call: a method turbofish without arguments is an error.
          this.report("P0002", "field expressions cannot have generic arguments", span);
          return this.lowerExpr(f);
        }
        return { kind: "Path", id: this.id(), span, path: this.lowerPath(n) };
      }
      case "metavariable":
        this.report("P0002", "unexpected macro metavariable outside of a macro definition", span);
        return this.errorExpr(span);
      case "parenthesized_expression": {
        const inner = kids(n).find((k) => k.type !== "attribute_item");
        if (!inner) return this.errorExpr(span);
        return { ...this.lowerExpr(inner), span };
      }
      case "unary_expression": {
        const operand = kids(n)[0];
        const opTok = allKids(n)[0]?.type;
        const op = opTok === "-" ? "neg" : opTok === "!" ? "not" : "deref";
        return { kind: "Unary", id: this.id(), span, op, operand: operand ? this.lowerExpr(operand) : this.errorExpr(span) };
      }
      case "reference_expression": {
        const v = field(n, "value");
        const raw = hasToken(n, "raw");
        const mutable = kids(n).some((k) => k.type === "mutable_specifier");
        return { kind: "Ref", id: this.id(), span, mutable, raw, operand: v ? this.lowerExpr(v) : this.errorExpr(span) };
      }
      case "binary_expression": {
        const l = field(n, "left");
        const r = field(n, "right");
        const op = field(n, "operator")?.type ?? "";
        const misparsedBreak = this.labelledBreakWithPrefixValue(n);
        if (misparsedBreak) return misparsedBreak;
        const misparsedRange = this.openRangeWithPrefixHi(n);
        if (misparsedRange) return misparsedRange;
        if (!BINARY_OPS.has(op)) {
          this.report("P0002", `unknown binary operator \`${op}\``, span);
          return this.errorExpr(span);
        }
        return { kind: "Binary", id: this.id(), span, op: op as BinaryOp, lhs: l ? this.lowerExpr(l) : this.errorExpr(span), rhs: r ? this.lowerExpr(r) : this.errorExpr(span) };
      }
      case "assignment_expression": {
        const l = field(n, "left");
        const r = field(n, "right");
        // tree-sitter reads `..=b` (no lower bound) as `..` `=` `b`: an assignment to `..`.
        if (l && r && l.type === "range_expression" && l.namedChildren.length === 0 && hasToken(l, "..") && this.text.startsWith("=", l.endIndex)) {
          return { kind: "Range", id: this.id(), span, hi: this.lowerExpr(r), inclusive: true };
        }
        return { kind: "Assign", id: this.id(), span, lhs: l ? this.lowerExpr(l) : this.errorExpr(span), rhs: r ? this.lowerExpr(r) : this.errorExpr(span) };
      }
      case "compound_assignment_expr": {
        const l = field(n, "left");
        const r = field(n, "right");
        const op = field(n, "operator")?.type ?? "";
        if (!COMPOUND_OPS.has(op)) {
          this.report("P0002", `unknown assignment operator \`${op}\``, span);
          return this.errorExpr(span);
        }
        return {
          kind: "CompoundAssign",
          id: this.id(),
          span,
          op: op.slice(0, -1) as "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>",
          lhs: l ? this.lowerExpr(l) : this.errorExpr(span),
          rhs: r ? this.lowerExpr(r) : this.errorExpr(span),
        };
      }
      case "call_expression":
        return this.lowerCall(n);
      case "field_expression": {
        const v = field(n, "value");
        const f = field(n, "field");
        return {
          kind: "Field",
          id: this.id(),
          span,
          object: v ? this.lowerExpr(v) : this.errorExpr(span),
          field: f ? this.ident(f) : { name: "", span },
        };
      }
      case "index_expression": {
        const ks = kids(n);
        return {
          kind: "Index",
          id: this.id(),
          span,
          object: ks[0] ? this.lowerExpr(ks[0]) : this.errorExpr(span),
          index: ks[1] ? this.lowerExpr(ks[1]) : this.errorExpr(span),
        };
      }
      case "tuple_expression": {
        this.checkLeadingComma(n);
        const elems = kids(n).filter((k) => k.type !== "attribute_item" && k.type !== "ERROR");
        return { kind: "Tuple", id: this.id(), span, elems: elems.map((e) => this.lowerExpr(e)) };
      }
      case "unit_expression":
        return { kind: "Tuple", id: this.id(), span, elems: [] };
      case "array_expression": {
        this.checkLeadingComma(n);
        const len = field(n, "length");
        const elems = kids(n).filter((k) => k.type !== "attribute_item" && k.type !== "ERROR" && (!len || k.id !== len.id));
        if (len) {
          const el = elems[0];
          return { kind: "ArrayRepeat", id: this.id(), span, elem: el ? this.lowerExpr(el) : this.errorExpr(span), len: this.lowerExpr(len) };
        }
        return { kind: "Array", id: this.id(), span, elems: elems.map((e) => this.lowerExpr(e)) };
      }
      case "struct_expression":
        return this.lowerStructExpr(n);
      case "block": {
        const label = kids(n).find((k) => k.type === "label");
        const block = this.lowerBlockNode(n, "normal");
        return { kind: "BlockExpr", id: this.id(), span, block, ...(label && { label: this.labelIdent(label) }) };
      }
      case "unsafe_block": {
        const b = kids(n).find((k) => k.type === "block");
        const block = b ? this.lowerBlockNode(b, "unsafe") : { kind: "Block" as const, id: this.id(), span, stmts: [], unsafety: "unsafe" as const };
        return { kind: "BlockExpr", id: this.id(), span, block: { ...block, span } };
      }
      case "const_block": {
        const b = field(n, "body");
        const block = b ? this.lowerBlockNode(b, "normal") : { kind: "Block" as const, id: this.id(), span, stmts: [], unsafety: "normal" as const };
        return { kind: "BlockExpr", id: this.id(), span, block };
      }
      case "async_block": {
        const b = kids(n).find((k) => k.type === "block");
        const block = b ? this.lowerBlockNode(b, "normal") : { kind: "Block" as const, id: this.id(), span, stmts: [], unsafety: "normal" as const };
        return { kind: "AsyncBlock", id: this.id(), span, block, isMove: hasToken(n, "move") };
      }
      case "gen_block":
        this.unsupported("`gen` blocks are", span);
        return this.errorExpr(span);
      case "try_block":
        this.unsupported("`try` blocks are", span);
        return this.errorExpr(span);
      case "yield_expression":
        this.unsupported("`yield` expressions are", span, { notes: ["coroutines with `yield` are unstable; pinion lowers `async fn` and `async` blocks"] });
        return this.errorExpr(span);
      case "closure_expression":
        return this.lowerClosure(n);
      case "if_expression":
        return this.lowerIf(n);
      case "let_condition": {
        const p = field(n, "pattern");
        const v = field(n, "value");
        return { kind: "LetCond", id: this.id(), span, pat: p ? this.lowerPat(p) : this.wildPat(span), scrutinee: v ? this.lowerExpr(v) : this.errorExpr(span) };
      }
      case "let_chain":
        return this.lowerLetChain(n);
      case "while_expression": {
        const label = kids(n).find((k) => k.type === "label");
        const c = field(n, "condition");
        const b = field(n, "body");
        return {
          kind: "While",
          id: this.id(),
          span,
          ...(label && { label: this.labelIdent(label) }),
          cond: c ? this.lowerExpr(c) : this.errorExpr(span),
          body: b ? this.lowerBlockNode(b, "normal") : this.emptyBlock(span),
        };
      }
      case "loop_expression": {
        const label = kids(n).find((k) => k.type === "label");
        const b = field(n, "body");
        return { kind: "Loop", id: this.id(), span, ...(label && { label: this.labelIdent(label) }), body: b ? this.lowerBlockNode(b, "normal") : this.emptyBlock(span) };
      }
      case "for_expression": {
        const label = kids(n).find((k) => k.type === "label");
        const p = field(n, "pattern");
        const v = field(n, "value");
        const b = field(n, "body");
        return {
          kind: "For",
          id: this.id(),
          span,
          ...(label && { label: this.labelIdent(label) }),
          pat: p ? this.lowerPat(p) : this.wildPat(span),
          iter: v ? this.lowerExpr(v) : this.errorExpr(span),
          body: b ? this.lowerBlockNode(b, "normal") : this.emptyBlock(span),
        };
      }
      case "match_expression":
        return this.lowerMatch(n);
      case "break_expression": {
        const label = kids(n).find((k) => k.type === "label");
        const v = kids(n).find((k) => k.type !== "label");
        return { kind: "Break", id: this.id(), span, ...(label && { label: this.labelIdent(label) }), ...(v && { value: this.lowerExpr(v) }) };
      }
      case "continue_expression": {
        const label = kids(n).find((k) => k.type === "label");
        return { kind: "Continue", id: this.id(), span, ...(label && { label: this.labelIdent(label) }) };
      }
      case "return_expression": {
        const v = kids(n)[0];
        return { kind: "Return", id: this.id(), span, ...(v && { value: this.lowerExpr(v) }) };
      }
      case "try_expression": {
        const v = kids(n)[0];
        return { kind: "Try", id: this.id(), span, operand: v ? this.lowerExpr(v) : this.errorExpr(span) };
      }
      case "await_expression": {
        const v = kids(n)[0];
        const dot = allKids(n).find((k) => k.type === ".");
        const awaitSpan = dot ? this.spanOf(dot.startIndex, n.endIndex) : span;
        return { kind: "Await", id: this.id(), span, operand: v ? this.lowerExpr(v) : this.errorExpr(span), awaitSpan };
      }
      case "type_cast_expression": {
        const v = field(n, "value");
        const t = field(n, "type");
        return { kind: "Cast", id: this.id(), span, operand: v ? this.lowerExpr(v) : this.errorExpr(span), ty: t ? this.lowerType(t) : this.inferType(span) };
      }
      case "range_expression": {
        let lo: SyntaxNode | undefined;
        let hi: SyntaxNode | undefined;
        let seenOp = false;
        let inclusive = false;
        for (const k of allKids(n)) {
          if (!k.isNamed) {
            if (k.type === ".." || k.type === "..=" || k.type === "...") {
              seenOp = true;
              inclusive = k.type !== "..";
              if (k.type === "...") this.report("P0002", "unexpected token: `...`", this.sp(k), "", { help: ["use `..` for an exclusive range or `..=` for an inclusive range"] });
            }
            continue;
          }
          if (seenOp) hi = k;
          else lo = k;
        }
        return { kind: "Range", id: this.id(), span, ...(lo && { lo: this.lowerExpr(lo) }), ...(hi && { hi: this.lowerExpr(hi) }), inclusive };
      }
      case "macro_invocation":
        return this.lowerMacroExpr(n);
      case "expression_statement": {
        const inner = kids(n)[0];
        return inner ? this.lowerExpr(inner) : this.errorExpr(span);
      }
      case "ERROR":
        return this.errorExpr(span);
      default:
        if (!n.isMissing) this.report("P0002", `expected expression, found \`${shortText(this.textOf(n))}\``, span, "expected expression");
        return this.errorExpr(span);
    }
  }

  private emptyBlock(span: Span): Block {
    return { kind: "Block", id: this.id(), span, stmts: [], unsafety: "normal" };
  }

  private labelIdent(label: SyntaxNode): Ident {
    // A label node is `'name`; the ident keeps the quote so it never clashes with a variable name.
    return { name: this.textOf(label), span: this.sp(label) };
  }

  lowerLit(n: SyntaxNode): LitExpr {
    const span = this.sp(n);
    const text = this.textOf(n);
    const d = decodeLiteral(text);
    this.reportLitErrors(d, n.startIndex);
    return { kind: "Lit", id: this.id(), span, lit: d.lit };
  }

  /** Reports a decoded literal's errors; `start` is the literal's offset in `this.text`. */
  reportLitErrors(d: DecodedLit, start: number): void {
    for (const e of d.errors) {
      const code = e.message.includes("not supported") ? "P0003" : "P0002";
      this.report(code, e.message, this.spanOf(start + e.lo, start + e.hi));
    }
  }

  /** `f(,)`, `(,)`, `[,]`: tree-sitter accepts a comma with nothing before it; rustc does not. */
  private checkLeadingComma(list: SyntaxNode): void {
    const ks = allKids(list);
    const first = ks[1];
    if (first && first.type === "," && ks.length > 1) this.report("P0002", "expected expression, found `,`", this.sp(first), "expected expression");
  }

  private lowerCall(n: SyntaxNode): Expr {
    const span = this.sp(n);
    const f = field(n, "function");
    const argsNode = field(n, "arguments");
    if (argsNode) this.checkLeadingComma(argsNode);
    const args = argsNode ? kids(argsNode).filter((k) => k.type !== "attribute_item" && k.type !== "ERROR").map((a) => this.lowerExpr(a)) : [];
    if (f && f.type === "field_expression") {
      const v = field(f, "value");
      const m = field(f, "field");
      return { kind: "MethodCall", id: this.id(), span, receiver: v ? this.lowerExpr(v) : this.errorExpr(span), method: m ? this.ident(m) : { name: "", span }, args };
    }
    if (f && f.type === "generic_function") {
      const inner = field(f, "function");
      if (inner && inner.type === "field_expression") {
        const v = field(inner, "value");
        const m = field(inner, "field");
        const ta = field(f, "type_arguments");
        return {
          kind: "MethodCall",
          id: this.id(),
          span,
          receiver: v ? this.lowerExpr(v) : this.errorExpr(span),
          method: m ? this.ident(m) : { name: "", span },
          ...(ta && { turbofish: this.lowerGenericArgs(ta) }),
          args,
        };
      }
    }
    return { kind: "Call", id: this.id(), span, callee: f ? this.lowerExpr(f) : this.errorExpr(span), args };
  }

  private lowerStructExpr(n: SyntaxNode): Expr {
    const span = this.sp(n);
    const nm = field(n, "name");
    const path = nm ? this.lowerPath(nm) : this.emptyPath(span);
    const body = field(n, "body");
    const fields: { span: Span; name: Ident; value: Expr; shorthand: boolean }[] = [];
    let base: Expr | undefined;
    for (const f of body ? kids(body) : []) {
      switch (f.type) {
        case "field_initializer": {
          const fn = field(f, "field");
          const v = field(f, "value");
          fields.push({ span: this.sp(f), name: fn ? this.ident(fn) : { name: "", span: this.sp(f) }, value: v ? this.lowerExpr(v) : this.errorExpr(this.sp(f)), shorthand: false });
          break;
        }
        case "shorthand_field_initializer": {
          const idn = kids(f).find((k) => k.type === "identifier");
          const name = idn ? this.ident(idn) : { name: "", span: this.sp(f) };
          const value: Expr = {
            kind: "Path",
            id: this.id(),
            span: name.span,
            path: { kind: "Path", id: this.id(), span: name.span, segments: [{ ident: name }], global: false },
          };
          fields.push({ span: this.sp(f), name, value, shorthand: true });
          break;
        }
        case "base_field_initializer": {
          const v = kids(f)[0];
          base = v ? this.lowerExpr(v) : this.errorExpr(this.sp(f));
          break;
        }
        default:
          break;
      }
    }
    return { kind: "Struct", id: this.id(), span, path, fields, ...(base && { base }) };
  }

  private lowerClosure(n: SyntaxNode): Expr {
    const span = this.sp(n);
    const paramsNode = field(n, "parameters");
    const params: ClosureParam[] = [];
    for (const p of paramsNode ? allKids(paramsNode) : []) {
      if (!p.isNamed && p.type !== "_") continue;
      if (p.type === "attribute_item" || p.type === "ERROR") continue;
      if (p.type === "parameter") {
        const pn = field(p, "pattern");
        const tn = field(p, "type");
        let pat = pn ? this.lowerPat(pn) : this.wildPat(this.sp(p));
        if (kids(p).some((k) => k.type === "mutable_specifier")) pat = this.withMut(pat);
        params.push({ span: this.sp(p), pat, ...(tn && { ty: this.lowerType(tn) }) });
      } else params.push({ span: this.sp(p), pat: this.lowerPat(p) });
    }
    const ret = field(n, "return_type");
    const body = field(n, "body");
    if (hasToken(n, "static")) this.unsupported("`static` closures (coroutines) are", span);
    return {
      kind: "Closure",
      id: this.id(),
      span,
      isMove: hasToken(n, "move"),
      isAsync: hasToken(n, "async"),
      params,
      ...(ret && { ret: this.lowerType(ret) }),
      body: body ? (body.type === "_" ? this.errorExpr(this.sp(body)) : this.lowerExpr(body)) : this.errorExpr(span),
    };
  }

  private lowerIf(n: SyntaxNode): IfExpr {
    const span = this.sp(n);
    const c = field(n, "condition");
    const then = field(n, "consequence");
    const alt = field(n, "alternative");
    let elseExpr: BlockExpr | IfExpr | undefined;
    if (alt) {
      const inner = kids(alt)[0];
      if (inner && inner.type === "if_expression") {
        elseExpr = this.enter(inner) ? this.lowerIf(inner) : undefined;
        this.leave();
      } else if (inner && inner.type === "block") {
        elseExpr = { kind: "BlockExpr", id: this.id(), span: this.sp(inner), block: this.lowerBlockNode(inner, "normal") };
      }
    }
    return {
      kind: "If",
      id: this.id(),
      span,
      cond: c ? this.lowerExpr(c) : this.errorExpr(span),
      then: then ? this.lowerBlockNode(then, "normal") : this.emptyBlock(span),
      ...(elseExpr && { else: elseExpr }),
    };
  }

  private lowerLetChain(n: SyntaxNode): Expr {
    // `let A = a && b && let C = c` → ((LetCond && b) && LetCond), left-associative like `&&`.
    let acc: Expr | undefined;
    for (const k of kids(n)) {
      if (k.type === "ERROR") continue;
      const e = this.lowerExpr(k);
      acc = acc ? { kind: "Binary", id: this.id(), span: { lo: acc.span.lo, hi: e.span.hi }, op: "&&", lhs: acc, rhs: e } : e;
    }
    return acc ?? this.errorExpr(this.sp(n));
  }

  private lowerMatch(n: SyntaxNode): Expr {
    const span = this.sp(n);
    const v = field(n, "value");
    const body = field(n, "body");
    const arms: MatchArm[] = [];
    for (const a of body ? kids(body) : []) {
      if (a.type !== "match_arm") continue;
      const mp = field(a, "pattern");
      const val = field(a, "value");
      const cond = mp ? field(mp, "condition") : null;
      const patNode = mp ? kids(mp).find((k) => !cond || k.id !== cond.id) : undefined;
      let pat: Pat;
      if (mp && !patNode) {
        // The `_` pattern is an anonymous token.
        const anon = allKids(mp).find((k) => k.type === "_");
        pat = anon ? this.wildPat(this.sp(anon)) : this.wildPat(this.sp(mp));
      } else pat = patNode ? this.lowerPat(patNode) : this.wildPat(this.sp(a));
      arms.push({
        span: this.sp(a),
        id: this.id(),
        pat,
        ...(cond && { guard: this.lowerExpr(cond) }),
        body: val ? this.lowerExpr(val) : this.errorExpr(this.sp(a)),
      });
    }
    return { kind: "Match", id: this.id(), span, scrutinee: v ? this.lowerExpr(v) : this.errorExpr(span), arms };
  }

  // -------------------------------------------------------------------------------------------------
  // Macro invocations: std macros, `macro_rules!` macros, everything else is P0004.

  /** `a::b::name` as written (whitespace removed). */
  macroPath(n: SyntaxNode): string {
    const m = field(n, "macro");
    return m ? this.textOf(m).replace(/\s+/g, "") : "";
  }

  lowerMacroExpr(n: SyntaxNode): Expr {
    const path = this.macroPath(n);
    const user = this.scope.lookupPath(path);
    if (user) return expandUserMacro(this, user, n, { kind: "expr" }).expr ?? this.errorExpr(this.sp(n));
    if (isStdMacroName(path)) return lowerStdMacroExpr(this, n, path);
    this.unknownMacro(n, path);
    return this.errorExpr(this.sp(n));
  }

  lowerMacroStmts(n: SyntaxNode, pos: { semi: boolean; isTail: boolean; span: Span }): { stmts: Stmt[]; tail?: Expr } {
    const path = this.macroPath(n);
    const user = this.scope.lookupPath(path);
    if (user) {
      const r = expandUserMacro(this, user, n, { kind: "stmts", semi: pos.semi, isTail: pos.isTail });
      return r.stmts ?? { stmts: [] };
    }
    if (isStdMacroName(path)) return lowerStdMacroStmts(this, n, path, pos);
    this.unknownMacro(n, path);
    const e = this.errorExpr(this.sp(n));
    return pos.isTail ? { stmts: [], tail: e } : { stmts: [{ kind: "ExprStmt", id: this.id(), span: pos.span, expr: e, semi: pos.semi }] };
  }

  lowerMacroItems(n: SyntaxNode, out: Item[]): void {
    const path = this.macroPath(n);
    const user = this.scope.lookupPath(path);
    if (user) {
      const r = expandUserMacro(this, user, n, { kind: "items" });
      if (r.items) out.push(...r.items);
      return;
    }
    if (isStdMacroName(path)) {
      lowerStdMacroItems(this, n, path, out);
      return;
    }
    this.unknownMacro(n, path);
  }

  lowerMacroPat(n: SyntaxNode): Pat {
    const path = this.macroPath(n);
    const user = this.scope.lookupPath(path);
    if (user) return expandUserMacro(this, user, n, { kind: "pat" }).pat ?? this.wildPat(this.sp(n));
    if (isStdMacroName(path)) {
      this.report("P0004", `\`${path}!\` cannot be used in pattern position`, this.sp(n));
      return this.wildPat(this.sp(n));
    }
    this.unknownMacro(n, path);
    return this.wildPat(this.sp(n));
  }

  lowerMacroType(n: SyntaxNode): Type {
    const path = this.macroPath(n);
    const user = this.scope.lookupPath(path);
    if (user) return expandUserMacro(this, user, n, { kind: "type" }).type ?? this.inferType(this.sp(n));
    if (isStdMacroName(path)) {
      this.report("P0004", `\`${path}!\` cannot be used in type position`, this.sp(n));
      return this.inferType(this.sp(n));
    }
    this.unknownMacro(n, path);
    return this.inferType(this.sp(n));
  }

  unknownMacro(n: SyntaxNode, path: string): void {
    const m = field(n, "macro");
    const span = m ? this.spanOf(m.startIndex, Math.min(this.text.length, m.endIndex + 1)) : this.sp(n);
    const name = path.split("::").pop() ?? path;
    const unsupported = UNSUPPORTED_STD_MACROS.get(name);
    if (unsupported !== undefined && isStdPrefix(path)) {
      this.report("P0004", `\`${name}!\` is not supported by pinion`, span, "not supported", unsupported ? { notes: [unsupported] } : {});
      return;
    }
    // Defined, but later in the file (macro_rules! scoping is textual).
    const later = this.s.macroRulesDefinitions().get(name);
    if (later !== undefined && later > span.lo) {
      const at = this.s.file.lineCol(later);
      this.report("P0004", `cannot find macro \`${name}\` in this scope`, span, "", {
        notes: [`a macro with the same name exists, but it is defined later, at line ${at.line}`],
        help: [`move the \`macro_rules! ${name}\` definition before this use: macro_rules! macros are visible only after their definition`],
      });
      return;
    }
    const candidates = this.scope.names();
    const similar = candidates.find((c) => editDistance(c, name) <= Math.max(1, Math.floor(name.length / 3)));
    this.report("P0004", `cannot find macro \`${name}\` in this scope`, span, "", similar ? { help: [`a macro with a similar name exists: \`${similar}\``] } : {});
  }

  // -------------------------------------------------------------------------------------------------
  // Entry points for macro expansions (used by macros.ts / std-macros.ts on reparsed text).

  /** Lowers the source_file root of a reparsed item list. */
  lowerRootItems(root: SyntaxNode): Item[] {
    const out: Item[] = [];
    this.lowerItems(kids(root), out);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers

const UNSUPPORTED_STD_MACROS: ReadonlyMap<string, string> = new Map([
  ["include_str", "pinion reads one file; paste the text into a string literal"],
  ["include_bytes", "pinion reads one file; paste the bytes into a byte string literal"],
  ["include", "pinion reads one file"],
  ["env", "pinion does not see the build environment"],
  ["option_env", "pinion does not see the build environment"],
  ["asm", "inline assembly cannot be simulated"],
  ["global_asm", "inline assembly cannot be simulated"],
  ["naked_asm", "inline assembly cannot be simulated"],
  ["format_args", ""],
  ["cfg", ""],
  ["module_path", ""],
  ["compile_error", ""],
  ["concat_idents", ""],
  ["trace_macros", ""],
  ["log_syntax", ""],
  ["const_format_args", ""],
  ["is_x86_feature_detected", ""],
  ["select_biased", ""],
  ["try_join", ""],
  ["ready", ""],
]);

function isStdPrefix(path: string): boolean {
  const segs = path.split("::").filter((s) => s !== "");
  if (segs.length <= 1) return true;
  return ["std", "core", "alloc", "futures", "tokio", "ptr", "pin", "task", "future", "thread", "fmt", "io", "arch"].includes(segs[0]!);
}

export function isExpressionType(t: string): boolean {
  return EXPR_TYPES.has(t);
}

const EXPR_TYPES: ReadonlySet<string> = new Set([
  "integer_literal",
  "float_literal",
  "string_literal",
  "raw_string_literal",
  "char_literal",
  "boolean_literal",
  "array_expression",
  "assignment_expression",
  "async_block",
  "await_expression",
  "binary_expression",
  "block",
  "break_expression",
  "call_expression",
  "closure_expression",
  "compound_assignment_expr",
  "const_block",
  "continue_expression",
  "field_expression",
  "for_expression",
  "gen_block",
  "generic_function",
  "identifier",
  "if_expression",
  "index_expression",
  "loop_expression",
  "macro_invocation",
  "match_expression",
  "metavariable",
  "parenthesized_expression",
  "range_expression",
  "reference_expression",
  "return_expression",
  "scoped_identifier",
  "self",
  "struct_expression",
  "try_block",
  "try_expression",
  "tuple_expression",
  "type_cast_expression",
  "unary_expression",
  "unit_expression",
  "unsafe_block",
  "while_expression",
  "yield_expression",
]);

function isLiteralType(t: string): boolean {
  return t === "integer_literal" || t === "float_literal" || t === "string_literal" || t === "raw_string_literal" || t === "char_literal" || t === "boolean_literal";
}

function firstTokenNode(n: SyntaxNode, tok: string): SyntaxNode | undefined {
  for (const c of n.children) if (!c.isNamed && c.type === tok) return c;
  return undefined;
}

export function shortText(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 40 ? one.slice(0, 37) + "…" : one;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const dp: number[] = [];
  for (let j = 0; j <= b.length; j++) dp[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

