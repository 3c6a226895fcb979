// Closures: Fn, FnMut and FnOnce bounds, capture by reference vs `move`, closures stored in
// structs and Vecs as `Box<dyn Fn>`, returning closures with `impl Fn` and `Box<dyn FnMut>`, and a
// closure that consumes its capture (FnOnce).
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn apply_twice<F: FnMut() -> u32>(mut f: F) -> u32 {
    f();
    f()
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn counter(start: u32) -> Box<dyn FnMut() -> u32> {
    let mut count = start;
    Box::new(move || {
        count += 1;
        count
    })
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

struct Button {
    label: String,
    on_click: Box<dyn Fn(&str) -> String>,
}

fn main() {
    let factor = 3;
    let triple = |x| x * factor; // borrows `factor`
    println!("apply: {} {}", apply(triple, 5), apply(|x| x - 1, 5));
    let mut calls = 0;
    let result = apply_twice(|| {
        calls += 1; // FnMut: mutates a captured variable
        calls * 10
    });
    println!("apply_twice -> {}, calls = {}", result, calls);
    let name = String::from("ferris");
    let greeting = consume(move || name + " says hi"); // moves `name` in and consumes it
    println!("{}", greeting);
    let add5 = adder(5);
    println!("adder: {} {}", add5(1), adder(-2)(2));
    let mut c = counter(10);
    println!("counter: {} {} {}", c(), c(), c());
    let mut other = counter(0);
    println!("another counter: {}", other());
    let f = compose(|x: i32| x * 2, |y: i32| format!("<{}>", y));
    println!("compose: {}", f(21));
    let ops: Vec<(&str, Box<dyn Fn(i32, i32) -> i32>)> = vec![
        ("add", Box::new(|a, b| a + b)),
        ("sub", Box::new(|a, b| a - b)),
        ("pow", Box::new(|a, b| a.pow(b as u32))),
    ];
    for (n, op) in &ops {
        println!("{} 2 5 = {}", n, op(2, 5));
    }
    let prefix = String::from(">> ");
    let b = Button { label: "ok".into(), on_click: Box::new(move |who| format!("{}{} clicked", prefix, who)) };
    println!("{} / {}", b.label, (b.on_click)("alice"));
    let mut log: Vec<String> = Vec::new();
    let mut record = |s: &str| log.push(s.to_uppercase());
    record("a");
    record("b");
    println!("{:?}", log);
    let fs: Vec<Box<dyn Fn() -> usize>> = (1..=3usize).map(|i| Box::new(move || i * 100) as Box<dyn Fn() -> usize>).collect();
    println!("{:?}", fs.iter().map(|f| f()).collect::<Vec<_>>());
}
