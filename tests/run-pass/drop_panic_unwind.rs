// A panic unwinds the stack: live locals are dropped (innermost frame first, each in reverse order),
// and their Drop output appears on stdout after the panic message on stderr. Exit code 101.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn checked_div(a: i32, b: i32) -> i32 {
    let _g = Guard("checked_div frame");
    if b == 0 {
        panic!("division of {} by zero requested", a);
    }
    a / b
}

fn compute(values: &[i32]) -> i32 {
    let _outer = Guard("compute frame");
    let mut acc = 1000;
    for v in values {
        let _step = Guard("loop step");
        acc = checked_div(acc, *v);
        println!("acc = {}", acc);
    }
    acc
}

fn main() {
    let _main_guard = Guard("main");
    let moved = Guard("moved away");
    std::mem::forget(moved);
    let result = compute(&[2, 5, 0, 4]);
    println!("never printed: {}", result);
}
