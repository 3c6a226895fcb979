// Teaches: how to own a `!Unpin` child future and still move the parent — `Pin<Box<F>>` fields.
//
// You cannot store `Pin<&mut T>` to your own field (that is itself a self-reference). If a struct
// wants to own a child future and stay freely movable, it stores `Pin<Box<Child>>`: the child lives
// on the heap, pinned once, and the parent holds only a pointer. Such a parent is `Unpin`, so it can
// be polled with `Pin::new` and moved between polls. The price is one allocation per child; the
// futures rustc generates store children inline instead and rely on the parent being pinned.
use std::future::Future;
use std::pin::Pin;
use std::ptr;
use std::task::{Context, Poll, Waker};

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn my_func(name: &'static str) -> usize {
    let owned = String::from(name);
    let r = &owned; // self-reference inside the child future
    tick().await;
    r.len()
}

struct MainFuture {
    children: Vec<Pin<Box<dyn Future<Output = usize>>>>,
    total: usize,
}

impl Future for MainFuture {
    type Output = usize;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        let this = &mut *self; // MainFuture is Unpin: plain `&mut` access through the Pin
        let mut i = 0;
        while i < this.children.len() {
            if let Poll::Ready(n) = this.children[i].as_mut().poll(cx) {
                this.total += n;
                drop(this.children.remove(i)); // moves the Boxes after i; the futures stay put
            } else {
                i += 1;
            }
        }
        if this.children.is_empty() { Poll::Ready(this.total) } else { Poll::Pending }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut parent = MainFuture { children: vec![Box::pin(my_func("pin")), Box::pin(my_func("boxed"))], total: 0 };
    let first_child: *const dyn Future<Output = usize> = &*parent.children[0].as_ref();
    println!("first poll: {:?}", Pin::new(&mut parent).poll(&mut cx));

    let mut moved = parent; // fine: only pointers move; the pinned children stay on the heap
    println!("child still at its address: {}", ptr::addr_eq(first_child, &*moved.children[0].as_ref()));
    println!("second poll: {:?}", Pin::new(&mut moved).poll(&mut cx));
}
