// Teaches: the four ways to get a `Pin`, and what each one promises.
//
//   Box::pin(fut)                 safe: the heap address never changes while the Box lives
//   std::pin::pin!(fut)           safe: moves the value into a hidden local you cannot name again
//   Pin::new(&mut x)              safe, only for `Unpin` types: they do not care about moving
//   Pin::new_unchecked(&mut x)    unsafe: *you* promise x never moves again until dropped
//
// `Pin::new_unchecked` does nothing at run time; the other three are the same cast plus a reason
// why the promise holds.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

async fn yield_once() {
    let mut done = false;
    std::future::poll_fn(move |_| if done { Poll::Ready(()) } else { done = true; Poll::Pending }).await
}

async fn greet(name: &str) -> String {
    let greeting = format!("hello, {}", name);
    let g = &greeting; // self-reference across the await
    yield_once().await;
    g.to_uppercase()
}

fn drive<F: Future>(label: &str, mut fut: Pin<&mut F>) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("{:<16} ready after {} polls", label, polls);
            return v;
        }
    }
}

// Sound use of new_unchecked: the function owns `fut` and shadows its only name.
fn with_new_unchecked<F: Future>(mut fut: F) -> F::Output {
    let fut = unsafe { Pin::new_unchecked(&mut fut) };
    drive("new_unchecked", fut)
}

fn main() {
    let mut on_heap = Box::pin(greet("heap"));
    println!("{}", drive("Box::pin", on_heap.as_mut()));

    let on_stack = pin!(greet("stack"));
    println!("{}", drive("pin!", on_stack));

    let mut unpin = std::future::ready(String::from("unpin value"));
    println!("{}", drive("Pin::new", Pin::new(&mut unpin)));

    println!("{}", with_new_unchecked(greet("unchecked")));
}
