import type * as Std from "../../../src/runtime/std.js";
import type * as Core from "../../../src/runtime/core.js";

/** [rust expression, thunk returning the runtime's `{:?}` text] pairs. */
export declare function opsCases(
  R: typeof Std | undefined,
  d: ((v: unknown, t: Std.TypeDesc<unknown>) => string) | undefined,
  C?: typeof Core,
): ([string, () => string] | [string, () => string, { readonly gap: string }])[];
export declare function setHarnessPoint(t: Std.AnyDesc): void;
