// Strings are UTF-8: `len()` counts bytes, `chars()` counts scalar values; slicing uses byte
// offsets on char boundaries; case mapping can change the length; char classification.
fn main() {
    let words = ["hello", "héllo", "日本語", "🦀 crab", "straße"];
    for w in words {
        println!("{:?}: {} bytes, {} chars, upper {:?}", w, w.len(), w.chars().count(), w.to_uppercase());
    }
    let s = "añ日🦀";
    for c in s.chars() {
        println!("{:?} U+{:04X} len_utf8 {} alphabetic {} numeric {}", c, c as u32, c.len_utf8(), c.is_alphabetic(), c.is_numeric());
    }
    println!("is_char_boundary(2) = {}, (3) = {}", s.is_char_boundary(2), s.is_char_boundary(3));
    println!("{:?}", &s[0..3]);
    println!("{:?}", s.bytes().map(|b| format!("{:02x}", b)).collect::<Vec<_>>().join(" "));
    let reversed: String = "añ日".chars().rev().collect();
    println!("reversed {:?}", reversed);
    println!("{:?}", "Ünïcödé".to_ascii_uppercase());
    println!("{:?}", "MiXeD 123".chars().map(|c| if c.is_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect::<String>());
    let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    println!("digit sum {}", digits);
    println!("{:?}", "tschüß".find('ü'));
    println!("{:?}", "🦀🦀".char_indices().collect::<Vec<_>>());
    println!("{}", char::from_digit(7, 10).unwrap());
    println!("{:?}", ('a'..='e').collect::<String>());
    println!("{:?}", "Ab1 _".chars().map(|c| (c.is_ascii_alphanumeric(), c.is_whitespace())).collect::<Vec<_>>());
    let mut counts = [0usize; 26];
    for c in "the quick brown fox jumps over the lazy dog".chars().filter(|c| c.is_ascii_lowercase()) {
        counts[(c as u8 - b'a') as usize] += 1;
    }
    println!("{:?}", counts);
}
