#!/usr/bin/env node
// Bundles the runtime (src/runtime/*.ts) into one TypeScript text, for `pinion compile --runtime inline`:
// the emitted program with this text in front of it is one file that runs under any TypeScript runner
// and type-checks with `tsc --strict`. Writes src/emit/inline-runtime.generated.ts (checked in);
// `--check` only compares, and fails when the checked-in file is stale.
//
//   [src/runtime/drop.ts]                              [bundle]
//   // Drop glue: …                                    // ── src/runtime/drop.ts ──
//   import { machine, type Loc } from "./machine.js";  namespace rt {
//   import { Composite, … } from "./memory.js";        // Drop glue: …
//   export function drop_in_place(…) { … machine() }   export function drop_in_place(…) { … machine() }
//   function dropFields(…) { … }                       function dropFields(…) { … }
//                                                      }
//
// The one idea: every module becomes its own `namespace rt { … }` block, and TypeScript merges the
// blocks. An exported name is a member of `rt`, in scope in every block (emitted as `rt.X`, read when
// used — as live as an ES import binding); a name that is not exported stays local to its block, so the
// private helpers of two modules never collide. The imports are dropped: what a module imports is an
// export of another block, already in scope. The barrels (index.ts, core.ts, std.ts: nothing but
// `export * from`) contribute no block; what they re-export is all in `rt`. Emitted code, which says
// `rt.X` with `import * as rt from "pinion/runtime"`, says the same with the namespace in front of it.
//
// Invariants, checked here (the script fails and says which module breaks one):
//   - Blocks come in the order node evaluates the ES modules: depth-first along the imports that
//     survive compilation, from index.ts. A base class is defined before a subclass's block runs, and
//     drop.ts still wires itself into memory.ts right after it (see core.ts).
//   - A module imports only `./x.js` siblings, by their exported names (`{ a }`, no `a as b`, no
//     `* as`, no default) — the forms a namespace block can do without.
//   - No name is exported by two modules (they would merge in `rt`).
//   - No module uses a global (`Error`, `Map`…) under a name another module exports: inside the
//     blocks that name means `rt.X`.
//   - A global from outside the ES2022 library (Node's `process`, `TextEncoder`) gets a small
//     declaration local to the blocks that use it (SHIMS below), so the bundle type-checks without
//     @types/node or the DOM library; at run time the name is still the global.
//
// Usage: node scripts/bundle-runtime.mjs [--check]        (npm run bundle-runtime [-- --check])

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const runtimeDir = join(root, "src", "runtime");
const entry = join(runtimeDir, "index.ts");
const outFile = join(root, "src", "emit", "inline-runtime.generated.ts");
const rel = (f) => relative(root, f).split("\\").join("/");

/**
 * Declarations of the globals the runtime uses from outside the ES2022 library, put at the top of the
 * blocks that use them. Each declares only what the runtime calls; being local to a block, it does not
 * clash with @types/node or lib.dom when the user has them.
 */
const SHIMS = {
  process:
    "declare const process: {\n" +
    "  readonly stdout: { write(s: string): unknown };\n" +
    "  readonly stderr: { write(s: string): unknown };\n" +
    "  exitCode?: number | string | undefined;\n" +
    "};",
  TextEncoder: "declare const TextEncoder: new () => { encode(input?: string): Uint8Array };",
  TextDecoder:
    "declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input?: Uint8Array): string };",
};

class BundleError extends Error {}
const fail = (msg) => {
  throw new BundleError(msg);
};

