// Small helpers shared by std's runtime modules.

/** The end of an exhaustive `switch`: reaching it is a bug in pinion, not in the Rust program. */
export function assertNever(x: never): never {
  throw new Error(`internal error: unexpected value ${String(x)}, please report`);
}
