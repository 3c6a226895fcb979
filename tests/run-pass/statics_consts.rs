// `const` (inlined at each use), `static` (one place in memory), `static mut` (unsafe access),
// const arrays and const fn, statics holding atomics, and a `static` string table.
use std::sync::atomic::{AtomicUsize, Ordering};

const MAX_RETRIES: u32 = 3;
const GREETING: &str = "hello";
const PRIMES: [u32; 5] = [2, 3, 5, 7, 11];
const fn cube(x: u64) -> u64 {
    x * x * x
}
const BIG: u64 = cube(1000);

static NAMES: [&str; 3] = ["zero", "one", "two"];
static CALLS: AtomicUsize = AtomicUsize::new(0);
static mut LOG_LEN: usize = 0;

fn log(msg: &str) {
    CALLS.fetch_add(1, Ordering::SeqCst);
    unsafe {
        LOG_LEN += msg.len();
    }
    println!("log: {}", msg);
}

fn name_of(n: usize) -> &'static str {
    NAMES.get(n).copied().unwrap_or("many")
}

struct Config;
impl Config {
    const VERSION: (u8, u8) = (1, 4);
}

fn main() {
    for attempt in 1..=MAX_RETRIES {
        log(&format!("attempt {} of {}", attempt, MAX_RETRIES));
    }
    println!("{} {} {}", GREETING, GREETING.len(), GREETING.to_uppercase());
    println!("primes {:?} sum {}", PRIMES, PRIMES.iter().sum::<u32>());
    let mut local = PRIMES; // a copy: the const itself cannot change
    local[0] = 100;
    println!("local {:?} const {:?}", local, PRIMES);
    println!("BIG = {}, cube(3) = {}", BIG, cube(3));
    for n in 0..4 {
        println!("{} -> {}", n, name_of(n));
    }
    log("done");
    println!("calls = {}", CALLS.load(Ordering::SeqCst));
    let total = unsafe { LOG_LEN };
    println!("logged {} bytes", total);
    println!("version {}.{}", Config::VERSION.0, Config::VERSION.1);
}
