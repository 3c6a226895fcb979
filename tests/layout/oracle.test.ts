// The oracles themselves: scripts/layouts.mjs parses rustc's `-Zprint-type-sizes` correctly (unit tests on
// rustc output pasted below, no rustc needed), and — where `rustc +nightly` is installed — the checked-in
// tests/layout/*.layout.json are still exactly what rustc prints, every corpus program compiles without
// warnings and runs to exit 0, and the parser reproduces ../shared/acceptance/*/X.layout.json (files made
// by someone else: the parser's cross-check). Without nightly those two tests are skipped, saying why.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { declaredCoroutines, formatLayouts, machineName, naturalCompare, parseTypeSizes, stripGenericArgs } from "../../scripts/layouts.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const script = join(root, "scripts", "layouts.mjs");

// Real rustc 1.97.0-nightly output, trimmed: two instantiations of a generic async fn (fields in
// different orders), an async block, a struct and an enum that are not coroutines, padding lines.
const sample = `print-type-size type: \`{async fn body of dup<std::string::String>()}\`: 56 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant \`Unresumed\`: 24 bytes
print-type-size         upvar \`.t\`: 24 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     variant \`Suspend0\`: 50 bytes
print-type-size         upvar \`.t\`: 24 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size         local \`.t\`: 24 bytes
print-type-size         local \`.__awaitee\`: 2 bytes, type: {async fn body of yield_now()}
print-type-size     variant \`Returned\`: 24 bytes
print-type-size         upvar \`.t\`: 24 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     variant \`Panicked\`: 24 bytes
print-type-size         upvar \`.t\`: 24 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     end padding: 5 bytes
print-type-size type: \`std::task::Context<'_>\`: 32 bytes, alignment: 8 bytes
print-type-size     field \`.waker\`: 8 bytes
print-type-size     field \`.local_waker\`: 8 bytes
print-type-size type: \`{async block@x.rs:19:15: 19:25}\`: 32 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant \`Unresumed\`: 24 bytes
print-type-size         upvar \`._ref__name\`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     variant \`Suspend0\`: 31 bytes
print-type-size         upvar \`._ref__name\`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size         padding: 16 bytes
print-type-size         local \`..coroutine_field7\`: 8 bytes, alignment: 8 bytes, type: u64
print-type-size         local \`.__awaitee\`: 2 bytes, alignment: 1 bytes, type: {async fn body of yield_now()}
print-type-size     variant \`Returned\`: 24 bytes
print-type-size         upvar \`._ref__name\`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     variant \`Panicked\`: 24 bytes
print-type-size         upvar \`._ref__name\`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size type: \`std::task::Poll<()>\`: 1 bytes, alignment: 1 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant \`Ready\`: 0 bytes
print-type-size         field \`.0\`: 0 bytes
print-type-size     variant \`Pending\`: 0 bytes
print-type-size type: \`{async fn body of dup<u8>()}\`: 4 bytes, alignment: 1 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant \`Unresumed\`: 1 bytes
print-type-size         upvar \`.t\`: 1 bytes, offset: 0 bytes, alignment: 1 bytes
print-type-size     variant \`Suspend0\`: 3 bytes
print-type-size         local \`.__awaitee\`: 2 bytes, type: {async fn body of yield_now()}
print-type-size         upvar \`.t\`: 1 bytes, offset: 0 bytes, alignment: 1 bytes
print-type-size         local \`.t\`: 1 bytes
print-type-size     variant \`Returned\`: 1 bytes
print-type-size         upvar \`.t\`: 1 bytes, offset: 0 bytes, alignment: 1 bytes
print-type-size     variant \`Panicked\`: 1 bytes
print-type-size         upvar \`.t\`: 1 bytes, offset: 0 bytes, alignment: 1 bytes
`;

