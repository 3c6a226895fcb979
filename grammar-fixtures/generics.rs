// Generics: type and const parameters, bounds, where clauses, defaults, associated types, impl/dyn Trait.
#![allow(dead_code, unused_variables)]
use std::fmt::Debug;
use std::future::Future;
use std::ops::Add;

fn block_on<F: Future>(_f: F) -> Option<F::Output> {
    None
}
fn many<'a, T: Clone + Debug + ?Sized, U, const N: usize>(x: &'a T, arr: [U; N]) -> &'a T
where
    U: Copy + Default,
    T: 'a,
{
    x
}
fn hrtb<F>(f: F)
where
    F: for<'b> Fn(&'b str) -> &'b str,
{
}
fn fn_sugar(f: impl Fn(i32) -> i32, g: &dyn FnMut(u8), h: Box<dyn FnOnce() + Send + 'static>) {}
fn returns_impl() -> impl Iterator<Item = u32> {
    vec![1u32].into_iter()
}
fn returns_future() -> impl Future<Output = ()> {
    async {}
}
fn qualified<T: Iterator>(t: T) -> Option<<T as Iterator>::Item> {
    None
}
fn fn_pointer(f: fn(u8) -> u8, g: unsafe fn(), h: extern "C" fn(i32)) {}

struct Wrapper<T, const N: usize = 4>(T);
struct Bounded<T: Clone>
where
    T: Debug,
{
    inner: T,
}
enum Either<L, R> {
    Left(L),
    Right(R),
}
trait Summary<Rhs = Self> {
    type Output: Debug;
    fn sum(&self, other: Rhs) -> Self::Output;
}
impl<T: Add<Output = T> + Copy + Debug> Summary for Wrapper<T> {
    type Output = T;
    fn sum(&self, other: Self) -> T {
        self.0 + other.0
    }
}
impl<L, R> Either<L, R> {
    fn left(self) -> Option<L> {
        match self {
            Either::Left(l) => Some(l),
            Either::Right(_) => None,
        }
    }
}

fn turbofish() {
    let v = Vec::<u8>::with_capacity(2);
    let parsed = "5".parse::<i32>();
    let collected: Vec<_> = (0..3).map(|x| x * 2).collect::<Vec<i32>>();
    let size = std::mem::size_of::<Wrapper<u8, 2>>();
    let d = <u8 as Default>::default();
}

fn main() {}
