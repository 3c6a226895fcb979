// A singly linked list of Option<Box<Node>>: push, pop, peek_mut, reverse in place with take(),
// an iterator struct borrowing the list, Drop on nodes showing the order a list is freed in.
struct Node {
    val: i32,
    next: Option<Box<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        print!("~{} ", self.val);
    }
}

struct List {
    head: Option<Box<Node>>,
    len: usize,
}

struct Iter<'a> {
    cur: Option<&'a Node>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a i32;
    fn next(&mut self) -> Option<&'a i32> {
        self.cur.map(|n| {
            self.cur = n.next.as_deref();
            &n.val
        })
    }
}

impl List {
    fn new() -> Self {
        List { head: None, len: 0 }
    }
    fn push(&mut self, val: i32) {
        let next = self.head.take();
        self.head = Some(Box::new(Node { val, next }));
        self.len += 1;
    }
    fn pop(&mut self) -> Option<i32> {
        self.head.take().map(|mut n| {
            self.head = n.next.take();
            self.len -= 1;
            n.val
        })
    }
    fn peek_mut(&mut self) -> Option<&mut i32> {
        self.head.as_mut().map(|n| &mut n.val)
    }
    fn reverse(&mut self) {
        let mut prev: Option<Box<Node>> = None;
        let mut cur = self.head.take();
        while let Some(mut n) = cur {
            cur = n.next.take();
            n.next = prev;
            prev = Some(n);
        }
        self.head = prev;
    }
    fn iter(&self) -> Iter<'_> {
        Iter { cur: self.head.as_deref() }
    }
}

fn main() {
    let mut l = List::new();
    for i in 1..=5 {
        l.push(i * 10);
    }
    println!("len {} items {:?}", l.len, l.iter().collect::<Vec<_>>());
    if let Some(v) = l.peek_mut() {
        *v += 1;
    }
    println!("popped {:?}", l.pop());
    println!();
    l.reverse();
    let doubled: Vec<i32> = l.iter().map(|v| v * 2).collect();
    println!("reversed {:?} doubled {:?} sum {}", l.iter().collect::<Vec<_>>(), doubled, l.iter().sum::<i32>());
    let max = l.iter().max().copied();
    println!("max {:?} len {}", max, l.len);
    println!("dropping list:");
    drop(l);
    println!();
    let mut empty = List::new();
    println!("empty pop {:?} peek {:?}", empty.pop(), empty.peek_mut());
    println!("end");
}
