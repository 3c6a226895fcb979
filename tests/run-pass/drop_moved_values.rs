// Values are dropped exactly once: `mem::drop` drops now, moved values are not dropped again,
// conditional moves use drop flags, `mem::forget` never drops, `Option::take` moves out and leaves
// None, and `mem::replace` / `mem::swap` move values without dropping them.
use std::mem;

struct D(String);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {:?}", self.0);
    }
}

fn d(s: &str) -> D {
    D(s.to_string())
}

fn maybe_consume(flag: bool, v: D) -> Option<D> {
    if flag {
        drop(v);
        None
    } else {
        Some(v)
    }
}

fn main() {
    let a = d("a");
    drop(a);
    println!("after drop(a)");

    for flag in [true, false] {
        let c = d(if flag { "conditional-yes" } else { "conditional-no" });
        if flag {
            let _taken = c; // moved only on this path
            println!("moved on the true path");
        }
        println!("end of iteration");
    }

    let kept = maybe_consume(false, d("kept"));
    let gone = maybe_consume(true, d("gone"));
    println!("kept is_some = {}, gone is_some = {}", kept.is_some(), gone.is_some());

    let forgotten = d("forgotten");
    mem::forget(forgotten);
    println!("after forget");

    let mut slot = Some(d("slot"));
    let taken = slot.take();
    println!("slot is_none = {}", slot.is_none());
    drop(taken);

    let mut x = d("x");
    let old = mem::replace(&mut x, d("x2"));
    println!("replaced {} with {}", old.0, x.0);
    let mut y = d("y");
    mem::swap(&mut x, &mut y);
    println!("swapped: x = {}, y = {}", x.0, y.0);
    let t = mem::take(&mut x.0);
    println!("took {:?}, left {:?}", t, x.0);
    println!("end of main");
}
