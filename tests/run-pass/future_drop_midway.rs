// Dropping futures: before the first poll only the captured arguments are dropped; mid-way, the
// locals saved in the current Suspend state are dropped (in reverse order of declaration);
// after completion nothing is left to drop.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Loud(&'static str);
impl Drop for Loud {
    fn drop(&mut self) {
        println!("    drop {}", self.0);
    }
}

async fn tick() {
    let mut y = false;
    std::future::poll_fn(|_| if y { Poll::Ready(()) } else { y = true; Poll::Pending }).await
}

async fn stages(arg: Loud) {
    let first = Loud("first");
    tick().await; // Suspend0 holds: arg, first
    let second = Loud("second");
    tick().await; // Suspend1 holds: arg, first, second
    drop(first);
    let _third = Loud("third");
    tick().await; // Suspend2 holds: arg, second, _third
    println!("    stages finished: {} {}", arg.0, second.0);
}

fn run_polls(label: &str, polls: u32) {
    println!("{}: {} polls", label, polls);
    let mut fut: Pin<Box<dyn Future<Output = ()>>> = Box::pin(stages(Loud("arg")));
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..polls {
        if fut.as_mut().poll(&mut cx).is_ready() {
            println!("  ready");
        }
    }
    println!("  dropping the future");
    drop(fut);
    println!("  dropped");
}

fn main() {
    for polls in 0..5 {
        run_polls("run", polls);
    }
    let never_started = stages(Loud("unstarted arg"));
    println!("built one more; letting it go out of scope");
    let _ = &never_started;
}
