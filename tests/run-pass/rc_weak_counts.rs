// `Rc` and `Weak`: strong and weak counts as clones come and go, `Weak::upgrade` before and after
// the last strong owner is dropped, a parent/child tree with Weak back-links, and `Rc::ptr_eq`.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    name: String,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("drop node {}", self.name);
    }
}

fn node(name: &str) -> Rc<Node> {
    Rc::new(Node { name: name.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
}

fn counts(label: &str, n: &Rc<Node>) {
    println!("{}: strong {} weak {}", label, Rc::strong_count(n), Rc::weak_count(n));
}

fn main() {
    let a = Rc::new(String::from("shared"));
    let b = Rc::clone(&a);
    println!("a={} b={} strong={} same={}", a, b, Rc::strong_count(&a), Rc::ptr_eq(&a, &b));
    let w = Rc::downgrade(&a);
    println!("weak count {} upgrade {:?}", Rc::weak_count(&a), w.upgrade());
    drop(a);
    println!("after drop(a): strong {} upgrade {:?}", Rc::strong_count(&b), w.upgrade().map(|s| s.len()));
    drop(b);
    println!("after drop(b): upgrade is_none {}", w.upgrade().is_none());

    let root = node("root");
    counts("root", &root);
    {
        let leaf = node("leaf");
        *leaf.parent.borrow_mut() = Rc::downgrade(&root);
        root.children.borrow_mut().push(Rc::clone(&leaf));
        counts("root", &root);
        counts("leaf", &leaf);
        let parent_name = leaf.parent.borrow().upgrade().map(|p| p.name.clone());
        println!("leaf's parent: {:?}", parent_name);
    }
    let leaf = Rc::clone(&root.children.borrow()[0]);
    counts("leaf (outside)", &leaf);
    println!("dropping root");
    drop(root);
    println!("leaf's parent after root dropped: {:?}", leaf.parent.borrow().upgrade().map(|p| p.name.clone()));
    counts("leaf", &leaf);
    let shared = Rc::new(5);
    let v = vec![shared.clone(), shared.clone()];
    println!("strong {} sum {}", Rc::strong_count(&shared), v.iter().map(|r| **r).sum::<i32>());
    println!("try_unwrap: {:?}", Rc::try_unwrap(shared).is_err());
    println!("end of main");
}
