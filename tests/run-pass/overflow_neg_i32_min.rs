// Negating `i32::MIN` (it has no positive counterpart) panics with "attempt to negate with
// overflow"; first the `checked_`/`wrapping_` forms show the edge cases without panicking. Exit 101.
fn neg(x: i32) -> i32 {
    -x
}

fn main() {
    let values = [5, -7, i32::MAX, i32::MIN + 1];
    for v in values {
        println!("neg({}) = {}", v, neg(v));
    }
    let min = i32::MIN;
    println!("checked_neg(MIN) = {:?}", min.checked_neg());
    println!("wrapping_neg(MIN) = {}", min.wrapping_neg());
    println!("checked_abs(MIN) = {:?}", min.checked_abs());
    println!("checked_div(MIN, -1) = {:?}", min.checked_div(-1));
    println!("checked_div(7, 0) = {:?}", 7i32.checked_div(0));
    println!("checked_rem(7, 0) = {:?}", 7i32.checked_rem(0));
    println!("checked_shl(1, 32) = {:?}", 1u32.checked_shl(32));
    println!("wrapping_shl(1, 33) = {}", 1u32.wrapping_shl(33));
    println!("-7 / 2 = {}, -7 % 2 = {}", -7 / 2, -7 % 2);
    println!("(-7).rem_euclid(2) = {}", (-7i32).rem_euclid(2));
    println!("now neg(MIN)...");
    let n = neg(min);
    println!("not reached: {}", n);
}
