// Multiplying `i32`s past i32::MAX panics in a debug build ("attempt to multiply with overflow");
// the factorial below is fine up to 12! and overflows at 13!. Exit code 101.
fn factorial(n: i32) -> i32 {
    let mut acc: i32 = 1;
    for k in 2..=n {
        acc *= k;
    }
    acc
}

fn powers_of(base: i32, count: u32) -> Vec<i32> {
    (0..count).map(|e| base.pow(e)).collect()
}

fn main() {
    println!("powers of 7: {:?}", powers_of(7, 5));
    println!("i32::MAX = {}", i32::MAX);
    for n in [1, 5, 10, 12] {
        println!("{}! = {}", n, factorial(n));
    }
    let big: i64 = factorial(12) as i64 * 13;
    println!("13! as i64 = {}", big);
    let n = 13;
    println!("now {}! as i32...", n);
    let f = factorial(n);
    println!("not reached: {}", f);
}
