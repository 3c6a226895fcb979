// A `*const` taken from a variable, then `mem::replace` moves the old value out and writes a new
// one. The pointer was derived before the move, so reading through it is undefined behavior even
// though the variable still exists (rustc's rules: the `&mut` for the replace invalidates it).
use std::mem;

#[derive(Debug)]
struct Config {
    name: String,
    retries: u32,
}

fn main() {
    let mut current = Config { name: "v1".to_string(), retries: 3 };
    let seen: *const Config = &current;
    println!("before: {:?}", unsafe { &*seen });
    let previous = mem::replace(&mut current, Config { name: "v2".to_string(), retries: 5 }); // UB: the value `seen` points to moves out
    println!("previous was {} with {} retries", previous.name, previous.retries);
    println!("current is {}", current.name);
    let retries = unsafe { (*seen).retries }; // UB: `seen` was invalidated by the replace
    println!("through the stale pointer: {}", retries);
}

#[allow(dead_code)]
fn the_fix() {
    let mut current = Config { name: "v1".to_string(), retries: 3 };
    let _previous = mem::replace(&mut current, Config { name: "v2".to_string(), retries: 5 });
    let seen: *const Config = &current; // take the pointer after the last move
    println!("{:?}", unsafe { &*seen });
}
