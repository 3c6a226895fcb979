// Implementing `Display` and `Debug` by hand with `write!`/`writeln!`: padding applies only when the
// impl uses `f.pad` (or forwards the formatter); `f.alternate()`, `f.precision()` and `f.width()`
// read the spec; `to_string()` and `format!` reuse Display.
use std::fmt;

struct Celsius(f64);
struct Tag(&'static str);
struct Matrix([[i32; 2]; 2]);
struct Secret;

impl fmt::Display for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "{:.*}°C", p, self.0),
            None => write!(f, "{}°C", self.0),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0) // honours width, fill, alignment and precision
    }
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for row in &self.0 {
            if f.alternate() {
                writeln!(f, "| {:>3} {:>3} |", row[0], row[1])?;
            } else {
                write!(f, "[{} {}]", row[0], row[1])?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "width={:?} fill={:?}", f.width(), f.fill())
    }
}

fn main() {
    let t = Celsius(21.456);
    println!("[{}] [{:.1}] [{:>12}]", t, t, t);
    println!("[{}] [{:>6}] [{:-^9}] [{:.2}]", Tag("pin"), Tag("pin"), Tag("pin"), Tag("pin"));
    let m = Matrix([[1, 20], [300, -4]]);
    println!("{}", m);
    print!("{:#}", m);
    println!("{:?} {:#?} [{}] [{:*<7}]", Secret, Secret, Secret, Secret);
    let s = Tag("as string").to_string();
    let f = format!("<{:>12}>", Tag("formatted"));
    println!("{} {} {}", s, f, f.len());
    let mut out = String::new();
    use std::fmt::Write;
    write!(out, "{}-{}", 1, Tag("two")).unwrap();
    writeln!(out, "!").unwrap();
    print!("{}", out);
}
