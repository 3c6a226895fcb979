// `Result::expect` on an `Err` panics with the message, a colon and the error's Debug form;
// `unwrap_or_else` and `match` handle errors without panicking first. Exit code 101.
use std::num::ParseIntError;

fn parse_all(parts: &[&str]) -> Result<Vec<u16>, ParseIntError> {
    let mut out = Vec::new();
    for p in parts {
        out.push(p.parse::<u16>()?);
    }
    Ok(out)
}

fn main() {
    let ok = parse_all(&["1", "22", "333"]).expect("valid numbers");
    println!("parsed {:?}", ok);
    let fallback = parse_all(&["7", "x"]).unwrap_or_else(|e| {
        println!("recovered from: {}", e);
        vec![]
    });
    println!("fallback {:?}", fallback);
    match parse_all(&["70000"]) {
        Ok(v) => println!("unexpected {:?}", v),
        Err(e) => println!("too big: {} / {:?}", e, e),
    }
    let empty: Result<u8, _> = "".parse::<u8>();
    println!("empty: {:?}", empty);
    let port = parse_all(&["8080", "-1"]).expect("ports are u16");
    println!("not reached: {:?}", port);
}
