// pinion's view of the standard library (and of the `futures` and `tokio` shapes DESIGN.md lists):
// Rust declarations without bodies, parsed by syntax/ like user code and collected into the same
// definition table. They give the type checker the signatures of std items; the runtime
// (src/runtime/) implements them.
//
// Only what programs in the subset use is declared. A std item that is missing here is reported as
// "cannot find … in `std`" — add it here (and to the runtime), never special-case it in the checker.
//
// Conventions: `fn f(..) -> T;` declares a signature. Trait impls without items (`impl Clone for
// String {}`) declare that the impl exists. Inherent impls on primitive types (`impl i32 { … }`) are
// allowed here although Rust only allows them inside core.

import { INT_KINDS, FLOAT_KINDS } from "./ty.js";

function intImpl(t: string): string {
  const signed = t.startsWith("i");
  return `
impl ${t} {
    pub const MIN: ${t};
    pub const MAX: ${t};
    pub const BITS: u32;
    pub fn pow(self, exp: u32) -> ${t};
    pub fn wrapping_add(self, rhs: ${t}) -> ${t};
    pub fn wrapping_sub(self, rhs: ${t}) -> ${t};
    pub fn wrapping_mul(self, rhs: ${t}) -> ${t};
    pub fn wrapping_div(self, rhs: ${t}) -> ${t};
    pub fn wrapping_rem(self, rhs: ${t}) -> ${t};
    pub fn wrapping_neg(self) -> ${t};
    pub fn wrapping_shl(self, rhs: u32) -> ${t};
    pub fn wrapping_shr(self, rhs: u32) -> ${t};
    pub fn wrapping_pow(self, exp: u32) -> ${t};
    pub fn checked_add(self, rhs: ${t}) -> Option<${t}>;
    pub fn checked_sub(self, rhs: ${t}) -> Option<${t}>;
    pub fn checked_mul(self, rhs: ${t}) -> Option<${t}>;
    pub fn checked_div(self, rhs: ${t}) -> Option<${t}>;
    pub fn checked_rem(self, rhs: ${t}) -> Option<${t}>;
    pub fn checked_neg(self) -> Option<${t}>;
    pub fn checked_pow(self, exp: u32) -> Option<${t}>;
    pub fn checked_shl(self, rhs: u32) -> Option<${t}>;
    pub fn checked_shr(self, rhs: u32) -> Option<${t}>;
    pub fn saturating_add(self, rhs: ${t}) -> ${t};
    pub fn saturating_sub(self, rhs: ${t}) -> ${t};
    pub fn saturating_mul(self, rhs: ${t}) -> ${t};
    pub fn saturating_pow(self, exp: u32) -> ${t};
    pub fn overflowing_add(self, rhs: ${t}) -> (${t}, bool);
    pub fn overflowing_sub(self, rhs: ${t}) -> (${t}, bool);
    pub fn overflowing_mul(self, rhs: ${t}) -> (${t}, bool);
    pub fn count_ones(self) -> u32;
    pub fn count_zeros(self) -> u32;
    pub fn leading_zeros(self) -> u32;
    pub fn trailing_zeros(self) -> u32;
    pub fn rotate_left(self, n: u32) -> ${t};
    pub fn rotate_right(self, n: u32) -> ${t};
    pub fn swap_bytes(self) -> ${t};
    pub fn reverse_bits(self) -> ${t};
    pub fn to_be(self) -> ${t};
    pub fn to_le(self) -> ${t};
    pub fn rem_euclid(self, rhs: ${t}) -> ${t};
    pub fn div_euclid(self, rhs: ${t}) -> ${t};
    pub fn abs_diff(self, other: ${t}) -> ${signed ? "u" + t.slice(1) : t};
    pub fn is_power_of_two(self) -> bool;
    pub fn next_power_of_two(self) -> ${t};
    pub fn from_str_radix(src: &str, radix: u32) -> Result<${t}, crate::num::ParseIntError>;
    pub fn to_string(&self) -> String;
    pub fn isqrt(self) -> ${t};
    pub fn ilog2(self) -> u32;
    pub fn ilog10(self) -> u32;
${signed ? `    pub fn abs(self) -> ${t};
    pub fn signum(self) -> ${t};
    pub fn is_positive(self) -> bool;
    pub fn is_negative(self) -> bool;
    pub fn unsigned_abs(self) -> u${t.slice(1)};
    pub fn wrapping_abs(self) -> ${t};
    pub fn checked_abs(self) -> Option<${t}>;
    pub fn saturating_neg(self) -> ${t};
    pub fn saturating_abs(self) -> ${t};` : `    pub fn checked_next_power_of_two(self) -> Option<${t}>;
    pub fn is_multiple_of(self, rhs: ${t}) -> bool;`}
}
impl crate::str::FromStr for ${t} { type Err = crate::num::ParseIntError; }
impl crate::default::Default for ${t} {}
impl crate::iter::Sum<${t}> for ${t} {}
impl<'a> crate::iter::Sum<&'a ${t}> for ${t} {}
impl crate::iter::Product<${t}> for ${t} {}
impl<'a> crate::iter::Product<&'a ${t}> for ${t} {}
impl crate::iter::Step for ${t} {}
impl crate::hash::Hash for ${t} {}
`;
}

function floatImpl(t: string): string {
  return `
impl ${t} {
    pub const MIN: ${t};
    pub const MAX: ${t};
    pub const MIN_POSITIVE: ${t};
    pub const EPSILON: ${t};
    pub const NAN: ${t};
    pub const INFINITY: ${t};
    pub const NEG_INFINITY: ${t};
    pub fn sqrt(self) -> ${t};
    pub fn cbrt(self) -> ${t};
    pub fn abs(self) -> ${t};
    pub fn powi(self, n: i32) -> ${t};
    pub fn powf(self, n: ${t}) -> ${t};
    pub fn exp(self) -> ${t};
    pub fn ln(self) -> ${t};
    pub fn log10(self) -> ${t};
    pub fn log2(self) -> ${t};
    pub fn floor(self) -> ${t};
    pub fn ceil(self) -> ${t};
    pub fn round(self) -> ${t};
    pub fn trunc(self) -> ${t};
    pub fn fract(self) -> ${t};
    pub fn min(self, other: ${t}) -> ${t};
    pub fn max(self, other: ${t}) -> ${t};
    pub fn clamp(self, min: ${t}, max: ${t}) -> ${t};
    pub fn signum(self) -> ${t};
    pub fn mul_add(self, a: ${t}, b: ${t}) -> ${t};
    pub fn hypot(self, other: ${t}) -> ${t};
    pub fn sin(self) -> ${t};
    pub fn cos(self) -> ${t};
    pub fn tan(self) -> ${t};
    pub fn atan2(self, other: ${t}) -> ${t};
    pub fn to_degrees(self) -> ${t};
    pub fn to_radians(self) -> ${t};
    pub fn is_nan(self) -> bool;
    pub fn is_finite(self) -> bool;
    pub fn is_infinite(self) -> bool;
    pub fn is_sign_positive(self) -> bool;
    pub fn is_sign_negative(self) -> bool;
    pub fn to_bits(self) -> ${t === "f32" ? "u32" : "u64"};
    pub fn from_bits(v: ${t === "f32" ? "u32" : "u64"}) -> ${t};
    pub fn total_cmp(&self, other: &${t}) -> crate::cmp::Ordering;
    pub fn to_string(&self) -> String;
}
impl crate::str::FromStr for ${t} { type Err = crate::num::ParseFloatError; }
impl crate::default::Default for ${t} {}
impl crate::iter::Sum<${t}> for ${t} {}
impl<'a> crate::iter::Sum<&'a ${t}> for ${t} {}
impl crate::iter::Product<${t}> for ${t} {}
impl<'a> crate::iter::Product<&'a ${t}> for ${t} {}
`;
}

const ITER_ADAPTORS = `
    fn next(&mut self) -> Option<Self::Item>;
    fn size_hint(&self) -> (usize, Option<usize>);
    fn count(self) -> usize;
    fn last(self) -> Option<Self::Item>;
    fn nth(&mut self, n: usize) -> Option<Self::Item>;
    fn step_by(self, step: usize) -> StepBy<Self>;
    fn chain<U: IntoIterator<Item = Self::Item>>(self, other: U) -> Chain<Self, U::IntoIter>;
    fn zip<U: IntoIterator>(self, other: U) -> Zip<Self, U::IntoIter>;
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> Map<Self, F>;
    fn for_each<F: FnMut(Self::Item)>(self, f: F);
    fn filter<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> Filter<Self, P>;
    fn filter_map<B, F: FnMut(Self::Item) -> Option<B>>(self, f: F) -> FilterMap<Self, F>;
    fn enumerate(self) -> Enumerate<Self>;
    fn peekable(self) -> Peekable<Self>;
    fn skip_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> SkipWhile<Self, P>;
    fn take_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> TakeWhile<Self, P>;
    fn skip(self, n: usize) -> Skip<Self>;
    fn take(self, n: usize) -> Take<Self>;
    fn scan<St, B, F: FnMut(&mut St, Self::Item) -> Option<B>>(self, initial_state: St, f: F) -> Scan<Self, St, F>;
    fn flat_map<U: IntoIterator, F: FnMut(Self::Item) -> U>(self, f: F) -> FlatMap<Self, U, F>;
    fn flatten(self) -> Flatten<Self> where Self::Item: IntoIterator;
    fn fuse(self) -> Fuse<Self>;
    fn inspect<F: FnMut(&Self::Item)>(self, f: F) -> Inspect<Self, F>;
    fn by_ref(&mut self) -> &mut Self;
    fn collect<B: FromIterator<Self::Item>>(self) -> B;
    fn partition<B: Default + Extend<Self::Item>, F: FnMut(&Self::Item) -> bool>(self, f: F) -> (B, B);
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B;
    fn try_fold<B, F: FnMut(B, Self::Item) -> R, R: crate::ops::Try<Output = B>>(&mut self, init: B, f: F) -> R;
    fn try_for_each<F: FnMut(Self::Item) -> R, R: crate::ops::Try<Output = ()>>(&mut self, f: F) -> R;
    fn reduce<F: FnMut(Self::Item, Self::Item) -> Self::Item>(self, f: F) -> Option<Self::Item>;
    fn all<F: FnMut(Self::Item) -> bool>(&mut self, f: F) -> bool;
    fn any<F: FnMut(Self::Item) -> bool>(&mut self, f: F) -> bool;
    fn find<P: FnMut(&Self::Item) -> bool>(&mut self, predicate: P) -> Option<Self::Item>;
    fn find_map<B, F: FnMut(Self::Item) -> Option<B>>(&mut self, f: F) -> Option<B>;
    fn position<P: FnMut(Self::Item) -> bool>(&mut self, predicate: P) -> Option<usize>;
    fn max(self) -> Option<Self::Item>;
    fn min(self) -> Option<Self::Item>;
    fn max_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, f: F) -> Option<Self::Item>;
    fn min_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, f: F) -> Option<Self::Item>;
    fn max_by<F: FnMut(&Self::Item, &Self::Item) -> crate::cmp::Ordering>(self, compare: F) -> Option<Self::Item>;
    fn min_by<F: FnMut(&Self::Item, &Self::Item) -> crate::cmp::Ordering>(self, compare: F) -> Option<Self::Item>;
    fn rev(self) -> Rev<Self> where Self: DoubleEndedIterator;
    fn unzip<A, B, FromA: Default + Extend<A>, FromB: Default + Extend<B>>(self) -> (FromA, FromB) where Self: Iterator<Item = (A, B)>;
    fn copied<'a, T: 'a + Copy>(self) -> Copied<Self> where Self: Iterator<Item = &'a T>;
    fn cloned<'a, T: 'a + Clone>(self) -> Cloned<Self> where Self: Iterator<Item = &'a T>;
    fn cycle(self) -> Cycle<Self>;
    fn sum<S: Sum<Self::Item>>(self) -> S;
    fn product<P: Product<Self::Item>>(self) -> P;
    fn eq<I: IntoIterator>(self, other: I) -> bool;
`;

/** An iterator adaptor struct `name<params>` with its `Iterator` (and `DoubleEndedIterator`) impl. */
function adaptor(name: string, params: string, implGenerics: string, item: string): string {
  return `pub struct ${name}<${params}>;
    impl<${implGenerics}> Iterator for ${name}<${params}> { type Item = ${item}; }
    impl<${implGenerics}> DoubleEndedIterator for ${name}<${params}> {}`;
}

/** Lossless integer conversions (`From`) and all the checked ones (`TryFrom`), as in core. */
function numericConversions(): string {
  const bits: Record<string, number> = { i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, isize: 64, u8: 8, u16: 16, u32: 32, u64: 64, u128: 128, usize: 64 };
  const out: string[] = [];
  for (const from of INT_KINDS) {
    for (const to of INT_KINDS) {
      if (from === to) continue;
      const fs = from.startsWith("i");
      const ts = to.startsWith("i");
      const lossless =
        !from.endsWith("size") && !to.endsWith("size")
          ? (fs === ts && bits[to]! > bits[from]!) || (!fs && ts && bits[to]! > bits[from]!)
          : (from === "u8" && (to === "usize" || to === "isize")) || (from === "i8" && to === "isize") || (from === "u16" && to === "usize") || (from === "i16" && to === "isize");
      if (lossless) out.push(`impl From<${from}> for ${to} {}`);
      else out.push(`impl TryFrom<${from}> for ${to} { type Error = crate::num::TryFromIntError; }`);
    }
    out.push(`impl From<bool> for ${from} {}`);
  }
  out.push("impl From<f32> for f64 {}", "impl From<u8> for char {}", "impl From<char> for u32 {}", "impl From<char> for u64 {}");
  out.push("impl TryFrom<u32> for char { type Error = crate::char::CharTryFromError; }");
  for (const f of ["i8", "u8", "i16", "u16"]) out.push(`impl From<${f}> for f32 {}`, `impl From<${f}> for f64 {}`);
  out.push("impl From<i32> for f64 {}", "impl From<u32> for f64 {}");
  return out.join("\n");
}

