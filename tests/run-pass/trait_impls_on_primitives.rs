// A user trait implemented for primitives and std types (i64, bool, &str, String, Vec<u8>) and for a
// struct, called three ways: with the impl known, through `&dyn Trait` / `&mut dyn Trait`, and from a
// trait's default method and a generic fn, where the impl is chosen at run time.
trait Describe {
    fn tag(&self) -> String;
    fn describe(&self) -> String {
        format!("<{}>", self.tag())
    }
}

trait Grow {
    fn grow(&mut self);
}

struct Point(i32, i32);

impl Describe for i64 {
    fn tag(&self) -> String {
        format!("int {}", self)
    }
}
impl Describe for bool {
    fn tag(&self) -> String {
        if *self { "yes".to_string() } else { "no".to_string() }
    }
    fn describe(&self) -> String {
        format!("[{}]", self.tag())
    }
}
impl Describe for &str {
    fn tag(&self) -> String {
        format!("str {:?}", self)
    }
}
impl Describe for String {
    fn tag(&self) -> String {
        format!("string of {} bytes", self.len())
    }
}
impl Describe for Vec<u8> {
    fn tag(&self) -> String {
        format!("bytes {:?}", self)
    }
}
impl Describe for Point {
    fn tag(&self) -> String {
        format!("point {},{}", self.0, self.1)
    }
}

impl Grow for u16 {
    fn grow(&mut self) {
        *self *= 2;
    }
}
impl Grow for String {
    fn grow(&mut self) {
        self.push('!');
    }
}

fn show(d: &dyn Describe) -> String {
    d.describe()
}

fn twice<T: Describe>(t: &T) -> String {
    format!("{} {}", t.tag(), t.describe())
}

fn grow_all(items: &mut [&mut dyn Grow]) {
    for g in items.iter_mut() {
        g.grow();
    }
}

fn main() {
    println!("{} | {}", 5i64.describe(), true.describe());
    let all: Vec<&dyn Describe> = vec![&7i64, &false, &"hi", &Point(1, 2)];
    for d in &all {
        println!("{}", show(*d));
    }
    let s = String::from("héllo");
    let v: Vec<u8> = vec![1, 2];
    println!("{}", twice(&s));
    println!("{}", twice(&v));
    println!("{}", twice(&-3i64));
    let mut n: u16 = 21;
    let mut text = String::from("grow");
    {
        let mut items: Vec<&mut dyn Grow> = Vec::new();
        items.push(&mut n);
        items.push(&mut text);
        grow_all(&mut items);
    }
    let mut one: [&mut dyn Grow; 1] = [&mut text];
    grow_all(&mut one);
    println!("{} {}", n, text);
}
