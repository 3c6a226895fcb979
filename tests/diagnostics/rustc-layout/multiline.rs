// Spans over several lines: `/` when the span starts a line, `_____^` when it starts mid-line, `|_^`
// at the end, `...` inside long spans, and two overlapping multi-line spans at different depths.
#![allow(unused)]
struct P { a: i32 }

fn main() {
    let c = true;
    let x = if c {
        1
    } else {
        "a"
    };
    let n: i32 = P {
        a: 1,
    };
    let m: i32 =
        P {
            a: 1,
            // comment
        };
    let k = match c {
        true => 1,
        false => {
            let q = 2;
            let r = 3;
            let s = 4;
            let t = 5;
            let u = 6;
            "b"
        }
    };
    let k = match c {
        true => 1,
        false => P {
            a: 1,
        },
    };
    let j = if c { 1 } else { P {
        a: 2 } };
}
