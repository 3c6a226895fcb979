// Copy vs move: Copy types are duplicated by assignment and by-value calls; non-Copy values move
// and the source cannot be used again; `clone` makes an explicit deep copy; moving in and out of
// functions, structs and Options; partial moves out of a struct's fields.
#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone)]
struct Named {
    name: String,
    point: Point,
}

fn shift(mut p: Point) -> Point {
    p.x += 100;
    p
}

fn rename(mut n: Named, to: &str) -> Named {
    n.name = to.to_string();
    n
}

fn main() {
    let p = Point { x: 1, y: 2 };
    let q = shift(p); // p was copied in
    println!("p {:?} q {:?}", p, q);
    let mut a = [p; 3];
    a[0].x = 9;
    println!("array of copies {:?}, p unchanged {:?}", a, p);

    let n = Named { name: "first".into(), point: p };
    let n2 = n.clone();
    let n3 = rename(n, "third"); // n moved in and back out as n3
    println!("{:?}\n{:?}", n2, n3);

    let Named { name, point } = n3; // destructuring moves the String out
    println!("name {} point {:?}", name, point);

    let owner = Named { name: "partial".into(), point: q };
    let taken_name = owner.name; // partial move: owner.point is still usable
    println!("moved {} but point {:?} remains", taken_name, owner.point);

    let mut slot = Some(String::from("in option"));
    if let Some(s) = slot.as_ref() {
        println!("peek {}", s);
    }
    let s = slot.take().unwrap();
    println!("took {:?}, slot {:?}", s, slot);

    let v = vec![String::from("a"), String::from("b")];
    let lens: Vec<usize> = v.iter().map(|s| s.len()).collect();
    let joined: String = v.into_iter().collect(); // consumes v
    println!("{:?} {}", lens, joined);
    let x = 5;
    let y = x;
    let s1 = String::from("s");
    let s2 = s1.clone() + "!";
    println!("{} {} {} {}", x, y, s1, s2);
}
