// The std stubs' AST cached by the build (src/std-cache.ts, scripts/std-cache.mjs) is exactly what
// parsing them gives, and a cache made from other stubs is not used.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { stdStubsFile } from "../../src/resolve/index.js";
import { stubsHash } from "../../src/std-cache.js";

// `npm test` builds first, so dist/ has the cache; the built module reads it beside itself.
const built = (await import("../../dist/std-cache.js")) as typeof import("../../src/std-cache.js");

describe("the std stubs' cached AST", () => {
  const stubs = stdStubsFile();

  it("equals a fresh parse of the stubs", () => {
    const cached = built.readStdCache(stubs.text);
    expect(cached).toBeDefined();
    // toEqual would print megabytes on a difference; the first differing item is enough.
    expect(isDeepStrictEqual(cached, parse(stubs))).toBe(true);
  });

  it("is not used for other stubs", () => {
    expect(built.readStdCache(`${stubs.text}\n// changed`)).toBeUndefined();
    expect(stubsHash("a")).not.toBe(stubsHash("b"));
    expect(stubsHash(stubs.text)).toBe(stubsHash(String(stubs.text)));
  });
});
