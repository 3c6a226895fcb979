// The parsed std stubs, cached when pinion is built.
//
// Every process that analyses Rust parses pinion's std stubs first (resolve/std-stubs.ts, ~140 KB of
// Rust): about 150 ms, a third of `pinion check`'s start-up. Their AST is plain data, so `npm run build`
// (scripts/std-cache.mjs) writes it once as JSON next to this module, and a Session reads it back in
// ~25 ms. The cache carries a hash of the stubs' text: after the stubs change and before the next build
// it does not match, and the Session parses them as before. Under vitest (src/, no cache) likewise.
//
// This is the one file the compiler reads besides the user's: pinion's own data, like a module.

import { readFileSync } from "node:fs";
import type { Crate } from "./syntax/ast.js";
import type { WithDiagnostics } from "./diagnostics/diagnostic.js";

/** Where the build puts the cache: beside this module, in dist/. */
export const STD_CACHE_URL = new URL("./std-stubs.ast.json", import.meta.url);

export interface StdCache {
  readonly hash: string;
  readonly parsed: WithDiagnostics<Crate>;
}

/** FNV-1a over the UTF-16 code units, with the length: enough to tell one version of the stubs from
 *  another (it is not a defence against anyone). */
export function stubsHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}-${h.toString(16)}`;
}

/** The cached parse of `text`, or undefined (no cache, unreadable, or made from other stubs). */
export function readStdCache(text: string): WithDiagnostics<Crate> | undefined {
  try {
    const c = JSON.parse(readFileSync(STD_CACHE_URL, "utf8")) as StdCache;
    return c.hash === stubsHash(text) ? c.parsed : undefined;
  } catch {
    return undefined;
  }
}
