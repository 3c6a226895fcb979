// Temporaries: dropped at the end of their statement, except when `let x = &temp;` extends them to
// the end of the block; in edition 2021 the scrutinee temporaries of `match` and `if let` live until
// the end of the whole `match` / `if let ... else` statement.
struct T(&'static str);

impl Drop for T {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

impl T {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn maybe(&self) -> Option<usize> {
        if self.0.len() > 3 { Some(self.0.len()) } else { None }
    }
}

fn main() {
    println!("1. temporary in an expression statement");
    let n = T("expr").len() + T("other").len();
    println!("   n = {}", n);

    println!("2. let with a reference to a temporary: extended");
    let r = &T("extended");
    println!("   still alive: {}", r.0);

    println!("3. temporary in a match scrutinee");
    match T("scrutinee").maybe() {
        Some(len) => println!("   some {}", len),
        None => println!("   none"),
    }
    println!("   after match");

    println!("4. if let with else");
    if let Some(len) = T("abc").maybe() {
        println!("   some {}", len);
    } else {
        println!("   in else: the temporary is still alive");
    }
    println!("   after if let");

    println!("5. temporaries in a call's arguments");
    println!("   {}", std::cmp::max(T("left").len(), T("right!").len()));

    println!("6. a block's tail expression");
    let v = {
        let _local = T("block local");
        T("tail temp").len()
    };
    println!("   v = {}", v);
    println!("end of main");
}
