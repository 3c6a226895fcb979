// Several multi-line spans starting or ending on the same lines.
#![allow(unused)]
struct P { a: i32 }
struct Q { b: i32 }

fn two(_a: i32, _b: i32) {}

fn main() {
    let c = true;
    let x = match c { true => P {
            a: 1 }, false => Q {
            b: 2 } };
    two(P {
        a: 1,
    }, Q {
        b: 2,
    });
    let y = if c { P {
        a: 1,
    } } else { Q {
        b: 2,
    } };
}
