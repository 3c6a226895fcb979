// The inference table: type variables, unification, and snapshots for trial unification.
//
// Example. Checking `let mut v = Vec::new(); v.push(1u8);` makes `Vec::new` return `Vec<?0>`, the
// method probe for `push` unifies `&mut Vec<?0>` with `&mut Vec<T>` (T fresh: ?1) so ?1 := ?0, and the
// argument `1u8` against `?1` gives ?0 := u8. Probing a method that does not fit must leave no trace:
// `snapshot()` / `rollback()` undo every binding made since.
//
// Integer and float literals without a suffix get `intvar` / `floatvar` variables that only unify with
// integer (float) types and default to i32 (f64) at the end of a body, as in rustc.

import { mapTy, type Ty } from "./ty.js";

type Binding = Ty | undefined;

export interface Snapshot {
  readonly undoLen: number;
  readonly varCount: number;
}

export class InferTable {
  private readonly bindings: Binding[] = [];
  /** Kind of each variable: general, integer literal, float literal. */
  private readonly kinds: ("ty" | "int" | "float")[] = [];
  /** Where each variable came from, for "cannot infer" diagnostics. */
  readonly origins: (number | undefined)[] = [];
  private readonly undo: number[] = [];

  fresh(origin?: number): Ty {
    return this.newVar("ty", origin);
  }
  freshInt(origin?: number): Ty {
    return this.newVar("int", origin);
  }
  freshFloat(origin?: number): Ty {
    return this.newVar("float", origin);
  }

  private newVar(kind: "ty" | "int" | "float", origin?: number): Ty {
    const v = this.bindings.length;
    this.bindings.push(undefined);
    this.kinds.push(kind);
    this.origins.push(origin);
    switch (kind) {
      case "ty":
        return { k: "infer", v };
      case "int":
        return { k: "intvar", v };
      case "float":
        return { k: "floatvar", v };
    }
  }

  snapshot(): Snapshot {
    return { undoLen: this.undo.length, varCount: this.bindings.length };
  }

  rollback(s: Snapshot): void {
    while (this.undo.length > s.undoLen) this.bindings[this.undo.pop()!] = undefined;
    // Variables created inside the snapshot are left allocated but unbound: nothing refers to them.
  }

  private bind(v: number, t: Ty): void {
    this.bindings[v] = t;
    this.undo.push(v);
  }

  /** Follows variable bindings at the top level only. */
  shallow(t: Ty): Ty {
    while (t.k === "infer" || t.k === "intvar" || t.k === "floatvar") {
      const b = this.bindings[t.v];
      if (!b) return t;
      t = b;
    }
    return t;
  }

  /** Replaces every bound variable, deeply. */
  resolve(t: Ty): Ty {
    const s = this.shallow(t);
    return mapTy(s, (c) => this.resolve(c));
  }

  /** Binds unbound integer/float variables to i32/f64, as rustc's fallback does. */
  defaultNumeric(): void {
    for (let v = 0; v < this.bindings.length; v++) {
      if (this.bindings[v]) continue;
      if (this.kinds[v] === "int") this.bind(v, { k: "int", kind: "i32" });
      else if (this.kinds[v] === "float") this.bind(v, { k: "float", kind: "f64" });
    }
  }

  isUnbound(t: Ty): boolean {
    const s = this.shallow(t);
    return s.k === "infer" || s.k === "intvar" || s.k === "floatvar";
  }

