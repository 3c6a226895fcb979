// A self-referential struct without `PhantomPinned`: `build` sets a pointer to the struct's own
// largest element and then returns the struct. The return moves it; the pointer still holds the
// address inside `build`'s frame, which is gone.
struct Tracker { // P0201: stores a pointer to its own field, yet is Unpin
    data: [i32; 4],
    max: *const i32,
}

impl Tracker {
    fn init(&mut self) {
        let mut best = 0;
        for i in 1..self.data.len() {
            if self.data[i] > self.data[best] {
                best = i;
            }
        }
        self.max = &self.data[best];
    }

    fn max_value(&self) -> i32 {
        unsafe { *self.max } // UB: reads `build`'s dead frame through the old pointer
    }

    fn points_into_self(&self) -> bool {
        self.data.iter().any(|x| std::ptr::eq(x, self.max))
    }
}

fn build(data: [i32; 4]) -> Tracker {
    let mut t = Tracker { data, max: std::ptr::null() };
    t.init();
    println!("in build: max = {}, points into self = {}", t.max_value(), t.points_into_self());
    t // UB: returning moves the struct away from where `max` points; P0101
}

fn main() {
    let t = build([4, 17, 9, 2]);
    println!("after return: points into self = {}", t.points_into_self());
    println!("max = {}", t.max_value());
}
