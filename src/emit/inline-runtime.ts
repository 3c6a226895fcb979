// The runtime inline, for `pinion compile --runtime inline`: one self-contained TypeScript file.
//
//   [--runtime import]                              [--runtime inline]
//   import * as rt from "pinion/runtime";           // The pinion runtime, inline. …
//   export class AddFuture { … rt.PENDING … }       namespace rt { … }   (one block per runtime module)
//   rt.run_main(main, { file: "add.rs" });          export class AddFuture { … rt.PENDING … }
//                                                   rt.run_main(main, { file: "add.rs" });
//
// The emitted code is unchanged: it says `rt.X` either way; the import line is replaced by the text
// below, which declares `namespace rt`. The text is src/runtime as TypeScript (types kept, so the file
// type-checks with `tsc --strict`), built by scripts/bundle-runtime.mjs and checked in
// (inline-runtime.generated.ts): the compiler neither reads src/runtime nor loads `typescript` at run time.

import { INLINE_RUNTIME } from "./inline-runtime.generated.js";

/**
 * The runtime as TypeScript text that declares `namespace rt`, to put in place of the runtime import.
 * The text contains "$`" (in template literals), which a replacement string expands to the code before
 * the match: splice it in with a function, `code.replace(line, () => inlineRuntime())`.
 */
export function inlineRuntime(): string {
  return INLINE_RUNTIME;
}
