// Inline modules, use trees (lists, renames, globs, self, super, crate), visibility.
#![allow(dead_code, unused_imports)]
use std::collections::{HashMap, VecDeque};
use std::{
    cell::{Cell, RefCell},
    fmt::{self, Display as Disp},
    rc::Rc,
    sync::{atomic::*, Arc},
};
use ::std::mem;

mod outer {
    pub mod inner {
        pub fn f() -> u8 {
            super::g() + crate::top()
        }
        pub(crate) struct Hidden;
        pub(super) fn only_outer() {}
        pub(in crate::outer) fn scoped() {}
    }
    use self::inner::f as inner_f;
    pub(crate) use inner::Hidden;
    fn g() -> u8 {
        1
    }
    pub fn call() -> u8 {
        inner_f()
    }
}
mod empty {}

fn top() -> u8 {
    2
}

fn main() {
    let n = outer::call() + outer::inner::f();
    let _ = outer::Hidden;
}
