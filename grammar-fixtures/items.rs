// Items: functions, structs, enums, traits, impls, consts, statics, type aliases, attributes.
#![allow(dead_code, unused_variables, unused_mut, non_upper_case_globals, unused_unsafe)]
extern crate core;

use std::fmt;

fn plain() {}
pub fn with_params(a: i32, mut b: u8, (c, d): (u8, u8), _: bool) -> i64 {
    b += 1;
    a as i64 + (b + c + d) as i64
}
async fn async_fn(x: u32) -> u32 {
    x
}
unsafe fn unsafe_fn(p: *const u8) -> u8 {
    *p
}
const fn const_fn() -> usize {
    3
}
pub(crate) async unsafe fn all_modifiers() {}
extern "C" fn c_abi(x: i32) -> i32 {
    x
}

struct Named {
    pub a: u8,
    b: String,
}
struct Tuple(pub u8, i32);
struct Unit;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
struct Derived {
    x: i32,
}

enum Shape {
    Circle { r: f64 },
    Rect(f64, f64),
    Empty,
}
#[repr(u8)]
enum WithDiscriminants {
    A = 1,
    B = 2,
    C,
}

trait Animal {
    type Food;
    const LEGS: usize;
    const EYES: usize = 2;
    fn name(&self) -> String;
    fn eat(&mut self, food: Self::Food) {
        let _ = food;
    }
    fn new() -> Self
    where
        Self: Sized;
}
trait Sub: Animal + Clone {}
unsafe trait Marker {}

impl Named {
    fn new() -> Self {
        Named { a: 0, b: String::new() }
    }
    fn by_ref(&self) -> u8 {
        self.a
    }
    fn by_mut(&mut self) {
        self.a += 1;
    }
    fn by_value(self) -> String {
        self.b
    }
    fn by_mut_value(mut self) -> Self {
        self.a = 1;
        self
    }
}
impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.a)
    }
}
impl Drop for Unit {
    fn drop(&mut self) {}
}
unsafe impl Marker for Unit {}
impl Default for Tuple {
    fn default() -> Self {
        Tuple(0, 0)
    }
}

const MAX: u32 = 100;
static GREETING: &str = "hello";
static mut COUNTER: u64 = 0;
type Pair = (u8, u8);
type Res<T> = Result<T, String>;

#[inline]
#[allow(clippy::all)]
fn attributed() {}

#[cfg(test)]
mod tests {
    #[test]
    fn it_works() {}
}

fn main() {}
