// Shifting by the bit width or more panics in a debug build ("attempt to shift left with
// overflow"); shifts that push bits out are fine. Exit code 101.
fn bit(n: u32) -> u32 {
    1 << n
}

fn main() {
    for n in [0, 1, 7, 31] {
        println!("bit({}) = {:#x}", n, bit(n));
    }
    let x: u8 = 0b1011_0001;
    println!("{:08b} << 3 = {:08b}", x, x << 3);
    println!("{:08b} >> 5 = {:08b}", x, x >> 5);
    let neg: i16 = -64;
    println!("{} >> 2 = {} (arithmetic shift)", neg, neg >> 2);
    println!("{} as u16 >> 2 = {}", neg, (neg as u16) >> 2);
    println!("rotate_left: {:#010x}", 0x1234_5678u32.rotate_left(8));
    let amount = 16;
    println!("u64 shift by {}: {}", amount * 2, 1u64 << (amount * 2));
    println!("now bit(32)...");
    println!("not reached: {}", bit(amount * 2));
}
