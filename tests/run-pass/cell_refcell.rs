// Interior mutability: `Cell` get/set/replace/take for Copy data, `RefCell` borrow/borrow_mut with
// scoped guards, `try_borrow`, `RefCell::replace`, and `Rc<RefCell<..>>` shared between closures.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct Stats {
    hits: Cell<u32>,
    names: RefCell<Vec<String>>,
}

impl Stats {
    fn hit(&self, name: &str) {
        // &self, yet both fields change
        self.hits.set(self.hits.get() + 1);
        self.names.borrow_mut().push(name.to_string());
    }
}

fn main() {
    let c = Cell::new(10);
    c.set(c.get() * 2);
    let old = c.replace(7);
    println!("cell: old {} now {} take {} after take {}", old, c.get(), c.take(), c.get());

    let s = Stats { hits: Cell::new(0), names: RefCell::new(Vec::new()) };
    s.hit("a");
    s.hit("b");
    println!("hits {} names {:?}", s.hits.get(), s.names.borrow());
    {
        let r1 = s.names.borrow();
        println!("try_borrow while shared: ok {}; try_borrow_mut: err {}", s.names.try_borrow().is_ok(), s.names.try_borrow_mut().is_err());
        println!("first {}", r1[0]);
    }
    {
        let mut w = s.names.borrow_mut();
        w.push("c".to_string());
        w.retain(|n| n != "a");
        println!("try_borrow while mutably borrowed: err {}", s.names.try_borrow().is_err());
    }
    let previous = s.names.replace(vec!["fresh".to_string()]);
    println!("replaced {:?} with {:?}", previous, s.names.borrow());

    let shared = Rc::new(RefCell::new(Vec::<u32>::new()));
    let producer = {
        let shared = Rc::clone(&shared);
        move |n: u32| shared.borrow_mut().push(n)
    };
    let summer = {
        let shared = Rc::clone(&shared);
        move || shared.borrow().iter().sum::<u32>()
    };
    for n in [3, 4, 5] {
        producer(n);
    }
    println!("sum {} len {} rc {}", summer(), shared.borrow().len(), Rc::strong_count(&shared));
    let value = RefCell::new(1);
    *value.borrow_mut() += 41;
    println!("{:?}", value);
    println!("into_inner {}", value.into_inner());
    let cells = [Cell::new(1), Cell::new(2), Cell::new(3)];
    for cell in &cells {
        cell.set(cell.get() * 10);
    }
    println!("{:?}", cells.iter().map(Cell::get).collect::<Vec<_>>());
}
