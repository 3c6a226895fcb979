// Trait objects: `Box<dyn Trait>` in a Vec, `&dyn Trait` parameters, `&mut dyn Trait`, dynamic
// dispatch over different types, default methods overridden or not, and supertraits.
use std::fmt::Debug;

trait Shape: Debug {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        String::from("shape")
    }
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

#[derive(Debug)]
struct Circle {
    r: f64,
}
#[derive(Debug)]
struct Rect {
    w: f64,
    h: f64,
}
#[derive(Debug)]
struct Dot;

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
    fn name(&self) -> String {
        format!("circle(r={})", self.r)
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn name(&self) -> String {
        "rect".to_string()
    }
}
impl Shape for Dot {
    fn area(&self) -> f64 {
        0.0
    }
}

trait Counter {
    fn bump(&mut self) -> u32;
}
impl Counter for u32 {
    fn bump(&mut self) -> u32 {
        *self += 1;
        *self
    }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn print_one(s: &dyn Shape) {
    println!("one: {}", s.describe());
}

fn bump_twice(c: &mut dyn Counter) -> u32 {
    c.bump();
    c.bump()
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.5 }), Box::new(Rect { w: 2.0, h: 3.5 }), Box::new(Dot)];
    for s in &shapes {
        println!("{}", s.describe());
    }
    println!("total {:.3}", total_area(&shapes));
    print_one(&Rect { w: 1.0, h: 1.0 });
    print_one(shapes[0].as_ref());
    println!("{:?}", shapes);
    let biggest = shapes.iter().max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap()).unwrap();
    println!("biggest: {}", biggest.name());
    let mut n: u32 = 40;
    println!("bumped to {}", bump_twice(&mut n));
    let borrowed: Vec<&dyn Shape> = shapes.iter().map(|b| b.as_ref()).filter(|s| s.area() > 1.0).collect();
    println!("{} shapes bigger than 1", borrowed.len());
}
