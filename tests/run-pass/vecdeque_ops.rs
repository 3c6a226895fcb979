// VecDeque as a queue and a ring buffer: push/pop at both ends, front/back, rotate, iteration
// order, `make_contiguous`, indexing, and a bounded history that drops its oldest entries.
use std::collections::VecDeque;

struct History {
    cap: usize,
    items: VecDeque<String>,
}

impl History {
    fn record(&mut self, s: &str) {
        if self.items.len() == self.cap {
            let old = self.items.pop_front().unwrap();
            println!("  evict {:?}", old);
        }
        self.items.push_back(s.to_string());
    }
}

fn main() {
    let mut q: VecDeque<i32> = VecDeque::new();
    q.push_back(1);
    q.push_back(2);
    q.push_front(0);
    q.push_front(-1);
    println!("{:?} len {} front {:?} back {:?}", q, q.len(), q.front(), q.back());
    println!("pop_front {:?} pop_back {:?} -> {:?}", q.pop_front(), q.pop_back(), q);
    q.extend([7, 8, 9]);
    q.rotate_left(2);
    println!("rotated {:?}, q[1] = {}", q, q[1]);
    q[0] = 100;
    println!("contains 8: {}, iter rev: {:?}", q.contains(&8), q.iter().rev().collect::<Vec<_>>());
    let slice = q.make_contiguous();
    slice.sort();
    println!("sorted {:?}", q);
    let v: Vec<i32> = q.into_iter().collect();
    println!("into vec {:?}", v);
    let mut from_vec = VecDeque::from(vec!['a', 'b', 'c']);
    if let Some(x) = from_vec.get_mut(1) {
        *x = 'B';
    }
    from_vec.retain(|&c| c != 'c');
    println!("{:?} {:?}", from_vec, from_vec.iter().collect::<String>());
    let mut h = History { cap: 3, items: VecDeque::new() };
    for cmd in ["ls", "cd /", "pwd", "ls -l", "exit"] {
        println!("record {:?}", cmd);
        h.record(cmd);
    }
    println!("history {:?}", h.items);
    let mut work: VecDeque<(u32, u32)> = VecDeque::from(vec![(1, 3)]);
    let mut order = Vec::new();
    while let Some((id, depth)) = work.pop_front() {
        order.push(id);
        if depth > 0 {
            work.push_back((id * 2, depth - 1));
            work.push_back((id * 2 + 1, depth - 1));
        }
    }
    println!("breadth-first {:?}", order);
    q = VecDeque::with_capacity(2);
    println!("{:?} {}", q, q.is_empty());
}
