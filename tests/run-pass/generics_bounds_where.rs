// Generic structs and functions with trait bounds and `where` clauses, impl blocks with extra
// bounds, `impl Trait` in argument and return position, PhantomData, and generic methods.
use std::fmt::{Debug, Display};
use std::marker::PhantomData;

#[derive(Debug, Clone, PartialEq)]
struct Pair<T> {
    a: T,
    b: T,
}

impl<T> Pair<T> {
    fn new(a: T, b: T) -> Self {
        Pair { a, b }
    }
    fn swap(self) -> Pair<T> {
        Pair { a: self.b, b: self.a }
    }
}

impl<T: PartialOrd + Display> Pair<T> {
    fn largest(&self) -> &T {
        if self.a >= self.b { &self.a } else { &self.b }
    }
}

fn describe<T>(items: &[T]) -> String
where
    T: Debug + Clone,
{
    let mut v = items.to_vec();
    v.reverse();
    format!("{:?} reversed is {:?}", items, v)
}

fn sum_all(values: impl Iterator<Item = u32>) -> u32 {
    values.sum()
}

fn evens(limit: u32) -> impl Iterator<Item = u32> {
    (0..limit).filter(|n| n % 2 == 0)
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter();
    let mut best = *it.next()?;
    for &x in it {
        if x > best {
            best = x;
        }
    }
    Some(best)
}

struct Meters;
struct Feet;
struct Length<U> {
    value: f64,
    unit: PhantomData<U>,
}
impl<U> Length<U> {
    fn new(value: f64) -> Self {
        Length { value, unit: PhantomData }
    }
    fn add(self, other: Length<U>) -> Length<U> {
        Length::new(self.value + other.value)
    }
}
impl Length<Feet> {
    fn to_meters(self) -> Length<Meters> {
        Length::new(self.value * 0.3048)
    }
}

fn main() {
    let p = Pair::new(3, 9);
    println!("{:?} largest {} swapped {:?}", p, p.largest(), p.clone().swap());
    let s = Pair::new(String::from("pin"), String::from("box"));
    println!("largest string {}", s.largest());
    println!("{}", describe(&["x", "y", "z"]));
    println!("{}", describe(&[Pair::new(1, 2)]));
    println!("sum of evens below 10 = {}", sum_all(evens(10)));
    println!("sum of vec = {}", sum_all(vec![5, 6].into_iter()));
    println!("{:?} {:?} {:?}", largest(&[1.5, -2.0, 9.25]), largest(&['q', 'z', 'a']), largest::<i32>(&[]));
    let total = Length::<Feet>::new(10.0).add(Length::new(5.0));
    let feet = total.value;
    println!("{} ft = {:.3} m", feet, total.to_meters().value);
    println!("{}", Pair::new(1u8, 1u8) == Pair { a: 1, b: 1 });
}
