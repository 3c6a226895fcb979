// Result combinators and error handling without panics: map, map_err, and_then, or_else, unwrap_or,
// ok/err, `?` with conversions, collect into Result, iterating and partitioning results, and a
// custom error type with Display.
use std::fmt;

#[derive(Debug, PartialEq)]
enum CalcError {
    DivByZero,
    Parse(String),
    Overflow { a: i32, b: i32 },
}

impl fmt::Display for CalcError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CalcError::DivByZero => write!(f, "division by zero"),
            CalcError::Parse(s) => write!(f, "cannot parse {:?}", s),
            CalcError::Overflow { a, b } => write!(f, "{} * {} overflows", a, b),
        }
    }
}

fn parse(s: &str) -> Result<i32, CalcError> {
    s.parse::<i32>().map_err(|_| CalcError::Parse(s.to_string()))
}

fn div(a: i32, b: i32) -> Result<i32, CalcError> {
    if b == 0 { Err(CalcError::DivByZero) } else { Ok(a / b) }
}

fn mul(a: i32, b: i32) -> Result<i32, CalcError> {
    a.checked_mul(b).ok_or(CalcError::Overflow { a, b })
}

fn eval(a: &str, b: &str) -> Result<i32, CalcError> {
    let x = parse(a)?;
    let y = parse(b)?;
    let q = div(x, y)?;
    mul(q, y)
}

fn main() {
    for (a, b) in [("84", "2"), ("1", "0"), ("x", "1"), ("2000000000", "1"), ("-9", "4")] {
        match eval(a, b) {
            Ok(v) => println!("eval({}, {}) = {}", a, b, v),
            Err(e) => println!("eval({}, {}) failed: {} / {:?}", a, b, e, e),
        }
    }
    println!("{:?}", mul(70000, 70000));
    println!("map: {:?} {:?}", div(9, 3).map(|v| v * 10), div(1, 0).map(|v| v * 10));
    println!("and_then: {:?}", parse("12").and_then(|v| div(v, 4)));
    println!("or_else: {:?}", div(1, 0).or_else(|_| div(1, 1)));
    println!("unwrap_or: {} {}", div(8, 0).unwrap_or(-1), div(8, 2).unwrap_or(-1));
    println!("ok/err: {:?} {:?}", div(8, 0).ok(), div(8, 0).err());
    println!("is_ok {} is_err {}", parse("7").is_ok(), parse("7").is_err());
    let all: Result<Vec<i32>, CalcError> = ["1", "2", "3"].iter().map(|s| parse(s)).collect();
    let some_bad: Result<Vec<i32>, CalcError> = ["1", "two", "3", "four"].iter().map(|s| parse(s)).collect();
    println!("{:?}\n{:?}", all, some_bad);
    let (oks, errs): (Vec<_>, Vec<_>) = ["5", "x", "6"].iter().map(|s| parse(s)).partition(|r| r.is_ok());
    println!("oks {:?} errs {:?}", oks, errs);
    let sum: i32 = ["5", "x", "6"].iter().filter_map(|s| parse(s).ok()).sum();
    println!("sum of parsable = {}", sum);
    println!("equal: {}", eval("1", "0") == Err(CalcError::DivByZero));
    let nested: Result<Option<i32>, CalcError> = Some(parse("3")).transpose();
    println!("transpose {:?}", nested);
}
