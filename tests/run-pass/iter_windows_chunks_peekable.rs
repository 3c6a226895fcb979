// Iterator chains: windows, chunks, zip, enumerate, rev, skip, take, step_by, flat_map, scan,
// take_while, and a run-length encoder written with peekable and next_if_eq.
fn rle(s: &str) -> Vec<(char, usize)> {
    let mut out = Vec::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let mut n = 1;
        while it.next_if_eq(&c).is_some() {
            n += 1;
        }
        out.push((c, n));
    }
    out
}

fn main() {
    let xs = vec![3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    let rising: Vec<bool> = xs.windows(2).map(|w| w[1] > w[0]).collect();
    println!("rising {:?}", rising);
    let sums: Vec<i32> = xs.chunks(3).map(|c| c.iter().sum()).collect();
    println!("chunk sums {:?}", sums);
    let last_chunk = xs.chunks(4).last().unwrap();
    println!("last chunk {:?} len {}", last_chunk, last_chunk.len());
    let pairs: Vec<(usize, i32)> = xs.iter().copied().enumerate().skip(2).step_by(3).collect();
    println!("pairs {:?}", pairs);
    let rev_taken: Vec<_> = xs.iter().rev().take(4).collect();
    println!("rev take {:?}", rev_taken);
    let dot: i32 = xs.iter().zip(xs.iter().skip(1)).map(|(a, b)| a * b).sum();
    println!("dot {}", dot);
    let flat: Vec<String> = (1..4).flat_map(|i| (0..i).map(move |j| format!("{}{}", i, j))).collect();
    println!("flat {}", flat.join(","));
    let running: Vec<i32> = xs.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).collect();
    println!("running {:?}", running);
    let prefix: Vec<&i32> = xs.iter().take_while(|&&x| x < 5).collect();
    println!("prefix {:?}", prefix);
    let (evens, odds): (Vec<i32>, Vec<i32>) = xs.iter().partition(|&&x| x % 2 == 0);
    println!("evens {:?} odds {:?}", evens, odds);
    let pos = xs.iter().position(|&x| x == 9);
    let any_big = xs.iter().any(|&x| x > 8);
    let all_pos = xs.iter().all(|x| *x > 0);
    println!("pos {:?} any {} all {}", pos, any_big, all_pos);
    let mx = xs.iter().enumerate().max_by_key(|&(_, v)| *v).unwrap();
    let mn = xs.iter().min().unwrap();
    println!("max at {:?} min {}", mx, mn);
    println!("rle {:?}", rle("aaabccddddx"));
    let encoded: String = rle("hello  world").iter().map(|&(c, n)| if n > 1 { format!("{}{}", n, c) } else { c.to_string() }).collect();
    println!("encoded {:?}", encoded);
    let mut it = xs.iter().peekable();
    let mut groups = Vec::new();
    while let Some(&x) = it.next() {
        let mut g = vec![x];
        while let Some(&&y) = it.peek() {
            if y > *g.last().unwrap() { g.push(y); it.next(); } else { break; }
        }
        groups.push(g);
    }
    println!("ascending runs {:?}", groups);
    let folded = xs.iter().fold(String::new(), |mut acc, x| { if !acc.is_empty() { acc.push('-'); } acc += &x.to_string(); acc });
    println!("folded {}", folded);
    let count = (1..=100).filter(|n| n % 7 == 0).count();
    let chained: Vec<i32> = (1..3).chain(7..9).rev().collect();
    println!("count {} chained {:?}", count, chained);
}
