// Teaches: structural pinning — why the generated `poll` can call `Pin::new_unchecked` on a field
// every time, and why that is sound.
//
// `MainFuture` stores `MyFuncFuture` inline, as a field. Once `MainFuture` is pinned, the field can
// never move either: it is part of the same block of memory. So each poll projects
// `Pin<&mut MainFuture>` to `Pin<&mut MyFuncFuture>` (by hand here; `map_unchecked_mut` is the
// same thing as a library call). The projection is a fresh, zero-cost `Pin` each time; the address
// it wraps stays the same because the parent does not move — checked below with `ptr::eq`.
use std::future::Future;
use std::pin::{pin, Pin};
use std::ptr;
use std::task::{Context, Poll, Waker};

struct MyFuncFuture {
    polls: u32,
}

impl Future for MyFuncFuture {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        println!("    MyFuncFuture::poll #{}", self.polls);
        if self.polls < 3 { Poll::Pending } else { Poll::Ready(self.polls * 10) }
    }
}

struct MainFuture {
    my_func_future: MyFuncFuture,
    last_seen: *const MyFuncFuture, // where the child was on the previous poll
}

impl Future for MainFuture {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // SAFETY: we never move `my_func_future` out of a pinned MainFuture.
        let this = unsafe { self.get_unchecked_mut() };
        let inner: &mut MyFuncFuture = &mut this.my_func_future;
        if !this.last_seen.is_null() {
            println!("  child at the same address as last poll: {}", ptr::eq(this.last_seen, inner));
        }
        this.last_seen = inner;
        let pinned = unsafe { Pin::new_unchecked(inner) }; // structural pinning
        pinned.poll(cx)
    }
}

// The same projection, spelled with the library helper.
fn child(parent: Pin<&mut MainFuture>) -> Pin<&mut MyFuncFuture> {
    unsafe { parent.map_unchecked_mut(|p| &mut p.my_func_future) }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut root = pin!(MainFuture { my_func_future: MyFuncFuture { polls: 0 }, last_seen: ptr::null() });
    let out = loop {
        println!("executor: poll MainFuture");
        if let Poll::Ready(v) = root.as_mut().poll(&mut cx) {
            break v;
        }
    };
    println!("ready: {}", out);
    println!("child polled {} times (read through map_unchecked_mut)", child(root.as_mut()).polls);
}
