// Debug-build integer overflow inside a closure: checked_mul and checked_add stop a factorial
// table cleanly, then an unchecked u16 product inside fold panics at the closure's line (exit 101).
fn factorial_checked(n: u32) -> Option<u32> {
    (1..=n).try_fold(1u32, |acc, k| acc.checked_mul(k))
}

fn triangle(n: u8) -> Option<u8> {
    let mut t: u8 = 0;
    for k in 1..=n {
        t = t.checked_add(k)?;
    }
    Some(t)
}

fn main() {
    for n in [5, 10, 12, 13, 20] {
        match factorial_checked(n) {
            Some(f) => println!("{:>2}! = {}", n, f),
            None => println!("{:>2}! overflows u32", n),
        }
    }
    let last_ok = (1..30).take_while(|&n| triangle(n).is_some()).last();
    println!("largest triangle in u8: T({:?}) = {:?}", last_ok, last_ok.and_then(triangle));
    let wrapped = (1..=10u8).fold(1u8, |acc, k| acc.wrapping_mul(k));
    let saturated = (1..=10u8).fold(1u8, |acc, k| acc.saturating_mul(k));
    println!("wrapping {} saturating {}", wrapped, saturated);
    let (v, o) = 200u8.overflowing_add(100);
    println!("overflowing {} {}", v, o);
    let sizes: Vec<u16> = vec![12, 34, 56, 78];
    let mut products = Vec::new();
    let product = sizes.iter().fold(1u16, |acc, &s| {
        products.push(acc);
        println!("acc {} * {}", acc, s);
        acc * s
    });
    println!("unreachable {} {:?}", product, products);
}
