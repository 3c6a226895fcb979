// Arrays and slices: fixed-size arrays and their Copy semantics, slices of arrays and Vecs, ranges
// of every form, `split_at`, `iter_mut`, `first`/`last`, `contains`, 2-D arrays, slice patterns in
// `match` and `if let`, and functions that take `&[T]` / `&mut [T]`.
fn sum(xs: &[i32]) -> i32 {
    xs.iter().sum()
}

fn double_all(xs: &mut [i32]) {
    for x in xs.iter_mut() {
        *x *= 2;
    }
}

fn describe(xs: &[i32]) -> String {
    match xs {
        [] => "empty".to_string(),
        [one] => format!("one: {}", one),
        [first, .., last] if first == last => format!("same ends {}", first),
        [first, rest @ ..] => format!("first {} then {} more", first, rest.len()),
    }
}

fn main() {
    let a = [1, 2, 3, 4, 5];
    let mut b = a; // arrays of Copy are Copy
    b[0] = 100;
    println!("a {:?} b {:?} len {}", a, b, a.len());
    println!("{:?} {:?} {:?} {:?} {:?}", &a[1..3], &a[..2], &a[3..], &a[..], &a[1..=3]);
    let (left, right) = a.split_at(2);
    println!("split {:?} {:?}, sums {} {}", left, right, sum(left), sum(right));
    let mut v = vec![1, 2, 3];
    double_all(&mut v);
    double_all(&mut b[1..3]);
    println!("v {:?} b {:?}", v, b);
    println!("first {:?} last {:?} empty first {:?}", a.first(), a.last(), (&a[..0]).first());
    println!("contains 3: {}, starts_with [1,2]: {}", a.contains(&3), a.starts_with(&[1, 2]));
    let mut grid = [[0u8; 4]; 3];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 4 + c) as u8;
        }
    }
    println!("{:?}", grid);
    println!("grid[2][3] = {}, column 1 = {:?}", grid[2][3], grid.iter().map(|row| row[1]).collect::<Vec<_>>());
    for xs in [&[][..], &[7], &[4, 5, 4], &[1, 2, 3, 9]] {
        println!("{}", describe(xs));
    }
    if let [x, y] = [10, 20] {
        println!("pair {} {}", x, y);
    }
    let words = ["pin", "box", "arc"];
    let lens: [usize; 3] = words.map(|w| w.len());
    println!("{:?} total {}", lens, lens.iter().sum::<usize>());
    let mut sorted = [5, 2, 9, 1];
    sorted.sort_unstable();
    println!("{:?} {:?}", sorted, sorted.iter().rev().collect::<Vec<_>>());
    let filled = [String::from("s"), String::new()];
    println!("{:?}", filled);
    println!("{}", [1.5f64, 2.5].iter().map(|x| x * 2.0).sum::<f64>());
    println!("{:?}", a.iter().zip(b.iter()).map(|(x, y)| y - x).collect::<Vec<_>>());
}
