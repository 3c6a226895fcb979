// Subtracting below zero on an unsigned `usize` panics ("attempt to subtract with overflow"): the
// classic `len() - 1` on an empty Vec, reached after some successful calls. Exit code 101.
fn last_index(v: &[&str]) -> usize {
    v.len() - 1
}

fn describe(v: &[&str]) {
    let i = last_index(v);
    println!("last of {:?} is at {}: {}", v, i, v[i]);
}

fn main() {
    let mut stack = vec!["a", "b", "c"];
    while !stack.is_empty() {
        describe(&stack);
        stack.pop();
    }
    let saturated = stack.len().saturating_sub(1);
    let checked = stack.len().checked_sub(1);
    let wrapped = stack.len().wrapping_sub(1);
    println!("saturating {}, checked {:?}, wrapping {}", saturated, checked, wrapped);
    println!("empty now: {:?}", stack);
    describe(&stack);
    println!("not reached");
}
