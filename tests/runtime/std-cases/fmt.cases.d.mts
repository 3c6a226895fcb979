/** Format cases: the arguments of a `format!` call, written as Rust. */
export declare const FMT_CASES: string[];
