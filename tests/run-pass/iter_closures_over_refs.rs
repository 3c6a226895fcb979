// Closures over `&Self::Item` when the items are references themselves: `iter_mut().find` with a
// tuple pattern, `iter().filter` / `take_while` / `skip_while` / `inspect` with `**x` and `&&x`
// patterns, and `position` / `any` taking the item by value.
fn main() {
    let mut counts: Vec<(String, u32)> = vec![("a".to_string(), 1), ("b".to_string(), 2), ("c".to_string(), 3)];
    if let Some((_, c)) = counts.iter_mut().find(|(n, _)| n == "b") {
        *c += 10;
    }
    if let Some(pair) = counts.iter_mut().find(|p| p.1 > 2 && p.0 != "b") {
        pair.0.push('!');
    }
    println!("{:?}", counts);
    let nums = vec![3, 8, 1, 9, 4, 7];
    let big: Vec<&i32> = nums.iter().filter(|x| **x > 3).collect();
    let small: Vec<i32> = nums.iter().filter(|&&x| x < 5).cloned().collect();
    println!("{:?} {:?}", big, small);
    let head: Vec<_> = nums.iter().take_while(|x| **x != 1).collect();
    let tail: Vec<_> = nums.iter().skip_while(|&&x| x != 1).collect();
    println!("{:?} {:?}", head, tail);
    let mut seen = 0;
    let total: i32 = nums.iter().inspect(|x| seen += **x).sum();
    println!("{} {}", total, seen);
    let words = vec!["pin", "unpin", "poll"];
    let refs: Vec<&&str> = words.iter().collect();
    let found = refs.iter().find(|w| w.starts_with('u'));
    println!("{:?} {:?}", found, words.iter().position(|w| *w == "poll"));
    let mut grid = vec![vec![0u8; 3]; 2];
    for row in grid.iter_mut().filter(|r| r.len() == 3) {
        row[1] = 7;
    }
    println!("{:?} {}", grid, grid.iter().any(|r| r.contains(&7)));
}
