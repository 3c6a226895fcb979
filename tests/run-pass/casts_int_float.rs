// `as` casts: integer narrowing truncates, sign changes reinterpret bits, widening sign-extends,
// float to int truncates toward zero and saturates (NaN becomes 0), int to float rounds, f64 to f32
// rounds, bool and char casts.
fn main() {
    println!("300i32 as u8 = {}", 300i32 as u8);
    println!("-1i32 as u8 = {}", -1i32 as u8);
    println!("-1i32 as u32 = {}", -1i32 as u32);
    println!("-1i8 as i64 = {}", -1i8 as i64);
    println!("255u8 as i8 = {}", 255u8 as i8);
    println!("200u8 as i8 as i32 = {}", 200u8 as i8 as i32);
    println!("65536 + 7 as u16 = {}", (65536 + 7) as u16);
    println!("u64::MAX as i64 = {}", u64::MAX as i64);
    println!("i64::MIN as u64 = {}", i64::MIN as u64);
    println!("-3i32 as usize = {}", -3i32 as usize);
    println!("3.99f64 as i32 = {}", 3.99f64 as i32);
    println!("-3.99f64 as i32 = {}", -3.99f64 as i32);
    println!("-1.5f64 as u8 = {}", -1.5f64 as u8);
    println!("300.7f32 as u8 = {}", 300.7f32 as u8);
    println!("1e10 as i32 = {}", 1e10 as i32);
    println!("-1e10 as i32 = {}", -1e10 as i32);
    println!("NaN as i32 = {}", f64::NAN as i32);
    println!("inf as u64 = {}", f64::INFINITY as u64);
    println!("i32::MAX as f32 = {}", i32::MAX as f32);
    println!("u64::MAX as f64 = {}", u64::MAX as f64);
    println!("16777217i32 as f32 = {}", 16777217i32 as f32);
    println!("9007199254740993i64 as f64 = {}", 9007199254740993i64 as f64);
    println!("0.1f64 as f32 = {}", 0.1f64 as f32);
    println!("0.1f32 as f64 = {}", 0.1f32 as f64);
    println!("1e40f64 as f32 = {}", 1e40f64 as f32);
    println!("true as u8 = {}, false as i32 = {}", true as u8, false as i32);
    println!("'A' as u32 = {}, 'é' as u8 = {}", 'A' as u32, 'é' as u8);
    println!("97u8 as char = {:?}", 97u8 as char);
    println!("char::from_u32(0x263A) = {:?}", char::from_u32(0x263A));
    println!("i16::from(-5i8) = {}, u32::try_from(-1i64) is_err = {}", i16::from(-5i8), u32::try_from(-1i64).is_err());
    let bytes: Vec<u8> = [1000i32, -1, 65].iter().map(|&x| x as u8).collect();
    println!("{:?}", bytes);
}
