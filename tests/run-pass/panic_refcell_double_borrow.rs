// `RefCell` checks borrows at run time: shared borrows may overlap, `try_borrow_mut` reports the
// conflict without panicking, and a `borrow_mut` while a `borrow` is alive panics. Exit code 101.
use std::cell::RefCell;
use std::rc::Rc;

struct Inventory {
    items: RefCell<Vec<String>>,
}

impl Inventory {
    fn add(&self, item: &str) {
        self.items.borrow_mut().push(item.to_string());
    }
    fn count(&self) -> usize {
        self.items.borrow().len()
    }
}

fn main() {
    let inv = Rc::new(Inventory { items: RefCell::new(Vec::new()) });
    inv.add("apple");
    inv.add("pear");
    {
        let a = inv.items.borrow();
        let b = inv.items.borrow();
        println!("two shared borrows: {} and {}", a.len(), b[0]);
        println!("try_borrow_mut while shared: is_err = {}", inv.items.try_borrow_mut().is_err());
    }
    println!("count = {}", inv.count());
    let other = inv.clone();
    let items = inv.items.borrow();
    for item in items.iter() {
        println!("item {}", item);
        if item == "pear" {
            other.add("plum"); // borrow_mut while `items` is borrowed: panics
        }
    }
    println!("not reached");
}
