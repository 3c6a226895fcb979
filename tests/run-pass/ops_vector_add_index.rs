// Operator overloading: Add, Sub, Mul<f64>, Neg, AddAssign on a Copy vector; Index/IndexMut on a
// matrix with (row, col) tuples, read and written (`m[i] = x`, `m[i] *= k`); PartialEq derived and used via ==; Display through the operators.
use std::fmt;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 {
    x: f64,
    y: f64,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl Sub for V2 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        V2 { x: self.x - o.x, y: self.y - o.y }
    }
}

impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}

impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2 { x: -self.x, y: -self.y }
    }
}

impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}

impl fmt::Display for V2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({:.1}, {:.1})", self.x, self.y)
    }
}

struct Matrix {
    cols: usize,
    data: Vec<i32>,
}

impl Matrix {
    fn new(rows: usize, cols: usize) -> Matrix {
        Matrix { cols, data: vec![0; rows * cols] }
    }
}

impl Index<(usize, usize)> for Matrix {
    type Output = i32;
    fn index(&self, (r, c): (usize, usize)) -> &i32 {
        &self.data[r * self.cols + c]
    }
}

impl IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut i32 {
        &mut self.data[r * self.cols + c]
    }
}

fn main() {
    let a = V2 { x: 1.0, y: 2.0 };
    let b = V2 { x: 0.5, y: -1.5 };
    println!("{} + {} = {}", a, b, a + b);
    println!("a - b = {}, a * 3 = {}, -b = {}", a - b, a * 3.0, -b);
    let mut p = V2 { x: 0.0, y: 0.0 };
    for i in 0..4 {
        p += a * (i as f64);
    }
    println!("p = {} {:?}", p, p);
    println!("eq {} {}", a + b == b + a, a == b);
    let mut m = Matrix::new(3, 4);
    for r in 0..3 {
        for c in 0..4 {
            m[(r, c)] = (r * 10 + c) as i32;
        }
    }
    m[(1, 1)] *= -1;
    m[(2, 3)] += 100;
    for r in 0..3 {
        let row: Vec<String> = (0..4).map(|c| format!("{:4}", m[(r, c)])).collect();
        println!("{}", row.concat());
    }
    let trace: i32 = (0..3).map(|i| m[(i, i)]).sum();
    println!("trace {}", trace);
    println!("{:?}", m.data.iter().rev().take(3).collect::<Vec<_>>());
}
