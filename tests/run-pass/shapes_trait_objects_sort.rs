// Struct- and enum-heavy code: a Shape trait with default methods, impls on structs and an enum,
// Vec<Box<dyn Shape>> sorted by area with partial_cmp, and matches with guards over the enum.
use std::fmt;

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    w: f64,
    h: f64,
}

#[derive(Debug)]
struct Circle {
    r: f64,
}

#[derive(Debug)]
enum Poly {
    Triangle { base: f64, height: f64 },
    Square(f64),
    Empty,
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn name(&self) -> String {
        if self.w == self.h { "square-ish rect".to_string() } else { String::from("rect") }
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.14159 * self.r * self.r
    }
    fn name(&self) -> String {
        format!("circle(r={})", self.r)
    }
    fn describe(&self) -> String {
        format!("a round {}", self.name())
    }
}

impl Shape for Poly {
    fn area(&self) -> f64 {
        match self {
            Poly::Triangle { base, height } => 0.5 * base * height,
            Poly::Square(s) if *s < 0.0 => 0.0,
            Poly::Square(s) => s * s,
            Poly::Empty => 0.0,
        }
    }
    fn name(&self) -> String {
        match self {
            Poly::Triangle { base, .. } if *base > 10.0 => "wide triangle".into(),
            Poly::Triangle { .. } => "triangle".into(),
            Poly::Square(_) => "square".into(),
            Poly::Empty => "nothing".into(),
        }
    }
}

impl fmt::Display for Rect {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}x{}", self.w, self.h)
    }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn main() {
    let r = Rect { w: 3.0, h: 4.5 };
    let mut shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(r),
        Box::new(Circle { r: 1.5 }),
        Box::new(Poly::Triangle { base: 12.0, height: 2.0 }),
        Box::new(Poly::Square(-2.0)),
        Box::new(Poly::Square(2.5)),
        Box::new(Poly::Empty),
        Box::new(Rect { w: 2.0, h: 2.0 }),
    ];
    println!("rect {} debug {:?} copy equal: {}", r, r, r == Rect { w: 3.0, h: 4.5 });
    shapes.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
    for (i, s) in shapes.iter().enumerate() {
        println!("{:>2}: {}", i, s.describe());
    }
    println!("total {:8.3}|", total_area(&shapes));
    let big: Vec<String> = shapes.iter().filter(|s| s.area() > 5.0).map(|s| s.name()).collect();
    println!("big: {:?}", big);
    let largest = shapes.iter().max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap()).unwrap();
    println!("largest: {}", largest.name());
    println!("{:?}", Poly::Triangle { base: 1.0, height: 2.0 });
}
