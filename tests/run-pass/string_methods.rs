// String and &str methods: chars, bytes, split (by char, str, whitespace, closure), trim variants,
// case changes, find/rfind, replace, starts_with/ends_with, contains, strip_prefix, repeat, push,
// insert, truncate, char_indices, lines, concatenation with `+` and `format!`.
fn main() {
    let s = "  Hello, Async World!  ";
    println!("[{}] [{}] [{}]", s.trim(), s.trim_start(), s.trim_end());
    let t = s.trim();
    println!("{} / {} / len {}", t.to_uppercase(), t.to_lowercase(), t.len());
    println!("find 'o' {:?}, rfind 'o' {:?}, find \"Async\" {:?}, find 'z' {:?}", t.find('o'), t.rfind('o'), t.find("Async"), t.find('z'));
    println!("{}", t.replace("l", "L"));
    println!("{}", t.replacen('o', "0", 1));
    println!("starts {} ends {} contains {}", t.starts_with("Hello"), t.ends_with('!'), t.contains("World"));
    println!("{:?} {:?}", t.strip_prefix("Hello, "), t.strip_suffix("?"));
    let parts: Vec<&str> = "a,b,,c".split(',').collect();
    println!("{:?} {}", parts, parts.len());
    println!("{:?}", "one  two\tthree\n".split_whitespace().collect::<Vec<_>>());
    println!("{:?}", "k1=v1;k2=v2".split(';').map(|kv| kv.split_once('=')).collect::<Vec<_>>());
    println!("{:?}", "a1b22c333".split(|c: char| c.is_ascii_digit()).filter(|p| !p.is_empty()).collect::<Vec<_>>());
    println!("{:?}", "line one\nline two\r\nlast".lines().collect::<Vec<_>>());
    println!("{:?}", "abc".chars().rev().collect::<String>());
    println!("{:?}", "hi!".bytes().collect::<Vec<u8>>());
    for (i, c) in "añb".char_indices() {
        print!("{}:{} ", i, c);
    }
    println!();
    let mut owned = String::from("pin");
    owned.push('!');
    owned.push_str(" me");
    owned.insert(0, '>');
    owned.insert_str(1, "> ");
    println!("{} (len {}, empty {})", owned, owned.len(), owned.is_empty());
    owned.truncate(5);
    println!("{:?} pop {:?} -> {:?}", owned.clone(), owned.pop(), owned);
    let joined = ["x", "y", "z"].join("-");
    let concat = String::from("con") + "cat" + &joined;
    println!("{} {} {}", joined, concat, "ab".repeat(3));
    println!("{}", format!("{}{}", "fmt", 1) == "fmt1");
    let words = vec!["apple", "Banana", "cherry"];
    let caps: Vec<String> = words.iter().map(|w| {
        let mut c = w.chars();
        match c.next() {
            Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }).collect();
    println!("{:?}", caps);
    println!("{:?} {:?}", "Zebra".cmp("apple"), "abc".eq_ignore_ascii_case("ABC"));
    println!("{:?}", &t[7..12]);
    println!("{:?}", t.chars().filter(|c| c.is_alphabetic()).count());
}
