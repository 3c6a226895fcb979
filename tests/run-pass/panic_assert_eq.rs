// `assert!` and `assert_ne!` that pass, then an `assert_eq!` that fails with a custom message:
// the panic message shows both sides with Debug formatting. Exit code 101.
#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

fn mirror(p: &Point) -> Point {
    Point { x: p.y, y: p.x }
}

fn checksum(s: &str) -> u32 {
    s.bytes().map(|b| b as u32).sum()
}

fn main() {
    let p = Point { x: 1, y: 2 };
    assert!(p.x < p.y, "x should be smaller");
    assert_ne!(p, mirror(&p));
    assert_eq!(mirror(&mirror(&p)), p);
    println!("mirror checks passed");
    assert_eq!(checksum("ab"), 195);
    println!("checksum(ab) = {}", checksum("ab"));
    let words = vec!["pin", "box", "waker"];
    for w in &words {
        println!("{} has {} letters", w, w.len());
    }
    let lengths: Vec<usize> = words.iter().map(|w| w.len()).collect();
    assert_eq!(lengths, vec![3, 3, 4], "lengths of {:?}", words);
    println!("not reached");
}
