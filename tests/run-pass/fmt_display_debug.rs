// `{}` versus `{:?}` for primitives, strings and chars (Debug escapes quotes, newlines, tabs,
// backslashes and unicode controls), unit, bool, references, Box, Option, Result, tuples and arrays.
fn main() {
    let s = "tab\there \"quoted\" back\\slash\nnewline";
    println!("{}", s);
    println!("{:?}", s);
    println!("{:?} {:?} {:?} {:?}", 'a', '\'', '\n', '"');
    println!("{} {:?}", 'é', "naïve café ☕");
    println!("{:?}", "\u{7f} \u{0} \r");
    println!("{} {:?} {} {:?}", true, false, 42u8, -17i64);
    println!("{:?} {:?}", (), ((),));
    let n = 5;
    let r = &&n;
    println!("{} {:?} {}", r, r, *r + 1);
    let b = Box::new(String::from("boxed"));
    println!("{} {:?}", b, b);
    let some: Option<&str> = Some("x");
    let none: Option<i32> = None;
    println!("{:?} {:?} {:?}", some, none, Some(Some(3)));
    let ok: Result<u8, String> = Ok(1);
    let err: Result<u8, String> = Err("bad".to_string());
    println!("{:?} {:?}", ok, err);
    println!("{:?}", (1, "two", 3.0, '4', [5u8; 2]));
    println!("{:?}", [[1, 2], [3, 4]]);
    println!("{:?}", vec![Some(1), None]);
    println!("{:?}", vec![String::from("a\"b"), String::from("c")]);
    let empty: Vec<i32> = Vec::new();
    println!("{:?} {:?}", empty, &[0u8; 0]);
    println!("{:?}", "multi\nline");
    let slice = &[1.5, 2.0, -0.0][..];
    println!("{:?}", slice);
    println!("{}", String::from("plain") + " and " + &5.to_string());
}
