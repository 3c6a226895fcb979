// Vec operations: push/pop/insert/remove/swap_remove, extend, truncate, retain, dedup, sort and
// sort_by_key (stable), binary_search, contains, reverse, split_off, drain, capacity-free APIs only.
#[derive(Debug, Clone)]
struct Task {
    prio: u8,
    name: &'static str,
}

fn main() {
    let mut v = vec![5, 3, 8];
    v.push(1);
    v.insert(1, 9);
    println!("{:?} len {} first {:?} last {:?}", v, v.len(), v.first(), v.last());
    println!("pop {:?}, remove(0) {}, swap_remove(0) {}", v.pop(), v.remove(0), v.swap_remove(0));
    println!("{:?}", v);
    v.extend([4, 4, 2, 2, 2, 7].iter());
    v.extend_from_slice(&[7, 0]);
    println!("{:?}", v);
    v.dedup();
    println!("dedup {:?}", v);
    v.retain(|&x| x != 0);
    v.sort();
    println!("sorted {:?}, contains 7: {}, binary_search 4: {:?}, 6: {:?}", v, v.contains(&7), v.binary_search(&4), v.binary_search(&6));
    v.sort_by(|a, b| b.cmp(a));
    println!("desc {:?}", v);
    v.reverse();
    let tail = v.split_off(3);
    println!("head {:?} tail {:?}", v, tail);
    let drained: Vec<i32> = v.drain(..2).collect();
    println!("drained {:?} left {:?}", drained, v);
    v.truncate(0);
    println!("empty {:?} is_empty {}", v, v.is_empty());
    let mut tasks = vec![
        Task { prio: 2, name: "write" },
        Task { prio: 1, name: "read" },
        Task { prio: 2, name: "flush" },
        Task { prio: 0, name: "open" },
    ];
    tasks.sort_by_key(|t| t.prio);
    let names: Vec<&str> = tasks.iter().map(|t| t.name).collect();
    println!("by prio (stable): {:?}", names);
    let copy = tasks.clone();
    tasks.clear();
    println!("{} cleared, copy has {}: {:?}", tasks.len(), copy.len(), copy[0]);
    let grid = vec![vec![0u8; 3]; 2];
    println!("{:?}", grid);
    let mut m = vec![1, 2, 3, 4, 5, 6];
    m.swap(0, 5);
    m.rotate_left(2);
    println!("{:?} max {:?} min {:?}", m, m.iter().max(), m.iter().min());
    let pos = m.iter().position(|&x| x == 6);
    println!("position of 6: {:?}", pos);
    let joined: String = m.iter().map(|n| n.to_string()).collect::<Vec<_>>().join("+");
    println!("{} = {}", joined, m.iter().sum::<i32>());
    println!("{:?} == {:?}: {}", &m[..2], [3, 4], m[..2] == [3, 4]);
}
