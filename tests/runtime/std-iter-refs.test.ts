// `iter()` of an array, slice or Vec as emitted code calls it (`iter_of`) yields pointers to the
// elements (`ElemRef`): `ptr::eq` sees the element's address (tests/ub/self_ref_struct_returned.rs),
// and the consumers that need values read them (sums, copied, comparisons, builders).
import { beforeEach, describe, expect, it } from "vitest";
import { Machine, install } from "../../src/runtime/machine.js";
import { Ptr, frame, ptr_eq } from "../../src/runtime/memory.js";
import { deref, iter_of } from "../../src/runtime/glue.js";
import { INT } from "../../src/runtime/int.js";
import { ElemRef } from "../../src/runtime/iter.js";
import { RVec, Vec_from_iter } from "../../src/runtime/vec.js";
import { String_from_iter } from "../../src/runtime/string.js";

beforeEach(() => install(new Machine({ file: "main.rs" })));

describe("iter() yields element references", () => {
  it("ptr::eq of an item and a pointer to the same element is true, to another element false", () => {
    const $f = frame("main", { data: [4, 17, 9, 2] });
    const max = Ptr.to($f.data, 1, "1:1");
    expect(iter_of($f.data).any((x: unknown) => ptr_eq(x as Ptr<number>, max))).toBe(true);
    expect(iter_of($f.data).position((x: unknown) => ptr_eq(x as Ptr<number>, max)).unwrap("2:1")).toBe(1);
    const other = [4, 17, 9, 2];
    expect(iter_of(other).any((x: unknown) => ptr_eq(x as Ptr<number>, max))).toBe(false);
  });

  it("items read as values: deref, sum, copied, max, eq", () => {
    const v = new RVec([3, 1, 2]);
    expect(iter_of(v).map((x: unknown) => deref(x) * 2).toArray()).toEqual([6, 2, 4]);
    expect(iter_of(v).sum(INT.i32, "1:1")).toBe(6);
    expect(iter_of(v).copied().toArray()).toEqual([3, 1, 2]);
    expect(deref(iter_of(v).max().unwrap("1:1"))).toBe(3);
    expect(iter_of(v).eq(iter_of([3, 1, 2]))).toBe(true);
  });

  it("collections store values (Extend<&T> for Vec<T>, String from &char)", () => {
    const v = new RVec([1, 2]);
    const w = new RVec<number>([]);
    w.extend(iter_of(v));
    expect(w.a).toEqual([1, 2]);
    expect(Vec_from_iter(iter_of(v)).a).toEqual([1, 2]);
    expect(String_from_iter(iter_of(["a", "b"])).s).toBe("ab");
    expect(iter_of(v).next().unwrap("1:1")).toBeInstanceOf(ElemRef);
  });
});
