// Iterator adapters and consumers: map, filter, enumerate, zip, rev, take/skip, take_while,
// chain, flat_map, step_by, windows, chunks, fold, sum/product, count, any/all, find, min_by_key,
// max_by, last, nth, collect into Vec and String, and a hand-written Iterator.
struct Countdown(u32);

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0 + 1)
        }
    }
}

fn main() {
    let v = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let doubled: Vec<i32> = v.iter().map(|x| x * 2).collect();
    println!("{:?}", doubled);
    println!("{:?}", v.iter().filter(|&&x| x % 2 == 1).collect::<Vec<_>>());
    for (i, x) in v.iter().enumerate().skip(5) {
        print!("{}:{} ", i, x);
    }
    println!();
    let names = ["a", "b", "c"];
    println!("{:?}", names.iter().zip(v.iter()).collect::<Vec<_>>());
    println!("{:?}", v.iter().rev().take(3).collect::<Vec<_>>());
    println!("{:?}", v.iter().take_while(|&&x| x < 5).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip_while(|&&x| x < 5).collect::<Vec<_>>());
    println!("{:?}", (1..4).chain(7..9).collect::<Vec<_>>());
    println!("{:?}", (1..4).flat_map(|i| (0..i).map(move |j| i * 10 + j)).collect::<Vec<_>>());
    println!("{:?}", (0..20).step_by(6).collect::<Vec<_>>());
    println!("{:?}", v.windows(3).map(|w| w.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("{:?}", v.chunks(3).collect::<Vec<_>>());
    println!("fold {}", v.iter().fold(String::new(), |acc, x| format!("{}{}", acc, x)));
    println!("sum {} product {}", v.iter().sum::<i32>(), v.iter().product::<i32>());
    println!("count>2 {} any>8 {} all>0 {}", v.iter().filter(|&&x| x > 2).count(), v.iter().any(|&x| x > 8), v.iter().all(|&x| x > 0));
    println!("find {:?} position {:?}", v.iter().find(|&&x| x > 4), v.iter().position(|&x| x == 9));
    let words = ["pin", "future", "waker", "box"];
    println!("min_by_key {:?} max_by {:?}", words.iter().min_by_key(|w| w.len()), words.iter().max_by(|a, b| a.len().cmp(&b.len())));
    println!("last {:?} nth(1) {:?}", words.iter().last(), words.iter().nth(1));
    let s: String = words.iter().map(|w| w.chars().next().unwrap()).collect();
    println!("initials {}", s);
    println!("countdown {:?}", Countdown(4).collect::<Vec<_>>());
    println!("countdown sum {}", Countdown(100).sum::<u32>());
    let evens: Vec<u32> = Countdown(10).filter(|n| n % 2 == 0).map(|n| n * n).collect();
    println!("{:?}", evens);
    let mut it = v.iter().peekable();
    let mut runs = Vec::new();
    while let Some(&x) = it.next() {
        let mut len = 1;
        while it.peek().map_or(false, |&&n| n > x) {
            it.next();
            len += 1;
        }
        runs.push(len);
    }
    println!("runs {:?}", runs);
    let (small, big): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x < 4);
    println!("{:?} {:?}", small, big);
    println!("{:?}", v.iter().copied().max().unwrap_or(0) - v.iter().copied().min().unwrap_or(0));
}
