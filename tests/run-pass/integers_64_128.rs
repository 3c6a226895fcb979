// Integers past 2^53: u64/i64/u128/i128 arithmetic and printing, where a JavaScript number would
// lose digits. Factorials, Fibonacci numbers and powers near the type limits.
fn factorial(n: u32) -> u128 {
    (1..=n as u128).product()
}

fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

fn main() {
    println!("2^53 + 1 = {}", (1u64 << 53) + 1);
    println!("u64::MAX = {}", u64::MAX);
    println!("i64::MIN = {}", i64::MIN);
    println!("u128::MAX = {}", u128::MAX);
    println!("i128::MIN = {}", i128::MIN);
    println!("25! = {}", factorial(25));
    println!("34! = {}", factorial(34));
    println!("fib(90) = {}", fib(90));
    println!("fib(92) = {}", fib(92));
    let big: i64 = 9_007_199_254_740_993;
    println!("{} * 3 = {}", big, big * 3);
    println!("{} / 7 = {}, % 7 = {}", big, big / 7, big % 7);
    println!("{:x} {:#X} {:o}", u64::MAX, 0xDEAD_BEEF_CAFEu64, 1u64 << 60);
    println!("{:b}", 0x8000_0000_0000_0001u64);
    let prod: u128 = u64::MAX as u128 * u64::MAX as u128;
    println!("u64::MAX^2 = {}", prod);
    println!("i128 -(2^100) = {}", -(1i128 << 100));
    let mut h: u64 = 0xcbf29ce484222325;
    for b in "pinion".bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    println!("fnv1a(\"pinion\") = {:016x}", h);
    println!("{:>25}|", u64::MAX);
    println!("{:+}", i64::MAX);
    let v: Vec<u64> = (60..64).map(|s| 1u64 << s).collect();
    println!("{:?}", v);
    println!("sum = {}", v.iter().sum::<u64>());
}
