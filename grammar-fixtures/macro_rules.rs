// macro_rules!: fragments, repetitions, recursion, item/statement/expression/pattern/type positions.
#![allow(dead_code, unused_variables, unused_macros)]
macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}
macro_rules! count {
    () => { 0usize };
    ($head:tt $($tail:tt)*) => { 1usize + count!($($tail)*) };
}
macro_rules! my_vec {
    ($($x:expr),* $(,)?) => {{
        let mut v = Vec::new();
        $( v.push($x); )*
        v
    }};
}
macro_rules! make_fn {
    ($vis:vis fn $name:ident() -> $t:ty $body:block) => {
        $vis fn $name() -> $t $body
    };
}
macro_rules! impl_describe {
    ($($t:ty => $s:literal),+ $(,)?) => {
        $( impl Describe for $t { fn describe() -> &'static str { $s } } )+
    };
}
macro_rules! is_some_pat {
    ($e:expr, $p:pat) => {
        match $e {
            $p => true,
            _ => false,
        }
    };
}
macro_rules! call_path {
    ($p:path) => {
        $p()
    };
}
macro_rules! declare {
    ($name:ident = $value:expr) => {
        let $name = $value;
    };
}
macro_rules! maximum {
    ($x:expr) => { $x };
    ($x:expr, $($rest:expr),+) => {{
        let a = $x;
        let b = maximum!($($rest),+);
        if a > b { a } else { b }
    }};
}
macro_rules! with_lifetime {
    ($l:lifetime) => {
        fn borrow<$l>(x: &$l str) -> &$l str { x }
    };
}
macro_rules! pair_ty {
    ($t:ty) => { ($t, $t) };
}
macro_rules! some_pat {
    () => { Some(_) };
}
macro_rules! with_attr {
    (#[$m:meta] $i:item) => {
        #[$m]
        $i
    };
}

trait Describe {
    fn describe() -> &'static str;
}
impl_describe!(u8 => "byte", String => "string",);
make_fn!(pub fn seven() -> u32 { 3 + 4 });
with_lifetime!('a);
with_attr!(#[derive(Debug)] struct Generated;);

fn main() {
    let n = square!(2 + 3);
    let c = count!(a b c d);
    let v = my_vec![1, 2, 3,];
    let ok = is_some_pat!(Some(1), Some(1..=5));
    let drop_it = call_path!(std::thread::yield_now);
    declare!(answer = 42);
    let m = maximum!(3, 9, 4);
    let p: pair_ty!(u8) = (1, 2);
    if let some_pat!() = Some(3) {}
    macro_rules! local {
        () => {
            println!("local {}", answer)
        };
    }
    local!();
}
