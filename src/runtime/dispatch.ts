// Trait methods called where the impl is not known statically: through `dyn Trait`, or in generic code
// (pinion does not monomorphize, so `self.name()` in a trait's default method, or `c.bump()` on a
// `&mut dyn Counter`, is decided at run time).
//
// A user struct or enum is a class whose prototype carries its methods (the trait's default methods
// included), so the value itself answers. A primitive or std value has no user methods: its impls are
// objects of functions (`Greet_for_i32`), and the trait lists them with a test on the value's
// representation —
//
//   export const Greet = {
//     greet($self) { … rt.trait_call(Greet, rt.deref($self), "name", $self) … },
//     $impls: (): rt.ImplEntry[] => [[rt.repr.numeric, Greet_for_i32], [rt.repr.text, Greet_for__str]],
//   };
//
// Several Rust types share a representation (every integer and float is a JS number or bigint), so a
// trait implemented for both `i32` and `u64` cannot be told apart at run time: that stops the program
// with a message that says so, never by picking one.

/** A test on a value's representation, and the impl object for the values that pass it. */
export type ImplEntry = readonly [test: (v: unknown) => boolean, impl: object, rustType: string];

/** The representation tests emitted code names in `$impls`. */
export const repr = {
  numeric: (v: unknown): boolean => typeof v === "number" || typeof v === "bigint",
  boolean: (v: unknown): boolean => typeof v === "boolean",
  text: (v: unknown): boolean => typeof v === "string",
  instance:
    (cls: abstract new (...args: never[]) => unknown) =>
    (v: unknown): boolean =>
      v instanceof cls,
};

/** A trait's `$impls`, listed once per run (the list refers to impl objects declared after the trait,
 *  so it is a function; calling it per dispatch would build it per call). */
const implLists = new WeakMap<object, readonly ImplEntry[]>();
function implsOf(trait: object): readonly ImplEntry[] {
  let list = implLists.get(trait);
  if (list === undefined) {
    list = (trait as { $impls?: () => readonly ImplEntry[] }).$impls?.() ?? [];
    implLists.set(trait, list);
  }
  return list;
}

/** Calls `method` of the impl of `trait` for `obj` (the receiver dereferenced); `args` are the Rust
 *  arguments, `self` first, as every emitted method takes them. */
export function trait_call(trait: object, obj: unknown, method: string, ...args: unknown[]): any {
  // The impls for std types come first: a std value's own JS methods (`RString.grow`) are not Rust's.
  const entries = implsOf(trait).filter(([test]) => test(obj));
  if (entries.length === 1) {
    const impl = entries[0]![1] as Record<string, unknown>;
    const f = (impl[method] ?? (trait as Record<string, unknown>)[method]) as ((...a: unknown[]) => unknown) | undefined;
    if (typeof f === "function") return f.apply(impl, args);
  }
  if (entries.length === 0 && ((typeof obj === "object" && obj !== null) || typeof obj === "function")) {
    const f = (obj as Record<string, unknown>)[method];
    if (typeof f === "function") return (f as (...a: unknown[]) => unknown).apply(obj, args);
  }
  const which = entries.length > 1 ? `the impls for ${entries.map((e) => `\`${e[2]}\``).join(" and ")} look alike at run time (pinion does not monomorphize generic code)` : "no impl matches the value";
  throw new Error(`pinion run: cannot choose the impl of \`${method}\` for ${typeof obj === "string" ? JSON.stringify(obj) : String(obj)}: ${which}`);
}
