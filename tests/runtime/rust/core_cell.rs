// Rust twin of tests/runtime/core-cell.test.ts: RefCell borrow panics and errors, Rc/Weak counts,
// drop order of a struct with a Drop impl and fields, a Box, and an Rc's last reference.
// The TypeScript test replays the same steps and must print exactly core_cell.stdout (from rustc).
use std::cell::{Cell, RefCell};
use std::panic;
use std::rc::{Rc, Weak};

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Pair {
    first: Noisy,
    second: Noisy,
}
impl Drop for Pair {
    fn drop(&mut self) {
        println!("drop Pair (before its fields)");
    }
}

struct Plain {
    a: Noisy,
    b: Box<Noisy>,
    c: (Noisy, Noisy),
}

fn panic_message(f: impl FnOnce() + panic::UnwindSafe) -> String {
    match panic::catch_unwind(f) {
        Ok(()) => "no panic".to_string(),
        Err(e) => e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    }
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let c = RefCell::new(5);
    println!("{}", panic_message(panic::AssertUnwindSafe(|| {
        let _w = c.borrow_mut();
        let _r = c.borrow();
    })));
    println!("{}", panic_message(panic::AssertUnwindSafe(|| {
        let _r = c.borrow();
        let _w = c.borrow_mut();
    })));
    {
        let _r1 = c.borrow();
        let _r2 = c.borrow();
        println!("two readers: try_borrow_mut is_err = {}", c.try_borrow_mut().is_err());
        match c.try_borrow_mut() {
            Ok(_) => println!("unexpected"),
            Err(e) => println!("error: {} / {:?}", e, e),
        }
    }
    {
        let _w = c.borrow_mut();
        match c.try_borrow() {
            Ok(_) => println!("unexpected"),
            Err(e) => println!("error: {} / {:?}", e, e),
        }
    }
    *c.borrow_mut() += 1;
    println!("after guards dropped: {}", c.borrow());

    let cell = Cell::new(1);
    let old = cell.replace(2);
    cell.set(cell.get() * 10);
    println!("cell: old={} now={}", old, cell.get());

    let a = Rc::new(String::from("shared"));
    let b = Rc::clone(&a);
    let w: Weak<String> = Rc::downgrade(&a);
    println!("strong={} weak={}", Rc::strong_count(&a), Rc::weak_count(&a));
    drop(b);
    println!("strong={} upgrade={:?}", Rc::strong_count(&a), w.upgrade().map(|s| s.len()));
    println!("try_unwrap with weak: {:?}", Rc::try_unwrap(a));
    println!("upgrade after last strong dropped: {:?}", w.upgrade().is_none());

    let n = Rc::new(Noisy("rc contents"));
    let n2 = n.clone();
    drop(n);
    println!("one strong left");
    drop(n2);
    println!("after last strong");

    {
        let _p = Pair { first: Noisy("first"), second: Noisy("second") };
        let _q = Plain { a: Noisy("a"), b: Box::new(Noisy("boxed b")), c: (Noisy("c.0"), Noisy("c.1")) };
        println!("end of scope");
    }
    let mut slot = Noisy("old");
    slot = Noisy("new"); // the old value is dropped on assignment
    println!("assigned {}", slot.0);
    let replaced = std::mem::replace(&mut slot, Noisy("newer"));
    println!("replaced {}", replaced.0);
    println!("end of main");
}