  /**
   * Makes `a` and `b` equal. Returns false (and may leave partial bindings: callers that need
   * all-or-nothing take a snapshot) when they cannot be. `never` unifies with nothing here: coercion
   * from `!` is the checker's business. `error` unifies with everything.
   */
  unify(a: Ty, b: Ty): boolean {
    a = this.shallow(a);
    b = this.shallow(b);
    if (a === b) return true;
    if (a.k === "error" || b.k === "error") return true;
    if (a.k === "infer" || a.k === "intvar" || a.k === "floatvar") return this.unifyVar(a, b);
    if (b.k === "infer" || b.k === "intvar" || b.k === "floatvar") return this.unifyVar(b, a);
    if (a.k !== b.k) return false;
    switch (a.k) {
      case "int":
      case "float":
        return a.kind === (b as typeof a).kind;
      case "bool":
      case "char":
      case "str":
      case "never":
        return true;
      case "tuple": {
        const bb = b as typeof a;
        return a.elems.length === bb.elems.length && a.elems.every((x, i) => this.unify(x, bb.elems[i]!));
      }
      case "array": {
        const bb = b as typeof a;
        if (a.len !== undefined && bb.len !== undefined && a.len !== bb.len) return false;
        return this.unify(a.elem, bb.elem);
      }
      case "slice":
        return this.unify(a.elem, (b as typeof a).elem);
      case "ref":
      case "ptr": {
        const bb = b as typeof a;
        return a.mutable === bb.mutable && this.unify(a.inner, bb.inner);
      }
      case "adt":
      case "fndef": {
        const bb = b as typeof a;
        return a.def === bb.def && this.unifyAll(a.args, bb.args);
      }
      case "fnptr": {
        const bb = b as typeof a;
        return a.params.length === bb.params.length && this.unifyAll(a.params, bb.params) && this.unify(a.ret, bb.ret);
      }
      case "closure": {
        const bb = b as typeof a;
        return a.node === bb.node;
      }
      case "future": {
        const bb = b as typeof a;
        return a.node === bb.node && this.unifyAll(a.args, bb.args);
      }
      case "param":
        return a.owner === (b as typeof a).owner && a.index === (b as typeof a).index;
      case "opaque": {
        const bb = b as typeof a;
        return a.def === bb.def && this.unifyAll(a.args, bb.args);
      }
      case "dyn": {
        const bb = b as typeof a;
        if (a.bounds.length === 0 || bb.bounds.length === 0) return a.bounds.length === bb.bounds.length;
        if (a.bounds[0]!.trait !== bb.bounds[0]!.trait) return false;
        // Unify the principal trait's arguments and bindings (`dyn Future<Output = T>`).
        const pa = a.bounds[0]!;
        const pb = bb.bounds[0]!;
        if (!this.unifyAll(pa.args, pb.args)) return false;
        for (const [name, ty] of pa.bindings) {
          const other = pb.bindings.get(name);
          if (other && !this.unify(ty, other)) return false;
        }
        return true;
      }
      case "assoc": {
        const bb = b as typeof a;
        return a.trait === bb.trait && a.name === bb.name && this.unify(a.self, bb.self) && this.unifyAll(a.args, bb.args);
      }
    }
  }

  unifyAll(a: readonly Ty[], b: readonly Ty[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!this.unify(a[i]!, b[i]!)) return false;
    return true;
  }

  /** Unifies with rollback on failure. */
  tryUnify(a: Ty, b: Ty): boolean {
    const s = this.snapshot();
    if (this.unify(a, b)) return true;
    this.rollback(s);
    return false;
  }

  private unifyVar(v: Ty & { v: number }, t: Ty): boolean {
    if (t.k === "infer" || t.k === "intvar" || t.k === "floatvar") {
      if (t.v === v.v) return true;
      // Keep the more specific kind: an integer variable bound to a general one makes both integer.
      if (v.k === "infer") {
        this.bind(v.v, t);
        return true;
      }
      if (t.k === "infer") {
        this.bind(t.v, v);
        return true;
      }
      if (v.k !== t.k) return false;
      this.bind(v.v, t);
      return true;
    }
    if (v.k === "intvar" && t.k !== "int") return false;
    if (v.k === "floatvar" && t.k !== "float") return false;
    if (this.occurs(v.v, t)) return false;
    this.bind(v.v, t);
    return true;
  }

  private occurs(v: number, t: Ty): boolean {
    const s = this.shallow(t);
    if ((s.k === "infer" || s.k === "intvar" || s.k === "floatvar") && s.v === v) return true;
    let found = false;
    mapTy(s, (c) => {
      if (!found && this.occurs(v, c)) found = true;
      return c;
    });
    return found;
  }
}
