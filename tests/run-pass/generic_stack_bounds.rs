// Generics with trait bounds: a generic Stack<T> with impl blocks split by bound, a trait with an
// associated type and a generic fn over it, where clauses, PartialOrd-bounded largest, Default.
use std::fmt::{Debug, Display};

#[derive(Debug, Default)]
struct Stack<T> {
    items: Vec<T>,
}

impl<T> Stack<T> {
    fn push(&mut self, t: T) -> &mut Self {
        self.items.push(t);
        self
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}

impl<T: Display> Stack<T> {
    fn render(&self) -> String {
        let parts: Vec<String> = self.items.iter().map(|t| format!("<{}>", t)).collect();
        parts.join("")
    }
}

trait Container {
    type Item;
    fn get(&self, i: usize) -> Option<&Self::Item>;
    fn first(&self) -> Option<&Self::Item> {
        self.get(0)
    }
}

impl<T> Container for Stack<T> {
    type Item = T;
    fn get(&self, i: usize) -> Option<&T> {
        self.items.get(i)
    }
}

fn show_first<C>(c: &C) -> String
where
    C: Container,
    C::Item: Debug,
{
    format!("first = {:?}", c.first())
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {
    let mut m = xs[0];
    for &x in xs {
        if x > m {
            m = x;
        }
    }
    m
}

fn pair_max<A: Ord + Clone, B: Into<i64> + Copy>(a: &[A], b: B) -> (A, i64) {
    (a.iter().max().unwrap().clone(), b.into() * 2)
}

#[derive(Debug, Default, Clone, Copy, PartialEq, PartialOrd)]
struct Version(u8, u8, u8);

fn main() {
    let mut s: Stack<i32> = Stack::default();
    s.push(1).push(2).push(3);
    println!("{} len {} peek {:?}", s.render(), s.len(), s.peek());
    println!("{}", show_first(&s));
    println!("popped {:?} {:?}", s.pop(), s);
    let mut words = Stack { items: vec!["a".to_string()] };
    words.push("bc".into());
    println!("{} {}", words.render(), show_first(&words));
    let empty: Stack<Version> = Stack::default();
    println!("{} {:?}", show_first(&empty), empty.get(3));
    println!("{} {} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest(&['x', 'b', 'z']));
    let vs = [Version(1, 2, 3), Version(1, 10, 0), Version(0, 99, 99)];
    println!("{:?}", largest(&vs));
    println!("{:?}", pair_max(&["pear", "apple", "zucchini"], 21u8));
    println!("{:?}", pair_max(&[5u64, 2], -4i32));
}
