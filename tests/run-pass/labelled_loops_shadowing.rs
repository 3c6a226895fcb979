// Control flow learners trip on: labelled break/continue across nested loops, break with a value
// out of `loop`, shadowing in nested blocks and in match arms, while-let over a Vec used as a stack.
fn find_pair(xs: &[i32], target: i32) -> Option<(usize, usize)> {
    let mut found = None;
    'outer: for i in 0..xs.len() {
        for j in (i + 1)..xs.len() {
            if xs[i] + xs[j] == target {
                found = Some((i, j));
                break 'outer;
            }
        }
    }
    found
}

fn main() {
    println!("{:?} {:?}", find_pair(&[2, 7, 11, 15], 18), find_pair(&[1, 2], 10));

    let mut grid_hits = Vec::new();
    'row: for r in 0..4 {
        let mut c = 0;
        while c < 4 {
            c += 1;
            if c == 2 {
                continue;
            }
            if r == 2 {
                continue 'row;
            }
            if r * c > 5 {
                break 'row;
            }
            grid_hits.push((r, c));
        }
    }
    println!("hits {:?}", grid_hits);

    let mut n = 27u64;
    let mut steps = 0;
    let peak = loop {
        if n == 1 {
            break steps;
        }
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    };
    println!("collatz 27: {} steps", peak);

    let x = 5;
    let x = x * 2;
    {
        let x = "shadowed in a block";
        println!("inner x = {}", x);
    }
    let x = match x {
        x if x > 8 => x - 8,
        x => x,
    };
    println!("outer x = {}", x);
    let text = "42";
    let text: i32 = text.parse().unwrap();
    let text = text as f64 / 8.0;
    println!("text = {}", text);

    let mut stack = vec![1, 2, 3];
    let mut popped = String::new();
    while let Some(top) = stack.pop() {
        popped.push_str(&top.to_string());
        if top == 2 {
            stack.push(9);
            stack.push(8);
        }
        if popped.len() > 6 {
            break;
        }
    }
    println!("popped {} left {:?}", popped, stack);

    let v = 'blk: {
        if x < 0 {
            break 'blk "negative";
        }
        if x % 2 == 0 {
            break 'blk "even";
        }
        "odd"
    };
    println!("labelled block: {}", v);
    let total: i32 = (1..=3).map(|i| { let i = i * i; i + 1 }).sum();
    println!("total {}", total);
}
