// Parsing text into numbers and back: `parse::<T>()` for integers, floats, bools and chars with their
// error values, `char::to_digit`, `from_str_radix`, and a tiny async tokenizer over an input line.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

#[derive(Debug)]
enum Token {
    Num(i64),
    Word(String),
    Op(char),
}

async fn next_piece() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn tokenize(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for piece in line.split_whitespace() {
        next_piece().await;
        let tok = match piece.parse::<i64>() {
            Ok(n) => Token::Num(n),
            Err(_) if piece.len() == 1 && "+-*/".contains(piece) => Token::Op(piece.chars().next().unwrap()),
            Err(_) => Token::Word(piece.to_string()),
        };
        out.push(tok);
    }
    out
}

fn main() {
    println!("{:?} {:?} {:?}", "42".parse::<i32>(), "-0".parse::<i8>(), "+7".parse::<u8>());
    println!("{:?}", "256".parse::<u8>());
    println!("{:?}", "-1".parse::<u32>());
    println!("{:?}", "12a".parse::<i32>());
    println!("{:?}", " 1".parse::<i32>());
    println!("{:?} {:?} {:?}", "3.5".parse::<f64>(), "1e-3".parse::<f32>(), "NaN".parse::<f64>().map(|x| x.is_nan()));
    println!("{:?} {:?}", "true".parse::<bool>(), "yes".parse::<bool>().is_err());
    println!("{:?} {:?}", "x".parse::<char>(), "xy".parse::<char>().is_err());
    println!("{:?} {:?}", i64::from_str_radix("-ff", 16), u8::from_str_radix("101", 2));
    println!("{:?} {:?} {:?}", '7'.to_digit(10), 'f'.to_digit(16), 'g'.to_digit(16));
    let n: u64 = "18446744073709551615".parse().unwrap();
    println!("{} {}", n, n.to_string().len());
    let mut fut = pin!(tokenize("let x = 40 + 2 * -3"));
    let mut cx = Context::from_waker(Waker::noop());
    let tokens = loop {
        if let Poll::Ready(t) = fut.as_mut().poll(&mut cx) {
            break t;
        }
    };
    println!("{:?}", tokens);
    let sum: i64 = tokens.iter().filter_map(|t| if let Token::Num(n) = t { Some(*n) } else { None }).sum();
    println!("sum of numbers = {}", sum);
}
