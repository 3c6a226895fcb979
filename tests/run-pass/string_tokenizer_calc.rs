// String processing: a tokenizer over chars().peekable(), a tiny precedence-climbing calculator,
// parse::<f64>() errors, split/trim/bytes, and format width and precision.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Op(char),
    LParen,
    RParen,
}

fn tokenize(src: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' => { chars.next(); }
            '0'..='9' | '.' => {
                let mut s = String::new();
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() || d == '.' { s.push(d); chars.next(); } else { break; }
                }
                let n: f64 = s.parse().map_err(|e| format!("bad number {:?}: {}", s, e))?;
                toks.push(Tok::Num(n));
            }
            '+' | '-' | '*' | '/' => { toks.push(Tok::Op(c)); chars.next(); }
            '(' => { toks.push(Tok::LParen); chars.next(); }
            ')' => { toks.push(Tok::RParen); chars.next(); }
            other => return Err(format!("unexpected {:?} at byte {}", other, src.find(other).unwrap())),
        }
    }
    Ok(toks)
}

fn prec(op: char) -> u8 {
    if op == '+' || op == '-' { 1 } else { 2 }
}

fn primary(toks: &[Tok], pos: &mut usize) -> f64 {
    let t = toks[*pos].clone();
    *pos += 1;
    match t {
        Tok::Num(n) => n,
        Tok::LParen => { let v = expr(toks, pos, 0); *pos += 1; v }
        Tok::Op('-') => -primary(toks, pos),
        t => panic!("unexpected token {:?}", t),
    }
}

fn expr(toks: &[Tok], pos: &mut usize, min: u8) -> f64 {
    let mut lhs = primary(toks, pos);
    while let Some(Tok::Op(op)) = toks.get(*pos) {
        let op = *op;
        if prec(op) < min { break; }
        *pos += 1;
        let rhs = expr(toks, pos, prec(op) + 1);
        lhs = match op { '+' => lhs + rhs, '-' => lhs - rhs, '*' => lhs * rhs, _ => lhs / rhs };
    }
    lhs
}

fn main() {
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 0.5", "-(2.5 * 4) + 1", "2 * 3.1.4", "7 % 2"] {
        match tokenize(src) {
            Ok(toks) => {
                let mut pos = 0;
                let v = expr(&toks, &mut pos, 0);
                println!("{:<16}= {:>8.3} ({} tokens)", src, v, toks.len());
            }
            Err(e) => println!("{:<16}! {}", src, e),
        }
    }
    let csv = "name, age ,score\n ada,36, 9.5\nbob ,x, 7.25\n";
    for (i, line) in csv.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let age = cols[1].parse::<u32>();
        let score: f32 = cols[2].parse().unwrap_or(0.0);
        println!("row {}: {:>5}|{:<4}|{:06.2}|{:?}", i, cols[0], cols[1], score, age.is_ok());
    }
    let word = "Pinning";
    let upper: Vec<u8> = word.bytes().filter(|b| b.is_ascii_uppercase()).collect();
    let sum: u32 = word.bytes().map(|b| b as u32).sum();
    println!("{:?} {} {:x} {:#b}", upper, sum, sum, word.len());
    println!("[{:^11}] [{:*>9}] [{:+}] [{:e}]", word, "r", 42, 1234.5);
    let rev: String = word.chars().rev().collect();
    println!("{} {} {:?}", rev, word.to_lowercase().replace("n", "N"), word.split_once('n'));
    println!("{:?}", "a=1;b=2;;c=3".split(';').filter(|s| !s.is_empty()).map(|kv| kv.split('=').collect::<Vec<_>>()).collect::<Vec<_>>());
}