export const STD_STUBS = `
pub mod prelude {
    pub use crate::marker::{Copy, Send, Sized, Sync, Unpin};
    pub use crate::ops::{Drop, Fn, FnMut, FnOnce};
    pub use crate::mem::drop;
    pub use crate::boxed::Box;
    pub use crate::borrow::ToOwned;
    pub use crate::clone::Clone;
    pub use crate::cmp::{PartialEq, PartialOrd, Eq, Ord};
    pub use crate::convert::{AsRef, AsMut, Into, From, TryFrom, TryInto};
    pub use crate::default::Default;
    pub use crate::iter::{Iterator, Extend, IntoIterator, DoubleEndedIterator, ExactSizeIterator, FromIterator};
    pub use crate::option::Option::{self, Some, None};
    pub use crate::result::Result::{self, Ok, Err};
    pub use crate::string::{String, ToString};
    pub use crate::vec::Vec;
    pub use crate::future::{Future, IntoFuture};
}

pub mod marker {
    pub trait Sized {}
    pub trait Send {}
    pub trait Sync {}
    pub trait Unpin {}
    pub trait Copy: crate::clone::Clone {}
    pub struct PhantomPinned;
    pub struct PhantomData<T: ?Sized>;
    impl crate::fmt::Debug for PhantomPinned {}
    impl crate::default::Default for PhantomPinned {}
    impl crate::clone::Clone for PhantomPinned {}
    impl<T: ?Sized> crate::fmt::Debug for PhantomData<T> {}
    impl<T: ?Sized> crate::default::Default for PhantomData<T> {}
    impl<T: ?Sized> crate::clone::Clone for PhantomData<T> {}
    impl<T: ?Sized> Copy for PhantomData<T> {}
    impl !Unpin for PhantomPinned {}
}

pub mod ops {
    pub trait Drop { fn drop(&mut self); }
    pub trait Deref { type Target: ?Sized; fn deref(&self) -> &Self::Target; }
    pub trait DerefMut: Deref { fn deref_mut(&mut self) -> &mut Self::Target; }
    pub trait FnOnce<Args> { type Output; }
    pub trait FnMut<Args>: FnOnce<Args> {}
    pub trait Fn<Args>: FnMut<Args> {}
    pub trait Add<Rhs = Self> { type Output; fn add(self, rhs: Rhs) -> Self::Output; }
    pub trait Sub<Rhs = Self> { type Output; fn sub(self, rhs: Rhs) -> Self::Output; }
    pub trait Mul<Rhs = Self> { type Output; fn mul(self, rhs: Rhs) -> Self::Output; }
    pub trait Div<Rhs = Self> { type Output; fn div(self, rhs: Rhs) -> Self::Output; }
    pub trait Rem<Rhs = Self> { type Output; fn rem(self, rhs: Rhs) -> Self::Output; }
    pub trait BitAnd<Rhs = Self> { type Output; fn bitand(self, rhs: Rhs) -> Self::Output; }
    pub trait BitOr<Rhs = Self> { type Output; fn bitor(self, rhs: Rhs) -> Self::Output; }
    pub trait BitXor<Rhs = Self> { type Output; fn bitxor(self, rhs: Rhs) -> Self::Output; }
    pub trait Shl<Rhs = Self> { type Output; fn shl(self, rhs: Rhs) -> Self::Output; }
    pub trait Shr<Rhs = Self> { type Output; fn shr(self, rhs: Rhs) -> Self::Output; }
    pub trait Neg { type Output; fn neg(self) -> Self::Output; }
    pub trait Not { type Output; fn not(self) -> Self::Output; }
    pub trait AddAssign<Rhs = Self> { fn add_assign(&mut self, rhs: Rhs); }
    pub trait SubAssign<Rhs = Self> { fn sub_assign(&mut self, rhs: Rhs); }
    pub trait MulAssign<Rhs = Self> { fn mul_assign(&mut self, rhs: Rhs); }
    pub trait DivAssign<Rhs = Self> { fn div_assign(&mut self, rhs: Rhs); }
    pub trait RemAssign<Rhs = Self> { fn rem_assign(&mut self, rhs: Rhs); }
    pub trait BitAndAssign<Rhs = Self> { fn bitand_assign(&mut self, rhs: Rhs); }
    pub trait BitOrAssign<Rhs = Self> { fn bitor_assign(&mut self, rhs: Rhs); }
    pub trait BitXorAssign<Rhs = Self> { fn bitxor_assign(&mut self, rhs: Rhs); }
    pub trait ShlAssign<Rhs = Self> { fn shl_assign(&mut self, rhs: Rhs); }
    pub trait ShrAssign<Rhs = Self> { fn shr_assign(&mut self, rhs: Rhs); }
    pub trait Index<Idx: ?Sized> { type Output: ?Sized; fn index(&self, index: Idx) -> &Self::Output; }
    pub trait IndexMut<Idx: ?Sized>: Index<Idx> { fn index_mut(&mut self, index: Idx) -> &mut Self::Output; }
    pub struct Range<Idx> { pub start: Idx, pub end: Idx }
    pub struct RangeInclusive<Idx> { start: Idx, end: Idx }
    pub struct RangeFrom<Idx> { pub start: Idx }
    pub struct RangeTo<Idx> { pub end: Idx }
    pub struct RangeToInclusive<Idx> { pub end: Idx }
    pub struct RangeFull;
    impl<Idx> Range<Idx> {
        pub fn contains<U: ?Sized>(&self, item: &U) -> bool;
        pub fn is_empty(&self) -> bool;
        pub fn len(&self) -> usize;
    }
    impl<Idx> RangeInclusive<Idx> {
        pub fn new(start: Idx, end: Idx) -> RangeInclusive<Idx>;
        pub fn contains<U: ?Sized>(&self, item: &U) -> bool;
        pub fn start(&self) -> &Idx;
        pub fn end(&self) -> &Idx;
        pub fn is_empty(&self) -> bool;
    }
    impl<A: crate::iter::Step> Iterator for Range<A> { type Item = A; }
    impl<A: crate::iter::Step> DoubleEndedIterator for Range<A> {}
    impl<A: crate::iter::Step> ExactSizeIterator for Range<A> {}
    impl<A: crate::iter::Step> Iterator for RangeInclusive<A> { type Item = A; }
    impl<A: crate::iter::Step> DoubleEndedIterator for RangeInclusive<A> {}
    impl<A: crate::iter::Step> Iterator for RangeFrom<A> { type Item = A; }
    impl<Idx: crate::fmt::Debug> crate::fmt::Debug for Range<Idx> {}
    impl<Idx: crate::fmt::Debug> crate::fmt::Debug for RangeInclusive<Idx> {}
    impl<Idx: Clone> Clone for Range<Idx> {}
    impl<Idx: Clone> Clone for RangeInclusive<Idx> {}
    impl<Idx: PartialEq> PartialEq for Range<Idx> {}
    pub enum ControlFlow<B, C = ()> { Continue(C), Break(B) }
    pub trait Try { type Output; }
    impl<T> Try for Option<T> { type Output = T; }
    impl<T, E> Try for Result<T, E> { type Output = T; }
}

pub mod clone {
    pub trait Clone { fn clone(&self) -> Self; fn clone_from(&mut self, source: &Self); }
}

pub mod default {
    pub trait Default { fn default() -> Self; }
}

pub mod borrow {
    pub trait ToOwned { type Owned; fn to_owned(&self) -> Self::Owned; }
    pub trait Borrow<Borrowed: ?Sized> { fn borrow(&self) -> &Borrowed; }
    impl ToOwned for str { type Owned = String; }
    impl<T: Clone> ToOwned for [T] { type Owned = Vec<T>; }
    impl<T: Clone> ToOwned for T { type Owned = T; }
}

pub mod hash {
    pub trait Hash {}
    pub trait Hasher { fn finish(&self) -> u64; fn write(&mut self, bytes: &[u8]); }
}

pub mod cmp {
    pub trait PartialEq<Rhs: ?Sized = Self> { fn eq(&self, other: &Rhs) -> bool; fn ne(&self, other: &Rhs) -> bool; }
    pub trait Eq: PartialEq {}
    pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
        fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
        fn lt(&self, other: &Rhs) -> bool;
        fn le(&self, other: &Rhs) -> bool;
        fn gt(&self, other: &Rhs) -> bool;
        fn ge(&self, other: &Rhs) -> bool;
    }
    pub trait Ord: Eq + PartialOrd {
        fn cmp(&self, other: &Self) -> Ordering;
        fn max(self, other: Self) -> Self;
        fn min(self, other: Self) -> Self;
        fn clamp(self, min: Self, max: Self) -> Self;
    }
    pub enum Ordering { Less, Equal, Greater }
    impl Ordering {
        pub fn reverse(self) -> Ordering;
        pub fn then(self, other: Ordering) -> Ordering;
        pub fn then_with<F: FnOnce() -> Ordering>(self, f: F) -> Ordering;
        pub fn is_eq(self) -> bool;
        pub fn is_ne(self) -> bool;
        pub fn is_lt(self) -> bool;
        pub fn is_gt(self) -> bool;
        pub fn is_le(self) -> bool;
        pub fn is_ge(self) -> bool;
    }
    impl Clone for Ordering {}
    impl Copy for Ordering {}
    impl PartialEq for Ordering {}
    impl Eq for Ordering {}
    impl crate::fmt::Debug for Ordering {}
    pub fn max<T: Ord>(v1: T, v2: T) -> T;
    pub fn min<T: Ord>(v1: T, v2: T) -> T;
    pub struct Reverse<T>(pub T);
}

pub mod convert {
    pub trait From<T> { fn from(value: T) -> Self; }
    pub trait Into<T> { fn into(self) -> T; }
    pub trait TryFrom<T> { type Error; fn try_from(value: T) -> Result<Self, Self::Error>; }
    pub trait TryInto<T> { type Error; fn try_into(self) -> Result<T, Self::Error>; }
    pub trait AsRef<T: ?Sized> { fn as_ref(&self) -> &T; }
    pub trait AsMut<T: ?Sized> { fn as_mut(&mut self) -> &mut T; }
    impl<T, U: From<T>> Into<U> for T {}
    impl<T> From<T> for T {}
    impl<T, U: Into<T>> TryFrom<U> for T { type Error = Infallible; }
    impl<T, U: TryFrom<T>> TryInto<U> for T { type Error = U::Error; }
    pub enum Infallible {}
}

pub mod fmt {
    pub type Result = crate::result::Result<(), Error>;
    pub struct Error;
    pub struct Arguments;
    pub trait Display { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait Debug { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait LowerHex { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait UpperHex { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait Binary { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait Octal { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait Pointer { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait LowerExp { fn fmt(&self, f: &mut Formatter<'_>) -> Result; }
    pub trait Write {
        fn write_str(&mut self, s: &str) -> Result;
        fn write_char(&mut self, c: char) -> Result;
        fn write_fmt(&mut self, args: Arguments) -> Result;
    }
    pub struct Formatter<'a>;
    impl<'a> Formatter<'a> {
        pub fn write_str(&mut self, data: &str) -> Result;
        pub fn write_fmt(&mut self, fmt: Arguments) -> Result;
        pub fn pad(&mut self, s: &str) -> Result;
        pub fn pad_integral(&mut self, is_nonnegative: bool, prefix: &str, buf: &str) -> Result;
        pub fn alternate(&self) -> bool;
        pub fn width(&self) -> Option<usize>;
        pub fn precision(&self) -> Option<usize>;
        pub fn fill(&self) -> char;
        pub fn sign_plus(&self) -> bool;
        pub fn sign_minus(&self) -> bool;
        pub fn debug_struct(&mut self, name: &str) -> DebugStruct<'_, 'a>;
        pub fn debug_tuple(&mut self, name: &str) -> DebugTuple<'_, 'a>;
        pub fn debug_list(&mut self) -> DebugList<'_, 'a>;
        pub fn debug_set(&mut self) -> DebugSet<'_, 'a>;
        pub fn debug_map(&mut self) -> DebugMap<'_, 'a>;
    }
    impl<'a> Write for Formatter<'a> {}
    pub struct DebugStruct<'a, 'b>;
    impl<'a, 'b> DebugStruct<'a, 'b> {
        pub fn field(&mut self, name: &str, value: &dyn Debug) -> &mut DebugStruct<'a, 'b>;
        pub fn finish(&mut self) -> Result;
        pub fn finish_non_exhaustive(&mut self) -> Result;
    }
    pub struct DebugTuple<'a, 'b>;
    impl<'a, 'b> DebugTuple<'a, 'b> {
        pub fn field(&mut self, value: &dyn Debug) -> &mut DebugTuple<'a, 'b>;
        pub fn finish(&mut self) -> Result;
    }
    pub struct DebugList<'a, 'b>;
    impl<'a, 'b> DebugList<'a, 'b> {
        pub fn entry(&mut self, entry: &dyn Debug) -> &mut DebugList<'a, 'b>;
        pub fn entries<D: Debug, I: IntoIterator<Item = D>>(&mut self, entries: I) -> &mut DebugList<'a, 'b>;
        pub fn finish(&mut self) -> Result;
    }
    pub struct DebugSet<'a, 'b>;
    impl<'a, 'b> DebugSet<'a, 'b> {
        pub fn entry(&mut self, entry: &dyn Debug) -> &mut DebugSet<'a, 'b>;
        pub fn entries<D: Debug, I: IntoIterator<Item = D>>(&mut self, entries: I) -> &mut DebugSet<'a, 'b>;
        pub fn finish(&mut self) -> Result;
    }
    pub struct DebugMap<'a, 'b>;
    impl<'a, 'b> DebugMap<'a, 'b> {
        pub fn entry(&mut self, key: &dyn Debug, value: &dyn Debug) -> &mut DebugMap<'a, 'b>;
        pub fn key(&mut self, key: &dyn Debug) -> &mut DebugMap<'a, 'b>;
        pub fn value(&mut self, value: &dyn Debug) -> &mut DebugMap<'a, 'b>;
        pub fn finish(&mut self) -> Result;
    }
    impl Debug for Error {}
    impl Display for Error {}
    impl Debug for Arguments {}
    impl Display for Arguments {}
}

pub mod option {
    pub enum Option<T> { None, Some(T) }
    impl<T> Option<T> {
        pub fn is_some(&self) -> bool;
        pub fn is_none(&self) -> bool;
        pub fn is_some_and<F: FnOnce(T) -> bool>(self, f: F) -> bool;
        pub fn is_none_or<F: FnOnce(T) -> bool>(self, f: F) -> bool;
        pub fn as_ref(&self) -> Option<&T>;
        pub fn as_mut(&mut self) -> Option<&mut T>;
        pub fn as_pin_mut(self: crate::pin::Pin<&mut Self>) -> Option<crate::pin::Pin<&mut T>>;
        pub fn expect(self, msg: &str) -> T;
        pub fn unwrap(self) -> T;
        pub fn unwrap_or(self, default: T) -> T;
        pub fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> T;
        pub fn unwrap_or_default(self) -> T where T: Default;
        pub unsafe fn unwrap_unchecked(self) -> T;
        pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Option<U>;
        pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U;
        pub fn map_or_else<U, D: FnOnce() -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U;
        pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Option<T>;
        pub fn ok_or<E>(self, err: E) -> Result<T, E>;
        pub fn ok_or_else<E, F: FnOnce() -> E>(self, err: F) -> Result<T, E>;
        pub fn iter(&self) -> crate::option::Iter<'_, T>;
        pub fn and<U>(self, optb: Option<U>) -> Option<U>;
        pub fn and_then<U, F: FnOnce(T) -> Option<U>>(self, f: F) -> Option<U>;
        pub fn filter<P: FnOnce(&T) -> bool>(self, predicate: P) -> Option<T>;
        pub fn or(self, optb: Option<T>) -> Option<T>;
        pub fn or_else<F: FnOnce() -> Option<T>>(self, f: F) -> Option<T>;
        pub fn xor(self, optb: Option<T>) -> Option<T>;
        pub fn insert(&mut self, value: T) -> &mut T;
        pub fn get_or_insert(&mut self, value: T) -> &mut T;
        pub fn get_or_insert_with<F: FnOnce() -> T>(&mut self, f: F) -> &mut T;
        pub fn take(&mut self) -> Option<T>;
        pub fn take_if<P: FnOnce(&mut T) -> bool>(&mut self, predicate: P) -> Option<T>;
        pub fn replace(&mut self, value: T) -> Option<T>;
        pub fn zip<U>(self, other: Option<U>) -> Option<(T, U)>;
    }
    impl<T: Copy> Option<&T> { pub fn copied(self) -> Option<T>; }
    impl<T: Clone> Option<&T> { pub fn cloned(self) -> Option<T>; }
    impl<T: crate::ops::Deref> Option<T> {
        pub fn as_deref(&self) -> Option<&T::Target>;
    }
    impl<T> Option<Option<T>> { pub fn flatten(self) -> Option<T>; }
    impl<T, E> Option<Result<T, E>> { pub fn transpose(self) -> Result<Option<T>, E>; }
    pub struct Iter<'a, T>;
    impl<'a, T> Iterator for Iter<'a, T> { type Item = &'a T; }
    pub struct IntoIter<T>;
    impl<T> Iterator for IntoIter<T> { type Item = T; }
    impl<T> IntoIterator for Option<T> { type Item = T; type IntoIter = IntoIter<T>; }
    impl<T: Clone> Clone for Option<T> {}
    impl<T: Copy> Copy for Option<T> {}
    impl<T: PartialEq> PartialEq for Option<T> {}
    impl<T: Eq> Eq for Option<T> {}
    impl<T: PartialOrd> PartialOrd for Option<T> {}
    impl<T: Ord> Ord for Option<T> {}
    impl<T: crate::fmt::Debug> crate::fmt::Debug for Option<T> {}
    impl<T> Default for Option<T> {}
    impl<T> From<T> for Option<T> {}
    impl<T: crate::hash::Hash> crate::hash::Hash for Option<T> {}
}

pub mod result {
    pub enum Result<T, E> { Ok(T), Err(E) }
    impl<T, E> Result<T, E> {
        pub fn is_ok(&self) -> bool;
        pub fn is_err(&self) -> bool;
        pub fn is_ok_and<F: FnOnce(T) -> bool>(self, f: F) -> bool;
        pub fn is_err_and<F: FnOnce(E) -> bool>(self, f: F) -> bool;
        pub fn ok(self) -> Option<T>;
        pub fn err(self) -> Option<E>;
        pub fn as_ref(&self) -> Result<&T, &E>;
        pub fn as_mut(&mut self) -> Result<&mut T, &mut E>;
        pub fn map<U, F: FnOnce(T) -> U>(self, op: F) -> Result<U, E>;
        pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U;
        pub fn map_err<F2, O: FnOnce(E) -> F2>(self, op: O) -> Result<T, F2>;
        pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Result<T, E>;
        pub fn inspect_err<F: FnOnce(&E)>(self, f: F) -> Result<T, E>;
        pub fn iter(&self) -> crate::option::Iter<'_, T>;
        pub fn expect(self, msg: &str) -> T where E: crate::fmt::Debug;
        pub fn unwrap(self) -> T where E: crate::fmt::Debug;
        pub fn unwrap_or_default(self) -> T where T: Default;
        pub fn expect_err(self, msg: &str) -> E where T: crate::fmt::Debug;
        pub fn unwrap_err(self) -> E where T: crate::fmt::Debug;
        pub fn and<U>(self, res: Result<U, E>) -> Result<U, E>;
        pub fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, op: F) -> Result<U, E>;
        pub fn or<F2>(self, res: Result<T, F2>) -> Result<T, F2>;
        pub fn or_else<F2, O: FnOnce(E) -> Result<T, F2>>(self, op: O) -> Result<T, F2>;
        pub fn unwrap_or(self, default: T) -> T;
        pub fn unwrap_or_else<F: FnOnce(E) -> T>(self, op: F) -> T;
    }
    impl<T: Clone, E: Clone> Clone for Result<T, E> {}
    impl<T: Copy, E: Copy> Copy for Result<T, E> {}
    impl<T: PartialEq, E: PartialEq> PartialEq for Result<T, E> {}
    impl<T: Eq, E: Eq> Eq for Result<T, E> {}
    impl<T: crate::fmt::Debug, E: crate::fmt::Debug> crate::fmt::Debug for Result<T, E> {}
    impl<T, E> IntoIterator for Result<T, E> { type Item = T; type IntoIter = crate::option::IntoIter<T>; }
}

pub mod num {
    pub struct ParseIntError;
    pub struct ParseFloatError;
    pub struct TryFromIntError;
    impl crate::fmt::Debug for ParseIntError {}
    impl crate::fmt::Display for ParseIntError {}
    impl crate::fmt::Debug for ParseFloatError {}
    impl crate::fmt::Display for ParseFloatError {}
    impl crate::fmt::Debug for TryFromIntError {}
    impl crate::fmt::Display for TryFromIntError {}
    impl Clone for ParseIntError {}
    impl PartialEq for ParseIntError {}
    impl crate::error::Error for ParseIntError {}
    impl crate::error::Error for ParseFloatError {}
    pub struct Wrapping<T>(pub T);
}

pub mod error {
    pub trait Error: crate::fmt::Debug + crate::fmt::Display {
        fn source(&self) -> Option<&(dyn Error + 'static)>;
    }
    impl<'a, E: Error + 'a> From<E> for Box<dyn Error + 'a> {}
    impl From<&str> for Box<dyn Error> {}
    impl From<String> for Box<dyn Error> {}
}

pub mod str {
    pub trait FromStr: Sized { type Err; fn from_str(s: &str) -> Result<Self, Self::Err>; }
    pub trait Pattern {}
    pub struct Chars<'a>;
    impl<'a> Iterator for Chars<'a> { type Item = char; }
    impl<'a> DoubleEndedIterator for Chars<'a> {}
    impl<'a> Chars<'a> { pub fn as_str(&self) -> &'a str; }
    pub struct CharIndices<'a>;
    impl<'a> Iterator for CharIndices<'a> { type Item = (usize, char); }
    impl<'a> DoubleEndedIterator for CharIndices<'a> {}
    pub struct Bytes<'a>;
    impl<'a> Iterator for Bytes<'a> { type Item = u8; }
    impl<'a> DoubleEndedIterator for Bytes<'a> {}
    pub struct Split<'a, P>;
    impl<'a, P> Iterator for Split<'a, P> { type Item = &'a str; }
    impl<'a, P> DoubleEndedIterator for Split<'a, P> {}
    pub struct SplitWhitespace<'a>;
    impl<'a> Iterator for SplitWhitespace<'a> { type Item = &'a str; }
    impl<'a> DoubleEndedIterator for SplitWhitespace<'a> {}
    pub struct Lines<'a>;
    impl<'a> Iterator for Lines<'a> { type Item = &'a str; }
    impl<'a> DoubleEndedIterator for Lines<'a> {}
    pub fn from_utf8(v: &[u8]) -> Result<&str, Utf8Error>;
    pub struct Utf8Error;
    impl crate::fmt::Debug for Utf8Error {}
    impl crate::fmt::Display for Utf8Error {}
    impl FromStr for String { type Err = crate::convert::Infallible; }
    impl FromStr for bool { type Err = ParseBoolError; }
    impl FromStr for char { type Err = ParseCharError; }
    pub struct ParseBoolError;
    impl crate::fmt::Debug for ParseBoolError {}
    impl crate::fmt::Display for ParseBoolError {}
    pub struct ParseCharError;
    impl crate::fmt::Debug for ParseCharError {}
    impl crate::fmt::Display for ParseCharError {}
}

impl str {
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn chars(&self) -> crate::str::Chars<'_>;
    pub fn char_indices(&self) -> crate::str::CharIndices<'_>;
    pub fn bytes(&self) -> crate::str::Bytes<'_>;
    pub fn as_bytes(&self) -> &[u8];
    pub fn as_ptr(&self) -> *const u8;
    pub fn split<'a, P: crate::str::Pattern>(&'a self, pat: P) -> crate::str::Split<'a, P>;
    pub fn rsplit<'a, P: crate::str::Pattern>(&'a self, pat: P) -> crate::str::Split<'a, P>;
    pub fn splitn<'a, P: crate::str::Pattern>(&'a self, n: usize, pat: P) -> crate::str::Split<'a, P>;
    pub fn split_terminator<'a, P: crate::str::Pattern>(&'a self, pat: P) -> crate::str::Split<'a, P>;
    pub fn split_once<'a, P: crate::str::Pattern>(&'a self, delimiter: P) -> Option<(&'a str, &'a str)>;
    pub fn split_whitespace(&self) -> crate::str::SplitWhitespace<'_>;
    pub fn split_at(&self, mid: usize) -> (&str, &str);
    pub fn lines(&self) -> crate::str::Lines<'_>;
    pub fn contains<P: crate::str::Pattern>(&self, pat: P) -> bool;
    pub fn starts_with<P: crate::str::Pattern>(&self, pat: P) -> bool;
    pub fn ends_with<P: crate::str::Pattern>(&self, pat: P) -> bool;
    pub fn find<P: crate::str::Pattern>(&self, pat: P) -> Option<usize>;
    pub fn rfind<P: crate::str::Pattern>(&self, pat: P) -> Option<usize>;
    pub fn matches<'a, P: crate::str::Pattern>(&'a self, pat: P) -> crate::str::Split<'a, P>;
    pub fn replace<P: crate::str::Pattern>(&self, from: P, to: &str) -> String;
    pub fn replacen<P: crate::str::Pattern>(&self, from: P, to: &str, count: usize) -> String;
    pub fn trim(&self) -> &str;
    pub fn trim_start(&self) -> &str;
    pub fn trim_end(&self) -> &str;
    pub fn trim_matches<P: crate::str::Pattern>(&self, pat: P) -> &str;
    pub fn trim_start_matches<P: crate::str::Pattern>(&self, pat: P) -> &str;
    pub fn trim_end_matches<P: crate::str::Pattern>(&self, pat: P) -> &str;
    pub fn strip_prefix<P: crate::str::Pattern>(&self, prefix: P) -> Option<&str>;
    pub fn strip_suffix<P: crate::str::Pattern>(&self, suffix: P) -> Option<&str>;
    pub fn parse<F: crate::str::FromStr>(&self) -> Result<F, F::Err>;
    pub fn to_uppercase(&self) -> String;
    pub fn to_lowercase(&self) -> String;
    pub fn to_ascii_uppercase(&self) -> String;
    pub fn to_ascii_lowercase(&self) -> String;
    pub fn eq_ignore_ascii_case(&self, other: &str) -> bool;
    pub fn repeat(&self, n: usize) -> String;
    pub fn to_string(&self) -> String;
    pub fn to_owned(&self) -> String;
    pub fn get<I>(&self, i: I) -> Option<&str>;
    pub fn is_char_boundary(&self, index: usize) -> bool;
    pub fn char_count(&self) -> usize;
    pub fn is_ascii(&self) -> bool;
    pub fn into_string(self: Box<str>) -> String;
}

pub mod string {
    pub struct String;
    impl String {
        pub fn new() -> String;
        pub fn with_capacity(capacity: usize) -> String;
        pub fn from_utf8(vec: Vec<u8>) -> Result<String, FromUtf8Error>;
        pub fn push(&mut self, ch: char);
        pub fn push_str(&mut self, string: &str);
        pub fn pop(&mut self) -> Option<char>;
        pub fn as_str(&self) -> &str;
        pub fn as_mut_str(&mut self) -> &mut str;
        pub fn len(&self) -> usize;
        pub fn is_empty(&self) -> bool;
        pub fn capacity(&self) -> usize;
        pub fn clear(&mut self);
        pub fn truncate(&mut self, new_len: usize);
        pub fn insert(&mut self, idx: usize, ch: char);
        pub fn insert_str(&mut self, idx: usize, string: &str);
        pub fn remove(&mut self, idx: usize) -> char;
        pub fn retain<F: FnMut(char) -> bool>(&mut self, f: F);
        pub fn into_bytes(self) -> Vec<u8>;
        pub fn into_boxed_str(self) -> Box<str>;
        pub fn drain<R>(&mut self, range: R) -> crate::str::Chars<'_>;
        pub fn reserve(&mut self, additional: usize);
        pub fn split_off(&mut self, at: usize) -> String;
        pub fn extend_from_within<R>(&mut self, src: R);
    }
    pub trait ToString { fn to_string(&self) -> String; }
    impl<T: crate::fmt::Display + ?Sized> ToString for T {}
    pub struct FromUtf8Error;
    impl crate::fmt::Debug for FromUtf8Error {}
    impl crate::fmt::Display for FromUtf8Error {}
    impl crate::ops::Deref for String { type Target = str; }
    impl crate::ops::DerefMut for String {}
    impl Clone for String {}
    impl Default for String {}
    impl PartialEq for String {}
    impl PartialEq<str> for String {}
    impl<'a> PartialEq<&'a str> for String {}
    impl PartialEq<String> for str {}
    impl<'a> PartialEq<String> for &'a str {}
    impl Eq for String {}
    impl PartialOrd for String {}
    impl Ord for String {}
    impl crate::hash::Hash for String {}
    impl crate::fmt::Display for String {}
    impl crate::fmt::Debug for String {}
    impl crate::fmt::Write for String {}
    impl<'a> crate::ops::Add<&'a str> for String { type Output = String; }
    impl<'a> crate::ops::AddAssign<&'a str> for String {}
    impl<'a> From<&'a str> for String {}
    impl<'a> From<&'a String> for String {}
    impl From<char> for String {}
    impl From<Box<str>> for String {}
    impl<'a> From<&'a mut str> for String {}
    impl FromIterator<char> for String {}
    impl<'a> FromIterator<&'a char> for String {}
    impl<'a> FromIterator<&'a str> for String {}
    impl FromIterator<String> for String {}
    impl Extend<char> for String {}
    impl<'a> Extend<&'a str> for String {}
    impl crate::borrow::Borrow<str> for String {}
    impl AsRef<str> for String {}
    impl AsRef<str> for str {}
    impl AsRef<[u8]> for String {}
    impl<I> crate::ops::Index<I> for String { type Output = str; }
    impl<I> crate::ops::Index<I> for str { type Output = str; }
}

impl crate::fmt::Display for str {}
impl crate::fmt::Debug for str {}
impl PartialEq for str {}
impl Eq for str {}
impl PartialOrd for str {}
impl Ord for str {}
impl crate::hash::Hash for str {}
impl<'a> Default for &'a str {}


pub mod vec {
    pub struct Vec<T>;
    impl<T> Vec<T> {
        pub fn new() -> Vec<T>;
        pub fn with_capacity(capacity: usize) -> Vec<T>;
        pub fn capacity(&self) -> usize;
        pub fn reserve(&mut self, additional: usize);
        pub fn shrink_to_fit(&mut self);
        pub fn push(&mut self, value: T);
        pub fn pop(&mut self) -> Option<T>;
        pub fn insert(&mut self, index: usize, element: T);
        pub fn remove(&mut self, index: usize) -> T;
        pub fn swap_remove(&mut self, index: usize) -> T;
        pub fn truncate(&mut self, len: usize);
        pub fn clear(&mut self);
        pub fn len(&self) -> usize;
        pub fn is_empty(&self) -> bool;
        pub fn append(&mut self, other: &mut Vec<T>);
        pub fn drain<R>(&mut self, range: R) -> Drain<'_, T>;
        pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F);
        pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, f: F);
        pub fn dedup(&mut self) where T: PartialEq;
        pub fn dedup_by_key<K: PartialEq, F: FnMut(&mut T) -> K>(&mut self, key: F);
        pub fn split_off(&mut self, at: usize) -> Vec<T>;
        pub fn resize(&mut self, new_len: usize, value: T) where T: Clone;
        pub fn extend_from_slice(&mut self, other: &[T]) where T: Clone;
        pub fn as_slice(&self) -> &[T];
        pub fn as_mut_slice(&mut self) -> &mut [T];
        pub fn as_ptr(&self) -> *const T;
        pub fn as_mut_ptr(&mut self) -> *mut T;
        pub fn into_boxed_slice(self) -> Box<[T]>;
        pub fn leak<'a>(self) -> &'a mut [T];
    }
    pub struct IntoIter<T>;
    impl<T> Iterator for IntoIter<T> { type Item = T; }
    impl<T> DoubleEndedIterator for IntoIter<T> {}
    impl<T> ExactSizeIterator for IntoIter<T> {}
    pub struct Drain<'a, T>;
    impl<'a, T> Iterator for Drain<'a, T> { type Item = T; }
    impl<'a, T> DoubleEndedIterator for Drain<'a, T> {}
    impl<T> IntoIterator for Vec<T> { type Item = T; type IntoIter = IntoIter<T>; }
    impl<'a, T> IntoIterator for &'a Vec<T> { type Item = &'a T; type IntoIter = crate::slice::Iter<'a, T>; }
    impl<'a, T> IntoIterator for &'a mut Vec<T> { type Item = &'a mut T; type IntoIter = crate::slice::IterMut<'a, T>; }
    impl<T> crate::ops::Deref for Vec<T> { type Target = [T]; }
    impl<T> crate::ops::DerefMut for Vec<T> {}
    impl<T, I: crate::slice::SliceIndex<[T]>> crate::ops::Index<I> for Vec<T> { type Output = I::Output; }
    impl<T, I: crate::slice::SliceIndex<[T]>> crate::ops::IndexMut<I> for Vec<T> {}
    impl<T: Clone> Clone for Vec<T> {}
    impl<T> Default for Vec<T> {}
    impl<T: PartialEq> PartialEq for Vec<T> {}
    impl<T: PartialEq, const N: usize> PartialEq<[T; N]> for Vec<T> {}
    impl<'a, T: PartialEq> PartialEq<&'a [T]> for Vec<T> {}
    impl<T: Eq> Eq for Vec<T> {}
    impl<T: PartialOrd> PartialOrd for Vec<T> {}
    impl<T: Ord> Ord for Vec<T> {}
    impl<T: crate::hash::Hash> crate::hash::Hash for Vec<T> {}
    impl<T: crate::fmt::Debug> crate::fmt::Debug for Vec<T> {}
    impl<T> FromIterator<T> for Vec<T> {}
    impl<T> Extend<T> for Vec<T> {}
    impl<'a, T: Copy + 'a> Extend<&'a T> for Vec<T> {}
    impl<T, const N: usize> From<[T; N]> for Vec<T> {}
    impl<'a, T: Clone> From<&'a [T]> for Vec<T> {}
    impl<'a> From<&'a str> for Vec<u8> {}
    impl<T> AsRef<[T]> for Vec<T> {}
    impl<T> crate::borrow::Borrow<[T]> for Vec<T> {}
}

pub mod slice {
    pub trait SliceIndex<T: ?Sized> { type Output: ?Sized; }
    impl<T> SliceIndex<[T]> for usize { type Output = T; }
    impl<T> SliceIndex<[T]> for crate::ops::Range<usize> { type Output = [T]; }
    impl<T> SliceIndex<[T]> for crate::ops::RangeInclusive<usize> { type Output = [T]; }
    impl<T> SliceIndex<[T]> for crate::ops::RangeFrom<usize> { type Output = [T]; }
    impl<T> SliceIndex<[T]> for crate::ops::RangeTo<usize> { type Output = [T]; }
    impl<T> SliceIndex<[T]> for crate::ops::RangeToInclusive<usize> { type Output = [T]; }
    impl<T> SliceIndex<[T]> for crate::ops::RangeFull { type Output = [T]; }
    // std's [V]: Concat<Item> chooses Item (and the result) by which Borrow V has, which needs the
    // solver to pick an impl by its where-clauses; pinion asks the element type instead:
    // [String].concat() is a String, [Vec<T>].concat() a Vec<T>.
    pub trait ConcatElem { type Output; }
    impl ConcatElem for crate::string::String { type Output = crate::string::String; }
    impl<'a> ConcatElem for &'a str { type Output = crate::string::String; }
    impl<T: Clone> ConcatElem for crate::vec::Vec<T> { type Output = crate::vec::Vec<T>; }
    impl<'a, T: Clone> ConcatElem for &'a [T] { type Output = crate::vec::Vec<T>; }
    impl<T: Clone, const N: usize> ConcatElem for [T; N] { type Output = crate::vec::Vec<T>; }
    /// [a, b].join(sep): text joined by a &str is a String; Vecs, arrays and slices joined by an
    /// element (&T) or a slice (&[T]) are a Vec<T>.
    pub trait JoinElem<Sep> { type Output; }
    impl<'s> JoinElem<&'s str> for crate::string::String { type Output = crate::string::String; }
    impl<'a, 's> JoinElem<&'s str> for &'a str { type Output = crate::string::String; }
    impl<'s, T: Clone> JoinElem<&'s T> for crate::vec::Vec<T> { type Output = crate::vec::Vec<T>; }
    impl<'s, T: Clone> JoinElem<&'s [T]> for crate::vec::Vec<T> { type Output = crate::vec::Vec<T>; }
    impl<'a, 's, T: Clone> JoinElem<&'s T> for &'a [T] { type Output = crate::vec::Vec<T>; }
    impl<'a, 's, T: Clone> JoinElem<&'s [T]> for &'a [T] { type Output = crate::vec::Vec<T>; }
    impl<'s, T: Clone, const N: usize> JoinElem<&'s T> for [T; N] { type Output = crate::vec::Vec<T>; }
    impl<'s, T: Clone, const N: usize> JoinElem<&'s [T]> for [T; N] { type Output = crate::vec::Vec<T>; }
    pub struct Iter<'a, T>;
    impl<'a, T> Iterator for Iter<'a, T> { type Item = &'a T; }
    impl<'a, T> DoubleEndedIterator for Iter<'a, T> {}
    impl<'a, T> ExactSizeIterator for Iter<'a, T> {}
    impl<'a, T> Clone for Iter<'a, T> {}
    pub struct IterMut<'a, T>;
    impl<'a, T> Iterator for IterMut<'a, T> { type Item = &'a mut T; }
    impl<'a, T> DoubleEndedIterator for IterMut<'a, T> {}
    impl<'a, T> ExactSizeIterator for IterMut<'a, T> {}
    pub struct Windows<'a, T>;
    impl<'a, T> Iterator for Windows<'a, T> { type Item = &'a [T]; }
    pub struct Chunks<'a, T>;
    impl<'a, T> Iterator for Chunks<'a, T> { type Item = &'a [T]; }
    impl<'a, T> DoubleEndedIterator for Chunks<'a, T> {}
    pub struct ChunksMut<'a, T>;
    impl<'a, T> Iterator for ChunksMut<'a, T> { type Item = &'a mut [T]; }
    pub fn from_raw_parts<'a, T>(data: *const T, len: usize) -> &'a [T];
}

impl<T> [T] {
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn first(&self) -> Option<&T>;
    pub fn first_mut(&mut self) -> Option<&mut T>;
    pub fn last(&self) -> Option<&T>;
    pub fn last_mut(&mut self) -> Option<&mut T>;
    pub fn split_first(&self) -> Option<(&T, &[T])>;
    pub fn split_last(&self) -> Option<(&T, &[T])>;
    pub fn get<I: crate::slice::SliceIndex<[T]>>(&self, index: I) -> Option<&I::Output>;
    pub fn get_mut<I: crate::slice::SliceIndex<[T]>>(&mut self, index: I) -> Option<&mut I::Output>;
    pub fn iter(&self) -> crate::slice::Iter<'_, T>;
    pub fn iter_mut(&mut self) -> crate::slice::IterMut<'_, T>;
    pub fn windows(&self, size: usize) -> crate::slice::Windows<'_, T>;
    pub fn chunks(&self, chunk_size: usize) -> crate::slice::Chunks<'_, T>;
    pub fn chunks_mut(&mut self, chunk_size: usize) -> crate::slice::ChunksMut<'_, T>;
    pub fn split_at(&self, mid: usize) -> (&[T], &[T]);
    pub fn split_at_mut(&mut self, mid: usize) -> (&mut [T], &mut [T]);
    pub fn contains(&self, x: &T) -> bool where T: PartialEq;
    pub fn starts_with(&self, needle: &[T]) -> bool where T: PartialEq;
    pub fn ends_with(&self, needle: &[T]) -> bool where T: PartialEq;
    pub fn swap(&mut self, a: usize, b: usize);
    pub fn reverse(&mut self);
    pub fn sort(&mut self) where T: Ord;
    pub fn sort_unstable(&mut self) where T: Ord;
    pub fn sort_by<F: FnMut(&T, &T) -> crate::cmp::Ordering>(&mut self, compare: F);
    pub fn sort_unstable_by<F: FnMut(&T, &T) -> crate::cmp::Ordering>(&mut self, compare: F);
    pub fn sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F);
    pub fn sort_unstable_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F);
    pub fn binary_search(&self, x: &T) -> Result<usize, usize> where T: Ord;
    pub fn binary_search_by<F: FnMut(&T) -> crate::cmp::Ordering>(&self, f: F) -> Result<usize, usize>;
    pub fn binary_search_by_key<B: Ord, F: FnMut(&T) -> B>(&self, b: &B, f: F) -> Result<usize, usize>;
    pub fn to_vec(&self) -> Vec<T> where T: Clone;
    pub fn into_vec(self: Box<[T]>) -> Vec<T>;
    pub fn fill(&mut self, value: T) where T: Clone;
    pub fn copy_from_slice(&mut self, src: &[T]) where T: Copy;
    pub fn clone_from_slice(&mut self, src: &[T]) where T: Clone;
    pub fn as_ptr(&self) -> *const T;
    pub fn as_mut_ptr(&mut self) -> *mut T;
    pub fn rotate_left(&mut self, mid: usize);
    pub fn rotate_right(&mut self, mid: usize);
}
impl<T: Clone> [T] {
    pub fn concat(&self) -> <T as crate::slice::ConcatElem>::Output where T: crate::slice::ConcatElem;
    pub fn join<Separator>(&self, sep: Separator) -> <T as crate::slice::JoinElem<Separator>>::Output where T: crate::slice::JoinElem<Separator>;
}
impl<'a, T> IntoIterator for &'a [T] { type Item = &'a T; type IntoIter = crate::slice::Iter<'a, T>; }
impl<'a, T> IntoIterator for &'a mut [T] { type Item = &'a mut T; type IntoIter = crate::slice::IterMut<'a, T>; }
impl<T, I: crate::slice::SliceIndex<[T]>> crate::ops::Index<I> for [T] { type Output = I::Output; }
impl<T, I: crate::slice::SliceIndex<[T]>> crate::ops::IndexMut<I> for [T] {}
impl<T: crate::fmt::Debug> crate::fmt::Debug for [T] {}
impl<T: PartialEq> PartialEq for [T] {}
impl<T: PartialEq> PartialEq<Vec<T>> for [T] {}
impl<T: Eq> Eq for [T] {}
impl<T: PartialOrd> PartialOrd for [T] {}
impl<T: Ord> Ord for [T] {}
impl<'a, T> Default for &'a [T] {}

impl<T, const N: usize> [T; N] {
    pub fn map<U, F: FnMut(T) -> U>(self, f: F) -> [U; N];
    pub fn as_slice(&self) -> &[T];
    pub fn each_ref(&self) -> [&T; N];
}
impl<T, const N: usize> IntoIterator for [T; N] { type Item = T; type IntoIter = crate::array::IntoIter<T, N>; }
impl<'a, T, const N: usize> IntoIterator for &'a [T; N] { type Item = &'a T; type IntoIter = crate::slice::Iter<'a, T>; }
impl<'a, T, const N: usize> IntoIterator for &'a mut [T; N] { type Item = &'a mut T; type IntoIter = crate::slice::IterMut<'a, T>; }
impl<T, I: crate::slice::SliceIndex<[T]>, const N: usize> crate::ops::Index<I> for [T; N] { type Output = I::Output; }
impl<T, I: crate::slice::SliceIndex<[T]>, const N: usize> crate::ops::IndexMut<I> for [T; N] {}
impl<T: crate::fmt::Debug, const N: usize> crate::fmt::Debug for [T; N] {}
impl<T: PartialEq, const N: usize> PartialEq for [T; N] {}
impl<T: Eq, const N: usize> Eq for [T; N] {}
impl<T: Default, const N: usize> Default for [T; N] {}
impl<T: PartialOrd, const N: usize> PartialOrd for [T; N] {}
impl<T: Ord, const N: usize> Ord for [T; N] {}

pub mod array {
    pub struct IntoIter<T, const N: usize>;
    impl<T, const N: usize> Iterator for IntoIter<T, N> { type Item = T; }
    impl<T, const N: usize> DoubleEndedIterator for IntoIter<T, N> {}
    pub fn from_fn<T, const N: usize, F: FnMut(usize) -> T>(cb: F) -> [T; N];
}

pub mod collections {
    pub mod vec_deque {
        pub struct VecDeque<T>;
        pub struct Iter<'a, T>;
        impl<'a, T> Iterator for Iter<'a, T> { type Item = &'a T; }
        impl<'a, T> DoubleEndedIterator for Iter<'a, T> {}
        pub struct IterMut<'a, T>;
        impl<'a, T> Iterator for IterMut<'a, T> { type Item = &'a mut T; }
        pub struct IntoIter<T>;
        impl<T> Iterator for IntoIter<T> { type Item = T; }
        pub struct Drain<'a, T>;
        impl<'a, T> Iterator for Drain<'a, T> { type Item = T; }
    }
    pub use self::vec_deque::VecDeque;
    impl<T> VecDeque<T> {
        pub fn new() -> VecDeque<T>;
        pub fn with_capacity(capacity: usize) -> VecDeque<T>;
        pub fn push_back(&mut self, value: T);
        pub fn push_front(&mut self, value: T);
        pub fn pop_back(&mut self) -> Option<T>;
        pub fn pop_front(&mut self) -> Option<T>;
        pub fn front(&self) -> Option<&T>;
        pub fn back(&self) -> Option<&T>;
        pub fn front_mut(&mut self) -> Option<&mut T>;
        pub fn back_mut(&mut self) -> Option<&mut T>;
        pub fn get(&self, index: usize) -> Option<&T>;
        pub fn get_mut(&mut self, index: usize) -> Option<&mut T>;
        pub fn len(&self) -> usize;
        pub fn is_empty(&self) -> bool;
        pub fn clear(&mut self);
        pub fn contains(&self, x: &T) -> bool where T: PartialEq;
        pub fn iter(&self) -> crate::collections::vec_deque::Iter<'_, T>;
        pub fn iter_mut(&mut self) -> crate::collections::vec_deque::IterMut<'_, T>;
        pub fn drain<R>(&mut self, range: R) -> crate::collections::vec_deque::Drain<'_, T>;
        pub fn remove(&mut self, index: usize) -> Option<T>;
        pub fn insert(&mut self, index: usize, value: T);
        pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F);
        pub fn make_contiguous(&mut self) -> &mut [T];
        pub fn truncate(&mut self, len: usize);
        pub fn swap(&mut self, i: usize, j: usize);
        pub fn rotate_left(&mut self, n: usize);
        pub fn rotate_right(&mut self, n: usize);
        pub fn range<R>(&self, range: R) -> crate::collections::vec_deque::Iter<'_, T>;
        pub fn split_off(&mut self, at: usize) -> VecDeque<T>;
        pub fn append(&mut self, other: &mut VecDeque<T>);
        pub fn resize(&mut self, new_len: usize, value: T) where T: Clone;
    }
    impl<T> IntoIterator for VecDeque<T> { type Item = T; type IntoIter = crate::collections::vec_deque::IntoIter<T>; }
    impl<'a, T> IntoIterator for &'a VecDeque<T> { type Item = &'a T; type IntoIter = crate::collections::vec_deque::Iter<'a, T>; }
    impl<'a, T> IntoIterator for &'a mut VecDeque<T> { type Item = &'a mut T; type IntoIter = crate::collections::vec_deque::IterMut<'a, T>; }
    impl<T> crate::ops::Index<usize> for VecDeque<T> { type Output = T; }
    impl<T> crate::ops::IndexMut<usize> for VecDeque<T> {}
    impl<T: Clone> Clone for VecDeque<T> {}
    impl<T> Default for VecDeque<T> {}
    impl<T: PartialEq> PartialEq for VecDeque<T> {}
    impl<T: crate::fmt::Debug> crate::fmt::Debug for VecDeque<T> {}
    impl<T> FromIterator<T> for VecDeque<T> {}
    impl<T> Extend<T> for VecDeque<T> {}
    impl<T> From<Vec<T>> for VecDeque<T> {}
    impl<T, const N: usize> From<[T; N]> for VecDeque<T> {}

    pub mod hash_map {
        pub struct HashMap<K, V>;
        pub struct Iter<'a, K, V>;
        impl<'a, K, V> Iterator for Iter<'a, K, V> { type Item = (&'a K, &'a V); }
        pub struct IterMut<'a, K, V>;
        impl<'a, K, V> Iterator for IterMut<'a, K, V> { type Item = (&'a K, &'a mut V); }
        pub struct IntoIter<K, V>;
        impl<K, V> Iterator for IntoIter<K, V> { type Item = (K, V); }
        pub struct Keys<'a, K, V>;
        impl<'a, K, V> Iterator for Keys<'a, K, V> { type Item = &'a K; }
        pub struct Values<'a, K, V>;
        impl<'a, K, V> Iterator for Values<'a, K, V> { type Item = &'a V; }
        pub struct ValuesMut<'a, K, V>;
        impl<'a, K, V> Iterator for ValuesMut<'a, K, V> { type Item = &'a mut V; }
        pub enum Entry<'a, K, V> { Occupied(OccupiedEntry<'a, K, V>), Vacant(VacantEntry<'a, K, V>) }
        pub struct OccupiedEntry<'a, K, V>;
        pub struct VacantEntry<'a, K, V>;
        impl<'a, K, V> Entry<'a, K, V> {
            pub fn or_insert(self, default: V) -> &'a mut V;
            pub fn or_insert_with<F: FnOnce() -> V>(self, default: F) -> &'a mut V;
            pub fn or_default(self) -> &'a mut V where V: Default;
            pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> Entry<'a, K, V>;
        }
    }
    pub use self::hash_map::HashMap;
    impl<K, V> HashMap<K, V> {
        pub fn new() -> HashMap<K, V>;
        pub fn with_capacity(capacity: usize) -> HashMap<K, V>;
        pub fn insert(&mut self, k: K, v: V) -> Option<V>;
        pub fn get<Q: ?Sized>(&self, k: &Q) -> Option<&V>;
        pub fn get_mut<Q: ?Sized>(&mut self, k: &Q) -> Option<&mut V>;
        pub fn contains_key<Q: ?Sized>(&self, k: &Q) -> bool;
        pub fn remove<Q: ?Sized>(&mut self, k: &Q) -> Option<V>;
        pub fn entry(&mut self, key: K) -> crate::collections::hash_map::Entry<'_, K, V>;
        pub fn len(&self) -> usize;
        pub fn is_empty(&self) -> bool;
        pub fn clear(&mut self);
        pub fn iter(&self) -> crate::collections::hash_map::Iter<'_, K, V>;
        pub fn iter_mut(&mut self) -> crate::collections::hash_map::IterMut<'_, K, V>;
        pub fn keys(&self) -> crate::collections::hash_map::Keys<'_, K, V>;
        pub fn values(&self) -> crate::collections::hash_map::Values<'_, K, V>;
        pub fn values_mut(&mut self) -> crate::collections::hash_map::ValuesMut<'_, K, V>;
    }
    impl<K, V> IntoIterator for HashMap<K, V> { type Item = (K, V); type IntoIter = crate::collections::hash_map::IntoIter<K, V>; }
    impl<'a, K, V> IntoIterator for &'a HashMap<K, V> { type Item = (&'a K, &'a V); type IntoIter = crate::collections::hash_map::Iter<'a, K, V>; }
    impl<K, Q: ?Sized, V> crate::ops::Index<&Q> for HashMap<K, V> { type Output = V; }
    impl<K: Clone, V: Clone> Clone for HashMap<K, V> {}
    impl<K, V> Default for HashMap<K, V> {}
    impl<K: crate::fmt::Debug, V: crate::fmt::Debug> crate::fmt::Debug for HashMap<K, V> {}
    impl<K, V> FromIterator<(K, V)> for HashMap<K, V> {}
    impl<K, V> Extend<(K, V)> for HashMap<K, V> {}
    impl<K: PartialEq, V: PartialEq> PartialEq for HashMap<K, V> {}
}

pub mod boxed {
    pub struct Box<T: ?Sized>;
    impl<T> Box<T> {
        pub fn new(x: T) -> Box<T>;
        pub fn pin(x: T) -> crate::pin::Pin<Box<T>>;
    }
    impl<T: ?Sized> Box<T> {
        pub fn into_pin(boxed: Box<T>) -> crate::pin::Pin<Box<T>>;
        pub fn leak<'a>(b: Box<T>) -> &'a mut T;
        pub fn into_raw(b: Box<T>) -> *mut T;
        pub unsafe fn from_raw(raw: *mut T) -> Box<T>;
        pub fn as_ref(&self) -> &T;
        pub fn as_mut(&mut self) -> &mut T;
    }
    impl<T: ?Sized> crate::ops::Deref for Box<T> { type Target = T; }
    impl<T: ?Sized> crate::ops::DerefMut for Box<T> {}
    impl<T: ?Sized> crate::convert::AsRef<T> for Box<T> {}
    impl<T: ?Sized> crate::convert::AsMut<T> for Box<T> {}
    impl<T: Clone> Clone for Box<T> {}
    impl<T: Default> Default for Box<T> {}
    impl<T: ?Sized + PartialEq> PartialEq for Box<T> {}
    impl<T: ?Sized + crate::fmt::Display> crate::fmt::Display for Box<T> {}
    impl<T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for Box<T> {}
    impl<T: ?Sized> Unpin for Box<T> {}
    impl<F: ?Sized + crate::future::Future + Unpin> crate::future::Future for Box<F> { type Output = F::Output; }
    impl<I: Iterator + ?Sized> Iterator for Box<I> { type Item = I::Item; }
    impl<Args, F: FnOnce<Args> + ?Sized> FnOnce<Args> for Box<F> { type Output = F::Output; }
    impl<Args, F: FnMut<Args> + ?Sized> FnMut<Args> for Box<F> {}
    impl<Args, F: Fn<Args> + ?Sized> Fn<Args> for Box<F> {}
    impl<T> From<T> for Box<T> {}
}

pub mod rc {
    pub struct Rc<T: ?Sized>;
    pub struct Weak<T: ?Sized>;
    impl<T> Rc<T> {
        pub fn new(value: T) -> Rc<T>;
        pub fn pin(value: T) -> crate::pin::Pin<Rc<T>>;
        pub fn try_unwrap(this: Rc<T>) -> Result<T, Rc<T>>;
        pub fn into_inner(this: Rc<T>) -> Option<T>;
        pub fn new_cyclic<F: FnOnce(&Weak<T>) -> T>(data_fn: F) -> Rc<T>;
    }
    impl<T: ?Sized> Rc<T> {
        pub fn strong_count(this: &Rc<T>) -> usize;
        pub fn weak_count(this: &Rc<T>) -> usize;
        pub fn downgrade(this: &Rc<T>) -> Weak<T>;
        pub fn ptr_eq(this: &Rc<T>, other: &Rc<T>) -> bool;
        pub fn get_mut(this: &mut Rc<T>) -> Option<&mut T>;
        pub fn as_ptr(this: &Rc<T>) -> *const T;
        pub fn into_raw(this: Rc<T>) -> *const T;
        pub unsafe fn from_raw(ptr: *const T) -> Rc<T>;
        pub unsafe fn increment_strong_count(ptr: *const T);
        pub unsafe fn decrement_strong_count(ptr: *const T);
    }
    impl<T: Clone> Rc<T> { pub fn make_mut(this: &mut Rc<T>) -> &mut T; pub fn unwrap_or_clone(this: Rc<T>) -> T; }
    impl<T> Weak<T> { pub fn new() -> Weak<T>; }
    impl<T: ?Sized> Weak<T> {
        pub fn upgrade(&self) -> Option<Rc<T>>;
        pub fn strong_count(&self) -> usize;
        pub fn weak_count(&self) -> usize;
    }
    impl<T: ?Sized> crate::ops::Deref for Rc<T> { type Target = T; }
    impl<T: ?Sized> Clone for Rc<T> {}
    impl<T: ?Sized> Clone for Weak<T> {}
    impl<T: Default> Default for Rc<T> {}
    impl<T: ?Sized + PartialEq> PartialEq for Rc<T> {}
    impl<T: ?Sized + crate::fmt::Display> crate::fmt::Display for Rc<T> {}
    impl<T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for Rc<T> {}
    impl<T: ?Sized> crate::fmt::Debug for Weak<T> {}
    impl<T: ?Sized> Unpin for Rc<T> {}
    impl<T> From<T> for Rc<T> {}
}

pub mod sync {
    pub struct Arc<T: ?Sized>;
    pub struct Weak<T: ?Sized>;
    impl<T> Arc<T> {
        pub fn new(data: T) -> Arc<T>;
        pub fn pin(data: T) -> crate::pin::Pin<Arc<T>>;
        pub fn try_unwrap(this: Arc<T>) -> Result<T, Arc<T>>;
        pub fn into_inner(this: Arc<T>) -> Option<T>;
    }
    impl<T: ?Sized> Arc<T> {
        pub fn strong_count(this: &Arc<T>) -> usize;
        pub fn weak_count(this: &Arc<T>) -> usize;
        pub fn downgrade(this: &Arc<T>) -> Weak<T>;
        pub fn ptr_eq(this: &Arc<T>, other: &Arc<T>) -> bool;
        pub fn get_mut(this: &mut Arc<T>) -> Option<&mut T>;
        pub fn as_ptr(this: &Arc<T>) -> *const T;
        pub fn into_raw(this: Arc<T>) -> *const T;
        pub unsafe fn from_raw(ptr: *const T) -> Arc<T>;
        pub unsafe fn increment_strong_count(ptr: *const T);
        pub unsafe fn decrement_strong_count(ptr: *const T);
    }
    impl<T: ?Sized> Weak<T> {
        pub fn upgrade(&self) -> Option<Arc<T>>;
        pub fn strong_count(&self) -> usize;
    }
    impl<T: ?Sized> crate::ops::Deref for Arc<T> { type Target = T; }
    impl<T: ?Sized> Clone for Arc<T> {}
    impl<T: ?Sized> Clone for Weak<T> {}
    impl<T: Default> Default for Arc<T> {}
    impl<T: ?Sized + crate::fmt::Display> crate::fmt::Display for Arc<T> {}
    impl<T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for Arc<T> {}
    impl<T: ?Sized + PartialEq> PartialEq for Arc<T> {}
    impl<T: ?Sized> Unpin for Arc<T> {}
    impl<T> From<T> for Arc<T> {}

    pub struct Mutex<T: ?Sized>;
    pub struct MutexGuard<'a, T: ?Sized>;
    pub struct PoisonError<T>;
    pub type LockResult<Guard> = Result<Guard, PoisonError<Guard>>;
    pub type TryLockResult<Guard> = Result<Guard, TryLockError<Guard>>;
    pub enum TryLockError<T> { Poisoned(PoisonError<T>), WouldBlock }
    impl<T> Mutex<T> {
        pub fn new(t: T) -> Mutex<T>;
        pub fn into_inner(self) -> LockResult<T>;
    }
    impl<T: ?Sized> Mutex<T> {
        pub fn lock(&self) -> LockResult<MutexGuard<'_, T>>;
        pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>>;
        pub fn get_mut(&mut self) -> LockResult<&mut T>;
        pub fn is_poisoned(&self) -> bool;
    }
    impl<'a, T: ?Sized> crate::ops::Deref for MutexGuard<'a, T> { type Target = T; }
    impl<'a, T: ?Sized> crate::ops::DerefMut for MutexGuard<'a, T> {}
    impl<'a, T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for MutexGuard<'a, T> {}
    impl<'a, T: ?Sized + crate::fmt::Display> crate::fmt::Display for MutexGuard<'a, T> {}
    impl<T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for Mutex<T> {}
    impl<T: Default> Default for Mutex<T> {}
    impl<T> crate::fmt::Debug for PoisonError<T> {}
    impl<T> crate::fmt::Debug for TryLockError<T> {}
    pub mod atomic {
        pub enum Ordering { Relaxed, Release, Acquire, AcqRel, SeqCst }
        impl Clone for Ordering {}
        impl Copy for Ordering {}
        impl crate::fmt::Debug for Ordering {}
        pub fn fence(order: Ordering);
        pub struct AtomicBool;
        impl AtomicBool {
            pub const fn new(v: bool) -> AtomicBool;
            pub fn load(&self, order: Ordering) -> bool;
            pub fn store(&self, val: bool, order: Ordering);
            pub fn swap(&self, val: bool, order: Ordering) -> bool;
            pub fn compare_exchange(&self, current: bool, new: bool, success: Ordering, failure: Ordering) -> Result<bool, bool>;
            pub fn fetch_or(&self, val: bool, order: Ordering) -> bool;
            pub fn fetch_and(&self, val: bool, order: Ordering) -> bool;
            pub fn into_inner(self) -> bool;
            pub fn get_mut(&mut self) -> &mut bool;
        }
        impl crate::fmt::Debug for AtomicBool {}
        impl Default for AtomicBool {}
        ${["usize", "isize", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"]
          .map(
            (t) => `pub struct Atomic${t[0]!.toUpperCase()}${t.slice(1)};
        impl Atomic${t[0]!.toUpperCase()}${t.slice(1)} {
            pub const fn new(v: ${t}) -> Atomic${t[0]!.toUpperCase()}${t.slice(1)};
            pub fn load(&self, order: Ordering) -> ${t};
            pub fn store(&self, val: ${t}, order: Ordering);
            pub fn swap(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_add(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_sub(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_max(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_min(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_or(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn fetch_and(&self, val: ${t}, order: Ordering) -> ${t};
            pub fn compare_exchange(&self, current: ${t}, new: ${t}, success: Ordering, failure: Ordering) -> Result<${t}, ${t}>;
            pub fn compare_exchange_weak(&self, current: ${t}, new: ${t}, success: Ordering, failure: Ordering) -> Result<${t}, ${t}>;
            pub fn into_inner(self) -> ${t};
            pub fn get_mut(&mut self) -> &mut ${t};
        }
        impl crate::fmt::Debug for Atomic${t[0]!.toUpperCase()}${t.slice(1)} {}
        impl Default for Atomic${t[0]!.toUpperCase()}${t.slice(1)} {}`,
          )
          .join("\n        ")}
    }
    pub mod mpsc {}
}

pub mod cell {
    pub struct Cell<T: ?Sized>;
    impl<T> Cell<T> {
        pub const fn new(value: T) -> Cell<T>;
        pub fn set(&self, val: T);
        pub fn replace(&self, val: T) -> T;
        pub fn into_inner(self) -> T;
        pub fn swap(&self, other: &Cell<T>);
    }
    impl<T: Copy> Cell<T> { pub fn get(&self) -> T; pub fn update<F: FnOnce(T) -> T>(&self, f: F); }
    impl<T: Default> Cell<T> { pub fn take(&self) -> T; }
    impl<T: ?Sized> Cell<T> { pub fn get_mut(&mut self) -> &mut T; pub fn as_ptr(&self) -> *mut T; }
    impl<T: Copy> Clone for Cell<T> {}
    impl<T: Default> Default for Cell<T> {}
    impl<T: Copy + crate::fmt::Debug> crate::fmt::Debug for Cell<T> {}
    impl<T: Copy + PartialEq> PartialEq for Cell<T> {}

    pub struct RefCell<T: ?Sized>;
    pub struct Ref<'b, T: ?Sized>;
    pub struct RefMut<'b, T: ?Sized>;
    pub struct BorrowError;
    pub struct BorrowMutError;
    impl<T> RefCell<T> {
        pub const fn new(value: T) -> RefCell<T>;
        pub fn into_inner(self) -> T;
        pub fn replace(&self, t: T) -> T;
        pub fn replace_with<F: FnOnce(&mut T) -> T>(&self, f: F) -> T;
        pub fn swap(&self, other: &RefCell<T>);
    }
    impl<T: ?Sized> RefCell<T> {
        pub fn borrow(&self) -> Ref<'_, T>;
        pub fn try_borrow(&self) -> Result<Ref<'_, T>, BorrowError>;
        pub fn borrow_mut(&self) -> RefMut<'_, T>;
        pub fn try_borrow_mut(&self) -> Result<RefMut<'_, T>, BorrowMutError>;
        pub fn as_ptr(&self) -> *mut T;
        pub fn get_mut(&mut self) -> &mut T;
    }
    impl<T: Default> RefCell<T> { pub fn take(&self) -> T; }
    impl<'b, T: ?Sized> crate::ops::Deref for Ref<'b, T> { type Target = T; }
    impl<'b, T: ?Sized> crate::ops::Deref for RefMut<'b, T> { type Target = T; }
    impl<'b, T: ?Sized> crate::ops::DerefMut for RefMut<'b, T> {}
    impl<'b, T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for Ref<'b, T> {}
    impl<'b, T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for RefMut<'b, T> {}
    impl<'b, T: ?Sized + crate::fmt::Display> crate::fmt::Display for Ref<'b, T> {}
    impl<'b, T: ?Sized + crate::fmt::Display> crate::fmt::Display for RefMut<'b, T> {}
    impl<'b, T: ?Sized> Ref<'b, T> {
        pub fn map<U: ?Sized, F: FnOnce(&T) -> &U>(orig: Ref<'b, T>, f: F) -> Ref<'b, U>;
        pub fn clone(orig: &Ref<'b, T>) -> Ref<'b, T>;
    }
    impl<'b, T: ?Sized> RefMut<'b, T> {
        pub fn map<U: ?Sized, F: FnOnce(&mut T) -> &mut U>(orig: RefMut<'b, T>, f: F) -> RefMut<'b, U>;
    }
    impl<T: Clone> Clone for RefCell<T> {}
    impl<T: Default> Default for RefCell<T> {}
    impl<T: ?Sized + crate::fmt::Debug> crate::fmt::Debug for RefCell<T> {}
    impl<T: ?Sized + PartialEq> PartialEq for RefCell<T> {}
    impl crate::fmt::Debug for BorrowError {}
    impl crate::fmt::Debug for BorrowMutError {}
    impl crate::fmt::Display for BorrowError {}
    impl crate::fmt::Display for BorrowMutError {}

    pub struct UnsafeCell<T: ?Sized>;
    impl<T> UnsafeCell<T> { pub const fn new(value: T) -> UnsafeCell<T>; pub fn into_inner(self) -> T; }
    impl<T: ?Sized> UnsafeCell<T> { pub const fn get(&self) -> *mut T; pub fn get_mut(&mut self) -> &mut T; }
    pub struct OnceCell<T>;
    impl<T> OnceCell<T> {
        pub const fn new() -> OnceCell<T>;
        pub fn get(&self) -> Option<&T>;
        pub fn set(&self, value: T) -> Result<(), T>;
        pub fn get_or_init<F: FnOnce() -> T>(&self, f: F) -> &T;
    }
}

pub mod pin {
    pub struct Pin<Ptr> { pointer: Ptr }
    impl<Ptr: crate::ops::Deref> Pin<Ptr> {
        pub fn new(pointer: Ptr) -> Pin<Ptr> where Ptr::Target: Unpin;
        pub fn into_inner(pin: Pin<Ptr>) -> Ptr where Ptr::Target: Unpin;
        pub unsafe fn new_unchecked(pointer: Ptr) -> Pin<Ptr>;
        pub fn as_ref(&self) -> Pin<&Ptr::Target>;
        pub unsafe fn into_inner_unchecked(pin: Pin<Ptr>) -> Ptr;
    }
    impl<Ptr: crate::ops::DerefMut> Pin<Ptr> {
        pub fn as_mut(&mut self) -> Pin<&mut Ptr::Target>;
        pub fn set(&mut self, value: Ptr::Target) where Ptr::Target: Sized;
    }
    impl<'a, T: ?Sized> Pin<&'a T> {
        pub fn get_ref(self) -> &'a T;
        pub unsafe fn map_unchecked<U: ?Sized, F: FnOnce(&T) -> &U>(self, func: F) -> Pin<&'a U>;
    }
    impl<'a, T: ?Sized> Pin<&'a mut T> {
        pub fn into_ref(self) -> Pin<&'a T>;
        pub fn get_mut(self) -> &'a mut T where T: Unpin;
        pub unsafe fn get_unchecked_mut(self) -> &'a mut T;
        pub unsafe fn map_unchecked_mut<U: ?Sized, F: FnOnce(&mut T) -> &mut U>(self, func: F) -> Pin<&'a mut U>;
    }
    impl<T: ?Sized> Pin<&'static T> { pub fn static_ref(r: &'static T) -> Pin<&'static T>; }
    impl<T: ?Sized> Pin<&'static mut T> { pub fn static_mut(r: &'static mut T) -> Pin<&'static mut T>; }
    impl<Ptr: crate::ops::Deref> crate::ops::Deref for Pin<Ptr> { type Target = Ptr::Target; }
    impl<Ptr: crate::ops::DerefMut> crate::ops::DerefMut for Pin<Ptr> where Ptr::Target: Unpin {}
    impl<Ptr: Clone> Clone for Pin<Ptr> {}
    impl<Ptr: Copy> Copy for Pin<Ptr> {}
    impl<Ptr: crate::fmt::Debug> crate::fmt::Debug for Pin<Ptr> {}
    impl<Ptr: crate::fmt::Display> crate::fmt::Display for Pin<Ptr> {}
    impl<Ptr: crate::fmt::Pointer> crate::fmt::Pointer for Pin<Ptr> {}
    impl<P: crate::ops::DerefMut> crate::future::Future for Pin<P> where P::Target: crate::future::Future {
        type Output = <<P as crate::ops::Deref>::Target as crate::future::Future>::Output;
    }
    impl<P: Unpin> Unpin for Pin<P> {}
    impl<T: ?Sized> From<Box<T>> for Pin<Box<T>> {}
}

pub mod future {
    pub trait Future {
        type Output;
        fn poll(self: crate::pin::Pin<&mut Self>, cx: &mut crate::task::Context<'_>) -> crate::task::Poll<Self::Output>;
    }
    pub trait IntoFuture {
        type Output;
        type IntoFuture: Future<Output = Self::Output>;
        fn into_future(self) -> Self::IntoFuture;
    }
    impl<F: Future> IntoFuture for F { type Output = F::Output; type IntoFuture = F; }
    impl<F: ?Sized + Future + Unpin> Future for &mut F { type Output = F::Output; }
    pub struct PollFn<F>;
    impl<T, F: FnMut(&mut crate::task::Context<'_>) -> crate::task::Poll<T>> Future for PollFn<F> { type Output = T; }
    impl<F> Unpin for PollFn<F> {}
    pub fn poll_fn<T, F: FnMut(&mut crate::task::Context<'_>) -> crate::task::Poll<T>>(f: F) -> PollFn<F>;
    pub struct Ready<T>;
    impl<T> Future for Ready<T> { type Output = T; }
    impl<T> Unpin for Ready<T> {}
    impl<T> Ready<T> { pub fn into_inner(self) -> T; }
    pub fn ready<T>(t: T) -> Ready<T>;
    pub struct Pending<T>;
    impl<T> Future for Pending<T> { type Output = T; }
    impl<T> Unpin for Pending<T> {}
    pub fn pending<T>() -> Pending<T>;
}

pub mod task {
    pub enum Poll<T> { Ready(T), Pending }
    impl<T> Poll<T> {
        pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Poll<U>;
        pub fn is_ready(&self) -> bool;
        pub fn is_pending(&self) -> bool;
    }
    impl<T: Clone> Clone for Poll<T> {}
    impl<T: Copy> Copy for Poll<T> {}
    impl<T: PartialEq> PartialEq for Poll<T> {}
    impl<T: Eq> Eq for Poll<T> {}
    impl<T: crate::fmt::Debug> crate::fmt::Debug for Poll<T> {}
    impl<T> From<T> for Poll<T> {}
    pub struct Context<'a>;
    impl<'a> Context<'a> {
        pub fn from_waker(waker: &'a Waker) -> Context<'a>;
        pub fn waker(&self) -> &'a Waker;
    }
    impl<'a> crate::fmt::Debug for Context<'a> {}
    pub struct Waker;
    impl Waker {
        pub fn noop() -> &'static Waker;
        pub fn wake(self);
        pub fn wake_by_ref(&self);
        pub fn will_wake(&self, other: &Waker) -> bool;
        pub unsafe fn from_raw(waker: RawWaker) -> Waker;
        pub unsafe fn new(data: *const (), vtable: &'static RawWakerVTable) -> Waker;
        pub fn data(&self) -> *const ();
        pub fn vtable(&self) -> &'static RawWakerVTable;
    }
    impl Clone for Waker {}
    impl crate::fmt::Debug for Waker {}
    impl<W: Wake + Send + Sync + 'static> From<crate::sync::Arc<W>> for Waker {}
    pub struct RawWaker;
    impl RawWaker {
        pub const fn new(data: *const (), vtable: &'static RawWakerVTable) -> RawWaker;
        pub fn data(&self) -> *const ();
        pub fn vtable(&self) -> &'static RawWakerVTable;
    }
    impl crate::fmt::Debug for RawWaker {}
    impl PartialEq for RawWaker {}
    pub struct RawWakerVTable;
    impl RawWakerVTable {
        pub const fn new(
            clone: unsafe fn(*const ()) -> RawWaker,
            wake: unsafe fn(*const ()),
            wake_by_ref: unsafe fn(*const ()),
            drop: unsafe fn(*const ()),
        ) -> RawWakerVTable;
    }
    impl crate::fmt::Debug for RawWakerVTable {}
    impl PartialEq for RawWakerVTable {}
    pub trait Wake {
        fn wake(self: crate::sync::Arc<Self>);
        fn wake_by_ref(self: &crate::sync::Arc<Self>);
    }
}

pub mod mem {
    pub fn swap<T>(x: &mut T, y: &mut T);
    pub fn replace<T>(dest: &mut T, src: T) -> T;
    pub fn take<T: Default>(dest: &mut T) -> T;
    pub fn drop<T>(_x: T);
    pub fn forget<T>(t: T);
    pub fn size_of<T>() -> usize;
    pub fn size_of_val<T: ?Sized>(val: &T) -> usize;
    pub fn align_of<T>() -> usize;
    pub fn needs_drop<T: ?Sized>() -> bool;
    pub fn discriminant<T>(v: &T) -> Discriminant<T>;
    pub struct Discriminant<T>;
    impl<T> PartialEq for Discriminant<T> {}
    impl<T> crate::fmt::Debug for Discriminant<T> {}
    pub struct ManuallyDrop<T: ?Sized>;
    impl<T> ManuallyDrop<T> { pub const fn new(value: T) -> ManuallyDrop<T>; pub fn into_inner(slot: ManuallyDrop<T>) -> T; pub unsafe fn drop(slot: &mut ManuallyDrop<T>); }
    impl<T: ?Sized> crate::ops::Deref for ManuallyDrop<T> { type Target = T; }
    impl<T: ?Sized> crate::ops::DerefMut for ManuallyDrop<T> {}
    pub struct MaybeUninit<T>;
}

pub mod ptr {
    pub fn null<T>() -> *const T;
    pub fn null_mut<T>() -> *mut T;
    pub fn eq<T: ?Sized>(a: *const T, b: *const T) -> bool;
    pub fn addr_eq<T: ?Sized, U: ?Sized>(p: *const T, q: *const U) -> bool;
    pub unsafe fn read<T>(src: *const T) -> T;
    pub unsafe fn write<T>(dst: *mut T, src: T);
    pub unsafe fn replace<T>(dst: *mut T, src: T) -> T;
    pub unsafe fn swap<T>(x: *mut T, y: *mut T);
    pub unsafe fn drop_in_place<T: ?Sized>(to_drop: *mut T);
    pub fn from_ref<T: ?Sized>(r: &T) -> *const T;
    pub fn from_mut<T: ?Sized>(r: &mut T) -> *mut T;
    pub struct NonNull<T: ?Sized>;
    impl<T: ?Sized> NonNull<T> {
        pub fn new(ptr: *mut T) -> Option<NonNull<T>>;
        pub const unsafe fn new_unchecked(ptr: *mut T) -> NonNull<T>;
        pub fn from_ref(r: &T) -> NonNull<T>;
        pub fn from_mut(r: &mut T) -> NonNull<T>;
        pub const fn as_ptr(self) -> *mut T;
        pub unsafe fn as_ref<'a>(&self) -> &'a T;
        pub unsafe fn as_mut<'a>(&mut self) -> &'a mut T;
    }
    impl<T: ?Sized> Clone for NonNull<T> {}
    impl<T: ?Sized> Copy for NonNull<T> {}
    impl<T: ?Sized> crate::fmt::Debug for NonNull<T> {}
    impl<T: ?Sized> PartialEq for NonNull<T> {}
}

impl<T: ?Sized> *const T {
    pub fn is_null(self) -> bool;
    pub unsafe fn as_ref<'a>(self) -> Option<&'a T>;
    pub const fn cast<U>(self) -> *const U;
    pub unsafe fn read(self) -> T;
    pub unsafe fn add(self, count: usize) -> *const T;
    pub unsafe fn sub(self, count: usize) -> *const T;
    pub unsafe fn offset(self, count: isize) -> *const T;
    pub fn wrapping_add(self, count: usize) -> *const T;
    pub fn cast_mut(self) -> *mut T;
    pub fn addr(self) -> usize;
}
impl<T: ?Sized> *mut T {
    pub fn is_null(self) -> bool;
    pub unsafe fn as_ref<'a>(self) -> Option<&'a T>;
    pub unsafe fn as_mut<'a>(self) -> Option<&'a mut T>;
    pub const fn cast<U>(self) -> *mut U;
    pub unsafe fn read(self) -> T;
    pub unsafe fn write(self, val: T);
    pub unsafe fn replace(self, src: T) -> T;
    pub unsafe fn add(self, count: usize) -> *mut T;
    pub unsafe fn sub(self, count: usize) -> *mut T;
    pub unsafe fn offset(self, count: isize) -> *mut T;
    pub fn wrapping_add(self, count: usize) -> *mut T;
    pub fn cast_const(self) -> *const T;
    pub fn addr(self) -> usize;
    pub unsafe fn drop_in_place(self);
}
impl<T: ?Sized> crate::fmt::Debug for *const T {}
impl<T: ?Sized> crate::fmt::Debug for *mut T {}
impl<T: ?Sized> crate::fmt::Pointer for *const T {}
impl<T: ?Sized> crate::fmt::Pointer for *mut T {}
impl<T: ?Sized> PartialEq for *const T {}
impl<T: ?Sized> PartialEq for *mut T {}
impl<T: ?Sized> Eq for *const T {}
impl<T: ?Sized> Eq for *mut T {}
impl<'a, T: ?Sized> crate::fmt::Pointer for &'a T {}
impl<'a, T: ?Sized> crate::fmt::Pointer for &'a mut T {}

impl bool {
    pub fn then<T, F: FnOnce() -> T>(self, f: F) -> Option<T>;
    pub fn then_some<T>(self, t: T) -> Option<T>;
    pub fn to_string(&self) -> String;
}

impl char {
    pub const MAX: char;
    pub fn is_alphabetic(self) -> bool;
    pub fn is_numeric(self) -> bool;
    pub fn is_alphanumeric(self) -> bool;
    pub fn is_whitespace(self) -> bool;
    pub fn is_uppercase(self) -> bool;
    pub fn is_lowercase(self) -> bool;
    pub fn is_control(self) -> bool;
    pub fn is_ascii(&self) -> bool;
    pub fn is_ascii_digit(&self) -> bool;
    pub fn is_ascii_hexdigit(&self) -> bool;
    pub fn is_ascii_alphabetic(&self) -> bool;
    pub fn is_ascii_alphanumeric(&self) -> bool;
    pub fn is_ascii_uppercase(&self) -> bool;
    pub fn is_ascii_lowercase(&self) -> bool;
    pub fn is_ascii_punctuation(&self) -> bool;
    pub fn is_ascii_whitespace(&self) -> bool;
    pub fn is_digit(self, radix: u32) -> bool;
    pub fn to_digit(self, radix: u32) -> Option<u32>;
    pub fn to_ascii_uppercase(&self) -> char;
    pub fn to_ascii_lowercase(&self) -> char;
    pub fn to_uppercase(self) -> crate::char::ToUppercase;
    pub fn to_lowercase(self) -> crate::char::ToLowercase;
    pub fn len_utf8(self) -> usize;
    pub fn from_u32(i: u32) -> Option<char>;
    pub fn from_digit(num: u32, radix: u32) -> Option<char>;
    pub fn to_string(&self) -> String;
    pub fn eq_ignore_ascii_case(&self, other: &char) -> bool;
}
pub mod char {
    pub struct ToUppercase;
    impl Iterator for ToUppercase { type Item = char; }
    impl crate::fmt::Display for ToUppercase {}
    pub struct CharTryFromError;
    impl crate::fmt::Debug for CharTryFromError {}
    impl crate::fmt::Display for CharTryFromError {}
    pub struct ToLowercase;
    impl Iterator for ToLowercase { type Item = char; }
    impl crate::fmt::Display for ToLowercase {}
    pub fn from_u32(i: u32) -> Option<char>;
    pub fn from_digit(num: u32, radix: u32) -> Option<char>;
}

pub mod iter {
    pub trait Iterator {
        type Item;
${ITER_ADAPTORS}
    }
    pub trait DoubleEndedIterator: Iterator {
        fn next_back(&mut self) -> Option<Self::Item>;
        fn rfind<P: FnMut(&Self::Item) -> bool>(&mut self, predicate: P) -> Option<Self::Item>;
        fn rfold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B;
    }
    pub trait ExactSizeIterator: Iterator { fn len(&self) -> usize; }
    pub trait IntoIterator {
        type Item;
        type IntoIter: Iterator<Item = Self::Item>;
        fn into_iter(self) -> Self::IntoIter;
    }
    impl<I: Iterator> IntoIterator for I { type Item = I::Item; type IntoIter = I; }
    impl<'a, I: Iterator + ?Sized> Iterator for &'a mut I { type Item = I::Item; }
    pub trait FromIterator<A>: Sized { fn from_iter<T: IntoIterator<Item = A>>(iter: T) -> Self; }
    pub trait Extend<A> { fn extend<T: IntoIterator<Item = A>>(&mut self, iter: T); }
    pub trait Sum<A = Self> {}
    pub trait Product<A = Self> {}
    pub trait Step: Clone + PartialOrd + Sized {}
    impl Step for char {}
    impl<T, E, V: FromIterator<T>> FromIterator<Result<T, E>> for Result<V, E> {}
    impl<T, V: FromIterator<T>> FromIterator<Option<T>> for Option<V> {}
    impl FromIterator<()> for () {}
    impl<A, B, EA: Default + Extend<A>, EB: Default + Extend<B>> Extend<(A, B)> for (EA, EB) {}
    ${adaptor("Map", "I, F", "B, I: Iterator, F: FnMut(I::Item) -> B", "B")}
    ${adaptor("Filter", "I, P", "I: Iterator, P: FnMut(&I::Item) -> bool", "I::Item")}
    ${adaptor("FilterMap", "I, F", "B, I: Iterator, F: FnMut(I::Item) -> Option<B>", "B")}
    ${adaptor("Enumerate", "I", "I: Iterator", "(usize, I::Item)")}
    ${adaptor("Zip", "A, B", "A: Iterator, B: Iterator", "(A::Item, B::Item)")}
    ${adaptor("Chain", "A, B", "A: Iterator, B: Iterator<Item = A::Item>", "A::Item")}
    ${adaptor("Rev", "I", "I: DoubleEndedIterator", "I::Item")}
    ${adaptor("Take", "I", "I: Iterator", "I::Item")}
    ${adaptor("Skip", "I", "I: Iterator", "I::Item")}
    ${adaptor("StepBy", "I", "I: Iterator", "I::Item")}
    ${adaptor("TakeWhile", "I, P", "I: Iterator, P: FnMut(&I::Item) -> bool", "I::Item")}
    ${adaptor("SkipWhile", "I, P", "I: Iterator, P: FnMut(&I::Item) -> bool", "I::Item")}
    ${adaptor("Peekable", "I", "I: Iterator", "I::Item")}
    ${adaptor("Fuse", "I", "I: Iterator", "I::Item")}
    ${adaptor("Cycle", "I", "I: Iterator + Clone", "I::Item")}
    ${adaptor("Inspect", "I, F", "I: Iterator, F: FnMut(&I::Item)", "I::Item")}
    ${adaptor("Scan", "I, St, F", "B, I: Iterator, St, F: FnMut(&mut St, I::Item) -> Option<B>", "B")}
    ${adaptor("FlatMap", "I, U, F", "I: Iterator, U: IntoIterator, F: FnMut(I::Item) -> U", "U::Item")}
    ${adaptor("Flatten", "I", "I: Iterator", "<I::Item as IntoIterator>::Item")}
    ${adaptor("Copied", "I", "'a, T: 'a + Copy, I: Iterator<Item = &'a T>", "T")}
    ${adaptor("Cloned", "I", "'a, T: 'a + Clone, I: Iterator<Item = &'a T>", "T")}
    impl<I: Iterator> Peekable<I> {
        pub fn peek(&mut self) -> Option<&I::Item>;
        pub fn peek_mut(&mut self) -> Option<&mut I::Item>;
        pub fn next_if<F: FnOnce(&I::Item) -> bool>(&mut self, func: F) -> Option<I::Item>;
        pub fn next_if_eq(&mut self, expected: &I::Item) -> Option<I::Item> where I::Item: PartialEq;
    }
    pub struct Once<T>;
    impl<T> Iterator for Once<T> { type Item = T; }
    pub fn once<T>(value: T) -> Once<T>;
    pub struct Repeat<T>;
    impl<T: Clone> Iterator for Repeat<T> { type Item = T; }
    pub fn repeat<T: Clone>(elt: T) -> Repeat<T>;
    pub struct Empty<T>;
    impl<T> Iterator for Empty<T> { type Item = T; }
    pub fn empty<T>() -> Empty<T>;
    pub struct FromFn<F>;
    impl<T, F: FnMut() -> Option<T>> Iterator for FromFn<F> { type Item = T; }
    pub fn from_fn<T, F: FnMut() -> Option<T>>(f: F) -> FromFn<F>;
    pub struct Successors<T, F>;
    impl<T, F: FnMut(&T) -> Option<T>> Iterator for Successors<T, F> { type Item = T; }
    pub fn successors<T, F: FnMut(&T) -> Option<T>>(first: Option<T>, succ: F) -> Successors<T, F>;
    pub fn zip<A: IntoIterator, B: IntoIterator>(a: A, b: B) -> Zip<A::IntoIter, B::IntoIter>;
}

pub mod time {
    pub struct Duration;
    impl Duration {
        pub const ZERO: Duration;
        pub const fn new(secs: u64, nanos: u32) -> Duration;
        pub const fn from_secs(secs: u64) -> Duration;
        pub const fn from_millis(millis: u64) -> Duration;
        pub const fn from_micros(micros: u64) -> Duration;
        pub const fn from_nanos(nanos: u64) -> Duration;
        pub fn from_secs_f64(secs: f64) -> Duration;
        pub const fn as_secs(&self) -> u64;
        pub const fn as_millis(&self) -> u128;
        pub const fn as_micros(&self) -> u128;
        pub const fn as_nanos(&self) -> u128;
        pub fn as_secs_f64(&self) -> f64;
        pub fn as_secs_f32(&self) -> f32;
        pub const fn subsec_millis(&self) -> u32;
        pub const fn subsec_nanos(&self) -> u32;
        pub fn checked_sub(self, rhs: Duration) -> Option<Duration>;
        pub fn saturating_sub(self, rhs: Duration) -> Duration;
        pub fn is_zero(&self) -> bool;
    }
    impl Clone for Duration {}
    impl Copy for Duration {}
    impl PartialEq for Duration {}
    impl Eq for Duration {}
    impl PartialOrd for Duration {}
    impl Ord for Duration {}
    impl Default for Duration {}
    impl crate::fmt::Debug for Duration {}
    impl crate::ops::Add for Duration { type Output = Duration; }
    impl crate::ops::Sub for Duration { type Output = Duration; }
    impl crate::ops::Mul<u32> for Duration { type Output = Duration; }
    impl crate::ops::Div<u32> for Duration { type Output = Duration; }
    impl crate::ops::AddAssign for Duration {}
    impl crate::ops::SubAssign for Duration {}
    pub struct Instant;
    impl Instant {
        pub fn now() -> Instant;
        pub fn elapsed(&self) -> Duration;
        pub fn duration_since(&self, earlier: Instant) -> Duration;
    }
    impl Clone for Instant {}
    impl Copy for Instant {}
    impl PartialEq for Instant {}
    impl PartialOrd for Instant {}
    impl crate::fmt::Debug for Instant {}
    impl crate::ops::Add<Duration> for Instant { type Output = Instant; }
    impl crate::ops::Sub<Instant> for Instant { type Output = Duration; }
}

pub mod env {
    pub struct Args;
    impl Iterator for Args { type Item = String; }
    impl ExactSizeIterator for Args {}
    pub fn args() -> Args;
    pub fn var(key: &str) -> Result<String, VarError>;
    pub struct VarError;
    impl crate::fmt::Debug for VarError {}
    impl crate::fmt::Display for VarError {}
}

pub mod process {
    pub fn exit(code: i32) -> !;
    pub fn abort() -> !;
}

pub mod hint {
    pub fn black_box<T>(dummy: T) -> T;
    pub fn spin_loop();
    pub unsafe fn unreachable_unchecked() -> !;
}

pub mod thread {
    pub struct LocalKey<T: 'static>;
    impl<T: 'static> LocalKey<T> {
        pub fn with<F: FnOnce(&T) -> R, R>(&'static self, f: F) -> R;
    }
    impl<T: 'static> LocalKey<crate::cell::Cell<T>> {
        pub fn set(&'static self, value: T);
        pub fn get(&'static self) -> T where T: Copy;
        pub fn take(&'static self) -> T where T: Default;
        pub fn replace(&'static self, value: T) -> T;
    }
    impl<T: 'static> LocalKey<crate::cell::RefCell<T>> {
        pub fn with_borrow<F: FnOnce(&T) -> R, R>(&'static self, f: F) -> R;
        pub fn with_borrow_mut<F: FnOnce(&mut T) -> R, R>(&'static self, f: F) -> R;
    }
    pub fn yield_now();
}

pub mod any {
    pub fn type_name<T: ?Sized>() -> &'static str;
    pub fn type_name_of_val<T: ?Sized>(_val: &T) -> &'static str;
    pub trait Any {}
}

pub mod f64 { pub mod consts { pub const PI: f64; pub const E: f64; pub const TAU: f64; pub const SQRT_2: f64; pub const LN_2: f64; } pub const MAX: f64; pub const MIN: f64; pub const EPSILON: f64; pub const NAN: f64; pub const INFINITY: f64; }
pub mod f32 { pub mod consts { pub const PI: f32; pub const E: f32; pub const TAU: f32; } pub const MAX: f32; pub const MIN: f32; pub const EPSILON: f32; }

${INT_KINDS.map(intImpl).join("")}
impl u8 {
    pub fn is_ascii(&self) -> bool;
    pub fn is_ascii_digit(&self) -> bool;
    pub fn is_ascii_hexdigit(&self) -> bool;
    pub fn is_ascii_alphabetic(&self) -> bool;
    pub fn is_ascii_alphanumeric(&self) -> bool;
    pub fn is_ascii_uppercase(&self) -> bool;
    pub fn is_ascii_lowercase(&self) -> bool;
    pub fn is_ascii_punctuation(&self) -> bool;
    pub fn is_ascii_whitespace(&self) -> bool;
    pub fn is_ascii_graphic(&self) -> bool;
    pub fn is_ascii_control(&self) -> bool;
    pub fn to_ascii_uppercase(&self) -> u8;
    pub fn to_ascii_lowercase(&self) -> u8;
    pub fn eq_ignore_ascii_case(&self, other: &u8) -> bool;
}
${numericConversions()}
${FLOAT_KINDS.map(floatImpl).join("")}

impl crate::str::Pattern for char {}
impl<'a> crate::str::Pattern for &'a str {}
impl<'a> crate::str::Pattern for &'a String {}
impl<'a, const N: usize> crate::str::Pattern for [char; N] {}
impl<F: FnMut(char) -> bool> crate::str::Pattern for F {}
impl Default for bool {}
impl Default for char {}
impl Default for () {}

pub mod futures {
    pub mod executor {
        pub fn block_on<F: crate::future::Future>(f: F) -> F::Output;
    }
    pub mod task {
        pub fn noop_waker() -> crate::task::Waker;
        pub fn noop_waker_ref() -> &'static crate::task::Waker;
        pub use crate::task::{Context, Poll, Waker};
    }
    pub mod future {
        pub use crate::future::{ready, pending, poll_fn, Future};
        pub fn join_all<I: IntoIterator>(iter: I) -> JoinAll<I::Item> where I::Item: crate::future::Future;
        pub struct JoinAll<F>;
        impl<F: crate::future::Future> crate::future::Future for JoinAll<F> { type Output = Vec<F::Output>; }
        pub trait FutureExt: crate::future::Future {
            fn boxed<'a>(self) -> crate::pin::Pin<Box<dyn crate::future::Future<Output = Self::Output> + Send + 'a>>;
            fn boxed_local<'a>(self) -> crate::pin::Pin<Box<dyn crate::future::Future<Output = Self::Output> + 'a>>;
        }
        impl<T: crate::future::Future> FutureExt for T {}
        pub type BoxFuture<'a, T> = crate::pin::Pin<Box<dyn crate::future::Future<Output = T> + Send + 'a>>;
        pub type LocalBoxFuture<'a, T> = crate::pin::Pin<Box<dyn crate::future::Future<Output = T> + 'a>>;
    }
    pub mod prelude {
        pub use crate::futures::future::FutureExt;
    }
    pub use crate::futures::future::FutureExt;
}

pub mod tokio {
    pub fn spawn<F: crate::future::Future + 'static>(future: F) -> crate::tokio::task::JoinHandle<F::Output>;
    pub mod task {
        pub struct JoinHandle<T>;
        impl<T> crate::future::Future for JoinHandle<T> { type Output = Result<T, JoinError>; }
        impl<T> Unpin for JoinHandle<T> {}
        impl<T> JoinHandle<T> { pub fn abort(&self); pub fn is_finished(&self) -> bool; }
        pub struct JoinError;
        impl crate::fmt::Debug for JoinError {}
        impl crate::fmt::Display for JoinError {}
        pub struct YieldNow;
        impl crate::future::Future for YieldNow { type Output = (); }
        pub fn yield_now() -> YieldNow;
        pub use crate::tokio::spawn;
    }
    pub mod time {
        pub use crate::time::Duration;
        pub struct Sleep;
        impl crate::future::Future for Sleep { type Output = (); }
        pub fn sleep(duration: Duration) -> Sleep;
        pub struct Instant;
        impl Instant { pub fn now() -> Instant; pub fn elapsed(&self) -> Duration; }
    }
    pub mod sync {
        pub mod oneshot {
            pub mod error {
                pub struct RecvError;
                impl crate::fmt::Debug for RecvError {}
                impl crate::fmt::Display for RecvError {}
            }
            pub struct Sender<T>;
            pub struct Receiver<T>;
            pub fn channel<T>() -> (Sender<T>, Receiver<T>);
            impl<T> Sender<T> { pub fn send(self, t: T) -> Result<(), T>; pub fn is_closed(&self) -> bool; }
            impl<T> crate::future::Future for Receiver<T> { type Output = Result<T, error::RecvError>; }
            impl<T> Unpin for Receiver<T> {}
        }
        pub mod mpsc {
            pub mod error {
                pub struct SendError<T>(pub T);
                impl<T> crate::fmt::Debug for SendError<T> {}
                impl<T> crate::fmt::Display for SendError<T> {}
            }
            pub struct Sender<T>;
            pub struct Receiver<T>;
            pub struct UnboundedSender<T>;
            pub struct UnboundedReceiver<T>;
            pub fn channel<T>(buffer: usize) -> (Sender<T>, Receiver<T>);
            pub fn unbounded_channel<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>);
            pub struct Send<T>;
            impl<T> crate::future::Future for Send<T> { type Output = Result<(), error::SendError<T>>; }
            pub struct Recv<T>;
            impl<T> crate::future::Future for Recv<T> { type Output = Option<T>; }
            impl<T> Clone for Sender<T> {}
            impl<T> Clone for UnboundedSender<T> {}
            impl<T> Sender<T> { pub fn send(&self, value: T) -> Send<T>; pub fn is_closed(&self) -> bool; }
            impl<T> UnboundedSender<T> { pub fn send(&self, value: T) -> Result<(), error::SendError<T>>; pub fn is_closed(&self) -> bool; }
            impl<T> Receiver<T> { pub fn recv(&mut self) -> Recv<T>; pub fn close(&mut self); }
            impl<T> UnboundedReceiver<T> { pub fn recv(&mut self) -> Recv<T>; pub fn close(&mut self); }
        }
    }
}
`;
