// `join` and `concat` on slices of text and of sequences: strings joined by a &str give a String;
// Vecs, arrays and slices joined by one element or by a slice give a Vec; concat flattens.
fn main() {
    let parts = vec![vec![1, 2], vec![3], vec![]];
    let joined: Vec<i32> = parts.join(&0);
    println!("{:?}", joined);
    println!("{:?}", parts.join(&[7, 7][..]));
    let flat: Vec<i32> = parts.concat();
    println!("{:?} {}", flat, flat.len());
    let words = ["pin", "poll", "wake"];
    println!("{} {}", words.join("-"), words.concat());
    let owned: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    println!("{}", owned.join(", "));
    let nested = [[1u8, 2], [3, 4]];
    println!("{:?}", nested.join(&[9u8][..]));
    println!("{:?}", nested.concat());
    let slices: Vec<&[i64]> = vec![&[10, 20], &[30]];
    println!("{:?}", slices.join(&-1));
    let empty: Vec<Vec<u8>> = Vec::new();
    println!("{:?} {:?}", empty.join(&0), empty.concat());
    let lines = vec![String::from("a"), String::new(), String::from("c")];
    println!("{:?}", lines.join("\n"));
}
