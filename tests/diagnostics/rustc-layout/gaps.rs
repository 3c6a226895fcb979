// Gaps between annotated lines: one skipped line is printed, more become `...`; line numbers of
// different widths share one right-aligned gutter.
#![allow(unused)]
struct S;
fn main() {
    let s = S;
    let t = s;

    let u = s;
    let a = S;
    let b = a;


    let c = a;
}
