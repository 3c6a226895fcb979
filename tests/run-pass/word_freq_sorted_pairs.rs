// Word frequencies without a map: a Vec<(String, usize)> kept sorted and searched with
// binary_search_by (insert on Err), trim_matches with a closure, grouping by count, and sort_by with
// then. (pinion runs no HashMap yet: `HashMap::new` is refused with P0003.)
fn freq(text: &str) -> Vec<(String, usize)> {
    let mut m: Vec<(String, usize)> = Vec::new();
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if w.is_empty() {
            continue;
        }
        match m.binary_search_by(|(k, _)| k.as_str().cmp(&w)) {
            Ok(i) => m[i].1 += 1,
            Err(i) => m.insert(i, (w, 1)),
        }
    }
    m
}

fn get<'a>(m: &'a [(String, usize)], key: &str) -> Option<&'a usize> {
    m.iter().find(|(k, _)| k == key).map(|(_, n)| n)
}

fn main() {
    let text = "The future is pinned. The future is polled; the waker wakes the task, and the task polls again!";
    let m = freq(text);
    println!("distinct {}", m.len());
    let mut top: Vec<&(String, usize)> = m.iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (w, n) in top.iter().take(5).map(|p| (&p.0, p.1)) {
        println!("{:>8} {}", w, n);
    }
    println!("future? {:?} waker? {:?} rust? {:?}", get(&m, "future"), get(&m, "waker").copied(), get(&m, "rust"));

    let mut scores: Vec<(&str, Vec<u32>)> = Vec::new();
    for (name, s) in [("ada", 90), ("bob", 70), ("ada", 85), ("cy", 60), ("bob", 75)] {
        match scores.iter().position(|(n, _)| *n == name) {
            Some(i) => scores[i].1.push(s),
            None => scores.push((name, vec![s])),
        }
    }
    for (_, v) in scores.iter_mut() {
        v.sort();
    }
    scores.sort_by_key(|(n, _)| *n);
    for (n, v) in &scores {
        let avg = v.iter().sum::<u32>() as f64 / v.len() as f64;
        println!("{}: {:?} avg {:.1}", n, v, avg);
    }
    let removed = scores.iter().position(|(n, _)| *n == "cy").map(|i| scores.remove(i));
    println!("removed {:?}, left {}", removed, scores.len());
    let max = m.iter().map(|(_, n)| *n).max().unwrap_or(0);
    for c in (1..=max).rev() {
        let ws: Vec<&str> = m.iter().filter(|(_, n)| *n == c).map(|(w, _)| w.as_str()).collect();
        if !ws.is_empty() {
            println!("{} x {}", c, ws.join(" "));
        }
    }
}
