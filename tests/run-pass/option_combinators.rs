// Option combinators: map, and_then, or, or_else, unwrap_or(_default/_else), filter, ok_or,
// take/replace/insert/get_or_insert_with, zip, xor, as_ref/as_mut, copied, is_some_and, `?` on
// Option in a fn, and `if let ... else`.
#[derive(Debug, Clone, Default)]
struct User {
    name: String,
    email: Option<String>,
    age: Option<u32>,
}

fn domain(u: &User) -> Option<&str> {
    let email = u.email.as_ref()?;
    let at = email.find('@')?;
    Some(&email[at + 1..])
}

fn main() {
    let users = vec![
        User { name: "ada".into(), email: Some("ada@math.org".into()), age: Some(36) },
        User { name: "bob".into(), email: Some("bob-at-nowhere".into()), age: None },
        User { name: "cy".into(), ..Default::default() },
    ];
    for u in &users {
        println!(
            "{}: domain {:?}, age+1 {:?}, adult {:?}, age or 0 {}, email len {}",
            u.name,
            domain(u),
            u.age.map(|a| a + 1),
            u.age.filter(|&a| a >= 18).is_some(),
            u.age.unwrap_or(0),
            u.email.as_ref().map_or(0, |e| e.len()),
        );
    }
    let first_age = users.iter().find_map(|u| u.age);
    println!("first age {:?}", first_age);
    let r: Result<u32, &str> = users[1].age.ok_or("no age");
    println!("ok_or: {:?}", r);
    let parsed = Some("42").and_then(|s| s.parse::<i32>().ok());
    let bad = Some("x").and_then(|s| s.parse::<i32>().ok());
    println!("and_then: {:?} {:?}", parsed, bad);
    println!("or: {:?} {:?} {:?}", None.or(Some(1)), Some(2).or(Some(3)), None::<i32>.or_else(|| Some(4)));
    println!("xor: {:?} {:?}", Some(1).xor(None), Some(1).xor(Some(2)));
    println!("zip: {:?} {:?}", Some(1).zip(Some('a')), Some(1).zip(None::<char>));
    println!("unwrap_or_default: {:?} {:?}", None::<String>.unwrap_or_default(), None::<u8>.unwrap_or_else(|| 9));
    let mut slot: Option<Vec<i32>> = None;
    slot.get_or_insert_with(Vec::new).push(1);
    slot.as_mut().unwrap().push(2);
    println!("slot {:?}", slot);
    let old = slot.replace(vec![9]);
    println!("replaced {:?} now {:?}", old, slot);
    let taken = slot.take();
    println!("taken {:?} now {:?}", taken, slot);
    let v = vec![1, 2, 3];
    println!("copied {:?} is_some_and {}", v.first().copied(), v.last().is_some_and(|&x| x > 2));
    let total: Option<i32> = vec![Some(1), Some(2), Some(3)].into_iter().sum();
    let missing: Option<Vec<i32>> = vec![Some(1), None].into_iter().collect();
    println!("sum {:?}, collect {:?}", total, missing);
    if let Some(u) = users.iter().find(|u| u.name.len() == 2) {
        println!("short name {}", u.name);
    } else {
        println!("none short");
    }
    println!("{:?}", users.iter().map(|u| u.email.clone().unwrap_or_else(|| format!("{}@local", u.name))).collect::<Vec<_>>());
}
