// unsafe blocks and fns, raw pointers, &raw, addr_of!, transmute-free casts, static mut, unsafe impl.
#![allow(dead_code, unused_variables, static_mut_refs)]
use std::ptr;

static mut TOTAL: u32 = 0;

struct SelfRef {
    value: String,
    ptr: *const String,
}
unsafe impl Send for SelfRef {}

unsafe fn read(p: *const u32) -> u32 {
    *p
}

fn main() {
    let mut x = 5u32;
    let p = &x as *const u32;
    let q = &mut x as *mut u32;
    let r = &raw const x;
    let s = &raw mut x;
    let a = ptr::addr_of!(x);
    let b = std::ptr::addr_of_mut!(x);
    let null: *const u8 = ptr::null();
    let null_mut: *mut u8 = std::ptr::null_mut();
    unsafe {
        *q += 1;
        let v = read(p);
        TOTAL += v;
        let back = &*p;
        let slice: *const [u8] = &[1u8, 2][..];
    }
    let addr = p as usize;
    let same = ptr::eq(p, r);
    let mut sr = SelfRef { value: String::from("v"), ptr: ptr::null() };
    sr.ptr = &sr.value;
    let len = unsafe { (&*sr.ptr).len() };
    let unit_ptr = ptr::null::<()>() as *const ();
}