/** The compiler options of the repository (tsconfig.json), for the program the checks run on. */
function compilerOptions() {
  const read = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  if (read.error) fail(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

// ---------------------------------------------------------------------------------------------------
// Step 1: the modules, their imports, and the order node evaluates them in

/**
 * One runtime module: its source file, the statements that import or re-export (dropped from the
 * bundle), and the modules it depends on at run time, in source order.
 */
function describeModule(sf) {
  const file = sf.fileName;
  const imports = []; // statements to drop
  const deps = []; // absolute paths of the modules evaluated before this one
  let barrel = true;
  for (const st of sf.statements) {
    const spec = st.moduleSpecifier;
    if (ts.isImportDeclaration(st) || (ts.isExportDeclaration(st) && spec)) {
      const target = siblingOf(file, spec);
      imports.push(st);
      if (ts.isImportDeclaration(st)) {
        barrel = false;
        const clause = st.importClause;
        if (clause?.name) fail(`${rel(file)}: a default import from ${spec.text} cannot be bundled; import by name`);
        const named = clause?.namedBindings;
        if (named && !ts.isNamedImports(named)) fail(`${rel(file)}: \`import * as\` from ${spec.text} cannot be bundled; import by name`);
        for (const el of named?.elements ?? []) {
          if (el.propertyName && el.propertyName.text !== el.name.text) {
            fail(`${rel(file)}: \`import { ${el.propertyName.text} as ${el.name.text} }\` cannot be bundled (the blocks share one namespace); import it under its own name`);
          }
        }
        // Kept by the compiler (so evaluated first) unless everything it imports is a type.
        const typeOnly = clause?.isTypeOnly || (named !== undefined && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) deps.push(target);
      } else {
        if (st.exportClause) fail(`${rel(file)}: \`export { … } from\` / \`export * as\` cannot be bundled; use \`export * from\``);
        if (!st.isTypeOnly) deps.push(target);
      }
    } else if (ts.isExportDeclaration(st)) {
      fail(`${rel(file)}: \`export { … }\` lists are not allowed in a namespace; put \`export\` on the declarations`);
    } else if (ts.isExportAssignment(st)) {
      fail(`${rel(file)}: \`export default\` / \`export =\` cannot be bundled`);
    } else if (ts.isModuleDeclaration(st) && st.flags & ts.NodeFlags.GlobalAugmentation) {
      fail(`${rel(file)}: \`declare global\` cannot be bundled`);
    } else {
      barrel = false;
    }
  }
  return { file, sf, imports, deps, barrel };
}

/** `./x.js` next to `from` → the absolute path of x.ts; anything else is not part of the runtime. */
function siblingOf(from, spec) {
  const s = spec.text;
  if (!s.startsWith("./") || !s.endsWith(".js")) {
    fail(`${rel(from)} imports "${s}": only sibling runtime modules ("./x.js") can be bundled`);
  }
  return join(dirname(from), s.slice(0, -".js".length) + ".ts");
}

/** The modules reachable from index.ts, in ES module evaluation order (dependencies first). */
function evaluationOrder(program) {
  const byFile = new Map();
  const order = [];
  const visit = (file) => {
    if (byFile.has(file)) return; // evaluated, or being evaluated (a cycle: node does the same)
    const sf = program.getSourceFile(file);
    if (!sf) fail(`cannot read ${rel(file)}`);
    const m = describeModule(sf);
    byFile.set(file, m);
    for (const d of m.deps) visit(d);
    order.push(m);
  };
  visit(entry);
  // Type-only imports are not followed above; their modules still have to be in the bundle.
  for (const m of [...byFile.values()]) {
    for (const st of m.imports) visit(siblingOf(m.file, st.moduleSpecifier));
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------
// Step 2: the names — exports shared in `rt`, globals that `rt` would hide, globals to declare

function checkNames(program, modules) {
  const checker = program.getTypeChecker();
  const exporter = new Map(); // exported name → module
  for (const m of modules) {
    for (const sym of checker.getExportsOfModule(checker.getSymbolAtLocation(m.sf))) {
      const other = exporter.get(sym.name);
      if (other) fail(`\`${sym.name}\` is exported by both ${rel(other.file)} and ${rel(m.file)}; the blocks of one namespace cannot both export it`);
      exporter.set(sym.name, m);
    }
  }
  const isRuntime = (sf) => sf.fileName.startsWith(runtimeDir);
  const shims = new Map(); // module → names to declare in its block
  for (const m of modules) {
    const needed = new Set();
    const visit = (node) => {
      if (ts.isIdentifier(node)) {
        const sym = checker.getSymbolAtLocation(node);
        const decls = sym?.declarations ?? [];
        // A global: a top-level symbol (no parent, or `declare global`'s) declared only outside the runtime.
        if (sym && (!sym.parent || sym.parent.name === "__global") && decls.length > 0 && decls.every((d) => !isRuntime(d.getSourceFile()))) {
          const other = exporter.get(sym.name);
          if (other) {
            fail(`${rel(m.file)} uses the global \`${sym.name}\`, which ${rel(other.file)} exports: inside the bundle it would mean \`rt.${sym.name}\``);
          }
          if (!decls.some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))) {
            if (!(sym.name in SHIMS)) {
              fail(`${rel(m.file)} uses \`${sym.name}\`, a global outside the ES2022 library (from ${rel(decls[0].getSourceFile().fileName)}); add a declaration of it to SHIMS in scripts/bundle-runtime.mjs`);
            }
            needed.add(sym.name);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const st of m.sf.statements) if (!m.imports.includes(st)) visit(st);
    if (needed.size) shims.set(m, [...needed].sort());
  }
  // The public surface: everything `pinion/runtime` exports is a member of `rt`.
  for (const sym of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)))) {
    if (!exporter.has(sym.name)) fail(`internal error: \`${sym.name}\` is exported by src/runtime/index.ts but by no bundled module, please report`);
  }
  return { shims, exporter };
}

// ---------------------------------------------------------------------------------------------------
// Step 3: the text

/**
 * The module's source without its import statements (their lines removed, other comments kept), with
 * `insert` (the shims) where the first import was — after the module's header comment.
 */
function withoutImports(m, insert) {
  const text = m.sf.text;
  const first = m.imports[0] ?? m.sf.statements[0];
  const insertAt = first ? text.lastIndexOf("\n", first.getStart(m.sf) - 1) + 1 : text.length;
  let out = "";
  let at = 0;
  const copyTo = (end) => {
    if (insert && at <= insertAt && insertAt <= end) {
      out += text.slice(at, insertAt) + insert;
      at = insertAt;
      insert = "";
    }
    out += text.slice(at, end);
  };
  for (const st of m.imports) {
    const start = st.getStart(m.sf);
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const eol = text.indexOf("\n", st.end);
    const lineEnd = eol === -1 ? text.length : eol + 1;
    const wholeLine = text.slice(lineStart, start).trim() === "" && text.slice(st.end, lineEnd).trim() === "";
    copyTo(wholeLine ? lineStart : start);
    at = wholeLine ? lineEnd : st.end;
  }
  if (m.imports.length) {
    copyTo(at);
    if ((out.endsWith("\n\n") || out.length === 0) && text[at] === "\n") at++; // one blank line where the imports were
  }
  copyTo(text.length);
  return out;
}

function bundle() {
  const program = ts.createProgram([entry], compilerOptions());
  const all = evaluationOrder(program);
  const modules = all.filter((m) => !m.barrel);
  const { shims, exporter } = checkNames(program, modules);
  const publicNames = new Set(checkerExports(program, entry));
  const internal = [...exporter.keys()].filter((n) => !publicNames.has(n)).sort();

  const header = [
    `// The pinion runtime, inline. Generated by scripts/bundle-runtime.mjs from src/runtime/ — do not edit;`,
    `// run \`npm run bundle-runtime\` after changing the runtime.`,
    `//`,
    `// Everything \`import * as rt from "pinion/runtime"\` provides, as one namespace \`rt\`: each runtime module`,
    `// below is one \`namespace rt { … }\` block (TypeScript merges them), its imports dropped. Exported names`,
    `// are members of \`rt\`; the others stay private to their block. The blocks come in the order node`,
    `// evaluates the modules. Type-check and run it as TypeScript with target ES2022 or later.`,
    `//`,
    `// Modules: ${modules.map((m) => rel(m.file).slice("src/runtime/".length)).join(" ")}`,
    ...(internal.length ? [`// Also members of \`rt\` (exported by a module, not by pinion/runtime): ${internal.join(", ")}`] : []),
    "",
  ];
  const blocks = modules.map((m) => {
    const title = `// ── ${rel(m.file)} `;
    const lines = [title + "─".repeat(Math.max(3, 104 - title.length)), "namespace rt {"];
    const names = shims.get(m) ?? [];
    const shimText = names.length
      ? `// [inline] Not in the ES2022 library (${names.join(", ")}): declared for this block; the global at run time.\n` +
        names.map((n) => SHIMS[n] + "\n").join("") +
        "\n"
      : "";
    lines.push(withoutImports(m, shimText).replace(/\r\n/g, "\n").replace(/\n*$/, ""), "}", "");
    return lines.join("\n");
  });
  return { text: header.join("\n") + "\n" + blocks.join("\n"), modules };
}

function checkerExports(program, file) {
  const checker = program.getTypeChecker();
  return checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file))).map((s) => s.name);
}

