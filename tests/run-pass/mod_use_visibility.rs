// Inline modules: `mod` with `pub` items, nested modules, `use` with paths, renames, groups and
// `self`/`super`/`crate`, private fields behind a constructor, and a `pub(crate)` helper.
mod geometry {
    pub mod shapes {
        #[derive(Debug)]
        pub struct Square {
            pub side: u32,
            id: u32, // private: only this module can set it
        }

        impl Square {
            pub fn new(side: u32) -> Self {
                Square { side, id: super::next_id() }
            }
            pub fn id(&self) -> u32 {
                self.id
            }
            pub fn area(&self) -> u32 {
                super::util::sq(self.side)
            }
        }
    }

    mod util {
        pub fn sq(x: u32) -> u32 {
            x * x
        }
    }

    pub(crate) fn next_id() -> u32 {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }

    pub use self::shapes::Square as Sq;
}

mod text {
    pub const SEP: &str = " | ";

    pub fn banner(title: &str) -> String {
        format!("== {} ==", crate::text::upper(title))
    }

    fn upper(s: &str) -> String {
        s.to_uppercase()
    }
}

use geometry::shapes::{self, Square};
use geometry::Sq;
use text::{banner, SEP as SEPARATOR};

fn main() {
    println!("{}", banner("modules"));
    let a = Square::new(3);
    let b = shapes::Square::new(4);
    let c = Sq::new(5);
    for s in [&a, &b, &c] {
        println!("square id {} side {} area {}", s.id(), s.side, s.area());
    }
    println!("{:?}", a);
    println!("next id {}", geometry::next_id());
    println!("{}", ["a", "b"].join(SEPARATOR));
    println!("{}", text::SEP.trim());
}
