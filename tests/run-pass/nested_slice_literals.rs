// Array literals checked against the slice type they are borrowed as: `&[&[1], &[2, 3]]` as
// `&[&[i32]]` coerces each element (arrays of different lengths) to `&[i32]`, in a let with a type,
// as an argument, and nested one level further; plus `&[&str]` and `&[u8]` literals.
fn total(rows: &[&[i32]]) -> i32 {
    rows.iter().map(|r| r.iter().sum::<i32>()).sum()
}

fn widest(grid: &[&[&[u8]]]) -> usize {
    grid.iter().flat_map(|plane| plane.iter()).map(|row| row.len()).max().unwrap_or(0)
}

fn main() {
    let s: &[&[i32]] = &[&[1], &[2, 3]];
    println!("{:?} {}", s, total(s));
    println!("{}", total(&[&[4, 5, 6], &[]]));
    let names: &[&str] = &["a", "bc"];
    let v: &[u8] = &[1, 2, 3];
    println!("{:?} {:?}", names, v);
    let g: &[&[&[u8]]] = &[&[&[1, 2], &[3]], &[&[4, 5, 6, 7]]];
    println!("{} planes, widest row {}", g.len(), widest(g));
    let lens: Vec<usize> = s.iter().map(|r| r.len()).collect();
    println!("{:?}", lens);
}
