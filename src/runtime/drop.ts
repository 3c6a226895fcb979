// Drop glue: what runs when a value goes out of scope, in the order Rust runs it.
//
// Rust drops a value by first calling its `Drop::drop` (if the type implements `Drop`), then dropping
// its fields in declaration order, recursively; a `Vec` drops its elements in order, a `Box` its
// contents before freeing, an `Rc` decrements and drops the contents when the count reaches zero.
// Locals are dropped in reverse declaration order at the end of their scope — emitted code writes
// those calls out (it knows the scopes); this module does the rest.
//
// Worked example:
//
//   [rust]                                     [lowered]
//   struct Noisy(&'static str);                class Noisy extends Composite {
//   impl Drop for Noisy {                        _0: string;
//       fn drop(&mut self) {                     [DROP](): void { println(`drop ${this._0}`) }
//           println!("drop {}", self.0);       }
//       }                                      class Pair extends Composite { a: Noisy; b: Noisy }
//   }
//   struct Pair { a: Noisy, b: Noisy }
//   { let p = Pair { a: Noisy("a"),            drop_in_place($f.p)   // at the closing brace
//                    b: Noisy("b") }; }        // prints "drop a", "drop b" (Pair has no Drop impl)
//
// The protocol, for emitted classes and for std's and core's runtime classes:
//   - `[DROP](): void` — a user `impl Drop` (`this` is the value). Called first.
//   - `$drop(): void` — the type's own drop glue, replacing the field walk: futures drop the locals of
//     their current state, `RBox` drops its contents and frees itself, `Rc` decrements, a `RefCell`
//     guard releases its borrow, a `Waker` calls its vtable's `drop`, `RVec` drops its elements.
//   - otherwise a `Composite` drops its fields (own properties not starting with `$`) in property
//     order — so constructors must assign fields in their Rust declaration order —, a JS array (tuple,
//     `[T; N]`) its elements in order, a closure its captured environment.
//   - `MOVED` (a moved-from place), primitives, `&str`, pointers: nothing.

import { machine, type Loc } from "./machine.js";
import { Composite, dropHook, describeValue } from "./memory.js";

/** The key of a user `impl Drop for T` method on an emitted class. */
export const DROP: unique symbol = Symbol("Drop::drop");

export interface DropImpl {
  [DROP](): void;
}

type Droppable = { [DROP]?: () => void; $drop?: () => void };

/** `ptr::drop_in_place` / the end of a scope: runs the drop glue of `v`. */
export function drop_in_place(v: unknown, loc?: Loc): void {
  if (typeof v !== "object" || v === null) {
    if (typeof v === "function") {
      const env = (v as { env?: unknown }).env;
      if (env !== undefined) drop_in_place(env, loc);
    }
    return;
  }
  const d = v as Droppable;
  const user = d[DROP];
  if (typeof user === "function") {
    const t = machine().trace;
    if (t) t({ kind: "drop", loc: loc ?? machine().loc, text: `drop ${describeValue(v)} (its \`Drop::drop\` runs)` });
    user.call(v);
  }
  const glue = d.$drop;
  if (typeof glue === "function") {
    glue.call(v);
    return;
  }
  if (v instanceof Composite) {
    for (const f in v) {
      if (f.charCodeAt(0) === 36) continue;
      const x = (v as unknown as Record<string, unknown>)[f];
      if ((typeof x === "object" && x !== null) || typeof x === "function") drop_in_place(x, loc);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) if ((typeof x === "object" && x !== null) || typeof x === "function") drop_in_place(x, loc);
  }
}

/** `std::mem::drop(v)` / `drop(v)`: `v` was moved into the call and is dropped there. */
export function mem_drop(v: unknown, loc: Loc): void {
  drop_in_place(v, loc);
}

/** Whether dropping a value of this shape runs any code (for emitted code that wants to skip drops). */
export function needsDrop(v: unknown): boolean {
  if (typeof v === "function") return (v as { env?: unknown }).env !== undefined;
  if (typeof v !== "object" || v === null) return false;
  const d = v as Droppable;
  return typeof d[DROP] === "function" || typeof d.$drop === "function" || v instanceof Composite || Array.isArray(v);
}

dropHook.dropValue = drop_in_place;