/** The checked-in module: the text as a template literal (`\`, backquote and `${` escaped). */
function generatedModule(text, modules) {
  const literal = text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  return [
    `// Generated by scripts/bundle-runtime.mjs from src/runtime/ (${modules.length} modules) — do not edit.`,
    `// Regenerate with \`npm run bundle-runtime\`; tests/emit/inline-runtime.test.ts fails when this file is stale.`,
    `// The text: src/runtime as one \`namespace rt\`, for \`pinion compile --runtime inline\` (see inline-runtime.ts).`,
    ``,
    `export const INLINE_RUNTIME: string = \`${literal}\`;`,
    ``,
  ].join("\n");
}

function main() {
  const check = process.argv.includes("--check");
  const { text, modules } = bundle();
  const generated = generatedModule(text, modules.filter((m) => !m.barrel));
  let current = null;
  try {
    current = readFileSync(outFile, "utf8");
  } catch {
    // absent: stale
  }
  const size = `${Math.round(text.length / 1024)} KiB, ${text.split("\n").length} lines, ${modules.length} modules`;
  if (check) {
    if (current !== generated) {
      console.error(`bundle-runtime: ${rel(outFile)} is stale (the runtime changed); run \`npm run bundle-runtime\``);
      process.exit(1);
    }
    console.log(`bundle-runtime: ${rel(outFile)} is up to date (${size})`);
  } else if (current === generated) {
    console.log(`bundle-runtime: ${rel(outFile)} unchanged (${size})`);
  } else {
    writeFileSync(outFile, generated);
    console.log(`bundle-runtime: wrote ${rel(outFile)} (${size})`);
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof BundleError)) throw e;
  console.error(`bundle-runtime: ${e.message}`);
  process.exit(1);
}
