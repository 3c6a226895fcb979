// Because the struct does not opt out of `Unpin` (P0201), `Pin` protects nothing: `Pin::new`
// accepts it and `Pin::get_mut` gives the `&mut` back, so safe code can `mem::swap` two initialised
// values (P0101 at the `mem::swap` call). With `PhantomPinned`, both calls would be rejected by rustc
// (E0277, p0103_get_mut_not_unpin.rs).
use std::mem;
use std::pin::Pin;

struct Slot { //~ WARN P0201
    value: String,
    me: *const String,
}

impl Slot {
    fn new(v: &str) -> Self {
        Slot { value: v.to_string(), me: std::ptr::null() }
    }

    fn init(self: Pin<&mut Self>) {
        let this = self.get_mut();
        this.me = &this.value;
    }

    fn points_to_self(&self) -> bool {
        std::ptr::eq(self.me, &self.value)
    }
}

fn main() {
    let mut a = Slot::new("a");
    let mut b = Slot::new("b");
    let mut pa = Pin::new(&mut a);
    let mut pb = Pin::new(&mut b);
    pa.as_mut().init();
    pb.as_mut().init();
    mem::swap(pa.as_mut().get_mut(), pb.as_mut().get_mut()); //~ ERROR P0101
    println!("a points to itself: {}", a.points_to_self());
}
