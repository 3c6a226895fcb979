// Explicit overflow behaviour: `wrapping_*`, `checked_*`, `saturating_*` and `overflowing_*` on
// signed and unsigned types of several widths, plus `pow`, `abs`, `min`/`max`, `div_euclid`.
fn main() {
    let a: u8 = 200;
    let b: u8 = 100;
    println!("u8 200+100: wrapping {}, checked {:?}, saturating {}, overflowing {:?}",
        a.wrapping_add(b), a.checked_add(b), a.saturating_add(b), a.overflowing_add(b));
    println!("u8 100-200: wrapping {}, checked {:?}, saturating {}, overflowing {:?}",
        b.wrapping_sub(a), b.checked_sub(a), b.saturating_sub(a), b.overflowing_sub(a));
    let c: i8 = -100;
    println!("i8 -100*2: wrapping {}, checked {:?}, saturating {}", c.wrapping_mul(2), c.checked_mul(2), c.saturating_mul(2));
    println!("i8 MIN abs: wrapping {}, checked {:?}", i8::MIN.wrapping_abs(), i8::MIN.checked_abs());
    let d: i32 = i32::MAX;
    println!("i32 MAX+1 wrapping {}", d.wrapping_add(1));
    println!("i32 MIN-1 saturating {}", i32::MIN.saturating_sub(1));
    println!("i32 MIN / -1 wrapping {}, checked {:?}", i32::MIN.wrapping_div(-1), i32::MIN.checked_div(-1));
    let e: u16 = 300;
    println!("u16 300^2 wrapping {}, checked {:?}", e.wrapping_mul(e), e.checked_mul(e));
    println!("u32 pow: 3^20 = {}, checked 3^21 = {:?}", 3u32.pow(20), 3u32.checked_pow(21));
    println!("u64 MAX+1 wrapping {}", u64::MAX.wrapping_add(1));
    println!("i64 MAX saturating +1 = {}", i64::MAX.saturating_add(1));
    println!("i64 wrapping 2^63 = {}", 2i64.wrapping_pow(63));
    println!("abs(-5) = {}, signum(-5) = {}, min = {}, max = {}", (-5i32).abs(), (-5i32).signum(), 3.min(9), 3.max(9));
    println!("-7 div_euclid 2 = {}, rem_euclid = {}", (-7i32).div_euclid(2), (-7i32).rem_euclid(2));
    let mut acc: u8 = 0;
    for step in [100u8, 100, 100, 100] {
        acc = acc.wrapping_add(step);
        print!("{} ", acc);
    }
    println!();
    let total = [250u8, 10, 3].iter().fold(0u8, |s, &x| s.saturating_add(x));
    println!("saturating fold = {}", total);
    let sum: Option<u8> = [100u8, 100, 100].iter().try_fold(0u8, |s, &x| s.checked_add(x));
    println!("checked fold = {:?}", sum);
    println!("count_ones(0xF0F0) = {}, leading_zeros(1u32) = {}, trailing_zeros(8u8) = {}",
        0xF0F0u16.count_ones(), 1u32.leading_zeros(), 8u8.trailing_zeros());
    println!("is_power_of_two(64) = {}, next_power_of_two(65) = {}", 64u32.is_power_of_two(), 65u32.next_power_of_two());
}
