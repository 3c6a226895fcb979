// Slices and sorting: sort, sort_by_key with Reverse, sort_unstable_by, dedup, retain, binary_search
// (found and insertion point), split_at, swap, reverse, contains, iter().rev(), rotate, to_vec, concat.
use std::cmp::Reverse;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Student {
    grade: u8,
    name: String,
}

fn median(xs: &mut [i32]) -> f64 {
    xs.sort();
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] as f64 } else { (xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0 }
}

fn main() {
    let mut v = vec![5, 3, 8, 1, 9, 3, 5, 5, 2];
    v.sort();
    println!("sorted {:?}", v);
    v.dedup();
    println!("dedup {:?}", v);
    println!("search 8 {:?} search 4 {:?}", v.binary_search(&8), v.binary_search(&4));
    let idx = v.binary_search(&4).unwrap_or_else(|i| i);
    v.insert(idx, 4);
    println!("inserted {:?}", v);
    v.retain(|&x| x != 3);
    let (lo, hi) = v.split_at(3);
    println!("lo {:?} hi {:?}", lo, hi);
    v.swap(0, 1);
    v.reverse();
    println!("swapped+reversed {:?} contains 9 {}", v, v.contains(&9));
    v.rotate_left(2);
    println!("rotated {:?} first {:?} last {:?}", v, v.first(), v.last());
    let mut evens: Vec<i32> = v.iter().rev().filter(|x| *x % 2 == 0).cloned().collect();
    evens.sort_by_key(|&x| Reverse(x));
    println!("evens desc {:?}", evens);

    let mut class = vec![
        Student { grade: 2, name: "mia".into() },
        Student { grade: 1, name: "zed".into() },
        Student { grade: 2, name: "al".into() },
        Student { grade: 1, name: "bo".into() },
    ];
    class.sort();
    let names: Vec<&str> = class.iter().map(|s| s.name.as_str()).collect();
    println!("by grade then name {:?}", names);
    class.sort_by(|a, b| b.name.len().cmp(&a.name.len()).then_with(|| a.name.cmp(&b.name)));
    println!("by name length {:?}", class.iter().map(|s| &s.name).collect::<Vec<_>>());
    class.sort_unstable_by_key(|s| (Reverse(s.grade), s.name.clone()));
    println!("{:?}", class[0]);
    println!("max {:?}", class.iter().max().map(|s| &s.name));

    let mut data = [7, 1, 4, 2];
    println!("median {}", median(&mut data));
    println!("median {}", median(&mut [3, 1, 2]));
    let nested = vec![vec![1, 2], vec![], vec![3]];
    println!("concat {:?} len {}", nested.concat(), nested.iter().map(Vec::len).sum::<usize>());
    let words = ["b", "a", "c"];
    let mut owned = words.to_vec();
    owned.sort_by(|a, b| b.cmp(a));
    println!("{} | {:?}", owned.join("/"), &owned[1..]);
    let arr = [[1, 2, 3], [4, 5, 6]];
    let col_sums: Vec<i32> = (0..3).map(|c| arr.iter().map(|row| row[c]).sum()).collect();
    println!("col sums {:?} is_sorted {}", col_sums, col_sums.windows(2).all(|w| w[0] <= w[1]));
}
