// A user Index impl whose body indexes a Vec out of bounds: Index::index is #[track_caller] in std,
// so rustc reports the panic at the caller's `m[(3, 0)]` (its `[`), not at the `self.d[…]` inside
// the impl; IndexMut likewise.
use std::ops::{Index, IndexMut};

struct M {
    d: Vec<i32>,
    w: usize,
}

impl Index<(usize, usize)> for M {
    type Output = i32;
    fn index(&self, (r, c): (usize, usize)) -> &i32 {
        &self.d[r * self.w + c]
    }
}

impl IndexMut<(usize, usize)> for M {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut i32 {
        &mut self.d[r * self.w + c]
    }
}

fn main() {
    let mut m = M { d: vec![1, 2, 3, 4], w: 2 };
    m[(0, 1)] += 40;
    println!("{} {}", m[(0, 1)], m[(1, 1)]);
    println!("{}", m[(3, 0)]);
}