describe("parsing -Zprint-type-sizes", () => {
  it("keeps coroutines only, in rustc's field order, one layout per generic fn", () => {
    const { layouts, problems } = parseTypeSizes(sample, "x.rs");
    expect(problems).toEqual([]);
    expect(JSON.parse(formatLayouts(layouts))).toEqual({
      dup: {
        Panicked: ["upvar t"],
        Returned: ["upvar t"],
        Suspend0: ["upvar t", "local t", "local __awaitee"],
        Unresumed: ["upvar t"],
      },
      "{async block@19:15}": {
        Panicked: ["upvar _ref__name"],
        Returned: ["upvar _ref__name"],
        Suspend0: ["upvar _ref__name", "temp", "local __awaitee"],
        Unresumed: ["upvar _ref__name"],
      },
    });
  });

  it("reports generic instantiations that store different fields", () => {
    const broken = sample.replace("print-type-size         local `.t`: 1 bytes\n", "");
    const { problems } = parseTypeSizes(broken, "x.rs");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^dup: two instantiations have different layouts/);
  });

  it("reports lines inside a coroutine that it does not understand", () => {
    const odd = sample.replace("print-type-size         padding: 16 bytes", "print-type-size         hole: 16 bytes");
    expect(parseTypeSizes(odd, "x.rs").problems).toEqual([
      "{async block@19:15}: a line this script does not know: print-type-size         hole: 16 bytes",
    ]);
  });

  it("reports async blocks of other files", () => {
    expect(parseTypeSizes(sample, "y.rs").problems).toEqual(["coroutine from another file: {async block@x.rs:19:15: 19:25}"]);
  });

  it("names machines the way the corpus does", () => {
    expect(stripGenericArgs("Wrapper<std::vec::Vec<i32>>::get")).toBe("Wrapper::get");
    expect(machineName("{async fn body of main::nested()}", "x.rs")).toEqual({ name: "main::nested" });
    expect(machineName("{async fn body of pick<i32, &str>()}", "x.rs")).toEqual({ name: "pick" });
    expect(machineName("{closure@x.rs:8:26: 8:35}", "x.rs")).toBe(null);
    expect(machineName("{async closure body@x.rs:3:5: 3:20}", "x.rs")).toEqual({ unsupported: "{async closure body@x.rs:3:5: 3:20}" });
  });

  it("sorts Suspend10 after Suspend9 and block@9 before block@10", () => {
    expect(["Suspend10", "Suspend9", "Panicked", "Suspend1"].sort(naturalCompare)).toEqual(["Panicked", "Suspend1", "Suspend9", "Suspend10"]);
    expect(["{async block@10:5}", "{async block@9:13}"].sort(naturalCompare)).toEqual(["{async block@9:13}", "{async block@10:5}"]);
  });

  it("finds every async fn and async block in a source, skipping comments and strings", () => {
    const src = [
      "// async fn in_comment() {}",
      'const S: &str = "async { not code }";',
      "async fn a() {}",
      "fn f() -> impl Future<Output = ()> { async move { a().await } }",
      "/* async { nested /* comment */ } */ fn g() { let c = 'x'; let _b = async { c }; }",
    ].join("\n");
    expect(declaredCoroutines(src).map((d) => d.name)).toEqual(["a", "{async block@4:38}", "{async block@5:69}"]);
  });
});

// The same command the script uses: PINION_RUSTC_NIGHTLY, or `rustc +nightly`.
const [rustcCommand, ...rustcArgs] = (process.env.PINION_RUSTC_NIGHTLY ?? "rustc +nightly").split(/\s+/).filter(Boolean);
const nightly = spawnSync(rustcCommand!, [...rustcArgs, "--version"], { encoding: "utf8" });
const noNightly = nightly.status !== 0 ? `rustc +nightly is not available (${(nightly.error?.message ?? nightly.stderr ?? "").trim().split("\n")[0]})` : "";
if (noNightly) console.log(`tests/layout/oracle.test.ts: skipping the rustc comparisons: ${noNightly}`);

describe("the checked-in layouts are rustc's", () => {
  it.skipIf(noNightly !== "")("node scripts/layouts.mjs --check: every tests/layout/*.layout.json is what rustc prints now", () => {
    const r = spawnSync(process.execPath, [script, "--check"], { cwd: root, encoding: "utf8", timeout: 300_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 300_000);

  const acceptance = join(root, "..", "shared", "acceptance");
  it.skipIf(noNightly !== "" || !existsSync(acceptance))("node scripts/layouts.mjs --acceptance: the parser reproduces the acceptance layouts", () => {
    const r = spawnSync(process.execPath, [script, "--acceptance"], { cwd: root, encoding: "utf8", timeout: 300_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 300_000);
});
