// A hand-written future that becomes self-referential on its first poll (it records a pointer to
// its own buffer) and relies on that pointer on the second poll. It opts out of Unpin, but
// `Pin::new_unchecked(&mut f)` on a local lets the program move it between the two polls.
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr;
use std::task::{Context, Poll, Waker};

struct Checksum {
    buf: [u8; 4],
    cursor: *const [u8; 4],
    _pin: PhantomPinned,
}

impl Future for Checksum {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        let this = unsafe { self.get_unchecked_mut() };
        if this.cursor.is_null() {
            this.cursor = &this.buf; // from now on the future points into itself
            return Poll::Pending;
        }
        let bytes = unsafe { &*this.cursor }; // UB: `cursor` points into the old place
        Poll::Ready(bytes.iter().map(|&b| b as u32).sum())
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = Checksum { buf: [1, 2, 3, 4], cursor: ptr::null(), _pin: PhantomPinned };
    let p = unsafe { Pin::new_unchecked(&mut f) }.poll(&mut cx); // P0102: `f` is moved below
    println!("first poll: {:?}", p);
    let mut g = f; // UB: moves the future after its self-reference was made; P0101
    println!("moved; cursor points into g: {}", ptr::eq(g.cursor, &g.buf));
    let q = unsafe { Pin::new_unchecked(&mut g) }.poll(&mut cx);
    println!("second poll: {:?}", q);
}
