// Error handling: a custom error enum with Display and From impls so `?` converts ParseIntError and
// a String; Box<dyn Error> in main-like code; ok_or, map_err, and_then, unwrap_or_default, collect
// into Result<Vec<_>, _>, and iterator sum of Results.
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ConfigError {
    Missing(&'static str),
    BadNumber { key: String, source: ParseIntError },
    Invalid(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ConfigError::Missing(k) => write!(f, "missing key `{}`", k),
            ConfigError::BadNumber { key, source } => write!(f, "key `{}`: {}", key, source),
            ConfigError::Invalid(why) => write!(f, "invalid: {}", why),
        }
    }
}

impl Error for ConfigError {}

impl From<String> for ConfigError {
    fn from(s: String) -> Self {
        ConfigError::Invalid(s)
    }
}

fn lookup<'a>(pairs: &[(&'a str, &'a str)], key: &'static str) -> Result<&'a str, ConfigError> {
    pairs.iter().find(|(k, _)| *k == key).map(|&(_, v)| v).ok_or(ConfigError::Missing(key))
}

fn number(pairs: &[(&str, &str)], key: &'static str) -> Result<u32, ConfigError> {
    let raw = lookup(pairs, key)?;
    raw.parse::<u32>().map_err(|e| ConfigError::BadNumber { key: key.to_string(), source: e })
}

fn config(pairs: &[(&str, &str)]) -> Result<(u32, u32), ConfigError> {
    let w = number(pairs, "width")?;
    let h = number(pairs, "height")?;
    if w * h > 1000 {
        Err(format!("area {} too large", w * h))?;
    }
    Ok((w, h))
}

fn sum_all(items: &[&str]) -> Result<i32, Box<dyn Error>> {
    let nums: Result<Vec<i32>, _> = items.iter().map(|s| s.parse::<i32>()).collect();
    let nums = nums?;
    if nums.is_empty() {
        return Err("nothing to sum".into());
    }
    Ok(nums.iter().sum())
}

fn main() {
    let cases: Vec<Vec<(&str, &str)>> = vec![
        vec![("width", "20"), ("height", "30")],
        vec![("width", "20")],
        vec![("width", "2x0"), ("height", "1")],
        vec![("width", "50"), ("height", "40")],
        vec![("height", "-3"), ("width", "1")],
    ];
    for c in &cases {
        match config(c) {
            Ok((w, h)) => println!("ok {}x{}", w, h),
            Err(e) => println!("error: {}", e),
        }
    }
    println!("{:?}", config(&cases[1]).map(|(w, _)| w).unwrap_or_default());
    for items in [&["1", "2", "3"][..], &["4", "five"], &[]] {
        match sum_all(items) {
            Ok(s) => println!("sum {}", s),
            Err(e) => println!("sum failed: {}", e),
        }
    }
    let total: Result<i32, String> = ["7", "8"].iter().map(|s| s.parse::<i32>().map_err(|e| e.to_string())).sum();
    println!("{:?}", total);
    let chained = "12".parse::<i32>().ok().and_then(|n| n.checked_sub(20)).filter(|n| *n < 0).map(i32::abs);
    println!("{:?} {:?}", chained, lookup(&cases[0], "depth").err().map(|e| e.to_string()));
    let e: Box<dyn Error> = Box::new(ConfigError::Missing("x"));
    println!("{} / {:?}", e, ConfigError::Invalid("y".into()));
}
