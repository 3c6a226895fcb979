// The std half of `pinion/runtime`: numbers, formatting, strings, collections, Option/Result,
// iterators and type descriptors. See each module's header for its lowering and naming scheme:
//
//   int.ts     integers of every kind: checked operators, casts, methods, parsing (`int_add(INT.i32, …)`)
//   float.ts   f32/f64 operations, methods, parsing (`f32_add`, `float_round`, `f64_parse`)
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
export * from "./prim.js";
export * from "./iter.js";
export * from "./string.js";
export * from "./slice.js";
export * from "./vec.js";
export * from "./fmt.js";
export * from "./types.js";
