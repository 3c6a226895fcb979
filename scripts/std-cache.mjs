#!/usr/bin/env node
// Writes dist/std-stubs.ast.json: pinion's std stubs, parsed, with a hash of their text (src/std-cache.ts
// says why). Run by `npm run build` after tsc; a Session falls back to parsing when it is missing or stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "../dist/syntax/index.js";
import { stdStubsFile } from "../dist/resolve/index.js";
import { STD_CACHE_URL, stubsHash } from "../dist/std-cache.js";

const stubs = stdStubsFile();
const cache = { hash: stubsHash(stubs.text), parsed: parse(stubs) };
writeFileSync(STD_CACHE_URL, JSON.stringify(cache));
console.log(`std-cache: wrote ${fileURLToPath(STD_CACHE_URL)}`);
