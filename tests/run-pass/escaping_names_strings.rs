// Rust names and text that mean something else in TypeScript: raw identifiers (r#type), locals and
// fields named after JS keywords and object internals (delete, function, this, constructor, __proto__,
// toString, prototype), strings with quotes, backticks, `${…}`, backslashes and line separators, and
// comments that contain */ — none of them may change what the generated code does.
#![allow(non_snake_case)]

/* a block comment with */ // and a line comment with */ after it

#[derive(Debug, Clone)]
struct Weird {
    r#type: u8,
    constructor: String,
    __proto__: i32,
    prototype: bool,
}

impl Weird {
    /// Doc comment with */ and ${injected} and `backticks`.
    fn toString(&self) -> String {
        format!("Weird<{}>", self.r#type)
    }
    fn r#delete(&mut self) -> u8 {
        let this = self.r#type;
        self.r#type = 0;
        this
    }
}

async fn r#async_fn(function: u32, arguments: u32) -> u32 {
    let eval = function * 10;
    let r#let = arguments + 1; // */ ${eval}
    eval + r#let
}

fn main() {
    let mut w = Weird { r#type: 7, constructor: String::from("ctor"), __proto__: -1, prototype: true };
    println!("{:?}", w);
    println!("{} {}", w.toString(), w.r#delete());
    println!("after delete: {}", w.r#type);
    let s = "quote \" backtick ` dollar ${w} backslash \\ end";
    let t = r#"raw "${not_interpolated}" */"#;
    let u = 'a'.to_string() + "\u{2028}|\u{2029}|\0|\t";
    println!("{}", s);
    println!("{}", t);
    println!("{:?}", u);
    println!("{}", format!("{{${}}}", w.constructor));
    let undefined = 3;
    let NaN = 4;
    let Infinity = undefined + NaN;
    println!("{} {} {}", undefined, NaN, Infinity);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let mut fut = Box::pin(r#async_fn(2, 3));
    if let std::task::Poll::Ready(v) = std::future::Future::poll(fut.as_mut(), &mut cx) {
        println!("async: {}", v);
    }
    let w2 = w.clone();
    println!("{} {} {}", w2.constructor, w2.__proto__, w2.prototype);
}
