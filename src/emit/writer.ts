// Text output for emitted code: indented lines, and type annotations that exist only in the
// TypeScript flavour. `pinion compile` writes TypeScript (`w.ty(": number")` prints); `pinion run`
// executes the JavaScript flavour in-process (the same text without annotations), so it never needs
// the TypeScript compiler.

export type Flavour = "ts" | "js";

export class Writer {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(readonly flavour: Flavour) {}

  /** A type annotation or other TypeScript-only text: empty in JavaScript. */
  ty(text: string): string {
    return this.flavour === "ts" ? text : "";
  }

  /** `expr as T` in TypeScript, `expr` in JavaScript. */
  as(expr: string, type: string): string {
    return this.flavour === "ts" ? `(${expr} as ${type})` : expr;
  }

  /** `expr!` in TypeScript. */
  nonNull(expr: string): string {
    return this.flavour === "ts" ? `${expr}!` : expr;
  }

  line(text = ""): void {
    this.lines.push(text === "" ? "" : "  ".repeat(this.depth) + text);
  }

  comment(text: string): void {
    for (const l of text.split("\n")) this.line(`// ${l.replace(/\*\//g, "* /")}`);
  }

  /** A line one level out (a `case` label inside a switch body). */
  outdented(text: string): void {
    this.lines.push("  ".repeat(Math.max(0, this.depth - 1)) + text);
  }

  open(text: string): void {
    this.line(text);
    this.depth++;
  }

  close(text = "}"): void {
    this.depth--;
    this.line(text);
  }

  indent(f: () => void): void {
    this.depth++;
    f();
    this.depth--;
  }

  /** Appends already-indented lines (from another writer) at the current depth. */
  append(lines: readonly string[]): void {
    for (const l of lines) this.lines.push(l === "" ? "" : "  ".repeat(this.depth) + l);
  }

  get text(): string {
    return this.lines.join("\n") + "\n";
  }

  get rawLines(): readonly string[] {
    return this.lines;
  }
}

/** A JS/TS string literal for any text: quotes, backslashes, newlines, `${`, U+2028/9 escaped. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Words that cannot be used as identifiers in TypeScript/JavaScript (or would change meaning). */
const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "async",
  "arguments", "eval", "undefined", "NaN", "Infinity", "any", "unknown", "never", "number", "string", "boolean",
  "object", "symbol", "bigint", "declare", "namespace", "module", "require", "type", "of", "get", "set",
  "constructor", "prototype", "rt",
  // Globals the emitted code and the runtime's callers use.
  "Object", "Math", "Array", "Symbol", "Number", "String", "BigInt", "JSON", "Error", "Map", "Set", "Promise",
  "console", "process", "globalThis", "Function", "Reflect", "exports",
  // Members every object has: a field `__proto__` would set the prototype, a method `toString` would
  // be what String(x) calls.
  "__proto__", "toString", "valueOf", "toLocaleString", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
  "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);

/** A Rust identifier as a safe JS identifier: `r#type` → `type_`, `new` → `new_`, `$` kept out. */
export function jsIdent(name: string): string {
  let n = name.startsWith("r#") ? name.slice(2) : name;
  n = n.replace(/[^A-Za-z0-9_]/g, (c) => `_u${c.codePointAt(0)!.toString(16)}_`);
  if (/^[0-9]/.test(n)) n = `_${n}`;
  if (RESERVED.has(n)) n = `${n}_`;
  return n;
}

/** A property name for a Rust field or local: tuple fields `0` → `_0`; names the emitted classes use
 *  themselves (`state`, `tag`, anything starting with `$`) get a `_` suffix. */
export function jsProp(name: string): string {
  if (/^[0-9]+$/.test(name)) return `_${name}`;
  const id = jsIdent(name);
  return INTERNAL_PROPS.has(id) ? `${id}_` : id;
}

const INTERNAL_PROPS = new Set(["state", "tag", "env", "poll", "drop", "get", "set"]);
