// Several labels on one line: the rightmost inline, the others hanging below with `|` connectors,
// and overlapping spans (a label inside a primary span).
#![allow(unused)]
struct S;
impl S {
    fn m(&mut self, _o: &mut S) {}
}

fn takes(_a: &mut S, _b: &S) {}

fn main() {
    let mut x = S;
    takes(&mut x, &x);
    x.m(&mut x);
}
