// Multi-line spans inside multi-line spans, labels in non-ASCII text, and labels that must hang.
#![allow(unused)]
struct P { a: i32 }

fn two(_a: i32, _b: i32) {}

fn main() {
    let c = true;
    let v = if c {
        if c {
            1
        } else {
            P {
                a: 1,
            }
        }
    } else {
        2
    };
    let w = match c { true => "été", false => 1 };
    two(
        "a",
        "b",
    );
}
