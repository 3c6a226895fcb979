// The std half of `pinion/runtime`: numbers, formatting, strings, collections, Option/Result,
// iterators and type descriptors.
//
// Conventions for emitted code (each module's header has the details and a worked example):
//   - Naming: methods of std classes keep Rust's names (`v.push(x)`, `s.push_str(t)`, `o.unwrap(loc)`);
//     methods of primitive types are `<type>_<method>(receiver, …)` (`int_pow`, `str_len`,
//     `char_is_alphanumeric`, `float_round`); associated functions are `Type_fn` (`String_from`,
//     `Vec_with_capacity`, `VecDeque_new`); operators on integers are `int_add(INT.i32, a, b, loc)` or
//     the per-kind `i32_add(a, b, loc)`.
//   - Anything that can panic takes the `Loc` ("LINE:COL") last and panics with rustc 1.95's text.
//   - Integers: `number` up to 32 bits; 64/128-bit kinds `number` while safe, `bigint` beyond.
//   - A shared reference to an element read through (`o.as_ref()`, `v.first()`) is the element value
//     itself, except the items of `v.iter()` (`iter_of`): pointers to the elements (`ElemRef`).
//     `&mut` to an element is core's `Ptr` (`iter_mut`, `get_mut`, `index_mut`, `as_mut`), so writes
//     are tracked and a reallocation leaves them dangling. Descriptors `T.ref(t)` format both forms.
//   - Option/Result objects are places (`take`, `replace`, `insert` mutate them): a Copy duplicate of
//     an option must be `o.copy()` / `desc.clone(o)`.
//   - Type-directed operations take a descriptor (`T.vec(T.i32)`); user types get theirs from
//     `T.struct` / `T.enum` (derives built in, impls plugged in); `dyn` values from `dyn_value` or a
//     class's static `$desc`.
//   - `for x in a..b` over integers is best a plain JS loop; ranges as values are `range(INT.i32, a, b)`.
//   - `collect::<C>()` takes C's builder: `Vec_from_iter`, `String_from_iter`, `VecDeque_from_iter`,
//     `Option_from_iter(Vec_from_iter)`, `Result_from_iter(…)`; sums take the kind (`sum(INT.u64)`,
//     `sum_f64()`).
//
// Modules:
//   int.ts     integers of every kind: checked operators, casts, methods, parsing (`int_add(INT.i32, …)`)
//   float.ts   f32/f64 operations, methods, parsing (`f32_add`, `float_round`, `f64_parse`)
//   std-libm.ts  exp/ln/sin/… computed as glibc does (correctly rounded, with bigints)
//   prim.ts    char and bool methods (`char_is_alphanumeric`, `bool_then`)
//   option.ts  Option and Result (`Some`, `None`, `Ok`, `Err`, `o.unwrap(loc)`)
//   iter.ts    RIter and its adaptors, ranges (`range(INT.i32, 0, n)`)
//   string.ts  RString and `&str` functions (`str_len`, `str_split`…), UTF-8 exact
//   slice.ts   Slice views and arrays (`array_index`, `slice_of`)
//   vec.ts     RVec (Rust's capacity policy) and RVecDeque
//   fmt.ts     format_args!, Formatter, Debug builders, number formatting (`print(fmt_args(…))`)
//   types.ts   type descriptors `T.*` with derive semantics for user types
export * from "./option.js";
export * from "./int.js";
export * from "./float.js";
export * from "./std-libm.js";
export * from "./prim.js";
export * from "./iter.js";
export * from "./string.js";
export * from "./slice.js";
export * from "./vec.js";
export * from "./fmt.js";
export * from "./types.js";
