// Drop order of locals: reverse order of declaration at the end of each scope, shadowing keeps the
// shadowed value alive until the scope ends, `_` drops at once but `_name` does not, and a value
// moved out of a local is dropped by its new owner.
struct D(&'static str);

impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn take(d: D) {
    println!("take got {}", d.0);
}

fn make(name: &'static str) -> D {
    println!("make {}", name);
    D(name)
}

fn main() {
    let _a = make("a");
    let _b = make("b");
    {
        let _c = make("c");
        let _d = make("d");
        println!("end of inner scope");
    }
    let x = make("x1");
    let x = make(if x.0 == "x1" { "x2" } else { "?" });
    println!("shadowed, x is {}", x.0);
    let _ = make("underscore");
    println!("after let _");
    let _kept = make("kept");
    let moved = make("moved");
    take(moved);
    println!("after take");
    let mut reassigned = make("old");
    reassigned = make("new"); // the old value is dropped at the assignment
    println!("reassigned to {}", reassigned.0);
    let f = || {
        let _inside = make("closure local");
    };
    f();
    println!("end of main");
}
