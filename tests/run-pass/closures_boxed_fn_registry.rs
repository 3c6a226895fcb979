// Closures stored in structs: a Vec<Box<dyn Fn>> pipeline, an event bus of Box<dyn FnMut> handlers
// that keep state, closures returned from functions (impl Fn and Box<dyn Fn>), and move captures.
struct Pipeline {
    stages: Vec<(String, Box<dyn Fn(i64) -> i64>)>,
}

impl Pipeline {
    fn new() -> Self {
        Pipeline { stages: Vec::new() }
    }
    fn stage(mut self, name: &str, f: impl Fn(i64) -> i64 + 'static) -> Self {
        self.stages.push((name.to_string(), Box::new(f)));
        self
    }
    fn run(&self, x: i64) -> i64 {
        self.stages.iter().fold(x, |acc, (name, f)| {
            let y = f(acc);
            println!("  {:<6} {} -> {}", name, acc, y);
            y
        })
    }
}

struct Bus<'a> {
    handlers: Vec<Box<dyn FnMut(&str) -> bool + 'a>>,
}

impl<'a> Bus<'a> {
    fn emit(&mut self, ev: &str) -> usize {
        let mut handled = 0;
        for h in self.handlers.iter_mut() {
            if h(ev) {
                handled += 1;
            }
        }
        handled
    }
}

fn adder(n: i64) -> impl Fn(i64) -> i64 {
    move |x| x + n
}

fn pick(op: char) -> Box<dyn Fn(i64, i64) -> i64> {
    match op {
        '+' => Box::new(|a, b| a + b),
        '*' => Box::new(|a, b| a * b),
        _ => Box::new(move |a, _| { println!("unknown op {}", op); a }),
    }
}

fn apply_twice<F>(f: F, x: i64) -> i64 where F: Fn(i64) -> i64 {
    f(f(x))
}

fn main() {
    let factor = 3;
    let p = Pipeline::new()
        .stage("add5", adder(5))
        .stage("triple", move |x| x * factor)
        .stage("neg", |x: i64| -x)
        .stage("abs", i64::abs);
    println!("result {}", p.run(2));
    println!("stages {}", p.stages.len());

    let mut log: Vec<String> = Vec::new();
    let mut clicks = 0;
    {
        let mut bus = Bus { handlers: Vec::new() };
        bus.handlers.push(Box::new(|ev| { log.push(format!("saw {}", ev)); true }));
        bus.handlers.push(Box::new(|ev| if ev.starts_with("click") { clicks += 1; true } else { false }));
        for ev in ["click", "key", "click2"] {
            println!("{} handled by {}", ev, bus.emit(ev));
        }
    }
    println!("log {:?} clicks {}", log, clicks);

    println!("{} {} {}", pick('+')(2, 3), pick('*')(4, 5), pick('?')(7, 8));
    println!("twice {}", apply_twice(adder(10), 1));
    println!("twice {}", apply_twice(|x| x * x, 3));
    let fs: Vec<Box<dyn Fn() -> String>> = (1..=3).map(|i| Box::new(move || "*".repeat(i)) as Box<dyn Fn() -> String>).collect();
    for f in &fs {
        print!("{} ", f());
    }
    println!();
    let mut counter = {
        let mut n = 0;
        move || { n += 1; n }
    };
    counter();
    counter();
    println!("counter {}", counter());
}
