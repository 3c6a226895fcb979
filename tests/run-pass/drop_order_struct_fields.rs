// Drop order inside values: a struct's own Drop runs first, then its fields in declaration order;
// tuple and array elements in order; Vec elements front to back; enum variants drop their payload;
// a Box drops its contents; `Option<T>` drops only when Some.
struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

struct Pair {
    first: D,
    second: D,
}
impl Drop for Pair {
    fn drop(&mut self) {
        println!("  drop Pair (fields still alive: {}, {})", self.first.0, self.second.0);
    }
}

struct Plain {
    z: D,
    a: D,
}

enum Shape {
    Circle(D),
    Rect { w: D, h: D },
    Empty,
}

fn main() {
    println!("struct with Drop:");
    drop(Pair { first: D("first"), second: D("second") });
    println!("struct without Drop (declaration order, not alphabetical):");
    drop(Plain { a: D("a"), z: D("z") });
    println!("tuple:");
    drop((D("t0"), D("t1"), D("t2")));
    println!("array:");
    drop([D("arr0"), D("arr1")]);
    println!("vec:");
    let mut v = vec![D("v0"), D("v1"), D("v2")];
    v.remove(1);
    println!("  (removed v1 above)");
    drop(v);
    println!("enums:");
    let shapes = vec![Shape::Rect { w: D("w"), h: D("h") }, Shape::Empty, Shape::Circle(D("circle"))];
    drop(shapes);
    println!("box and option:");
    let b = Box::new(D("boxed"));
    let some: Option<D> = Some(D("some"));
    let none: Option<D> = None;
    drop(none);
    drop(b);
    drop(some);
    println!("nested:");
    let _nested = (D("outer"), Pair { first: D("p.first"), second: D("p.second") }, vec![D("in vec")]);
    println!("end of main");
}
